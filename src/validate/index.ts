/**
 * `validate`: checks dataset files (CSV tables, JSON documents, data packages, the dataset passport)
 * against their structure descriptions, for CI pipelines.
 *
 * What describes a file, in order:
 *   1. `--schema FILE` (forced for every data file that is not a data package resource);
 *   2. a `datapackage.json` (in the file's folder or the folder above) that lists the file;
 *   3. CSVW `<table>.schema.json` next to `<table>.csv` (835-rec layout), or Table Schema JSON;
 *   4. 835-rec `<table>.schema.csv`;
 *   5. `schema.json` / `schema.csv` in a folder with a single CSV (the 835-rec folder layout);
 *   6. JSON files: a JSON Schema `<name>.schema.json`, `schemas/<name>.schema.json`, `schemas/tables/<name>.schema.json`;
 *   7. nothing: structure checks with the header as the description (CSV), well-formedness (JSON).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { validateTable, type ForeignKeyCheck, type KeyCollector, type TableJob, type TableResult } from './csv.js';
import {
  fromCsvw,
  fromTableSchema,
  ioReason,
  jsonDescriptorKind,
  loadTableDescription,
  readTextStrict,
} from './descriptors.js';
import { compareMessages, IssueSink, cmpStr } from './issues.js';
import { finding, say } from './reasons.js';
import type { MessageText } from '../model/message.js';
import { readJsonFile, validateJsonTable, validateJsonValue } from './json.js';
import { validatePassport } from './passport.js';
import type { ForeignKey, TableSchema, ValidateOptions, ValidationMessage, ValidationReport } from './types.js';
import { ValidateUsageError } from './types.js';

export * from './types.js';
export { formatGithub, formatJson, formatText } from './format.js';
export { PASSPORT_ELEMENTS, ACCRUAL_PERIODICITY } from './passport.js';

interface TableInput {
  abs: string;
  display: string;
  kind: 'csv' | 'json-table';
  schema: TableSchema | null;
  delimiter?: string;
  quote?: string;
  label: string;
  fks: Array<{ fk: ForeignKey; parentAbs: string; parentLabel: string }>;
  /** Validated and reported (false: only read for the keys other tables reference). */
  target: boolean;
}

interface JsonDocInput {
  abs: string;
  display: string;
  jsonSchema: unknown | null;
  schemaDisplay: string;
}

/** What the inputs are: the tables, JSON documents, passports and packages to check. */
interface Inputs {
  tables: Map<string, TableInput>;
  jsonDocs: Map<string, JsonDocInput>;
  passports: Set<string>;
  packages: Set<string>;
  /** Data files claimed by a package (not described again by side files). */
  claimed: Set<string>;
  files: Set<string>;
}

type Forced = { schema: TableSchema } | { jsonSchema: unknown; display: string } | null;

const SKIP_DIRS = new Set(['node_modules']);

