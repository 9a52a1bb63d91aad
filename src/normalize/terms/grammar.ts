/**
 * Recursive-descent parser for the date part of a term (status words, recurring markers and
 * fillers are removed before; see ../terms.ts for the full grammar).
 */
import type { Token } from './tokenize.js';
import { type Period, type PeriodKind, isValidDay } from './calendar.js';
import { isConjunction, isHalfWord, isQuarterWord, isYearWord, monthOf, ordinalWordValue } from './lexicon.js';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A stated period before year/unit inheritance between the bounds of a range. */
export interface StatedPart {
  kind: PeriodKind | 'bare';
  year?: number;
  month?: number;
  day?: number;
  index?: number;
  /** Value of a bare number / numeral («І» in «І–ІІ кв.», «02» in «02 та 03.2025»). */
  value?: number;
  /** A bare value written as a Roman numeral or ordinal (only a quarter or half-year index). */
  roman?: boolean;
  /** A bare value written with two digits (may be a two-digit year after a year: «2026–27»). */
  twoDigit?: boolean;
  /** The year came from a two-digit form («03.26», «31.12.26»). */
  shortYear?: number;
  /** Written as a dotted numeric date («03.2025»): a bare «02» before it may be a month number. */
  numeric?: boolean;
  /** A month written as a Roman numeral («IX 2021», «IX.2021»): a bare «VI» before it is a month too. */
  romanMonth?: boolean;
}

export type Shape =
  | { type: 'point'; part: Period }
  | { type: 'range'; parts: Period[]; list: boolean }
  | { type: 'from'; part: Period }
  | { type: 'deadline'; part: Period; mode: 'before' | 'through' | 'end-of' };

export interface ParseOk {
  ok: true;
  shape: Shape;
  notes: string[];
}
export interface ParseFail {
  ok: false;
  reason: string;
}

export class Cursor {
  constructor(
    readonly toks: readonly Token[],
    public i = 0,
  ) {}
  peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  word(k = 0): string | null {
    const t = this.peek(k);
    return t?.t === 'word' ? t.w : null;
  }
  isWord(...ws: string[]): boolean {
    const w = this.word();
    return w !== null && ws.includes(w);
  }
}

function plausibleYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Optional year number (4 digits, maybe after a comma: «березень, 2026») and year words. */
function parseYear(c: Cursor, allowComma = false): number | undefined | null {
  if (allowComma) {
    const comma = c.peek();
    const after = c.peek(1);
    if (comma?.t === 'punct' && comma.c === ',' && after?.t === 'num' && after.len === 4) c.i++;
  }
  const t = c.peek();
  if (t?.t === 'num' && t.len === 4) {
    if (!plausibleYear(t.v)) return null;
    c.i++;
    // «2026 р.», «2026 року», «2026р.р.»
    while (c.word() !== null && isYearWord(c.word()!)) c.i++;
    return t.v;
  }
  return undefined;
}

/** Index of a quarter/half-year: Roman numeral, Arabic 1–4, ordinal «1-й», ordinal word. */
function parseIndex(c: Cursor): { v: number; roman: boolean } | null {
  const t = c.peek();
  if (!t) return null;
  if (t.t === 'roman') return { v: t.v, roman: true };
  if (t.t === 'ord') return { v: t.v, roman: true };
  if (t.t === 'num' && t.len <= 2) return { v: t.v, roman: false };
  if (t.t === 'word') {
    const o = ordinalWordValue(t.w);
    if (o !== null) return { v: o, roman: true };
  }
  return null;
}

