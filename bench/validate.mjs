#!/usr/bin/env node
// Benchmark of `validate` on a large CSV, next to a bare csv-parse streaming read of the same file.
//
//   npm run build && node bench/validate.mjs [rows=1000000]
//
// Best of BENCH_RUNS (default 2) interleaved runs per mode. Generates a CSV (+ a Table Schema with types, pattern, enum, maxLength, a primary key) in a temp dir, then runs
// each measurement in its own Node process so peak memory is per run: peak RSS is sampled in-process every 20 ms
// (process.memoryUsage().rss) and, when /usr/bin/time exists, also taken from `time -v` (maximum resident set size).
// Not run by the tests (performance is measured, never asserted).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'validate', 'index.js');

// ---------------------------------------------------------------------------------------------------- child
if (process.argv[2] === '--child') {
  const [, , , mode, file, schema] = process.argv;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  }, 20);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let rows = 0;
  let issues = 0;
  if (mode === 'bare') {
    const { parse } = await import('csv-parse');
    await new Promise((resolve, reject) => {
      createReadStream(file)
        .pipe(parse({ relax_column_count: true }))
        .on('data', () => {
          rows++;
        })
        .on('end', resolve)
        .on('error', reject);
    });
    rows -= 1; // header
  } else {
    const { validatePaths } = await import(pathToFileURL(dist).href);
    const report = await validatePaths([file], mode === 'validate-nokeys' ? { schema: schema.replace('.json', '.nokeys.json') } : { schema });
    issues = report.errors.length;
    rows = Number(process.env.BENCH_ROWS);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(timer);
  const r = process.memoryUsage().rss;
  if (r > peak) peak = r;
  process.stdout.write(`${JSON.stringify({ rows, ms, cpuMs, peakRss: peak, issues })}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------- parent
if (!existsSync(dist)) {
  console.error(`bench/validate.mjs: ${dist} not found: run \`npm run build\` first`);
  process.exit(2);
}
const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'ogp-validate-bench-'));
const csv = join(dir, 'measures.csv');
const schema = join(dir, 'measures.table-schema.json');
const periodicity = ['Більш як один раз на день', 'Щодня', 'Щотижня', 'Щомісяця', 'Щокварталу', 'Кожного півріччя', 'Щороку'];
const fields = [
  { name: 'uid', type: 'string', constraints: { required: true } },
  { name: 'commitmentId', type: 'string', constraints: { required: true, pattern: '^C\\d+$' } },
  { name: 'title', type: 'string', constraints: { required: true, maxLength: 500 } },
  { name: 'publisherId', type: 'string', constraints: { pattern: '^\\d{8}$' } },
  { name: 'accrualPeriodicity', type: 'string', constraints: { enum: periodicity } },
  { name: 'startDate', type: 'date' },
  { name: 'endDate', type: 'date' },
  { name: 'budget', type: 'integer' },
  { name: 'share', type: 'number' },
  { name: 'url', type: 'string', format: 'uri' },
];
writeFileSync(schema, JSON.stringify({ fields, primaryKey: ['uid'], missingValues: ['', 'null'] }));
writeFileSync(schema.replace('.json', '.nokeys.json'), JSON.stringify({ fields, missingValues: ['', 'null'] }));

process.stdout.write(`generating ${ROWS.toLocaleString('en')} rows in ${csv} … `);
await new Promise((resolve, reject) => {
  const out = createWriteStream(csv);
  out.on('error', reject);
  out.write(`${fields.map((f) => f.name).join(',')}\n`);
  let i = 0;
  const pad = (n) => String(n).padStart(2, '0');
  const write = () => {
    let ok = true;
    while (i < ROWS && ok) {
      const m = 1 + (i % 12);
      const d = 1 + (i % 28);
      const line =
        `1417-2025-10-09-C${i % 40}.M${i},C${i % 40},"Захід ${i}: створення та запуск «Мапи доступності», етап ${i % 9}",` +
        `${String(4060714 + (i % 1000)).padStart(8, '0')},${periodicity[i % 7]},2026-${pad(m)}-${pad(d)},2027-${pad(m)}-${pad(d)},` +
        `${i * 13},${(i % 1000) / 10},https://khm.gov.ua/measures/${i}\n`;
      i++;
      ok = out.write(line);
    }
    if (i < ROWS) out.once('drain', write);
    else out.end(resolve);
  };
  write();
});
const size = statSync(csv).size;
console.log(`${(size / 2 ** 20).toFixed(1)} MiB`);

const hasTime = existsSync('/usr/bin/time');
function measure(mode) {
  const args = [fileURLToPath(import.meta.url), '--child', mode, csv, schema];
  const env = { ...process.env, BENCH_ROWS: String(ROWS) };
  const res = hasTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 24 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`${mode} failed: ${res.stderr}`);
  const data = JSON.parse(res.stdout.trim().split('\n').pop());
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr ?? '');
  data.maxRss = m ? Number(m[1]) * 1024 : null;
  return data;
}

const runs = [
  ['bare csv-parse (stream, count rows)', 'bare'],
  ['validate (types, constraints, primary key)', 'validate'],
  ['validate (types, constraints, no key sets)', 'validate-nokeys'],
];
// Best of RUNS (the machine may be shared); runs interleaved so a load spike does not hit one mode only.
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const best = new Map();
for (let k = 0; k < RUNS; k++) {
  for (const [, mode] of runs) {
    const r = measure(mode);
    const prev = best.get(mode);
    if (!prev || r.ms < prev.ms) best.set(mode, r);
  }
}
const results = runs.map(([label, mode]) => ({ label, ...best.get(mode) }));
const mb = (b) => (b === null ? '—' : (b / 2 ** 20).toFixed(0));
const rate = (r) => Math.round((ROWS / r.ms) * 1000);
// CPU time (user + system) of the run: less sensitive than wall time to other load on a shared machine.
const cpuRate = (r) => Math.round((ROWS / r.cpuMs) * 1000);
console.log('');
console.log(`| run | rows | wall s | CPU s | rows/s (wall) | rows/s (CPU) | MiB/s | peak RSS MiB (sampled) | max RSS MiB (time -v) | issues |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of results)
  console.log(
    `| ${r.label} | ${ROWS.toLocaleString('en')} | ${(r.ms / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${rate(r).toLocaleString('en')} | ${cpuRate(r).toLocaleString('en')} | ${(size / 2 ** 20 / (r.ms / 1000)).toFixed(1)} | ${mb(r.peakRss)} | ${mb(r.maxRss)} | ${r.issues} |`,
  );
const [bare, full, nokeys] = results;
const mem = (r) => r.maxRss ?? r.peakRss;
console.log('');
console.log(`throughput validate / bare csv-parse (wall): ${(rate(full) / rate(bare)).toFixed(2)} (with primary key), ${(rate(nokeys) / rate(bare)).toFixed(2)} (no key sets)`);
console.log(`throughput validate / bare csv-parse (CPU):  ${(cpuRate(full) / cpuRate(bare)).toFixed(2)} (with primary key), ${(cpuRate(nokeys) / cpuRate(bare)).toFixed(2)} (no key sets)`);
console.log(`peak memory validate / bare csv-parse: ${(mem(full) / mem(bare)).toFixed(2)} (with primary key), ${(mem(nokeys) / mem(bare)).toFixed(2)} (no key sets)`);
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
rmSync(dir, { recursive: true, force: true });
