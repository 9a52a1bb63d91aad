import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  ALL_TABLES,
  DATA_TABLES,
  EXCEL_NOTE,
  exportDatasets,
  ExportError,
  OGP_COMMITMENTS,
  parseTableCsv,
  planUid,
  readDataset,
  recordsToPlans,
  writeDataset,
  type TableDef,
} from '../../src/datasets/index.js';
import type { ActionPlan } from '../../src/model/schema.js';
import {
  EXPECTED_DIR,
  SAMPLE_EXPECTED_DIR,
  exportableView,
  fixturePassport,
  loadFixturePlans,
  PLAN_FIXTURES,
  seedPlanFiles,
  withTmpDir,
} from './helpers.js';

const UPDATE = process.env.UPDATE_EXPECTED === '1';

async function compareWithExpected(plans: ActionPlan[], dir: string): Promise<void> {
  const result = exportDatasets(plans, { passport: await fixturePassport() });
  if (UPDATE) {
    await rm(dir, { recursive: true, force: true });
    await writeDataset(dir, result.files);
  }
  const expectedNames = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  expect([...result.files.keys()].sort()).toEqual(expectedNames);
  for (const [name, content] of result.files) {
    const expected = await readFile(join(dir, name));
    expect(Buffer.from(content, 'utf8').equals(expected), `${name} differs from ${dir}/${name} (UPDATE_EXPECTED=1 rewrites)`).toBe(true);
  }
}

describe('export', () => {
  it('of the three seed plans matches fixtures/export/expected byte for byte (acceptance)', async () => {
    const seeds = await seedPlanFiles();
    expect(seeds).toHaveLength(3);
    await compareWithExpected(await loadFixturePlans(seeds), EXPECTED_DIR);
  });

  it('of the sample plans matches fixtures/export/expected-sample byte for byte', async () => {
    await compareWithExpected(await loadFixturePlans(), SAMPLE_EXPECTED_DIR);
  });

  it('is byte-identical for the same input, whatever the input order', async () => {
    const plans = await loadFixturePlans();
    const passport = await fixturePassport();
    const a = exportDatasets(plans, { passport });
    const b = exportDatasets([...plans].reverse(), { passport });
    const c = exportDatasets(await loadFixturePlans([...PLAN_FIXTURES].reverse()), { passport: await fixturePassport() });
    for (const other of [b, c]) {
      expect([...other.files.keys()]).toEqual([...a.files.keys()]);
      for (const [name, content] of a.files) expect(other.files.get(name), name).toBe(content);
    }
  });

  it('writes the same bytes twice to disk', async () => {
    const plans = await loadFixturePlans();
    const passport = await fixturePassport();
    await withTmpDir(async (dir) => {
      await writeDataset(join(dir, 'a'), exportDatasets(plans, { passport }).files);
      await writeDataset(join(dir, 'b'), exportDatasets(plans, { passport }).files);
      const names = (await readdir(join(dir, 'a'))).sort();
      expect((await readdir(join(dir, 'b'))).sort()).toEqual(names);
      expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);
      for (const n of names) {
        expect((await readFile(join(dir, 'a', n))).equals(await readFile(join(dir, 'b', n))), n).toBe(true);
      }
    });
  });

  it('gives plan uids from decision number and date (835-rec)', async () => {
    const plans = await loadFixturePlans();
    expect(plans.map(planUid).sort()).toEqual(['1417-2025-10-09', '784-2021-08-12']);
    const base = plans[0]!;
    expect(planUid({ ...base, decision: { ...base.decision, number: '№ 922/8888', date: '2024-06-13' } })).toBe('922-8888-2024-06-13');
    expect(planUid({ ...base, id: 'kyiv-plan', decision: { ...base.decision, number: null } })).toBe('kyiv-plan');
  });
});