/** Numeric dotted date → partial, or a failure reason. See the rules in ../terms.ts. */
function numericPartial(t: Extract<Token, { t: 'ndate' }>, yearWordFollows: boolean): StatedPart | string {
  const [a, b, y] = t.parts as [number, number, number | undefined];
  const [la, lb, ly] = t.lens as [number, number, number | undefined];
  if (la > 2) return `«${t.text}» is not a date`;
  if (y !== undefined && ly !== undefined) {
    if (lb > 2) return `«${t.text}» is not a date`;
    // DD.MM.YYYY or DD.MM.YY
    let year: number;
    let shortYear: number | undefined;
    if (ly === 4) year = y;
    else if (ly === 2) {
      year = 2000 + y;
      shortYear = y;
    } else return `«${t.text}» is not a date`;
    if (!plausibleYear(year) || !isValidDay(year, b, a)) return `«${t.text}» is not a valid date`;
    return { kind: 'day', year, month: b, day: a, ...(shortYear !== undefined ? { shortYear } : {}) };
  }
  // Two parts: MM.YYYY, MM.YY (only when it cannot be DD.MM), or DD.MM without a year.
  if (lb === 4) {
    if (a < 1 || a > 12 || !plausibleYear(b)) return `«${t.text}» is not a valid month`;
    return { kind: 'month', year: b, month: a };
  }
  if (lb === 2 && a >= 1 && a <= 12 && (b > 12 || yearWordFollows)) {
    return { kind: 'month', year: 2000 + b, month: a, shortYear: b };
  }
  if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
    // A day and month with the year stated elsewhere («01.06 – 30.06.2026»); validated on resolution.
    return { kind: 'day', month: b, day: a };
  }
  return `«${t.text}» is not a date`;
}

/**
 * One form of a stated period. It returns the period read (the cursor moved past it), a reason
 * when the tokens are this form but wrong («32.13.2026»), or null when they are not this form
 * (the cursor left where it was), so that the next form is tried.
 */
export type PartForm = (c: Cursor) => StatedPart | string | null;

/** «2026-03-01». */
const isoDate: PartForm = (c) => {
  const t = c.peek();
  if (t?.t !== 'iso') return null;
  c.i++;
  if (!plausibleYear(t.year) || !isValidDay(t.year, t.month, t.day)) return `«${t.text}» is not a valid date`;
  return { kind: 'day', year: t.year, month: t.month, day: t.day };
};

/** «01.06.2026», «01.06.26», «03.2025», «03.26 р.», «01.06» (the year stated by another bound). */
const numericDate: PartForm = (c) => {
  const t = c.peek();
  if (t?.t !== 'ndate') return null;
  c.i++;
  const next = c.peek();
  const yw = next?.t === 'word' && isYearWord(next.w);
  const p = numericPartial(t, yw);
  if (typeof p === 'string') return p;
  p.numeric = true;
  if (yw && p.year !== undefined) c.i++;
  return p;
};

/** «31 грудня 2027 року», «1 березня». */
const dayAndMonth: PartForm = (c) => {
  const t = c.peek();
  if (t?.t !== 'num' || t.len > 2 || t.v < 1 || t.v > 31) return null;
  const mw = c.word(1);
  const m = mw !== null ? monthOf(mw) : null;
  if (m === null) return null;
  c.i += 2;
  const y = parseYear(c, true);
  if (y === null) return 'implausible year';
  return { kind: 'day', month: m, day: t.v, ...(y !== undefined ? { year: y } : {}) };
};

/** «березень 2026», «у березні 2021 р.», «вер.». */
const monthName: PartForm = (c) => {
  const t = c.peek();
  if (t?.t !== 'word') return null;
  const m = monthOf(t.w);
  if (m === null) return null;
  c.i++;
  const y = parseYear(c, true);
  if (y === null) return 'implausible year';
  return { kind: 'month', month: m, ...(y !== undefined ? { year: y } : {}) };
};

/** «2027», «2027 рік», «2026 р.»; a year before its unit: «2026 р., І квартал». */
const yearForm: PartForm = (c) => {
  const t = c.peek();
  if (t?.t !== 'num' || t.len !== 4) return null;
  const y = parseYear(c);
  if (y === null || y === undefined) return `«${t.text}» is not a plausible year`;
  const save = c.i;
  if (c.peek()?.t === 'punct' && (c.peek() as { c: string }).c === ',') c.i++;
  const idx = parseIndex(c);
  if (idx !== null) {
    const unit = c.word(1);
    if (unit !== null && (isQuarterWord(unit) || isHalfWord(unit))) {
      c.i += 2;
      return unitPartial(isQuarterWord(unit) ? 'quarter' : 'half-year', idx.v, y);
    }
  }
  c.i = save;
  return { kind: 'year', year: y };
};

