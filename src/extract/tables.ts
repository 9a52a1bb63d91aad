/**
 * Plan tables, recognised by the meaning of their headers, never by position.
 */
import { cellParagraphs, cellText } from '../doctree/build.js';
import type { TableCellNode, TableNode, TableRowNode } from '../doctree/types.js';
import { warning, type Message } from '../model/message.js';
import type { Location } from '../model/schema.js';
import { cleanLine, matchKey, startsLowercase, startsUppercase } from '../util/text.js';
import { EXTRACT_SETTINGS } from './settings.js';
import type { RawMeasure } from './types.js';

export type ColumnRole =
  | 'number'
  | 'measure'
  | 'executors'
  | 'term'
  | 'start'
  | 'end'
  | 'timeline'
  | 'result'
  | 'partners'
  | 'funding'
  | 'status'
  | 'other';

/**
 * Header text → role. Order matters: «Строк виконання: початок» is a start, «Строк виконання» a
 * term, «Індикатор виконання» a result, «Стан виконання» a status.
 */
const ROLE_PATTERNS: Array<[ColumnRole, RegExp]> = [
  ['number', /^(№|n|no|номер)(\s|$|\.|з\/п|п\/п)|^№/u],
  ['start', /(початок|початку|розпоч|поч\.)/u],
  ['end', /(заверш|закінч|кінцев|оконч)/u],
  ['status', /(стан|статус)\s*(виконання|реалізації)?$|^(стан|статус)(?!\p{L})/u],
  ['term', /(термі|строк|період|дата виконання)/u],
  ['result', /(результат|індикатор|показник)/u],
  // Co-executors («Співвиконавці») execute the measure with the responsible executor: executors.
  ['partners', /партнер/u],
  ['funding', /(фінансуван|кошт|бюджет)/u],
  ['executors', /(відповідальн|виконавц|виконавець|виконавці|співвиконав)/u],
  ['measure', /(заход|захід|крок|найменування|назва|зміст|завдання|дії|дія)/u],
];

export function columnRole(header: string): ColumnRole {
  const key = matchKey(header);
  if (key === '') return 'other';
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(key)) return role;
  return 'other';
}

/** One column of a timeline (Gantt) block: the period it stands for, as the term grammar reads it. */
export interface TimelineColumn {
  /** «I квартал 2026», «березень 2026», «I півріччя 2026», «2026 рік». */
  label: string;
}

