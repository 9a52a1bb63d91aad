/**
 * Tables without rulings, found from text alignment (as pdfplumber's "text" strategy):
 *
 * 1. A candidate block is a run of consecutive lines (no wider gap than a row's) that starts at a
 *    line with two or more segments (runs separated by more than a word space).
 * 2. Columns are the gutters: vertical strips of white space, at least `minGutter` × size wide,
 *    that the block's multi-segment lines share. Left-aligned, centred and right-aligned cells all
 *    leave them, so no alignment is assumed. A line whose text runs across a gutter (a commitment
 *    heading between two tables, a paragraph after the table) is not part of the table: it splits
 *    the block, and each part with enough rows is a table of its own.
 * 3. Lines just above a table that sit inside one of its columns other than the first (the upper
 *    line of a header cell that wraps, «Термін» over «реалізації», with the other header cells
 *    centred between) belong to the table.
 * 4. The text is cut into columns at the gutters and each column is read into lines of its own
 *    (cells on slightly different baselines stay apart).
 * 5. Rows are the horizontal bands of white space that every column shares, taller than the gap
 *    between two lines of one cell: a header cell centred between the lines of another stays in
 *    the header row. Leading lines set in bold are the header. A band with text in only one column
 *    other than the first continues the row above (another paragraph of that cell). A table whose
 *    rows are not separated by such space is read line by line: a line with text in the first
 *    column or in two columns starts a row.
 */
import { PDF_SETTINGS } from './settings.js';
import { makeLine, splitRun, toLines, toPLine, type Line, type TextRun } from './text.js';
import type { FragCell, FragRow, TableFrag } from './page.js';

const S = PDF_SETTINGS.borderless;

