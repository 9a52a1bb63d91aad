/**
 * Tokenizer for Ukrainian plan terms.
 *
 * Input is the display form of a term (NFC, whitespace collapsed). The tokenizer lower-cases it,
 * drops zero-width characters, and splits it into:
 *
 *   iso     2026-03-01                         (ISO calendar date)
 *   ndate   02.2025 · 31.12.2025 · 03.26        (dotted numeric date, 2 or 3 parts, kept raw;
 *           also 09/2021, 01/09/2021 and the ISO year-month 2021-09, stored as month.year)
 *   ord     1-й · 2-ге · 3-тє                   (Arabic ordinal)
 *   num     2026 · 31 · 02                      (digits, with their written length)
 *   roman   I · IV · ІІІ · Х                    (Latin or Cyrillic homoglyphs: І→I, Х→X)
 *   word    березня · кв · р · розпочато        (letters, lower-case; `dot` = abbreviation point)
 *   dash    - ‐ ‑ ‒ – — ― −
 *   punct   ( ) [ ] , ; : . / «» " '
 *   other   anything else (makes the term unparseable)
 *
 * Word tokens mixing Cyrillic and Latin letters get their Latin look-alikes mapped to Cyrillic
 * (a typed «березeнь» with a Latin «e» still reads as a month).
 */

export type Token =
  | { t: 'iso'; year: number; month: number; day: number; text: string }
  | { t: 'ndate'; parts: number[]; lens: number[]; text: string }
  | { t: 'ord'; v: number; text: string }
  | { t: 'num'; v: number; len: number; text: string }
  | { t: 'roman'; v: number; text: string }
  | { t: 'word'; w: string; dot: boolean; text: string }
  | { t: 'dash'; text: string }
  | { t: 'punct'; c: string; text: string }
  | { t: 'other'; text: string };

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};

/** Roman numeral letters, Latin and Cyrillic homoglyphs (lower-case). */
const ROMAN_RE = /^[ivxіх]+$/u;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

/** Value of a Roman numeral written with Latin or Cyrillic letters, or null when malformed. */
export function romanValue(word: string): number | null {
  if (!ROMAN_RE.test(word)) return null;
  const latin = word.replace(/і/gu, 'i').replace(/х/gu, 'x');
  // Accept only canonical forms up to XII (all a term ever needs).
  const canonical = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
  const idx = canonical.indexOf(latin);
  if (idx < 0) return null;
  let total = 0;
  for (let k = 0; k < latin.length; k++) {
    const v = ROMAN_VALUES[latin[k]!]!;
    const next = k + 1 < latin.length ? ROMAN_VALUES[latin[k + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';

const TOKEN_RE = new RegExp(
  [
    '(?<iso>\\d{4}-\\d{2}-\\d{2})(?!\\d)',
    // «2021-09»: ISO year-month; not «2026-27 роки» (a two-digit year), checked below.
    '(?<ym>\\d{4}-\\d{2})(?![\\d.])(?!\\s*(?:р\\.|рр|рок|рік))',
    '(?<ndate>\\d{1,4}(?:\\.\\d{1,4}){1,2})(?![\\d])',
    // «09/2021», «01/09/2021»: slashes instead of dots.
    '(?<sdate>\\d{1,2}(?:/\\d{1,4}){1,2})(?![\\d])',
    `(?<ord>\\d{1,2})\\s?[${DASHES}]\\s?(?<ordsuf>й|ий|го|ого|ге|е|є|тє|те|ій|ої|а|ша)(?![\\p{L}])`,
    '(?<num>\\d+)',
    "(?<word>[\\p{L}\\p{M}'’ʼ]+)(?<dot>\\.)?",
    `(?<dash>[${DASHES}])`,
    '(?<punct>[()\\[\\],;:./«»"“”„])',
    '(?<space>\\s+)',
    '(?<other>.)',
  ].join('|'),
  'gu',
);

export function tokenize(display: string): Token[] {
  const text = display.toLowerCase().replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '');
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups!;
    const s = m[0];
    if (g['space'] !== undefined) continue;
    if (g['iso'] !== undefined) {
      const [y, mo, d] = g['iso'].split('-').map(Number) as [number, number, number];
      out.push({ t: 'iso', year: y, month: mo, day: d, text: s });
    } else if (g['ym'] !== undefined) {
      const [y, mo] = g['ym'].split('-').map(Number) as [number, number];
      if (mo >= 1 && mo <= 12) out.push({ t: 'ndate', parts: [mo, y], lens: [2, 4], text: s });
      else {
        out.push({ t: 'num', v: y, len: 4, text: String(y) });
        out.push({ t: 'dash', text: '-' });
        out.push({ t: 'num', v: mo, len: 2, text: g['ym'].slice(5) });
      }
    } else if (g['ndate'] !== undefined || g['sdate'] !== undefined) {
      const raw = (g['ndate'] ?? g['sdate']!).split(/[./]/);
      out.push({ t: 'ndate', parts: raw.map(Number), lens: raw.map((p) => p.length), text: s });
    } else if (g['ord'] !== undefined) {
      out.push({ t: 'ord', v: Number(g['ord']), text: s });
    } else if (g['num'] !== undefined) {
      out.push({ t: 'num', v: Number(g['num']), len: g['num'].length, text: s });
    } else if (g['word'] !== undefined) {
      const word = g['word'];
      const rv = romanValue(word);
      if (rv !== null) {
        out.push({ t: 'roman', v: rv, text: s });
        // A Roman numeral never carries an abbreviation point; keep it as punctuation.
        if (g['dot'] !== undefined) out.push({ t: 'punct', c: '.', text: '.' });
        continue;
      }
      // «IVкв.», «ІІпівріччя»: a numeral glued to its unit.
      const glued = /^([ivxіх]+)(кв|квартал\p{L}*|півр\p{L}*)$/u.exec(word);
      const gluedValue = glued ? romanValue(glued[1]!) : null;
      if (glued && gluedValue !== null) {
        out.push({ t: 'roman', v: gluedValue, text: glued[1]! });
        out.push({ t: 'word', w: glued[2]!, dot: g['dot'] !== undefined, text: s.slice(glued[1]!.length) });
        continue;
      }
      let w = word.replace(/[’ʼ]/gu, "'");
      if (/\p{Script=Cyrillic}/u.test(w) && /[a-z]/u.test(w)) {
        w = w.replace(/[a-z]/gu, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
      }
      out.push({ t: 'word', w, dot: g['dot'] !== undefined, text: s });
    } else if (g['dash'] !== undefined) {
      out.push({ t: 'dash', text: s });
    } else if (g['punct'] !== undefined) {
      out.push({ t: 'punct', c: s, text: s });
    } else {
      out.push({ t: 'other', text: s });
    }
  }
  return out;
}
