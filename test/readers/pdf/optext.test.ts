/**
 * The PDF reader takes a page's text from its operator list (src/readers/pdf/optext.ts) instead of asking pdf.js
 * for it a second time. Checked here: on every PDF in fixtures/ the items are the ones pdf.js's getTextContent
 * gives, and the page models the reader builds from them are the same; the port's rules on small operator lists
 * (spaces from gaps, items ended by wide gaps and font changes, state saved and restored, forms, annotations);
 * and the cases it leaves to pdf.js.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentParams, getDocument, OPS } from '../../../src/readers/pdf/pdfjs.js';
import { textFromOperators, written, type FontFacts } from '../../../src/readers/pdf/optext.js';
import { readPage } from '../../../src/readers/pdf/page.js';
import { fixture } from '../../helpers.js';

const PARAMS = documentParams();

function pdfFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pdfFiles(path);
      return name.endsWith('.pdf') ? [path] : [];
    });
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const sameItem = (a: Item, b: Item): boolean =>
  a.str === b.str && a.fontName === b.fontName && close(a.width, b.width) && a.transform.length === 6 && a.transform.every((v, i) => close(v, b.transform[i]!));

describe('text from the operator list', () => {
  it('gives the text items of pdf.js getTextContent on every PDF fixture', async () => {
    const files = pdfFiles(fixture());
    expect(files.length).toBeGreaterThan(20);
    let pages = 0;
    let items = 0;
    for (const file of files) {
      const doc = await getDocument({ ...PARAMS, data: new Uint8Array(readFileSync(file)) }).promise.catch(() => null);
      if (!doc) continue;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const ops = await page.getOperatorList();
        const fromOps = textFromOperators(ops, (name) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontFacts) : undefined), page.view);
        const content = await page.getTextContent();
        const expected = (content.items as Item[]).filter((x) => 'str' in x && x.str.trim() !== '');
        expect(fromOps, `${file} page ${n}`).not.toBeNull();
        const bad = fromOps!.findIndex((x, i) => !expected[i] || !sameItem(x, expected[i]));
        expect({ file, page: n, length: fromOps!.length, firstDifferent: bad }).toEqual({ file, page: n, length: expected.length, firstDifferent: -1 });
        pages++;
        items += expected.length;
        page.cleanup();
      }
      await doc.destroy();
    }
    expect(pages).toBeGreaterThan(100);
    expect(items).toBeGreaterThan(2000);
  }, 120_000);

  it('reads a page without pdf.js text pass, and its model equals the one from getTextContent', async () => {
    for (const file of [fixture('pdf', 'kyiv-2025-2026-action-plan.pdf'), fixture('layouts', 'pdf', 'l04-gantt-shading.pdf')]) {
      const doc = await getDocument({ ...PARAMS, data: new Uint8Array(readFileSync(file)) }).promise;
      for (let n = 1; n <= Math.min(doc.numPages, 3); n++) {
        const page = await doc.getPage(n);
        const text = page.getTextContent.bind(page);
        // the second pass is not asked for
        page.getTextContent = () => Promise.reject(new Error('getTextContent called'));
        const oneRead = await readPage(page, n);
        // the same page, its text given by pdf.js (as the reader does when the port gives up)
        page.getTextContent = text;
        const ops = page.getOperatorList.bind(page);
        page.getOperatorList = async () => {
          const list = await ops();
          // a font the port leaves to pdf.js: it answers null for the page
          return { ...list, fnArray: [OPS.showSpacedText, ...list.fnArray], argsArray: [[[]], ...list.argsArray] };
        };
        const twoReads = await readPage(page, n);
        expect(JSON.stringify(oneRead)).toBe(JSON.stringify(twoReads));
        expect(JSON.stringify(oneRead).length).toBeGreaterThan(500);
        page.cleanup();
      }
      await doc.destroy();
    }
  });
});

// ---- small operator lists ----------------------------------------------------------------------------------

const FONT: FontFacts = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0] };
const fonts: Record<string, FontFacts> = {
  f1: FONT,
  f2: FONT,
  vertical: { ...FONT, vertical: true },
  type3: { fontMatrix: [0.01, 0, 0, 0.01, 0, 0], isType3Font: true },
};
const fontOf = (name: string): FontFacts | undefined => fonts[name];
const VIEW = [0, 0, 600, 800];

/** Glyphs of a string, each `width` thousandths of an em wide (a space is a space glyph, char code 32). */
const glyphs = (s: string, width = 500): { unicode: string; width: number; originalCharCode: number }[] =>
  [...s].map((c) => ({ unicode: c, width, originalCharCode: c.charCodeAt(0) }));

type Op = [number, unknown[] | null];
const list = (...ops: Op[]): { fnArray: number[]; argsArray: (unknown[] | null)[] } => ({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) });
const text = (...ops: Op[]): Item[] | null => textFromOperators(list(...ops), fontOf, VIEW);
const BT: Op = [OPS.beginText, null];
const ET: Op = [OPS.endText, null];
const font = (name: string, size = 10): Op => [OPS.setFont, [name, size]];
const at = (x: number, y: number): Op => [OPS.moveText, [x, y]];
const show = (...parts: (string | number)[]): Op => [OPS.showText, [parts.flatMap((p) => (typeof p === 'number' ? [p] : glyphs(p)))]];