/** Check every CSV of an export follows the file conventions. */
function checkCsvConventions(files: Map<string, string>, tables: readonly TableDef[], nullValue = 'null'): void {
  for (const table of tables) {
    const text = files.get(`${table.file}.csv`);
    expect(text, `${table.file}.csv`).toBeDefined();
    expect(text!.charCodeAt(0)).not.toBe(0xfeff);
    expect(text!.includes('\r')).toBe(false);
    expect(text!.endsWith('\n')).toBe(true);
    const rows = parse(text!, { relax_quotes: false }) as string[][];
    expect(rows[0]).toEqual(table.columns.map((c) => c.name));
    for (const row of rows.slice(1)) {
      expect(row.length).toBe(table.columns.length);
      row.forEach((cell, i) => {
        const column = table.columns[i]!;
        expect(cell, `${table.file} ${column.name}`).toBe(cell.trim());
        expect(cell.includes('  '), `${table.file} ${column.name} double space`).toBe(false);
        expect(cell, `${table.file} ${column.name} empty`).not.toBe('');
        if (column.required) expect(cell, `${table.file} ${column.name} required`).not.toBe(nullValue);
        if (cell !== nullValue && column.type === 'date') expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (cell !== nullValue && column.enum) expect(column.enum).toContain(cell);
        if (cell !== nullValue && column.pattern) expect(cell).toMatch(new RegExp(column.pattern, 'u'));
      });
    }
  }
}

describe('file conventions', () => {
  it('CSV: UTF-8 without BOM, header row, \\n, clean cells, null for missing, codes as text', async () => {
    const result = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    checkCsvConventions(result.files, [...DATA_TABLES, OGP_COMMITMENTS]);
    expect(result.files.get('parties.csv')).toContain(',33641522\n');
    expect(result.files.get('register.csv')).toContain(',04060714,');
    expect(result.messages.some((m) => m.reason.includes('BOM'))).toBe(false);
  });

  it('cleans leading, trailing and double spaces and line breaks in values', async () => {
    const [plan] = await loadFixturePlans();
    const c = plan!.commitments[0]!;
    const messy: ActionPlan = {
      ...plan!,
      commitments: [{ ...c, title: '  Розвиток  безбар’єрного\nпростору \u00A0 в громаді ', problem: '   ' }],
    };
    const result = exportDatasets([messy]);
    const rows = parseTableCsv(DATA_TABLES[1]!, result.files.get('commitments.csv')!);
    expect(rows[0]!.title).toBe('Розвиток безбар’єрного простору в громаді');
    expect(rows[0]!.problem).toBeNull();
    checkCsvConventions(result.files, DATA_TABLES);
  });

  it('--excel adds a BOM to CSV files only and says so', async () => {
    const result = exportDatasets(await loadFixturePlans(), { excel: true, passport: await fixturePassport() });
    for (const [name, content] of result.files) {
      expect(content.charCodeAt(0) === 0xfeff, name).toBe(name.endsWith('.csv'));
    }
    expect(result.messages.map((m) => m.reason)).toContain(EXCEL_NOTE);
    const pkg = JSON.parse(result.files.get('datapackage.json')!) as { resources: { encoding: string; path: string }[] };
    expect(pkg.resources.filter((r) => r.path.endsWith('.csv')).every((r) => r.encoding === 'utf-8-sig')).toBe(true);
  });

  it('--null-value changes the marker in CSV and in the metadata', async () => {
    const plansForNull = await loadFixturePlans();
    const result = exportDatasets(plansForNull, { nullValue: 'NA', passport: await fixturePassport() });
    checkCsvConventions(result.files, DATA_TABLES, 'NA');
    expect(result.files.get('measures.csv')).toContain(',NA,');
    expect(result.files.get('measures.csv')).not.toMatch(/(^|,)null(,|\n)/);
    const pkg = JSON.parse(result.files.get('datapackage.json')!) as { resources: { schema: { missingValues: string[] } }[] };
    expect(pkg.resources.every((r) => r.schema.missingValues[0] === 'NA')).toBe(true);
    expect(JSON.parse(result.files.get('measures.schema.json')!).tableSchema.null).toBe('NA');
    expect(() => exportDatasets([], {})).toThrow(ExportError);
    expect(() => exportDatasets(plansForNull, { nullValue: ' x' })).toThrow(/nullValue/);
    expect(() => exportDatasets(plansForNull, { nullValue: 'a,b' })).toThrow(/nullValue/);
  });

  it('refuses a value equal to the null marker instead of writing an ambiguous cell', async () => {
    const [plan] = await loadFixturePlans();
    const c = plan!.commitments[0]!;
    const bad: ActionPlan = { ...plan!, commitments: [{ ...c, goal: 'NA' }] };
    expect(() => exportDatasets([bad], { nullValue: 'NA' })).toThrow(/missing-value marker/);
  });

  it('--format json writes JSON tables and nested plans, no CSV tables', async () => {
    const plans = await loadFixturePlans();
    const result = exportDatasets(plans, { formats: ['json'] });
    const names = [...result.files.keys()];
    expect(names.filter((n) => n.endsWith('.csv') && !n.endsWith('.schema.csv'))).toEqual([]);
    expect(names).toContain('plans.nested.json');
    const nested = JSON.parse(result.files.get('plans.nested.json')!) as ActionPlan[];
    expect(nested.map((p) => p.id)).toEqual(['1417-2025-10-09', '784-2021-08-12']);
    const measures = JSON.parse(result.files.get('measures.json')!) as Record<string, unknown>[];
    expect(measures.find((m) => m.uid === '1417-2025-10-09-C2.M2')).toMatchObject({ startDate: null, termPrecision: 'unknown' });
    const csvOnly = exportDatasets(plans, { formats: ['csv'] });
    expect([...csvOnly.files.keys()].filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))).toEqual([
      'datapackage.json',
    ]);
  });

  it('rejects a required text that is empty after cleaning', async () => {
    const [plan] = await loadFixturePlans();
    const c = plan!.commitments[0]!;
    const bad: ActionPlan = { ...plan!, commitments: [{ ...c, title: ' \u00A0\n ' }] };
    expect(() => exportDatasets([bad])).toThrow(/commitments 1417-2025-10-09-C1 title: empty text/);
  });

  it('rejects two plans with the same uid, naming both sources', async () => {
    const [plan] = await loadFixturePlans();
    const copy = { ...plan!, source: { ...plan!.source, file: 'copy.docx' } };
    expect(() => exportDatasets([plan!, copy])).toThrow(/1417-2025-10-09: khmelnytskyi-2026-2027-action-plan.txt and copy.docx/);
  });

  it('rejects one party with two ЄДРПОУ codes', async () => {
    const plans = await loadFixturePlans();
    const p = plans[1]!;
    const c = p.commitments[0]!;
    const m = c.measures[0]!;
    const bad: ActionPlan = {
      ...p,
      commitments: [
        { ...c, measures: [{ ...m, executors: m.executors.map((e) => ({ ...e, edrpou: e.edrpou ? '11111111' : null })) }] },
      ],
    };
    expect(() => exportDatasets([plans[0]!, bad])).toThrow(/khmkp-khmelnytskinfotsentr has ЄДРПОУ/);
  });
});

