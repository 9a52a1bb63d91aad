import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  ALL_TABLES,
  csvwSchema,
  csvwSchemaCsv,
  DATA_TABLES,
  exportDatasets,
  REGISTER,
  tableJsonSchemaText,
  writeTableJsonSchemas,
  type TableDef,
} from '../../src/datasets/index.js';
import { fixturePassport, loadFixturePlans } from './helpers.js';

const SCHEMA_DIR = 'schemas/tables';
const UPDATE = process.env.UPDATE_SCHEMAS === '1' || process.env.UPDATE_EXPECTED === '1';
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

describe('835-rec layout', () => {
  it('register.schema.csv is exactly the annex-7 register structure', async () => {
    const reference = await readFile('fixtures/export/annex-7-register.schema.csv', 'utf8');
    expect(csvwSchemaCsv(REGISTER)).toBe(reference.endsWith('\n') ? reference : `${reference}\n`);
  });

  it('register.schema.json has the annex-7 context, columns and primary key', async () => {
    const reference = JSON.parse(await readFile('fixtures/export/annex-7-register.schema.json', 'utf8')) as Record<string, unknown>;
    const { url, ...ours } = csvwSchema(REGISTER);
    expect(url).toBe('register.csv');
    expect(ours).toEqual(reference);
  });

  it('every table: Latin camelCase names, Ukrainian title and description, uid-like primary key', () => {
    for (const table of ALL_TABLES) {
      const names = table.columns.map((c) => c.name);
      expect(new Set(names).size, table.name).toBe(names.length);
      expect(names).toContain(table.primaryKey);
      for (const c of table.columns) {
        expect(c.name, table.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(c.title, c.name).toMatch(/[А-ЯІЇЄҐа-яіїєґ]/u);
        expect(c.description, c.name).toMatch(/[А-ЯІЇЄҐа-яіїєґ]/u);
        if (c.pattern) expect(() => new RegExp(c.pattern!, 'u')).not.toThrow();
      }
      for (const fk of table.foreignKeys) {
        const target = ALL_TABLES.find((t) => t.name === fk.table);
        expect(target, `${table.name}.${fk.column} → ${fk.table}`).toBeDefined();
        expect(target!.primaryKey).toBe(fk.references);
        expect(names).toContain(fk.column);
      }
    }
  });

  it('schema.csv and schema.json of each table describe exactly its CSV header', async () => {
    const result = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    for (const table of ALL_TABLES) {
      const header = (parse(result.files.get(`${table.file}.csv`)!) as string[][])[0];
      const schemaRows = parse(result.files.get(`${table.file}.schema.csv`)!, { columns: true }) as Record<string, string>[];
      expect(schemaRows.map((r) => r.name), table.name).toEqual(header);
      expect(schemaRows.every((r) => r.required === 'True' || r.required === 'False')).toBe(true);
      const json = JSON.parse(result.files.get(`${table.file}.schema.json`)!) as {
        tableSchema: { columns: { name: string; required: boolean }[] };
        primaryKey: string;
      };
      expect(json.tableSchema.columns.map((c) => c.name)).toEqual(header);
      expect(json.tableSchema.columns.map((c) => c.required)).toEqual(schemaRows.map((r) => r.required === 'True'));
      expect(json.primaryKey).toBe(table.primaryKey);
    }
  });
});

describe('datapackage.json', () => {
  it('lists every table with its path, Table Schema, primary and foreign keys that resolve', async () => {
    const result = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    type Field = { name: string; type: string; constraints: { required: boolean; pattern?: string; enum?: string[] } };
    type Resource = {
      name: string;
      path: string;
      encoding: string;
      schema: {
        fields: Field[];
        missingValues: string[];
        primaryKey: string[];
        foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
      };
    };
    const pkg = JSON.parse(result.files.get('datapackage.json')!) as { profile: string; name: string; resources: Resource[] };
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.name).toBe('khm-ogp-action-plans');
    const csv = pkg.resources.filter((r) => r.path.endsWith('.csv'));
    expect(csv.map((r) => r.path)).toEqual(ALL_TABLES.map((t) => `${t.file}.csv`));
    // The passport lists JSON: every JSON table is a resource too, with the same schema as its CSV twin.
    const json = pkg.resources.filter((r) => r.path.endsWith('.json'));
    expect(json.map((r) => r.path)).toEqual(DATA_TABLES.map((t) => `${t.file}.json`).concat(['ogp-commitments.json']));
    for (const r of json) {
      const twin = csv.find((c) => `${c.name}-json` === r.name)!;
      expect(r.schema).toEqual(twin.schema);
      expect(JSON.parse(result.files.get(r.path)!)).toHaveLength((parse(result.files.get(twin.path)!) as unknown[]).length - 1);
    }
    expect((JSON.parse(result.files.get('datapackage.json')!) as { licenses: unknown }).licenses).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
    ]);
    pkg.resources = csv;
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(result.files.has(r.path)).toBe(true);
      expect(r.encoding).toBe('utf-8');
      expect(r.schema.missingValues).toEqual(['null']);
      const header = (parse(result.files.get(r.path)!) as string[][])[0];
      expect(r.schema.fields.map((f) => f.name)).toEqual(header);
      for (const k of r.schema.primaryKey) expect(header).toContain(k);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource);
        expect(target, `${r.name} → ${fk.reference.resource}`).toBeDefined();
        expect(target!.schema.primaryKey).toEqual(fk.reference.fields);
        // every value of the foreign key exists in the referenced table
        const rows = parse(result.files.get(r.path)!, { columns: true }) as Record<string, string>[];
        const keys = new Set(
          (parse(result.files.get(target!.path)!, { columns: true }) as Record<string, string>[]).map((x) => x[fk.reference.fields[0]!]),
        );
        for (const row of rows) expect(keys.has(row[fk.fields[0]!]), `${r.name}.${fk.fields[0]}=${row[fk.fields[0]!]}`).toBe(true);
      }
    }
    const parties = byName.get('parties')!.schema.fields.find((f) => f.name === 'edrpou')!;
    expect(parties.constraints.pattern).toBe('^\\d{8}$');
    const role = byName.get('measure-parties')!.schema.fields.find((f) => f.name === 'role')!;
    expect(role.constraints.enum).toEqual(['executor', 'partner']);
    const precision = byName.get('measures')!.schema.fields.find((f) => f.name === 'termPrecision')!;
    expect(precision.constraints).toMatchObject({ required: true, enum: expect.arrayContaining(['month', 'quarter', 'unknown']) });
    expect(byName.get('measures')!.schema.foreignKeys).toEqual([
      { fields: ['planId'], reference: { resource: 'plans', fields: ['uid'] } },
      { fields: ['commitmentId'], reference: { resource: 'commitments', fields: ['uid'] } },
    ]);
  });
});

