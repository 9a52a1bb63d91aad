/**
 * TXT reader: decodes the bytes and rebuilds the document structure that text
 * extraction from DOCX/PDF flattened.
 *
 * Two table layouts occur in text exported from council documents:
 *
 * (a) "one cell per tab-indented line" — every table cell starts on a line that
 *     begins with a single tab; a cell may continue on following untabbed lines;
 *     the header row (the first group of tabbed lines, ended by a blank line)
 *     sets the number of columns; blank lines may fall inside a row.
 * (b) "tab-separated rows" — one row per line, cells separated by tabs, cell
 *     paragraphs as `<p>…</p>`, markdown separator lines (`---\t--`) left over
 *     from a converter, rows continued after a page break by a row whose first
 *     cell is empty (the extractor merges those: it knows the column roles).
 *
 * Every other non-blank line becomes a paragraph. The reader interprets nothing
 * (no commitments, no dates) and drops nothing but blank lines and separators.
 */
import { linePosition, paragraph, root, table, tableCell, tableRow } from '../doctree/build.js';
import type { BlockNode, ParagraphNode, ReadResult, TableRowNode } from '../doctree/types.js';
import { warning, type Message } from '../model/message.js';
import { decodeText } from './decode.js';

interface Line {
  no: number;
  text: string;
}

const SEPARATOR = /^\s*:?-{2,}:?\s*(\t\s*:?-{2,}:?\s*)*$/;

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** A tab-indented cell line of layout (a): one leading tab, no other tab. */
function isCellLine(line: Line): boolean {
  return /^\t(?!\t)/.test(line.text) && !line.text.slice(1).includes('\t') && line.text.trim() !== '';
}

/** A tab-separated row of layout (b): at least two tabs with some text, or a separator line. */
function isTsvLine(line: Line): boolean {
  if (SEPARATOR.test(line.text) && line.text.includes('\t')) return true;
  const tabs = line.text.split('\t').length - 1;
  if (tabs < 2 || line.text.trim() === '') return false;
  // Signature lines put a name far right with a run of tabs: "Посада\t\t\t\tІм'я ПРІЗВИЩЕ".
  // A real row has at most one empty cell between filled ones, or starts with a number/empty cell.
  const cells = line.text.split('\t');
  const filled = cells.filter((c) => c.trim() !== '').length;
  if (/\t{3,}/.test(line.text) && filled <= 2 && !/^\s*\d/.test(line.text) && !/^\t/.test(line.text)) return false;
  return true;
}

/** `<p>a</p> <p>b</p>` → ["a", "b"]; plain text → [text]. */
export function splitCellParagraphs(raw: string): string[] {
  if (!/<p[\s>]/i.test(raw)) return [raw.trim()].filter((s) => s !== '');
  const parts: string[] = [];
  const re = /<p(?:\s[^>]*)?>([\s\S]*?)(?:<\/p>|(?=<p[\s>])|$)/gi;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(raw)) !== null) {
    const before = raw.slice(last, match.index).trim();
    if (before) parts.push(before);
    const inner = (match[1] ?? '').trim();
    if (inner) parts.push(inner);
    last = re.lastIndex;
    if (match[0] === '') re.lastIndex += 1;
  }
  const tail = raw.slice(last).trim();
  if (tail) parts.push(tail);
  return parts.map((p) => p.replace(/<\/?p[^>]*>/gi, '').trim()).filter((p) => p !== '');
}

function cellParas(texts: string[], startLine: number, endLine: number): ParagraphNode[] {
  return texts.map((t) => paragraph(t, linePosition(startLine, endLine)));
}

