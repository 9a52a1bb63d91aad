/**
 * Plan tables, recognised by the meaning of their headers, never by position.
 */
import { cellParagraphs, cellText } from '../doctree/build.js';
import type { TableNode, TableRowNode } from '../doctree/types.js';
import type { Location, Warning } from '../model/schema.js';
import { cleanText, matchKey, startsUppercase } from '../util/text.js';
import type { RawMeasure } from './types.js';

export type ColumnRole = 'number' | 'measure' | 'executors' | 'term' | 'result' | 'partners' | 'funding' | 'other';

/** Header text → role. Order matters: «Строк виконання» is a term, «Індикатор виконання» a result. */
const ROLE_PATTERNS: Array<[ColumnRole, RegExp]> = [
  ['number', /^(№|n|no|номер)(\s|$|\.|з\/п|п\/п)|^№/u],
  ['term', /(термін|строк|період|дата виконання)/u],
  ['result', /(результат|індикатор|показник)/u],
  ['partners', /(партнер|співвиконав)/u],
  ['funding', /(фінансуван|кошт|бюджет)/u],
  ['executors', /(відповідальн|виконавц|виконавець|виконавці)/u],
  ['measure', /(заход|захід|крок|найменування|назва|зміст|завдання|дії|дія)/u],
];

export function columnRole(header: string): ColumnRole {
  const key = matchKey(header);
  if (key === '') return 'other';
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(key)) return role;
  return 'other';
}

export interface TableLayout {
  roles: ColumnRole[];
  headerRow: number;
  headerKey: string;
}

/** Is this header cell part of a span over several columns (the top row of a two-row header)? */
function spansColumns(row: TableRowNode, c: number): boolean {
  const cell = row.children[c];
  if (!cell) return false;
  if ((cell.data?.colSpan ?? 1) > 1 || cell.data?.mergedFromLeft) return true;
  const next = row.children[c + 1];
  return next?.data?.mergedFromLeft === true;
}

/**
 * Find the header row (among the first three rows) that makes this a plan table.
 * A two-row header («Виконання» spanning «Відповідальні за виконання | Термін реалізації»)
 * takes each spanned column's role from the row below.
 */
export function planTableLayout(node: TableNode): TableLayout | null {
  const limit = Math.min(3, node.children.length);
  for (let r = 0; r < limit; r += 1) {
    const row = node.children[r]!;
    const roles = row.children.map((cell) => columnRole(cellText(cell)));
    const has = (role: ColumnRole): boolean => roles.includes(role);
    if (!has('measure') || !(has('executors') || has('term') || has('result') || row.children.some((_, c) => spansColumns(row, c)))) {
      continue;
    }
    let headerRow = r;
    const below = node.children[r + 1];
    const spanned = row.children.some((_, c) => spansColumns(row, c));
    if (below && (below.data?.header || spanned)) {
      const lower = below.children.map((cell) => columnRole(cellText(cell)));
      const usable = lower.some((role, c) => role !== 'other' && (spansColumns(row, c) || roles[c] === 'other'));
      if (usable) {
        lower.forEach((role, c) => {
          if (role !== 'other' && (spansColumns(row, c) || roles[c] === 'other')) roles[c] = role;
        });
        headerRow = r + 1;
      }
    }
    if (!(roles.includes('executors') || roles.includes('term') || roles.includes('result'))) continue;
    return { roles, headerRow, headerKey: rowKey(node.children[headerRow]!) };
  }
  return null;
}

export function rowKey(row: TableRowNode): string {
  return row.children.map((cell) => matchKey(cellText(cell))).join('|');
}

export interface RowContext {
  table: number;
  warnings: Warning[];
}

export interface GroupRow {
  kind: 'group';
  number: string | null;
  title: string;
  location: Location;
}

export interface MeasureRow {
  kind: 'measure';
  measure: RawMeasure;
  /** Cells per role as paragraphs, kept for continuation merging. */
  cells: Map<ColumnRole, string[]>;
}

function rowLocation(row: TableRowNode, table: number, index: number): Location {
  const location: Location = { table, row: index + 1 };
  const line = row.position?.start.line;
  const end = row.position?.end.line;
  if (line) location.line = line;
  if (end && line && end !== line) location.endLine = end;
  const page = row.data?.page ?? row.children[0]?.data?.page;
  if (page) location.page = page;
  return location;
}

/** Paragraphs of each role in a row (a role may appear in several columns: they are concatenated). */
function cellsByRole(row: TableRowNode, roles: ColumnRole[]): Map<ColumnRole, string[]> {
  const out = new Map<ColumnRole, string[]>();
  row.children.forEach((cell, c) => {
    if (cell.data?.mergedFromLeft) return;
    const role = roles[c] ?? 'other';
    const paragraphs = cellParagraphs(cell).map((p) => p.replace(/\r\n|\r/g, '\n'));
    out.set(role, [...(out.get(role) ?? []), ...paragraphs]);
  });
  return out;
}

function joinText(paragraphs: string[] | undefined, separator: string): string | null {
  if (!paragraphs || paragraphs.length === 0) return null;
  const text = paragraphs.map((p) => p.trim()).filter((p) => p !== '').join(separator);
  return text === '' ? null : text;
}