/** Segments of a line: its runs, joined where the gap between them is a word space. */
export function segmentsOf(line: Line): Line[] {
  const segs: TextRun[][] = [];
  let cur: TextRun[] = [];
  for (const r of line.runs) {
    const prev = cur[cur.length - 1];
    if (prev && r.x0 - prev.x1 > S.segmentGap * Math.max(prev.size, r.size)) {
      segs.push(cur);
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length > 0) segs.push(cur);
  return segs.map(makeLine);
}

/** A gutter: white space between two columns, [x0, x1]. */
interface Gutter {
  x0: number;
  x1: number;
}

interface Block {
  line: Line;
  segs: Line[];
}

/**
 * Gutters shared by the multi-segment lines of a block: x-intervals that at most `allow` of them
 * cover, at least `minGutter` × size wide, with text on both sides.
 */
function gutters(block: Block[]): Gutter[] {
  const multi = block.filter((b) => b.segs.length >= 2);
  if (multi.length === 0) return [];
  const size = median(multi.map((b) => b.line.size));
  const allow = Math.floor(S.crossingShare * multi.length);
  const left = Math.min(...block.map((b) => b.line.x0));
  const right = Math.max(...block.map((b) => b.line.x1));
  // how many lines cover each x: a sweep over the lines' covered intervals (each line's segments
  // merged first, so a line counts once)
  const events: [number, number][] = [];
  for (const b of multi) {
    const ivs = b.segs.map((s) => [s.x0, s.x1] as [number, number]).sort((p, q) => p[0] - q[0]);
    let cur: [number, number] | undefined;
    for (const iv of ivs) {
      if (cur && iv[0] <= cur[1]) cur[1] = Math.max(cur[1], iv[1]);
      else {
        if (cur) events.push([cur[0], 1], [cur[1], -1]);
        cur = [iv[0], iv[1]];
      }
    }
    if (cur) events.push([cur[0], 1], [cur[1], -1]);
  }
  events.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: Gutter[] = [];
  let n = 0;
  let open: number | undefined = left;
  for (const [x, d] of events) {
    const before = n;
    n += d;
    if (before <= allow && n > allow && open !== undefined) {
      if (x > open) out.push({ x0: open, x1: x });
      open = undefined;
    } else if (before > allow && n <= allow) open = x;
  }
  if (open !== undefined && right > open) out.push({ x0: open, x1: right });
  return out.filter((g) => g.x0 > left && g.x1 < right && g.x1 - g.x0 >= S.minGutter * size);
}

/** Whether a segment runs across a gutter (starts left of it and ends right of it). */
function crosses(seg: { x0: number; x1: number }, g: Gutter): boolean {
  const tol = 0.5;
  return seg.x0 < g.x0 - tol && seg.x1 > g.x1 + tol;
}

/** Column of an x position given the gutters (0 = left of the first gutter). */
function columnAt(x: number, gs: Gutter[]): number {
  let c = 0;
  while (c < gs.length && x >= (gs[c]!.x0 + gs[c]!.x1) / 2) c++;
  return c;
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Columns (0-based) that a line has text in. */
function columnsOf(b: Block, gs: Gutter[]): Set<number> {
  return new Set(b.segs.map((s) => columnAt((s.x0 + s.x1) / 2, gs)));
}

/** A part of a block that makes a table: enough lines with text in two or more columns. */
function isTable(part: Block[], gs: Gutter[]): boolean {
  if (gs.length === 0) return false;
  return part.filter((b) => columnsOf(b, gs).size >= 2).length >= S.minRows;
}

/** Final gutters of a part: recomputed on the part alone (its own lines), kept when still a table. */
function partGutters(part: Block[]): Gutter[] {
  const gs = gutters(part);
  return part.some((b) => b.segs.some((s) => gs.some((g) => crosses(s, g)))) ? [] : gs;
}

/** Find the tables without rulings among a page's lines (top to bottom). */
export function borderlessTables(page: number, lines: Line[], pitch: number): { frags: TableFrag[]; used: Set<Line> } {
  const frags: TableFrag[] = [];
  const used = new Set<Line>();
  const blocks: Block[] = lines.map((line) => ({ line, segs: segmentsOf(line) }));
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]!.segs.length < 2) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < blocks.length) {
      const prev = blocks[j - 1]!.line;
      const cur = blocks[j]!.line;
      if (cur.base - prev.base > (pitch + S.maxLineGap) * Math.max(cur.size, prev.size)) break;
      j++;
    }
    const block = blocks.slice(i, j);
    const gs = gutters(block);
    // split at lines that run across a gutter
    const parts: { from: number; to: number }[] = [];
    let from = 0;
    for (let k = 0; k <= block.length; k++) {
      const b = block[k];
      if (b && !b.segs.some((s) => gs.some((g) => crosses(s, g)))) continue;
      if (k > from) parts.push({ from, to: k });
      from = k + 1;
    }
    let found = false;
    for (const p of parts) {
      // a single line starting left of every multi-cell line's first cell is outside the table
      // (a signature or a paragraph right after it)
      const multi = block.slice(p.from, p.to).filter((b) => b.segs.length >= 2);
      const leftmost = multi.length > 0 ? Math.min(...multi.map((b) => b.segs[0]!.x0)) : 0;
      const outside = (b: Block): boolean => b.segs.length === 1 && b.segs[0]!.x0 < leftmost - 1;
      while (p.to > p.from && outside(block[p.to - 1]!)) p.to--;
      while (p.to > p.from && outside(block[p.from]!)) p.from++;
      const { from: a, to: z } = p;
      const part = block.slice(a, z);
      const pg = partGutters(part);
      if (!isTable(part, pg)) continue;
      // header lines above the part: inside one column other than the first
      let top = i + a;
      while (top > 0 && !used.has(blocks[top - 1]!.line)) {
        const above = blocks[top - 1]!;
        const first = blocks[top]!.line;
        if (first.base - above.line.base > (pitch + S.maxLineGap) * Math.max(first.size, above.line.size)) break;
        if (above.segs.some((s) => pg.some((g) => crosses(s, g)))) break;
        const cols = columnsOf(above, pg);
        if (cols.has(0) || above.segs.length !== cols.size) break;
        if (above.line.bold !== first.bold) break;
        top--;
      }
      const rows = blocks.slice(top, i + z);
      frags.push(buildTable(page, rows.map((b) => b.line), pg, pitch));
      for (const b of rows) used.add(b.line);
      found = true;
    }
    i = found ? j : i + 1;
  }
  return { frags, used };
}

