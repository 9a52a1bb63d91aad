/** hasRowKey (repeated header rows) answers rowKey(row) === key while reading as few cells as it can. */
import { describe, expect, it } from 'vitest';
import { random } from '../../fixtures/scripts/random.mjs';
import { paragraph, tableCell, tableRow } from '../../src/doctree/build.js';
import { hasRowKey, rowKey } from '../../src/extract/tables.js';

const WORDS = ['№ з/п', 'Захід', 'Відповідальні', 'Строк', 'виконання', '|', 'a|b', '', ' ', '«Назва»', 'ЗАХІД', '1.1', '—'];

describe('hasRowKey', () => {
  it('is rowKey(row) === key for random rows and keys (cells with «|» inside, empty rows, prefixes)', () => {
    const next = random(5);
    const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
    const row = (n: number) => tableRow(Array.from({ length: n }, () => tableCell([paragraph(`${pick()} ${pick()}`.trim())])));
    let equal = 0;
    for (let i = 0; i < 5000; i++) {
      const header = row(Math.floor(next() * 4));
      const key = next() < 0.5 ? rowKey(header) : rowKey(row(Math.floor(next() * 4)));
      const candidate = next() < 0.3 ? header : row(Math.floor(next() * 4));
      const expected = rowKey(candidate) === key;
      if (expected) equal++;
      expect(hasRowKey(candidate, key)).toBe(expected);
    }
    expect(equal).toBeGreaterThan(500);
  });
});
