/** Formatters and the CLI: text / json / github output, exit codes 0 valid, 1 invalid, 2 usage. */
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';
import { formatGithub, formatJson, formatText, validatePaths, type ValidationReport } from '../../src/validate/index.js';

const V = 'fixtures/validate';
const SCHEMA = `${V}/cases/table-schema.json`;

describe('formatters', () => {
  test('github: one workflow annotation per issue, warnings as ::warning, properties escaped', async () => {
    const r = await validatePaths([`${V}/package-fk`, `${V}/cases/bom.csv`]);
    const lines = formatGithub(r).trimEnd().split('\n');
    expect(lines).toEqual([
      '::warning file=fixtures/validate/cases/bom.csv,line=1,title=bom::the file starts with a byte order mark (BOM); UTF-8 without BOM is expected',
      '::error file=fixtures/validate/package-fk/measureParties.csv,line=2,col=3,title=foreign-key::[partyId] partyId "upravlinnia-finansiv" has no match in parties.uid',
      '::error file=fixtures/validate/package-fk/measures.csv,line=3,col=2,title=foreign-key::[commitmentId] commitmentId "1417-2025-10-09-C9" has no match in commitments.uid',
      'ogp-extract validate: 2 errors, 1 warning in 8 files',
    ]);
  });

  test('github escaping of %, line breaks, commas and colons', () => {
    const report: ValidationReport = {
      valid: false,
      files: ['a,b:c.csv'],
      truncated: [],
      messages: [{ code: 'type-error', severity: 'error', place: { file: 'a,b:c.csv', row: 2, column: 'x', fieldNumber: 1 }, reason: '100% wrong\nvalue' }],
    };
    expect(formatGithub(report).split('\n')[0]).toBe('::error file=a%2Cb%3Ac.csv,line=2,col=1,title=type-error::[x] 100%25 wrong%0Avalue');
  });

  test('github uses the physical line where a row spans several lines', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    writeFileSync(join(dir, 't.csv'), 'a,b\n"x\ny",1\nz ,2\n');
    const r = await validatePaths([join(dir, 't.csv')], { cwd: dir });
    expect(r.messages.map((i) => [i.code, (i.place.row ?? null), i.place.line])).toEqual([['whitespace', 3, 4]]);
    expect(formatGithub(r)).toContain('::error file=t.csv,line=4,col=1,title=whitespace::');
  });

  test('json: the report as data in stable order', async () => {
    const r = await validatePaths([`${V}/cases/whitespace-edges.csv`, `${V}/cases/bom.csv`], { schema: SCHEMA });
    const data = JSON.parse(formatJson(r));
    expect(data.valid).toBe(false);
    expect(data.summary).toEqual({ errors: 2, warnings: 1, files: 2 });
    expect(data.errors.map((i: { file: string; row: number; code: string }) => [i.file.split('/').pop(), i.row, i.code])).toEqual([
      ['bom.csv', 1, 'bom'],
      ['whitespace-edges.csv', 2, 'whitespace'],
      ['whitespace-edges.csv', 3, 'whitespace'],
    ]);
    expect(Object.keys(data.errors[0])).toEqual(['code', 'severity', 'file', 'row', 'column', 'fieldNumber', 'message']);
  });

  test('text: one line per issue, a summary, no colours unless asked', async () => {
    const r = await validatePaths([`${V}/cases/date-range.csv`], { schema: SCHEMA });
    expect(formatText(r)).toBe(
      'fixtures/validate/cases/date-range.csv:3:6  error  date-range  [startDate] "startDate" 2028-01-01 is after "endDate" 2027-12-31\n✖ 1 error in 1 file\n',
    );
    expect(formatText(r, { color: true })).toContain('\u001b[');
    const ok = await validatePaths([`${V}/cases/valid.csv`], { schema: SCHEMA });
    expect(formatText(ok)).toBe('✔ 1 file valid\n');
  });
});

describe('ogp-extract validate (CLI)', () => {
  test('exit 0 for a valid package; warnings allowed', async () => {
    expect((await runCli('validate', `${V}/package-valid`)).code).toBe(0);
    const bom = await runCli('validate', `${V}/cases/bom.csv`, '--schema', SCHEMA);
    expect(bom.code).toBe(0);
    expect(bom.stdout).toContain('warning  bom');
  });

  test('exit 1 for invalid data, with the annotations on stdout', async () => {
    const r = await runCli('validate', `${V}/package-fk`, '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(2);
  });

  test('exit 1 for a missing file; the other files are still validated', async () => {
    const r = await runCli('validate', `${V}/nope.csv`, `${V}/cases/whitespace.csv`, '--schema', SCHEMA, '--format', 'json');
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.errors.map((i: { code: string }) => i.code)).toEqual(['whitespace', 'source-error']);
  });

  test('--max-errors', async () => {
    const r = await runCli('validate', `${V}/cases/many-errors.csv`, '--schema', SCHEMA, '--max-errors', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stopped collecting after 2 issues (--max-errors 2)');
    expect(r.stdout.split('\n').filter((l) => l.includes('  error  ')).length).toBe(2);
  });

  test.each([
    [['validate'], 'no inputs'],
    [['validate', `${V}/cases/valid.csv`, '--format', 'xml'], 'unknown format'],
    [['validate', `${V}/cases/valid.csv`, '--max-errors', '0'], '--max-errors'],
    [['validate', `${V}/cases/valid.csv`, '--max-errors', 'many'], '--max-errors'],
    [['validate', `${V}/cases/valid.csv`, '--schema', `${V}/nope.schema.json`], '--schema'],
    [['validate', `${V}/cases/valid.csv`, '--bogus'], 'unknown option'],
  ])('exit 2 for usage errors: %j', async (args, text) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (text !== 'no inputs') expect(r.stderr).toContain(text);
  });
});
