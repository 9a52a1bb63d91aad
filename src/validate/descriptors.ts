/**
 * Structure descriptions → one normalised TableSchema.
 *
 * Reads Frictionless Table Schemas (inside datapackage.json or standalone), CSVW `<table>.schema.json`
 * in the form the 835-rec recommendations publish ({tableSchema:{columns:[{name,title,description,datatype,required}]},
 * primaryKey}) and 835-rec `<table>.schema.csv` (name,title,description,datatype,required).
 * Problems in a description become `schema-error` issues; they never throw.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Field, FieldConstraints, FieldType, ForeignKey, TableSchema } from './types.js';
import type { IssueSink } from './issues.js';
import { anchoredRegExp } from './values.js';
import type { MessageText, TextParam } from '../model/message.js';
import { finding, say } from './reasons.js';

/** Missing-value markers of 835-rec tables: an empty cell or the word `null`. */
export const REC835_MISSING = ['', 'null'];
/** Frictionless default. */
export const FRICTIONLESS_MISSING = [''];

export type DescriptorKind = 'package' | 'table-schema' | 'csvw' | 'schema-csv' | 'json-schema' | 'unknown';

/** Reads a small text file as strict UTF-8 (BOM allowed), or says why it cannot. */
export async function readTextStrict(path: string): Promise<{ text: string } | { error: TextParam }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { error: ioReason(e) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: say('io.notUtf8') };
  }
}

/** Why a file cannot be read: a catalogue text for the common causes, else the system's first line. */
export function ioReason(e: unknown): TextParam {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return say('io.noSuchFile');
  if (err && err.code === 'EACCES') return say('io.permissionDenied');
  if (err && err.code === 'EISDIR') return say('io.isDirectory');
  return err && err.message ? err.message.split('\n')[0]! : String(e);
}

/** What kind of description a parsed JSON object is. */
export function jsonDescriptorKind(value: unknown): DescriptorKind {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'unknown';
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.resources)) return 'package';
  if (o.tableSchema && typeof o.tableSchema === 'object') return 'csvw';
  if (Array.isArray(o.fields)) return 'table-schema';
  if ('$schema' in o || 'type' in o || 'properties' in o || '$ref' in o || 'items' in o || 'allOf' in o || 'anyOf' in o || 'oneOf' in o)
    return 'json-schema';
  return 'unknown';
}

// ---- types ----------------------------------------------------------------------------------------

const CSVW_TYPES: Record<string, FieldType> = {
  string: 'string',
  normalizedstring: 'string',
  token: 'string',
  language: 'string',
  json: 'string',
  xml: 'string',
  html: 'string',
  date: 'date',
  datetime: 'datetime',
  datetimestamp: 'datetime',
  time: 'time',
  gyear: 'year',
  gyearmonth: 'yearmonth',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  short: 'integer',
  byte: 'integer',
  nonnegativeinteger: 'integer',
  positiveinteger: 'integer',
  nonpositiveinteger: 'integer',
  negativeinteger: 'integer',
  unsignedint: 'integer',
  unsignedlong: 'integer',
  decimal: 'number',
  double: 'number',
  float: 'number',
  number: 'number',
  boolean: 'boolean',
  anyuri: 'url',
  anyurl: 'url',
  url: 'url',
  uri: 'url',
  any: 'any',
};

const FRICTIONLESS_TYPES: Record<string, FieldType> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  year: 'year',
  yearmonth: 'yearmonth',
  any: 'any',
  object: 'any',
  array: 'any',
  duration: 'any',
  geopoint: 'any',
  geojson: 'any',
};

function asBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return /^(true|yes|1|так)$/i.test(v.trim());
  return false;
}

function asStringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function firstTitle(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  if (v && typeof v === 'object') {
    const vals = Object.values(v as Record<string, unknown>);
    return firstTitle(vals[0]);
  }
  return undefined;
}

interface Ctx {
  sink: IssueSink;
  file: string;
}

function schemaIssue(ctx: Ctx, text: MessageText, severity: 'error' | 'warning' = 'error', column?: string): void {
  ctx.sink.add(finding('schema-error', text, { file: ctx.file, column }, severity));
}

// ---- Frictionless Table Schema -----------------------------------------------------------------------

