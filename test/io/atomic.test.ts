import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDir, OutputError, writeFileAtomic, writeFilesAtomic } from '../../src/io/atomic.js';
import { fixture, root, runCli, tempDir } from '../helpers.js';

const isRoot = process.getuid?.() === 0;
const plan = fixture('txt', 'kyiv-2025-2026-action-plan.txt');

async function caught(promise: Promise<unknown>): Promise<OutputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    return error as OutputError;
  }
  throw new Error('expected an OutputError');
}

describe('atomic output', () => {
  it('an output error names the output and the cause, never the temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const e = await caught(writeFileAtomic(join(dir, 'file', 'plans.csv'), 'data'));
    expect(e.message).toBe(`cannot write ${join(dir, 'file', 'plans.csv')}: a part of the path is a file, not a folder`);
    mkdirSync(join(dir, 'folder'));
    const f = await caught(writeFileAtomic(join(dir, 'folder'), 'data'));
    expect(f.message).toBe(`cannot write ${join(dir, 'folder')}: it is a folder`);
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
  });

  it.skipIf(!existsSync('/proc/self'))('a folder that exists but takes no new file is named as such, not as a folder that cannot be made (needs /proc)', async () => {
    const e = await caught(writeFileAtomic('/proc/ogp-plans.json', '{}'));
    expect(e.message).toBe('cannot write /proc/ogp-plans.json: a file cannot be created in that folder');
    const m = await caught(writeFileAtomic('/proc/ogp-x/plans.json', '{}'));
    expect(m.message).toBe('cannot write /proc/ogp-x/plans.json: the folder cannot be created there');
  });

  it('folders are created level by level: a /proc path fails at once instead of spinning', async () => {
    const e = await caught(writeFileAtomic('/proc/ogp-x/y/plans.json', '{}'));
    expect(e.message).toMatch(/^cannot write \/proc\/ogp-x\/y\/plans\.json: /);
    const dir = tempDir();
    await ensureDir(join(dir, 'a', 'b', 'c'));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['c']);
  });

  it('several files: all replaced or none; a failure leaves the old files intact', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'old a');
    mkdirSync(join(dir, 'b.csv'));
    await caught(writeFilesAtomic([[join(dir, 'a.csv'), 'new a'], [join(dir, 'b.csv'), 'new b']]));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });

  if (isRoot) console.log('skipped: the read-only folder test needs a non-root user (root may write anywhere)');
  it.skipIf(isRoot)('a read-only folder: «permission denied» (skipped when running as root, which may write anywhere)', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const e = await caught(writeFileAtomic(join(dir, 'plans.csv'), 'x'));
    expect(e.message).toBe(`cannot write ${join(dir, 'plans.csv')}: permission denied`);
  });

  it('killed at random points (seeded), the target is always a whole old or new file, never a part', async () => {
    const dir = tempDir();
    const target = join(dir, 'plans.json');
    const size = 4 * 1024 * 1024;
    let seed = 20261201;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 6; round += 1) {
      const child = spawn(process.execPath, ['--import', `${root}test/batch/ts-loader.mjs`, `${root}test/io/writer-child.ts`, target, String(size)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`child ended early (${code})`)));
      });
      await new Promise((r) => setTimeout(r, Math.floor(random() * 150)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const content = readFileSync(target, 'utf8');
      expect(content.length).toBe(size);
      expect(content === 'a'.repeat(size) || content === 'b'.repeat(size)).toBe(true);
    }
  });
});

describe('output errors on the command line', () => {
  it('-o naming a folder: one line, exit 1', async () => {
    const dir = tempDir();
    const run = await runCli('extract', plan, '-o', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: cannot write ${dir}: it is a folder; give a file name, or use --out-dir for a folder\n`);
  });

  it('extract and export into a path that cannot be created: one line naming the output, exit 1, no stack', async () => {
    const x = await runCli('extract', plan, '--out-dir', '/proc/ogp-x');
    expect(x.code).toBe(1);
    const xe = x.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(xe).toEqual(['error: cannot write /proc/ogp-x/kyiv-2025-2026-action-plan.json: the folder cannot be created there']);
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const e = await runCli('export', fixture('plans', 'khmelnytskyi-2026-2027.json'), '--out-dir', join(dir, 'file', 'data'));
    expect(e.code).toBe(1);
    expect(e.stderr).not.toMatch(/\.tmp|\n\s+at /);
    expect(e.stderr).toMatch(new RegExp(`^error: cannot write ${join(dir, 'file', 'data')}/\\S+: a part of the path is a file, not a folder$`, 'm'));
  });
});
