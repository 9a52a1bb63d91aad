/**
 * Plans → the files of an open dataset (pure: returns file names and contents; nothing is written
 * until every table and the passport are valid). `writeDataset` writes them atomically.
 */
import { info, warning, type Message } from '../model/message.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.js';
import type { ActionPlan } from '../model/schema.js';
import { csvwSchemaCsv, csvwSchemaJson, dataPackage, tableJsonSchemaText, type DataPackageOptions } from './metadata.js';
import { buildPassport, passportDocument, registerRecord, type Passport } from './passport.js';
import { buildTables, compareCodePoints, ExportError, sortPlans, type DatasetTables } from './records.js';
import { BOM, checkNullValue, checkRecords, DEFAULT_NULL_VALUE, recordsToJson, toCsv, toJson } from './serialize.js';
import { ckanName, DEFAULT_LICENSE } from './ckan.js';
import { partyReviewMessages } from './party-review.js';
import { ALL_TABLES, DATA_TABLES, OGP_COMMITMENTS, REGISTER, type TableDef } from './tables.js';

export type DatasetFormat = 'csv' | 'json';
export const DATASET_FORMATS: readonly DatasetFormat[] = ['csv', 'json'];

export const DEFAULT_DATASET_NAME = 'ogp-action-plans';
export const DEFAULT_DATASET_TITLE = 'Плани дій із впровадження Ініціативи «Партнерство «Відкритий Уряд»';

export interface ExportOptions {
  /** Output formats of the tables (default: csv and json). */
  formats?: readonly DatasetFormat[];
  /** Text written for a missing optional value in CSV (default `null`). */
  nullValue?: string;
  /** Start CSV files with a UTF-8 BOM for Microsoft Excel (not for publication). */
  excel?: boolean;
  /** Content of the passport file (parsed YAML/JSON); without it passport.json and register.csv are not written. */
  passport?: unknown;
  /** Name of the passport file, for error messages. */
  passportSource?: string;
}

export interface ExportResult {
  /** File name (relative to the output directory) → content, sorted by name. */
  files: Map<string, string>;
  /** What the export reports (one line each), e.g. the BOM warning. */
  messages: Message[];
  tables: DatasetTables;
  passport: Passport | null;
}

/** Tables (with their records key) written as data files, in resource order. */
const EXPORTED: readonly { table: TableDef; key: keyof DatasetTables }[] = [
  ...DATA_TABLES.map((table) => ({ table, key: table.name as keyof DatasetTables })),
  { table: OGP_COMMITMENTS, key: 'ogpCommitments' },
];

/**
 * The library's notes name its options (`excel`, `passport`); the CLI shows them from the i18n catalogue, which
 * names the flags (`--excel`, `--passport`) in both languages (src/i18n/index.ts messageReason).
 */
export const EXCEL_NOTE =
  'excel: every CSV file starts with a UTF-8 byte order mark (BOM) so Microsoft Excel shows Cyrillic text; ' +
  'the national rules (Постанова КМУ № 835) require UTF-8 without BOM, so publish an export made without the excel option';
export const NO_PASSPORT_NOTE = 'no passport given (option passport): passport.json and register.csv were not written';

function normaliseFormats(formats: readonly string[] | undefined): DatasetFormat[] {
  const list = formats?.length ? formats : DATASET_FORMATS;
  const out: DatasetFormat[] = [];
  for (const f of list) {
    const format = f.trim().toLowerCase();
    if (format !== 'csv' && format !== 'json') {
      const message = `unknown format ${JSON.stringify(f)} (use csv, json)`;
      throw new ExportError(message, [message], 'formats');
    }
    if (!out.includes(format)) out.push(format);
  }
  return DATASET_FORMATS.filter((f) => out.includes(f));
}

/**
 * Check the options before any work is done (the same checks exportDatasets makes). Throws ExportError
 * with `option` set to the option at fault; callers map it to their own words (the CLI to its flags).
 */
export function checkExportOptions(options: ExportOptions): void {
  normaliseFormats(options.formats);
  checkNullValue(options.nullValue ?? DEFAULT_NULL_VALUE);
}

function safeCkanName(identifier: string): string {
  try {
    return ckanName(identifier);
  } catch {
    return identifier;
  }
}

/** Latest decision date among the plans (YYYY-MM-DD), or null. */
export function latestDecisionDate(plans: readonly ActionPlan[]): string | null {
  let latest: string | null = null;
  for (const p of plans) if (p.decision.date && (latest === null || p.decision.date > latest)) latest = p.decision.date;
  return latest;
}