/** A column's line with its vertical extent. */
interface ColLine {
  col: number;
  line: Line;
  top: number;
  bottom: number;
}

/** A table row being built: the lines of each column, and whether it is the header. */
type RowAcc = { lines: Line[][]; bold: boolean };

/** The lines' runs split at the gutters' middles and sorted into columns. */
function runsByColumn(lines: Line[], gs: Gutter[]): TextRun[][] {
  const mids = gs.map((g) => (g.x0 + g.x1) / 2);
  const byCol: TextRun[][] = Array.from({ length: gs.length + 1 }, () => []);
  for (const l of lines) {
    for (const run of l.runs) {
      for (const piece of splitRun(run, mids)) byCol[columnAt((piece.x0 + piece.x1) / 2, gs)]!.push(piece);
    }
  }
  return byCol;
}

/** Each column's runs grouped into lines, with the lines' ink top and bottom, top to bottom. */
function columnLines(byCol: TextRun[][]): ColLine[] {
  const colLines: ColLine[] = [];
  byCol.forEach((runs, col) => {
    for (const line of toLines(runs)) {
      colLines.push({ col, line, top: line.base - S.ascent * line.size, bottom: line.base + (1 - S.ascent) * line.size });
    }
  });
  colLines.sort((a, b) => a.top - b.top || a.col - b.col);
  return colLines;
}

/** Single spacing inside a cell, as a multiple of the font size (the page's `pitch` when no column has two lines). */
function cellLineSpacing(colLines: ColLine[], ncol: number, pitch: number): number {
  const steps: number[] = [];
  for (let c = 0; c < ncol; c++) {
    const ls = colLines.filter((x) => x.col === c).map((x) => x.line);
    for (let k = 1; k < ls.length; k++) {
      const p = (ls[k]!.base - ls[k - 1]!.base) / ls[k - 1]!.size;
      if (p >= 0.9 && p <= 1.7) steps.push(p);
    }
  }
  return steps.length > 0 ? Math.min(...steps) : pitch;
}

/** Bands of lines separated by white space all columns share. */
function whiteSpaceBands(colLines: ColLine[], cellPitch: number): ColLine[][] {
  const bands: ColLine[][] = [];
  let bottom = -Infinity;
  for (const cl of colLines) {
    const size = cl.line.size;
    const gap = (cellPitch - 1 + S.rowGap) * size;
    if (bands.length === 0 || cl.top - bottom > gap) bands.push([]);
    bands[bands.length - 1]!.push(cl);
    bottom = Math.max(bottom, cl.bottom);
  }
  return bands;
}

/** The baseline of the last leading bold line, when some line below is not bold (the header); else −∞. */
function headerBaseline(lines: Line[]): number {
  const ordered = lines.slice().sort((a, b) => a.base - b.base);
  let nBold = 0;
  while (nBold < ordered.length && ordered[nBold]!.bold) nBold++;
  return nBold > 0 && nBold < ordered.length ? ordered[nBold - 1]!.base : -Infinity;
}

/** A band's lines grouped by baseline, top to bottom. */
function baselineGroups(band: ColLine[]): ColLine[][] {
  const groups: ColLine[][] = [];
  for (const cl of band.slice().sort((a, b) => a.line.base - b.line.base)) {
    const g = groups.find((x) => Math.abs(x[0]!.line.base - cl.line.base) <= PDF_SETTINGS.text.baselineTolerance * cl.line.size);
    if (g) g.push(cl);
    else groups.push([cl]);
  }
  return groups;
}

