/**
 * Shared text primitives (used by extract for matching and by normalize for cleaning).
 * Text cleaning shared by every stage after the readers.
 *
 * Ukrainian text is data: we keep letters exactly (NFC) and only touch
 * white space, invisible characters and extraction artefacts. Quote and
 * apostrophe unification is offered separately for matching keys.
 */

const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n\f\v]+/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const BOOKMARK = /\[bookmark:\s*[^\]]*\]/g;

/** NFC, artefacts removed, every run of white space collapsed to one space, trimmed. */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(BOOKMARK, '')
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Like cleanText, but keeps line breaks between non-empty lines. */
export function cleanMultiline(value: string): string {
  return value
    .split(/\r\n|\n|\r/)
    .map(cleanText)
    .filter((line) => line !== '')
    .join('\n');
}

/** Clean text, or null when nothing is left. */
export function cleanOrNull(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = cleanMultiline(value);
  return cleaned === '' ? null : cleaned;
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
  return unifyApostrophes(cleanText(value))
    .toLocaleLowerCase('uk')
    .replace(/[«»“”„"‟]/g, '')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Upper-case the first letter, keep the rest (for names written in capitals, e.g. «ПЛАН»). */
export function sentenceCase(value: string): string {
  const lower = value.toLocaleLowerCase('uk');
  return lower.charAt(0).toLocaleUpperCase('uk') + lower.slice(1);
}

/** Does the text start with a lower-case letter (a continuation of a broken line)? */
export function startsLowercase(value: string): boolean {
  const first = value.trimStart().charAt(0);
  return first !== '' && first === first.toLocaleLowerCase('uk') && first !== first.toLocaleUpperCase('uk');
}

/** Does the text start with an upper-case letter? */
export function startsUppercase(value: string): boolean {
  const first = value.trimStart().charAt(0);
  return first !== '' && first === first.toLocaleUpperCase('uk') && first !== first.toLocaleLowerCase('uk');
}
