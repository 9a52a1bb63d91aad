/**
 * Streaming validation of one CSV table.
 *
 * Bytes are decoded with a fatal streaming TextDecoder and fed to csv-parse; every record is checked inside
 * csv-parse's 'data' handler and then dropped, so memory is bounded by the key sets (unique / primary key /
 * referenced keys), never by the number of rows.
 */
import { createReadStream } from 'node:fs';
import { detectExcelCsv } from './excel-csv.js';
import { parse } from 'csv-parse';
import { inferredSchema, ioReason } from './descriptors.js';
import type { IssueSink } from './issues.js';
import type { MessageText } from '../model/message.js';
import type { Field, ForeignKey, IssueCode, Severity, TableSchema } from './types.js';
import { finding, list, say } from './reasons.js';
import {
  checkType,
  compileConstraints,
  startAfterEnd,
  findDateRangePairs,
  whitespaceProblem,
  WHITESPACE_TEXT,
  type ConstraintCheck,
} from './values.js';

/** Separator of the parts of a composite key (cannot occur in CSV text cells). */
const KEY_SEP = '\u0000';
/** A cell that does not exist at all (a JSON record without the key): reported once as missing-cell, else skipped. */
export const ABSENT = '\u0000\u0001absent';

export interface ForeignKeyCheck {
  fk: ForeignKey;
  /** Referenced keys of the parent, or null when the parent could not be read completely (check skipped). */
  keys: Set<string> | null;
  /** Display name of the parent, for messages. */
  parentLabel: string;
}

export interface KeyCollector {
  fields: string[];
  keys: Set<string>;
}

export interface TableJob {
  path: string;
  display: string;
  /** null → the header itself is the description (structure checks only). */
  schema: TableSchema | null;
  delimiter?: string;
  quote?: string;
  /** Resource name (package) or file name, for messages. */
  resourceLabel?: string;
  foreignKeys?: ForeignKeyCheck[];
  collect?: KeyCollector[];
  /** Only collect keys (no checks, no issues): the pre-pass for self-referencing foreign keys. */
  collectOnly?: boolean;
}

export interface TableResult {
  /** Every byte was read and parsed (no encoding or source error). Key sets are complete. */
  complete: boolean;
  rows: number;
}

interface Column {
  index: number;
  label: string;
  field: Field | null;
  typed: boolean;
  required: boolean;
  constraints: ConstraintCheck[];
  unique: Set<string> | null;
}

/** Index of the first byte that does not start/continue a valid UTF-8 sequence; -1 when all valid (incomplete tail allowed). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1; // incomplete at the end: not (yet) invalid
      const c = buf[i + k]!;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Length of an incomplete UTF-8 sequence at the end of buf (0–3). */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > back ? back : 0;
    }
  }
  return 0;
}

async function countLinesBefore(path: string, offset: number): Promise<number> {
  let lines = 1;
  if (offset <= 0) return 1;
  for await (const chunk of createReadStream(path, { start: 0, end: offset - 1 }) as AsyncIterable<Buffer>) {
    let p = chunk.indexOf(10);
    while (p !== -1) {
      lines++;
      p = chunk.indexOf(10, p + 1);
    }
  }
  return lines;
}

/**
 * Row-by-row checks of one table, independent of where the rows come from (CSV stream or JSON records).
 * `header()` first, then `row()` for every record; nothing is kept per row except key sets.
 */
export class TableChecker {
  rows = 0;
  /** false once --max-errors is reached (keys are still collected). */
  checking: boolean;
  readonly needKeys: boolean;
  private columns: Column[] = [];
  private width = 0;
  private schema: TableSchema | null;
  missing = new Set<string>();
  private pkCols: number[] = [];
  private pkSet: Set<string> | null = null;
  private pkLabel = '';
  private fkCols: Array<{ check: ForeignKeyCheck; cols: number[] }> = [];
  private collectCols: Array<{ c: KeyCollector; cols: number[] }> = [];
  private datePairs: Array<[number, number]> = [];
  private readonly quiet: boolean;

  constructor(
    private readonly job: TableJob,
    private readonly sink: IssueSink,
  ) {
    this.schema = job.schema;
    this.quiet = job.collectOnly === true;
    this.checking = !this.quiet;
    this.needKeys = (job.collect?.length ?? 0) > 0;
    if (this.schema) this.missing = new Set(this.schema.missingValues);
  }

