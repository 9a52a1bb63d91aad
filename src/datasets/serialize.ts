/**
 * Table records → CSV and JSON text following the 835 file conventions:
 * UTF-8 (BOM only on request), comma, RFC 4180 quoting, header row, `\n` line ends,
 * a missing value written as the null marker (default `null`), booleans `true`/`false`.
 */
import { stringify } from 'csv-stringify/sync';
import { ExportError } from './records.js';
import type { CellValue, TableDef, TableRecord } from './tables.js';

export const DEFAULT_NULL_VALUE = 'null';
export const BOM = '\uFEFF';

/** Check the configured missing-value marker: non-empty, no surrounding spaces, no comma/quote/line break. */
export function checkNullValue(nullValue: string): void {
  if (nullValue === '' || nullValue !== nullValue.trim() || /[",\r\n]/.test(nullValue)) {
    const message = `the missing-value marker (nullValue) must be non-empty text without surrounding spaces, commas, quotes or line breaks: ${JSON.stringify(nullValue)}`;
    throw new ExportError(message, [message], 'nullValue');
  }
}

/** The text of one cell in CSV form. */
export function cellText(value: CellValue, nullValue: string): string {
  if (value === null) return nullValue;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Check a record against its table: every column present, required values present, no marker clash. */
function checkRecord(table: TableDef, record: TableRecord, nullValue: string, problems: string[]): void {
  for (const column of table.columns) {
    if (!(column.name in record)) {
      problems.push(`${table.name} ${String(record.uid ?? record[table.primaryKey])}: column ${column.name} missing`);
      continue;
    }
    const value = record[column.name] ?? null;
    const where = `${table.file} ${String(record[table.primaryKey])} ${column.name}`;
    if (value === null) {
      if (column.required) problems.push(`${where}: required value is missing`);
      continue;
    }
    if (typeof value === 'string') {
      if (value === '') problems.push(`${where}: empty text (write null for a missing value)`);
      if (value === nullValue) {
        problems.push(`${where}: the value equals the missing-value marker ${JSON.stringify(nullValue)}; choose another missing-value marker (nullValue)`);
      }
      if (column.pattern && !new RegExp(column.pattern, 'u').test(value)) {
        problems.push(`${where}: ${JSON.stringify(value)} does not match ${column.pattern}`);
      }
      if (column.enum && !column.enum.includes(value)) {
        problems.push(`${where}: ${JSON.stringify(value)} is not one of ${column.enum.join(', ')}`);
      }
      if (column.maxLength !== undefined && [...value].length > column.maxLength) {
        problems.push(`${where}: longer than ${column.maxLength} characters`);
      }
    }
  }
  for (const key of Object.keys(record)) {
    if (!table.columns.some((c) => c.name === key)) problems.push(`${table.name}: unexpected column ${key}`);
  }
}

/** Check all records of a table; throws ExportError listing every problem. */
export function checkRecords(table: TableDef, records: readonly TableRecord[], nullValue: string): void {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const record of records) {
    checkRecord(table, record, nullValue, problems);
    const key = String(record[table.primaryKey]);
    if (keys.has(key)) problems.push(`${table.file}: duplicate ${table.primaryKey} ${key}`);
    keys.add(key);
  }
  if (problems.length) throw new ExportError(`invalid ${table.file} records: ${problems[0]}`, problems);
}

/** CSV text of a table (header row + one row per record). */
export function toCsv(table: TableDef, records: readonly TableRecord[], options: { nullValue?: string; bom?: boolean } = {}): string {
  const nullValue = options.nullValue ?? DEFAULT_NULL_VALUE;
  const rows: string[][] = [table.columns.map((c) => c.name)];
  for (const record of records) rows.push(table.columns.map((c) => cellText(record[c.name] ?? null, nullValue)));
  const text = stringify(rows, { delimiter: ',', quote: '"', escape: '"', record_delimiter: 'unix', eof: true });
  return (options.bom ? BOM : '') + text;
}

/** Stable pretty JSON: 2-space indent, trailing line break. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** JSON array of a table's records, keys in column order. */
export function recordsToJson(table: TableDef, records: readonly TableRecord[]): string {
  return toJson(records.map((r) => Object.fromEntries(table.columns.map((c) => [c.name, r[c.name] ?? null]))));
}
