/**
 * Cell-level checks: data types and constraints. Pure functions on strings, no I/O.
 */
import type { MessageText } from '../model/message.js';
import { isCalendarDate, isEmail, isHttpUrl } from '../model/national.js';
import { list, say } from './reasons.js';
import type { Field } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const INTEGER_RE = /^[+-]?\d+$/;
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const DEFAULT_TRUE = ['true', 'True', 'TRUE', '1'];
export const DEFAULT_FALSE = ['false', 'False', 'FALSE', '0'];

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not): the national rule (src/model/national.ts). */
export const isIsoDate = isCalendarDate;

function isTimeParts(h: string | undefined, mi: string | undefined, s: string | undefined): boolean {
  const hh = Number(h);
  const mm = Number(mi);
  const ss = s === undefined ? 0 : Number(s);
  return hh <= 23 && mm <= 59 && ss <= 59;
}

export function isIsoDateTime(value: string): boolean {
  const m = DATETIME_RE.exec(value);
  if (!m) return false;
  return isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) && isTimeParts(m[4], m[5], m[6]);
}

export { isEmail, isHttpUrl };

/** Returns null when the value has the field's type, else what it is not (a catalogue text, after "is"). */
export function checkType(field: Field, value: string): MessageText | null {
  switch (field.type) {
    case 'string':
    case 'any':
      if (field.format === 'email' && !isEmail(value)) return say('type.notEmail');
      if (field.format === 'uri' && !isHttpUrl(value)) return say('type.notUrl');
      return null;
    case 'integer':
      return INTEGER_RE.test(value) ? null : say('type.notInteger');
    case 'number':
      return NUMBER_RE.test(value) || value === 'NaN' || value === 'INF' || value === '-INF' ? null : say('type.notNumber');
    case 'boolean': {
      const t = field.trueValues ?? DEFAULT_TRUE;
      const f = field.falseValues ?? DEFAULT_FALSE;
      return t.includes(value) || f.includes(value) ? null : say('type.notBoolean', { values: list([...t, ...f]) });
    }
    case 'date':
      if (isIsoDate(value)) return null;
      return DATE_RE.test(value) ? say('type.noSuchDate') : say('type.notDate');
    case 'datetime':
      return isIsoDateTime(value) ? null : say('type.notDatetime');
    case 'time': {
      const m = TIME_RE.exec(value);
      return m && isTimeParts(m[1], m[2], m[3]) ? null : say('type.notTime');
    }
    case 'year':
      return /^\d{4}$/.test(value) ? null : say('type.notYear');
    case 'yearmonth': {
      const m = /^(\d{4})-(\d{2})$/.exec(value);
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? null : say('type.notYearmonth');
    }
    case 'url':
      return isHttpUrl(value) ? null : say('type.notUrl');
  }
}

/** Comparable form of a typed value for minimum/maximum (numbers as numbers, dates as ISO strings). */
function comparable(field: Field, value: string | number): number | string {
  if (field.type === 'integer' || field.type === 'number') return Number(value);
  return String(value);
}

/** Compiled per-field constraint checker; returns what the value violates (a catalogue text), or null. */
export type ConstraintCheck = (value: string) => MessageText | null;

const patternCache = new Map<string, RegExp>();

/**
 * The whole-value regular expression of a pattern: Unicode mode first (so \p{L} and astral characters work),
 * else without it (patterns written for other engines, e.g. with `\-` or `\_` escapes). Throws when neither parses.
 */
export function anchoredRegExp(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return new RegExp(`^(?:${pattern})$`);
  }
}

export function compilePattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    // Table Schema patterns are XML Schema regular expressions: they match the whole value.
    re = anchoredRegExp(pattern);
    patternCache.set(pattern, re);
  }
  return re;
}

