/**
 * The corpus of broken files (fixtures/validate/cases): each file differs from valid.csv in one defect and must
 * report exactly that code at that row and column, and nothing else.
 */
import { describe, expect, test } from 'vitest';
import { validatePaths, type ValidationMessage } from '../../src/validate/index.js';

const DIR = 'fixtures/validate/cases';
const SCHEMA = `${DIR}/table-schema.json`;

type Expect = Pick<ValidationMessage, 'code' | 'severity' | 'row' | 'column' | 'fieldNumber'>;
const e = (code: ValidationMessage['code'], row: number | null, column: string | null, fieldNumber: number | null, severity: 'error' | 'warning' = 'error'): Expect => ({
  code,
  severity,
  row,
  column,
  fieldNumber,
});

const CASES: Array<[string, Expect[]]> = [
  ['encoding-error.csv', [e('encoding-error', 3, null, null)]],
  ['bom.csv', [e('bom', 1, null, null, 'warning')]],
  ['blank-header.csv', [e('blank-label', 1, null, 12)]],
  ['duplicate-label.csv', [e('duplicate-label', 1, 'title', 12)]],
  ['missing-label.csv', [e('missing-label', 1, 'share', 9)]],
  ['extra-label.csv', [e('extra-label', 1, 'notes', 12)]],
  ['blank-row.csv', [e('blank-row', 4, null, null)]],
  ['blank-row-commas.csv', [e('blank-row', 4, null, null)]],
  ['extra-cell.csv', [e('extra-cell', 3, null, 12)]],
  ['missing-cell.csv', [e('missing-cell', 3, 'url', 11)]],
  ['type-error-date.csv', [e('type-error', 3, 'endDate', 7)]],
  ['type-error-date-format.csv', [e('type-error', 2, 'startDate', 6)]],
  ['type-error-integer.csv', [e('type-error', 4, 'count', 8)]],
  ['type-error-number.csv', [e('type-error', 2, 'share', 9)]],
  ['type-error-boolean.csv', [e('type-error', 3, 'active', 10)]],
  ['type-error-url.csv', [e('type-error', 2, 'url', 11)]],
  ['constraint-required.csv', [e('constraint-error', 3, 'title', 2)]],
  ['constraint-required-null.csv', [e('constraint-error', 4, 'title', 2)]],
  ['constraint-pattern.csv', [e('constraint-error', 2, 'publisherId', 4)]],
  ['constraint-enum.csv', [e('constraint-error', 3, 'accrualPeriodicity', 5)]],
  ['constraint-maxlength.csv', [e('constraint-error', 2, 'title', 2)]],
  ['unique-error.csv', [e('unique-error', 4, 'slug', 3)]],
  ['primary-key.csv', [e('primary-key', 3, 'uid', 1)]],
  ['whitespace.csv', [e('whitespace', 2, 'title', 2)]],
  ['whitespace-edges.csv', [e('whitespace', 2, 'title', 2), e('whitespace', 3, 'title', 2)]],
  ['date-range.csv', [e('date-range', 3, 'startDate', 6)]],
  ['source-error.csv', [e('source-error', 3, null, null)]],
];

const strip = (i: ValidationMessage): Expect => ({ code: i.code, severity: i.severity, row: (i.place.row ?? null), column: (i.place.column ?? null), fieldNumber: (i.place.fieldNumber ?? null) });

describe('one defect per file, reported exactly', () => {
  test.each(CASES)('%s', async (file, expected) => {
    const report = await validatePaths([`${DIR}/${file}`], { schema: SCHEMA });
    expect(report.messages.map(strip)).toEqual(expected);
    for (const i of report.messages) {
      expect(i.place.file).toBe(`${DIR}/${file}`);
      expect(i.reason).not.toMatch(/\n/);
      expect(i.reason.length).toBeGreaterThan(10);
    }
    expect(report.valid).toBe(expected.every((x) => x.severity === 'warning'));
    expect(report.files).toEqual([`${DIR}/${file}`]);
  });

  test('every check code of the corpus is covered', () => {
    const codes = new Set(CASES.flatMap(([, ex]) => ex.map((x) => x.code)));
    for (const code of ['encoding-error', 'bom', 'blank-label', 'duplicate-label', 'missing-label', 'extra-label', 'blank-row', 'extra-cell', 'missing-cell', 'type-error', 'constraint-error', 'unique-error', 'primary-key', 'whitespace', 'date-range'] as const)
      expect(codes.has(code)).toBe(true);
  });
});

describe('valid files report nothing', () => {
  test.each(['valid.csv', 'valid-crlf-multiline.csv'])('%s', async (file) => {
    const report = await validatePaths([`${DIR}/${file}`], { schema: SCHEMA });
    expect(report.messages).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

describe('messages say what is wrong', () => {
  test('impossible calendar date', async () => {
    const [i] = (await validatePaths([`${DIR}/type-error-date.csv`], { schema: SCHEMA })).messages;
    expect(i?.reason).toContain('2025-02-30');
    expect(i?.reason).toContain('no such calendar date');
  });
  test('encoding error gives the byte offset and line', async () => {
    const [i] = (await validatePaths([`${DIR}/encoding-error.csv`], { schema: SCHEMA })).messages;
    expect(i?.reason).toMatch(/byte offset \d+ \(line 3\)/);
  });
  test('the missing-value marker null in a required column', async () => {
    const [i] = (await validatePaths([`${DIR}/constraint-required-null.csv`], { schema: SCHEMA })).messages;
    expect(i?.reason).toContain('"null"');
  });
  test('enum lists the allowed update frequencies', async () => {
    const [i] = (await validatePaths([`${DIR}/constraint-enum.csv`], { schema: SCHEMA })).messages;
    expect(i?.reason).toContain('«Щороку»');
    expect(i?.reason).toContain('«Щоденно»'.slice(1, -1));
  });
});

describe('--max-errors', () => {
  test('stops collecting per file and says so', async () => {
    const all = await validatePaths([`${DIR}/many-errors.csv`], { schema: SCHEMA });
    expect(all.messages.length).toBe(20);
    expect(all.truncated).toEqual([]);
    const cut = await validatePaths([`${DIR}/many-errors.csv`], { schema: SCHEMA, maxErrors: 3 });
    expect(cut.messages.length).toBe(3);
    expect(cut.messages).toEqual(all.messages.slice(0, 3));
    expect(cut.truncated).toEqual([{ file: `${DIR}/many-errors.csv`, limit: 3 }]);
    expect(cut.valid).toBe(false);
  });
  test('the limit is per file', async () => {
    const r = await validatePaths([`${DIR}/many-errors.csv`, `${DIR}/whitespace-edges.csv`], { schema: SCHEMA, maxErrors: 1 });
    expect(r.messages.map((i) => [i.place.file, i.code])).toEqual([
      [`${DIR}/many-errors.csv`, 'constraint-error'],
      [`${DIR}/whitespace-edges.csv`, 'whitespace'],
    ]);
    expect(r.truncated.map((t) => t.file)).toEqual([`${DIR}/many-errors.csv`, `${DIR}/whitespace-edges.csv`]);
  });
});

describe('without a description', () => {
  test('structure checks still run with the header as the description', async () => {
    const r = await validatePaths([`${DIR}/no-schema/plain.csv`]);
    expect(r.messages.map(strip)).toEqual([e('missing-cell', 3, 'c', 3)]);
  });
});
