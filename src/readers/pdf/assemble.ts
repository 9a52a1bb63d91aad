/**
 * Page models → one document tree: page headers/footers and page numbers removed, table
 * fragments that continue on the next page appended to their table (repeated header rows
 * dropped, a row split by the page break merged back), paragraphs split by a page break
 * joined, and every line joined into paragraph text.
 */
import { paragraph, table, tableCell, tableRow } from '../../doctree/build.js';
import type { BlockNode, ParagraphNode, TableCellNode, TableRowNode } from '../../doctree/types.js';
import type { FragCell, FragRow, PageModel, TableFrag } from './page.js';
import { PDF_SETTINGS } from './settings.js';
import { isBreak, joinLines, splitParagraphs, Vocabulary, weightedConf, type PLine } from './text.js';
import { editDistance } from '../../util/text.js';

/** Lone page numbers: «3», «- 3 -», «– 3 –», «3 з 10», «Сторінка 3», «стор. 3 із 10», «3/10». */
const PAGE_NUMBER =
  /^(?:(?:сторінка|стор\.?|с\.|page)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:з|із|of|\/)\s*\d{1,4})?$/iu;

/** Header/footer identity: band, text with digits masked, and the baseline to within ~4 pt. */
function bandKey(band: string, text: string, base: number): string {
  return `${band}|${Math.round(base / 4)}|${text.replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim().toLowerCase()}`;
}

/** Remove page headers/footers (same text in the same band on many pages) and page numbers. */
function removeFurniture(pages: PageModel[]): void {
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const b of p.blocks) {
      if (b.kind !== 'line' || !b.free.band) continue;
      const k = bandKey(b.free.band, b.free.line.text, b.free.line.base);
      let s = seen.get(k);
      if (!s) {
        s = new Set();
        seen.set(k, s);
      }
      s.add(p.page);
    }
  }
  const textPages = pages.filter((p) => p.blocks.length > 0).length;
  const need = Math.max(2, Math.ceil(textPages * PDF_SETTINGS.text.furnitureShare));
  for (const p of pages) {
    p.blocks = p.blocks.filter((b) => {
      if (b.kind !== 'line' || !b.free.band) return true;
      const text = b.free.line.text.trim();
      if (PAGE_NUMBER.test(text)) return false;
      return (seen.get(bandKey(b.free.band, text, b.free.line.base))?.size ?? 0) < need;
    });
  }
}

interface RowBuild {
  row: FragRow;
  page: number;
  pitch: number;
  header?: boolean;
}

interface TableBuild {
  kind: 'table';
  page: number;
  xs: number[];
  ruled: boolean;
  rows: RowBuild[];
  /** Rows of the first fragment, for recognising header rows repeated on later pages. */
  firstRows: FragRow[];
}

interface ParaBuild {
  kind: 'para';
  page: number;
  pitch: number;
  lines: PLine[];
}

type Item = TableBuild | ParaBuild;

function rowText(row: FragRow): string {
  return row.cells.map((c) => c.lines.map((l) => l.text).join(' ')).join('\t');
}

/**
 * A header row repeated on a later page: the same text; for rows read by OCR (lines with a
 * confidence), the same text up to misread characters: the letters and digits of the cells,
 * compared cell by cell, within an edit distance of a fifth of their length in all (OCR of a
 * page reads «№» as «Мо» where the previous page read it right).
 */
function sameRow(a: FragRow, b: FragRow): boolean {
  if (rowText(a) === rowText(b)) return true;
  const ocr = (r: FragRow): boolean => r.cells.some((c) => c.lines.some((l) => l.conf !== undefined));
  if (!ocr(a) && !ocr(b)) return false;
  if (a.cells.length !== b.cells.length) return false;
  const fold = (c: FragCell): string => c.lines.map((l) => l.text).join('').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  let dist = 0;
  let len = 0;
  a.cells.forEach((c, i) => {
    const x = fold(c);
    const y = fold(b.cells[i]!);
    dist += editDistance(x, y);
    len += Math.max(x.length, y.length);
  });
  return len > 0 && dist <= 0.2 * len;
}

/**
 * Same column grid: the same number of columns at the same x (or the same relative widths).
 * A table found by text alignment has no right border (its last x is where its text ends),
 * so only its column starts are compared.
 */
function sameGrid(a: number[], b: number[], ruled: boolean): boolean {
  if (a.length !== b.length) return false;
  const T = PDF_SETTINGS.tables;
  if (!ruled) return a.slice(0, -1).every((x, i) => Math.abs(x - b[i]!) <= T.sameColumn);
  if (a.every((x, i) => Math.abs(x - b[i]!) <= T.sameColumn)) return true;
  const wa = a[a.length - 1]! - a[0]!;
  const wb = b[b.length - 1]! - b[0]!;
  return a.every((x, i) => Math.abs((x - a[0]!) / wa - (b[i]! - b[0]!) / wb) <= T.sameColumnShare);
}