export function fromTableSchema(raw: unknown, ctx: Ctx): TableSchema {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fields: Field[] = [];
  const rawFields = Array.isArray(o.fields) ? o.fields : [];
  if (!Array.isArray(o.fields)) schemaIssue(ctx, say('schema.noFields'));
  rawFields.forEach((rf, i) => {
    const f = (rf && typeof rf === 'object' ? rf : {}) as Record<string, unknown>;
    const name = typeof f.name === 'string' ? f.name : '';
    if (!name) {
      schemaIssue(ctx, say('schema.fieldNoName', { n: i + 1 }));
      return;
    }
    const typeName = typeof f.type === 'string' ? f.type : 'string';
    let type = FRICTIONLESS_TYPES[typeName];
    if (!type) {
      schemaIssue(ctx, say('schema.unknownType', { name, type: typeName }), 'warning', name);
      type = 'any';
    }
    const format = typeof f.format === 'string' ? f.format : undefined;
    if ((type === 'date' || type === 'datetime' || type === 'time') && format && format !== 'default' && format !== 'any') {
      schemaIssue(ctx, say('schema.unsupportedFormat', { name, type, format }), 'warning', name);
      type = 'any';
    }
    const rc = (f.constraints && typeof f.constraints === 'object' ? f.constraints : {}) as Record<string, unknown>;
    const constraints: FieldConstraints = {};
    if (rc.required !== undefined) constraints.required = asBool(rc.required);
    if (rc.unique !== undefined) constraints.unique = asBool(rc.unique);
    if (typeof rc.pattern === 'string') constraints.pattern = checkPattern(rc.pattern, name, ctx);
    if (Array.isArray(rc.enum)) constraints.enum = rc.enum.map((e) => String(e));
    if (typeof rc.minLength === 'number') constraints.minLength = rc.minLength;
    if (typeof rc.maxLength === 'number') constraints.maxLength = rc.maxLength;
    if (typeof rc.minimum === 'number' || typeof rc.minimum === 'string') constraints.minimum = rc.minimum;
    if (typeof rc.maximum === 'number' || typeof rc.maximum === 'string') constraints.maximum = rc.maximum;
    if (constraints.pattern === undefined) delete constraints.pattern;
    const field: Field = { name, type, constraints };
    const title = firstTitle(f.title);
    if (title !== undefined) field.title = title;
    if (format !== undefined) field.format = format;
    if (f.trueValues !== undefined) field.trueValues = asStringList(f.trueValues);
    if (f.falseValues !== undefined) field.falseValues = asStringList(f.falseValues);
    fields.push(field);
  });
  const missingValues = o.missingValues === undefined ? FRICTIONLESS_MISSING : asStringList(o.missingValues);
  const schema: TableSchema = { fields, primaryKey: [], foreignKeys: [], missingValues, source: ctx.file };
  schema.primaryKey = resolveKey(asStringList(o.primaryKey), fields, 'primaryKey', ctx);
  const fks = Array.isArray(o.foreignKeys) ? o.foreignKeys : [];
  for (const rawFk of fks) {
    const fk = (rawFk && typeof rawFk === 'object' ? rawFk : {}) as Record<string, unknown>;
    const ref = (fk.reference && typeof fk.reference === 'object' ? fk.reference : {}) as Record<string, unknown>;
    const fkFields = resolveKey(asStringList(fk.fields), fields, 'foreignKeys.fields', ctx);
    const refFields = asStringList(ref.fields);
    const resource = typeof ref.resource === 'string' ? ref.resource : '';
    if (fkFields.length === 0 || refFields.length !== fkFields.length) {
      schemaIssue(ctx, say('schema.fkShape', { fields: String(JSON.stringify(fk.fields)), reference: String(JSON.stringify(ref.fields)) }));
      continue;
    }
    schema.foreignKeys.push({ fields: fkFields, reference: { resource, fields: refFields } } satisfies ForeignKey);
  }
  return schema;
}

function checkPattern(pattern: string, field: string, ctx: Ctx): string | undefined {
  try {
    anchoredRegExp(pattern);
    return pattern;
  } catch {
    schemaIssue(ctx, say('schema.badPattern', { name: field, pattern }), 'error', field);
    return undefined;
  }
}