/** A month number in Roman numerals with its year: «IX 2021», «IX.2021» (the point is dropped before parsing). */
const romanMonth: PartForm = (c) => {
  const t = c.peek();
  const after = c.peek(1);
  if (t?.t !== 'roman' || t.v < 1 || t.v > 12 || after?.t !== 'num' || after.len !== 4) return null;
  c.i++;
  const y = parseYear(c);
  if (y === null || y === undefined) return 'implausible year';
  return { kind: 'month', month: t.v, year: y, romanMonth: true };
};

/** «IV квартал 2026 року», «І півріччя», «2 кв.», «третій квартал». */
const quarterOrHalfYear: PartForm = (c) => {
  const idx = parseIndex(c);
  const unit = c.word(1);
  if (idx === null || unit === null || !(isQuarterWord(unit) || isHalfWord(unit))) return null;
  c.i += 2;
  const y = parseYear(c);
  if (y === null) return 'implausible year';
  return unitPartial(isQuarterWord(unit) ? 'quarter' : 'half-year', idx.v, y);
};

/**
 * A bare index or number whose unit or year another bound gives: «І» in «І–ІІ кв. 2026», «02» in
 * «02 та 03.2025», «1» in «1 – 15 березня», «27» in «2026–27 роки» (a year word may follow).
 */
const bareIndex: PartForm = (c) => {
  const t = c.peek()!;
  const idx = parseIndex(c);
  if (idx === null) return null;
  c.i++;
  const twoDigit = t.t === 'num' && t.len === 2;
  if (twoDigit && c.word() !== null && isYearWord(c.word()!)) c.i++;
  return { kind: 'bare', value: idx.v, roman: idx.roman, twoDigit };
};

/**
 * The forms of a stated period, tried in order (a bound of a term is one of them; see the grammar
 * in ../terms.ts). A new form is one entry.
 */
export const PART_FORMS: ReadonlyArray<readonly [name: string, form: PartForm]> = [
  ['ISO date', isoDate],
  ['numeric date', numericDate],
  ['day and month name', dayAndMonth],
  ['month name', monthName],
  ['year', yearForm],
  ['Roman month', romanMonth],
  ['quarter or half-year', quarterOrHalfYear],
  ['bare index', bareIndex],
];

/** One stated period, possibly missing its year or unit (resolved against its neighbours). */
export function parsePart(c: Cursor): StatedPart | string {
  const t = c.peek();
  if (!t) return 'a period is missing';
  for (const [, form] of PART_FORMS) {
    const p = form(c);
    if (p !== null) return p;
  }
  return `unexpected «${t.text}»`;
}

function unitPartial(kind: 'quarter' | 'half-year', index: number, year: number | undefined): StatedPart | string {
  const max = kind === 'quarter' ? 4 : 2;
  if (index < 1 || index > max) return `there is no ${kind} ${index}`;
  return { kind, index, ...(year !== undefined ? { year } : {}) };
}

/** Give a bare value the unit of a neighbour (`from`); returns a reason on failure. */
function adoptUnit(p: StatedPart, from: StatedPart, fromIsPrevious: boolean): string | null {
  const v = p.value!;
  switch (from.kind) {
    case 'quarter':
    case 'half-year': {
      const max = from.kind === 'quarter' ? 4 : 2;
      if (v < 1 || v > max) return `there is no ${from.kind} ${v}`;
      p.kind = from.kind;
      p.index = v;
      return null;
    }
    case 'month':
      // Only before a numeric month («02 та 03.2025», «01-03.2026»), never before a month name.
      // A Roman numeral before a Roman month («IX – XII 2026»).
      if ((p.roman ? !from.romanMonth : !from.numeric) || v < 1 || v > 12) return `«${v}» is not a month`;
      p.kind = 'month';
      p.month = v;
      return null;
    case 'day':
      if (p.roman || from.month === undefined || v < 1 || v > 31) return `«${v}» is not a day`;
      p.kind = 'day';
      p.day = v;
      p.month = from.month;
      return null;
    case 'year':
      // Only a two-digit year after a full one: «2026–27 роки».
      if (!fromIsPrevious || !p.twoDigit || from.year === undefined) return `«${v}» is not a year`;
      p.kind = 'year';
      p.year = Math.floor(from.year / 100) * 100 + v;
      return null;
    case 'bare':
      return `«${v}» has no unit`;
  }
}

