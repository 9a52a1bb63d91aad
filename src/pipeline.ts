/**
 * The whole extraction as one library call: bytes → reader → document tree →
 * extract → normalize → plan (validated against schemas/plan.schema.json).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { extractPlan } from './extract/index.js';
import type { ActionPlan } from './model/schema.js';
import { validatePlan } from './model/validate.js';
import { InputError, NoPlanError, SchemaError } from './io/errors.js';
import { normalizePlan } from './normalize/plan.js';
import { PartyDirectory, PartyRegistry } from './normalize/parties.js';
import { readDocument } from './readers/index.js';
import type { OcrMode } from './readers/ocr/index.js';

export { InputError, NoPlanError, SchemaError } from './io/errors.js';

export interface ExtractOptions {
  /** Shared party registry for a batch (one id per body across documents). */
  registry?: PartyRegistry;
  /** OCR of scanned pages and images (default `auto`: pages without a text layer). */
  ocr?: OcrMode;
}

export interface ExtractResult {
  plan: ActionPlan;
  /** The text is a plan whose table layout was lost: the plan has no commitments and a layout-lost error message. */
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
    read = await readDocument(bytes, { file: name, ocr: options.ocr ?? 'auto' });
  } catch (error) {
    throw new InputError(file, oneLine(error), { cause: error });
  }
  const raw = extractPlan(read.tree, read.messages);
  if (raw.commitments.length === 0 && !raw.layoutLost) {
    const scanned = read.messages.filter((m) => m.code === 'scanned-page');
    // a scan that could not be read: say so and how to read it, not just "no plan"
    if (scanned.length > 0) throw new NoPlanError(file, `${file} is scanned (${scanned.length} of ${read.pages ?? scanned.length} pages have no text layer); ${scanned[0]!.reason.replace(/^.*?\(scanned\); /u, '')}`);
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

export interface PlanInput {
  /** `document`: extracted from a DOCX/PDF/TXT/HTML; `plan-json`: plans read from a JSON file. */
  kind: 'document' | 'plan-json';
  plans: ActionPlan[];
  /** A document whose plan table layout was lost (its plan has no commitments). */
  layoutLost: boolean;
}

export interface LoadPlanOptions extends ExtractOptions {
  /** Accept plan JSON files (one plan or an array, by the `.json` name) besides documents. */
  planJson?: boolean;
  /**
   * What a document whose table layout was lost gives: `keep` (the plan with its layout-lost
   * warning, for `extract`) or `fail` (an InputError: a dataset never gets a plan without its commitments).
   */
  layoutLost?: 'keep' | 'fail';
}

export const LAYOUT_LOST_REASON = 'the plan table layout was lost; no commitments can be exported from this document';

/** One input of a batch: a document (extracted) or, with `planJson`, a plan JSON file (validated). */
export async function loadPlanInput(path: string, options: LoadPlanOptions = {}): Promise<PlanInput> {
  if (options.planJson && extname(path).toLowerCase() === '.json') {
    const { loadPlanJson } = await import('./datasets/load.js');
    try {
      return { kind: 'plan-json', plans: await loadPlanJson(path), layoutLost: false };
    } catch (error) {
      throw new InputError(path, oneLine(error));
    }
  }
  const { plan, layoutLost } = await extractFile(path, { ...(options.registry ? { registry: options.registry } : {}), ...(options.ocr ? { ocr: options.ocr } : {}) });
  if (layoutLost && options.layoutLost === 'fail') throw new InputError(path, LAYOUT_LOST_REASON);
  return { kind: 'document', plans: [plan], layoutLost };
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