/** Resolves key field names; a name that differs from a field only in letter case is accepted with a warning. */
function resolveKey(names: string[], fields: Field[], what: string, ctx: Ctx): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (fields.some((f) => f.name === n)) {
      out.push(n);
      continue;
    }
    const ci = fields.filter((f) => f.name.toLowerCase() === n.toLowerCase());
    if (ci.length === 1) {
      const actual = ci[0]!.name;
      schemaIssue(ctx, say('schema.keyCase', { what, name: n, actual }), 'warning', actual);
      out.push(actual);
    } else {
      schemaIssue(ctx, say('schema.keyUnknown', { what, name: n }));
      return [];
    }
  }
  return out;
}

// ---- CSVW (835-rec schema.json) -------------------------------------------------------------------

interface ColumnLike {
  name: string;
  title?: string;
  datatype: unknown;
  required: unknown;
  extra?: Record<string, unknown>;
}

function fromColumns(columns: ColumnLike[], primaryKey: string[], missingValues: string[], ctx: Ctx): TableSchema {
  const fields: Field[] = [];
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (!c.name) {
      schemaIssue(ctx, say('schema.columnNoName', { n: i + 1 }));
      return;
    }
    if (seen.has(c.name)) schemaIssue(ctx, say('schema.columnTwice', { name: c.name }), 'error', c.name);
    seen.add(c.name);
    if (/\s/u.test(c.name)) schemaIssue(ctx, say('schema.columnSpace', { name: c.name }), 'warning', c.name);
    if (/[\u0400-\u04FF]/u.test(c.name) && /[A-Za-z]/.test(c.name))
      schemaIssue(ctx, say('schema.columnMixed', { name: c.name }), 'warning', c.name);
    let dt = c.datatype;
    const constraints: FieldConstraints = {};
    let format: string | undefined;
    if (dt && typeof dt === 'object') {
      const d = dt as Record<string, unknown>;
      if (typeof d.format === 'string') format = d.format;
      if (typeof d.minLength === 'number') constraints.minLength = d.minLength;
      if (typeof d.maxLength === 'number') constraints.maxLength = d.maxLength;
      if (typeof d.minimum === 'number' || typeof d.minimum === 'string') constraints.minimum = d.minimum;
      if (typeof d.maximum === 'number' || typeof d.maximum === 'string') constraints.maximum = d.maximum;
      dt = d.base ?? 'string';
    }
    const typeName = typeof dt === 'string' && dt.trim() ? dt.trim() : 'string';
    let type = CSVW_TYPES[typeName.toLowerCase()];
    if (!type) {
      schemaIssue(ctx, say('schema.unknownDatatype', { name: c.name, type: typeName }), 'warning', c.name);
      type = 'any';
    }
    if (type === 'string' && format !== undefined) {
      const p = checkPattern(format, c.name, ctx);
      if (p !== undefined) constraints.pattern = p;
    }
    if (asBool(c.required)) constraints.required = true;
    const field: Field = { name: c.name, type, constraints };
    if (c.title) field.title = c.title;
    if (type === 'url') field.format = typeName;
    fields.push(field);
  });
  return {
    fields,
    primaryKey: resolveKey(primaryKey, fields, 'primaryKey', ctx),
    foreignKeys: [],
    missingValues,
    source: ctx.file,
  };
}

