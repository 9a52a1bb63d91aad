import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DATA_TABLES, MEASURES, OGP_COMMITMENTS, PLANS, REGISTER } from '../../src/datasets/tables.js';
import { cellValue, datasetWorkbook, isoDateToUtc } from '../../src/datasets/xlsx.js';
import { runCli } from '../helpers.js';
import { PASSPORT_FIXTURE, PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return wb;
}

/** CSV line → cells (the fixtures' CSV has quoted cells with commas). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  return rows;
}

describe('export --xlsx: dataset.xlsx', () => {
  it('is byte-identical on two runs and holds every table with Ukrainian headers, dates and empty cells', async () => {
    await withTmpDir(async (dir) => {
      const a = join(dir, 'a');
      const b = join(dir, 'b');
      const runA = await runCli('export', ...PLAN_FIXTURES, '--out-dir', a, '--passport', PASSPORT_FIXTURE, '--xlsx');
      expect(runA.code, runA.stderr).toBe(0);
      const runB = await runCli('export', ...PLAN_FIXTURES, '--out-dir', b, '--passport', PASSPORT_FIXTURE, '--format', 'xlsx');
      expect(runB.code, runB.stderr).toBe(0);
      const bytesA = await readFile(join(a, 'dataset.xlsx'));
      expect(bytesA.equals(await readFile(join(b, 'dataset.xlsx')))).toBe(true);
      // No entry carries the clock (JSZip would stamp the current time): all have the latest decision date.
      const zip = await JSZip.loadAsync(bytesA);
      const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
      expect([...dates]).toEqual(['2025-10-09T00:00:00.000Z']);

      const wb = await readWorkbook(join(a, 'dataset.xlsx'));
      expect(wb.worksheets.map((s) => s.name)).toEqual([...DATA_TABLES, OGP_COMMITMENTS, REGISTER].map((t) => t.file));
      expect(wb.created.toISOString()).toBe('2025-10-09T00:00:00.000Z');

      for (const table of [...DATA_TABLES, OGP_COMMITMENTS, REGISTER]) {
        const sheet = wb.getWorksheet(table.file);
        if (!sheet) throw new Error(`no sheet ${table.file}`);
        expect((sheet.getRow(1).values as unknown[]).slice(1), table.file).toEqual(table.columns.map((c) => c.title));
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
        // Every cell agrees with the CSV: `null` → empty cell, dates → Date at midnight UTC, numbers → numbers.
        const csv = csvRows(await readFile(join(a, `${table.file}.csv`), 'utf8'));
        expect(sheet.rowCount, table.file).toBe(csv.length);
        for (let r = 1; r < csv.length; r++) {
          table.columns.forEach((column, c) => {
            const text = (csv[r] as string[])[c] as string;
            const value = sheet.getRow(r + 1).getCell(c + 1).value;
            const where = `${table.file} row ${r + 1} ${column.name}`;
            if (text === 'null') expect(value, where).toBeNull();
            else if (column.type === 'date') {
              expect(value, where).toBeInstanceOf(Date);
              expect((value as Date).toISOString().slice(0, 10), where).toBe(text);
              expect(sheet.getRow(r + 1).getCell(c + 1).numFmt, where).toBe('yyyy-mm-dd');
            } else if (column.type === 'integer') expect(value, where).toBe(Number(text));
            else if (column.type === 'boolean') expect(value, where).toBe(text === 'true');
            else expect(value, where).toBe(text);
          });
        }
      }
      // The fixtures do have missing values and dates, so the checks above did check something.
      const measures = wb.getWorksheet(MEASURES.file);
      const numberCol = MEASURES.columns.findIndex((c) => c.name === 'number') + 1;
      expect(measures?.getRow(2).getCell(numberCol).value).toBeNull();
      const plans = wb.getWorksheet(PLANS.file);
      const widths = plans?.columns.map((c) => c.width ?? 0) ?? [];
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
      expect(Math.max(...widths)).toBeLessThanOrEqual(62);
    });
  });

  it('cells: dates become Dates, missing values stay empty, invalid dates stay text', async () => {
    const date = PLANS.columns.find((c) => c.name === 'periodStart')!;
    expect(cellValue(date, '2026-01-01')).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(cellValue(date, '2026-02-30')).toBe('2026-02-30');
    expect(cellValue(date, null)).toBeNull();
    expect(isoDateToUtc('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    const bytes = await datasetWorkbook([{ table: PLANS, records: [] }], { date: null });
    expect((await datasetWorkbook([{ table: PLANS, records: [] }], { date: null })).equals(bytes)).toBe(true);
  });

  it('--format with an unknown format names the allowed ones', async () => {
    const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', '/nonexistent', '--format', 'xls');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/use csv, json, xlsx/);
  });
});
