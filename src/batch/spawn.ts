/**
 * Starting the batch's worker threads, and starting the first one early.
 *
 * A worker needs ~50 ms before it can take a file (thread start-up, then the extraction modules), and
 * the CLI needs about as long to load commander, the messages and the command before it knows its
 * files. `prewarm()` (called by bin/ogp-extract.js when the command line names `extract` or `export`)
 * starts the first worker right away, so both happen at once on two cores: a one-file run is ~50 ms
 * faster. The pool adopts that worker when its heap limit is the one asked for (`--max-memory`);
 * otherwise it is stopped and a fresh one started. A prewarmed worker never keeps the process alive
 * (it is unref'd until adopted), so a run that stops early (a usage error) exits as before.
 *
 * This module loads nothing but node:worker_threads: it runs before the CLI itself.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Heap limit per worker, in MB, unless `--max-memory` says otherwise. */
export const DEFAULT_MAX_MEMORY_MB = 2048;

export interface Slot {
  worker: Worker;
  /** Resolves when the worker has loaded its modules and takes files. */
  ready: Promise<void>;
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

/** Start a worker with a heap limit; its `ready` promise never rejects unhandled. */
export function spawnWorker(maxMemoryMb: number): Slot {
  const spec = workerSpec();
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
  return { worker, ready };
}

let early: { slot: Slot; maxMemoryMb: number } | null = null;

/** Start the first worker now (once per process), with the default heap limit. */
export function prewarm(): void {
  if (early) return;
  const slot = spawnWorker(DEFAULT_MAX_MEMORY_MB);
  slot.worker.unref();
  early = { slot, maxMemoryMb: DEFAULT_MAX_MEMORY_MB };
}

/** The prewarmed worker, when there is one with this heap limit (taken once); else null. */
export function takePrewarmed(maxMemoryMb: number): Slot | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (taken.maxMemoryMb !== maxMemoryMb) {
    void taken.slot.worker.terminate();
    return null;
  }
  taken.slot.worker.ref();
  return taken.slot;
}
