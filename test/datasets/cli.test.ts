import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers.js';
import { EXPECTED_DIR, PASSPORT_FIXTURE, PLAN_FIXTURES, SAMPLE_EXPECTED_DIR, seedPlanFiles, withTmpDir } from './helpers.js';

async function sameAsExpected(out: string, expectedDir: string): Promise<void> {
  const names = (await readdir(expectedDir)).sort();
  expect((await readdir(out)).sort()).toEqual(names);
  for (const n of names) {
    expect((await readFile(join(out, n))).equals(await readFile(join(expectedDir, n))), n).toBe(true);
  }
}

describe('ogp-extract export', () => {
  it('exports plan JSON files with a passport: exit 0, the expected files', async () => {
    await withTmpDir(async (dir) => {
      const out = join(dir, 'out');
      const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', out, '--passport', PASSPORT_FIXTURE);
      expect(run.stderr.split('\n').filter((l) => /^(error|warning|note):/.test(l))).toEqual([]);
      // CKAN tags cannot hold an apostrophe: «зобов’язання» becomes «зобовязання» on the portal, said once.
      expect(run.stderr).toContain('keyword «зобов’язання» becomes the CKAN tag «зобовязання»');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`wrote 38 files to ${out} (plans: 2, commitments: 3, measures: 6, parties: 9)\n`);
      await sameAsExpected(out, SAMPLE_EXPECTED_DIR);
    });
  });

  it('exports the seed plan JSON files to the acceptance files', async () => {
    await withTmpDir(async (dir) => {
      const out = join(dir, 'out');
      const run = await runCli('export', ...(await seedPlanFiles()), '--out-dir', out, '--passport', PASSPORT_FIXTURE);
      expect(run.code, run.stderr).toBe(0);
      await sameAsExpected(out, EXPECTED_DIR);
    });
  });

  it('exports documents through the extractor (plans, commitments, measures as from their plan JSON)', async () => {
    await withTmpDir(async (dir) => {
      const docs = [
        fixture('txt', 'khmelnytskyi-2026-2027-action-plan.txt'),
        fixture('txt', 'khmelnytskyi-2021-2022-action-plan.txt'),
        fixture('txt', 'kyiv-2025-2026-action-plan.txt'),
      ];
      const run = await runCli('export', ...docs, '--out-dir', join(dir, 'docs'), '--passport', PASSPORT_FIXTURE, '-q');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/\(plans: 3, commitments: 12, measures: 58, parties: \d+\)/);
      // Party ids may differ: a batch shares one party registry across documents (abbreviations learnt
      // in one document apply to the others), while the seed JSON files were extracted one by one.
      expect((await readdir(join(dir, 'docs'))).sort()).toEqual((await readdir(EXPECTED_DIR)).sort());
      for (const n of ['plans.csv', 'commitments.csv', 'commitmentTags.csv', 'measures.csv', 'register.csv', 'passport.json']) {
        expect((await readFile(join(dir, 'docs', n))).equals(await readFile(join(EXPECTED_DIR, n))), n).toBe(true);
      }
    });
  });

  it('--excel: BOM in CSV files and a note on stderr; --format csv: no JSON tables', async () => {
    await withTmpDir(async (dir) => {
      const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', dir, '--excel', '--format', 'csv');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/--excel: every CSV file starts with a UTF-8 byte order mark \(BOM\)/);
      expect(run.stderr).toMatch(/no --passport given/);
      expect((await readFile(join(dir, 'measures.csv')))[0]).toBe(0xef);
      expect(existsSync(join(dir, 'measures.json'))).toBe(false);
      expect(existsSync(join(dir, 'passport.json'))).toBe(false);
      // a later JSON-only export into the same folder names the CSV files it did not write
      const again = await runCli('export', ...PLAN_FIXTURES, '--out-dir', dir, '--format', 'json');
      expect(again.code).toBe(0);
      expect(again.stderr).toContain(`note: ${join(dir, 'measures.csv')} was not written by this export`);
      expect(again.stderr).not.toContain('measures.schema.csv was not');
    });
  });

  it('--null-value writes the chosen marker', async () => {
    await withTmpDir(async (dir) => {
      const run = await runCli('export', PLAN_FIXTURES[0]!, '--out-dir', dir, '--null-value', 'NA');
      expect(run.code).toBe(0);
      expect(await readFile(join(dir, 'measures.csv'), 'utf8')).toMatch(/,NA,/);
    });
  });

  it('an incomplete passport: exit 1, each missing element named, nothing written', async () => {
    await withTmpDir(async (dir) => {
      const passport = join(dir, 'passport.yaml');
      const text = (await readFile(PASSPORT_FIXTURE, 'utf8')).replace(/^title:.*\n/m, '').replace(/^contactPointEmail:.*\n/m, '');
      await writeFile(passport, text);
      const out = join(dir, 'out');
      const run = await runCli('export', ...PLAN_FIXTURES, '--out-dir', out, '--passport', passport);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('missing mandatory element «назва набору даних» (title)');
      expect(run.stderr).toContain('missing mandatory element «адреса електронної пошти відповідальної особи» (contactPointEmail)');
      expect(run.stderr).toContain(`nothing written to ${out}`);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('a bad input: exit 1 naming the file, nothing written', async () => {
    await withTmpDir(async (dir) => {
      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ schemaVersion: '2.0.0', id: 'x' }));
      const out = join(dir, 'out');
      const run = await runCli('export', PLAN_FIXTURES[0]!, bad, '--out-dir', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${bad}: not a valid plan: source`);
      expect(existsSync(out)).toBe(false);
      const news = fixture('txt', 'khmelnytskyi-coordination-council-news.txt');
      const run2 = await runCli('export', news, '--out-dir', out);
      expect(run2.code).toBe(1);
      expect(run2.stderr).toContain('no action plan found');
      expect(existsSync(out)).toBe(false);
    });
  });

  it('wrong usage: exit 2', async () => {
    expect((await runCli('export', PLAN_FIXTURES[0]!)).code).toBe(2);
    expect((await runCli('export', PLAN_FIXTURES[0]!, '--out-dir', '/tmp/x', '--format', 'xml')).code).toBe(2);
    expect((await runCli('export', PLAN_FIXTURES[0]!, '--out-dir', '/tmp/x', '--null-value', 'a,b')).code).toBe(2);
    expect(existsSync('/tmp/x/plans.csv')).toBe(false);
  });
});
