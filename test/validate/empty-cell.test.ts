import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../src/validate/index.js';

const EXPORT = 'fixtures/export/expected';
const tables = (await readdir(EXPORT)).filter((n) => n.endsWith('.csv') && !n.endsWith('.schema.csv')).sort();

describe('validate: an empty cell is an error in any column of an exported dataset (missingValues ["null"])', () => {
  it('the export itself is valid', async () => {
    expect((await validatePaths([EXPORT])).valid).toBe(true);
  });
  it.each(tables)('%s: blanking a cell of the first row in every column is found', async (table) => {
    const dir = await mkdtemp(join(tmpdir(), 'ogp-empty-'));
    try {
      await cp(EXPORT, dir, { recursive: true });
      const rows = parse(await readFile(join(EXPORT, table), 'utf8')) as string[][];
      for (let col = 0; col < rows[0]!.length; col++) {
        const copy = rows.map((r) => [...r]);
        copy[1]![col] = '';
        await writeFile(join(dir, table), stringify(copy, { record_delimiter: '\n' }));
        const report = await validatePaths([dir]);
        expect(report.valid, `${table} column ${rows[0]![col]}`).toBe(false);
        expect(JSON.stringify(report.messages)).toContain(`\\"${rows[0]![col]}\\" is`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
