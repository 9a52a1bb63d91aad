/**
 * JSON documents: strict UTF-8, well-formed JSON, and a JSON Schema (ajv, all errors, each with its instancePath).
 * JSON files are small documents (passport, plan documents, record arrays) and are read whole.
 */
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft7Module from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ioReason } from './descriptors.js';
import type { MessageText, TextParam } from '../model/message.js';
import { english, finding, list, say } from './reasons.js';
import { ABSENT, firstInvalidUtf8, TableChecker, type TableJob, type TableResult } from './csv.js';
import { linesOfPointers } from './jsonpos.js';
import type { IssueSink } from './issues.js';

type AjvLike = { compile(schema: object): ValidateFunction };
type AjvCtor = new (opts: Record<string, unknown>) => AjvLike;
const AjvDraft7 = ((AjvDraft7Module as unknown as { default?: AjvCtor }).default ?? AjvDraft7Module) as unknown as AjvCtor;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: AjvLike,
) => void;

export type ParsedJson = { ok: true; value: unknown; text: string } | { ok: false };

/** Reads a JSON file strictly: encoding-error, bom, source-error as issues. */
export async function readJsonFile(path: string, file: string, sink: IssueSink): Promise<ParsedJson> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    sink.add(finding('source-error', say('file.unreadable', { reason: ioReason(e) }), { file }));
    return { ok: false };
  }
  const bad = firstInvalidUtf8(bytes);
  let incomplete = -1;
  if (bad < 0) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      incomplete = bytes.length - 1;
    }
  }
  if (bad >= 0 || incomplete >= 0) {
    const at = bad >= 0 ? bad : incomplete;
    let line = 1;
    for (let p = bytes.indexOf(10); p !== -1 && p < at; p = bytes.indexOf(10, p + 1)) line++;
    sink.add(finding('encoding-error', say('file.encoding', { offset: at, line }), { file, row: line }));
    return { ok: false };
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    sink.add(finding('bom', say('file.bom'), { file, row: 1 }, 'warning'));
    text = text.slice(1);
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0] ?? 'invalid JSON';
    // V8 names the place as "position N" or "(line L column C)", depending on the Node version.
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column \d+/.exec(msg);
    let row: number | undefined;
    if (lc) row = Number(lc[1]);
    else if (pos) row = text.slice(0, Number(pos[1])).split('\n').length;
    sink.add(finding('source-error', say('file.notJson', { detail: msg }), { file, row }));
    return { ok: false };
  }
}

const compiled = new WeakMap<object, ValidateFunction | MessageText>();

/** Compiles a JSON Schema (2020-12 by default, draft-07/06 when $schema says so); says why on failure. */
export function compileJsonSchema(schema: unknown): ValidateFunction | MessageText {
  if (!schema || typeof schema !== 'object') return say('schema.jsonNotObject');
  const cached = compiled.get(schema);
  if (cached) return cached;
  const declared = (schema as { $schema?: unknown }).$schema;
  const draft7 = typeof declared === 'string' && /draft-0[67]/.test(declared);
  const opts = { allErrors: true, strict: false, validateFormats: true };
  let result: ValidateFunction | MessageText;
  try {
    const ajv: AjvLike = draft7 ? new AjvDraft7(opts) : (new Ajv2020(opts) as unknown as AjvLike);
    addFormats(ajv);
    result = ajv.compile(schema as object);
  } catch (e) {
    result = say('schema.jsonNotCompiled', { detail: (e as Error).message.split('\n')[0] ?? '' });
  }
  compiled.set(schema, result);
  return result;
}

/** ajv's words for the common keywords, as catalogue texts that say exactly what ajv says in English. */
function ajvProblem(e: ErrorObject): MessageText | null {
  const p = e.params as Record<string, unknown>;
  const limit = String(p.limit ?? '');
  switch (e.keyword) {
    case 'format':
      return say('jsonSchema.format', { format: String(p.format) });
    case 'pattern':
      return say('jsonSchema.pattern', { pattern: String(p.pattern) });
    case 'type':
      return say('jsonSchema.type', { type: String(p.type) });
    case 'minLength':
      return say('jsonSchema.minLength', { limit });
    case 'maxLength':
      return say('jsonSchema.maxLength', { limit });
    case 'minItems':
      return say('jsonSchema.minItems', { limit });
    case 'maxItems':
      return say('jsonSchema.maxItems', { limit });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return say('jsonSchema.compare', { comparison: String(p.comparison), limit });
    case 'const':
      return say('jsonSchema.const');
    case 'anyOf':
      return say('jsonSchema.anyOf');
    case 'oneOf':
      return say('jsonSchema.oneOf');
    default:
      return null;
  }
}

