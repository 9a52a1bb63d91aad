/** A CSV re-saved by Microsoft Excel (semicolons, Windows-1251, BOM) is named as such in one line. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { detectExcelCsvBytes } from '../../src/validate/excel-csv.js';
import { validatePaths } from '../../src/validate/index.js';
import { runCli } from '../helpers.js';
import { PASSPORT_FIXTURE, PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

/** Text → Windows-1251 bytes (the inverse of the decoder's table). */
function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

/** What Excel writes for «CSV (роздільник — крапка з комою)» on a Ukrainian Windows. */
function asExcelSaves(csv: string, options: { encoding: 'windows-1251' | 'utf-8-bom'; delimiter: string }): Uint8Array {
  const rows = parse(csv) as string[][];
  const text = stringify(rows, { delimiter: options.delimiter, record_delimiter: 'windows' });
  return options.encoding === 'windows-1251' ? windows1251(text) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
}

describe('validate: a CSV re-saved by Excel', () => {
  it.each([
    ['semicolons + Windows-1251', { encoding: 'windows-1251', delimiter: ';' }, /semicolon-separated, Windows-1251 encoding\)/],
    ['semicolons + UTF-8 with BOM', { encoding: 'utf-8-bom', delimiter: ';' }, /semicolon-separated, byte order mark\)/],
    ['commas + Windows-1251', { encoding: 'windows-1251', delimiter: ',' }, /\(Windows-1251 encoding\)/],
  ] as const)('%s: one error naming the file and what to do, not a cascade', async (_name, options, traits) => {
    await withTmpDir(async (dir) => {
      const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', dir, '--passport', PASSPORT_FIXTURE, '--format', 'csv');
      expect(run.code, run.stderr).toBe(0);
      const file = join(dir, 'measures.csv');
      writeFileSync(file, asExcelSaves(readFileSync(file, 'utf8'), options));
      const report = await validatePaths([dir], { cwd: dir });
      const errors = report.messages.filter((i) => i.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ place: { file: 'measures.csv' }, code: 'source-error' });
      expect(errors[0]?.place.row).toBeUndefined();
      expect(errors[0]?.reason).toMatch(/^looks like a CSV re-saved by Microsoft Excel/);
      expect(errors[0]?.reason).toMatch(traits);
      expect(errors[0]?.reason).toMatch(/export it again with ogp-extract, or in Excel save it as «CSV UTF-8 \(comma delimited\)»/);
      expect(errors[0]?.reason).not.toMatch(/\n/);
    });
  });

  it('a file written as the rules ask, or only with a BOM, is not taken for an Excel file', () => {
    const csv = 'uid,title\n1,Зобов’язання; перше\n';
    expect(detectExcelCsvBytes(Buffer.from(csv))).toBeNull();
    expect(detectExcelCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]))).toBeNull();
    // A semicolon inside a quoted header label or in a one-column file is not a delimiter.
    expect(detectExcelCsvBytes(Buffer.from('"a;b"\n1\n'))).toBeNull();
    // A semicolon-separated file is what its dialect says it is.
    expect(detectExcelCsvBytes(Buffer.from('uid;title\n1;x\n'), ';')).toBeNull();
    // Non-UTF-8 bytes that are not Cyrillic letters are an encoding error, not Windows-1251.
    expect(detectExcelCsvBytes(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x80, 0x81, 0x82, 0x0a]))).toBeNull();
    // A multi-byte UTF-8 character cut by the end of the sample is still UTF-8.
    expect(detectExcelCsvBytes(Buffer.from('a,b\nЗ,').subarray(0, 6))).toBeNull();
  });
});
