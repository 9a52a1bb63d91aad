#!/usr/bin/env node
/**
 * The pdf.js floor: what the pdf.js call the PDF reader makes per page (getOperatorList: the page's text is
 * worked out from it, src/readers/pdf/optext.ts) costs on its own, in one process, with no ogp-extract code
 * after it. A Node tool that reads PDFs with pdf.js cannot be faster than this; `npm run bench`
 * (bench/run.mjs) runs it beside `ogp-extract extract` and `pdftotext -layout` so the ratios can be read
 * against it. `--calls text,operators` adds pdf.js's own text pass (getTextContent), as the reader made it
 * before it took the text from the operator list.
 *
 *   npm run build && node bench/pdfjs-floor.mjs [--calls operators|text|text,operators] FILE|FOLDER…
 *
 * pdf.js is loaded and each document opened as the reader does (dist/readers/pdf/pdfjs.js: legacy build, native
 * Array push, same-thread worker port, `documentParams()`). Prints one JSON line: files, pages, wall and CPU seconds.
 */
import { readFileSync } from 'node:fs';
import { pdfFiles } from './pdf-files.mjs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--calls');
const calls = new Set((at >= 0 ? args.splice(at, 2)[1] : 'operators').split(','));
const root = resolve(new URL('..', import.meta.url).pathname);
const files = pdfFiles(args);

const t0 = performance.now();
const c0 = process.cpuUsage();
const { getDocument, documentParams } = await import(pathToFileURL(join(root, 'dist/readers/pdf/pdfjs.js')).href);
let pages = 0;
for (const file of files) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), ...documentParams() }).promise;
  for (let p = 1; p <= doc.numPages; p += 1) {
    const page = await doc.getPage(p);
    if (calls.has('operators')) await page.getOperatorList();
    if (calls.has('text')) await page.getTextContent();
    page.cleanup();
    pages += 1;
  }
  await doc.destroy();
}
const cpu = process.cpuUsage(c0);
process.stdout.write(
  `${JSON.stringify({ files: files.length, pages, calls: [...calls], wall: +((performance.now() - t0) / 1000).toFixed(2), cpu: +((cpu.user + cpu.system) / 1e6).toFixed(2) })}\n`,
);