export async function validatePaths(paths: string[], options: ValidateOptions = {}): Promise<ValidationReport> {
  if (paths.length === 0) throw new ValidateUsageError('no inputs: give a folder, a datapackage.json or data files', 'paths');
  if (options.maxErrors !== undefined && (!Number.isInteger(options.maxErrors) || options.maxErrors < 1))
    throw new ValidateUsageError(`maxErrors must be a positive integer: ${options.maxErrors}`, 'maxErrors');
  const cwd = options.cwd ?? process.cwd();
  const display = (abs: string): string => {
    const rel = relative(cwd, abs);
    const shown = rel === '' ? '.' : !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
    return sep === '/' ? shown : shown.split(sep).join('/');
  };
  const sink = new IssueSink(options.maxErrors ?? Infinity);

  let forced: Forced = null;
  if (options.schema !== undefined) {
    const abs = resolve(cwd, options.schema);
    const probe = new IssueSink();
    const loaded = await loadTableDescription(abs, display(abs), probe);
    const fatal = probe.messages.find((i) => i.severity === 'error');
    if (!loaded || fatal) {
      const why = fatal ?? probe.messages[0];
      throw new ValidateUsageError(`schema ${options.schema}: ${why?.reason ?? 'cannot be used'}`, 'schema', why);
    }
    for (const i of probe.messages) sink.add(i);
    forced = 'schema' in loaded ? { schema: loaded.schema } : { jsonSchema: loaded.jsonSchema, display: display(abs) };
  }

  const plan: Inputs = {
    tables: new Map(),
    jsonDocs: new Map(),
    passports: new Set(),
    packages: new Set(),
    claimed: new Set(),
    files: new Set(),
  };
  const ctx: Ctx = { sink, display, forced, plan };

  // Inputs → files. Packages first (they claim their resources), then everything else.
  const dataFiles: string[] = [];
  const explicit = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      sink.add(fileIssue(display(abs), say('input.unreadable', { path: p, reason: ioReason(e) })));
      plan.files.add(display(abs));
      continue;
    }
    if (st.isDirectory()) {
      const found = await walk(abs);
      if (!found.some((f) => /\.(csv|tsv|json)$/i.test(f))) {
        sink.add(fileIssue(display(abs), say('input.noDataFiles', { path: p })));
        plan.files.add(display(abs));
        continue;
      }
      for (const f of found) {
        if (basename(f) === 'datapackage.json') await addPackage(f, ctx, null);
      }
      dataFiles.push(...found);
    } else {
      explicit.add(abs);
      dataFiles.push(abs);
      if (basename(abs) === 'datapackage.json') await addPackage(abs, ctx, null);
    }
  }
  for (const f of dataFiles) await classify(f, explicit.has(f), ctx);

  await runTables(plan.tables, sink);
  for (const doc of [...plan.jsonDocs.values()].sort((a, b) => cmpStr(a.abs, b.abs))) {
    const parsed = await readJsonFile(doc.abs, doc.display, sink);
    if (parsed.ok && doc.jsonSchema !== null)
      validateJsonValue(parsed.value, parsed.text, doc.jsonSchema, doc.display, doc.schemaDisplay, sink);
  }
  for (const p of [...plan.passports].sort(cmpStr)) {
    const d = display(p);
    plan.files.add(d);
    const parsed = await readJsonFile(p, d, sink);
    if (parsed.ok) validatePassport(parsed.value, parsed.text, d, sink, dirname(p));
  }

  const messages: ValidationMessage[] = [...sink.messages].sort(compareMessages);
  return {
    valid: !messages.some((e) => e.severity === 'error'),
    messages,
    files: [...plan.files].sort(cmpStr),
    truncated: sink.truncated(),
  };
}

interface Ctx {
  sink: IssueSink;
  display: (abs: string) => string;
  forced: Forced;
  plan: Inputs;
}

function fileIssue(file: string, text: MessageText): ValidationMessage {
  return finding('source-error', text, { file });
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => cmpStr(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...(await walk(p)));
    } else if (e.isFile()) out.push(p);
  }
  return out;
}

function isDescriptorName(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith('.schema.json') || n.endsWith('.schema.csv') || n === 'schema.json' || n === 'schema.csv';
}