/** Build every file of the dataset in memory. Throws ExportError (nothing to write) on invalid input. */
export function exportDatasets(plans: readonly ActionPlan[], options: ExportOptions = {}): ExportResult {
  if (plans.length === 0) throw new ExportError('no plans to export');
  const formats = normaliseFormats(options.formats);
  const nullValue = options.nullValue ?? DEFAULT_NULL_VALUE;
  checkNullValue(nullValue);
  const excel = options.excel ?? false;
  const messages: Message[] = [];

  const sorted = sortPlans(plans);
  const tables = buildTables(plans);
  messages.push(...partyReviewMessages(tables.parties));
  for (const { table, key } of EXPORTED) checkRecords(table, tables[key], nullValue);
  for (const { uid, plan } of sorted) {
    if (plan.commitments.length === 0) messages.push(warning('plan-empty', `plan ${uid} has no commitments`, { file: plan.source.file }));
  }

  const files = new Map<string, string>();
  const structureFiles: string[] = [];
  for (const { table, key } of EXPORTED) {
    const records = tables[key];
    if (formats.includes('csv')) files.set(`${table.file}.csv`, toCsv(table, records, { nullValue, bom: excel }));
    if (formats.includes('json')) files.set(`${table.file}.json`, recordsToJson(table, records));
    files.set(`${table.file}.schema.json`, csvwSchemaJson(table, { nullValue }));
    files.set(`${table.file}.schema.csv`, (excel ? BOM : '') + csvwSchemaCsv(table));
    structureFiles.push(`${table.file}.schema.json`);
  }
  if (formats.includes('json')) files.set('plans.nested.json', toJson(sorted.map((e) => e.plan)));

  let passport: Passport | null = null;
  if (options.passport !== undefined && options.passport !== null) {
    passport = buildPassport(
      options.passport,
      {
        formats: formats.map((f) => f.toUpperCase()),
        structureFiles: ['datapackage.json', ...structureFiles, `${REGISTER.file}.schema.json`],
        latestDecisionDate: latestDecisionDate(plans),
      },
      options.passportSource ?? 'passport',
      messages,
    );
    const register = [registerRecord(passport)];
    checkRecords(REGISTER, register, nullValue);
    files.set('passport.json', toJson(passportDocument(passport)));
    files.set('register.csv', toCsv(REGISTER, register, { nullValue, bom: excel }));
    files.set('register.schema.json', csvwSchemaJson(REGISTER, { nullValue }));
    files.set('register.schema.csv', (excel ? BOM : '') + csvwSchemaCsv(REGISTER));
  } else {
    messages.push(info('passport-missing', NO_PASSPORT_NOTE));
  }

  const resourceTables = [...EXPORTED.map((e) => e.table), ...(passport ? [REGISTER] : [])];
  const packageOptions: DataPackageOptions = {
    tables: resourceTables,
    format: formats.includes('csv') ? 'csv' : 'json',
    nullValue,
    excel,
    name: passport ? safeCkanName(passport.identifier) : DEFAULT_DATASET_NAME,
    license: passport?.license ?? DEFAULT_LICENSE,
    title: passport?.title ?? DEFAULT_DATASET_TITLE,
    description: passport?.description ?? null,
    keywords: passport?.keywords ?? [],
    homepage: passport?.landingPage ?? null,
    publisherName: passport?.publisherName ?? null,
    contactPointName: passport?.contactPointName ?? null,
    contactPointEmail: passport?.contactPointEmail ?? null,
  };
  const pkg = dataPackage(packageOptions);
  if (formats.includes('csv') && formats.includes('json') && (!passport || passport.formats.includes('JSON'))) {
    // The JSON tables are resources of the package too (named <table>-json; same schema and keys).
    const jsonPkg = dataPackage({ ...packageOptions, tables: EXPORTED.map((e) => e.table), format: 'json' });
    (pkg.resources as Record<string, unknown>[]).push(
      ...(jsonPkg.resources as Record<string, unknown>[]).map((r) => ({ ...r, name: `${String(r.name)}-json` })),
    );
  }
  if (!formats.includes('csv')) {
    // JSON resources hold real nulls; the register row exists only as CSV.
    pkg.resources = (pkg.resources as Record<string, unknown>[]).filter((r) => r.name !== REGISTER.resource);
  }
  files.set('datapackage.json', toJson(pkg));
  if (excel) messages.push(warning('excel-bom', EXCEL_NOTE));

  const ordered = new Map([...files.entries()].sort((a, b) => compareCodePoints(a[0], b[0])));
  return { files: ordered, messages, tables, passport };
}

/** Write the files atomically into outDir (created if missing). Returns the written paths in name order. */
export async function writeDataset(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  // All files are staged before any is renamed: an output error leaves the old dataset untouched.
  const entries = [...files].map(([name, content]) => [join(outDir, name), content] as const);
  await writeFilesAtomic(entries);
  return entries.map(([path]) => path);
}

/**
 * Data or metadata files in outDir that this export did not write (left from an earlier export with other
 * formats or plans): they are not part of the dataset and should be removed before publishing.
 */
export async function listStaleFiles(outDir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return [];
  }
  return names.filter((n) => /\.(csv|json)$/.test(n) && !files.has(n)).sort(compareCodePoints);
}

/** The JSON Schema file of every table (`<table>.schema.json` → content), as kept in `schemas/tables/`. */
export function tableJsonSchemaFiles(): Map<string, string> {
  return new Map(ALL_TABLES.map((t) => [`${t.file}.schema.json`, tableJsonSchemaText(t)]));
}

/** Write `schemas/tables/*.schema.json` (used by `src/datasets/write-schemas.ts`). Returns the paths. */
export async function writeTableJsonSchemas(dir: string): Promise<string[]> {
  return writeDataset(dir, tableJsonSchemaFiles());
}
