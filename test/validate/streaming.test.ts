/** Streaming details: UTF-8 across chunk boundaries, byte offsets, and the pure value checks. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstInvalidUtf8 } from '../../src/validate/csv.js';
import { validatePaths } from '../../src/validate/index.js';
import { anchoredRegExp, findDateRangePairs, isIsoDate, whitespaceProblem } from '../../src/validate/values.js';

const CHUNK = 1 << 16; // the read size of the validator

/** A CSV whose bytes put `at` exactly at a chosen offset: header + rows of Cyrillic text padded with ASCII. */
function csvAround(offset: number): { bytes: Buffer; lineOf: (b: number) => number } {
  const lines = ['id,text'];
  let size = Buffer.byteLength('id,text\n');
  let i = 0;
  while (size < offset + 5000) {
    const line = `${i},${'ж'.repeat(1 + (i % 7))}${'a'.repeat(i % 3)}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    i++;
  }
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  const lineOf = (b: number): number => bytes.subarray(0, b).toString('latin1').split('\n').length;
  return { bytes, lineOf };
}

describe('UTF-8 in streaming', () => {
  test('multi-byte characters split across read chunks are valid', async () => {
    const { bytes } = csvAround(CHUNK * 3);
    // some 2-byte character must straddle a chunk boundary
    expect([1, 2, 3].some((k) => (bytes[k * CHUNK]! & 0xc0) === 0x80)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    writeFileSync(join(dir, 'big.csv'), bytes);
    const r = await validatePaths([join(dir, 'big.csv')], { cwd: dir });
    expect(r.messages).toEqual([]);
  });

  test.each([CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7])('an invalid byte at offset %i is found at that offset and line', async (at) => {
    const { bytes, lineOf } = csvAround(at);
    const broken = Buffer.from(bytes);
    // move to the start of the character containing `at`, then break it
    let p = at;
    while ((broken[p]! & 0xc0) === 0x80) p--;
    broken[p] = 0xff;
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    writeFileSync(join(dir, 'big.csv'), broken);
    const r = await validatePaths([join(dir, 'big.csv')], { cwd: dir });
    expect(r.messages.map((i) => [i.code, (i.place.row ?? null)])).toEqual([['encoding-error', lineOf(p)]]);
    expect(r.messages[0]!.reason).toContain(`byte offset ${p} (line ${lineOf(p)})`);
  });

  test('a character cut off at the end of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    const bytes = Buffer.from('a,b\n1,ж');
    writeFileSync(join(dir, 'cut.csv'), bytes.subarray(0, bytes.length - 1));
    const r = await validatePaths([join(dir, 'cut.csv')], { cwd: dir });
    expect(r.messages.map((i) => [i.code, (i.place.row ?? null)])).toEqual([['encoding-error', 2]]);
    expect(r.messages[0]!.reason).toContain(`byte offset ${bytes.length - 2}`);
  });

  test('firstInvalidUtf8 agrees with a fatal TextDecoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let ok = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          ok = false;
        }
        const bad = firstInvalidUtf8(bytes);
        if (ok) expect(bad).toBe(-1);
        else if (bad >= 0) {
          // the prefix before the reported byte decodes fine
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bad))).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('value checks', () => {
  test('ISO dates: real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '1900-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-01', '01.02.2025', '2025-01-01T00:00'])
      expect(isIsoDate(bad)).toBe(false);
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  test('whitespace: leading, trailing, double', () => {
    expect(whitespaceProblem('a b')).toBeNull();
    expect(whitespaceProblem('')).toBeNull();
    expect(whitespaceProblem(' a')).toBe('leading whitespace');
    expect(whitespaceProblem('a\u00a0')).toBe('trailing whitespace');
    expect(whitespaceProblem('a\t')).toBe('trailing whitespace');
    expect(whitespaceProblem('a  b')).toBe('double space');
  });

  test('patterns match the whole value; Unicode mode when possible, else plain', () => {
    expect(anchoredRegExp('\\d{8}').test('04060714')).toBe(true);
    expect(anchoredRegExp('\\d{8}').test('040607145')).toBe(false);
    expect(anchoredRegExp('^\\d{8}$').test('04060714')).toBe(true);
    expect(anchoredRegExp('\\p{Lu}\\p{Ll}+').test('Київ')).toBe(true);
    expect(anchoredRegExp('[\\w\\-]+').test('a-b_c')).toBe(true); // `\-` is invalid in Unicode mode
    expect(() => anchoredRegExp('(')).toThrow();
  });

  test('start/end pairs are found by field name', () => {
    const names = ['uid', 'startDate', 'endDate', 'validFrom', 'validThrough', 'periodStartDate', 'periodEndDate', 'termStart', 'termEnd', 'dateFrom', 'dateTo', 'startedBy'];
    expect(findDateRangePairs(names).map(([a, b]) => [names[a], names[b]])).toEqual([
      ['startDate', 'endDate'],
      ['validFrom', 'validThrough'],
      ['periodStartDate', 'periodEndDate'],
      ['termStart', 'termEnd'],
      ['dateFrom', 'dateTo'],
    ]);
  });
});