export interface TableLayout {
  roles: ColumnRole[];
  /** Timeline columns by grid index (role 'timeline'). */
  timeline: Map<number, TimelineColumn>;
  /** Last row of the header block. */
  headerRow: number;
  headerKey: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS = ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'];

/**
 * A timeline column header: a sub-period label («I кв.», «ІІ квартал», «1 кв», «січень», «01»,
 * «I півр.») under a year stated higher in the same column («2026 рік», «2026»), or a bare year.
 */
function timelineLabel(lower: string, above: string): TimelineColumn | null {
  // A short label is read without its spaces («I к в.» as a PDF may space it is «Iкв.»).
  const spaced = matchKey(lower).replace(/\s+/gu, ' ');
  const key = spaced.length <= 16 ? spaced.replace(/\s+/gu, '') : spaced;
  const year = /(?<!\d)(19|20)\d{2}(?!\d)/u.exec(matchKey(above))?.[0] ?? /(?<!\d)(19|20)\d{2}(?!\d)/u.exec(key)?.[0];
  if (!year) return null;
  const roman = (w: string): number => ['i', 'ii', 'iii', 'iv'].indexOf(w.replace(/і/gu, 'i').replace(/х/gu, 'x')) + 1;
  const q = /^([iі]{1,3}|[iі]v|[1-4])\s*-?\s*(?:й\s*)?(кв|квартал)/u.exec(key);
  if (q) {
    const n = /\d/.test(q[1]!) ? Number(q[1]) : roman(q[1]!);
    if (n >= 1) return { label: `${ROMAN[n - 1]} квартал ${year}` };
  }
  const h = /^([iі]{1,2}|[12])\s*-?\s*(?:е\s*)?(півр)/u.exec(key);
  if (h) {
    const n = /\d/.test(h[1]!) ? Number(h[1]) : roman(h[1]!);
    if (n >= 1) return { label: `${ROMAN[n - 1]} півріччя ${year}` };
  }
  const month = MONTHS.findIndex((m) => key.startsWith(m.slice(0, 3)));
  if (month >= 0 && key.length <= 12 && !/\d/u.test(key)) return { label: `${MONTHS[month]} ${year}` };
  if (/^\d{1,2}$/u.test(key) && Number(key) >= 1 && Number(key) <= 12 && above !== '') return { label: `${MONTHS[Number(key) - 1]} ${year}` };
  if (/^(19|20)\d{2}(рік|р\.?)?$/u.test(key.replace(/\s+/gu, '')) && key.includes(year)) return { label: `${year} рік` };
  return null;
}

/** The cell that covers grid column `c` of a row (the first cell of a horizontal span). */
function spanOrigin(row: TableRowNode, c: number): TableCellNode | undefined {
  let k = c;
  while (k > 0 && row.children[k]?.data?.mergedFromLeft) k -= 1;
  return row.children[k];
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
 * Does row `k` still belong to the header block that ends at row `k - 1`? It does when the source
 * marks it as a header, when a header cell above spans down into it or across columns above it,
 * or when it only continues wrapped header text (every non-empty cell starts lower-case).
 */
function continuesHeader(node: TableNode, k: number): boolean {
  const row = node.children[k];
  const above = node.children[k - 1];
  if (!row || !above) return false;
  if (row.data?.header) return true;
  if (row.children.some((cell) => cell.data?.mergedFromAbove) && above.children.some((cell) => (cell.data?.rowSpan ?? 1) > 1 || cell.data?.mergedFromAbove)) {
    // Only when the row below a spanning header cell names its columns.
    return row.children.some((cell, c) => spansColumns(above, c) && cleanLine(cellText(cell)) !== '');
  }
  const texts = row.children.filter((cell) => !cell.data?.mergedFromLeft).map((cell) => cleanLine(cellText(cell)));
  const spanned = row.children.some((_, c) => spansColumns(above, c));
  if (spanned && row.children.some((cell, c) => spansColumns(above, c) && (columnRole(cellText(cell)) !== 'other' || timelineLabel(cellText(cell), cellText(above.children[c])) !== null))) {
    return true;
  }
  return texts.some((t) => t !== '') && texts.every((t) => t === '' || startsLowercase(t));
}

/**
 * Find the header block (starting among the first three rows) that makes this a plan table. Each
 * column's role comes from the meaning of all its header text, top to bottom, wrapped text joined
 * («Строк виконання» over «початок» is a start; «2026 рік» over «I кв.» a timeline column).
 */
export function planTableLayout(node: TableNode): TableLayout | null {
  const limit = Math.min(EXTRACT_SETTINGS.headerStartRows, node.children.length);
  for (let r = 0; r < limit; r += 1) {
    const first = node.children[r]!;
    if (!first.children.some((cell) => columnRole(cellText(cell)) === 'measure')) continue;
    let last = r;
    while (last - r < EXTRACT_SETTINGS.headerBlockRows - 1 && continuesHeader(node, last + 1)) last += 1;
    const width = Math.max(...node.children.slice(r, last + 1).map((row) => row.children.length));
    const roles: ColumnRole[] = [];
    const timeline = new Map<number, TimelineColumn>();
    for (let c = 0; c < width; c += 1) {
      const texts: string[] = [];
      for (let k = r; k <= last; k += 1) {
        const text = cleanLine(cellText(spanOrigin(node.children[k]!, c)));
        if (text !== '' && texts[texts.length - 1] !== text) texts.push(text);
      }
      const lower = texts[texts.length - 1] ?? '';
      const period = texts.length > 0 ? timelineLabel(lower, texts.slice(0, -1).join(' ')) : null;
      if (period) {
        roles.push('timeline');
        timeline.set(c, period);
      } else roles.push(columnRole(texts.join(' ')));
    }
    const has = (role: ColumnRole): boolean => roles.includes(role);
    if (!(has('executors') || has('term') || has('start') || has('end') || has('timeline') || has('result'))) continue;
    return { roles, timeline, headerRow: last, headerKey: rowKey(node.children[last]!) };
  }
  return null;
}

export function rowKey(row: TableRowNode): string {
  return row.children.map((cell) => matchKey(cellText(cell))).join('|');
}

/** rowKey(row) === key, reading only as many cells as agree with the key (a data row differs at its first cell). */
export function hasRowKey(row: TableRowNode, key: string): boolean {
  let at = 0;
  for (let c = 0; c < row.children.length; c += 1) {
    const part = (c > 0 ? '|' : '') + matchKey(cellText(row.children[c]!));
    if (!key.startsWith(part, at)) return false;
    at += part.length;
  }
  return at === key.length;
}

export interface RowContext {
  table: number;
  warnings: Message[];
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

/** A sign that marks an active period in a timeline cell. */
const MARK = /^[+хxvV✓✔☑•●■▪*✗]$|^так$/iu;

/** How a timeline cell is marked: its sign, «shading» for a filled cell with no text, or null. */
function timelineMark(cell: TableCellNode): string | null {
  const text = cleanLine(cellText(cell));
  if (MARK.test(text)) return `«${text}»`;
  const fill = (cell.data as { fill?: string } | undefined)?.fill;
  if (text === '' && fill && !/^(auto|f{6}|ffffff)$/iu.test(fill)) return 'shading';
  return null;
}

/**
 * Paragraphs of each role in a row (a role may appear in several columns: they are concatenated).
 * A marked timeline column contributes its period label as «<label>|<mark>».
 */
function cellsByRole(row: TableRowNode, layout: Pick<TableLayout, 'roles' | 'timeline'>): Map<ColumnRole, string[]> {
  const { roles } = layout;
  const out = new Map<ColumnRole, string[]>();
  row.children.forEach((cell, c) => {
    if (cell.data?.mergedFromLeft) return;
    const role = roles[c] ?? 'other';
    if (role === 'timeline') {
      const mark = timelineMark(cell);
      const column = layout.timeline.get(c);
      if (mark && column) out.set(role, [...(out.get(role) ?? []), `${column.label}|${mark}`]);
      return;
    }
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

/**
 * The term of a row: the term column; else the start and end columns («з <start>», «до <end>»,
 * «<start> – <end>»); else the span of the marked timeline columns. The last two say so in a note.
 */
function termOf(cells: Map<ColumnRole, string[]>): Pick<RawMeasure, 'term' | 'termRaw' | 'termNote'> {
  const term = joinText(cells.get('term'), '\n');
  const start = joinText(cells.get('start'), ' ');
  const end = joinText(cells.get('end'), ' ');
  if (start || end) {
    const parts = [start, end].map((p) => (p ? cleanLine(p) : null));
    const text = parts[0] && parts[1] ? (parts[0] === parts[1] ? parts[0] : `${parts[0]} – ${parts[1]}`) : parts[0] ? `з ${parts[0]}` : `до ${parts[1]}`;
    const written = `${parts[0] ?? '—'} | ${parts[1] ?? '—'}`;
    return {
      term: term ? `${term} ${text}` : text,
      termRaw: term ? `${term} (${written})` : written,
      termNote: 'The start and the end are written in separate columns.',
    };
  }
  const marked = cells.get('timeline') ?? [];
  if (!term && marked.length > 0) {
    const labels = marked.map((m) => m.split('|')[0]!);
    const marks = [...new Set(marked.map((m) => m.split('|')[1]!))];
    const span = labels.length === 1 ? labels[0]! : `${labels[0]} – ${labels[labels.length - 1]}`;
    const how = marks.map((m) => (m === 'shading' ? 'shaded' : `marked ${m}`)).join(' or ');
    return {
      term: span,
      termRaw: `графік: ${labels.join(', ')}`,
      termNote: `From the timeline columns ${how}: the term spans the first to the last of them.`,
    };
  }
  return { term };
}

function toMeasure(cells: Map<ColumnRole, string[]>, location: Location): RawMeasure {
  const number = joinText(cells.get('number'), ' ');
  return {
    number: number ? cleanLine(number).replace(/\.$/, '') : null,
    title: joinText(cells.get('measure'), '\n') ?? '',
    executors: cells.get('executors') ?? [],
    partners: cells.get('partners') ?? [],
    ...termOf(cells),
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
/** «I. Title», «Розділ ІІ. Title»: a group numbered in Roman numerals (Latin or Cyrillic letters), the point required. */
const ROMAN_GROUP_LABEL = /^(?:(?:[Зз]обов[’']язання|[Зз]авдання|[Нн]апрям|[Рр]озділ)\s+)?([IVXІХ]{1,6})[.)]\s+(.+)$/u;

/** The number and title of a full-width group row, or null when the row is not numbered. */
function groupLabel(text: string): { number: string; title: string } | null {
  const m = GROUP_LABEL.exec(text) ?? ROMAN_GROUP_LABEL.exec(text);
  return m ? { number: m[1]!, title: m[2]! } : null;
}

/**
 * Could an unnumbered full-width row head the rows below it («Відкриті бюджетні дані»)? A heading
 * names a topic: no colon (a note or a total says «Примітка: …», «Разом: 3 заходи») and it does not
 * start with a figure. It becomes a commitment only when a measure row follows it.
 */
function headingLike(text: string): boolean {
  return !/[:]/u.test(text) && !/^\d/u.test(text) && startsUppercase(text) && text.length <= EXTRACT_SETTINGS.numberedHeadingMaxLength;
}

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

  /** An unnumbered heading row waiting for a measure row to make it a commitment. */
  let pending: { text: string; location: Location } | null = null;
  const unmapped = (text: string, location: Location): void => {
    context.warnings.push(
      warning('row-unmapped', `full-width table row without a number is neither a commitment nor a measure: «${text.slice(0, 200)}»`, location),
    );
  };
  const flushPending = (): void => {
    if (pending) unmapped(pending.text, pending.location);
    pending = null;
  };

  node.children.forEach((row, index) => {
    if (index <= layout.headerRow) return;
    const location = rowLocation(row, context.table, index);
    if (row.data?.header || hasRowKey(row, layout.headerKey)) return; // repeated header
    const texts = row.children.map((cell) => cleanLine(cellText(cell)));
    if (notData(texts)) return;
    if (spansTable(row, roles.length)) {
      const text = texts.find((t) => t !== '') ?? '';
      const label = groupLabel(text);
      flushPending();
      if (label) {
        out.push({ kind: 'group', number: label.number, title: label.title, location });
        lastMeasure = null;
      } else if (headingLike(text)) {
        pending = { text, location };
        lastMeasure = null;
      } else {
        // A full-width row without a number («Разом: 3 заходи», a note) starts no commitment.
        unmapped(text, location);
      }
      return;
    }

    const cells = cellsByRole(row, layout);
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
      context.warnings.push(
        warning(
          'row-unmapped',
          `table row has no measure text and could not be attached to a measure: «${texts.filter((t) => t).join(' | ').slice(0, 200)}»`,
          location,
        ),
      );
      return;
    }
    if (pending) {
      // An unnumbered heading row followed by a measure: a commitment without a number.
      out.push({ kind: 'group', number: null, title: pending.text, location: pending.location });
      pending = null;
    }
    const measureRow: MeasureRow = { kind: 'measure', measure: toMeasure(cells, location), cells };
    out.push(measureRow);
    lastMeasure = measureRow;
  });

  flushPending();
  warnUnknownColumns(node, layout, context);
  return out;
}

/** An empty row, or a row of column numbers («1 | 2 | 3 | 4 | 5») some tables carry under the header. */
function notData(texts: readonly string[]): boolean {
  return texts.every((t) => t === '') || texts.every((t, c) => t === '' || t === String(c + 1));
}

/** A row spanning the whole table: one cell, a cell as wide as the table, or cells merged into the first. */
function spansTable(row: TableNode['children'][number], columns: number): boolean {
  return (
    row.children.length === 1 ||
    row.children[0]?.data?.colSpan === columns ||
    (row.children.length > 1 && row.children.slice(1).every((cell) => cell.data?.mergedFromLeft))
  );
}

/** A column whose header has no known meaning is reported once (its values are not extracted). */
function warnUnknownColumns(node: TableNode, layout: TableLayout, context: RowContext): void {
  const headerRow = node.children[layout.headerRow]!;
  layout.roles.forEach((role, c) => {
    if (role !== 'other') return;
    const header = cleanLine(cellText(headerRow.children[c]));
    if (header === '') return;
    context.warnings.push(
      warning('column-unknown', `column «${header}» is not a known plan column; its values are not extracted`, rowLocation(headerRow, context.table, layout.headerRow)),
    );
  });
}