/** A data file found or given: decide what describes it. */
async function classify(abs: string, isExplicit: boolean, ctx: Ctx): Promise<void> {
  const { plan, display, sink } = ctx;
  const name = basename(abs);
  const lower = name.toLowerCase();
  if (lower === 'datapackage.json' || plan.packages.has(abs)) return;
  if (lower === 'passport.json') {
    plan.passports.add(abs);
    return;
  }
  if (isDescriptorName(name)) {
    if (isExplicit) {
      // A description given on its own is checked for loadability; its data file is found from the data side.
      plan.files.add(display(abs));
      await loadTableDescription(abs, display(abs), sink);
    }
    return;
  }
  if (plan.claimed.has(abs) && !isExplicit) return;
  const ext = extname(lower);
  if (ext !== '.csv' && ext !== '.tsv' && ext !== '.json') {
    if (isExplicit) {
      plan.files.add(display(abs));
      sink.add(fileIssue(display(abs), say('input.unsupported', { ext: ext || name })));
    }
    return;
  }
  if (plan.claimed.has(abs)) {
    // Given explicitly and already part of a package run: mark it as a target.
    const node = plan.tables.get(abs);
    if (node) {
      node.target = true;
      plan.files.add(node.display);
    } else plan.files.add(display(abs));
    return;
  }
  // A datapackage.json in this folder or the one above that lists the file.
  if (!ctx.forced) {
    for (const pkg of [join(dirname(abs), 'datapackage.json'), join(dirname(dirname(abs)), 'datapackage.json')]) {
      if (!plan.packages.has(pkg) && (await exists(pkg))) {
        if (await addPackage(pkg, ctx, abs)) return;
      } else if (plan.packages.has(pkg) && plan.claimed.has(abs)) return;
    }
  }
  plan.files.add(display(abs));
  const base = name.slice(0, name.length - ext.length);
  const dir = dirname(abs);
  if (ext === '.json') {
    await classifyJson(abs, base, dir, ctx);
    return;
  }
  const node: TableInput = {
    abs,
    display: display(abs),
    kind: 'csv',
    schema: null,
    label: base,
    fks: [],
    target: true,
  };
  if (ext === '.tsv') node.delimiter = '\t';
  if (ctx.forced) {
    if ('schema' in ctx.forced) node.schema = ctx.forced.schema;
    else sink.add(finding('schema-error', say('input.jsonSchemaForCsv'), { file: node.display }, 'warning'));
  } else {
    const found = await sideDescription(abs, base, dir, ctx);
    if (found) node.schema = found;
  }
  if (node.schema) await resolveCsvwForeignKeys(node, ctx);
  plan.tables.set(abs, node);
}

/** `<base>.schema.json` → `<base>.schema.csv` → `schema.json`/`schema.csv` of a single-table folder. */
async function sideDescription(abs: string, base: string, dir: string, ctx: Ctx): Promise<TableSchema | null> {
  const candidates = [join(dir, `${base}.schema.json`), join(dir, `${base}.schema.csv`)];
  const csvs = (await readdir(dir)).filter((f) => /\.csv$/i.test(f) && !/\.schema\.csv$/i.test(f) && f.toLowerCase() !== 'schema.csv');
  if (csvs.length === 1) candidates.push(join(dir, 'schema.json'), join(dir, 'schema.csv'));
  for (const c of candidates) {
    if (!(await exists(c))) continue;
    const loaded = await loadTableDescription(c, ctx.display(c), ctx.sink);
    if (loaded && 'schema' in loaded) return loaded.schema;
    if (loaded && 'jsonSchema' in loaded) continue; // a JSON Schema describes the JSON file of that name
    return null;
  }
  return null;
}

