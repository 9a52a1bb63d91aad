/**
 * The dataset as one Excel workbook (`dataset.xlsx`) for review and for the officer's own spreadsheets —
 * next to the CSV files the national rules require, never instead of them.
 *
 * One sheet per table (named as its file, e.g. `plans`, `ogp-commitments`), the Ukrainian column titles as
 * the header row (frozen, with an autofilter), widths from the content, ISO 8601 dates as real date cells
 * shown as `yyyy-mm-dd`, whole numbers as numbers, booleans as booleans, and an empty cell for a missing value.
 *
 * Output is deterministic: the document dates are the given fixed date (e.g. the latest decision date) and
 * the zip container is rewritten with that same date on every entry, so two runs give identical bytes.
 */
import type { Workbook } from 'exceljs';
import type { ActionPlan } from '../model/schema.js';
import { DEFAULT_DATASET_TITLE, latestDecisionDate, type ExportResult } from './export.js';
import { registerRecord } from './passport.js';
import type { DatasetTables } from './records.js';
import { DATA_TABLES, OGP_COMMITMENTS, REGISTER, type CellValue, type ColumnDef, type TableDef, type TableRecord } from './tables.js';

export const WORKBOOK_FILE = 'dataset.xlsx';

export interface WorkbookSheet {
  table: TableDef;
  records: readonly TableRecord[];
}

export interface WorkbookOptions {
  /** Date (YYYY-MM-DD) written as the workbook's created/modified date and on every zip entry. Default 2000-01-01. */
  date?: string | null;
  /** Workbook title (document properties). */
  title?: string;
}

const DEFAULT_DATE = '2000-01-01';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const HEADER_WIDTH = 24;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD text as a Date at midnight UTC (how exceljs turns dates into Excel serial numbers), or null. */
export function isoDateToUtc(text: string): Date | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/** The value of one cell: null (left empty) for a missing value, a Date for an ISO date column. */
export function cellValue(column: ColumnDef, value: CellValue | undefined): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'date' && typeof value === 'string') return isoDateToUtc(value) ?? value;
  if (column.type === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/** Display width (characters) of a value: the longest line. */
function textWidth(value: string | number | boolean | Date | null): number {
  if (value === null) return 0;
  if (value instanceof Date) return DATE_FORMAT.length;
  return Math.max(...String(value).split('\n').map((line) => [...line].length));
}

/** Sheet name: Excel allows at most 31 characters and none of []:*?/\ . */
function sheetName(table: TableDef): string {
  return table.file.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

function addSheet(workbook: Workbook, { table, records }: WorkbookSheet): void {
  const sheet = workbook.addWorksheet(sheetName(table), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  // A long title wraps in the header row rather than widening its column.
  const widths = table.columns.map((c) => Math.min([...c.title].length, HEADER_WIDTH));
  const header = sheet.addRow(table.columns.map((c) => c.title));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const record of records) {
    const values = table.columns.map((c) => cellValue(c, record[c.name]));
    const row = sheet.addRow(values.map((v) => (v === null ? undefined : v)));
    values.forEach((v, i) => {
      widths[i] = Math.max(widths[i] ?? 0, textWidth(v));
      if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(Math.max(widths[i] ?? MIN_WIDTH, MIN_WIDTH), MAX_WIDTH) + 2;
    if (c.type === 'date') column.numFmt = DATE_FORMAT;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(records.length + 1, 1), column: table.columns.length } };
}

/**
 * Rewrite a zip so that it depends only on its content: entries in the same order, each with the same fixed
 * date and DEFLATE compression (JSZip otherwise stamps every entry with the current time).
 */
export async function stableZip(zip: Uint8Array, date: Date): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const input = await JSZip.loadAsync(zip);
  const output = new JSZip();
  for (const entry of Object.values(input.files)) {
    if (entry.dir) continue;
    output.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return output.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** The workbook bytes: one sheet per given table, in the given order. */
export async function datasetWorkbook(sheets: readonly WorkbookSheet[], options: WorkbookOptions = {}): Promise<Buffer> {
  const date = isoDateToUtc(options.date ?? DEFAULT_DATE) ?? (isoDateToUtc(DEFAULT_DATE) as Date);
  // Loaded on use: exceljs is large and only this output needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ogp-extract';
  workbook.lastModifiedBy = 'ogp-extract';
  workbook.created = date;
  workbook.modified = date;
  if (options.title) workbook.title = options.title;
  for (const sheet of sheets) addSheet(workbook, sheet);
  const raw = await workbook.xlsx.writeBuffer();
  return stableZip(new Uint8Array(raw as ArrayBuffer), date);
}

/**
 * dataset.xlsx of an export: a sheet per exported table (and the register when a passport was given), dated
 * with the latest decision date of the plans.
 */
export async function exportWorkbook(result: ExportResult, plans: readonly ActionPlan[]): Promise<Buffer> {
  const sheets: WorkbookSheet[] = [
    ...DATA_TABLES.map((table) => ({ table, records: result.tables[table.name as keyof DatasetTables] })),
    { table: OGP_COMMITMENTS, records: result.tables.ogpCommitments },
  ];
  if (result.passport) sheets.push({ table: REGISTER, records: [registerRecord(result.passport)] });
  return datasetWorkbook(sheets, {
    date: latestDecisionDate(plans),
    title: result.passport?.title ?? DEFAULT_DATASET_TITLE,
  });
}
