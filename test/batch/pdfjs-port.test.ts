import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDocument, SameThreadPort, sameThreadWorker, VerbosityLevel } from '../../src/readers/pdf/pdfjs.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fixture } from '../helpers.js';

/** Every page's text items and operator list, as plain JSON (typed arrays as arrays). */
async function pages(doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>): Promise<string> {
  const out: unknown[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const text = await page.getTextContent();
    out.push({ fn: ops.fnArray, args: ops.argsArray, items: text.items, styles: text.styles });
    page.cleanup();
  }
  await doc.destroy();
  // font names carry the document's number (g_d0_f1, g_d1_f1 …): the only thing two loads of a file differ in
  return JSON.stringify(out, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)).replace(/\bg_d\d+_/g, 'g_d_');
}

describe('pdf.js on the same-thread port (chunks copied one level, not structured-cloned)', () => {
  it('gives the same text and operator lists as pdf.js with its own cloning port, page by page', async () => {
    for (const name of ['kyiv-2025-2026-action-plan.pdf', 'vmerge-executors.pdf', 'split-table.pdf']) {
      const data = readFileSync(fixture('pdf', name));
      const params = { verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false, disableFontFace: true };
      const ours = await pages(await getDocument({ ...params, data: new Uint8Array(data) }).promise);
      const theirs = await pages(await pdfjs.getDocument({ ...params, data: new Uint8Array(data) }).promise);
      expect(ours.length).toBeGreaterThan(1000);
      expect(ours).toBe(theirs);
    }
    // documents share the one worker; destroying a document leaves it usable
    const worker = sameThreadWorker();
    expect(worker.destroyed).toBe(false);
    expect((worker as unknown as { port: unknown }).port).toBeInstanceOf(SameThreadPort);
  });

  it('a destroyed document leaves no handler on the shared port, a broken one neither', async () => {
    const port = (sameThreadWorker() as unknown as { port: SameThreadPort }).port;
    const params = { verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false, disableFontFace: true };
    const before = port.listenerCount;
    for (let i = 0; i < 5; i++) {
      await pages(await getDocument({ ...params, data: new Uint8Array(readFileSync(fixture('pdf', 'split-table.pdf'))) }).promise);
      const task = getDocument({ ...params, data: new Uint8Array(readFileSync(fixture('pdf-extra', 'broken-xref-prefetch.pdf'))) });
      await task.promise.then((doc) => pages(doc)).catch(() => task.destroy());
    }
    expect(port.listenerCount).toBe(before);
  });

  it('copies a chunk the worker empties after sending; clones every other message', async () => {
    const port = new SameThreadPort();
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data));
    const fnArray = [1, 2, 3];
    const argsArray = [[1], null, [2]];
    const chunk = { fnArray, argsArray, lastChunk: false };
    port.postMessage({ stream: 4, streamId: 1, chunk });
    fnArray.length = 0;
    argsArray.length = 0;
    const info = { page: { n: 1 } };
    port.postMessage({ action: 'x', data: info });
    info.page.n = 2;
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([
      { stream: 4, streamId: 1, chunk: { fnArray: [1, 2, 3], argsArray: [[1], null, [2]], lastChunk: false } },
      { action: 'x', data: { page: { n: 1 } } },
    ]);
  });
});
