/**
 * The national rules are one table (src/model/national.ts): the export writes passport.json by it and validate
 * checks passport.json by it, so what export writes passes validate element by element, and a value the table
 * rejects is refused by both, each naming the element by the same key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPassport, ExportError, exportDatasets, PASSPORT_ELEMENTS as EXPORT_NAMES, writeDataset } from '../../src/datasets/index.js';
import { ACCRUAL_PERIODICITIES, isCalendarDate, isPassportDate, PASSPORT_ELEMENTS, passportKeys, type PassportKey } from '../../src/model/national.js';
import { ActionPlanSchema, PartyKindSchema, TermPrecisionSchema } from '../../src/model/schema.js';
import { ALL_TABLES, PARTY_KINDS, TERM_PRECISIONS } from '../../src/datasets/tables.js';
import { PASSPORT_ELEMENTS as VALIDATE_ELEMENTS, validatePaths } from '../../src/validate/index.js';
import { fixturePassport, loadFixturePlans, withTmpDir } from '../datasets/helpers.js';

const context = { formats: ['CSV', 'JSON'], structureFiles: ['datapackage.json'], latestDecisionDate: '2025-10-09' };

/** The passport.json the export writes for the fixture plans, in a temporary dataset folder. */
async function withExport<T>(fn: (dir: string, passport: Record<string, unknown>) => Promise<T>): Promise<T> {
  return withTmpDir(async (dir) => {
    const { files } = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    await writeDataset(dir, files);
    return fn(dir, JSON.parse(readFileSync(join(dir, 'passport.json'), 'utf8')) as Record<string, unknown>);
  });
}

/** Values the table rejects, one per element with a rule beyond "non-empty text". */
const BROKEN: Partial<Record<PassportKey, unknown>> = {
  title: 'Н'.repeat(255),
  description: 'О'.repeat(4001),
  language: 'українська',
  issued: '2025-02-30',
  modified: '2025-13-01',
  temporal: '20.10.2025',
  accrualPeriodicity: 'Щоденно',
  landingPage: 'data.gov.ua/dataset/x',
  previousVersions: 'ftp://data.gov.ua/x',
  structure: ['../plans.schema.json'],
  publisherId: '4060714',
  contactPointEmail: 'opendata.khm.gov.ua',
};

describe('one table of national rules', () => {
  it('export and validate name the same elements, in the same order, by the same Ukrainian names', () => {
    expect(VALIDATE_ELEMENTS).toBe(PASSPORT_ELEMENTS);
    expect(Object.keys(EXPORT_NAMES)).toEqual(PASSPORT_ELEMENTS.map((e) => e.key));
    for (const e of PASSPORT_ELEMENTS) expect(EXPORT_NAMES[e.key]).toBe(e.uk);
    expect([...passportKeys('mandatory'), ...passportKeys('computed'), ...passportKeys('optional')].sort()).toEqual(
      PASSPORT_ELEMENTS.map((e) => e.key).sort(),
    );
  });

  it("export's passport.json passes validate's rule for every element", async () => {
    await withExport(async (dir, passport) => {
      expect(Object.keys(passport)).toEqual(PASSPORT_ELEMENTS.map((e) => e.key));
      for (const e of PASSPORT_ELEMENTS) {
        const value = passport[e.key];
        if (value === null) expect(e.nullable, e.key).toBe(true);
        else expect(e.check(value), e.key).toBeNull();
      }
      const report = await validatePaths([join(dir, 'passport.json')], { cwd: dir });
      expect(report.messages).toEqual([]);
    });
  });

  it.each(Object.entries(BROKEN))('%s: a value the table rejects is refused by export and by validate', async (key, bad) => {
    const element = PASSPORT_ELEMENTS.find((e) => e.key === key)!;
    expect(element.check(bad)).not.toBeNull();
    // export: the passport file with the bad value is refused, naming the element
    const input = { ...((await fixturePassport()) as Record<string, unknown>), [key]: bad };
    let problems: readonly string[] = [];
    try {
      buildPassport(input, context);
    } catch (error) {
      expect(error).toBeInstanceOf(ExportError);
      problems = (error as ExportError).problems;
    }
    expect(problems.some((p) => p.includes(`(${key})`)), problems.join('\n')).toBe(true);
    // validate: passport.json with the bad value is an error at that element
    await withExport(async (dir, passport) => {
      writeFileSync(join(dir, 'passport.json'), JSON.stringify({ ...passport, [key]: bad }, null, 2));
      const report = await validatePaths([join(dir, 'passport.json')], { cwd: dir });
      expect(report.messages.map((m) => [m.code, m.place.column])).toContainEqual(['passport', key]);
    });
  });

  it('vocabularies and patterns have one definition: the plan model and the dataset tables use it', () => {
    expect(PartyKindSchema.options).toEqual([...PARTY_KINDS]);
    expect(TermPrecisionSchema.options).toEqual([...TERM_PRECISIONS]);
    const source = ActionPlanSchema.shape.source.shape.format;
    const columns = ALL_TABLES.flatMap((t) => t.columns);
    expect([...(columns.find((c) => c.name === 'sourceFormat')?.enum ?? [])]).toEqual(source.options);
    expect(columns.find((c) => c.name === 'kind' && c.enum?.includes('collective'))?.enum).toBe(PARTY_KINDS);
    const accrual = columns.find((c) => c.name === 'accrualPeriodicity');
    expect(accrual?.enum).toBe(ACCRUAL_PERIODICITIES);
  });

  it('dates: a real calendar day, with an optional time', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isPassportDate('2025-10-20T10:30:00+03:00')).toBe(true);
    expect(isPassportDate('2025-04-31T10:30')).toBe(false);
  });
});
