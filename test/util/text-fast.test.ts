/**
 * The fast paths of the text helpers give exactly what the plain steps give: `cleanLine` returns a text made
 * of inert characters as it is, `normaliseQuotes` builds its result from slices. Each is checked against the
 * plain definition (written out here) on random texts, and the inert set is checked character by character.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../../fixtures/scripts/random.mjs';
import { normaliseQuotes } from '../../src/normalize/parties/text.js';
import { CLEAN_LINE_INERT, cleanLine, matchKey, matchKeyOfLine } from '../../src/util/text.js';

/** cleanLine by its definition: NFC, invisible characters out, bookmarks out until none is left, white space → one space, trimmed. */
function plainCleanLine(value: string): string {
  let text = value.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
  for (let before = ''; before !== text; ) [before, text] = [text, text.replace(/\[bookmark:\s*[^\]]*\]/g, '')];
  return text.replace(/[\s\u0085]+/gu, ' ').trim();
}

/** normaliseQuotes by its definition, one code point at a time. */
function plainNormaliseQuotes(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '„') out += '«';
    else if (['"', '“', '”', '‟', '″', '〃', '＂'].includes(c)) {
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      const next = chars[i + 1];
      const afterBoundary = prev === undefined || /[\s(\[{«/–—-]/.test(prev);
      const beforeBoundary = next === undefined || /[\s,;.:!?)\]}]/.test(next);
      out += afterBoundary && !beforeBoundary ? '«' : '»';
    } else out += c;
  }
  return out;
}

const inert: string[] = CLEAN_LINE_INERT.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
);

/** Pieces random texts are made of: inert letters and punctuation, and everything the cleaning touches. */
const PIECES = [
  ...'Управління освіти, «науки» – № 5 (за згодою); Ї’ї "так" „ні“ ”x” ″y″ 〃z〃 ＂w＂ abc-d'.split(''),
  ' ',
  '  ',
  '\u00A0',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u0085',
  '\u202F',
  '\u3000',
  '\u200B',
  '\u00AD',
  '\uFEFF',
  '\u2060',
  '\u0306', // combining breve: и + ̆ → й
  '\u0308', // combining diaeresis: і + ̈ → ї
  'и',
  'і',
  '\u2126', // Ohm sign → Ω under NFC
  '😀',
  '[bookmark: _Toc1]',
  '[bookmark:',
  ']',
  '(',
  ')',
  '/',
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('cleanLine fast path', () => {
  it('every inert character is kept alone: NFC already, not white space (but the space), not invisible, a starter', () => {
    expect(inert.length).toBeGreaterThan(1000);
    for (const c of inert) {
      expect(c.normalize('NFC'), c).toBe(c);
      if (c !== ' ') expect(/[\s\u0085\u200B-\u200D\u2060\uFEFF\u00AD]/u.test(c), c).toBe(false);
      // A combining mark of class 240 before it stays first only when it is a starter (class 0).
      expect(('\u0345' + c).normalize('NFD'), c).toBe('\u0345' + c.normalize('NFD'));
    }
  });

  it('no two inert characters compose or reorder, in either order', () => {
    let changed = 0;
    for (const a of inert) for (const b of inert) if ((a + b).normalize('NFC') !== a + b) changed++;
    expect(changed).toBe(0);
  });

  it('gives what the plain steps give, on random texts and on clean ones', () => {
    const next = random(13);
    for (let i = 0; i < 20000; i++) {
      const s = randomText(next);
      expect(cleanLine(s), JSON.stringify(s)).toBe(plainCleanLine(s));
      const clean = plainCleanLine(s);
      expect(cleanLine(clean), JSON.stringify(clean)).toBe(plainCleanLine(clean));
    }
  });

  it('does not take the fast path for a text the steps would change', () => {
    for (const s of [' a', 'a ', 'a  b', 'a\u00A0b', 'и\u0306', 'x[bookmark: 1]y', '\u2126', 'a\u00ADb', '']) {
      expect(cleanLine(s), JSON.stringify(s)).toBe(plainCleanLine(s));
    }
  });
});

describe('case mappings', () => {
  it('toLowerCase/toUpperCase give what toLocaleLowerCase/toLocaleUpperCase(\'uk\') give, for every code point and in context', () => {
    let differ = 0;
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (s.toLowerCase() !== s.toLocaleLowerCase('uk') || s.toUpperCase() !== s.toLocaleUpperCase('uk')) differ++;
    }
    expect(differ).toBe(0);
    // Context-dependent mappings (final sigma, dotted I) and a locale that has its own (Turkish) for contrast.
    const text = 'ΟΔΟΣ ΣΑΣ. İ I ı i̇ ǅ ß Ґанок ЇЖАК м’ята';
    expect(text.toLowerCase()).toBe(text.toLocaleLowerCase('uk'));
    expect(text.toUpperCase()).toBe(text.toLocaleUpperCase('uk'));
    expect(text.toLowerCase()).not.toBe(text.toLocaleLowerCase('tr'));
  });
});

describe('normaliseQuotes', () => {
  it('gives what the code-point loop gives, on random texts', () => {
    const next = random(31);
    for (let i = 0; i < 20000; i++) {
      const s = randomText(next);
      expect(normaliseQuotes(s), JSON.stringify(s)).toBe(plainNormaliseQuotes(s));
    }
  });
});

describe('matchKeyOfLine', () => {
  it('is matchKey of a cleaned line: matchKey(x) = matchKeyOfLine(cleanLine(x)), also where cleanLine is not idempotent', () => {
    const next = random(77);
    for (let i = 0; i < 5000; i++) {
      const s = randomText(next);
      expect(matchKeyOfLine(cleanLine(s)), JSON.stringify(s)).toBe(matchKey(s));
    }
  });
});