/** The cell that holds the text of slot (r, c): walks left over colspans and up over rowspans. */
function originOf(rows: RowBuild[], r: number, c: number): FragCell | undefined {
  let row = r;
  let col = c;
  for (let guard = 0; guard < 10000; guard++) {
    const cell = rows[row]?.row.cells[col];
    if (!cell) return undefined;
    if (cell.kind === 'left') col--;
    else if (cell.kind === 'above') row--;
    else return cell;
  }
  return undefined;
}

/**
 * Whether the first row of a fragment at the top of a page continues the last row of the
 * previous page's table: its first cell is empty (no number, no measure name: only the
 * overflowing cells carry on) or starts in the middle of a sentence (a lower-case letter
 * or punctuation such as «, – or a closing bracket; new rows start with a number or a
 * capital). A fragment whose first row has no top border is a continuation too
 * (`appendFragment`).
 */
function continuesRow(row: FragRow): boolean {
  if (!row.hasText) return false;
  const first = row.cells[0];
  if (!first || first.kind !== 'cell') return false;
  const t = first.lines[0]?.text ?? '';
  return t === '' || /^[\p{Ll}\p{P}]/u.test(t);
}

/** A row that is one cell across the whole width (a section title such as «1. Забезпечення …»). */
function fullWidth(row: FragRow): boolean {
  return row.cells.length > 1 && row.cells.filter((c) => c.kind === 'cell').length === 1 && row.cells[0]?.colSpan === row.cells.length;
}

/**
 * Header rows of a table's first fragment: its leading rows set in bold, at most three, up to
 * the first full-width row (a section title, not a header) — and only when some row below
 * is not bold (a table set all in bold has no recognisable header).
 */
function leadingBold(rows: FragRow[]): number {
  let k = 0;
  while (k < rows.length && k < PDF_SETTINGS.tables.headerRows && rows[k]!.bold && !(k > 0 && fullWidth(rows[k]!))) k++;
  return k < rows.length ? k : 0;
}

function appendFragment(build: TableBuild, frag: TableFrag, pitch: number): void {
  let rows = frag.rows;
  // header rows repeated at the top of the page
  let k = 0;
  while (k < Math.min(PDF_SETTINGS.tables.headerRows, rows.length, build.firstRows.length) && sameRow(rows[k]!, build.firstRows[k]!) && rows[k]!.hasText) k++;
  if (k > 0) {
    for (let i = 0; i < k && i < build.rows.length; i++) build.rows[i]!.header = true;
    rows = rows.slice(k);
  }
  const first = rows[0];
  const lastIdx = build.rows.length - 1;
  // no top border on the fragment's first row (and no repeated header above it) also says so
  if (first && lastIdx >= 0 && (continuesRow(first) || (k === 0 && frag.openTop && first.hasText))) {
    first.cells.forEach((cell, c) => {
      if (cell.kind !== 'cell' || cell.lines.length === 0) return;
      const target = originOf(build.rows, lastIdx, c);
      if (!target) return;
      const [head, ...tail] = cell.lines;
      if (head) target.lines.push({ ...head, cross: true }, ...tail);
    });
    rows = rows.slice(1);
  }
  for (const row of rows) build.rows.push({ row, page: frag.page, pitch });
}

function newTable(frag: TableFrag, pitch: number): TableBuild {
  const header = leadingBold(frag.rows);
  return {
    kind: 'table',
    page: frag.page,
    xs: frag.xs,
    ruled: frag.ruled,
    firstRows: frag.rows,
    rows: frag.rows.map((row, i) => (i < header ? { row, page: frag.page, pitch, header: true } : { row, page: frag.page, pitch })),
  };
}

function toParagraphs(lines: PLine[], pitch: number, vocab: Vocabulary, page: number, indentAware: boolean): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const para of splitParagraphs(lines, pitch, vocab, indentAware)) {
    const text = joinLines(para, vocab);
    if (text === '') continue;
    const ocr = para.some((l) => l.conf !== undefined);
    const data = ocr ? { page, source: 'ocr' as const, confidence: weightedConf(para) } : { page };
    const node = paragraph(text, undefined, data);
    node.children.forEach((t) => (t.data = { ...data }));
    out.push(node);
  }
  return out;
}

