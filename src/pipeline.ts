/**
 * The whole extraction as one library call: bytes → reader → document tree →
 * extract → normalize → plan (validated against schemas/plan.schema.json).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractPlan } from './extract/index.js';
import type { ActionPlan } from './model/schema.js';
import { validatePlan, type SchemaViolation } from './model/validate.js';
import { normalizePlan } from './normalize/plan.js';
import { PartyDirectory, PartyRegistry } from './normalize/parties.js';
import { readDocument } from './readers/index.js';

/** An input that could not be turned into a plan; `message` is one line naming the cause. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** The document holds no action plan. */
export class NoPlanError extends InputError {}

/** The plan produced violates the schema: a bug in ogp-extract, never written. */
export class SchemaError extends Error {
  constructor(
    readonly file: string,
    readonly violations: SchemaViolation[],
  ) {
    super(`plan extracted from ${file} violates schemas/plan.schema.json at ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`);
  }
}

export interface ExtractOptions {
  /** Shared party registry for a batch (one id per body across documents). */
  registry?: PartyRegistry;
}

export interface ExtractResult {
  plan: ActionPlan;
  /** The text is a plan whose table layout was lost: the plan has no commitments and a layout-lost warning. */
  layoutLost: boolean;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\r?\n/)[0]!.trim() || 'unknown error';
}

export async function extractBuffer(bytes: Uint8Array, file: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const name = basename(file);
  let read;
  try {
    read = await readDocument(bytes, { file: name });
  } catch (error) {
    throw new InputError(file, oneLine(error));
  }
  const raw = extractPlan(read.tree, read.messages);
  if (raw.commitments.length === 0 && !raw.layoutLost) {
    throw new NoPlanError(file, `no action plan found in ${file}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const plan = normalizePlan(
    raw,
    { file: name, format: read.format, sha256, ...(read.pages ? { pages: read.pages } : {}) },
    options.registry ? { registry: options.registry } : {},
  );
  const violations = validatePlan(plan);
  if (violations.length > 0) throw new SchemaError(file, violations);
  return { plan, layoutLost: raw.layoutLost };
}

export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const cause =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : oneLine(error);
    throw new InputError(path, cause);
  }
  if (bytes.length === 0) throw new InputError(path, 'file is empty');
  return extractBuffer(bytes, path, options);
}

/** Load an executors directory (CSV: name, aliases, edrpou). */
export async function loadDirectory(path: string): Promise<PartyDirectory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(path, oneLine(error));
  }
  try {
    return PartyDirectory.fromCsv(text, path);
  } catch (error) {
    throw new InputError(path, oneLine(error).replace(`${path}: `, ''));
  }
}

/** One party registry for a batch, with the executors directory when one is given. */
export async function createRegistry(executorsFile?: string): Promise<PartyRegistry> {
  if (!executorsFile) return new PartyRegistry();
  return new PartyRegistry({ directory: await loadDirectory(executorsFile) });
}

/** Serialise a plan deterministically. */
export function planJson(plan: ActionPlan, pretty = false): string {
  return `${JSON.stringify(plan, null, pretty ? 2 : undefined)}\n`;
}
