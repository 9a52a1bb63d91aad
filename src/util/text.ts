/**
 * Text cleaning, one module for the PDF reader's run text and every stage after the readers (extract,
 * normalize, datasets, validate).
 *
 * Ukrainian text is data: letters are kept exactly (NFC) and only white space, invisible characters and
 * extraction artefacts are touched. The names say what is kept:
 * - `cleanLine` makes one line: every run of white space, line breaks included, becomes one space;
 * - `cleanLines` keeps the line breaks between non-empty lines, each line cleaned as by `cleanLine`;
 * - `cleanOrNull(value, lines)` is either of them, or null when nothing is left;
 * - `cleanRunText` is the PDF reader's text of one run: it keeps the no-break space and the run's edge spaces.
 * Quote and apostrophe unification is separate (`unifyApostrophes`, `matchKey`), for matching keys.
 *
 * Case: `toLowerCase`/`toUpperCase` are the Ukrainian case mappings. Unicode has language-specific mappings
 * only for Lithuanian, Turkish and Azeri (SpecialCasing.txt); for Ukrainian the mapping is the root one,
 * and `toLocaleLowerCase('uk')` gives the same text at about three times the cost (it resolves the locale on
 * every call). test/util/text-fast.test.ts checks every code point.
 */

/** White space: JavaScript's \s (Unicode White_Space and the BOM; NBSP, narrow NBSP, U+2028/2029 included) and NEL. */
const WHITE_SPACE = /[\s\u0085]+/gu;
/** Characters that show nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** A bookmark marker some converters leave in the text. */
const BOOKMARK = /\[bookmark:\s*[^\]]*\]/g;

/**
 * Characters `cleanLine` keeps as they are, alone and next to each other: printable ASCII and the space,
 * Latin-1 and Latin letters up to U+02FF (without the no-break space and the soft hyphen), Cyrillic
 * (without the combining marks U+0483–U+0489), general punctuation from ‐ to ‧ and from ‰ to ⁞, ₴, №, −.
 * None is white space other than the space, none is invisible, none changes under NFC and no two of them
 * compose (test/util/text-fast.test.ts checks every character and every pair), so a text made of them
 * alone is NFC already.
 */
export const CLEAN_LINE_INERT: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa1, 0xac],
  [0xae, 0x2ff],
  [0x400, 0x482],
  [0x48a, 0x4ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20b4, 0x20b4],
  [0x2116, 0x2116],
  [0x2212, 0x2212],
];
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
/** A character other than those. */
const NOT_INERT = new RegExp(`[^${CLEAN_LINE_INERT.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`);

/** Is the line clean already: inert characters only, no two spaces in a row, none at either end, no bookmark? */
function isCleanLine(value: string): boolean {
  const last = value.length - 1;
  return (
    !NOT_INERT.test(value) &&
    (last < 0 || (value.charCodeAt(0) !== 0x20 && value.charCodeAt(last) !== 0x20)) &&
    !value.includes('  ') &&
    !value.includes('[bookmark:')
  );
}

/** One line: NFC, artefacts and invisible characters removed, every run of white space (line breaks too) → one space, trimmed. */
export function cleanLine(value: string): string {
  // Most texts reaching here were cleaned before: returned as they are, which is what the steps below give.
  if (isCleanLine(value)) return value;
  let text = value.normalize('NFC').replace(INVISIBLE, '');
  // Until none is left, so that cleaning a cleaned text changes nothing.
  for (let before = ''; before !== text; ) [before, text] = [text, text.replace(BOOKMARK, '')];
  return text.replace(WHITE_SPACE, ' ').trim();
}

/** Keeps line breaks: every non-empty line cleaned as by `cleanLine`, joined by «\n». */
export function cleanLines(value: string): string {
  return value
    .split(/\r\n|\n|\r|\u2028|\u2029|\u0085/)
    .map(cleanLine)
    .filter((line) => line !== '')
    .join('\n');
}

/** What `cleanOrNull` keeps. */
export type LineBreaks = 'one line' | 'keep line breaks';

/** The cleaned text (`cleanLine` or `cleanLines`), or null when there is none or nothing is left. */
export function cleanOrNull(value: string | null | undefined, lines: LineBreaks): string | null {
  if (value == null) return null;
  const cleaned = lines === 'one line' ? cleanLine(value) : cleanLines(value);
  return cleaned === '' ? null : cleaned;
}


/** White space except the no-break space (U+00A0), for `cleanRunText`. */
const SPACE_EXCEPT_NBSP = /[^\S\u00A0]+/gu;
/** Control characters other than tab and line breaks, the replacement character and the BOM. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD\uFEFF]/gu;

/**
 * The text of one PDF text run as the reader lays it out (not a cleaned line): NFC, control
 * characters, U+FFFD and the BOM dropped, a soft hyphen made a visible hyphen, every run of
 * white space except the no-break space → one space. Keeps the no-break space (it is data, and
 * it binds words on a line) and the run's leading and trailing space (the gap to the next run);
 * zero-width characters are left as they are.
 */
export function cleanRunText(value: string): string {
  return value.normalize('NFC').replace(CONTROL, '').replace(/\u00AD/gu, '-').replace(SPACE_EXCEPT_NBSP, ' ');
}

/** Every apostrophe look-alike → ’ (U+2019), the form Ukrainian orthography uses. */
export function unifyApostrophes(value: string): string {
  return value.replace(/[\u0027\u0060\u00B4\u02BC\u02B9\u2018\u2032\uFF07]/g, '\u2019');
}

/**
 * A key for matching labels and headers: NFC, lower case, apostrophes unified,
 * quotes and dashes dropped, white space collapsed.
 */
export function matchKey(value: string): string {
  return matchKeyOfLine(cleanLine(value));
}

/** `matchKey` of a text already cleaned by `cleanLine`: matchKey(x) = matchKeyOfLine(cleanLine(x)). */
export function matchKeyOfLine(line: string): string {
  return unifyApostrophes(line)
    .toLowerCase()
    .replace(/[«»“”„"‟]/g, '')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Upper-case the first letter, keep the rest (for names written in capitals, e.g. «ПЛАН»). */
export function sentenceCase(value: string): string {
  const lower = value.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Does the text start with a lower-case letter (a continuation of a broken line)? */
export function startsLowercase(value: string): boolean {
  const first = value.trimStart().charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** Does the text start with an upper-case letter? */
export function startsUppercase(value: string): boolean {
  const first = value.trimStart().charAt(0);
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase();
}

/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
