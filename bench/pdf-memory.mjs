#!/usr/bin/env node
/**
 * PDF reader memory/throughput bench: a 300-page PDF made of a seed plan's pages repeated
 * (qpdf --empty --pages), read by the built reader (dist/), peak RSS sampled.
 *
 *   npm run build && node bench/pdf-memory.mjs [pages=300] [seed.pdf]
 *
 * Prints pages, seconds, pages/s and peak RSS (MB); exits 1 when the peak exceeds 300 MB.
 * Needs qpdf (apt-get install qpdf).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LIMIT_MB = 300;
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const wanted = Number(process.argv[2] ?? 300);
const seed = process.argv[3] ?? join(repo, 'fixtures', 'pdf', 'kyiv-2025-2026-action-plan.pdf');
const reader = join(repo, 'dist', 'readers', 'pdf', 'index.js');

if (!existsSync(reader)) {
  console.error('dist/readers/pdf/index.js not found: run `npm run build` first');
  process.exit(2);
}
try {
  execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('qpdf not found: apt-get install qpdf');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'pdf-memory-'));
try {
  const seedPages = Number(execFileSync('qpdf', ['--show-npages', seed]).toString().trim());
  const copies = Math.ceil(wanted / seedPages);
  const big = join(work, 'long.pdf');
  const sources = [];
  for (let i = 0; i < copies; i++) sources.push(seed, '1-z');
  execFileSync('qpdf', ['--empty', '--pages', ...sources, '--', join(work, 'all.pdf')]);
  execFileSync('qpdf', ['--empty', '--pages', join(work, 'all.pdf'), `1-${wanted}`, '--', big]);
  const bytes = new Uint8Array(readFileSync(big));

  const { readPdf } = await import(pathToFileURL(reader).href);
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = process.hrtime.bigint();
  const result = await readPdf(bytes, { file: 'long.pdf' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  // the kernel's high-water mark catches peaks between samples (Linux)
  try {
    const hwm = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
  } catch {
    // not Linux: sampled peak only
  }
  const tables = result.tree.children.filter((b) => b.type === 'table').length;
  const mb = peak / 1024 / 1024;
  console.log(
    JSON.stringify({
      seed: seed.split('/').pop(),
      pdfBytes: bytes.length,
      pages: result.pages,
      blocks: result.tree.children.length,
      tables,
      seconds: Number(seconds.toFixed(2)),
      pagesPerSecond: Number((result.pages / seconds).toFixed(1)),
      peakRssMB: Number(mb.toFixed(1)),
      limitMB: LIMIT_MB,
    }),
  );
  if (result.pages !== wanted) {
    console.error(`expected ${wanted} pages, read ${result.pages}`);
    process.exitCode = 1;
  }
  if (mb > LIMIT_MB) {
    console.error(`peak RSS ${mb.toFixed(1)} MB exceeds ${LIMIT_MB} MB`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