/** Builds the constraint checks of a field except `required` and `unique` (those need row/table context). */
export function compileConstraints(field: Field): ConstraintCheck[] {
  const c = field.constraints;
  const checks: ConstraintCheck[] = [];
  if (c.pattern !== undefined) {
    const re = compilePattern(c.pattern);
    const p = c.pattern;
    checks.push((v) => (re.test(v) ? null : say('constraint.pattern', { pattern: p })));
  }
  if (c.enum !== undefined && c.enum.length > 0) {
    const numeric = field.type === 'integer' || field.type === 'number';
    const allowed = new Set(c.enum.map((e) => (numeric ? String(Number(e)) : e)));
    const values = list(c.enum.map((e) => `«${e}»`));
    checks.push((v) => (allowed.has(numeric ? String(Number(v)) : v) ? null : say('constraint.enum', { list: values })));
  }
  if (c.minLength !== undefined) {
    const n = c.minLength;
    checks.push((v) => ([...v].length >= n ? null : say('constraint.minLength', { n, length: [...v].length })));
  }
  if (c.maxLength !== undefined) {
    const n = c.maxLength;
    checks.push((v) => {
      // Length in characters (code points), not UTF-16 units.
      const len = v.length <= n ? v.length : [...v].length;
      return len <= n ? null : say('constraint.maxLength', { n, length: len });
    });
  }
  if (c.minimum !== undefined) {
    const min = comparable(field, c.minimum);
    checks.push((v) => (comparable(field, v) >= min ? null : say('constraint.minimum', { limit: String(c.minimum) })));
  }
  if (c.maximum !== undefined) {
    const max = comparable(field, c.maximum);
    checks.push((v) => (comparable(field, v) <= max ? null : say('constraint.maximum', { limit: String(c.maximum) })));
  }
  return checks;
}

/** Unicode White_Space (what JavaScript's \s matches). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export type WhitespaceProblem = 'leading whitespace' | 'trailing whitespace' | 'double space';
/** The catalogue text of each whitespace problem. */
export const WHITESPACE_TEXT: Record<WhitespaceProblem, 'ws.leading' | 'ws.trailing' | 'ws.double'> = {
  'leading whitespace': 'ws.leading',
  'trailing whitespace': 'ws.trailing',
  'double space': 'ws.double',
};

/** Leading, trailing or double spaces in a value; null when clean. */
export function whitespaceProblem(value: string): WhitespaceProblem | null {
  const n = value.length;
  if (n === 0) return null;
  if (isSpaceCode(value.charCodeAt(0))) return 'leading whitespace';
  if (isSpaceCode(value.charCodeAt(n - 1))) return 'trailing whitespace';
  if (value.includes('  ')) return 'double space';
  return null;
}

// ---- date ranges ----------------------------------------------------------------------------------

const PAIR_RULES: Array<[RegExp, (m: RegExpExecArray) => string[]]> = [
  // xxxStartyyy / xxxEndyyy in any case style (startDate/endDate, periodStartDate/periodEndDate, start/end)
  [/^(.*?)(start|Start|START)(.*)$/, (m) => [`${m[1]}${endWord(m[2] ?? '')}${m[3]}`]],
  [/^(.*?)(begin|Begin|BEGIN)(.*)$/, (m) => [`${m[1]}${endWord(m[2] ?? '')}${m[3]}`]],
  // validFrom/validThrough, validFrom/validTo, dateFrom/dateTo
  [
    /^(.*?)(from|From|FROM)(.*)$/,
    (m) => {
      const w = m[2] ?? '';
      const through = w === 'FROM' ? 'THROUGH' : w === 'From' ? 'Through' : 'through';
      const to = w === 'FROM' ? 'TO' : w === 'From' ? 'To' : 'to';
      return [`${m[1]}${through}${m[3]}`, `${m[1]}${to}${m[3]}`];
    },
  ],
];

function endWord(w: string): string {
  if (w === w.toUpperCase()) return 'END';
  if (w[0] === (w[0] ?? '').toUpperCase()) return 'End';
  return 'end';
}

/** Pairs of field indexes (start, end) detected from field names. */
export function findDateRangePairs(names: readonly string[]): Array<[number, number]> {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  const pairs: Array<[number, number]> = [];
  names.forEach((name, i) => {
    for (const [re, counterpart] of PAIR_RULES) {
      const m = re.exec(name);
      if (!m) continue;
      for (const other of counterpart(m)) {
        const j = index.get(other);
        if (j !== undefined && j !== i) {
          pairs.push([i, j]);
          return;
        }
      }
    }
  });
  return pairs;
}

/** True when both values are ISO dates (or date-times) and the first is later than the second. */
export function startAfterEnd(start: string, end: string): boolean {
  if (start.length === 10 && end.length === 10) {
    // Two calendar dates: ISO strings compare as the dates do.
    return start > end && isIsoDate(start) && isIsoDate(end);
  }
  const a = dateInstant(start);
  const b = dateInstant(end);
  return a !== null && b !== null && a > b;
}

/** Comparable instant of an ISO date or date-time, or null when the value is neither. */
export function dateInstant(value: string): number | null {
  if (isIsoDate(value)) return Date.parse(`${value}T00:00:00Z`);
  if (isIsoDateTime(value)) {
    const t = Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(t) ? null : t;
  }
  return null;
}
