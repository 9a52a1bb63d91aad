#!/usr/bin/env node
// Extraction speed per format on the bundled seed plans (run `npm run build` first).
// Usage: node bench/extract.mjs [runs]   — prints ms per document (median of runs) and peak RSS.
import { readFileSync } from 'node:fs';
import { extractBuffer } from '../dist/pipeline.js';

const runs = Number(process.argv[2] ?? 5);
const seeds = ['khmelnytskyi-2026-2027-action-plan', 'khmelnytskyi-2021-2022-action-plan', 'kyiv-2025-2026-action-plan'];
const formats = [
  ['txt', 'fixtures/txt'],
  ['docx', 'fixtures/docx'],
  ['pdf', 'fixtures/pdf'],
];
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const rows = [];
for (const [format, dir] of formats) {
  for (const seed of seeds) {
    const bytes = readFileSync(`${dir}/${seed}.${format}`);
    const times = [];
    let summary = '';
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const { plan } = await extractBuffer(bytes, `${seed}.${format}`);
      times.push(performance.now() - t0);
      summary = `${plan.commitments.length}/${plan.commitments.reduce((n, c) => n + c.measures.length, 0)}`;
    }
    times.sort((a, b) => a - b);
    rows.push({ format, seed, 'commitments/measures': summary, 'median ms': Math.round(times[Math.floor(times.length / 2)]), 'first ms': Math.round(Math.max(...times)) });
  }
}
clearInterval(sample);
console.table(rows);
console.log(`peak RSS ${Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576)} MB over ${runs} runs per document`);
process.exit(0);
