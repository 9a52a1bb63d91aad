import { describe, expect, it } from 'vitest';
import { commandWord, startEarly } from '../../src/cli/argv.js';
import { runPool } from '../../src/batch/pool.js';
import { DEFAULT_MAX_MEMORY_MB, takePrewarmed } from '../../src/batch/spawn.js';
import { fixture } from '../helpers.js';

describe('the first batch worker starts before the CLI loads (bin/ogp-extract.js → startEarly)', () => {
  it('the command word skips options and --lang’s value; `help X` names X', () => {
    expect(commandWord(['--lang', 'uk', 'extract', 'a.pdf'])).toBe('extract');
    expect(commandWord(['help', 'export'])).toBe('export');
    expect(commandWord(['--debug'])).toBeUndefined();
  });

  it('only extract and export start one; help, version and other commands do not', () => {
    for (const args of [['--version'], ['extract', '--help'], ['help', 'extract'], ['validate', 'x.csv'], ['report', 'a.json'], []]) {
      startEarly(args);
      expect(takePrewarmed(DEFAULT_MAX_MEMORY_MB), args.join(' ')).toBeNull();
    }
  });

  it('a worker started early is taken once, and only with the heap limit it was started with', async () => {
    startEarly(['extract', 'a.pdf']);
    expect(takePrewarmed(512)).toBeNull(); // another --max-memory: stopped, not used
    expect(takePrewarmed(DEFAULT_MAX_MEMORY_MB)).toBeNull();
    startEarly(['--lang', 'en', 'export', 'a.pdf', '--out-dir', 'x']);
    const slot = takePrewarmed(DEFAULT_MAX_MEMORY_MB);
    expect(slot).not.toBeNull();
    await slot!.ready;
    expect(takePrewarmed(DEFAULT_MAX_MEMORY_MB)).toBeNull();
    await slot!.worker.terminate();
  });

  it('the pool runs its first file on the worker started early', async () => {
    startEarly(['extract', 'plan.txt']);
    const results: boolean[] = [];
    await runPool(
      [{ file: fixture('txt', 'khmelnytskyi-2021-2022-action-plan.txt'), executors: null, planJson: false, layoutLost: 'keep', serialise: { pretty: false } }],
      { jobs: 1 },
      (_, result) => {
        results.push(result.ok);
      },
    );
    expect(results).toEqual([true]);
    expect(takePrewarmed(DEFAULT_MAX_MEMORY_MB)).toBeNull(); // adopted by the pool
  });
});
