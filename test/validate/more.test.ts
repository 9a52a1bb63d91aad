/** Edge cases: empty files, CSVW foreign keys without a package, JSON tables, TSV, descriptors given alone. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatePaths, type ValidationMessage } from '../../src/validate/index.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ogp-validate-'));
const pick = (i: ValidationMessage) => [i.place.file, i.code, (i.place.row ?? null), (i.place.column ?? null), (i.place.fieldNumber ?? null)];

describe('edge cases', () => {
  test('an empty file is a source error; a header-only file is valid', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'header.csv'), 'a,b\n');
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map(pick)).toEqual([['empty.csv', 'source-error', null, null, null]]);
  });

  test('a folder without data files is an error (a wrong path must not pass CI)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.valid).toBe(false);
    expect(r.messages.map((i) => [i.code, i.place.file])).toEqual([['source-error', '.']]);
  });

  test('TSV files are read with a tab delimiter', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 't.tsv'), 'a\tb\n1\t2\n3\t 4\n');
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map(pick)).toEqual([['t.tsv', 'whitespace', 3, 'b', 2]]);
  });

  test('a header label that differs only in case gets a hint', async () => {
    const r = await validatePaths(['fixtures/validate/cases/valid.csv'], { schema: 'fixtures/validate/csvw/reports.schema.csv' });
    expect(r.valid).toBe(false);
    const dir = tmp();
    writeFileSync(join(dir, 'reports.csv'), 'UID,acceptedDate,title,periodStartDate,periodEndDate,programId,programTitle,url\n');
    cpSync('fixtures/validate/csvw/reports.schema.csv', join(dir, 'reports.schema.csv'));
    const h = await validatePaths([dir], { cwd: dir });
    expect(h.messages.map(pick)).toEqual([
      ['reports.csv', 'extra-label', 1, 'UID', 1],
      ['reports.csv', 'missing-label', 1, 'uid', 1],
    ]);
    expect(h.messages[0]!.reason).toContain('did you mean "uid"?');
  });

  test('a description given on its own is checked for loadability only', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.schema.json'), '{"tableSchema": 5}');
    const r = await validatePaths([join(dir, 'bad.schema.json'), join(process.cwd(), 'fixtures/validate/csvw/programs.schema.json')], { cwd: dir });
    expect(r.messages.map((i) => [i.place.file, i.code, i.severity])).toEqual([['bad.schema.json', 'schema-error', 'error']]);
  });

  test('an unsupported file type given explicitly', async () => {
    const r = await validatePaths(['README.md']);
    expect(r.messages.map((i) => [i.code, i.reason])).toEqual([
      ['source-error', 'unsupported file type ".md": expected .csv, .json, a datapackage.json or a folder'],
    ]);
  });
});

describe('CSVW foreign keys without a data package', () => {
  const withoutPackage = (): string => {
    const dir = tmp();
    cpSync('fixtures/export/expected', dir, { recursive: true });
    rmSync(join(dir, 'datapackage.json'));
    const lines = readFileSync(join(dir, 'measureParties.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[1]!.split(',');
    cells[header.indexOf('partyId')] = 'no-such-party';
    lines[1] = cells.join(',');
    writeFileSync(join(dir, 'measureParties.csv'), lines.join('\n'));
    return dir;
  };

  test('a folder: link table → parties through <table>.schema.json (and the passport misses its structure file)', async () => {
    const dir = withoutPackage();
    const r = await validatePaths([dir], { cwd: dir });
    const header = readFileSync(join(dir, 'measureParties.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(r.messages.map(pick)).toEqual([
      ['measureParties.csv', 'foreign-key', 2, 'partyId', header.indexOf('partyId') + 1],
      ['passport.json', 'passport', expect.any(Number), 'structure', null],
    ]);
    expect(r.messages[1]!.reason).toContain('"datapackage.json"');
  });

  test('one file: the referenced tables are read for their keys only', async () => {
    const dir = withoutPackage();
    const r = await validatePaths([join(dir, 'measureParties.csv')], { cwd: dir });
    expect(r.messages.map((i) => [i.place.file, i.code])).toEqual([['measureParties.csv', 'foreign-key']]);
    expect(r.files).toEqual(['measureParties.csv']);
  });
});

describe('JSON tables', () => {
  test('records next to a CSVW description get the row checks; the row is the line of the record', async () => {
    const dir = tmp();
    cpSync('fixtures/export/expected', dir, { recursive: true });
    const records = JSON.parse(readFileSync(join(dir, 'measures.json'), 'utf8'));
    records[1].startDate = '2026-02-30';
    records[2].title = 'Два  пробіли';
    delete records[3].result;
    records[4].extra = 1;
    writeFileSync(join(dir, 'measures.json'), JSON.stringify(records, null, 2));
    const r = await validatePaths([join(dir, 'measures.json')], { cwd: dir });
    const text = readFileSync(join(dir, 'measures.json'), 'utf8').split('\n');
    const lineOf = (k: number): number => {
      let seen = -1;
      for (let i = 0; i < text.length; i++) if (text[i] === '  {' && ++seen === k) return i + 1;
      return -1;
    };
    expect(r.messages.map((i) => [i.code, (i.place.row ?? null), (i.place.column ?? null)])).toEqual([
      ['type-error', lineOf(1), 'startDate'],
      ['whitespace', lineOf(2), 'title'],
      ['missing-cell', lineOf(3), 'result'],
      ['extra-cell', lineOf(4), 'extra'],
    ]);
  });

  test('a JSON resource that is not an array', async () => {
    const dir = tmp();
    cpSync('fixtures/export/expected/plans.schema.json', join(dir, 'plans.schema.json'));
    writeFileSync(join(dir, 'plans.json'), '{"uid": 1}\n');
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map(pick)).toEqual([['plans.json', 'source-error', 1, null, null]]);
  });
});

describe("the project's own JSON Schemas", () => {
  test('extracted plans validate against schemas/plan.schema.json (2020-12)', async () => {
    const r = await validatePaths(
      ['fixtures/expected/khmelnytskyi-2021-2022-action-plan.json', 'fixtures/expected/kyiv-2025-2026-action-plan.json'],
      { schema: 'schemas/plan.schema.json' },
    );
    expect(r.messages).toEqual([]);
  });

  test('exported JSON tables validate against schemas/tables/*.schema.json (draft-07)', async () => {
    for (const t of ['plans', 'commitments', 'measures', 'parties', 'measureParties']) {
      const r = await validatePaths([`fixtures/export/expected/${t}.json`], { schema: `schemas/tables/${t}.schema.json` });
      expect([t, r.messages]).toEqual([t, []]);
    }
  });

  test('a broken plan gets JSON Schema errors with paths', async () => {
    const dir = tmp();
    const plan = JSON.parse(readFileSync('fixtures/expected/kyiv-2025-2026-action-plan.json', 'utf8'));
    plan.commitments[0].measures[0].term.start = '2025-13-01';
    plan.schemaVersion = '0.9';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    const r = await validatePaths([join(dir, 'plan.json')], { schema: join(process.cwd(), 'schemas/plan.schema.json'), cwd: dir });
    expect(r.messages.map((i) => (i.place.column ?? null))).toEqual(['/schemaVersion', '/commitments/0/measures/0/term/start']);
    expect(r.messages.every((i) => i.code === 'json-schema' && typeof (i.place.row ?? null) === 'number')).toBe(true);
    // one issue for a value that fails every alternative of an anyOf, with the reasons
    expect(r.messages[1]!.reason).toMatch(/^\/commitments\/0\/measures\/0\/term\/start must match a schema in anyOf \(must match pattern .*; or must be null\)$/);
  });
});
