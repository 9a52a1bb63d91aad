#!/usr/bin/env node
// OCR of whole scanned plans (fixtures/ocr/*-scan.pdf, made by fixtures/ocr/make-scan.mjs)
// against the text PDFs of the same plans: seconds per page and the accuracy per field (term,
// executors, title, result; start and end) over all their measures.
// Needs tesseract-ocr + tesseract-ocr-ukr + poppler-utils, and `npm run build` first.
// Usage: node bench/ocr.mjs [scan.pdf reference.pdf]   (default: the three scanned fixtures)
import { readFileSync } from 'node:fs';
import { extractBuffer } from '../dist/pipeline.js';
import { ocrAvailable, OCR_DPI, OCR_LANGUAGES } from '../dist/readers/ocr/index.js';

if (!(await ocrAvailable())) {
  console.error('OCR is not available: apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils');
  process.exit(1);
}
const cases = process.argv[3]
  ? [[process.argv[2], process.argv[3]]]
  : [
      ['fixtures/ocr/khmelnytskyi-2026-2027-scan.pdf', 'fixtures/pdf/khmelnytskyi-2026-2027-action-plan.pdf'],
      ['fixtures/ocr/l02-fullwidth-rows-landscape-scan.pdf', 'fixtures/layouts/pdf/l02-fullwidth-rows-landscape.pdf'],
      ['fixtures/ocr/l05-split-start-end-scan.pdf', 'fixtures/layouts/pdf/l05-split-start-end.pdf'],
    ];
// the comparison lives with the tests (TypeScript); a small copy of its rules here
const fold = (s) => (s ?? '').normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}
const similar = (a, b, tol = 0.1) => {
  const x = fold(a);
  const y = fold(b);
  return x === '' || y === '' ? x === y : distance(x, y) <= tol * Math.max(x.length, y.length);
};

let allPages = 0;
let allSeconds = 0;
for (const [scanFile, refFile] of cases) {
  const ref = (await extractBuffer(readFileSync(refFile), 'reference.pdf', { ocr: 'off' })).plan;
  const t0 = performance.now();
  const { plan } = await extractBuffer(readFileSync(scanFile), 'scan.pdf', { ocr: 'auto' });
  const seconds = (performance.now() - t0) / 1000;
  const pages = plan.source.pages ?? 1;
  const refs = ref.commitments.flatMap((c) => c.measures);
  const pool = plan.commitments.flatMap((c) => c.measures);
  const score = { found: 0, term: 0, executors: 0, title: 0, result: 0, start: 0, end: 0, correct: 0 };
  const misses = [];
  for (const r of refs) {
    let best;
    let bestD = Infinity;
    for (const m of pool) {
      const d = distance(fold(r.title), fold(m.title)) / Math.max(1, fold(r.title).length);
      if (d < bestD) [best, bestD] = [m, d];
    }
    if (!best || bestD > 0.3) {
      misses.push(`${r.id}: not found`);
      continue;
    }
    score.found++;
    const ok = {
      title: similar(r.title, best.title),
      executors: r.executors.length === best.executors.length && r.executors.every((e) => best.executors.some((o) => similar(e.name, o.name, 0.15))),
      start: r.term.start === best.term.start,
      end: r.term.end === best.term.end,
      result: similar(r.result, best.result),
    };
    for (const k of Object.keys(ok)) if (ok[k]) score[k]++;
    if (ok.start && ok.end) score.term++;
    if (ok.executors && ok.start && ok.end) score.correct++;
    const wrong = Object.keys(ok).filter((k) => !ok[k]);
    if (wrong.length) misses.push(`${r.id}: ${wrong.join(', ')} differ`);
  }
  const pct = (n) => `${n}/${refs.length} (${Math.round((100 * n) / refs.length)}%)`;
  console.log(`${scanFile}: ${pages} pages in ${seconds.toFixed(1)} s (${(seconds / pages).toFixed(1)} s/page, ${OCR_DPI} dpi, tesseract -l ${OCR_LANGUAGES}, a cell at a time)`);
  allPages += pages;
  allSeconds += seconds;
  console.log(`measures found ${pct(score.found)}, correct term + executors ${pct(score.correct)}`);
  for (const k of ['term', 'executors', 'title', 'result', 'start', 'end']) console.log(`  ${k.padEnd(10)} ${pct(score[k])}`);
  for (const m of misses) console.log(`  ${m}`);
  console.log(`warnings: ${plan.messages.filter((m) => m.code === 'ocr-low-confidence').length} ocr-low-confidence cells`);
}
console.log(`all: ${allPages} pages in ${allSeconds.toFixed(1)} s (${(allSeconds / allPages).toFixed(1)} s/page; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
