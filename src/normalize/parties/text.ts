/**
 * Text helpers for party names: quote/apostrophe/space normalisation, the
 * bracket/quote structure of a string, and the canonical identity key.
 */

import { cleanLine } from '../../util/text.js';

/** „ and the double-quote characters whose direction must be read from context ("“”‟″〃＂). */
const QUOTES = /[„"“”‟″〃＂]/g;
const APOSTROPHE_RE = /['`ʼ‘’ʹ′]/g;
const DASH_RE = /[\u2010-\u2015\u2212]/g;

/**
 * Normalise a name for display: one line (src/util/text.ts `cleanLine`), all double quotes → « / »,
 * apostrophes → ’. Letters, case and other punctuation are kept.
 */
export function normaliseText(text: string): string {
  let s = cleanLine(text);
  s = s.replace(APOSTROPHE_RE, '’');
  return normaliseQuotes(s);
}

/**
 * All double quotes become «…». „ always opens; « and » keep their direction;
 * the others open when they follow a boundary (start, space, opening bracket or
 * an opening quote) and are followed by a non-space, and close otherwise.
 */
export function normaliseQuotes(s: string): string {
  // Every quote is one UTF-16 unit: the unit before a quote is the last character written (the replacement,
  // when it was a quote too) and the unit after it tells whether a word follows (a surrogate is no boundary).
  let lastAt = -1;
  let lastOut = '';
  return s.replace(QUOTES, (c: string, at: number) => {
    let out: string;
    if (c === '„') {
      out = '«';
    } else {
      const prev = at === 0 ? undefined : at - 1 === lastAt ? lastOut : s[at - 1];
      const next = s[at + 1];
      const afterBoundary = prev === undefined || /[\s(\[{«/–—-]/.test(prev);
      const beforeBoundary = next === undefined || /[\s,;.:!?)\]}]/.test(next);
      out = afterBoundary && !beforeBoundary ? '«' : '»';
    }
    lastAt = at;
    lastOut = out;
    return out;
  });
}

/**
 * For every UTF-16 index: true when it lies inside a matched «…» or (…) / […] pair
 * (the delimiters included). Unmatched openers protect nothing, so a quote left
 * open by the author (e.g. «ІАЦ "Хмельницькі ініціативи") does not swallow the
 * rest of the cell.
 */
export function protectedMask(s: string): boolean[] {
  const diff = new Array<number>(s.length + 1).fill(0);
  const quotes: number[] = [];
  const parens: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '«') quotes.push(i);
    else if (c === '»') {
      const open = quotes.pop();
      if (open !== undefined) mark(diff, open, i);
    } else if (c === '(' || c === '[') parens.push(i);
    else if (c === ')' || c === ']') {
      const open = parens.pop();
      if (open !== undefined) mark(diff, open, i);
    }
  }
  const mask = new Array<boolean>(s.length).fill(false);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    depth += diff[i] as number;
    mask[i] = depth > 0;
  }
  return mask;
}

function mark(diff: number[], from: number, to: number): void {
  diff[from] = (diff[from] as number) + 1;
  diff[to + 1] = (diff[to + 1] as number) - 1;
}

/** «(за згодою)», «(за погодженням)», or a bare «за згодою» closing the text. */
const AGREEMENT = String.raw`\(\s*за\s+(?:згодою|погодженням)\s*\)|(?:^|(?<=[\s,–—-]))за\s+згодою\s*$`;

export function hasAgreementMark(s: string): boolean {
  return new RegExp(AGREEMENT, 'iu').test(s);
}

export function removeAgreementMark(s: string): string {
  return s.replace(new RegExp(AGREEMENT, 'giu'), ' ');
}

/**
 * Canonical identity key of a name: NFC, lower case, quotes removed, apostrophes
 * and dashes unified, «(за згодою)» and other parenthesised remarks removed
 * (Kyiv writes the same department with and without «(Київської міської державної
 * адміністрації)»), spaces collapsed, trailing punctuation dropped.
 * Idempotent: baseKey(baseKey(x)) === baseKey(x).
 */
export function baseKey(name: string): string {
  let s = removeAgreementMark(normaliseText(name));
  s = stripParentheticals(s);
  s = s
    .toLowerCase()
    .replace(/[«»]/g, ' ')
    .replace(DASH_RE, '-')
    .replace(/\s*-\s+|\s+-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
    .trim();
  return s;
}

/** Remove matched (…) groups; keep the text when brackets are unbalanced. */
export function stripParentheticals(s: string): string {
  let prev: string;
  let cur = s;
  do {
    prev = cur;
    cur = cur.replace(/\s*\([^()]*\)/g, '');
  } while (cur !== prev);
  return cur.replace(/\s+/g, ' ').trim();
}

/** Words of a string (letters, digits, apostrophes and inner hyphens). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}’]+(?:-[\p{L}\p{N}’]+)*/gu) ?? [];
}
