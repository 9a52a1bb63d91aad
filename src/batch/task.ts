/**
 * One file of a batch, as run inside a worker: read → extract → plan. Each file gets a fresh party
 * registry (with the shared executors directory), so a file's output never depends on which other files
 * are in the batch, in which order, or on how many workers run: ids depend on the body alone and the
 * export merges parties by id.
 */
import { PartyRegistry, type PartyDirectory } from '../normalize/parties.js';
import { extractBuffer, InputError, LAYOUT_LOST_REASON, loadDirectory, loadPlanInput, planJson, type PlanInput } from '../pipeline.js';
import { download, isUrl, urlFileName } from './download.js';
import type { OcrMode } from '../readers/ocr/index.js';
import { messageTexts, type MessageText } from '../model/message.js';

export interface TaskRequest {
  id: number;
  file: string;
  /** Executors directory CSV, loaded once per worker. */
  executors: string | null;
  /** Accept plan JSON files too (export). */
  planJson: boolean;
  /** A document whose layout was lost: kept (extract) or failed (export). */
  layoutLost: 'keep' | 'fail';
  /** For http(s) inputs: size limit and time-out of the download. */
  download?: { maxBytes?: number; timeoutMs: number };
  /** Serialise the plan for `extract` (pretty or not); null: return the plan objects (export). */
  serialise: { pretty: boolean } | null;
  /** OCR of scanned pages and images (`auto` when absent). */
  ocr?: OcrMode;
}

export interface TaskCounts {
  plans: number;
  commitments: number;
  measures: number;
  parties: number;
  warnings: number;
}

export interface TaskSuccess {
  id: number;
  ok: true;
  input: PlanInput;
  /** The plan JSON text (extract). */
  json: string | null;
  /** Per plan, the catalogue text of each of its messages or null (`messageTexts`: structured cloning drops them). */
  texts: (MessageText | null)[][];
  counts: TaskCounts;
}

export interface TaskFailure {
  id: number;
  ok: false;
  /** One line: the cause, naming the file when the library's message does. */
  reason: string;
  /** The file the reason is about (an input or the executors file). */
  file: string;
  /** A bug in ogp-extract rather than a bad input. */
  internal: boolean;
  stack?: string;
}

export type TaskResult = TaskSuccess | TaskFailure;

let directory: Promise<PartyDirectory | null> | null = null;
let directoryFile: string | null = null;

export function countPlans(input: PlanInput): TaskCounts {
  const parties = new Set<string>();
  let commitments = 0;
  let measures = 0;
  let warnings = 0;
  for (const plan of input.plans) {
    commitments += plan.commitments.length;
    // Infos (a recurring term) are for the record, not warnings to check.
    warnings += plan.messages.filter((m) => m.severity !== 'info').length;
    for (const c of plan.commitments) {
      measures += c.measures.length;
      for (const p of [...c.leadExecutors, ...c.partners]) parties.add(p.id);
      for (const m of c.measures) for (const p of [...m.executors, ...m.partners]) parties.add(p.id);
    }
  }
  return { plans: input.plans.length, commitments, measures, parties: parties.size, warnings };
}

export async function runTask(request: TaskRequest): Promise<TaskResult> {
  try {
    if (directory === null || directoryFile !== request.executors) {
      directoryFile = request.executors;
      directory = request.executors ? loadDirectory(request.executors) : Promise.resolve(null);
    }
    const dir = await directory;
    const registry = new PartyRegistry(dir ? { directory: dir } : {});
    let input: PlanInput;
    if (isUrl(request.file)) {
      const bytes = await download(request.file, request.download ?? { timeoutMs: 120_000 });
      if (bytes.length === 0) throw new InputError(request.file, 'file is empty');
      const { plan, layoutLost } = await extractBuffer(bytes, urlFileName(request.file), { registry, ...(request.ocr ? { ocr: request.ocr } : {}) });
      if (layoutLost && request.layoutLost === 'fail') throw new InputError(request.file, LAYOUT_LOST_REASON);
      input = { kind: 'document', plans: [plan], layoutLost };
    } else {
      input = await loadPlanInput(request.file, { registry, planJson: request.planJson, layoutLost: request.layoutLost, ...(request.ocr ? { ocr: request.ocr } : {}) });
    }
    const json = request.serialise && input.plans[0] ? planJson(input.plans[0], request.serialise.pretty) : null;
    const texts = input.plans.map((plan) => messageTexts(plan.messages));
    return { id: request.id, ok: true, input, json, texts, counts: countPlans(input) };
  } catch (error) {
    if (error instanceof InputError) {
      // An unforeseen failure behind the input error (e.g. a reader bug) keeps its stack for --debug.
      const stack = error.cause instanceof Error ? error.cause.stack : undefined;
      return { id: request.id, ok: false, reason: error.message, file: error.file, internal: false, ...(stack ? { stack } : {}) };
    }
    const e = error as Error;
    const first = (e?.message ?? String(error)).split('\n')[0] ?? 'unknown error';
    return {
      id: request.id,
      ok: false,
      reason: `internal error: ${first}`,
      file: request.file,
      internal: true,
      ...(e?.stack ? { stack: e.stack } : {}),
    };
  }
}