async function classifyJson(abs: string, base: string, dir: string, ctx: Ctx): Promise<void> {
  const { plan, display } = ctx;
  const doc: JsonDocInput = { abs, display: display(abs), jsonSchema: null, schemaDisplay: '' };
  if (ctx.forced) {
    if ('jsonSchema' in ctx.forced) {
      doc.jsonSchema = ctx.forced.jsonSchema;
      doc.schemaDisplay = ctx.forced.display;
    } else {
      plan.tables.set(abs, { abs, display: doc.display, kind: 'json-table', schema: ctx.forced.schema, label: base, fks: [], target: true });
      return;
    }
    plan.jsonDocs.set(abs, doc);
    return;
  }
  const candidates = [
    join(dir, `${base}.schema.json`),
    join(dir, 'schemas', 'tables', `${base}.schema.json`),
    join(dir, 'schemas', `${base}.schema.json`),
    join(dir, '..', 'schemas', 'tables', `${base}.schema.json`),
    join(dir, '..', 'schemas', `${base}.schema.json`),
  ];
  let tableSchema: TableSchema | null = null;
  for (const c of candidates) {
    if (!(await exists(c))) continue;
    const loaded = await loadTableDescription(c, display(c), ctx.sink);
    if (!loaded) break;
    if ('jsonSchema' in loaded) {
      doc.jsonSchema = loaded.jsonSchema;
      doc.schemaDisplay = display(c);
      plan.jsonDocs.set(abs, doc);
      return;
    }
    tableSchema ??= loaded.schema;
  }
  if (!tableSchema && (await exists(join(dir, `${base}.schema.csv`)))) {
    const loaded = await loadTableDescription(join(dir, `${base}.schema.csv`), display(join(dir, `${base}.schema.csv`)), ctx.sink);
    if (loaded && 'schema' in loaded) tableSchema = loaded.schema;
  }
  if (tableSchema) {
    const node: TableInput = { abs, display: doc.display, kind: 'json-table', schema: tableSchema, label: base, fks: [], target: true };
    await resolveCsvwForeignKeys(node, ctx);
    plan.tables.set(abs, node);
    return;
  }
  plan.jsonDocs.set(abs, doc);
}

/** CSVW foreign keys name the referenced file (relative to the description); a JSON table refers to the same CSV. */
async function resolveCsvwForeignKeys(node: TableInput, ctx: Ctx): Promise<void> {
  const schema = node.schema;
  if (!schema || schema.foreignKeys.length === 0) return;
  for (const fk of schema.foreignKeys) {
    const parentAbs = fk.reference.resource === '' ? node.abs : resolve(dirname(node.abs), fk.reference.resource);
    node.fks.push({ fk, parentAbs, parentLabel: basename(parentAbs).replace(/\.(csv|json)$/i, '') });
    if (!ctx.plan.tables.has(parentAbs) && parentAbs !== node.abs) {
      ctx.plan.tables.set(parentAbs, {
        abs: parentAbs,
        display: ctx.display(parentAbs),
        kind: parentAbs.toLowerCase().endsWith('.json') ? 'json-table' : 'csv',
        schema: null,
        label: basename(parentAbs),
        fks: [],
        target: false,
      });
    }
  }
}

/** A data package read as JSON with a "resources" array, or why it is not one. */
async function readPackage(abs: string): Promise<{ resources: Record<string, unknown>[] } | { problem: MessageText }> {
  const read = await readTextStrict(abs);
  if ('error' in read) return { problem: say('package.unreadable', { reason: read.error }) };
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { problem: say('package.notJson', { detail: (e as Error).message.split('\n')[0] ?? '' }) };
  }
  if (jsonDescriptorKind(raw) !== 'package') return { problem: say('package.noResources') };
  const resources = (raw as { resources: unknown[] }).resources;
  return { resources: resources.map((r) => (r && typeof r === 'object' ? r : {}) as Record<string, unknown>) };
}

/** Why a resource without a local path is not checked. */
function unchecked(name: string, r: Record<string, unknown>): MessageText {
  if (Array.isArray(r.path)) return say('package.multipart', { name });
  if (typeof r.path === 'string') return say('package.remote', { name, path: r.path });
  return say('package.noPath', { name });
}

/** The Table Schema of a resource: inline (Table Schema or CSVW) or a file it names; null when none is usable. */
async function resourceSchema(
  r: Record<string, unknown>,
  name: string,
  dir: string,
  pkgDisplay: string,
  ctx: Ctx,
  schemaError: (text: MessageText) => void,
): Promise<TableSchema | null> {
  if (r.schema && typeof r.schema === 'object') {
    const ctxS = { sink: ctx.sink, file: pkgDisplay };
    return jsonDescriptorKind(r.schema) === 'csvw' ? fromCsvw(r.schema, ctxS) : fromTableSchema(r.schema, ctxS);
  }
  if (typeof r.schema !== 'string') return null;
  const sAbs = resolve(dir, r.schema);
  const loaded = await loadTableDescription(sAbs, ctx.display(sAbs), ctx.sink);
  if (loaded && 'schema' in loaded) return loaded.schema;
  if (loaded) schemaError(say('package.notTableSchema', { name, schema: r.schema }));
  return null;
}

