/**
 * Another spreadsheet program opens dataset.xlsx (the rewritten zip included): LibreOffice Calc converts each
 * sheet to CSV, and every cell reads as the dataset's CSV does — dates shown yyyy-mm-dd, `null` as an empty cell.
 * Needs LibreOffice Calc (Debian libreoffice-calc-nogui; .ci/run installs it); skipped with the reason otherwise.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATA_TABLES, OGP_COMMITMENTS, REGISTER } from '../../src/datasets/tables.js';
import { runCli } from '../helpers.js';
import { PASSPORT_FIXTURE, PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

const exec = promisify(execFile);
const hasCalc = existsSync('/usr/lib/libreoffice/share/registry/calc.xcd') && existsSync('/usr/bin/soffice');
const reason = hasCalc ? '' : ' (skipped: LibreOffice Calc is not installed — apt-get install libreoffice-calc-nogui)';
if (!hasCalc) console.log(`test/xlsx/libreoffice.test.ts${reason}`);

describe(`dataset.xlsx opened by LibreOffice Calc${reason}`, () => {
  it.skipIf(!hasCalc)('every sheet reads back as the CSV of its table (null → empty cell, dates yyyy-mm-dd)', async () => {
    await withTmpDir(async (dir) => {
      const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', dir, '--passport', PASSPORT_FIXTURE, '--xlsx');
      expect(run.code, run.stderr).toBe(0);
      const out = join(dir, 'lo');
      mkdirSync(out);
      // Every sheet to its own UTF-8 CSV (filter option -1 = all sheets), formatted as shown.
      await exec(
        'soffice',
        ['--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(dir, 'dataset.xlsx')],
        { timeout: 180_000, env: { ...process.env, HOME: dir } },
      );
      for (const table of [...DATA_TABLES, OGP_COMMITMENTS, REGISTER]) {
        const shown = parse(readFileSync(join(out, `dataset-${table.file}.csv`), 'utf8'), { relax_column_count: true }) as string[][];
        const csv = parse(readFileSync(join(dir, `${table.file}.csv`), 'utf8')) as string[][];
        expect(shown[0], table.file).toEqual(table.columns.map((c) => c.title));
        expect(shown.length, table.file).toBe(csv.length);
        for (let r = 1; r < csv.length; r++) {
          const expected = csv[r]!.map((v) => (v === 'null' ? '' : v));
          // Calc drops trailing empty cells of a row.
          // Boolean cells are shown TRUE/FALSE.
          const got = [...shown[r]!, ...Array(expected.length - shown[r]!.length).fill('')].map((v, i) =>
            table.columns[i]?.type === 'boolean' ? v.toLowerCase() : v,
          );
          expect(got, `${table.file} row ${r + 1}`).toEqual(expected);
        }
      }
    });
  }, 240_000);
});