describe('textFromOperators on small operator lists', () => {
  it('places an item at its text matrix with the font size, and measures its width', () => {
    const items = text(BT, font('f1', 10), at(100, 700), show('Рішення'), ET);
    expect(items).toEqual([{ str: 'Рішення', transform: [10, 0, 0, 10, 100, 700], width: 35, fontName: 'f1' }]);
  });

  it('a space glyph, or a gap of a space, is one space; a gap wider than 0.6 em starts a new item', () => {
    expect(text(BT, font('f1'), at(0, 700), show('план дій'), ET)!.map((i) => i.str)).toEqual(['план дій']);
    // -300 thousandths: a 0.3 em gap, no space glyph
    expect(text(BT, font('f1'), at(0, 700), show('план', -300, 'дій'), ET)!.map((i) => i.str)).toEqual(['план дій']);
    // kerning (a few thousandths) joins
    expect(text(BT, font('f1'), at(0, 700), show('пл', -20, 'ан'), ET)!.map((i) => i.str)).toEqual(['план']);
    // a column gap: two items, the second where it is drawn
    const wide = text(BT, font('f1'), at(0, 700), show('2026', -3000, 'ДОК'), ET)!;
    expect(wide.map((i) => i.str)).toEqual(['2026', 'ДОК']);
    expect(wide[1]!.transform[4]).toBeCloseTo(4 * 5 + 30);
  });

  it('a change of font ends an item; the same font again does not', () => {
    expect(text(BT, font('f1'), at(0, 700), show('Зобов'), font('f2'), show('язання'), ET)!.map((i) => i.str)).toEqual(['Зобов', 'язання']);
    expect(text(BT, font('f1'), at(0, 700), show('Зобов'), font('f1'), show('язання'), ET)!.map((i) => i.str)).toEqual(['Зобовязання']);
  });

  it('a new line is a new item; q/Q restores the font and the text matrix, cm moves the text', () => {
    const lines = text(BT, font('f1'), at(50, 700), show('Захід 1'), at(0, -14), show('Захід 2'), ET)!;
    expect(lines.map((i) => [i.str, i.transform[5]])).toEqual([
      ['Захід 1', 700],
      ['Захід 2', 686],
    ]);
    const saved = text([OPS.save, null], [OPS.transform, [1, 0, 0, 1, 10, 20]], BT, font('f2', 12), at(0, 0), show('у формі'), ET, [OPS.restore, null], BT, at(0, 0), show('x'), ET);
    // after Q the font is unset again: pdf.js would pick a default font, the port leaves the page to it
    expect(saved).toBeNull();
    const moved = text([OPS.save, null], [OPS.transform, [2, 0, 0, 2, 10, 20]], BT, font('f1', 10), at(5, 5), show('ab'), ET, [OPS.restore, null])!;
    expect(moved).toEqual([{ str: 'ab', transform: [20, 0, 0, 20, 20, 30], width: 20, fontName: 'f1' }]);
  });

  it('text in a form XObject is placed by the form matrix; annotations are skipped; text off the page is dropped', () => {
    const form = text(
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 100, 0], [0, 0, 10, 10]]],
      BT,
      font('f1'),
      at(0, 500),
      show('у формі'),
      ET,
      [OPS.paintFormXObjectEnd, null],
      [OPS.beginAnnotation, ['a1', [0, 0, 1, 1], [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], false]],
      BT,
      font('f1'),
      at(0, 400),
      show('примітка'),
      ET,
      [OPS.endAnnotation, null],
      BT,
      font('f1'),
      at(-500, 300),
      show('поза'),
      ET,
    )!;
    expect(form.map((i) => [i.str, i.transform[4], i.transform[5]])).toEqual([['у формі', 100, 500]]);
  });

  it('leaves to pdf.js what it does not port: vertical and Type3 fonts, unknown fonts, right-to-left text, text before a font', () => {
    expect(text(BT, font('vertical'), show('a'), ET)).toBeNull();
    expect(text(BT, font('type3'), show('a'), ET)).toBeNull();
    expect(text(BT, font('nowhere'), show('a'), ET)).toBeNull();
    expect(text(BT, font('f1'), at(0, 700), show('שלום'), ET)).toBeNull();
    expect(text(BT, show('a'), ET)).toBeNull();
    expect(text(BT, font('f1'), [OPS.setTextMatrix, [[1, 0, 0]]], show('a'), ET)).toBeNull();
    // an operator shaped unlike any pdf.js writes (a gs font entry without its [font, size]): pdf.js is asked, nothing thrown
    expect(text([OPS.setGState, [[['Font', undefined]]]], BT, font('f1'), show('a'), ET)).toBeNull();
    // a page with no text at all is an empty list, not a reason to ask pdf.js
    expect(text([OPS.save, null], [OPS.restore, null])).toEqual([]);
  });
});

describe('written: the number a PDF wrote, from the 32-bit float pdf.js kept of it', () => {
  it('gives back decimals of up to six places exactly, and leaves other numbers as they are', () => {
    for (const v of [57.96, 610.52, 0.033, -12.5, 773.989, 194.4017, 0.000001, 1, 0, -0.25]) expect(written(Math.fround(v))).toBe(v);
    // more digits than a 32-bit float holds: the shortest decimal of that float
    expect(written(Math.fround(194.401672))).toBe(194.40167);
    // more places than a 32-bit float holds: the float itself
    const f = Math.fround(0.123456789);
    expect(written(f)).toBe(f);
    expect(written(Number.NaN)).toBeNaN();
    expect(written(Infinity)).toBe(Infinity);
  });
});
