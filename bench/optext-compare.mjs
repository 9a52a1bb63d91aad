#!/usr/bin/env node
/**
 * The PDF reader's one-pass text (src/readers/pdf/optext.ts) against pdf.js's own getTextContent, on any PDFs:
 * page by page, the items of both, compared. Run it on a varied corpus, e.g. pdf.js's own test PDFs
 * (github.com/mozilla/pdf.js, test/pdfs/*.pdf), to see where the port and pdf.js part.
 *
 *   npm run build && node bench/optext-compare.mjs [--pages 4] FILE|FOLDER…
 *
 * Per page: `same` (identical items), `near` (identical text, positions within 1e-3 — the operator list keeps
 * text matrices as 32-bit floats), `diff` (text or item boundaries differ; printed), `fallback` (the port leaves
 * the page to pdf.js: vertical or Type3 fonts, right-to-left text …). Prints one JSON line of totals at the end.
 */
import { readFileSync } from 'node:fs';
import { pdfFiles } from './pdf-files.mjs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const at = args.indexOf('--pages');
const maxPages = at >= 0 ? Number(args.splice(at, 2)[1]) : Infinity;
const files = pdfFiles(args);
const { getDocument, documentParams } = await import(pathToFileURL(join(root, 'dist/readers/pdf/pdfjs.js')).href);
const { textFromOperators } = await import(pathToFileURL(join(root, 'dist/readers/pdf/optext.js')).href);

const close = (a, b) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(a), Math.abs(b));
const near = (x, y) => x.str === y.str && x.fontName === y.fontName && close(x.width, y.width) && x.transform.every((v, i) => close(v, y.transform[i]));
const totals = { files: 0, pages: 0, same: 0, near: 0, diff: 0, fallback: 0, unreadable: 0 };
for (const file of files) {
  totals.files++;
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), ...documentParams() }).promise.catch(() => null);
  if (!doc) {
    totals.unreadable++;
    continue;
  }
  for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
    try {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      const content = await page.getTextContent();
      const theirs = content.items.filter((x) => 'str' in x && x.str.trim() !== '');
      const ours = textFromOperators(ops, (name) => (page.commonObjs.has(name) ? page.commonObjs.get(name) : undefined), page.view);
      totals.pages++;
      if (!ours) totals.fallback++;
      else if (ours.length === theirs.length && ours.every((x, i) => JSON.stringify(x) === JSON.stringify({ str: theirs[i].str, transform: theirs[i].transform, width: theirs[i].width, fontName: theirs[i].fontName })))
        totals.same++;
      else if (ours.length === theirs.length && ours.every((x, i) => near(x, theirs[i]))) totals.near++;
      else {
        totals.diff++;
        let k = 0;
        while (k < Math.min(ours.length, theirs.length) && near(ours[k], theirs[k])) k++;
        console.log(`diff ${file} page ${n}: ${ours.length} items against ${theirs.length}; first difference at item ${k}`);
        console.log(`  ours:   ${JSON.stringify(ours[k]?.str)}`);
        console.log(`  pdf.js: ${JSON.stringify(theirs[k]?.str)}`);
      }
      page.cleanup();
    } catch {
      totals.unreadable++;
    }
  }
  await doc.destroy().catch(() => undefined);
}
console.log(JSON.stringify(totals));