/** The table input of a resource: its kind, description and CSV dialect. */
function resourceTable(r: Record<string, unknown>, name: string, rPath: string, schema: TableSchema | null, target: boolean, ctx: Ctx): TableInput {
  const format = (typeof r.format === 'string' ? r.format : extname(rPath).slice(1)).toLowerCase();
  const dialect = (r.dialect && typeof r.dialect === 'object' ? r.dialect : {}) as Record<string, unknown>;
  const node: TableInput = {
    abs: rPath,
    display: ctx.display(rPath),
    kind: format === 'json' ? 'json-table' : 'csv',
    schema,
    label: name,
    fks: [],
    target,
  };
  if (typeof dialect.delimiter === 'string') node.delimiter = dialect.delimiter;
  else if (format === 'tsv') node.delimiter = '\t';
  if (typeof dialect.quoteChar === 'string') node.quote = dialect.quoteChar;
  return node;
}

/**
 * Loads a data package and adds its resources. With `only`, the package is used for that one file:
 * returns false (and adds nothing) when the package does not list it.
 */
async function addPackage(abs: string, ctx: Ctx, only: string | null): Promise<boolean> {
  const { plan, display, sink } = ctx;
  const pkgDisplay = display(abs);
  const schemaError = (text: MessageText, severity: 'error' | 'warning' = 'error'): void => {
    sink.add(finding('schema-error', text, { file: pkgDisplay }, severity));
  };
  const pkg = await readPackage(abs);
  if ('problem' in pkg) {
    if (only) return false;
    plan.packages.add(abs);
    plan.files.add(pkgDisplay);
    schemaError(pkg.problem);
    return true;
  }
  const dir = dirname(abs);
  const pathOf = (r: Record<string, unknown>): string | null =>
    typeof r.path === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(r.path) ? resolve(dir, r.path) : null;
  if (only && !pkg.resources.some((r) => pathOf(r) === only)) return false;
  plan.packages.add(abs);
  plan.files.add(pkgDisplay);
  if (!only && (await exists(join(dir, 'passport.json')))) plan.passports.add(join(dir, 'passport.json'));

  const byName = new Map<string, string>();
  const nodes: TableInput[] = [];
  for (const [i, r] of pkg.resources.entries()) {
    const name = typeof r.name === 'string' && r.name ? r.name : `resource${i + 1}`;
    if (byName.has(name)) schemaError(say('package.nameTwice', { name }));
    const rPath = pathOf(r);
    if (!rPath) {
      schemaError(unchecked(name, r), 'warning');
      continue;
    }
    byName.set(name, rPath);
    const schema = await resourceSchema(r, name, dir, pkgDisplay, ctx, schemaError);
    plan.claimed.add(rPath);
    const node = resourceTable(r, name, rPath, schema, !only || only === rPath, ctx);
    if (node.kind === 'json-table' && !schema) {
      if (node.target) {
        plan.files.add(node.display);
        plan.jsonDocs.set(rPath, { abs: rPath, display: node.display, jsonSchema: null, schemaDisplay: '' });
      }
      continue;
    }
    nodes.push(node);
  }
  for (const node of nodes) addPackageTable(node, byName, ctx, schemaError);
  return true;
}