describe('tables', () => {
  it('one row per distinct party, with link rows carrying every parent id', async () => {
    const { tables } = exportDatasets(await loadFixturePlans());
    const ids = tables.parties.map((p) => p.uid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(tables.parties.find((p) => p.uid === 'khmkp-khmelnytskinfotsentr')).toEqual({
      uid: 'khmkp-khmelnytskinfotsentr',
      name: 'ХМКП «Хмельницькінфоцентр»',
      kind: 'body',
      edrpou: '33641522',
    });
    const measureUids = new Set(tables.measures.map((m) => m.uid));
    const commitmentUids = new Set(tables.commitments.map((c) => c.uid));
    const planUids = new Set(tables.plans.map((p) => p.uid));
    const partyUids = new Set(ids);
    for (const link of tables.measureParties) {
      expect(measureUids.has(link.measureId as string)).toBe(true);
      expect(commitmentUids.has(link.commitmentId as string)).toBe(true);
      expect(planUids.has(link.planId as string)).toBe(true);
      expect(partyUids.has(link.partyId as string)).toBe(true);
      expect(String(link.uid).startsWith(`${String(link.measureId)}-`)).toBe(true);
    }
    for (const m of tables.measures) expect(commitmentUids.has(m.commitmentId as string)).toBe(true);
    expect(tables.commitmentParties).toEqual([
      expect.objectContaining({
        uid: '1417-2025-10-09-C2-E1',
        partyId: 'ku-ahentsiia-rozvytku-khmelnytskoho',
        role: 'executor',
        contact: 'Герасимчук Л. О.',
      }),
    ]);
    expect(tables.commitmentTags.filter((t) => t.commitmentId === '1417-2025-10-09-C1')).toEqual([
      { uid: '1417-2025-10-09-C1-S1', planId: '1417-2025-10-09', commitmentId: '1417-2025-10-09-C1', kind: 'sector', value: 'Муніципальне управління' },
      { uid: '1417-2025-10-09-C1-S2', planId: '1417-2025-10-09', commitmentId: '1417-2025-10-09-C1', kind: 'sector', value: 'громадський простір' },
      { uid: '1417-2025-10-09-C1-V1', planId: '1417-2025-10-09', commitmentId: '1417-2025-10-09-C1', kind: 'ogpValue', value: 'Участь та інклюзія громадськості' },
      { uid: '1417-2025-10-09-C1-V2', planId: '1417-2025-10-09', commitmentId: '1417-2025-10-09-C1', kind: 'ogpValue', value: 'технології/інновації для участі громадськості' },
    ]);
  });

  it('maps commitments to the OGP Local template fields', async () => {
    const { tables } = exportDatasets(await loadFixturePlans());
    const [c1, c2, old] = tables.ogpCommitments;
    expect(c1).toMatchObject({
      commitmentId: '1417-2025-10-09-C1',
      startDate: '2026-03-01',
      endDate: '2027-12-31',
      // no lead executors in the plan: the measures' executors, each body once
      leadInstitution: 'ХМКП «Хмельницькінфоцентр»; управління архітектури та містобудування; управління економіки',
      supportingStakeholders: null,
      ogpValues: 'Участь та інклюзія громадськості; технології/інновації для участі громадськості',
    });
    expect(c1!.statusQuo).toBe(c1!.problem);
    expect(c1!.action).toBe(
      'Мета: Реалізація принципів безбар’єрності та забезпечення рівних можливостей для всіх мешканців громади. Заходи: 1) Створення та запуск інтерактивної «Мапи доступності»; 2) Запровадження муніципальної програми мікрогрантів/пільг для малого бізнесу на адаптацію приміщень під безбар’єрні стандарти',
    );
    // a measure without dates does not move the range
    expect(c2).toMatchObject({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      leadInstitution: 'КУ «Агенція розвитку Хмельницького»',
      supportingStakeholders: 'ХМКП «Хмельницькінфоцентр»; громадські організації',
    });
    expect(old).toMatchObject({
      leadInstitution: 'Виконавчий комітет міської ради; ХМКП «Хмельницькінфоцентр»; управління адміністративних послуг; виконавчі органи міської ради',
      supportingStakeholders: 'Громадська організація «Хмельницька ініціатива»',
      startDate: '2021-09-01',
      endDate: '2022-12-31',
    });
  });
});

async function roundTrip(plans: ActionPlan[], nullValue?: string): Promise<void> {
  const result = exportDatasets(plans, nullValue ? { nullValue } : {});
  await withTmpDir(async (dir) => {
    await writeDataset(dir, result.files);
    const tables = await readDataset(dir, nullValue ? { nullValue } : {});
    for (const t of ALL_TABLES.filter((x) => x.name !== 'register')) {
      expect(tables[t.name as keyof typeof tables], t.name).toEqual(result.tables[t.name as keyof typeof result.tables]);
    }
    const back = recordsToPlans(tables);
    const edrpou = new Map(result.tables.parties.map((p) => [String(p.uid), (p.edrpou as string | null) ?? null]));
    const byUid = new Map(plans.map((p) => [planUid(p), p]));
    expect(back.map((p) => planUid(p))).toEqual([...byUid.keys()].sort());
    for (const plan of back) {
      expect(plan).toEqual(exportableView(byUid.get(planUid(plan))!, edrpou));
    }
  });
}

describe('round trip: CSV → records → plans', () => {
  it('reproduces the fixture plans (commitments, measures, terms, parties, decision)', async () => {
    await roundTrip(await loadFixturePlans());
  });

  it('reproduces them with a custom null marker', async () => {
    await roundTrip(await loadFixturePlans(), 'NULL');
  });

  it('reproduces the extractor’s three seed plans', async () => {
    await roundTrip(await loadFixturePlans(await seedPlanFiles()));
  });
});
