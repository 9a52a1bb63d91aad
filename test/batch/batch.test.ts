import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, globToRegExp, parseShard, shard } from '../../src/batch/inputs.js';
import { extractFile, planJson } from '../../src/pipeline.js';
import { fixture, runCli, tempDir } from '../helpers.js';

const txt = (name: string): string => fixture('txt', name);
const K2026 = 'khmelnytskyi-2026-2027-action-plan';
const KYIV = 'kyiv-2025-2026-action-plan';

/** A folder of plans in sub-folders, with a data file and a hidden file that are not documents. */
function corpus(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'plans', '2025'), { recursive: true });
  mkdirSync(join(dir, 'plans', '2026'), { recursive: true });
  copyFileSync(txt(`${KYIV}.txt`), join(dir, 'plans', '2025', `${KYIV}.txt`));
  copyFileSync(fixture('docx', `${KYIV}.docx`), join(dir, 'plans', '2025', `${KYIV}.docx`));
  copyFileSync(txt(`${K2026}.txt`), join(dir, 'plans', '2026', `${K2026}.txt`));
  copyFileSync(fixture('pdf', `${K2026}.pdf`), join(dir, 'plans', '2026', 'scan.pdf'));
  writeFileSync(join(dir, 'plans', 'list.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'plans', '.hidden.txt'), 'x');
  return dir;
}

function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('batch inputs', () => {
  it('a folder is read recursively, documents chosen by content; hidden and data files are skipped', async () => {
    const dir = corpus();
    const { files, skipped, expanded } = await expandInputs([join(dir, 'plans')]);
    expect(expanded).toBe(true);
    expect(files.map((f) => f.stem)).toEqual([`2025/${KYIV}`, `2025/${KYIV}`, `2026/${K2026}`, '2026/scan']);
    expect(skipped).toEqual([join(dir, 'plans', 'list.csv')]);
  });

  it('patterns: ** across folders, * within a name, {a,b}; a pattern matching nothing is reported', async () => {
    expect(globToRegExp('**/*.{pdf,docx}').test('a/b/c.pdf')).toBe(true);
    expect(globToRegExp('*.pdf').test('a/c.pdf')).toBe(false);
    const dir = corpus();
    const { files } = await expandInputs([join(dir, 'plans', '**', '*.txt')]);
    expect(files.map((f) => f.stem)).toEqual([`2025/${KYIV}`, `2026/${K2026}`]);
    expect((await expandInputs([join(dir, 'nothing-*.pdf')])).missing).toHaveLength(1);
  });

  it('--shard K/N: disjoint shares whose union is the whole batch', async () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `p${i}`, stem: `p${i}` }));
    const shares = [1, 2, 3].map((k) => shard(files, k, 3));
    expect(shares.flat().map((f) => f.stem).sort()).toEqual(files.map((f) => f.stem).sort());
    expect(shares.every((s) => s.length > 0)).toBe(true);
    expect(parseShard('2/3')).toEqual({ k: 2, n: 3 });
    expect(parseShard('4/3')).toBeNull();
  });
});

