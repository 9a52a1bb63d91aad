/**
 * The DOCX reader's XML scanner (src/readers/docx/worker.ts `parseXml`, exported as `parseXmlPart`) against a
 * validating SAX parser (saxes, which the reader used before): the same element tree for every XML part of
 * every fixture DOCX, and the same verdict (the same tree, or an error) on thousands of damaged parts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { random } from '../../fixtures/scripts/random.mjs';
import { NAMESPACE_PREFIXES, parseXmlPart, TEXT_PARENTS as TEXT_PARENT_NAMES, type XNode } from '../../src/readers/docx/worker.js';

const NS = NAMESPACE_PREFIXES;
const TEXT_PARENTS = new Set(TEXT_PARENT_NAMES);
const qname = (prefix: string, uri: string, local: string): string => {
  const p = (uri && NS[uri]) || prefix || '';
  return p ? `${p}:${local}` : local;
};

/** The tree from saxes' events (the reader's former parse); saxes' «disallowed character» is tolerated. */
function saxesTree(xml: string): XNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XNode[] = [];
  let root: XNode | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    if (!error && !/disallowed character\.$/.test(e.message)) error = e;
  });
  parser.on('opentag', (tag) => {
    const node: XNode = { n: qname(tag.prefix, tag.uri, tag.local) };
    for (const key in tag.attributes) {
      node.a ??= {};
      const at = tag.attributes[key]!;
      if (at.prefix === 'xmlns' || at.name === 'xmlns') continue;
      node.a[at.uri ? qname(at.prefix, at.uri, at.local) : at.local] = at.value;
    }
    const parent = stack[stack.length - 1];
    if (parent) (parent.c ??= []).push(node);
    else root = node;
    stack.push(node);
  });
  const text = (data: string): void => {
    const top = stack[stack.length - 1];
    if (top && TEXT_PARENTS.has(top.n)) (top.c ??= []).push(data);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

const verdict = (parse: (xml: string) => XNode, xml: string): string => {
  try {
    return JSON.stringify(parse(xml));
  } catch {
    return 'error';
  }
};

function docxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return docxFiles(path);
    return name.endsWith('.docx') ? [path] : [];
  });
}

/** Every XML part of every fixture DOCX (walking the local headers). */
const PARTS: Array<[string, string]> = docxFiles(join(import.meta.dirname, '../../fixtures')).flatMap((file) => {
  const buf = readFileSync(file);
  const out: Array<[string, string]> = [];
  for (let p = 0; p + 30 < buf.length && buf.readUInt32LE(p) === 0x04034b50; ) {
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const start = p + 30 + nameLength + buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLength);
    const data = buf.subarray(start, start + size);
    if (/\.(xml|rels)$/.test(name)) out.push([`${file}:${name}`, (method === 8 ? inflateRawSync(data) : data).toString('utf8')]);
    p = start + size;
  }
  return out;
});

/** Pieces a damaged part gets: markup characters, references good and bad, declarations, line ends, control characters. */
const PIECES = ['<', '>', '&', '"', "'", '/', '=', ' ', ':', '&amp;', '&#0;', '&#x41;', '&nbsp;', '&am<p;', 'x="a<b"', ']]>', '<!--', '-->', '<![CDATA[', '<?x ?>',
  'xmlns:q="u"', 'xmlns=""', 'xmlns:q=" "', 'xmlns=" u "', 'xmlns:xml="u"', 'a="1" a="2"', '<?xml version="1.1"?>', '<?xml version="1.0" encoding="UTF-8"?>', '\uFEFF',
  '\r\n', '\r', '\t', '\u0085', '\u2028', '\u0001', 'w:', 'x:'];

describe('DOCX XML scanner', () => {
  it('gives the tree saxes gives for every XML part of every fixture DOCX', () => {
    expect(PARTS.length).toBeGreaterThan(400);
    for (const [name, xml] of PARTS) expect(verdict(parseXmlPart, xml), name).toBe(verdict(saxesTree, xml));
  });

  it('gives the same verdict (the same tree, or an error) on damaged parts', () => {
    const next = random(2026);
    const small = PARTS.filter(([, xml]) => xml.length < 20_000);
    let errors = 0;
    for (let k = 0; k < 4000; k++) {
      const [name, xml] = small[Math.floor(next() * small.length)]!;
      let damaged = xml;
      for (let j = 1 + Math.floor(next() * 3); j > 0; j--) {
        const at = Math.floor(next() * damaged.length);
        const r = next();
        const piece = PIECES[Math.floor(next() * PIECES.length)]!;
        if (r < 0.4) damaged = damaged.slice(0, at) + piece + damaged.slice(at);
        else if (r < 0.7) damaged = damaged.slice(0, at) + damaged.slice(at + 1 + Math.floor(next() * 5));
        else damaged = damaged.slice(0, at) + piece + damaged.slice(at + 1);
      }
      const expected = verdict(saxesTree, damaged);
      if (expected === 'error') errors++;
      expect(verdict(parseXmlPart, damaged), `${name} damaged #${k}: ${JSON.stringify(damaged.slice(0, 200))}`).toBe(expected);
    }
    // Both kinds of verdict were tried.
    expect(errors).toBeGreaterThan(1000);
    expect(errors).toBeLessThan(3900);
  });
});
