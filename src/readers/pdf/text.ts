/**
 * Text of a PDF page for the PDF reader: positioned text runs grouped into lines, lines
 * grouped into paragraphs, and lines joined into paragraph text.
 *
 * Joining is deferred until the whole document has been read, because one rule (a word
 * broken at a line end without a visible hyphen) consults the document's own vocabulary.
 *
 * Line-join rules (line A followed by line B in the same paragraph), first match wins:
 * 1. A ends with a hyphen right after a letter and B starts with a lower-case letter:
 *    - the part before the hyphen is not a complete word (never seen as a word inside a
 *      line) while the word without the hyphen is («інфор» + «маційної» →
 *      «інформаційної» occurs elsewhere in the document) → join without the hyphen: it
 *      was a hyphenation at the line end;
 *    - otherwise keep the hyphen with no space («інформаційно-» + «аналітичної»,
 *      «влада-» + «громадяни-бізнес», «смарт-» + «бібліотеки»): a real compound. Without
 *      a dictionary this is the safe default: line breakers (LibreOffice, Word without
 *      auto-hyphenation) break only at real hyphens, and a kept hyphen never glues words.
 * 2. A ends with a hyphen after a letter or digit and B starts with anything else
 *    (a capital, a digit: «2026-» / «2027») → keep the hyphen, no space. The same for a slash
 *    between two words or numbers: line breakers break after it («мікрогрантів/» / «пільг»).
 * 3. B starts with a lower-case letter and A's last word was broken without a hyphen →
 *    join without a space. Either the two halves joined occur elsewhere in the document
 *    as one word and A's half is not a word (a soft hyphen the PDF's text layer lost,
 *    «Забезпечення інфор» / «маційної»), or A is a single over-long word filling its line
 *    and B begins with a remainder of at most four letters that is no known word (an emergency
 *    break in a narrow column: «Хмельницькінфоце» / «нтр»», «адміністративни» / «х»).
 *    Longer remainders stay separated by a space: «Консультанти» / «компанії» looks the same.
 *    Nor is a remainder joined that the text shows to be a word (seen inside a line, or ending a line
 *    after another word: «даних»), nor after a first half that is a word of the document (seen inside a
 *    line or starting a line of several words) or ends as a complete word form (-ого, -ння, -ості …:
 *    «комунального» / «майна»), when three letters or more follow.
 *    A web address filling its line also continues without a space.
 * 4. B starts with closing punctuation (» ” ) ] , . ; : ! ?) or A ends with an opening quote or
 *    bracket (« „ “ ( [) → join without a space: a quote never stands apart from its word, and a
 *    line breaker may push a lone closing » onto the next line («Спецкомунтранс» / «»»).
 * 5. Otherwise join with one space.
 *
 * Rule 3 also covers emergency breaks of a word too wide for any line: A is that one word alone,
 * filled to within a glyph, and B begins with a short remainder (at most five characters; letters
 * that are no word of the document, a single letter that is no Ukrainian one-letter word, or digits
 * after digits) — «Хмельницькінфо» / «центр»», «Термі» / «н», «02.202» / «5-». A remainder that is a
 * one-letter word («університетськом» / «у») cannot be told from a wrap and stays apart. A quoted name
 * broken so is mended whatever the remainder's length when A opens the quote, B's first word closes it and
 * neither half is a word of the document («Хмельницькін» / «фоцентр»,»).
 */

import { PDF_SETTINGS } from './settings.js';
import { cleanRunText } from '../../util/text.js';

/**
 * A function of a string remembered by its argument, for texts a document repeats (run texts, words). Bounded:
 * cleared when it holds `max` entries, so a long batch does not grow it.
 */
function remembered(fn: (s: string) => string, max: number): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, out);
    }
    return out;
  };
}

/** `cleanRunText` by run text: a line's runs are cleaned when the line is made and its first run again when it is measured. */
const runText = remembered(cleanRunText, 20000);

/** One positioned run of text in page space (baseline y, growing downwards). */
export interface TextRun {
  str: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
  bold: boolean;
  /** pdf.js font id (a change of font between lines can end a paragraph). */
  font?: string;
  /** Recognition confidence 0–100 when the run was read by OCR. */
  conf?: number;
  /** Advance widths of the run's font by character (em), when the font gives them. */
  glyphs?: ReadonlyMap<string, number>;
}

