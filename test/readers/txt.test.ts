import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellParagraphs } from '../../src/doctree/build.js';
import type { TableNode } from '../../src/doctree/types.js';
import { decodeText } from '../../src/readers/decode.js';
import { detectFormat } from '../../src/readers/index.js';
import { parseText, splitCellParagraphs } from '../../src/readers/txt.js';
import { fixture } from '../helpers.js';

/** Encode with a single-byte code page by inverting TextDecoder's table. */
const tables = new Map<string, Map<string, number>>();
function codePage(encoding: string): Map<string, number> {
  let table = tables.get(encoding);
  if (!table) {
    const decoder = new TextDecoder(encoding);
    table = new Map<string, number>();
    for (let b = 0; b < 256; b += 1) table.set(decoder.decode(new Uint8Array([b])), b);
    tables.set(encoding, table);
  }
  return table;
}
function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const table = codePage(encoding);
  return Uint8Array.from([...text].map((ch) => {
    const byte = table.get(ch);
    if (byte === undefined) throw new Error(`${ch} not in ${encoding}`);
    return byte;
  }));
}

const sample = 'Зобов’язання 1. Розвиток цифрових компетентностей жителів громади та формування їхньої цифрової культури';

describe('text decoding', () => {
  it('UTF-8 with and without BOM, UTF-16 LE/BE with BOM', () => {
    const utf8 = new TextEncoder().encode(sample);
    expect(decodeText(utf8)).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(sample);
    const le = Buffer.from(sample, 'utf16le');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...le]))).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('Windows-1251 and KOI8-U are detected, not guessed', () => {
    const text = sample.replace('’', "'");
    expect(decodeText(encodeSingleByte(text, 'windows-1251'))).toEqual({ text, encoding: 'windows-1251' });
    expect(decodeText(encodeSingleByte(text, 'koi8-u'))).toEqual({ text, encoding: 'koi8-u' });
  });

  it('a whole seed plan in Windows-1251 gives the same text', () => {
    const original = readFileSync(fixture('txt', 'khmelnytskyi-2021-2022-action-plan.txt'), 'utf8');
    const cp1251 = original.replace(/[’`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/·/g, '*');
    const kept = [...cp1251].filter((ch) => codePage('windows-1251').has(ch)).join('');
    expect(decodeText(encodeSingleByte(kept, 'windows-1251')).text).toBe(kept);
  });

  it('bytes that are no Ukrainian text are refused', () => {
    const noise = Uint8Array.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));
    expect(() => decodeText(noise)).toThrow(/cannot determine the text encoding/);
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toThrow(/invalid UTF-8/);
  });
});

describe('format detection by content', () => {
  it('magic bytes win over the extension', () => {
    expect(detectFormat(new TextEncoder().encode('%PDF-1.7\n'), 'plan.txt')).toBe('pdf');
    expect(detectFormat(Uint8Array.from([0x50, 0x4b, 3, 4, ...new TextEncoder().encode('word/document.xml')]), 'x.pdf')).toBe('docx');
    expect(detectFormat(new TextEncoder().encode('<!DOCTYPE html><html>'), 'plan.txt')).toBe('html');
    expect(detectFormat(new TextEncoder().encode('Рішення'), 'plan.pdf')).toBe('txt');
    expect(detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.docx')).toBe('doc');
  });
});

describe('TXT layouts', () => {
  it('(a) one cell per tab-indented line: header sets the columns, blank lines inside rows, untabbed continuations', () => {
    const text = [
      'Зобов’язання 1. Тест',
      '',
      '\tЗаходи',
      '\tВідповідальні за виконання',
      '\tТермін реалізації',
      '',
      '\tЗахід перший',
      '',
      '\tУправління А,',
      'Управління Б',
      '\tжовтень 2021 р. –',
      'жовтень 2022 р.',
      '',
      'Підпис\t\t\t\tІМ’Я',
    ].join('\n');
    const tree = parseText(text);
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = tree.children[1] as TableNode;
    expect(table.data).toMatchObject({ origin: 'txt-cells', columns: 3 });
    expect(table.children).toHaveLength(2);
    const row = table.children[1]!;
    expect(row.children.map(cellParagraphs)).toEqual([
      ['Захід перший'],
      ['Управління А,', 'Управління Б'],
      ['жовтень 2021 р. –', 'жовтень 2022 р.'],
    ]);
    expect(row.position?.start.line).toBe(7);
    expect(row.position?.end.line).toBe(12);
  });

  it('(b) tab-separated rows with <p> paragraphs, separators dropped, continuation rows kept for the extractor', () => {
    const text = [
      '№\tКроки\tВідповідальні за виконання\tСтрок\tІндикатор виконання',
      '1\t<p>Крок</p>\t<p>Департамент А</p> <p>Департамент Б</p>\t02.2025\tЗроблено',
      '---\t--\t---\t---\t--',
      '',
      '\tпродовження\tще\t\t',
    ].join('\n');
    const table = parseText(text).children[0] as TableNode;
    expect(table.data).toMatchObject({ origin: 'txt-tsv', columns: 5 });
    expect(table.children).toHaveLength(3);
    expect(cellParagraphs(table.children[1]!.children[2])).toEqual(['Департамент А', 'Департамент Б']);
    expect(cellParagraphs(table.children[2]!.children[0])).toEqual([]);
    expect(cellParagraphs(table.children[2]!.children[1])).toEqual(['продовження']);
  });

  it('<p> splitting keeps text outside tags', () => {
    expect(splitCellParagraphs('<p>A</p> <p>B</p>')).toEqual(['A', 'B']);
    expect(splitCellParagraphs('plain')).toEqual(['plain']);
    expect(splitCellParagraphs('<p>A</p> tail')).toEqual(['A', 'tail']);
  });
});
