#!/usr/bin/env node
/**
 * PDF reader CPU bench: the built reader (dist/, or the dist/ of another checkout for a before/after) reads one PDF
 * many times in one process; prints CPU ms per document (user + sys of the process, median of the rounds) and, with
 * --split, how much of it is pdf.js (the same getOperatorList, and getTextContent for a build older than the one-pass text, per page without our layout) so the
 * reader's own share shows. Machine load changes the figures: compare two builds by running them back to back,
 * several times (`--dist A --dist B` alternates them round by round).
 *
 *   npm run build && node bench/pdf-read.mjs [--rounds 7] [--docs 6] [--split] [--dist path/to/dist ...] [file.pdf]
 *
 * Never used by tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dists = args.flatMap((a, i) => (args[i - 1] === '--dist' ? [resolve(a)] : []));
if (dists.length === 0) dists.push(join(here, '..', 'dist'));
const rounds = Number(opt('--rounds', '7'));
const docs = Number(opt('--docs', '6'));
const split = args.includes('--split');
const file = args.filter((a, i) => a.endsWith('.pdf') && !['--dist'].includes(args[i - 1])).at(0) ?? join(here, '..', 'fixtures', 'pdf', 'kyiv-2025-2026-action-plan.pdf');
const data = readFileSync(file);

const readers = [];
for (const dist of dists) {
  const { readPdf } = await import(pathToFileURL(join(dist, 'readers', 'pdf', 'index.js')).href);
  const { getDocument, FONT_SINK_DOCUMENT } = await import(pathToFileURL(join(dist, 'readers', 'pdf', 'pdfjs.js')).href);
  // pdf.js as that build's reader calls it: fonts to a dropping document when the build has one
  const fonts = FONT_SINK_DOCUMENT ? { disableFontFace: false, ownerDocument: FONT_SINK_DOCUMENT } : { disableFontFace: true };
  const hasOptext = existsSync(join(dist, 'readers', 'pdf', 'optext.js'));
  readers.push({ dist, readPdf, getDocument, fonts, hasOptext, times: [], pdfjs: [] });
}

const cpu = async (fn) => {
  const c0 = process.cpuUsage();
  for (let i = 0; i < docs; i++) await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / docs;
};

/** pdf.js alone: what the reader asks of it, page by page. */
async function pdfjsOnly(getDocument, fonts, hasOptext) {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, useSystemFonts: false, fontExtraProperties: true, ...fonts }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getOperatorList();
    // a build that reads the text from the operator list (src/readers/pdf/optext.ts) makes no second call
    if (!hasOptext) await page.getTextContent();
    page.cleanup();
  }
  await doc.destroy();
}

// warm-up round (compilation), then measured rounds, the builds alternating
for (const r of readers) await r.readPdf(new Uint8Array(data), { ocr: 'off' });
for (let k = 0; k < rounds; k++) {
  for (const r of readers) {
    r.times.push(await cpu(() => r.readPdf(new Uint8Array(data), { ocr: 'off' })));
    if (split) r.pdfjs.push(await cpu(() => pdfjsOnly(r.getDocument, r.fonts, r.hasOptext)));
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of readers) {
  const line = [`${r.dist}: read ${median(r.times).toFixed(1)} ms CPU/doc`];
  if (split) line.push(`pdf.js alone ${median(r.pdfjs).toFixed(1)}`, `reader's own ≈ ${(median(r.times) - median(r.pdfjs)).toFixed(1)}`);
  console.log(`${line.join(', ')} (median of ${rounds} rounds × ${docs} docs)`);
}
