/** Test helpers: in-process CLI runs and expected-output comparison. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/index.js';

export const root = new URL('..', import.meta.url).pathname;
export const fixture = (...parts: string[]): string => join(root, 'fixtures', ...parts);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'ogp-extract', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'ogp-extract-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Compare `actual` with the committed expected file. With UPDATE_EXPECTED=1 the
 * file is rewritten instead (review the diff before committing it).
 */
export function expectedText(path: string, actual: string): string {
  if (process.env.UPDATE_EXPECTED === '1') writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
}