  issue(
    code: IssueCode,
    row: number | null,
    column: string | null,
    fieldNumber: number | null,
    text: MessageText,
    severity: Severity = 'error',
    line?: number,
  ): void {
    if (this.quiet) return;
    this.sink.add(
      finding(
        code,
        text,
        {
          file: this.job.display,
          row: row ?? undefined,
          column: column ?? undefined,
          fieldNumber: fieldNumber ?? undefined,
          line: line !== undefined && line !== row ? line : undefined,
        },
        severity,
      ),
    );
  }

  private keyOf(record: readonly string[], cols: number[]): string | null {
    const missing = this.missing;
    if (cols.length === 1) {
      const v = record[cols[0]!];
      return v === undefined || v === ABSENT || missing.has(v) ? null : v;
    }
    let key = '';
    for (let k = 0; k < cols.length; k++) {
      const v = record[cols[k]!];
      if (v === undefined || v === ABSENT || missing.has(v)) return null;
      key = k === 0 ? v : key + KEY_SEP + v;
    }
    return key;
  }

  /** The header row (physical row 1). */
  header(labels: readonly string[], line = 1): void {
    this.width = labels.length;
    // A schema inferred from this very header cannot miss a label of it (Frictionless reports none then).
    const inferred = !this.schema;
    if (!this.schema) this.schema = inferredSchema(labels.map((l, i) => l || `field${i + 1}`));
    const schema = this.schema;
    this.missing = new Set(schema.missingValues);
    const byName = new Map<string, Field>();
    const byTitle = new Map<string, Field>();
    for (const f of schema.fields) {
      if (!byName.has(f.name)) byName.set(f.name, f);
      if (f.title && !byTitle.has(f.title)) byTitle.set(f.title, f);
    }
    const used = new Set<Field>();
    const seenLabels = new Set<string>();
    this.columns = labels.map((label, index): Column => {
      const col: Column = { index, label, field: null, typed: false, required: false, constraints: [], unique: null };
      if (label.trim() === '') {
        this.issue('blank-label', 1, null, index + 1, say('header.blank', { n: index + 1 }), 'error', line);
        return col;
      }
      if (seenLabels.has(label)) {
        this.issue('duplicate-label', 1, label, index + 1, say('header.duplicate', { label }), 'error', line);
        return col;
      }
      seenLabels.add(label);
      let f = byName.get(label);
      if (!f) {
        const t = byTitle.get(label);
        if (t && !labels.includes(t.name)) f = t;
      }
      if (!f || used.has(f)) {
        const near = schema.fields.find(
          (x) =>
            !used.has(x) &&
            !labels.includes(x.name) &&
            x.name.normalize('NFC').toLowerCase() === label.trim().normalize('NFC').toLowerCase(),
        );
        const text = near ? say('header.extraNear', { label, near: near.name }) : say('header.extra', { label });
        this.issue('extra-label', 1, label, index + 1, text, 'error', line);
        return col;
      }
      used.add(f);
      col.field = f;
      col.typed = f.type !== 'string' && f.type !== 'any' ? true : f.format === 'email' || f.format === 'uri';
      col.required = f.constraints.required === true || schema.primaryKey.includes(f.name);
      col.constraints = compileConstraints(f);
      col.unique = f.constraints.unique ? new Set<string>() : null;
      return col;
    });
    schema.fields.forEach((f, i) => {
      if (!used.has(f) && !inferred)
        this.issue('missing-label', 1, f.name, i + 1, say('header.missing', { name: f.name }), 'error', line);
    });
    const posOf = (name: string): number => this.columns.findIndex((c) => c.field?.name === name);
    this.pkCols = schema.primaryKey.map(posOf);
    if (this.pkCols.length > 0 && this.pkCols.every((p) => p >= 0)) {
      this.pkSet = new Set<string>();
      this.pkLabel = schema.primaryKey.join(', ');
    } else this.pkCols = [];
    this.fkCols = (this.job.foreignKeys ?? [])
      .map((check) => ({ check, cols: check.fk.fields.map(posOf) }))
      .filter((x) => x.check.keys !== null && x.cols.every((p) => p >= 0));
    this.collectCols = (this.job.collect ?? [])
      .map((c) => ({ c, cols: c.fields.map(posOf) }))
      .filter((x) => x.cols.every((p) => p >= 0));
    this.datePairs = findDateRangePairs(this.columns.map((c) => c.field?.name ?? ''));
  }

