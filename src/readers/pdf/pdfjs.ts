/**
 * pdf.js, loaded once for the process, without its global side effect on arrays.
 *
 * pdfjs-dist's legacy build (the one that runs on Node 20) bundles core-js polyfills. On V8 ≤ 12.1 one of
 * them replaces `Array.prototype.push` for the whole process (core-js's `es.array.push`, which only fixes
 * the error thrown when an array's length would pass 2^53 − 1). The polyfill is written in JavaScript and
 * made every `push` in pdf.js and in ogp-extract several times slower: about 17% of the CPU of a PDF batch.
 * No array here comes near that length, so the native `push` is put back once pdf.js and its worker
 * module are loaded. The worker module is loaded here too (and handed to pdf.js as `globalThis.pdfjsWorker`,
 * its documented way to skip loading it), so that loading it later cannot install the polyfill again and
 * so the first PDF does not pay for it. The non-legacy build needs Node 22 (Promise.withResolvers,
 * Uint8Array.fromBase64 …), so it is not an option on Node 20. test/batch/pdfjs-push.test.ts guards this.
 */
import { nativePush } from './native-push.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;

export const { getDocument, VerbosityLevel, OPS } = pdfjs;

/**
 * pdf.js 5.4 prefetches page dictionaries (`Catalog.getPageDict` caches `xref.fetchAsync` promises of the
 * page tree's kids) and never awaits them when the document fails or is done first. In a PDF whose
 * cross-reference table is broken such a promise rejects with no handler, after the reader has already
 * returned its result or its one-line error — and Node would then end the whole process (a batch too).
 * These rejections come from inside the pdf.js worker module and carry nothing the reader has not
 * reported, so they are ignored; any other unhandled rejection keeps Node's default (the process ends).
 * Found by test/fuzz/readers.fuzz.test.ts (seed 835, PDF input #290).
 */
export function isPdfjsInternalRejection(reason: unknown): boolean {
  return reason instanceof Error && /(Exception|Error)$/.test(reason.name) && (reason.stack ?? '').includes('pdf.worker');
}

process.on('unhandledRejection', (reason) => {
  if (isPdfjsInternalRejection(reason)) return;
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
});
