/** Data packages (foreign keys, passport), CSVW / 835-rec descriptions, JSON Schema, exporter output, batches. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PASSPORT_ELEMENTS, validatePaths, ValidateUsageError, type ValidationMessage } from '../../src/validate/index.js';

const V = 'fixtures/validate';
const pick = (i: ValidationMessage) => [i.place.file, i.code, (i.place.row ?? null), (i.place.column ?? null), (i.place.fieldNumber ?? null)];

describe('data package', () => {
  test('a valid package with its passport reports nothing', async () => {
    const r = await validatePaths([`${V}/package-valid`]);
    expect(r.messages).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.files).toEqual(
      ['commitments.csv', 'datapackage.json', 'measureParties.csv', 'measures.csv', 'parties.csv', 'passport.json', 'plans.csv'].map(
        (f) => `${V}/package-valid/${f}`,
      ),
    );
  });

  test('the same package given as datapackage.json', async () => {
    const r = await validatePaths([`${V}/package-valid/datapackage.json`]);
    expect(r.messages).toEqual([]);
    expect(r.files).toContain(`${V}/package-valid/passport.json`);
  });

  test('foreign keys: measures → commitments, link table → parties', async () => {
    const r = await validatePaths([`${V}/package-fk`]);
    expect(r.messages.map(pick)).toEqual([
      [`${V}/package-fk/measureParties.csv`, 'foreign-key', 2, 'partyId', 3],
      [`${V}/package-fk/measures.csv`, 'foreign-key', 3, 'commitmentId', 2],
    ]);
    expect(r.messages[1]!.reason).toContain('"1417-2025-10-09-C9" has no match in commitments.uid');
  });

  test('a child file given alone still has its foreign keys checked against the package', async () => {
    const r = await validatePaths([`${V}/package-fk/measures.csv`]);
    expect(r.messages.map(pick)).toEqual([[`${V}/package-fk/measures.csv`, 'foreign-key', 3, 'commitmentId', 2]]);
  });

  test('a missing parent row key is found whatever the resource order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    cpSync(`${V}/package-fk`, dir, { recursive: true });
    // self reference: commitments.parentId → commitments.uid
    writeFileSync(join(dir, 'commitments.csv'), 'uid,planId,title,parentId\nA,1417-2025-10-09,Один,B\nB,1417-2025-10-09,Два,null\nC,1417-2025-10-09,Три,Z\n');
    const pkg = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    const c = pkg.resources.find((x: { name: string }) => x.name === 'commitments');
    c.schema.fields.push({ name: 'parentId', type: 'string' });
    c.schema.foreignKeys.push({ fields: ['parentId'], reference: { resource: '', fields: ['uid'] } });
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(pkg));
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.filter((i) => i.place.file === 'commitments.csv').map(pick)).toEqual([['commitments.csv', 'foreign-key', 4, 'parentId', 4]]);
    // measures now point at commitment ids that no longer exist
    expect(r.messages.filter((i) => i.place.file === 'measures.csv').map((i) => [i.code, (i.place.row ?? null)])).toEqual([
      ['foreign-key', 2],
      ['foreign-key', 3],
    ]);
  });
});

describe('passport', () => {
  test('each missing, empty or invalid element is an error naming it in Ukrainian and English', async () => {
    const r = await validatePaths([`${V}/package-passport`]);
    const f = `${V}/package-passport/passport.json`;
    expect(r.messages.map(pick)).toEqual([
      [f, 'passport', null, 'title', null],
      [f, 'passport', 3, 'description', null],
      [f, 'passport', 10, 'issued', null],
      [f, 'passport', 13, 'accrualPeriodicity', null],
      [f, 'passport', 14, 'keywords', null],
      [f, 'passport', 22, 'publisherId', null],
      [f, 'passport', 24, 'contactPointEmail', null],
    ]);
    // The element's name is the one the export uses (one table: src/model/national.ts).
    expect(r.messages[0]!.reason).toBe('passport element «назва набору даних» (title, "title") is missing');
  });

  test('an empty passport names every element', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    writeFileSync(join(dir, 'passport.json'), '{}\n');
    const r = await validatePaths([join(dir, 'passport.json')], { cwd: dir });
    expect(r.messages.map((i) => (i.place.column ?? null))).toEqual(PASSPORT_ELEMENTS.map((e) => e.key).sort());
    expect(r.messages.every((i) => i.code === 'passport' && / is missing$/.test(i.reason))).toBe(true);
  });

  test('title ≤ 254 and description ≤ 4000 characters; modified not before issued; structure files exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    cpSync(`${V}/package-valid/passport.json`, join(dir, 'passport.json'));
    const p = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'passport.json'), 'utf8'));
    p.title = 'П'.repeat(255);
    p.description = 'О'.repeat(4001);
    p.modified = '2025-01-01';
    p.structure = ['plans.schema.json', 'https://example.gov.ua/schema.json'];
    writeFileSync(join(dir, 'passport.json'), JSON.stringify(p, null, 2));
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map((i) => [(i.place.column ?? null), i.reason.replace(/^passport element «[^»]*» \([^)]*\) /, '')])).toEqual([
      ['title', 'must be at most 254 characters (has 255)'],
      ['description', 'must be at most 4000 characters (has 4001)'],
      ['modified', '2025-01-01 is before «дата першого оприлюднення набору даних» (first publication date, "issued") 2025-10-20'],
      ['structure', 'must be URLs (http:// or https://) or names of files next to the passport; not found or invalid: "plans.schema.json"'],
    ]);
  });
});

describe('835-rec structure descriptions', () => {
  test('CSVW schema.json and schema.csv next to the tables', async () => {
    const r = await validatePaths([`${V}/csvw`]);
    expect(r.messages.map(pick)).toEqual([
      [`${V}/csvw/programs.csv`, 'date-range', 3, 'validFrom', 3],
      [`${V}/csvw/reports.csv`, 'type-error', 3, 'url', 8],
    ]);
  });

  test('quirks of a published description are warnings, not failures', async () => {
    const r = await validatePaths([`${V}/reference`]);
    expect(r.valid).toBe(true);
    expect(r.messages.map((i) => [i.code, i.severity, (i.place.column ?? null)])).toEqual([
      ['schema-error', 'warning', 'isVersionOfІd'],
      ['schema-error', 'warning', 'uId'],
    ]);
  });

  test('--schema forces one description (schema.csv) on any file', async () => {
    const r = await validatePaths([`${V}/csvw/reports.csv`], { schema: `${V}/csvw/reports.schema.csv` });
    expect(r.messages.map(pick)).toEqual([[`${V}/csvw/reports.csv`, 'type-error', 3, 'url', 8]]);
  });

  test('835-rec tables: empty and null are both missing (an error only in a required column)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    cpSync(`${V}/csvw/reports.schema.csv`, join(dir, 'reports.schema.csv'));
    writeFileSync(
      join(dir, 'reports.csv'),
      'uid,acceptedDate,title,periodStartDate,periodEndDate,programId,programTitle,url\nR-1,null,null,2025-01-01,2025-12-31,P-1,,https://khm.gov.ua/r/1\n',
    );
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map(pick)).toEqual([
      ['reports.csv', 'constraint-error', 2, 'title', 3],
      ['reports.csv', 'constraint-error', 2, 'programTitle', 7],
    ]);
  });
});

describe('JSON documents', () => {
  test('JSON Schema errors with their instance path and line; valid JSON reports nothing', async () => {
    const r = await validatePaths([`${V}/json/plan.json`, `${V}/json/plan-broken.json`]);
    const f = `${V}/json/plan-broken.json`;
    expect(r.messages.map((i) => [i.place.file, i.code, (i.place.row ?? null), (i.place.column ?? null)])).toEqual([
      [f, 'json-schema', 4, '/decision/date'],
      [f, 'json-schema', 5, '/decision/number'],
      [f, 'json-schema', 13, '/commitments/1/id'],
      [f, 'json-schema', 14, '/commitments/1/title'],
      [f, 'json-schema', 15, '/commitments/1/extra'],
      [f, 'json-schema', 17, '/commitments/2/id'],
    ]);
    expect(r.files).toEqual([`${V}/json/plan-broken.json`, `${V}/json/plan.json`]);
  });

  test('malformed JSON is a source error', async () => {
    const r = await validatePaths([`${V}/json/not-json.json`]);
    expect(r.messages.map((i) => [i.code, i.severity])).toEqual([['source-error', 'error']]);
    expect(r.messages[0]!.reason).toMatch(/^not valid JSON: /);
  });

  test('--schema with a JSON Schema', async () => {
    const r = await validatePaths([`${V}/json/plan-broken.json`], { schema: `${V}/json/plan.schema.json` });
    expect(r.messages.length).toBe(6);
  });
});

describe('exporter output', () => {
  test('the committed export of the three seed plans validates clean (CSV, JSON tables, passport, register)', async () => {
    const r = await validatePaths(['fixtures/export/expected']);
    expect(r.messages).toEqual([]);
    expect(r.files).toContain('fixtures/export/expected/passport.json');
    expect(r.files).toContain('fixtures/export/expected/measures.json');
    expect(r.files).toContain('fixtures/export/expected/register.csv');
  });

  test('a broken copy of the export is caught in CSV and in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-'));
    cpSync('fixtures/export/expected', dir, { recursive: true });
    const fs = await import('node:fs');
    const csv = fs.readFileSync(join(dir, 'measures.csv'), 'utf8').split('\n');
    const cells = csv[1]!.split(',');
    cells[2] = `${cells[2]}-gone`;
    csv[1] = cells.join(',');
    fs.writeFileSync(join(dir, 'measures.csv'), csv.join('\n'));
    const json = JSON.parse(fs.readFileSync(join(dir, 'commitments.json'), 'utf8'));
    json[0].planId = '0000-2000-01-01';
    fs.writeFileSync(join(dir, 'commitments.json'), JSON.stringify(json, null, 2));
    const r = await validatePaths([dir], { cwd: dir });
    expect(r.messages.map((i) => [i.place.file, i.code, (i.place.column ?? null)])).toEqual([
      ['commitments.json', 'foreign-key', 'planId'],
      ['measures.csv', 'foreign-key', 'commitmentId'],
    ]);
  });
});

describe('batches', () => {
  test('a missing input is one error naming it; the rest of the batch still runs', async () => {
    const r = await validatePaths([`${V}/nope.csv`, `${V}/cases/whitespace.csv`], { schema: `${V}/cases/table-schema.json` });
    expect(r.messages.map(pick)).toEqual([
      [`${V}/cases/whitespace.csv`, 'whitespace', 2, 'title', 2],
      [`${V}/nope.csv`, 'source-error', null, null, null],
    ]);
    expect(r.messages[1]!.reason).toBe(`cannot read ${V}/nope.csv: no such file`);
  });

  test('no inputs is a usage error', async () => {
    await expect(validatePaths([])).rejects.toThrow(/no inputs/);
  });

  test('an unusable --schema is a usage error (the library names its option; the CLI maps it to --schema)', async () => {
    const error = await validatePaths([`${V}/cases/valid.csv`], { schema: `${V}/nope.json` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidateUsageError);
    expect((error as ValidateUsageError).option).toBe('schema');
    expect((error as ValidateUsageError).message).toMatch(/^schema fixtures\/validate\/nope\.json: cannot read the structure description: no such file$/);
    expect((error as ValidateUsageError).finding?.code).toBe('schema-error');
  });

  test('the same result in any input order, byte-identical', async () => {
    const a = await validatePaths([`${V}/package-fk`, `${V}/csvw`, `${V}/json`]);
    const b = await validatePaths([`${V}/json`, `${V}/csvw`, `${V}/package-fk`]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