  /** A data row; `row` counts records with the header as 1, `line` is where it starts in the file. */
  row(record: readonly string[], row: number, line: number = row): void {
    if (this.checking) {
      this.check(record, row, line);
      if (this.sink.full(this.job.display)) {
        this.checking = false;
        this.sink.markTruncated(this.job.display);
      }
    }
    if (this.needKeys) {
      for (const { c, cols } of this.collectCols) {
        const key = this.keyOf(record, cols);
        if (key !== null) c.keys.add(key);
      }
    }
  }

  /** Every check of a data row, one function each (as frictionless-py's checks). */
  private check(record: readonly string[], row: number, line: number): void {
    if (this.blankRow(record, row, line)) return;
    this.rowWidth(record, row, line);
    const m = Math.min(record.length, this.width);
    for (let j = 0; j < m; j++) this.cell(record[j]!, j, row, line);
    this.primaryKey(record, row, line);
    this.foreignKeys(record, row, line);
    this.dateRanges(record, m, row, line);
  }

  /** blank-row: every cell empty. */
  private blankRow(record: readonly string[], row: number, line: number): boolean {
    for (let j = 0; j < record.length; j++) if (record[j] !== '') return false;
    this.issue('blank-row', row, null, null, say('row.blank'), 'error', line);
    return true;
  }

  /** extra-cell / missing-cell: the row has more or fewer cells than the header. */
  private rowWidth(record: readonly string[], row: number, line: number): void {
    const n = record.length;
    const width = this.width;
    for (let j = width; j < n; j++) this.issue('extra-cell', row, null, j + 1, say('row.extraCell', { n, width, cell: j + 1 }), 'error', line);
    for (let j = n; j < width; j++) {
      const c = this.columns[j]!;
      this.issue('missing-cell', row, c.field?.name ?? (c.label || null), j + 1, say('row.missingCell', { n, width, label: c.label }), 'error', line);
    }
  }

  /** The checks of one cell: a missing value where one is required, whitespace, type, constraints, uniqueness. */
  private cell(v: string, j: number, row: number, line: number): void {
    const c = this.columns[j]!;
    const f = c.field;
    if (v === ABSENT) return;
    if (this.missing.has(v)) {
      this.required(c, v, row, line);
      return;
    }
    if (v === '' && f) {
      // The package names its missing-value marker (e.g. "null") and "" is not one: an empty cell is an error.
      const markers = list([...this.missing].map((x) => JSON.stringify(x)), 'or');
      this.issue('constraint-error', row, f.name, j + 1, say('cell.emptyNotMissing', { field: f.name, markers }), 'error', line);
      return;
    }
    const ws = whitespaceProblem(v);
    if (ws) {
      const text = say('cell.whitespace', { problem: say(WHITESPACE_TEXT[ws]), value: JSON.stringify(clip(v)) });
      this.issue('whitespace', row, f?.name ?? (c.label || null), j + 1, text, 'error', line);
    }
    if (!f) return;
    if (c.typed && this.typeError(f, v, j, row, line)) return;
    this.constraints(c, f, v, j, row, line);
    this.unique(c, f, v, j, row, line);
  }

  /** constraint-error: a required (or primary key) column holds a missing value. */
  private required(c: Column, v: string, row: number, line: number): void {
    const f = c.field;
    if (!c.required || !f) return;
    const text = v === '' ? say('cell.requiredEmpty', { field: f.name }) : say('cell.requiredMarker', { field: f.name, value: v });
    this.issue('constraint-error', row, f.name, c.index + 1, text, 'error', line);
  }

  /** type-error: the value does not have the field's type. */
  private typeError(f: Field, v: string, j: number, row: number, line: number): boolean {
    const bad = checkType(f, v);
    if (bad) this.issue('type-error', row, f.name, j + 1, say('cell.type', { field: f.name, value: JSON.stringify(clip(v)), problem: bad }), 'error', line);
    return bad !== null;
  }

  /** constraint-error: pattern, enum, lengths, minimum, maximum. */
  private constraints(c: Column, f: Field, v: string, j: number, row: number, line: number): void {
    for (let k = 0; k < c.constraints.length; k++) {
      const bad = c.constraints[k]!(v);
      if (bad) this.issue('constraint-error', row, f.name, j + 1, say('cell.constraint', { field: f.name, value: JSON.stringify(clip(v)), problem: bad }), 'error', line);
    }
  }