describe('extract batches', () => {
  it('a folder: one JSON per document, sub-folders kept, plan.txt/plan.docx both kept; summary JSON', async () => {
    const dir = corpus();
    const out = join(dir, 'out');
    const run = await runCli('extract', join(dir, 'plans'), '--out-dir', out, '--summary', join(dir, 'summary.json'));
    expect(run.code).toBe(0);
    expect(tree(out)).toEqual([`2025/${KYIV}.docx.json`, `2025/${KYIV}.txt.json`, `2026/${K2026}.json`, '2026/scan.json']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    // Every seed leaves some decision or commitment field unstated, which is a warning (issue #10).
    expect(summary.counts).toEqual({ files: 4, converted: 4, withWarnings: 4, failed: 0, unchanged: 0, skipped: 1 });
    expect(summary.totals.commitments).toBeGreaterThan(0);
    expect(summary.files.map((f: { status: string }) => f.status)).toEqual(['warnings', 'warnings', 'warnings', 'warnings']);
    expect(run.stderr).toMatch(/^summary: 4 files: 4 converted \(4 with warnings\), 0 failed, 1 not documents \(skipped\)$/m);
  });

  it('outputs, ids, messages and the summary are the same with --jobs 1 and --jobs 2', async () => {
    const dir = corpus();
    const news = txt('khmelnytskyi-coordination-council-news.txt');
    copyFileSync(news, join(dir, 'plans', '2026', 'news.txt'));
    const runs = [];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out${jobs}`);
      const run = await runCli('extract', join(dir, 'plans'), '--out-dir', out, '--jobs', jobs, '--summary', join(dir, `s${jobs}.json`));
      expect(run.code).toBe(1);
      runs.push({ run, out, files: tree(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]) });
    }
    const [a, b] = runs;
    expect(a!.files).toEqual(b!.files);
    const strip = (s: string, out: string): string => s.replaceAll(out, 'OUT').replace(/^time: .*$/m, '');
    expect(strip(a!.run.stderr, a!.out)).toBe(strip(b!.run.stderr, b!.out));
    expect(strip(readFileSync(join(dir, 's1.json'), 'utf8'), a!.out)).toBe(strip(readFileSync(join(dir, 's2.json'), 'utf8'), b!.out));
    expect(a!.run.stderr).toMatch(/^ {2}.*news\.txt: no action plan found/m);
  });

  it('a batch worker reads a DOCX end to end in its own thread: the same plan as the library, the same error for a broken one', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (const name of [`${KYIV}.docx`, 'vmerge-executors.docx', 'tracked-changes.docx']) copyFileSync(fixture('docx', name), join(dir, 'in', name));
    // a truncated DOCX: the unzip fails inside the batch worker
    const good = readFileSync(fixture('docx', `${KYIV}.docx`));
    writeFileSync(join(dir, 'in', 'broken.docx'), good.subarray(0, Math.floor(good.length / 2)));
    const out = join(dir, 'out');
    const run = await runCli('extract', join(dir, 'in'), '--out-dir', out, '--jobs', '1');
    expect(run.code).toBe(1);
    for (const name of [`${KYIV}.docx`, 'vmerge-executors.docx', 'tracked-changes.docx']) {
      const { plan } = await extractFile(join(dir, 'in', name));
      expect(readFileSync(join(out, name.replace(/\.docx$/, '.json')), 'utf8')).toBe(planJson(plan));
    }
    const library = await extractFile(join(dir, 'in', 'broken.docx')).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(library).toMatch(/cannot read DOCX/);
    expect(run.stderr).toContain(library);
  });

  it('--incremental: unchanged inputs are skipped on a re-run; a changed one is converted again', async () => {
    const dir = corpus();
    const out = join(dir, 'out');
    const first = await runCli('extract', join(dir, 'plans'), '--out-dir', out, '--incremental');
    expect(first.code).toBe(0);
    const target = join(out, '2026', `${K2026}.json`);
    const before = statSync(target).mtimeMs;
    writeFileSync(join(dir, 'plans', '2025', `${KYIV}.txt`), `${readFileSync(txt(`${KYIV}.txt`), 'utf8')}\n`);
    const second = await runCli('extract', join(dir, 'plans'), '--out-dir', out, '--incremental', '--summary', join(dir, 's.json'));
    expect(second.code).toBe(0);
    expect(statSync(target).mtimeMs).toBe(before);
    const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(summary.files.map((f: { status: string }) => f.status)).toEqual(['unchanged', 'warnings', 'unchanged', 'unchanged']);
    expect(summary.totals.commitments).toBeGreaterThan(0);
    expect(readdirSync(out)).toContain('.ogp-extract-state.json');
  });

  it('every file has a time and a memory limit: it fails alone with the reason, the run ends', async () => {
    const dir = tempDir();
    const t = await runCli('extract', txt(`${KYIV}.txt`), txt(`${K2026}.txt`), '--out-dir', join(dir, 't'), '--timeout', '0.001');
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('took longer than 1 ms; stopped');
    const m = await runCli('extract', txt(`${KYIV}.txt`), '-o', join(dir, 'm.json'), '--max-memory', '2');
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('needs more than 2 MB of memory; stopped');
    expect(existsSync(join(dir, 'm.json'))).toBe(false);
  });

  it('usage: a folder without --out-dir, bad --jobs / --shard / --timeout exit 2', async () => {
    const dir = corpus();
    expect((await runCli('extract', join(dir, 'plans'))).code).toBe(2);
    expect((await runCli('extract', txt(`${KYIV}.txt`), '--jobs', '0')).code).toBe(2);
    expect((await runCli('extract', txt(`${KYIV}.txt`), '--shard', '3/2')).code).toBe(2);
    expect((await runCli('extract', txt(`${KYIV}.txt`), '--timeout', 'x')).code).toBe(2);
    expect((await runCli('extract', txt(`${KYIV}.txt`), '--incremental')).code).toBe(2);
  });
});

describe('export batches', () => {
  it('a folder of documents and plan JSON exports the same dataset with --jobs 1 and 2', async () => {
    const dir = corpus();
    // The same plan twice is refused by the export: keep one copy of each.
    rmSync(join(dir, 'plans', '2025', `${KYIV}.docx`));
    rmSync(join(dir, 'plans', '2026', `${K2026}.txt`));
    copyFileSync(fixture('plans', readdirSync(fixture('plans')).find((f) => f.endsWith('.json'))!), join(dir, 'plans', 'extra.json'));
    const outs = [];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `ds${jobs}`);
      const run = await runCli('export', join(dir, 'plans'), '--out-dir', out, '--jobs', jobs);
      expect(run.stderr).not.toMatch(/^error:/m);
      expect(run.code).toBe(0);
      outs.push(tree(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    }
    expect(outs[0]).toEqual(outs[1]);
  });
});