/**
 * Resolve bounds that share a unit or year («І–ІІ кв. 2026», «січень – червень 2027 року»):
 * a bare value takes the unit of the following bound (a month number only before a numeric
 * month, a day only before a day); a missing year is taken from the nearest following bound
 * that states it, else from the preceding one, never from a whole-year bound. A year stated
 * nowhere is a failure (never guessed).
 */
export function resolveParts(parts: StatedPart[], notes: string[]): Period[] | string {
  let inheritedYear = false;
  // Right to left: take from the following bound.
  for (let i = parts.length - 2; i >= 0; i--) {
    const p = parts[i]!;
    const next = parts[i + 1]!;
    if (p.kind === 'bare' && next.kind !== 'bare' && next.kind !== 'year') {
      const err = adoptUnit(p, next, false);
      if (err) return err;
    }
    // A whole-year bound lends no year: «березень – 2027» is not read as March 2027.
    if (p.kind !== 'bare' && p.kind !== 'year' && p.year === undefined && next.year !== undefined && next.kind !== 'bare' && next.kind !== 'year') {
      p.year = next.year;
      inheritedYear = true;
    }
  }
  // Left to right: take a year from the preceding bound. A bare value after a bound takes its
  // unit only as a two-digit year («2026–27 роки»); «01.06.2026 – 15» is not guessed.
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!;
    const prev = parts[i - 1]!;
    if (p.kind === 'bare' && prev.kind === 'year') {
      const err = adoptUnit(p, prev, true);
      if (err) return err;
    }
    if (p.kind !== 'bare' && p.kind !== 'year' && p.year === undefined && prev.year !== undefined && prev.kind !== 'year') {
      p.year = prev.year;
      inheritedYear = true;
    }
  }
  if (inheritedYear) notes.push('The year is written once and applies to the bounds written without it.');
  const out: Period[] = [];
  const shortYears = new Set<number>();
  for (const p of parts) {
    if (p.kind === 'bare') return `«${p.value}» has no unit (month, quarter, half-year or year)`;
    if (p.year === undefined) return 'the year is not stated';
    if (p.shortYear !== undefined) shortYears.add(p.shortYear);
    switch (p.kind) {
      case 'day':
        if (!isValidDay(p.year, p.month!, p.day!)) return `${p.day}.${p.month}.${p.year} is not a valid date`;
        out.push({ kind: 'day', year: p.year, month: p.month!, day: p.day! });
        break;
      case 'month':
        out.push({ kind: 'month', year: p.year, month: p.month! });
        break;
      case 'quarter':
      case 'half-year':
        out.push({ kind: p.kind, year: p.year, index: p.index! });
        break;
      case 'year':
        out.push({ kind: 'year', year: p.year });
        break;
    }
  }
  for (const y of [...shortYears].sort((a, b) => a - b)) {
    notes.push(`Two-digit year ${String(y).padStart(2, '0')} read as ${2000 + y}.`);
  }
  return out;
}

function isRangeSep(c: Cursor): boolean {
  const t = c.peek();
  return t?.t === 'dash' || (t?.t === 'word' && (t.w === 'до' || t.w === 'по'));
}
function isListSep(c: Cursor): boolean {
  const t = c.peek();
  if (!t) return false;
  if (t.t === 'punct') return t.c === ',' || t.c === ';';
  if (t.t === 'word') return isConjunction(t.w);
  // «і» is tokenized as the Roman numeral I; between two bounds it is the conjunction «and».
  return t.t === 'roman' && t.text === 'і';
}
function skipEndMark(c: Cursor): boolean {
  if (c.isWord('кінця', 'кінець', 'закінчення', 'завершення')) {
    c.i++;
    return true;
  }
  return false;
}

/**
 * A deadline: «до …», «по …», «не пізніше (ніж) …», with an optional «кінця». Null when the term
 * does not start with a deadline word.
 */
