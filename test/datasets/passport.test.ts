import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  ACCRUAL_PERIODICITIES,
  buildPassport,
  ExportError,
  exportDatasets,
  MANDATORY_INPUT,
  PASSPORT_ELEMENTS,
  parseTableCsv,
  REGISTER,
  type PassportContext,
} from '../../src/datasets/index.js';
import { fixturePassport, loadFixturePlans } from './helpers.js';

const context: PassportContext = {
  formats: ['CSV', 'JSON'],
  structureFiles: ['datapackage.json', 'plans.schema.json'],
  latestDecisionDate: '2025-10-09',
};

async function base(): Promise<Record<string, unknown>> {
  return { ...((await fixturePassport()) as Record<string, unknown>) };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return [...(error as ExportError).problems];
  }
  throw new Error('expected an ExportError');
}

describe('passport', () => {
  it('has every element of the regulation, with computed formats, structure, modified and temporal', async () => {
    const passport = buildPassport(await base(), context);
    expect(Object.keys(passport).sort()).toEqual(Object.keys(PASSPORT_ELEMENTS).sort());
    expect(passport).toMatchObject({
      identifier: 'khm-ogp-action-plans',
      language: 'uk',
      formats: ['CSV', 'JSON'],
      compressionFormat: null,
      issued: '2025-10-20',
      // the dataset cannot change before its first publication
      modified: '2025-10-20',
      temporal: '2025-10-09',
      accrualPeriodicity: 'Щороку',
      previousVersions: null,
      structure: ['datapackage.json', 'plans.schema.json'],
      publisherId: '04060714',
    });
  });

  it('modified and temporal are the latest decision date when not given (never the clock)', async () => {
    const p = buildPassport({ ...(await base()), issued: '2021-09-01' }, context);
    expect(p.modified).toBe('2025-10-09');
    expect(p.temporal).toBe('2025-10-09');
    const given = buildPassport({ ...(await base()), modified: '2026-01-15', temporal: '2025-12-31' }, context);
    expect(given.modified).toBe('2026-01-15');
    expect(given.temporal).toBe('2025-12-31');
    const b = await base();
    expect(problemsOf(() => buildPassport(b, { ...context, latestDecisionDate: null })).join('\n')).toMatch(
      /modified\) cannot be computed/,
    );
  });

  it('names every missing mandatory element in Ukrainian with its key', () => {
    const problems = problemsOf(() => buildPassport({}, context, 'passport.yaml'));
    expect(problems).toHaveLength(MANDATORY_INPUT.length);
    for (const key of MANDATORY_INPUT) {
      expect(problems).toContain(`passport.yaml: missing mandatory element «${PASSPORT_ELEMENTS[key]}» (${key})`);
    }
  });

  it('accepts publisherId stated as null but not left out', async () => {
    expect(buildPassport({ ...(await base()), publisherId: null }, context).publisherId).toBeNull();
    const { publisherId: _p, ...rest } = await base();
    expect(problemsOf(() => buildPassport(rest, context))).toEqual([
      'passport: missing mandatory element «код ЄДРПОУ розпорядника інформації» (publisherId)',
    ]);
  });

  it('checks lengths, periodicity, ЄДРПОУ, e-mail, links, dates and unknown keys', async () => {
    const bad = {
      ...(await base()),
      title: 'Н'.repeat(255),
      description: 'О'.repeat(4001),
      accrualPeriodicity: 'Раз на рік',
      publisherId: 4060714,
      contactPointEmail: 'opendata at khm.gov.ua',
      landingPage: 'data.gov.ua/dataset/x',
      issued: '20.10.2025',
      colour: 'green',
    };
    const found = problemsOf(() => buildPassport(bad, context)).join('\n');
    expect(found).toMatch(/title\) is longer than 254 characters \(255\)/);
    expect(found).toMatch(/description\) is longer than 4000 characters \(4001\)/);
    expect(found).toMatch(new RegExp(`must be one of «${ACCRUAL_PERIODICITIES[0]}»`));
    expect(found).toMatch(/publisherId\) must be an 8-digit ЄДРПОУ code written as text: 4060714 \(in YAML put the code in quotes/);
    expect(found).toMatch(/contactPointEmail\) is not an e-mail address/);
    expect(found).toMatch(/landingPage\) must start with http/);
    expect(found).toMatch(/issued\) must be a date YYYY-MM-DD/);
    expect(found).toMatch(/unknown passport element colour/);
    // exactly 254 characters is allowed
    expect(buildPassport({ ...(await base()), title: 'Н'.repeat(254) }, context).title).toHaveLength(254);
  });

  it('reads keywords written as one comma-separated line', async () => {
    const p = buildPassport({ ...(await base()), keywords: 'відкритий уряд,  OGP ,план дій' }, context);
    expect(p.keywords).toEqual(['відкритий уряд', 'OGP', 'план дій']);
  });

  it('an export with an incomplete passport fails and yields no files', async () => {
    const plans = await loadFixturePlans();
    const { title: _t, contactPointEmail: _e, ...rest } = await base();
    expect(() => exportDatasets(plans, { passport: rest, passportSource: 'p.yaml' })).toThrow(
      /p\.yaml: missing mandatory element «назва набору даних» \(title\); missing mandatory element «адреса електронної пошти відповідальної особи» \(contactPointEmail\)/,
    );
  });

  it('is written as passport.json and as an annex-7 register row', async () => {
    const result = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    const doc = JSON.parse(result.files.get('passport.json')!) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(Object.keys(PASSPORT_ELEMENTS));
    expect(doc.compressionFormat).toBeNull();
    expect(doc.previousVersions).toBeNull();
    expect(doc.structure).toContain('measures.schema.json');
    const [row] = parseTableCsv(REGISTER, result.files.get('register.csv')!);
    expect(row).toEqual({
      uid: 'khm-ogp-action-plans',
      title: doc.title,
      description: doc.description,
      accrualPeriodicity: 'Щороку',
      keywords: 'відкритий уряд, OGP, план дій, зобов’язання',
      purpose: doc.purpose,
      url: 'https://data.gov.ua/dataset/khm-ogp-action-plans',
      distributionFormat: 'CSV, JSON',
      publisherName: 'Виконавчий комітет Хмельницької міської ради',
      publisherId: '04060714',
      contactPointName: 'Коваль Олена Вікторівна',
      contactPointEmail: 'opendata@khm.gov.ua',
    });
  });

  it('reads a JSON passport file the same as YAML', async () => {
    const yaml = await fixturePassport();
    const { loadPassportFile } = await import('../../src/datasets/index.js');
    const { withTmpDir } = await import('./helpers.js');
    await withTmpDir(async (dir) => {
      const { writeFile } = await import('node:fs/promises');
      const file = `${dir}/passport.json`;
      await writeFile(file, JSON.stringify(yaml));
      expect(buildPassport(await loadPassportFile(file), context)).toEqual(buildPassport(yaml, context));
      await writeFile(`${dir}/bad.yaml`, 'title: [unclosed');
      await expect(loadPassportFile(`${dir}/bad.yaml`)).rejects.toThrow(/bad\.yaml: passport file is not valid YAML/);
    });
    expect(await readFile('fixtures/export/passport.yaml', 'utf8')).toContain('issued: 2025-10-20');
  });
});
