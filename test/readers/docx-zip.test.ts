/**
 * The DOCX container is read with the central directory and node:zlib (src/readers/docx/worker.ts `openZip`):
 * every fixture gives the same parts as after a round trip through JSZip (stored and deflated), also with
 * bytes in front of the container and a comment after it; a broken entry is a one-line error naming the part.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { parseDocxParts } from '../../src/readers/docx/worker.js';
import { fixture } from './docx/helpers.js';

function docxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return docxFiles(path);
    return name.endsWith('.docx') ? [path] : [];
  });
}

const FIXTURES = docxFiles(join(import.meta.dirname, '../../fixtures'));

async function rezip(bytes: Uint8Array, compression: 'STORE' | 'DEFLATE', comment?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.generateAsync({ type: 'uint8array', compression, ...(comment ? { comment } : {}) });
}

const parts = (bytes: Uint8Array): Promise<string> => parseDocxParts(bytes, 'a.docx').then((p) => JSON.stringify(p));

describe('DOCX container (central directory + node:zlib)', () => {
  it('every fixture DOCX: the same parts as after a JSZip round trip, stored or deflated, with a stub before and a comment after', async () => {
    expect(FIXTURES.length).toBeGreaterThan(20);
    for (const file of FIXTURES) {
      const bytes = new Uint8Array(readFileSync(file));
      const expected = await parts(bytes);
      expect(expected.length, file).toBeGreaterThan(100);
      expect(await parts(await rezip(bytes, 'DEFLATE')), file).toBe(expected);
      const stored = await rezip(bytes, 'STORE', 'a comment after the container');
      expect(await parts(stored), file).toBe(expected);
      const stub = new Uint8Array(3000 + stored.length);
      stub.fill(0x4d, 0, 3000);
      stub.set(stored, 3000);
      expect(await parts(stub), file).toBe(expected);
    }
  });

  it('a damaged entry, a truncated container, an encrypted entry: one line each, naming the part', async () => {
    const good = new Uint8Array(await rezip(fixture('docx', 'repeated-header.docx'), 'DEFLATE'));
    const buf = Buffer.from(good.buffer, good.byteOffset, good.byteLength);
    // The local header of word/document.xml, and the start of its deflated data.
    const at = buf.indexOf('word/document.xml') - 30;
    expect(buf.readUInt32LE(at)).toBe(0x04034b50);
    const data = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const damaged = new Uint8Array(good);
    damaged.fill(0xff, data, data + 16);
    await expect(readDocx(damaged, { file: 'd.docx' })).rejects.toThrow(/^cannot read DOCX: word\/document\.xml: [^\n]+$/);

    await expect(readDocx(good.subarray(0, Math.floor(good.length / 2)), { file: 't.docx' })).rejects.toThrow(
      /^cannot read DOCX: not a valid ZIP container \([^\n]+\)$/,
    );

    // The encryption flag in the central directory entry of word/document.xml.
    const encrypted = new Uint8Array(good);
    const central = buf.lastIndexOf('word/document.xml') - 46;
    expect(buf.readUInt32LE(central)).toBe(0x02014b50);
    encrypted[central + 8] = encrypted[central + 8]! | 1;
    await expect(readDocx(encrypted, { file: 'e.docx' })).rejects.toThrow(/^cannot read DOCX: word\/document\.xml: encrypted entries are not supported$/);
  });
});