/** A table of a package: its foreign keys resolved by resource name, then added (or merged with an earlier entry). */
function addPackageTable(node: TableInput, byName: Map<string, string>, ctx: Ctx, schemaError: (text: MessageText) => void): void {
  const { plan } = ctx;
  for (const fk of node.schema?.foreignKeys ?? []) {
    const parentAbs = fk.reference.resource === '' ? node.abs : byName.get(fk.reference.resource);
    if (!parentAbs) {
      schemaError(say('package.fkResource', { name: node.label, fields: fk.fields.join('+'), resource: fk.reference.resource }));
      continue;
    }
    node.fks.push({ fk, parentAbs, parentLabel: fk.reference.resource || node.label });
  }
  const prev = plan.tables.get(node.abs);
  if (prev) {
    prev.target ||= node.target;
    if (!prev.schema) Object.assign(prev, { ...node, target: prev.target });
  } else plan.tables.set(node.abs, node);
  if (node.target) plan.files.add(node.display);
}

/**
 * Validates the tables: parents before children, so the keys a child refers to are collected while the
 * parent is validated; a parent that cannot come first (self reference, cycle, not a target) is read
 * once beforehand for its keys only.
 */
async function runTables(tables: Map<string, TableInput>, sink: IssueSink): Promise<void> {
  // parent → (fields → collector)
  const collectors = new Map<string, Map<string, KeyCollector>>();
  const collectorFor = (parent: string, fields: string[]): KeyCollector => {
    let m = collectors.get(parent);
    if (!m) collectors.set(parent, (m = new Map()));
    const k = fields.join('\u0000');
    let c = m.get(k);
    if (!c) m.set(k, (c = { fields, keys: new Set() }));
    return c;
  };
  for (const node of tables.values()) for (const { fk, parentAbs } of node.fks) collectorFor(parentAbs, fk.reference.fields);

  // Topological order of targets (DFS, sorted for determinism).
  const order: TableInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: TableInput): void => {
    if (state.get(node.abs)) return;
    state.set(node.abs, 'visiting');
    for (const { parentAbs } of node.fks) {
      const parent = tables.get(parentAbs);
      if (parent && parent.target && parent !== node && !state.get(parentAbs)) visit(parent);
    }
    state.set(node.abs, 'done');
    if (node.target) order.push(node);
  };
  for (const node of [...tables.values()].sort((a, b) => cmpStr(a.abs, b.abs))) visit(node);

  const result = new Map<string, TableResult>();
  const run = (node: TableInput, job: TableJob): Promise<TableResult> =>
    node.kind === 'json-table' ? validateJsonTable(job, sink) : validateTable(job, sink);
  const baseJob = (node: TableInput): TableJob => {
    const job: TableJob = { path: node.abs, display: node.display, schema: node.schema, resourceLabel: node.label };
    if (node.delimiter !== undefined) job.delimiter = node.delimiter;
    if (node.quote !== undefined) job.quote = node.quote;
    return job;
  };

  for (const node of order) {
    // Parents not yet read (self reference, cycle, or not validated themselves): keys-only pass.
    for (const { parentAbs } of node.fks) {
      if (result.has(parentAbs)) continue;
      const parent = tables.get(parentAbs);
      const cs = [...(collectors.get(parentAbs)?.values() ?? [])];
      if (!parent) continue;
      const r = await run(parent, { ...baseJob(parent), collect: cs, collectOnly: true });
      result.set(parentAbs, r);
      if (!r.complete && !parent.target) {
        sink.add(finding('schema-error', say('package.parentIncomplete', { file: parent.display }), { file: node.display }, 'warning'));
      }
    }
    const fkChecks: ForeignKeyCheck[] = node.fks.map(({ fk, parentAbs, parentLabel }) => ({
      fk,
      parentLabel,
      keys: result.get(parentAbs)?.complete ? collectorFor(parentAbs, fk.reference.fields).keys : null,
    }));
    const job = baseJob(node);
    job.foreignKeys = fkChecks;
    if (!result.has(node.abs)) job.collect = [...(collectors.get(node.abs)?.values() ?? [])];
    const r = await run(node, job);
    if (!result.has(node.abs)) result.set(node.abs, r);
  }
}