/** The rows: the header (lines down to `headerBottom`) as one row, then the body's rows from its bands. */
function tableRows(colLines: ColLine[], bands: ColLine[][], headerBottom: number, ncol: number): RowAcc[] {
  const rows: RowAcc[] = [];
  const newRow = (bold: boolean): RowAcc => {
    const r: RowAcc = { lines: Array.from({ length: ncol }, () => []), bold };
    rows.push(r);
    return r;
  };
  const header = colLines.filter((cl) => cl.line.base <= headerBottom + 0.5);
  if (header.length > 0) {
    const r = newRow(true);
    for (const cl of header) r.lines[cl.col]!.push(cl.line);
  }
  const bodyBands = bands.map((b) => b.filter((cl) => cl.line.base > headerBottom + 0.5)).filter((b) => b.length > 0);
  const banded = bodyBands.length >= 2;
  for (const band of bodyBands) {
    const groups = baselineGroups(band);
    // numbered rows: the first column has text on some lines only (a number, a short name)
    const numbered = groups.some((g) => !g.some((cl) => cl.col === 0));
    const startsRow = (g: ColLine[]): boolean => {
      const cols = new Set(g.map((cl) => cl.col));
      return numbered ? cols.has(0) && cols.size >= 2 : cols.size >= 2;
    };
    const cols = new Set(band.map((cl) => cl.col));
    const cur = rows[rows.length - 1];
    const tight = !banded || (numbered && groups.filter(startsRow).length >= 2);
    if (!tight) {
      // one row per band; a band with text in one column other than the first continues the row above
      const r = cur && !cur.bold && !cols.has(0) && cols.size === 1 ? cur : newRow(false);
      for (const cl of band) r.lines[cl.col]!.push(cl.line);
      continue;
    }
    // rows not separated by white space: a line with text in two columns (the first among them,
    // when the first column is numbered) starts a row
    for (const g of groups) {
      const last = rows[rows.length - 1];
      const r = last && !last.bold && !startsRow(g) ? last : newRow(false);
      for (const cl of g) r.lines[cl.col]!.push(cl.line);
    }
  }
  return rows;
}

/** The fragment's rows: each column's lines, by baseline, set against the column's edges. */
function fragmentRows(rows: RowAcc[], lefts: number[], rights: number[]): FragRow[] {
  return rows.map((r) => {
    const all = r.lines.flat();
    return {
      bold: all.length > 0 && all.every((l) => l.bold),
      hasText: all.length > 0,
      cells: r.lines.map(
        (ls, c): FragCell => ({
          kind: 'cell',
          colSpan: 1,
          rowSpan: 1,
          lines: ls.sort((a, b) => a.base - b.base).map((l) => toPLine(l, lefts[c]!, Math.max(1, rights[c]! - lefts[c]!))),
        }),
      ),
    };
  });
}

/** Build the table fragment: text cut into columns at the gutters, rows from shared white bands. */
function buildTable(page: number, lines: Line[], gs: Gutter[], pitch: number): TableFrag {
  const ncol = gs.length + 1;
  const byCol = runsByColumn(lines, gs);
  const colLines = columnLines(byCol);
  // column edges: where its text starts, and where the gutter on its right begins
  const lefts = byCol.map((runs, c) => (runs.length > 0 ? Math.min(...runs.map((r) => r.x0)) : c === 0 ? Math.min(...lines.map((l) => l.x0)) : gs[c - 1]!.x1));
  const rights = byCol.map((runs, c) => (c < gs.length ? gs[c]!.x0 : Math.max(...lines.map((l) => l.x1), ...runs.map((r) => r.x1))));
  const bands = whiteSpaceBands(colLines, cellLineSpacing(colLines, ncol, pitch));
  const rows = tableRows(colLines, bands, headerBaseline(lines), ncol);
  return {
    page,
    xs: [...lefts, Math.max(...rights) + 1],
    top: Math.min(...lines.map((l) => l.base - l.size)),
    bottom: Math.max(...lines.map((l) => l.base + 0.3 * l.size)),
    ruled: false,
    openTop: false,
    rows: fragmentRows(rows, lefts, rights),
  };
}
