/**
 * The reader hands pdf.js a document that drops fonts (FONT_SINK_DOCUMENT with disableFontFace: false) so that
 * pdf.js builds no glyph outlines. Checked here: no outline is built, and what the reader reads from pdf.js (text
 * items, operator lists, the fonts' properties) is the same as with disableFontFace: true.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_SINK_DOCUMENT, getDocument, VerbosityLevel } from '../../../src/readers/pdf/pdfjs.js';
import { fixture } from '../../helpers.js';

const BASE = { verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false, fontExtraProperties: true };
const SINK = { ...BASE, disableFontFace: false, ownerDocument: FONT_SINK_DOCUMENT as never };
const OUTLINES = { ...BASE, disableFontFace: true };

/** Every page's text, operators and the properties of its fonts the reader uses; and how many glyph outlines pdf.js sent. */
async function read(file: string, params: typeof SINK | typeof OUTLINES): Promise<{ json: string; outlines: number }> {
  const doc = await getDocument({ ...params, data: new Uint8Array(readFileSync(file)) }).promise;
  const pages: unknown[] = [];
  let outlines = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const text = await page.getTextContent();
    const fonts: Record<string, unknown> = {};
    for (const [id, obj] of page.commonObjs as unknown as Iterable<[string, unknown]>) {
      if (id.includes('_path_')) outlines++;
      const f = obj as { name?: string; bold?: boolean; widths?: unknown; toUnicode?: { _map?: unknown }; fontMatrix?: unknown; vertical?: boolean; loadedName?: string } | null;
      if (f && typeof f === 'object' && 'loadedName' in f) {
        fonts[id] = { name: f.name, bold: f.bold, widths: f.widths, map: f.toUnicode?._map, fontMatrix: f.fontMatrix, vertical: f.vertical };
      }
    }
    // glyph objects of showText differ only in what the outlines are keyed by, not in what the reader uses
    pages.push({ fn: ops.fnArray, items: text.items, styles: text.styles, fonts });
    page.cleanup();
  }
  await doc.destroy();
  const json = JSON.stringify(pages, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)).replace(/\bg_d\d+_/g, 'g_d_');
  return { json, outlines };
}

describe('pdf.js fonts go to a document that drops them', () => {
  it('builds no glyph outlines, and the text, operators and font properties are the same as with outlines', async () => {
    for (const file of [fixture('pdf', 'kyiv-2025-2026-action-plan.pdf'), fixture('pdf', 'vmerge-executors.pdf'), fixture('layouts', 'pdf', 'l04-gantt-shading.pdf')]) {
      const sink = await read(file, SINK);
      const outlines = await read(file, OUTLINES);
      expect(outlines.outlines).toBeGreaterThan(20);
      expect(sink.outlines).toBe(0);
      expect(sink.json.length).toBeGreaterThan(1000);
      expect(sink.json).toBe(outlines.json);
      // the fonts' properties are there to compare (bold, widths, ToUnicode map)
      expect(sink.json).toMatch(/"fonts":\{"g_d_f\d+":\{"name":"[^"]+",("bold":(true|false),)?"widths":[[{]/);
      expect(sink.json).toContain('"map":[');
    }
  });

  it('a document that cannot take the font leaves pdf.js to build the outlines itself, with the same results', async () => {
    const broken = { ...BASE, disableFontFace: false, ownerDocument: {} as never };
    const file = fixture('pdf', 'vmerge-executors.pdf');
    const fallback = await read(file, broken);
    expect(fallback.outlines).toBeGreaterThan(0);
    expect(fallback.json).toBe((await read(file, SINK)).json);
  });
});
