/**
 * The worker pool of a batch: N worker threads, one file at a time each, every file under a time
 * limit (the worker is stopped and replaced) and a heap limit (V8 `resourceLimits`; a file that needs
 * more fails alone). Results are handed back in input order, so what a batch prints and writes is the
 * same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_MEMORY_MB, spawnWorker, takePrewarmed, type Slot } from './spawn.js';
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
export { DEFAULT_MAX_MEMORY_MB };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

type Job = Omit<TaskRequest, 'id'>;

/** The limits every file runs under. */
interface Limits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/**
 * One file on one worker: its result, or a failure when the worker runs out of memory, crashes, stops
 * or passes the time limit — then `replace` says the worker must be stopped and a fresh one started.
 */
function runOnWorker(slot: Slot, job: Job, index: number, limits: Limits): Promise<{ result: TaskResult; replace: boolean }> {
  return new Promise((resolve) => {
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
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(`needs more than ${limits.maxMemoryMb} MB of memory; stopped`, true);
      else fail(`internal error: ${String(error.message).split('\n')[0]}`, true, error.stack);
    };
    const onExit = (): void => fail('the worker stopped unexpectedly', true);
    const { timeoutMs } = limits;
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
  const limits: Limits = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB };
  const results = new Map<number, TaskResult>();
  let emitted = 0;
  let done = 0;
  let next = 0;
  let emitting: Promise<void> = Promise.resolve();

  // The first lane takes the worker bin/ogp-extract.js started early (spawn.ts), when there is one.
  const spawn = (first = false): Slot => (first && takePrewarmed(limits.maxMemoryMb)) || spawnWorker(limits.maxMemoryMb);

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

  const lane = async (first: boolean): Promise<void> => {
    let slot = spawn(first);
    try {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        const { result, replace } = await runOnWorker(slot, jobs[index]!, index, limits);
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

  await Promise.all(Array.from({ length: size }, (_, i) => lane(i === 0)));
  emit();
  await emitting;
}