export function fromCsvw(raw: unknown, ctx: Ctx): TableSchema {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const ts = (o.tableSchema && typeof o.tableSchema === 'object' ? o.tableSchema : {}) as Record<string, unknown>;
  if (!Array.isArray(ts.columns)) schemaIssue(ctx, say('schema.noColumns'));
  const cols = (Array.isArray(ts.columns) ? ts.columns : []).map((rc): ColumnLike => {
    const c = (rc && typeof rc === 'object' ? rc : {}) as Record<string, unknown>;
    const col: ColumnLike = {
      name: typeof c.name === 'string' ? c.name : '',
      datatype: c.datatype,
      required: c.required,
    };
    const title = firstTitle(c.title ?? c.titles);
    if (title !== undefined) col.title = title;
    return col;
  });
  // CSVW puts primaryKey in tableSchema; the 835-rec files put it next to tableSchema.
  const pk = asStringList(ts.primaryKey ?? o.primaryKey);
  const nullMarker = ts.null ?? o.null;
  const missing = nullMarker === undefined ? REC835_MISSING : ['', ...asStringList(nullMarker)];
  const schema = fromColumns(cols, pk, [...new Set(missing)], ctx);
  // CSVW foreign keys: {columnReference, reference: {resource: "<file>.csv", columnReference}}
  const rawFks = ts.foreignKeys ?? o.foreignKeys;
  for (const rawFk of Array.isArray(rawFks) ? rawFks : []) {
    const fk = (rawFk && typeof rawFk === 'object' ? rawFk : {}) as Record<string, unknown>;
    const ref = (fk.reference && typeof fk.reference === 'object' ? fk.reference : {}) as Record<string, unknown>;
    const fields = resolveKey(asStringList(fk.columnReference), schema.fields, 'foreignKeys.columnReference', ctx);
    const refFields = asStringList(ref.columnReference);
    const resource = typeof ref.resource === 'string' ? ref.resource : typeof ref.url === 'string' ? ref.url : '';
    if (fields.length === 0 || refFields.length !== fields.length || !resource) {
      schemaIssue(ctx, say('schema.csvwFkShape', { fields: String(JSON.stringify(fk.columnReference)) }));
      continue;
    }
    schema.foreignKeys.push({ fields, reference: { resource, fields: refFields } });
  }
  return schema;
}

export function fromSchemaCsv(text: string, ctx: Ctx): TableSchema {
  let rows: string[][];
  try {
    rows = parseCsvSync(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    schemaIssue(ctx, say('schema.unparsable', { detail: (e as Error).message }));
    return { fields: [], primaryKey: [], foreignKeys: [], missingValues: REC835_MISSING, source: ctx.file };
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const idx = (n: string): number => header.indexOf(n);
  const iName = idx('name');
  if (iName < 0) {
    schemaIssue(ctx, say('schema.noNameColumn'));
    return { fields: [], primaryKey: [], foreignKeys: [], missingValues: REC835_MISSING, source: ctx.file };
  }
  const iTitle = idx('title');
  const iType = idx('datatype');
  const iReq = idx('required');
  const cols = rows.slice(1).map((r): ColumnLike => {
    const col: ColumnLike = {
      name: r[iName] ?? '',
      datatype: iType >= 0 ? r[iType] : 'string',
      required: iReq >= 0 ? r[iReq] : false,
    };
    const title = iTitle >= 0 ? r[iTitle] : undefined;
    if (title) col.title = title;
    return col;
  });
  return fromColumns(cols, [], REC835_MISSING, ctx);
}

/** Loads a standalone description of one table (CSVW schema.json, Table Schema JSON, or schema.csv). */
export async function loadTableDescription(
  path: string,
  displayPath: string,
  sink: IssueSink,
): Promise<{ schema: TableSchema } | { jsonSchema: unknown } | null> {
  const ctx = { sink, file: displayPath };
  const read = await readTextStrict(path);
  if ('error' in read) {
    schemaIssue(ctx, say('schema.unreadable', { reason: read.error }));
    return null;
  }
  if (path.toLowerCase().endsWith('.csv')) return { schema: fromSchemaCsv(read.text, ctx) };
  let raw: unknown;
  try {
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    schemaIssue(ctx, say('schema.notJson', { detail: (e as Error).message }));
    return null;
  }
  switch (jsonDescriptorKind(raw)) {
    case 'csvw':
      return { schema: fromCsvw(raw, ctx) };
    case 'table-schema':
      return { schema: fromTableSchema(raw, ctx) };
    case 'json-schema':
      return { jsonSchema: raw };
    case 'package':
      schemaIssue(ctx, say('schema.isPackage'));
      return null;
    default:
      schemaIssue(ctx, say('schema.unknownKind'));
      return null;
  }
}

/** Header-only description: every column a string, nothing required (structure checks still run). */
export function inferredSchema(header: readonly string[]): TableSchema {
  return {
    fields: header.map((name) => ({ name, type: 'string' as const, constraints: {} })),
    primaryKey: [],
    foreignKeys: [],
    missingValues: FRICTIONLESS_MISSING,
    source: null,
  };
}