function emitTable(build: TableBuild, vocab: Vocabulary): BlockNode {
  const cellParas = new Map<FragCell, ParagraphNode[]>();
  // the first row holding each cell (a spanning cell's paragraphs are read with its own row's page and pitch)
  const rowOf = new Map<FragCell, number>();
  build.rows.forEach((rb, r) => {
    for (const cell of rb.row.cells) if (!rowOf.has(cell)) rowOf.set(cell, r);
  });
  const parasOf = (cell: FragCell, rb: RowBuild): ParagraphNode[] => {
    let p = cellParas.get(cell);
    if (!p) {
      p = toParagraphs(cell.lines, rb.pitch, vocab, rb.page, false);
      cellParas.set(cell, p);
    }
    return p;
  };
  const rows: TableRowNode[] = build.rows.map((rb, r) => {
    const cells: TableCellNode[] = rb.row.cells.map((cell, c) => {
      const origin = cell.kind === 'cell' ? cell : originOf(build.rows, r, c);
      const fill = origin?.fill ? { fill: origin.fill } : {};
      if (cell.kind === 'left') {
        return tableCell([], cell.below ? { page: rb.page, mergedFromAbove: true, mergedFromLeft: true, ...fill } : { page: rb.page, mergedFromLeft: true, ...fill });
      }
      if (cell.kind === 'above') {
        const originRow = origin ? (rowOf.get(origin) ?? -1) : -1;
        const paras = origin ? parasOf(origin, build.rows[originRow] ?? rb) : [];
        const copy = paras.map((p) => structuredClone(p));
        const data: Record<string, unknown> = { page: rb.page, mergedFromAbove: true, ...fill };
        if (cell.colSpan > 1) data.colSpan = cell.colSpan;
        return tableCell(copy, data);
      }
      const data: Record<string, unknown> = { page: rb.page, ...fill };
      if (cell.colSpan > 1) data.colSpan = cell.colSpan;
      if (cell.rowSpan > 1) data.rowSpan = cell.rowSpan;
      return tableCell(parasOf(cell, rb), data);
    });
    return tableRow(cells, rb.header ? { page: rb.page, header: true } : { page: rb.page });
  });
  return table(rows, { origin: 'pdf', columns: build.xs.length - 1, page: build.page });
}

/**
 * Measure free lines against the document's text column (per page width, so portrait and
 * landscape pages each get theirs): a page with few short lines cannot tell its margins.
 */
function measureFreeLines(pages: PageModel[]): void {
  const columns = new Map<number, { left: number; right: number }>();
  for (const p of pages) {
    const key = Math.round(p.width);
    for (const b of p.blocks) {
      if (b.kind !== 'line' || b.free.band) continue;
      const c = columns.get(key) ?? { left: Infinity, right: -Infinity };
      c.left = Math.min(c.left, b.free.x0);
      c.right = Math.max(c.right, b.free.x1);
      columns.set(key, c);
    }
  }
  for (const p of pages) {
    const c = columns.get(Math.round(p.width));
    if (!c) continue;
    for (const b of p.blocks) {
      if (b.kind !== 'line') continue;
      const l = b.free.line;
      l.free = c.right - c.left - (b.free.x1 - b.free.x0);
      l.indent = b.free.x0 - c.left;
    }
  }
}

/** Build the tree's blocks from the page models (mutates them: furniture is removed). */
export function assemble(pages: PageModel[]): BlockNode[] {
  removeFurniture(pages);
  measureFreeLines(pages);
  const vocab = new Vocabulary();
  for (const p of pages) {
    let prev: PLine | undefined;
    for (const b of p.blocks) {
      if (b.kind === 'line') {
        vocab.addLine(b.free.line.text);
        if (prev) vocab.addBreak(prev.text, b.free.line.text);
        prev = b.free.line;
        continue;
      }
      prev = undefined;
      for (const row of b.frag.rows) {
        for (const cell of row.cells) {
          cell.lines.forEach((l, k) => {
            vocab.addLine(l.text);
            if (k > 0) vocab.addBreak(cell.lines[k - 1]!.text, l.text);
          });
        }
      }
    }
  }

  const items: Item[] = [];
  for (const p of pages) {
    let first = true;
    let pending: PLine[] = [];
    const flushText = (): void => {
      if (pending.length === 0) return;
      const paras = splitParagraphs(pending, p.pitch, vocab, true);
      paras.forEach((lines, i) => {
        const last = items[items.length - 1];
        const head = lines[0]!;
        if (i === 0 && first && last?.kind === 'para' && last.lines.length > 0) {
          const crossing = { ...head, cross: true };
          if (!isBreak(last.lines[last.lines.length - 1]!, crossing, p.pitch, vocab, true)) {
            last.lines.push(crossing, ...lines.slice(1));
            return;
          }
        }
        items.push({ kind: 'para', page: p.page, pitch: p.pitch, lines });
      });
      pending = [];
      first = false;
    };
    for (const b of p.blocks) {
      if (b.kind === 'line') {
        pending.push(b.free.line);
        continue;
      }
      flushText();
      const last = items[items.length - 1];
      if (first && last?.kind === 'table' && last.ruled === b.frag.ruled && sameGrid(last.xs, b.frag.xs, b.frag.ruled)) {
        appendFragment(last, b.frag, p.pitch);
      }
      else items.push(newTable(b.frag, p.pitch));
      first = false;
    }
    flushText();
  }

  const out: BlockNode[] = [];
  for (const it of items) {
    if (it.kind === 'table') out.push(emitTable(it, vocab));
    else out.push(...toParagraphs(it.lines, it.pitch, vocab, it.page, true));
  }
  return out;
}