/** A line of text: runs on one baseline, left to right. */
export interface Line {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
  bold: boolean;
  /** OCR confidence 0–100 (runs' confidences weighted by length), when read by OCR. */
  conf?: number;
}

/** A line as kept for the final join: its text and how much room was left on it. */
export interface PLine {
  text: string;
  /**
   * Room left on the line: the width of the cell content / text column minus the line's
   * width, pt. See `room` for how a first-line indent is taken into account.
   */
  free: number;
  /** Average width of a non-space character on the line (a space counts as ~0.45 of one), pt. */
  charWidth: number;
  /** Baseline, pt (page space). */
  base: number;
  /** Font size, pt. */
  size: number;
  /** Left edge relative to the left edge of the text block / cell content, pt. */
  indent: number;
  /** The line comes after a page break (its baseline is on another page than the line before). */
  cross?: boolean;
  /** Every run of the line is set in a bold font. */
  bold?: boolean;
  /** OCR confidence 0–100, when read by OCR. */
  conf?: number;
  /**
   * Width of the line's first unbreakable unit (see `firstUnit`) and of a space, pt, measured with
   * the font's own glyph widths when the PDF gives them (else estimated from `charWidth`).
   */
  firstWidth?: number;
  spaceWidth?: number;
  /** Measured width of the line's first character, pt. */
  firstGlyph?: number;
}


/** Group runs into lines: runs whose baselines are within ~0.45 of the font size. */
export function toLines(runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let cur: TextRun[] = [];
  let curBase = Number.NaN;
  let curSize = 0;
  for (const r of sorted) {
    if (cur.length > 0 && Math.abs(r.base - curBase) <= Math.max(1, PDF_SETTINGS.text.baselineTolerance * Math.min(curSize, r.size))) {
      cur.push(r);
    } else {
      if (cur.length > 0) groups.push(cur);
      cur = [r];
      curBase = r.base;
      curSize = r.size;
    }
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map(makeLine);
}

/**
 * The gap between two runs above which a space separates them: a share of the font's own space
 * glyph when the font gives its widths, else a share of the font size.
 */
function wordSpace(prev: TextRun, next: TextRun): number {
  const em = prev.glyphs?.get(' ') ?? next.glyphs?.get(' ');
  const size = Math.min(prev.size, next.size);
  if (em !== undefined) return PDF_SETTINGS.text.wordSpace * em * size;
  return PDF_SETTINGS.text.wordSpaceFallback * size;
}

export function makeLine(runs: TextRun[]): Line {
  const rs = runs.length > 1 ? runs.slice().sort((a, b) => a.x0 - b.x0) : runs.slice();
  let text = '';
  let prev: TextRun | undefined;
  let x0 = rs[0]?.x0 ?? Infinity;
  let x1 = rs[0]?.x1 ?? -Infinity;
  let bold = true;
  let ocr = false;
  for (const r of rs) {
    const s = runText(r.str);
    if (prev) {
      const gap = r.x0 - prev.x1;
      const needSpace = gap > wordSpace(prev, r) && !text.endsWith(' ') && !s.startsWith(' ');
      if (needSpace) text += ' ';
    }
    text += s;
    prev = r;
    // Math.min/max pairwise: the same as over the whole list (NaN and -0 included)
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
    if (!r.bold) bold = false;
    if (r.conf !== undefined) ocr = true;
  }
  if (text.includes('  ')) text = text.replace(/ {2,}/gu, ' ');
  text = text.trim();
  const size = rs.length === 1 ? rs[0]!.size : median(rs.map((r) => r.size));
  const base = rs.length === 1 ? rs[0]!.base : median(rs.map((r) => r.base));
  const line: Line = { runs: rs, text, x0, x1, base, size, bold };
  if (ocr) line.conf = weightedConf(rs.map((r) => ({ text: r.str, conf: r.conf })));
  return line;
}

/** Mean OCR confidence of pieces of text, weighted by their length (pieces without one are skipped). */
export function weightedConf(pieces: { text: string; conf?: number | undefined }[]): number {
  let sum = 0;
  let n = 0;
  for (const p of pieces) {
    if (p.conf === undefined) continue;
    const w = Math.max(1, p.text.trim().length);
    sum += w * p.conf;
    n += w;
  }
  return n > 0 ? Math.round((sum / n) * 10) / 10 : 0;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Typical baseline-to-baseline distance of consecutive lines (single spacing), or 1.15 × size. */
export function typicalPitch(lineGroups: { base: number; size: number }[][]): number {
  const pitches: number[] = [];
  const sizes: number[] = [];
  for (const lines of lineGroups) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      sizes.push(a.size);
      const p = b.base - a.base;
      if (p >= PDF_SETTINGS.text.minPitch * a.size && p <= PDF_SETTINGS.text.maxPitch * a.size) pitches.push(p / a.size);
    }
  }
  return pitches.length > 0 ? median(pitches) : 1.15;
}

