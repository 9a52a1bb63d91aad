/**
 * The line measuring of the PDF reader (makeLine, toPLine, firstUnit, wordKey) was rewritten for speed
 * (#13): these properties check it against the straightforward definitions it replaced, on random runs
 * with Cyrillic, quotes, no-break and double spaces, soft hyphens, surrogate pairs and lone surrogates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endMatches, firstUnit, makeLine, toPLine, wordKey, type Line, type TextRun } from '../../../src/readers/pdf/text.js';
import { cleanRunText } from '../../../src/util/text.js';

// ---- the definitions before the rewrite ----
function refFirstUnit(s: string): string {
  const parts = s.split(' ');
  let unit = parts[0] ?? '';
  for (let i = 1; i < parts.length && /^[«„“"]/u.test(parts[i]!); i++) unit += ` ${parts[i]}`;
  return unit;
}

function refEmWidth(s: string, glyphs: ReadonlyMap<string, number>): number | undefined {
  let w = 0;
  for (const ch of s) {
    const g = glyphs.get(ch);
    if (g === undefined) return undefined;
    w += g;
  }
  return w;
}

function refMeasured(line: Line): { firstWidth: number; spaceWidth: number; firstGlyph: number } | undefined {
  const run = line.runs[0];
  if (!run?.glyphs) return undefined;
  const str = cleanRunText(run.str).trim();
  const em = refEmWidth(str, run.glyphs);
  const unit = refFirstUnit(line.text);
  const unitEm = refEmWidth(unit, run.glyphs);
  const spaceEm = run.glyphs.get(' ');
  if (!em || unitEm === undefined || spaceEm === undefined || !unit.startsWith(str.split(' ')[0] ?? '\u0000')) return undefined;
  const scale = (run.x1 - run.x0) / em;
  const glyphEm = refEmWidth([...unit][0] ?? '', run.glyphs) ?? 0;
  return { firstWidth: unitEm * scale, spaceWidth: spaceEm * scale, firstGlyph: glyphEm * scale };
}

function refToPLine(line: Line, contentLeft: number, contentWidth: number): Record<string, unknown> {
  const width = line.x1 - line.x0;
  const chars = [...line.text];
  const spaces = chars.filter((ch) => ch === ' ').length;
  const n = Math.max(1, chars.length - spaces + 0.45 * spaces);
  return {
    ...refMeasured(line),
    text: line.text,
    free: contentWidth - width,
    charWidth: width / n,
    base: line.base,
    size: line.size,
    indent: line.x0 - contentLeft,
    bold: line.bold,
    ...(line.conf !== undefined ? { conf: line.conf } : {}),
  };
}

function refWordKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[ʼ'`´]/gu, '’')
    .replace(/^[^\p{L}]+|[^\p{L}’-]+$/gu, '');
}

// ---- random material ----
const PIECES = ['а', 'б', 'в', 'і', 'ї', 'є', 'ґ', 'Д', 'К', 'x', 'Z', '1', '.', ',', '-', '«', '»', '„', '“', '"', "'", 'ʼ', ' ', ' ', '  ', '\u00A0', '\u00AD', '\t', '😀', '\uD800', '\uDC00', 'ﬁ', '№'];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 24 }).map((a) => a.join(''));
/** A font's widths for some of the pieces (others unknown), the space included or not. */
const glyphMap = fc
  .tuple(fc.subarray(PIECES.filter((p) => [...p].length === 1)), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.boolean())
  .map(([chars, w, space]) => {
    const m = new Map<string, number>();
    chars.forEach((ch, i) => m.set(ch, w + i / 100));
    if (space) m.set(' ', 0.25);
    else m.delete(' ');
    return m;
  });
const run = fc
  .record({
    str: text,
    x0: fc.double({ min: 0, max: 500, noNaN: true }),
    w: fc.double({ min: 0.1, max: 200, noNaN: true }),
    base: fc.constantFrom(100, 100.5, 101),
    size: fc.constantFrom(10, 12, 14),
    bold: fc.boolean(),
    glyphs: fc.option(glyphMap, { nil: undefined }),
    conf: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  })
  .map(({ w, glyphs, conf, ...r }): TextRun => ({ ...r, x1: r.x0 + w, ...(glyphs ? { glyphs } : {}), ...(conf !== undefined ? { conf } : {}) }));

describe('PDF line measuring is the same as its definition', () => {
  it('firstUnit and wordKey', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(firstUnit(s)).toBe(refFirstUnit(s));
        expect(wordKey(s)).toBe(refWordKey(s));
        expect(wordKey(s)).toBe(refWordKey(s)); // remembered: the same again
      }),
      { numRuns: 3000, seed: 835 },
    );
  });

  it('an end-anchored pattern tested on the last code units answers as on the whole text', () => {
    const patterns = [/[«„“(\[]$/u, /[\p{L}\p{N}][-\u2010\u2011]$/u, /\p{L}[-\u2010\u2011]$/u, /\p{N}$/u, /\p{L}$/u, /[\p{L}»"”)]$/u, /[.!?]$/u, /[,:;(«-]$/u];
    const tail = fc.array(fc.constantFrom(...PIECES, '😀-', '1-', 'а‐', '(', '[', '!', '?', ';', ':'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(tail, (s) => {
        for (const re of patterns) expect(endMatches(re, s)).toBe(re.test(s));
      }),
      { numRuns: 3000, seed: 835 },
    );
  });

  it('makeLine + toPLine give the same line, key order included', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 5 }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 1, max: 600, noNaN: true }), (runs, left, width) => {
        const line = makeLine(runs);
        const ours = toPLine(line, left, width);
        const ref = refToPLine(line, left, width);
        expect(JSON.stringify(ours)).toBe(JSON.stringify(ref));
        expect(Object.is(ours.charWidth, ref.charWidth)).toBe(true);
      }),
      { numRuns: 3000, seed: 835 },
    );
  });
});
