import { describe, expect, it } from 'vitest';
import { exportDatasets, loadPlanJson } from '../../src/datasets/index.js';
import type { ActionPlan } from '../../src/model/schema.js';
import { fixturePassport, SEED_PLANS } from './helpers.js';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('export is byte-identical for any input order', () => {
  it('every order of the seed plans gives the same files', async () => {
    const plans: ActionPlan[] = [];
    for (const f of SEED_PLANS) plans.push(...(await loadPlanJson(f)));
    const passport = await fixturePassport();
    const orders = permutations(plans);
    expect(orders).toHaveLength(6);
    const reference = exportDatasets(orders[0]!, { passport }).files;
    for (const order of orders.slice(1)) {
      const files = exportDatasets(order, { passport }).files;
      expect([...files.keys()]).toEqual([...reference.keys()]);
      for (const [name, content] of files) expect(content, name).toBe(reference.get(name));
    }
  });
});

describe('export of documents is byte-identical for any input order', () => {
  it('every order of the three seed documents gives the same files, party ids included', async () => {
    const { runCli, fixture } = await import('../helpers.js');
    const { withTmpDir, PASSPORT_FIXTURE } = await import('./helpers.js');
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const docs = ['khmelnytskyi-2026-2027-action-plan.txt', 'khmelnytskyi-2021-2022-action-plan.txt', 'kyiv-2025-2026-action-plan.txt'].map((n) => fixture('txt', n));
    await withTmpDir(async (dir) => {
      let reference: Map<string, Buffer> | null = null;
      for (const [i, order] of permutations(docs).entries()) {
        const out = join(dir, `o${i}`);
        const run = await runCli('export', ...order, '--out-dir', out, '--passport', PASSPORT_FIXTURE, '-q');
        expect(run.code, run.stderr).toBe(0);
        const files = new Map<string, Buffer>();
        for (const name of (await readdir(out)).sort()) files.set(name, await readFile(join(out, name)));
        if (reference === null) reference = files;
        else {
          expect([...files.keys()]).toEqual([...reference.keys()]);
          for (const [name, content] of files) expect(content.equals(reference.get(name)!), `${name} (order ${i})`).toBe(true);
        }
      }
    });
  }, 120_000);
});