/** An ajv error: its instance path, and what is wrong (a catalogue text, or ajv's own English words). */
function describe(e: ErrorObject): { path: string; problem: TextParam } {
  const p = e.params as Record<string, unknown>;
  let path = e.instancePath || '';
  let problem: TextParam = e.message ?? e.keyword;
  if (e.keyword === 'required' && typeof p.missingProperty === 'string') {
    path = `${path}/${p.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    problem = say('jsonSchema.required');
  } else if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    path = `${path}/${p.additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    problem = say('jsonSchema.additional');
  } else if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
    problem = say('jsonSchema.enum', { values: list(p.allowedValues.map((v) => String(JSON.stringify(v)))) });
  } else {
    problem = ajvProblem(e) ?? problem;
  }
  const alternatives = (e as ErrorObject & { alternatives?: TextParam[] }).alternatives;
  if (alternatives?.length) problem = say('jsonSchema.alternatives', { problem, alternatives: list(alternatives, 'semicolonOr') });
  return { path, problem };
}

/** Validates a parsed JSON value; issues carry the instancePath as column and the value's line as row. */
export function validateJsonValue(
  value: unknown,
  text: string,
  schema: unknown,
  file: string,
  schemaFile: string,
  sink: IssueSink,
): void {
  const validate = compileJsonSchema(schema);
  if (typeof validate !== 'function') {
    sink.add(finding('schema-error', validate, { file: schemaFile }));
    return;
  }
  if (validate(value)) return;
  const errors = collapseAlternatives(validate.errors ?? []).map(describe);
  const lines = linesOfPointers(text, errors.map((e) => e.path).concat(errors.map((e) => parentOf(e.path))));
  const seen = new Set<string>();
  for (const e of errors) {
    const text = say('jsonSchema.error', { path: e.path || '/', problem: e.problem });
    const key = english(text);
    if (seen.has(key)) continue;
    seen.add(key);
    const row = lines.get(e.path) ?? lines.get(parentOf(e.path));
    sink.add(finding('json-schema', text, { file, row, column: e.path || '/' }));
  }
}

/**
 * With allErrors, a value that fails `anyOf`/`oneOf` yields one error per failed alternative plus the anyOf error
 * itself. Report it once: the anyOf error, with the alternatives' reasons in its message.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (groups.length === 0) return errors;
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (groups.some((g) => g !== e && e.schemaPath.startsWith(`${g.schemaPath}/`) && e.instancePath.startsWith(g.instancePath))) continue;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const reasons = errors
        .filter((c) => c !== e && c.schemaPath.startsWith(`${e.schemaPath}/`) && c.instancePath === e.instancePath)
        .map((c) => describe(c).problem);
      const unique = new Map(reasons.map((r) => [typeof r === 'object' ? JSON.stringify(r) : String(r), r]));
      out.push(unique.size ? ({ ...e, alternatives: [...unique.values()] } as ErrorObject) : e);
    } else out.push(e);
  }
  return out;
}

function parentOf(pointer: string): string {
  const k = pointer.lastIndexOf('/');
  return k <= 0 ? '' : pointer.slice(0, k);
}

/**
 * A JSON file of records (array of objects, or array of arrays with a header row) checked against a table
 * description with the same row checks as CSV. `row` of an issue is the line where the record starts.
 */
export async function validateJsonTable(job: TableJob, sink: IssueSink): Promise<TableResult> {
  const file = job.display;
  const parsed = await readJsonFile(job.path, file, sink);
  if (!parsed.ok) return { complete: false, rows: 0 };
  const data = parsed.value;
  if (!Array.isArray(data)) {
    sink.add(finding('source-error', say('json.notArray'), { file, row: 1 }));
    return { complete: false, rows: 0 };
  }
  const checker = new TableChecker(job, sink);
  const lines = linesOfPointers(parsed.text, data.map((_, i) => `/${i}`));
  const missingMarker = job.schema?.missingValues[0] ?? '';
  const cell = (v: unknown): string =>
    v === null || v === undefined
      ? missingMarker
      : typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
  const arrays = data.length > 0 && Array.isArray(data[0]);
  let names: string[];
  if (arrays) {
    names = (data[0] as unknown[]).map(cell);
  } else if (job.schema) {
    names = job.schema.fields.map((f) => f.name);
  } else {
    const seen = new Set<string>();
    for (const rec of data) if (rec && typeof rec === 'object' && !Array.isArray(rec)) for (const k of Object.keys(rec)) seen.add(k);
    names = [...seen];
  }
  checker.header(names, lines.get('/0') ?? 1);
  const known = new Set(names);
  for (let i = arrays ? 1 : 0; i < data.length; i++) {
    const rec = data[i];
    const line = lines.get(`/${i}`) ?? i + 1;
    if (arrays) {
      checker.row(Array.isArray(rec) ? rec.map(cell) : [cell(rec)], line, line);
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      if (checker.checking) checker.issue('source-error', line, null, null, say('record.notObject', { n: i + 1 }));
      continue;
    }
    const o = rec as Record<string, unknown>;
    const record = names.map((n, j) => {
      if (!(n in o)) {
        if (checker.checking) checker.issue('missing-cell', line, n, j + 1, say('record.missing', { n: i + 1, name: n }));
        return ABSENT;
      }
      return cell(o[n]);
    });
    if (checker.checking)
      for (const k of Object.keys(o))
        if (!known.has(k)) checker.issue('extra-cell', line, k, null, say('record.extra', { n: i + 1, name: k }));
    checker.row(record, line, line);
  }
  return { complete: true, rows: data.length };
}