export function parseDeadline(c: Cursor): ParseOk | ParseFail | null {
  let deadline: 'до' | 'по' | 'не пізніше' | null = null;
  if (c.isWord('до', 'по')) {
    deadline = c.word() as 'до' | 'по';
    c.i++;
  } else if (c.isWord('не') && ['пізніше', 'пізніш', 'пiзнiше'].includes(c.word(1) ?? '')) {
    deadline = 'не пізніше';
    c.i += 2;
    if (c.isWord('ніж')) c.i++;
  }
  if (deadline === null) return null;
  const notes: string[] = [];
  const endMark = skipEndMark(c);
  const p = parsePart(c);
  if (typeof p === 'string') return { ok: false, reason: p };
  if (!c.done()) return { ok: false, reason: `unexpected «${c.peek()!.text}»` };
  const r = resolveParts([p], notes);
  if (typeof r === 'string') return { ok: false, reason: r };
  const part = r[0]!;
  const mode = endMark || deadline !== 'до' ? (endMark ? 'end-of' : 'through') : part.kind === 'day' ? 'through' : 'before';
  return { ok: true, shape: { type: 'deadline', part, mode }, notes };
}

/** «з …», «від …», «починаючи з …»: the term states its start only (or a range from it). */
function skipFromWord(c: Cursor): boolean {
  if (c.isWord('з', 'із', 'зі', 'від')) {
    c.i++;
    return true;
  }
  if (c.isWord('починаючи') && ['з', 'із', 'зі', 'від'].includes(c.word(1) ?? '')) {
    c.i += 2;
    return true;
  }
  return false;
}

/**
 * The bounds after the first: a range «A – B» (a chain «ІІІ–ІV кв. 2025 р. – І кв. 2026 р.» spans
 * from its first bound to its last; «A – до кінця B») or a list «A, B та C», pushed onto `parts`.
 * Returns the kind, or a failure.
 */
function parseMoreBounds(c: Cursor, parts: StatedPart[], from: boolean): { kind: 'point' | 'range' | 'list' } | ParseFail {
  if (!c.done() && isRangeSep(c)) {
    while (!c.done() && isRangeSep(c)) {
      while (!c.done() && isRangeSep(c)) c.i++;
      skipEndMark(c);
      const next = parsePart(c);
      if (typeof next === 'string') return { ok: false, reason: next };
      parts.push(next);
    }
    return { kind: 'range' };
  }
  let kind: 'point' | 'list' = 'point';
  if (!from) {
    while (!c.done() && isListSep(c)) {
      c.i++;
      const next = parsePart(c);
      if (typeof next === 'string') return { ok: false, reason: next };
      parts.push(next);
      kind = 'list';
    }
  }
  return { kind };
}

/** A point, a start («з …»), a range or a list of stated periods. */
export function parseSpan(c: Cursor): ParseOk | ParseFail {
  const notes: string[] = [];
  const from = skipFromWord(c);
  const first = parsePart(c);
  if (typeof first === 'string') return { ok: false, reason: first };
  const parts: StatedPart[] = [first];
  const more = parseMoreBounds(c, parts, from);
  if ('ok' in more) return more;
  const { kind } = more;
  if (!c.done()) return { ok: false, reason: `unexpected «${c.peek()!.text}»` };

  const resolved = resolveParts(parts, notes);
  if (typeof resolved === 'string') return { ok: false, reason: resolved };
  // A chain of more than two bounds must keep one unit («ІІІ–ІV кв. 2025 – І кв. 2026»); «І–ІІ кв.
  // 2026 – 2027 рр.» (quarters of each year?) is not guessed.
  if (kind === 'range' && resolved.length > 2 && new Set(resolved.map((p) => p.kind)).size > 1) {
    return { ok: false, reason: 'a chain of bounds with different units is ambiguous' };
  }
  if (kind === 'point') {
    const part = resolved[0]!;
    return from ? { ok: true, shape: { type: 'from', part }, notes } : { ok: true, shape: { type: 'point', part }, notes };
  }
  if (kind === 'list') notes.push('Several periods are listed; the dates span from the first to the last.');
  return { ok: true, shape: { type: 'range', parts: resolved, list: kind === 'list' }, notes };
}

/**
 * Parse a whole (pre-cleaned) term:
 *   deadline | [from-word] part ( range-sep [end-mark] part | (list-sep part)+ )?
 */
export function parseShape(toks: readonly Token[]): ParseOk | ParseFail {
  const c = new Cursor(toks);
  if (c.done()) return { ok: false, reason: 'no date is stated' };
  return parseDeadline(c) ?? parseSpan(c);
}