/** Layout (a): consume a run of tab-indented cell lines starting at `start`. */
function readCellTable(lines: Line[], start: number, messages: Message[]): { node: BlockNode; next: number } {
  // Header: the first group of cell lines up to a blank line.
  let i = start;
  const header: Line[] = [];
  while (i < lines.length && isCellLine(lines[i]!)) {
    header.push(lines[i]!);
    i += 1;
  }
  const columns = header.length;
  const rows: TableRowNode[] = [
    tableRow(
      header.map((l) => tableCell(cellParas([l.text.trim()], l.no, l.no), undefined, linePosition(l.no))),
      { header: true },
      linePosition(header[0]!.no, header[header.length - 1]!.no),
    ),
  ];

  // Data rows: cells are counted; untabbed lines right after a cell line continue it.
  let current: { lines: Line[] }[] = [];
  let lastWasCell = false;
  let end = i;
  const flush = (): void => {
    if (current.length === 0) return;
    const cells = current.map((c) => {
      const first = c.lines[0]!.no;
      const last = c.lines[c.lines.length - 1]!.no;
      // Each line of a cell was a paragraph of the original cell.
      const paras = c.lines.map((l) => paragraph(l.text.trim(), linePosition(l.no))).filter((p) => p.children[0]!.value !== '');
      return tableCell(paras, undefined, linePosition(first, last));
    });
    const first = current[0]!.lines[0]!.no;
    const lastCell = current[current.length - 1]!;
    const last = lastCell.lines[lastCell.lines.length - 1]!.no;
    if (cells.length < columns) {
      messages.push(warning('row-incomplete', `table row has ${cells.length} of ${columns} cells; the missing cells are left empty`, { line: first }));
      while (cells.length < columns) cells.push(tableCell([]));
    }
    rows.push(tableRow(cells, undefined, linePosition(first, last)));
    current = [];
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line) || line.text.trim() === '') {
      lastWasCell = false;
      i += 1;
      continue;
    }
    if (isCellLine(line)) {
      if (current.length === columns) flush();
      current.push({ lines: [{ no: line.no, text: line.text.slice(1) }] });
      lastWasCell = true;
      end = i + 1;
      i += 1;
      continue;
    }
    if (lastWasCell && current.length > 0 && !line.text.includes('\t')) {
      current[current.length - 1]!.lines.push(line);
      end = i + 1;
      i += 1;
      continue;
    }
    break;
  }
  flush();
  const first = header[0]!.no;
  const lastRow = rows[rows.length - 1]!;
  const node = table(rows, { origin: 'txt-cells', columns }, linePosition(first, lastRow.position?.end.line ?? first));
  return { node, next: end };
}

/** Layout (b): consume a run of tab-separated rows starting at `start`. */
function readTsvTable(lines: Line[], start: number): { node: BlockNode; next: number } {
  let i = start;
  let end = start;
  const rawRows: Line[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    if (!isTsvLine(line)) break;
    if (!SEPARATOR.test(line.text)) rawRows.push(line);
    i += 1;
    end = i;
  }
  const split = rawRows.map((l) => l.text.split('\t'));
  const columns = Math.max(...split.map((cells) => cells.length));
  const rows = rawRows.map((l, index) => {
    const cells = split[index]!;
    const nodes = [];
    for (let c = 0; c < columns; c += 1) {
      nodes.push(tableCell(cellParas(splitCellParagraphs(cells[c] ?? ''), l.no, l.no), undefined, linePosition(l.no)));
    }
    return tableRow(nodes, undefined, linePosition(l.no));
  });
  const first = rawRows[0]?.no ?? lines[start]!.no;
  const last = rawRows[rawRows.length - 1]?.no ?? first;
  return { node: table(rows, { origin: 'txt-tsv', columns }, linePosition(first, last)), next: end };
}

/** Parse decoded text into the document tree. */
export function parseText(text: string, messages: Message[] = []): ReturnType<typeof root> {
  const lines: Line[] = text.split(/\r\n|\n|\r/).map((t, index) => ({ no: index + 1, text: t.replace(/\f/g, '') }));
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    if (isCellLine(line)) {
      const { node, next } = readCellTable(lines, i, messages);
      blocks.push(node);
      i = next;
      continue;
    }
    if (isTsvLine(line) && !SEPARATOR.test(line.text)) {
      const { node, next } = readTsvTable(lines, i);
      blocks.push(node);
      i = next;
      continue;
    }
    if (SEPARATOR.test(line.text)) {
      i += 1;
      continue;
    }
    blocks.push(paragraph(line.text.replace(/\t+/g, ' ').trim(), linePosition(line.no)));
    i += 1;
  }
  return root(blocks);
}

export async function readTxt(input: Uint8Array, options: { file: string }): Promise<ReadResult> {
  const messages: Message[] = [];
  const { text } = decodeText(input);
  const tree = parseText(text, messages);
  return { format: 'txt', tree, messages };
}