function toMeasure(cells: Map<ColumnRole, string[]>, location: Location): RawMeasure {
  const number = joinText(cells.get('number'), ' ');
  return {
    number: number ? cleanText(number).replace(/\.$/, '') : null,
    title: joinText(cells.get('measure'), '\n') ?? '',
    executors: cells.get('executors') ?? [],
    partners: cells.get('partners') ?? [],
    term: joinText(cells.get('term'), '\n'),
    result: joinText(cells.get('result'), '\n'),
    location,
  };
}

/**
 * Append a continuation fragment (the part of a row that went on after a page
 * break) to the row it continues. Running text joins with a space; in executor
 * and partner cells a fragment starting with a capital letter starts a new body.
 */
function appendFragment(target: string[], fragment: string[], role: ColumnRole): string[] {
  if (fragment.length === 0) return target;
  if (target.length === 0) return [...fragment];
  const out = [...target];
  const [first, ...rest] = fragment;
  const listRole = role === 'executors' || role === 'partners';
  const last = out[out.length - 1]!;
  if (listRole && startsUppercase(first!) && /[)»”"\p{L}.]$/u.test(last.trim()) && !/[,;(«“-]$/u.test(last.trim())) {
    out.push(first!);
  } else {
    out[out.length - 1] = `${last.trimEnd()} ${first!.trimStart()}`;
  }
  out.push(...rest);
  return out;
}

function mergeInto(previous: MeasureRow, fragment: Map<ColumnRole, string[]>, location: Location): void {
  for (const [role, paragraphs] of fragment) {
    if (role === 'number') continue;
    previous.cells.set(role, appendFragment(previous.cells.get(role) ?? [], paragraphs, role));
  }
  const keep = previous.measure.location;
  previous.measure = toMeasure(previous.cells, keep);
  if (location.line && (!keep.endLine || location.line > keep.endLine)) keep.endLine = location.endLine ?? location.line;
}

const GROUP_LABEL = /^(?:(?:зобов[’']язання|завдання|напрям|розділ)\s+)?(\d+(?:\.\d+)*)[.)]?\s+(.+)$/iu;

/**
 * Turn the data rows of a plan table into measure rows and group rows (a row
 * spanning the whole table, as in plans laid out nationally: «1. <task>»).
 * Rows continued across a page break are merged into the row above.
 */
export function readPlanTable(node: TableNode, layout: TableLayout, context: RowContext): Array<GroupRow | MeasureRow> {
  const out: Array<GroupRow | MeasureRow> = [];
  const { roles } = layout;
  const hasNumber = roles.includes('number');
  let lastMeasure: MeasureRow | null = null;

  node.children.forEach((row, index) => {
    if (index <= layout.headerRow) return;
    const location = rowLocation(row, context.table, index);
    if (row.data?.header || rowKey(row) === layout.headerKey) return; // repeated header
    const texts = row.children.map((cell) => cleanText(cellText(cell)));
    if (texts.every((t) => t === '')) return;
    // Column-number rows («1 | 2 | 3 | 4 | 5») some tables carry under the header.
    if (texts.every((t, c) => t === '' || t === String(c + 1))) return;

    const spanning =
      row.children.length === 1 ||
      row.children[0]?.data?.colSpan === roles.length ||
      (row.children.length > 1 && row.children.slice(1).every((cell) => cell.data?.mergedFromLeft));
    if (spanning) {
      const text = texts.find((t) => t !== '') ?? '';
      const m = GROUP_LABEL.exec(text);
      if (m) {
        out.push({ kind: 'group', number: m[1]!, title: m[2]!, location });
        lastMeasure = null;
      } else {
        // A full-width row without a number («Разом: 3 заходи», a note) starts no commitment.
        context.warnings.push({
          code: 'row-unmapped',
          message: `full-width table row without a number is neither a commitment nor a measure: «${text.slice(0, 200)}»`,
          location,
        });
      }
      return;
    }

    const cells = cellsByRole(row, roles);
    const numberText = joinText(cells.get('number'), ' ');
    const measureText = joinText(cells.get('measure'), ' ');
    const continuation =
      row.data?.continuation === true ||
      (hasNumber && !numberText && lastMeasure !== null && !row.children[0]?.data?.mergedFromAbove);
    if (continuation && lastMeasure) {
      mergeInto(lastMeasure, cells, location);
      return;
    }
    if (!measureText) {
      context.warnings.push({
        code: 'row-unmapped',
        message: `table row has no measure text and could not be attached to a measure: «${texts.filter((t) => t).join(' | ').slice(0, 200)}»`,
        location,
      });
      return;
    }
    const measureRow: MeasureRow = { kind: 'measure', measure: toMeasure(cells, location), cells };
    out.push(measureRow);
    lastMeasure = measureRow;
  });

  roles.forEach((role, c) => {
    if (role === 'other') {
      const header = cleanText(cellText(node.children[layout.headerRow]!.children[c]));
      if (header === '') return;
      context.warnings.push({
        code: 'column-unknown',
        message: `column «${header}» is not a known plan column; its values are not extracted`,
        location: rowLocation(node.children[layout.headerRow]!, context.table, layout.headerRow),
      });
    }
  });
  return out;
}