  /** unique-error: the value repeats in a unique column. */
  private unique(c: Column, f: Field, v: string, j: number, row: number, line: number): void {
    if (!c.unique) return;
    if (c.unique.has(v)) this.issue('unique-error', row, f.name, j + 1, say('cell.notUnique', { field: f.name, value: JSON.stringify(clip(v)) }), 'error', line);
    else c.unique.add(v);
  }

  /** primary-key: the key is already used by an earlier row. */
  private primaryKey(record: readonly string[], row: number, line: number): void {
    if (!this.pkSet) return;
    const key = this.keyOf(record, this.pkCols);
    if (key === null) return;
    if (!this.pkSet.has(key)) {
      this.pkSet.add(key);
      return;
    }
    const first = this.pkCols[0]!;
    const text = say('row.primaryKey', { fields: this.pkLabel, key: JSON.stringify(key.split(KEY_SEP).join(', ')) });
    this.issue('primary-key', row, this.columns[first]!.field!.name, first + 1, text, 'error', line);
  }

  /** foreign-key: the row refers to a key the referenced table does not have. */
  private foreignKeys(record: readonly string[], row: number, line: number): void {
    for (const { check, cols } of this.fkCols) {
      const key = this.keyOf(record, cols);
      if (key === null || check.keys!.has(key)) continue;
      const first = cols[0]!;
      const reference = `${check.parentLabel}.${check.fk.reference.fields.join('+')}`;
      const text = say('row.foreignKey', { fields: check.fk.fields.join('+'), key: JSON.stringify(key.split(KEY_SEP).join(', ')), reference });
      this.issue('foreign-key', row, this.columns[first]!.field!.name, first + 1, text, 'error', line);
    }
  }

  /** date-range: a start date after the end date of the same row (pairs found by field name). */
  private dateRanges(record: readonly string[], m: number, row: number, line: number): void {
    const missing = this.missing;
    for (const [a, b] of this.datePairs) {
      if (a >= m || b >= m) continue;
      const va = record[a]!;
      const vb = record[b]!;
      if (missing.has(va) || missing.has(vb) || va === ABSENT || vb === ABSENT || !startAfterEnd(va, vb)) continue;
      const start = this.columns[a]!.field!.name;
      const end = this.columns[b]!.field!.name;
      this.issue('date-range', row, start, a + 1, say('row.dateRange', { start, startValue: va, end, endValue: vb }), 'error', line);
    }
  }
}

/** csv-parse wired to the checker: every record is checked as it is parsed, then dropped. */
function recordParser(job: TableJob, checker: TableChecker) {
  const state = { rows: 0, nextLine: 1, error: null as Error | null };
  const parser = parse({
    delimiter: job.delimiter ?? ',',
    quote: job.quote ?? '"',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: false,
  });
  // Records are consumed as they are parsed ('data' in flowing mode) and dropped after the checks.
  // (csv-parse's on_record hook would build an info object per record: ~13 % slower.)
  parser.on('data', (record: string[]) => {
    state.rows++; // records seen, header = 1
    const line = state.nextLine; // physical line where the record starts
    // The next record starts after this one's line breaks (inside quoted cells) and its record delimiter.
    let breaks = 1;
    for (let j = 0; j < record.length; j++) {
      const v = record[j]!;
      for (let k = v.indexOf('\n'); k !== -1; k = v.indexOf('\n', k + 1)) breaks++;
    }
    state.nextLine += breaks;
    if (state.rows === 1) checker.header(record, line);
    else checker.row(record, state.rows, line);
  });
  parser.on('error', (e: Error) => {
    state.error ??= e;
  });
  parser.resume();
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
    parser.on('close', resolve);
  });
  return { parser, ended, state };
}

interface ReadOutcome {
  /** Byte offset of the first invalid UTF-8 sequence, or -1. */
  encodingAt: number;
  /** A file-system error while reading. */
  readError: Error | null;
  /** Reading stopped early because nothing more was needed. */
  stopped: boolean;
}

interface LineSink {
  write(text: string): void;
  /** The file starts with a byte order mark. */
  bom(): void;
  /** The receiver failed (no more text is written, reading stops). */
  failed(): boolean;
  /** Nothing more is needed (reading stops). */
  done(): boolean;
}

/**
 * Streams a file as strict UTF-8 into `sink`, whole lines only: text after the last line break is held back until
 * the next chunk, so that an encoding error never leaves a partial row (the rows before the bad byte are still
 * checked, the row containing it is reported).
 */
