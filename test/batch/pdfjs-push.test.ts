/**
 * pdf.js's legacy build replaces Array.prototype.push with a slow core-js polyfill on Node 20; the PDF
 * reader puts the native one back (src/readers/pdf/pdfjs.ts). Checked in a fresh process, where nothing
 * else has loaded pdf.js first.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers.js';

const loader = `${root}test/batch/ts-loader.mjs`;

function probe(code: string): string {
  return execFileSync(process.execPath, ['--import', loader, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim();
}

describe('pdf.js and Array.prototype.push', () => {
  it('loading pdf.js directly installs the polyfill (what the reader guards against)', () => {
    const out = probe(`const n = Array.prototype.push; await import('pdfjs-dist/legacy/build/pdf.mjs'); console.log(Array.prototype.push === n);`);
    expect(out).toBe('false');
  });

  it('after reading PDFs through the reader, push is still the native one and the worker module is preloaded', () => {
    const pdf = fixture('pdf', 'kyiv-2025-2026-action-plan.pdf');
    const out = probe(
      `const n = Array.prototype.push;
       const { readDocument } = await import('${root}src/readers/index.ts');
       const { readFileSync } = await import('node:fs');
       const r = await readDocument(readFileSync('${pdf}'), { file: 'k.pdf' });
       const r2 = await readDocument(readFileSync('${pdf}'), { file: 'k.pdf' });
       console.log(JSON.stringify([Array.prototype.push === n, Function.prototype.toString.call(Array.prototype.push).includes('[native code]'), typeof globalThis.pdfjsWorker?.WorkerMessageHandler, r.format, r2.pages]));`,
    );
    const [same, native, worker, format, pages] = JSON.parse(out) as [boolean, boolean, string, string, number];
    expect(same).toBe(true);
    expect(native).toBe(true);
    expect(worker).toBe('function');
    expect(format).toBe('pdf');
    expect(pages).toBeGreaterThan(1);
  });
});
