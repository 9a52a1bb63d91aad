/**
 * `--incremental`: what an earlier run of the same command wrote into the output folder, so unchanged
 * inputs are skipped. A file is unchanged when its content hash, the settings that shape its output
 * (tool version, options, executors file) and the output file itself are all as recorded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';

export const STATE_FILE = '.ogp-extract-state.json';

export interface StateEntry {
  /** Hash of the input's bytes and the settings. */
  key: string;
  /** Output path relative to the output folder and the hash of its content (extract). */
  output?: string;
  outputSha256?: string;
  /** Counts, so a summary of a re-run still tells what the folder holds. */
  counts?: Record<string, number>;
}

export interface BatchState {
  version: 1;
  command: string;
  entries: Record<string, StateEntry>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function loadState(outDir: string, command: string): Promise<BatchState> {
  try {
    const value = JSON.parse(await readFile(join(outDir, STATE_FILE), 'utf8')) as BatchState;
    if (value.version === 1 && value.command === command && value.entries && typeof value.entries === 'object') return value;
  } catch {
    /* no state yet, or unreadable: convert everything */
  }
  return { version: 1, command, entries: {} };
}

export async function saveState(outDir: string, state: BatchState): Promise<void> {
  const entries = Object.fromEntries(Object.entries(state.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(join(outDir, STATE_FILE), `${JSON.stringify({ ...state, entries }, null, 1)}\n`);
}

/** The key of one input under the given settings. */
export async function inputKey(path: string, settings: string): Promise<string | null> {
  try {
    return sha256(`${settings}\n${sha256(await readFile(path))}`);
  } catch {
    return null;
  }
}

/** Is the recorded output still the one written (not edited or removed since)? */
export async function outputIntact(outDir: string, entry: StateEntry): Promise<boolean> {
  if (!entry.output || !entry.outputSha256) return false;
  try {
    return sha256(await readFile(join(outDir, entry.output))) === entry.outputSha256;
  } catch {
    return false;
  }
}