async function streamUtf8Lines(path: string, sink: LineSink): Promise<ReadOutcome> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let base = 0; // bytes before the current chunk
  let tail: Uint8Array = new Uint8Array(0);
  const out: ReadOutcome = { encodingAt: -1, readError: null, stopped: false };
  let carry = '';
  const feed = (text: string): void => {
    const all = carry + text;
    const cut = all.lastIndexOf('\n');
    if (cut < 0) {
      carry = all;
      return;
    }
    carry = all.slice(cut + 1);
    if (!sink.failed()) sink.write(all.slice(0, cut + 1));
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (base === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) sink.bom();
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const combined = new Uint8Array(tail.length + chunk.length);
        combined.set(tail, 0);
        combined.set(chunk, tail.length);
        const idx = Math.max(0, firstInvalidUtf8(combined));
        out.encodingAt = base - tail.length + idx;
        // The valid text before the bad byte, up to its last line break: those rows are still checked.
        feed(new TextDecoder('utf-8', { fatal: false, ignoreBOM: base !== 0 }).decode(combined.subarray(0, idx)));
        break;
      }
      base += chunk.length;
      tail = chunk.subarray(chunk.length - incompleteTail(chunk));
      if (text) feed(text);
      if (sink.failed()) break;
      if (sink.done()) {
        out.stopped = true;
        break;
      }
    }
  } catch (e) {
    stream.destroy();
    // Only file-system errors are the file's problem; anything else is a bug and must not pass as one.
    if (!(e as NodeJS.ErrnoException).syscall) throw e;
    out.readError = e as Error;
  } finally {
    stream.destroy();
  }
  if (out.encodingAt < 0 && !out.readError && !out.stopped && !sink.failed()) {
    try {
      const rest = decoder.decode();
      if (carry + rest) sink.write(carry + rest);
    } catch {
      out.encodingAt = base - tail.length;
    }
  }
  return out;
}

export async function validateTable(job: TableJob, sink: IssueSink): Promise<TableResult> {
  const quiet = job.collectOnly === true;
  const checker = new TableChecker(job, sink);
  const issue = checker.issue.bind(checker);
  const excel = await detectExcelCsv(job.path, job.delimiter ?? ',');
  if (excel) {
    // One line instead of an error per label and row.
    if (!quiet) issue('source-error', null, null, null, excel.text);
    return { complete: false, rows: 0 };
  }
  const { parser, ended, state } = recordParser(job, checker);
  const read = await streamUtf8Lines(job.path, {
    write: (text) => parser.write(text),
    bom: () => issue('bom', 1, null, null, say('file.bom'), 'warning'),
    failed: () => state.error !== null,
    done: () => !checker.checking && !checker.needKeys && !quiet,
  });
  const hadParseErrorBeforeEnd = state.error !== null;
  parser.end();
  await ended;
  const rows = state.rows;
  if (read.readError) {
    issue('source-error', null, null, null, say('file.unreadable', { reason: ioReason(read.readError) }));
    return { complete: false, rows };
  }
  if (read.encodingAt >= 0) {
    const line = await countLinesBefore(job.path, read.encodingAt);
    issue('encoding-error', rows + 1, null, null, say('file.encodingRest', { offset: read.encodingAt, line }), 'error', line);
    return { complete: false, rows };
  }
  // Parse errors that come only from cutting the input short (an early stop) are not reported.
  const parseError = state.error as (Error & { lines?: number; code?: string }) | null;
  if (parseError && (hadParseErrorBeforeEnd || !read.stopped)) {
    issue('source-error', rows + 1, null, null, csvSyntax(parseError), 'error', parseError.lines);
    return { complete: false, rows };
  }
  if (rows === 0 && !quiet) issue('source-error', null, null, null, say('file.empty'));
  return { complete: !read.stopped, rows };
}

/** A csv-parse error in words: the quoting errors said by the catalogue, any other in csv-parse's own words. */
function csvSyntax(e: Error & { lines?: number; code?: string }): MessageText {
  const line = e.lines ?? 0;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return say('file.quoteNotClosed', { line });
  if (e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
    return say('file.afterClosingQuote', { line });
  return say('file.csvSyntax', { detail: e.message.split('\n')[0] ?? '' });
}

function clip(v: string): string {
  return v.length > 80 ? `${v.slice(0, 80)}…` : v;
}
