/**
 * The worker pool of a batch: N worker threads, one file at a time each, every file under a time
 * limit (the worker is stopped and replaced) and a heap limit (V8 `resourceLimits`; a file that needs
 * more fails alone). Results are handed back in input order, so what a batch prints and writes is the
 * same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TaskFailure, TaskRequest, TaskResult } from './task.js';

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Time limit per file, in milliseconds (default 120 s). */
  timeoutMs?: number;
  /** Heap limit per worker, in MB (default 2048). */
  maxMemoryMb?: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_MEMORY_MB = 2048;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The worker module, and how to start it: from the compiled package directly, from the sources with the test loader. */
function workerSpec(): { url: URL; execArgv: string[] | undefined } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const loader = fileURLToPath(new URL('../../test/batch/ts-loader.mjs', self));
    return { url: new URL('./worker.ts', self), execArgv: ['--import', loader] };
  }
  // the compiled worker inherits node's own flags (so `node --cpu-prof bin/ogp-extract.js …` profiles the workers too)
  return { url: new URL('./worker.js', self), execArgv: undefined };
}

type Job = Omit<TaskRequest, 'id'>;

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

/**
 * Run every job; `onResult(index, result)` is called in input order (index 0, 1, 2, …) as soon as
 * all earlier results are in. `onProgress(done)` is called as each file finishes, in any order.
 */
export async function runPool(
  jobs: readonly Job[],
  options: PoolOptions,
  onResult: (index: number, result: TaskResult) => void | Promise<void>,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  const size = Math.max(1, Math.min(options.jobs ?? defaultJobs(), jobs.length));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const spec = workerSpec();
  const results = new Map<number, TaskResult>();
  let emitted = 0;
  let done = 0;
  let next = 0;
  let emitting: Promise<void> = Promise.resolve();

  const spawn = (): Slot => {
    const worker = new Worker(spec.url, {
      execArgv: spec.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
      stdout: false,
      stderr: false,
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown): void => {
        if ((m as { ready?: boolean }).ready) {
          worker.off('error', reject);
          resolve();
        }
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
    });
    ready.catch(() => {});
    return { worker, ready, busy: false };
  };

  const runOne = (slot: Slot, index: number): Promise<{ result: TaskResult; replace: boolean }> =>
    new Promise((resolve) => {
      const job = jobs[index]!;
      const fail = (reason: string, replace: boolean, stack?: string): void => {
        const failure: TaskFailure = { id: index, ok: false, reason, file: job.file, internal: false };
        if (stack) failure.stack = stack;
        finish({ result: failure, replace });
      };
      let settled = false;
      const finish = (value: { result: TaskResult; replace: boolean }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (m: TaskResult): void => {
        if (m.id === index) finish({ result: m, replace: false });
      };
      const onError = (error: Error & { code?: string }): void => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(`needs more than ${maxMemoryMb} MB of memory; stopped`, true);
        else fail(`internal error: ${String(error.message).split('\n')[0]}`, true, error.stack);
      };
      const onExit = (): void => fail('the worker stopped unexpectedly', true);
      const timer = setTimeout(() => {
        fail(`took longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}; stopped`, true);
      }, timeoutMs);
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      slot.ready.then(
        () => slot.worker.postMessage({ ...job, id: index } satisfies TaskRequest),
        (error: Error) => onError(error),
      );
    });

  const emit = (): void => {
    emitting = emitting.then(async () => {
      while (results.has(emitted)) {
        const result = results.get(emitted)!;
        results.delete(emitted);
        await onResult(emitted, result);
        emitted += 1;
      }
    });
  };

  const lane = async (): Promise<void> => {
    let slot = spawn();
    try {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        const { result, replace } = await runOne(slot, index);
        if (replace) {
          void slot.worker.terminate();
          slot = spawn();
        }
        done += 1;
        onProgress(done);
        results.set(index, result);
        emit();
      }
    } finally {
      await slot.worker.terminate();
    }
  };

  await Promise.all(Array.from({ length: size }, () => lane()));
  emit();
  await emitting;
}