describe('JSON Schemas of the tables (schemas/tables)', () => {
  it('are in sync with the table definitions', async () => {
    if (UPDATE) {
      await rm(SCHEMA_DIR, { recursive: true, force: true });
      await writeTableJsonSchemas(SCHEMA_DIR);
    }
    const files = (await readdir(SCHEMA_DIR)).sort();
    expect(files).toEqual(ALL_TABLES.map((t) => `${t.file}.schema.json`).sort());
    for (const t of ALL_TABLES) {
      const onDisk = await readFile(join(SCHEMA_DIR, `${t.file}.schema.json`), 'utf8');
      expect(onDisk, `${SCHEMA_DIR}/${t.file}.schema.json is stale: run UPDATE_SCHEMAS=1 npx vitest run test/datasets`).toBe(
        tableJsonSchemaText(t),
      );
    }
  });

  it('accept the exported JSON tables and reject broken records', async () => {
    const result = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
    const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
    const validators = new Map<TableDef, ReturnType<Ajv['compile']>>();
    for (const t of [...DATA_TABLES, ALL_TABLES.find((x) => x.name === 'ogpCommitments')!]) {
      const schema = JSON.parse(await readFile(join(SCHEMA_DIR, `${t.file}.schema.json`), 'utf8')) as object;
      const validate = ajv.compile(schema);
      validators.set(t, validate);
      const data = JSON.parse(result.files.get(`${t.file}.json`)!) as unknown;
      expect(validate(data), `${t.file}.json: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const parties = JSON.parse(result.files.get('parties.json')!) as Record<string, unknown>[];
    const validateParties = validators.get(DATA_TABLES.find((t) => t.name === 'parties')!)!;
    expect(validateParties([{ ...parties[0], edrpou: '1234567' }])).toBe(false);
    expect(validateParties([{ ...parties[0], kind: 'company' }])).toBe(false);
    const { kind: _k, ...noKind } = parties[0]!;
    expect(validateParties([noKind])).toBe(false);
    const measures = JSON.parse(result.files.get('measures.json')!) as Record<string, unknown>[];
    const validateMeasures = validators.get(DATA_TABLES.find((t) => t.name === 'measures')!)!;
    expect(validateMeasures([{ ...measures[0], startDate: '2026-13-01' }])).toBe(false);
    expect(validateMeasures([{ ...measures[0], extra: 1 }])).toBe(false);
  });
});

describe('README export section', () => {
  it('documents every table and column', async () => {
    const doc = await readFile('README.md', 'utf8');
    for (const t of ALL_TABLES) {
      expect(doc, t.file).toContain(`\`${t.file}.csv\``);
      for (const c of t.columns) expect(doc, `${t.file}.${c.name}`).toContain(`| \`${c.name}\` | ${c.title} |`);
    }
  });
});