const LOWER_START = /^[\p{Ll}]/u;
/** Punctuation that closes onto the word before it (never preceded by a space). */
const CLOSING_START = /^[»”)\],.;:!?]/u;
/** Opening quotes and brackets (never followed by a space). */
const OPENING_END = /[«„“(\[]$/u;
const HYPHEN_END = /[\p{L}\p{N}][-\u2010\u2011]$/u;
/** A slash right after a letter or digit (a break after «мікрогрантів/», «2025/»). */
const SLASH_END = /[\p{L}\p{N}]\/$/u;
/**
 * Endings of complete Ukrainian word forms (adjective and noun inflections: «комунального», «розвитку» is not one
 * of them). A lone word that ends so, followed by a word of three letters or more, was wrapped, not broken.
 */
const COMPLETE_ENDING = /(?:ого|ому|ими|ної|ною|них|ній|ний|ння|ття|ість|ості|ами|ями)$/u;
const LETTER_HYPHEN_END = /\p{L}[-\u2010\u2011]$/u;
const DIGIT_END = /\p{N}$/u;
const LETTER_END = /\p{L}$/u;
/** A word that opens a quote and does not close it («Хмельницькін). */
const OPENS_QUOTE = /^[«„“][^»”“]*$/u;
/** Lower-case letters that close a quote, maybe with punctuation after (фоцентр», / фоцентр»). */
const CLOSES_QUOTE = /^\p{Ll}[\p{L}’'-]*[»”“][.,;:)]*$/u;
/** A letter, a closing quote or a bracket: where a word broken without a hyphen can end. */
const WORD_END = /[\p{L}»"”)]$/u;
const SENTENCE_END = /[.!?]$/u;
/** Punctuation after which a heading does not start (the line goes on into it). */
const LEADING_IN_END = /[,:;(«-]$/u;

/**
 * Whether a pattern anchored at the end (`…$`, at most two characters long) matches a text: tested on the
 * text's last eight code units, the same answer (a regular expression tries every start position, so
 * testing the whole line costs its length).
 */
export function endMatches(re: RegExp, s: string): boolean {
  return re.test(s.length > 8 ? s.slice(-8) : s);
}

/** Up to the first plain space (as `s.split(' ')[0]`). */
function firstWord(s: string): string {
  const i = s.indexOf(' ');
  return i < 0 ? s : s.slice(0, i);
}

/** After the last plain space (as the last of `s.split(' ')`). */
function lastWord(s: string): string {
  return s.slice(s.lastIndexOf(' ') + 1);
}

/** Letters of a token (apostrophes kept), lower-cased: the vocabulary key (remembered by token: a document repeats its words). */
export const wordKey = remembered(
  (s) =>
    s
      .toLowerCase()
      .replace(/[ʼ'`´]/gu, '’')
      .replace(/^[^\p{L}]+|[^\p{L}’-]+$/gu, ''),
  50000,
);

/**
 * Room left at the end of line A. When A is indented and B starts at the left edge (a
 * first-line indent), the indent is not room; otherwise (centred or right-aligned lines)
 * all unused width counts, wherever it lies.
 */
export function room(a: PLine, b: PLine): number {
  const size = Math.max(a.size, b.size);
  if (b.indent < PDF_SETTINGS.paragraph.flush * size && a.indent > 0.5 * size) return a.free - a.indent;
  return a.free;
}

/** Ukrainian one-letter words (a broken word's one-letter remainder is none of these). */
const ONE_LETTER_WORDS = new Set(['а', 'в', 'є', 'з', 'і', 'й', 'о', 'у', 'я', 'ж', 'б']);
/** Conjunctions: never right after a one-letter preposition or conjunction. */
const CONJUNCTIONS = new Set(['та', 'і', 'й', 'а', 'або', 'чи', 'але', 'проте', 'однак']);
/** A web address or e-mail: broken anywhere when it does not fit a line. */
const URL_RE = /^(?:https?:\/\/|www\.|\S+@)\S*$/iu;

/**
 * A word too wide for any line, broken where its own line was full (line breakers move a long
 * word to a new line first, so A holds only that word) and A is filled to within a glyph. A normal wrap of a lone long word
 * looks the same, so the remainder must not be a word of the document.
 */
function forcedBreak(a: PLine, b: PLine, vocab: Vocabulary): boolean {
  if (a.text.includes(' ')) return false;
  if (!fillsLine(a, b)) return false;
  // digits broken inside a number or date («02.202» / «5-»); a remainder is a few characters
  if (endMatches(DIGIT_END, a.text) && /^\p{N}/u.test(b.text)) return [...firstWord(b.text)].length <= PDF_SETTINGS.paragraph.maxDigitRemainder;
  if (!LOWER_START.test(b.text) || !endMatches(LETTER_END, a.text)) return false;
  const left = wordKey(a.text);
  const right = wordKey(firstWord(b.text));
  if (left.length < 2 || right.length === 0) return false;
  // the same word broken at two different places in the document («облдержадмініс|трації»,
  // «облдержадмін|істрації»): each is a broken word, whatever the remainder's length
  if (vocab.breaks(left + right) >= 2 && !vocab.has(left)) return true;
  // a quoted name too wide for its line: A opens a quote it does not close and B's first word closes it
  // («Хмельницькін» / «фоцентр»,»: one word, a municipal body's name, broken where the line was full), whatever
  // the remainder's length; neither half is a word of the document
  if (OPENS_QUOTE.test(a.text) && CLOSES_QUOTE.test(firstWord(b.text)) && !vocab.has(left) && !vocab.has(right)) return true;
  if ([...right].length > PDF_SETTINGS.paragraph.maxRemainder) return false;
  // a first half that is a word, followed by a word: a wrap («комунального» / «майна,»)
  if (right.length > 1 && firstHalfIsWord(left, right, vocab)) return false;
  // a one-letter remainder that is also a one-letter word («у», «й», «я», «о»): joined when the
  // whole word occurs elsewhere in the document and the left part is no word of its own
  // («моніторинг|у»), or when it ends the text or punctuation follows it (a preposition, conjunction
  // or pronoun does not end a cell: «щомісяц|я», «компетентносте|й.»)
  if (right.length === 1 && ONE_LETTER_WORDS.has(right)) {
    if (vocab.has(left)) return false;
    if (vocab.seen(left + right)) return true;
    if (/^\p{L}[.,;:!?»)]*$/u.test(b.text) || /^\p{L}[.,;:!?»)]/u.test(firstWord(b.text))) return true;
    // nor is a preposition or conjunction followed by a conjunction («оприлюднен|о та оновлюється»)
    return CONJUNCTIONS.has(wordKey(b.text.split(' ')[1] ?? ''));
  }
  if (right.length === 1) return true;
  return !vocab.whole(right);
}

/**
 * Line A is filled to its end: measured with the font's glyph widths, not even B's first letter
 * would have fitted (a word too long for the line is broken exactly there); else, estimated, less
 * than one and a half average glyphs are left.
 */
function fillsLine(a: PLine, b: PLine): boolean {
  if (b.firstGlyph !== undefined) return room(a, b) < b.firstGlyph + PDF_SETTINGS.paragraph.measuredSlack * 2 * Math.max(a.size, b.size);
  return room(a, b) < PDF_SETTINGS.paragraph.fullLineGlyphs * Math.max(a.charWidth, b.charWidth);
}

/**
 * The last word of line A is a whole word, not the first half of one broken before `right`: a word of the
 * document (seen inside a line or starting a line of several words), or ending as a complete word form before
 * three letters or more («комунального» / «майна»).
 */
function firstHalfIsWord(left: string, right: string, vocab: Vocabulary): boolean {
  return vocab.wholeBefore(left) || ([...right].length >= 3 && COMPLETE_ENDING.test(left));
}

/** Whether line A ends with a word broken without a hyphen that B completes (rule 3), given the vocabulary. */
function brokenWord(a: PLine, b: PLine, vocab: Vocabulary): boolean {
  // a web address filling its line continues on the next one
  if (URL_RE.test(lastWord(a.text)) && fillsLine(a, b) && /^\S/u.test(b.text)) return true;
  if (forcedBreak(a, b, vocab)) return true;
  if (!LOWER_START.test(b.text)) return false;
  if (!endMatches(WORD_END, a.text)) return false;
  const left = wordKey(lastWord(a.text));
  const right = wordKey(firstWord(b.text));
  if (left.length < 2 || right.length === 0) return false;
  if (right.length === 1 && ONE_LETTER_WORDS.has(right)) return false;
  // the whole word is known and the left half is not a word of its own
  if (vocab.seen(left + right) && !vocab.has(left)) return true;
  // an over-long word filling its own line, broken a few letters before its end: the
  // remainder is not a word («нтр»», «х» of «адміністративни|х»); one letter that is no
  // Ukrainian one-letter word is never a word, whatever the document's noise
  const single = !a.text.includes(' ') && fillsLine(a, b);
  const notWord = right.length === 1 ? true : !vocab.whole(right);
  if (single && [...right].length <= 4 && notWord && !firstHalfIsWord(left, right, vocab)) return true;
  return false;
}

export type JoinKind = 'space' | 'none' | 'drop-hyphen';

/** How line A joins line B (see the rules at the top of this file). */
export function joinKind(a: PLine, b: PLine, vocab: Vocabulary): JoinKind {
  if (endMatches(LETTER_HYPHEN_END, a.text) && LOWER_START.test(b.text)) {
    const stem = wordKey(lastWord(a.text).slice(0, -1));
    const rest = wordKey(firstWord(b.text));
    if (vocab.seen(stem + rest) && !vocab.has(stem)) return 'drop-hyphen';
    return 'none';
  }
  if (endMatches(HYPHEN_END, a.text) && !/^\s/u.test(b.text)) return 'none';
  if (endMatches(SLASH_END, a.text) && /^[\p{L}\p{N}]/u.test(b.text)) return 'none';
  if (brokenWord(a, b, vocab)) return 'none';
  if (CLOSING_START.test(b.text) || endMatches(OPENING_END, a.text)) return 'none';
  return 'space';
}

/** Whether joining A and B mends a word (rules 1–3), i.e. they cannot be separate paragraphs. */
export function midWord(a: PLine, b: PLine, vocab: Vocabulary): boolean {
  return joinKind(a, b, vocab) !== 'space';
}

/** Join a paragraph's lines (see the rules at the top of this file). */
export function joinLines(lines: PLine[], vocab: Vocabulary): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const b = lines[i]!;
    if (i === 0) {
      out = b.text;
      continue;
    }
    const kind = joinKind(lines[i - 1]!, b, vocab);
    if (kind === 'space') out += ` ${b.text}`;
    else if (kind === 'none') out += b.text;
    else out = out.slice(0, -1) + b.text;
  }
  return out.trim();
}

/**
 * The document's own words. `has` knows words seen inside lines (never a line's first or
 * last word, which may be the halves of a broken word); `seen` also knows the words at
 * line edges, so a whole word is found wherever it occurs unbroken.
 */
export class Vocabulary {
  private readonly inner = new Set<string>();
  private readonly edges = new Set<string>();

  /** Last words of lines of two or more words: where a word cannot be what a broken word left on the next line. */
  private readonly ends = new Set<string>();
  /** First words of lines of two or more words: where a word cannot be the first half of a word broken at its end. */
  private readonly starts = new Set<string>();

  addLine(text: string): void {
    const parts = text.split(' ');
    for (let i = 0; i < parts.length; i++) {
      const k = wordKey(parts[i]!);
      if (k.length < 1) continue;
      const set = i > 0 && i < parts.length - 1 ? this.inner : this.edges;
      set.add(k);
      if (i > 0 && i === parts.length - 1) this.ends.add(k);
      if (i === 0 && parts.length > 1) this.starts.add(k);
      // parts of a hyphenated compound are words too
      if (k.includes('-')) for (const p of k.split('-')) if (p.length >= 1) set.add(p);
    }
  }

  private readonly broken = new Map<string, Set<number>>();

  /**
   * A line that is one word filling its line, followed by a line starting in lower case: a
   * candidate word broken at the line end. The joined word and where it was cut are counted.
   */
  addBreak(a: string, b: string): void {
    if (a.includes(' ') || !LOWER_START.test(b)) return;
    const left = wordKey(a);
    const right = wordKey(firstWord(b));
    if (left.length < 2 || right.length === 0) return;
    const cuts = this.broken.get(left + right) ?? new Set<number>();
    cuts.add(left.length);
    this.broken.set(left + right, cuts);
  }

  /** At how many different places the word was found broken at a line end. */
  breaks(word: string): number {
    return this.broken.get(word)?.size ?? 0;
  }

  /** A complete word (seen inside a line). */
  has(word: string): boolean {
    return this.inner.has(word);
  }

  /**
   * A complete word by what is known of the text after a line break: seen inside a line, or ending a line after
   * other words, where it cannot be the rest of a word broken on the line before. In a narrow column most words
   * stand at a line's edge, so `has` alone misses common words («даних», «майна»).
   */
  whole(word: string): boolean {
    return this.inner.has(word) || this.ends.has(word);
  }

  /** A complete word by what is known of the text before a line break: seen inside a line, or starting a line of several words. */
  wholeBefore(word: string): boolean {
    return this.inner.has(word) || this.starts.has(word);
  }

  /** Seen anywhere, line edges included. */
  seen(word: string): boolean {
    return this.inner.has(word) || this.edges.has(word);
  }
}

/** A list item: a bullet glyph and a space. */
const BULLET_START = /^[·•▪◦●○■□➢►✓✔\u2043\uF0B7]\s/u;

/**
 * Estimated width of B's first word (up to a plain space: a no-break space binds words),
 * set in the wider of the two lines' fonts, pt.
 */
export function firstWordWidth(a: PLine, b: PLine): number {
  if (b.firstWidth !== undefined) return b.firstWidth;
  return [...firstUnit(b.text)].length * Math.max(a.charWidth, b.charWidth);
}

/**
 * The first unbreakable unit of a line: its first word, extended over following words that
 * open with a quotation mark (line breakers keep «Ініціативи «Партнерство» together: Unicode
 * line breaking does not break before an opening «).
 */
export function firstUnit(s: string): string {
  let end = s.indexOf(' ');
  while (end >= 0 && OPENING_QUOTE.has(s.charCodeAt(end + 1))) end = s.indexOf(' ', end + 1);
  return end < 0 ? s : s.slice(0, end);
}
/** « „ “ " (a word opening with one of them stays with the word before it). */
const OPENING_QUOTE = new Set([0xab, 0x201e, 0x201c, 0x22]);

/**
 * Split a block's lines into paragraphs. A new paragraph starts at line B when, in order:
 * - the gap above B exceeds single spacing by more than max(2 pt, 0.2 × font size)
 *   (paragraph spacing; within a paragraph, baselines are evenly spaced);
 * - B comes after a page break, A ends a sentence (. ! ?) and B starts with a capital, a
 *   digit or a quote (the gap is lost across pages; «;» lists carry on);
 * - not when B continues a word broken at A's end (hyphen, emergency or lost soft hyphen);
 * - B starts with a bullet glyph;
 * - B starts a heading: a commitment, task, measure or section word with its number
 *   («Зобов’язання 4.», «Завдання 2», «Розділ II»), or a numbered heading «1. Capital…»;
 * - the font changes between A and B: one is bold and the other not, or the size differs by more
 *   than 15 % (a title line above body text, a bold heading under a plain line);
 * - B's first unbreakable unit would clearly have fitted in the room left on A
 *   (room > 1.1 × estimated width + 0.35 × font size): A ended on purpose;
 * - (free text only) A starts at the block's left edge and B is indented (a first-line indent).
 * `pitch` is the typical single-spacing pitch as a multiple of the font size.
 */
export function splitParagraphs(lines: PLine[], pitch: number, vocab: Vocabulary, indentAware: boolean): PLine[][] {
  const paras: PLine[][] = [];
  let cur: PLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const b = lines[i]!;
    const a = lines[i - 1];
    if (a && isBreak(a, b, pitch, vocab, indentAware)) {
      paras.push(cur);
      cur = [];
    }
    cur.push(b);
  }
  if (cur.length > 0) paras.push(cur);
  return paras;
}

/**
 * A line opening a heading that starts a commitment, task, measure or section: the heading word
 * and its number (Arabic or Roman), or a multi-level / single number with a dot and a capital.
 */
const HEADING_START =
  /^(?:(?:зобов[’'ʼ`]?язання|завдання|захід|заходи|розділ|ціль|пріоритет|напрям(?:ок)?|частина|додаток)\s+(?:№\s*)?(?:\d+(?:\.\d+)*|[IVXLC]+)\b|\d{1,2}(?:\.\d{1,2})*\.\s+[\p{Lu}«])/iu;

/** Bold against regular, or a size step of more than 15 %. */
export function fontChange(a: PLine, b: PLine): boolean {
  if (a.bold !== undefined && b.bold !== undefined && a.bold !== b.bold) return true;
  return Math.abs(a.size - b.size) > PDF_SETTINGS.paragraph.sizeStep * Math.max(a.size, b.size);
}

export function isBreak(a: PLine, b: PLine, pitch: number, vocab: Vocabulary, indentAware: boolean): boolean {
  const size = Math.max(a.size, b.size);
  const P = PDF_SETTINGS.paragraph;
  if (!b.cross && b.base - a.base > pitch * size + Math.max(P.minGap, P.gapShare * size)) return true;
  // across a page break the gap is lost: a finished sentence followed by a capital starts anew
  if (b.cross && endMatches(SENTENCE_END, a.text) && /^[\p{Lu}\p{N}«"„“]/u.test(b.text)) return true;
  if (midWord(a, b, vocab)) return false;
  if (BULLET_START.test(b.text)) return true;
  if (HEADING_START.test(b.text) && !endMatches(LEADING_IN_END, a.text)) return true;
  if (fontChange(a, b)) return true;
  // B's first word would have fitted on A: A ended on purpose. Measured with the font's glyph
  // widths inside a cell (its width is known from its borders) the word must fit with a space
  // before it; otherwise the estimate is rough (average glyph width) and it must clearly fit.
  if (!indentAware && b.firstWidth !== undefined && b.spaceWidth !== undefined) {
    if (room(a, b) >= b.firstWidth + b.spaceWidth + P.measuredSlack * size) return true;
  } else if (room(a, b) > P.fitFactor * firstWordWidth(a, b) + P.fitSlack * size) return true;
  if (indentAware && b.indent > P.indent * size && a.indent < P.flush * size) return true;
  return false;
}

/** Split a run crossing vertical boundaries `xs` at the space nearest each boundary. */
export function splitRun(run: TextRun, xs: number[]): TextRun[] {
  // most runs cross no boundary: answered without building the list of cuts
  if (!xs.some((x) => x > run.x0 + 1 && x < run.x1 - 1)) return [run];
  const cuts = xs.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  const chars = [...run.str];
  const width = run.x1 - run.x0;
  const out: TextRun[] = [];
  let startIdx = 0;
  let startX = run.x0;
  for (const x of cuts) {
    const est = Math.round(((x - run.x0) / width) * chars.length);
    let idx = -1;
    for (let d = 0; d <= 4 && idx < 0; d++) {
      if (chars[est + d] === ' ') idx = est + d;
      else if (chars[est - d] === ' ') idx = est - d;
    }
    if (idx <= startIdx || idx >= chars.length - 1) continue;
    const endX = run.x0 + (idx / chars.length) * width;
    out.push({ ...run, str: chars.slice(startIdx, idx).join(''), x0: startX, x1: endX });
    startIdx = idx + 1;
    startX = run.x0 + ((idx + 1) / chars.length) * width;
  }
  out.push({ ...run, str: chars.slice(startIdx).join(''), x0: startX, x1: run.x1 });
  return out.filter((r) => r.str.trim() !== '');
}

/**
 * A font's glyph widths by UTF-16 code unit, in pages of 256 (holes: no width), so that measuring a string
 * looks up numbers instead of making a one-character string per character. Characters outside the BMP are
 * looked up in the map itself.
 */
type WidthPages = (number[] | undefined)[];
const widthPages = new WeakMap<ReadonlyMap<string, number>, WidthPages>();

function pagesOf(glyphs: ReadonlyMap<string, number>): WidthPages {
  let pages = widthPages.get(glyphs);
  if (pages) return pages;
  pages = [];
  for (const [ch, w] of glyphs) {
    if (ch.length !== 1) continue;
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const page = (pages[c >> 8] ??= new Array<number>(256));
    page[c & 255] = w;
  }
  widthPages.set(glyphs, pages);
  return pages;
}

/** Width in em of a string set in a font, or undefined when a character's width is unknown. */
function emWidth(s: string, glyphs: ReadonlyMap<string, number>): number | undefined {
  const pages = pagesOf(glyphs);
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let g: number | undefined;
    if (c < 0xd800 || c > 0xdfff) g = pages[c >> 8]?.[c & 255];
    else {
      // a surrogate: the code point, as iterating the string gives it
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      g = glyphs.get(String.fromCodePoint(cp));
    }
    if (g === undefined) return undefined;
    w += g;
  }
  return w;
}

/** Width in em of the first character (code point) of a string; 0 when it has none or its width is unknown. */
function firstGlyphEm(s: string, glyphs: ReadonlyMap<string, number>): number {
  const cp = s.codePointAt(0);
  if (cp === undefined) return 0;
  return glyphs.get(String.fromCodePoint(cp)) ?? 0;
}

/**
 * The measured widths of a line's first unit and of a space: the glyph widths of the first run's
 * font, scaled so that the run's own glyphs add up to its width on the page (character spacing and
 * horizontal scaling included).
 */
function measured(line: Line): { firstWidth: number; spaceWidth: number; firstGlyph: number } | undefined {
  const run = line.runs[0];
  if (!run?.glyphs) return undefined;
  const spaceEm = run.glyphs.get(' ');
  if (spaceEm === undefined) return undefined;
  const str = runText(run.str).trim();
  const em = emWidth(str, run.glyphs);
  if (!em) return undefined;
  const unit = firstUnit(line.text);
  if (!unit.startsWith(firstWord(str))) return undefined;
  const unitEm = emWidth(unit, run.glyphs);
  if (unitEm === undefined) return undefined;
  const scale = (run.x1 - run.x0) / em;
  return { firstWidth: unitEm * scale, spaceWidth: spaceEm * scale, firstGlyph: firstGlyphEm(unit, run.glyphs) * scale };
}

/** Characters (code points) of a text and how many of them are plain spaces. */
function countChars(text: string): { chars: number; spaces: number } {
  let chars = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) spaces++;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    chars++;
  }
  return { chars, spaces };
}

export function toPLine(line: Line, contentLeft: number, contentWidth: number): PLine {
  const width = line.x1 - line.x0;
  const { chars, spaces } = countChars(line.text);
  const n = Math.max(1, chars - spaces + 0.45 * spaces);
  const m = measured(line);
  // the keys in the order they always had (measured ones first), set one by one (no spread)
  const out = {} as PLine;
  if (m) {
    out.firstWidth = m.firstWidth;
    out.spaceWidth = m.spaceWidth;
    out.firstGlyph = m.firstGlyph;
  }
  out.text = line.text;
  out.free = contentWidth - width;
  out.charWidth = width / n;
  out.base = line.base;
  out.size = line.size;
  out.indent = line.x0 - contentLeft;
  out.bold = line.bold;
  if (line.conf !== undefined) out.conf = line.conf;
  return out;
}
