#!/usr/bin/env node
/**
 * `npm run bench`: the whole performance picture in one command, beside `pdftotext -layout` and `pandoc -t markdown`
 * on the same files.
 *
 *   npm run bench [-- --copies 23 --sample 25 --jobs 2 --pages 300]
 *
 * Corpus (bench/.corpus/, kept out of git, built deterministically from the seed plans in fixtures/ and rebuilt
 * only when the seeds or the options change): the three seed plans as PDF, DOCX and TXT, `--copies` copies each
 * (default 23: 3 formats × 3 plans × 23 = 207 files), plus one `--pages`-page PDF (a seed's pages repeated with qpdf).
 *
 * Runs, each under /usr/bin/time (wall, CPU = user + sys of every process, peak RSS of the largest process):
 * - per format, the whole folder as one batch: `extract DIR --out-dir … --jobs 1` and `--jobs N` (N = cores), and the
 *   reference tool once per file (pdftotext for PDF, pandoc for DOCX); files/s, pages/s (PDF), ratios; the outputs of
 *   --jobs 1 and --jobs N are compared byte for byte;
 * - all 207 files as one mixed batch with --jobs 1 and --jobs N (outputs compared);
 * - per-file latency: `--sample` files per format, each in its own process (as a script calls one file), p50/p95;
 * - the pdf.js floor (bench/pdfjs-floor.mjs): the reader's pdf.js call per page (getOperatorList) alone, in 1 and in N processes;
 * - what two processes of a plain JavaScript load gain over one on this machine (bench/cores.mjs);
 * - the long PDF alone (peak RSS; the target is ≤ 300 MB), `--version` start-up (median of 7) and `node -e 0`.
 *
 * Writes bench/out/bench.json and bench/out/bench.md and prints the table. The load average is recorded: wall
 * times need an idle machine, CPU times hold under load. Never used by tests.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const copies = Number(opt('--copies', '23'));
const sample = Number(opt('--sample', '25'));
const jobsN = Number(opt('--jobs', String(availableParallelism())));
const longPages = Number(opt('--pages', '300'));
const cli = join(root, 'bin/ogp-extract.js');
const corpusDir = join(root, 'bench/.corpus');
const outDir = join(root, 'bench/out');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('/usr/bin/time')) {
  console.error('bench needs /usr/bin/time (Debian package `time`)');
  process.exit(2);
}
if (!existsSync(join(root, 'dist/cli/index.js'))) {
  console.error('dist/ not found: run `npm run build` first (npm run bench does)');
  process.exit(2);
}
const tools = { pdftotext: has('pdftotext'), pandoc: has('pandoc'), qpdf: has('qpdf'), pdfinfo: has('pdfinfo') };

// ---- corpus ----------------------------------------------------------------------------------------------
const PLANS = ['khmelnytskyi-2021-2022-action-plan', 'khmelnytskyi-2026-2027-action-plan', 'kyiv-2025-2026-action-plan'];
const FORMATS = ['pdf', 'docx', 'txt'];
const seeds = FORMATS.flatMap((format) => PLANS.map((plan) => ({ format, plan, path: join(root, 'fixtures', format, `${plan}.${format}`) })));
const fingerprint = createHash('sha256');
for (const s of seeds) fingerprint.update(readFileSync(s.path));
fingerprint.update(JSON.stringify({ copies, longPages, v: 1 }));
const manifestPath = join(corpusDir, 'manifest.json');
const wanted = fingerprint.digest('hex');
let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
if (manifest?.fingerprint !== wanted) {
  rmSync(corpusDir, { recursive: true, force: true });
  const files = [];
  for (const s of seeds) {
    mkdirSync(join(corpusDir, s.format), { recursive: true });
    for (let i = 1; i <= copies; i += 1) {
      const rel = join(s.format, `${s.plan}-${String(i).padStart(3, '0')}.${s.format}`);
      copyFileSync(s.path, join(corpusDir, rel));
      files.push({ file: rel, format: s.format, plan: s.plan });
    }
  }
  let long = null;
  if (tools.qpdf) {
    mkdirSync(join(corpusDir, 'long'), { recursive: true });
    const seed = join(root, 'fixtures/pdf/kyiv-2025-2026-action-plan.pdf');
    const n = Number(spawnSync('qpdf', ['--show-npages', seed], { encoding: 'utf8' }).stdout.trim());
    const sources = [];
    for (let i = 0; i < Math.ceil(longPages / n); i += 1) sources.push(seed, '1-z');
    const all = join(corpusDir, 'long', 'all.pdf');
    spawnSync('qpdf', ['--empty', '--deterministic-id', '--pages', ...sources, '--', all]);
    long = join('long', `kyiv-x${longPages}.pdf`);
    spawnSync('qpdf', ['--empty', '--deterministic-id', '--pages', all, `1-${longPages}`, '--', join(corpusDir, long)]);
    rmSync(all);
  }
  manifest = { fingerprint: wanted, files, long };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
}
const pagesOf = new Map();
const pages = (rel) => {
  if (!pagesOf.has(rel)) {
    const out = tools.pdfinfo ? spawnSync('pdfinfo', [join(corpusDir, rel)], { encoding: 'utf8' }).stdout : '';
    pagesOf.set(rel, Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? NaN));
  }
  return pagesOf.get(rel);
};
const byFormat = Object.fromEntries(FORMATS.map((f) => [f, manifest.files.filter((x) => x.format === f)]));
const pdfPages = byFormat.pdf.reduce((sum, x) => sum + pages(x.file), 0);

// ---- timing ----------------------------------------------------------------------------------------------
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
/** Run a shell command under /usr/bin/time: wall s, CPU s (user+sys, children included), peak RSS MB. */
function timed(command) {
  const file = join(outDir, 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-o', file, '-f', '%e %U %S %M', 'sh', '-c', `{ ${command}; } >/dev/null 2>&1`], { encoding: 'utf8' });
  const line = readFileSync(file, 'utf8').trim().split('\n').at(-1);
  const [wall, user, sys, rss] = line.split(' ').map(Number);
  return { wall, cpu: +(user + sys).toFixed(2), rssMb: Math.round(rss / 1024), exit: run.status };
}
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const listFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
const sameOutputs = (a, b) => {
  const fa = listFiles(a).map((f) => f.slice(a.length));
  const fb = listFiles(b).map((f) => f.slice(b.length));
  return JSON.stringify(fa) === JSON.stringify(fb) && fa.every((f) => readFileSync(a + f).equals(readFileSync(b + f)));
};

const results = { machine: {}, batches: [], perFile: [], long: null, version: null };
const ours = (input, out, jobs) => `node ${q(cli)} extract ${q(input)} --out-dir ${q(out)} --jobs ${jobs} --quiet`;
const REFERENCE = {
  pdf: tools.pdftotext ? { name: 'pdftotext -layout', cmd: (f) => `pdftotext -layout ${q(f)} -` } : null,
  docx: tools.pandoc ? { name: 'pandoc -t markdown', cmd: (f) => `pandoc -t markdown ${q(f)}` } : null,
  txt: null,
};

const log = (s) => process.stderr.write(`${s}\n`);
for (const format of FORMATS) {
  const files = byFormat[format];
  const nPages = format === 'pdf' ? pdfPages : null;
  const ref = REFERENCE[format];
  const refRun = ref ? timed(files.map((x) => ref.cmd(join(corpusDir, x.file))).join(' && ')) : null;
  const entry = { format, files: files.length, pages: nPages, reference: ref ? { tool: ref.name, ...refRun } : null, runs: [] };
  const outs = [];
  for (const jobs of [...new Set([1, jobsN])]) {
    log(`batch ${format} --jobs ${jobs} …`);
    const out = join(outDir, `${format}-j${jobs}`);
    outs.push(out);
    entry.runs.push({ jobs, ...timed(ours(join(corpusDir, format), out, jobs)) });
  }
  entry.identicalAcrossJobs = outs.length < 2 || sameOutputs(outs[0], outs[1]);
  results.batches.push(entry);
}
// The pdf.js floor (bench/pdfjs-floor.mjs): the reader's pdf.js call per page (getOperatorList) and nothing else, in one
// process, then in N processes at once over N shares of the files: the most any Node tool built on pdf.js
// could reach on this machine, for reading the ratios above.
{
  const floor = (files) => `node ${q(join(root, 'bench/pdfjs-floor.mjs'))} ${files.map((x) => q(join(corpusDir, x.file))).join(' ')}`;
  const files = byFormat.pdf;
  log('pdf.js floor …');
  const one = timed(floor(files));
  const shares = Array.from({ length: jobsN }, (_, k) => files.filter((_, i) => i % jobsN === k));
  const parallel = jobsN > 1 ? timed(`${shares.map((share) => `${floor(share)} &`).join(' ')} wait`) : null;
  results.pdfjsFloor = { files: files.length, pages: pdfPages, one, parallel, processes: jobsN };
}
// What a second core gives a plain JavaScript load on this machine (bench/cores.mjs), for reading the --jobs rows.
if (jobsN > 1) {
  log('cores …');
  const r = spawnSync('node', [join(root, 'bench/cores.mjs')], { encoding: 'utf8' });
  results.cores = r.status === 0 ? JSON.parse(r.stdout) : null;
}
log(`batch: all ${manifest.files.length} files, --jobs ${jobsN} …`);
const mixedOut = join(outDir, 'mixed');
const mixed = (jobs) => timed(`node ${q(cli)} extract ${FORMATS.map((f) => q(join(corpusDir, f))).join(' ')} --out-dir ${q(`${mixedOut}-j${jobs}`)} --jobs ${jobs} --quiet`);
results.mixed = { files: manifest.files.length, pages: pdfPages, jobs: jobsN, ...mixed(jobsN) };
if (jobsN > 1) {
  log(`batch: all ${manifest.files.length} files, --jobs 1 …`);
  results.mixed.one = mixed(1);
  results.mixed.identicalAcrossJobs = sameOutputs(`${mixedOut}-j1`, `${mixedOut}-j${jobsN}`);
}

// per-file latency, one process per file
for (const format of FORMATS) {
  const files = byFormat[format];
  const step = Math.max(1, Math.floor(files.length / sample));
  const picked = files.filter((_, i) => i % step === 0).slice(0, sample);
  log(`per file ${format} (${picked.length}) …`);
  const mine = picked.map((x) => timed(`node ${q(cli)} extract ${q(join(corpusDir, x.file))} -o ${q(join(outDir, 'one.json'))}`));
  const ref = REFERENCE[format];
  const theirs = ref ? picked.map((x) => timed(ref.cmd(join(corpusDir, x.file)))) : [];
  const stats = (runs) => (runs.length ? { p50: percentile(runs.map((r) => r.wall), 50), p95: percentile(runs.map((r) => r.wall), 95), cpuP50: percentile(runs.map((r) => r.cpu), 50), rssMb: Math.max(...runs.map((r) => r.rssMb)) } : null);
  results.perFile.push({ format, files: picked.length, ours: stats(mine), reference: ref ? { tool: ref.name, ...stats(theirs) } : null });
}

if (manifest.long) {
  log(`long PDF (${longPages} pages) …`);
  const long = join(corpusDir, manifest.long);
  results.long = {
    pages: pages(manifest.long),
    ours: timed(`node ${q(cli)} extract ${q(long)} -o ${q(join(outDir, 'long.json'))}`),
    reference: tools.pdftotext ? timed(`pdftotext -layout ${q(long)} -`) : null,
  };
}
const versions = Array.from({ length: 7 }, () => timed(`node ${q(cli)} --version`)).sort((a, b) => a.wall - b.wall);
results.version = versions[3];
// Node's own start-up, the floor of every one-file run.
results.nodeStart = Array.from({ length: 7 }, () => timed('node -e 0')).sort((a, b) => a.wall - b.wall)[3];
results.machine = {
  node: process.version,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? '',
  loadAverageAfter: loadavg().map((l) => +l.toFixed(2)),
  tools: Object.fromEntries(Object.entries(tools).filter(([, v]) => v).map(([k]) => [k, true])),
  corpus: { copies, files: manifest.files.length, pdfPages, longPages: results.long?.pages ?? null },
};

// ---- report ----------------------------------------------------------------------------------------------
const f2 = (n) => (n == null || Number.isNaN(n) ? '—' : n.toFixed(2));
const ratio = (a, b) => (a == null || b == null || !b ? '—' : `${(a / b).toFixed(2)}×`);
const lines = [];
lines.push(`Node ${process.version}, ${results.machine.cores} cores (${results.machine.cpu}); load average after the run ${results.machine.loadAverageAfter.join(' ')}.`);
lines.push(`Corpus: ${manifest.files.length} files (3 seed plans × PDF/DOCX/TXT × ${copies} copies; ${pdfPages} PDF pages) + a ${results.long?.pages ?? '—'}-page PDF.`, '');
lines.push('| batch (one command per folder) | files | wall s | CPU s | files/s | pages/s | peak RSS MB | wall × reference | CPU × reference | outputs --jobs 1 = --jobs N |');
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const b of results.batches) {
  const ref = b.reference;
  if (ref) lines.push(`| ${ref.tool}, ${b.format.toUpperCase()} (once per file) | ${b.files} | ${f2(ref.wall)} | ${f2(ref.cpu)} | ${f2(b.files / ref.wall)} | ${b.pages ? f2(b.pages / ref.wall) : '—'} | ${ref.rssMb} | | | |`);
  for (const r of b.runs) {
    lines.push(
      `| ogp-extract, ${b.format.toUpperCase()}, --jobs ${r.jobs} | ${b.files} | ${f2(r.wall)} | ${f2(r.cpu)} | ${f2(b.files / r.wall)} | ${b.pages ? f2(b.pages / r.wall) : '—'} | ${r.rssMb} | ${ratio(r.wall, ref?.wall)} | ${ratio(r.cpu, ref?.cpu)} | ${r.jobs === 1 ? '' : b.identicalAcrossJobs ? 'yes' : '**no**'} |`,
    );
  }
  if (b.runs.length > 1) lines.push(`| speed-up --jobs ${b.runs[1].jobs} / --jobs 1, ${b.format.toUpperCase()} | | ${ratio(b.runs[0].wall, b.runs[1].wall)} | | | | | | | |`);
}
const fl = results.pdfjsFloor;
if (fl) {
  const ref = results.batches.find((b) => b.format === 'pdf')?.reference;
  lines.push(`| pdf.js alone (getOperatorList per page, what the reader asks of it; no ogp-extract code), 1 process | ${fl.files} | ${f2(fl.one.wall)} | ${f2(fl.one.cpu)} | ${f2(fl.files / fl.one.wall)} | ${f2(fl.pages / fl.one.wall)} | ${fl.one.rssMb} | ${ratio(fl.one.wall, ref?.wall)} | ${ratio(fl.one.cpu, ref?.cpu)} | |`);
  if (fl.parallel) {
    lines.push(`| pdf.js alone, ${fl.processes} processes at once (1/${fl.processes} of the files each) | ${fl.files} | ${f2(fl.parallel.wall)} | ${f2(fl.parallel.cpu)} | ${f2(fl.files / fl.parallel.wall)} | ${f2(fl.pages / fl.parallel.wall)} | ${fl.parallel.rssMb} | ${ratio(fl.parallel.wall, ref?.wall)} | ${ratio(fl.parallel.cpu, ref?.cpu)} | |`);
    lines.push(`| speed-up ${fl.processes} processes / 1, pdf.js alone | | ${ratio(fl.one.wall, fl.parallel.wall)} | | | | | | | |`);
  }
}
const m = results.mixed;
if (m.one) lines.push(`| ogp-extract, all formats, --jobs 1 | ${m.files} | ${f2(m.one.wall)} | ${f2(m.one.cpu)} | ${f2(m.files / m.one.wall)} | — | ${m.one.rssMb} | | | |`);
lines.push(`| ogp-extract, all formats, --jobs ${m.jobs} | ${m.files} | ${f2(m.wall)} | ${f2(m.cpu)} | ${f2(m.files / m.wall)} | — | ${m.rssMb} | | | ${m.one ? (m.identicalAcrossJobs ? 'yes' : '**no**') : ''} |`);
if (m.one) lines.push(`| speed-up --jobs ${m.jobs} / --jobs 1, all formats | | ${ratio(m.one.wall, m.wall)} | | | | | | | |`);
lines.push('');
lines.push('| one file per process | files | ogp-extract p50 / p95 s | reference p50 / p95 s | p50 × reference | CPU p50 s (ours / reference) | peak RSS MB (ours / reference) |');
lines.push('| --- | --- | --- | --- | --- | --- | --- |');
for (const p of results.perFile) {
  const r = p.reference;
  lines.push(`| ${p.format.toUpperCase()}${r ? ` vs ${r.tool}` : ''} | ${p.files} | ${f2(p.ours.p50)} / ${f2(p.ours.p95)} | ${r ? `${f2(r.p50)} / ${f2(r.p95)}` : '—'} | ${ratio(p.ours.p50, r?.p50)} | ${f2(p.ours.cpuP50)} / ${r ? f2(r.cpuP50) : '—'} | ${p.ours.rssMb} / ${r ? r.rssMb : '—'} |`);
}
if (results.long) {
  const { ours: o, reference: r, pages: n } = results.long;
  lines.push('', `Long PDF (${n} pages): ogp-extract ${f2(o.wall)} s wall, ${f2(o.cpu)} s CPU, ${f2(n / o.wall)} pages/s, peak RSS ${o.rssMb} MB (exit ${o.exit})${r ? `; pdftotext -layout ${f2(r.wall)} s, ${r.rssMb} MB` : ''}.`);
}
if (results.cores) {
  const c = results.cores;
  lines.push(`A plain JavaScript load with no I/O (\`bench/cores.mjs\`): ${f2(c.alone)} s alone, ${f2(c.together)} s for two at once: speed-up ${f2(c.speedUp)}× from two processes.`);
}
lines.push(`\`--version\`: ${f2(results.version.wall)} s wall, ${f2(results.version.cpu)} s CPU (median of 7); Node's own start-up (\`node -e 0\`) ${f2(results.nodeStart.wall)} s.`);
const md = `${lines.join('\n')}\n`;
writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, 'bench.md'), md);
for (const b of results.batches) for (const r of b.runs) rmSync(join(outDir, `${b.format}-j${r.jobs}`), { recursive: true, force: true });
for (const jobs of new Set([1, jobsN])) rmSync(`${mixedOut}-j${jobs}`, { recursive: true, force: true });
process.stdout.write(md);
process.stdout.write(`\nwritten: bench/out/bench.json, bench/out/bench.md\n`);
