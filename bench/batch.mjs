#!/usr/bin/env node
/**
 * Batch benchmark: ogp-extract against `pdftotext -layout` (poppler-utils) and `pandoc -t markdown` on the
 * same files, one run each, wall and CPU time (user + sys of every process) and peak RSS from /usr/bin/time.
 *
 *   npm run build && node bench/batch.mjs [--copies 24] [--cli bin/ogp-extract.js] [--legacy]
 *
 * Corpus: N copies of the Kyiv plan PDF (26 pages) and N copies of the Kyiv plan DOCX, in a temporary folder.
 * ogp-extract runs as one batch (`extract <files> --out-dir`) with --jobs 1 and --jobs 2; pdftotext and pandoc
 * run once per file, as a script would call them. `--cli` points at another build (e.g. an older checkout's
 * bin/ogp-extract.js) and `--legacy` runs it without --jobs (for versions before batches): before/after figures.
 * Also: `--version` start-up time and a single DOCX against pandoc. Timings vary with the machine's load: compare
 * ratios from one run. Never used by tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const copies = Number(opt('--copies', '24'));
const cli = resolve(opt('--cli', 'bin/ogp-extract.js'));
const legacy = args.includes('--legacy');
const root = new URL('..', import.meta.url).pathname;

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('/usr/bin/time')) {
  console.error('bench needs /usr/bin/time (Debian package `time`)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'ogp-bench-'));
const corpus = { pdf: [], docx: [] };
for (const [format, source] of [
  ['pdf', join(root, 'fixtures/pdf/kyiv-2025-2026-action-plan.pdf')],
  ['docx', join(root, 'fixtures/docx/kyiv-2025-2026-action-plan.docx')],
]) {
  mkdirSync(join(dir, format));
  for (let i = 1; i <= copies; i += 1) {
    const path = join(dir, format, `kyiv-${String(i).padStart(3, '0')}.${format}`);
    copyFileSync(source, path);
    corpus[format].push(path);
  }
}

/** Run a shell command under /usr/bin/time: wall s, CPU s (user+sys, children included), peak RSS MB. */
function timed(command) {
  const file = join(dir, 'time.txt');
  const out = spawnSync('/usr/bin/time', ['-o', file, '-f', '%e %U %S %M', 'sh', '-c', `{ ${command}; } >/dev/null 2>&1`], { encoding: 'utf8' });
  const line = readFileSync(file, 'utf8').trim().split('\n').at(-1);
  const [wall, user, sys, rss] = line.split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rss / 1024, status: out.status };
}

const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const rows = [];
const add = (name, files, r, base) =>
  rows.push({
    run: name,
    files,
    'wall s': r.wall.toFixed(2),
    'CPU s': r.cpu.toFixed(2),
    'CPU %': Math.round((100 * r.cpu) / Math.max(r.wall, 0.01)),
    'files/s': (files / Math.max(r.wall, 0.01)).toFixed(1),
    'peak RSS MB (one process)': Math.round(r.rss),
    'wall ×': base ? (r.wall / base.wall).toFixed(2) : '',
    'CPU ×': base ? (r.cpu / base.cpu).toFixed(2) : '',
    exit: r.status,
  });

const ours = (files, jobs) =>
  `node ${q(cli)} extract ${files.map(q).join(' ')} --out-dir ${q(join(dir, `out-${jobs}`))}${legacy ? '' : ` --jobs ${jobs} --quiet`}`;

// PDF batch
const pdftotext = has('pdftotext') ? timed(corpus.pdf.map((f) => `pdftotext -layout ${q(f)} -`).join(' && ')) : null;
if (pdftotext) add('pdftotext -layout (per file)', copies, pdftotext);
for (const jobs of legacy ? [1] : [1, 2]) {
  rmSync(join(dir, `out-${jobs}`), { recursive: true, force: true });
  add(`ogp-extract PDF${legacy ? '' : ` --jobs ${jobs}`}`, copies, timed(ours(corpus.pdf, jobs)), pdftotext);
}

// DOCX batch
const pandoc = has('pandoc') ? timed(corpus.docx.map((f) => `pandoc -t markdown ${q(f)}`).join(' && ')) : null;
if (pandoc) add('pandoc -t markdown (per file)', copies, pandoc);
for (const jobs of legacy ? [1] : [1, 2]) {
  rmSync(join(dir, `out-${jobs}`), { recursive: true, force: true });
  add(`ogp-extract DOCX${legacy ? '' : ` --jobs ${jobs}`}`, copies, timed(ours(corpus.docx, jobs)), pandoc);
}

// One DOCX, and start-up
const one = corpus.docx[0];
const pandocOne = pandoc ? timed(`pandoc -t markdown ${q(one)}`) : null;
if (pandocOne) add('pandoc, one DOCX', 1, pandocOne);
add('ogp-extract, one DOCX', 1, timed(`node ${q(cli)} extract ${q(one)}`), pandocOne);
const version = [1, 2, 3, 4, 5].map(() => timed(`node ${q(cli)} --version`)).sort((a, b) => a.wall - b.wall)[2];
add('ogp-extract --version (median of 5)', 0, version);

console.log(`ogp-extract: ${cli}${legacy ? ' (legacy: no --jobs)' : ''}; ${copies} copies of each file; node ${process.version}`);
if (!pandoc) console.log('pandoc not installed: DOCX ratios missing (apt-get install pandoc)');
console.table(rows);
console.log(`load average while running: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (wall times need an idle machine; CPU times hold under load)`);
try {
  console.log(`pdftotext: ${execFileSync('pdftotext', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0] ?? ''}`);
} catch {
  /* version goes to stderr on some builds */
}
rmSync(dir, { recursive: true, force: true });
