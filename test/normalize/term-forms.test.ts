/**
 * The forms of a stated period (PART_FORMS in src/normalize/terms/grammar.ts), each tested on its
 * own, and the shapes of a term built from them (deadline, start, range, list).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTerm } from '../../src/normalize/terms.js';
import { daysInMonth, isoDate } from '../../src/normalize/terms/calendar.js';
import { Cursor, PART_FORMS, parseDeadline, parsePart, parseSpan, type StatedPart } from '../../src/normalize/terms/grammar.js';
import { tokenize } from '../../src/normalize/terms/tokenize.js';

const form = (name: string) => PART_FORMS.find(([n]) => n === name)![1];
const cursor = (text: string) => new Cursor(tokenize(text));

describe('each form of a stated period', () => {
  const cases: Array<[name: string, text: string, expected: StatedPart]> = [
    ['ISO date', '2026-03-01', { kind: 'day', year: 2026, month: 3, day: 1 }],
    ['numeric date', '01.06.2026', { kind: 'day', year: 2026, month: 6, day: 1, numeric: true }],
    ['numeric date', '03.2025', { kind: 'month', year: 2025, month: 3, numeric: true }],
    ['numeric date', '01.06', { kind: 'day', month: 6, day: 1, numeric: true }],
    ['day and month name', '31 грудня 2027 року', { kind: 'day', year: 2027, month: 12, day: 31 }],
    ['month name', 'березні 2021 р.', { kind: 'month', year: 2021, month: 3 }],
    ['month name', 'вер.', { kind: 'month', month: 9 }],
    ['year', '2027 рік', { kind: 'year', year: 2027 }],
    ['year', '2026 р., І квартал', { kind: 'quarter', year: 2026, index: 1 }],
    ['Roman month', 'IX 2021', { kind: 'month', year: 2021, month: 9, romanMonth: true }],
    ['quarter or half-year', 'IV квартал 2026 року', { kind: 'quarter', year: 2026, index: 4 }],
    ['quarter or half-year', 'І півріччя', { kind: 'half-year', index: 1 }],
    ['quarter or half-year', 'третій квартал', { kind: 'quarter', index: 3 }],
    ['bare index', 'ІІ', { kind: 'bare', value: 2, roman: true, twoDigit: false }],
    ['bare index', '27 роки', { kind: 'bare', value: 27, roman: false, twoDigit: true }],
  ];
  it.each(cases)('%s reads «%s»', (name, text, expected) => {
    const c = cursor(text);
    expect(form(name)(c)).toEqual(expected);
    expect(c.done()).toBe(true);
  });

  it('a form that is not the one written leaves the cursor where it was (null), so the next one is tried', () => {
    for (const [, text] of cases) {
      for (const [name, f] of PART_FORMS) {
        const c = cursor(text);
        const out = f(c);
        if (out === null) expect(c.i, `${name} on «${text}»`).toBe(0);
      }
    }
  });

  it('the first form that takes the text is the one named for it', () => {
    for (const [name, text, expected] of cases) {
      expect(parsePart(cursor(text)), `${name}: «${text}»`).toEqual(expected);
    }
  });

  it('a form that is right but wrong in its values says why («32.13.2026», «V квартал»)', () => {
    expect(form('numeric date')(cursor('32.13.2026'))).toMatch(/not a/);
    expect(form('quarter or half-year')(cursor('5 квартал 2026'))).toBe('there is no quarter 5');
    expect(parsePart(cursor('тиждень'))).toBe('unexpected «тиждень»');
  });
});

describe('the shapes of a term', () => {
  it('deadline: «до», «по», «не пізніше (ніж)», with «кінця»; null when the term is no deadline', () => {
    expect(parseDeadline(cursor('2026 рік'))).toBeNull();
    const shape = (text: string) => {
      const r = parseDeadline(cursor(text));
      return r?.ok ? [r.shape.type, r.shape.type === 'deadline' ? r.shape.mode : null] : r;
    };
    expect(shape('до 01.07.2026')).toEqual(['deadline', 'through']);
    expect(shape('до червня 2026')).toEqual(['deadline', 'before']);
    expect(shape('до кінця 2027 року')).toEqual(['deadline', 'end-of']);
    expect(shape('не пізніше ніж IV квартал 2026')).toEqual(['deadline', 'through']);
  });

  it('span: a point, a start, a range (a chain), a list', () => {
    const type = (text: string) => {
      const r = parseSpan(cursor(text));
      return r.ok ? r.shape.type + (r.shape.type === 'range' && r.shape.list ? ':list' : '') : r.reason;
    };
    expect(type('2026 рік')).toBe('point');
    expect(type('з березня 2026')).toBe('from');
    expect(type('IX – XII 2026')).toBe('range');
    expect(type('ІІІ–ІV кв. 2025 р. – І кв. 2026 р.')).toBe('range');
    expect(type('02 та 03.2025')).toBe('range:list');
    expect(type('І–ІІ кв. 2026 – 2027 рр.')).toBe('a chain of bounds with different units is ambiguous');
  });
});

describe('term forms: properties', () => {
  const day = fc
    .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysInMonth(y, m));
  const dd = (n: number) => String(n).padStart(2, '0');

  it('a full date, dotted or ISO, is that day', () => {
    fc.assert(
      fc.property(day, fc.boolean(), ([y, m, d], dotted) => {
        const text = dotted ? `${dd(d)}.${dd(m)}.${y}` : isoDate(y, m, d);
        const { term } = parseTerm(text);
        expect([term.start, term.end, term.precision]).toEqual([isoDate(y, m, d), isoDate(y, m, d), 'day']);
      }),
    );
  });

  it('«до <day>» ends on that day and states no start', () => {
    fc.assert(
      fc.property(day, ([y, m, d]) => {
        const { term } = parseTerm(`до ${dd(d)}.${dd(m)}.${y}`);
        expect([term.start, term.end]).toEqual([null, isoDate(y, m, d)]);
      }),
    );
  });

  it('two ordered days as a range span from the first to the second; reversed ones are never dated', () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom(' – ', '-', ' до ', ' по '), (a, b, sep) => {
        const text = `${dd(a[2])}.${dd(a[1])}.${a[0]}${sep}${dd(b[2])}.${dd(b[1])}.${b[0]}`;
        const { term, problems } = parseTerm(sep === ' до ' || sep === ' по ' ? `з ${text}` : text);
        const [s, e] = [isoDate(...a), isoDate(...b)];
        if (s <= e) expect([term.start, term.end]).toEqual([s, e]);
        else {
          expect([term.start, term.end]).toEqual([null, null]);
          expect(problems.map((p) => p.code)).toEqual(['term-reversed']);
        }
      }),
    );
  });

  it('a Roman month with its year is that month', () => {
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(' ', '.'), (y, m, sep) => {
        const { term } = parseTerm(`${roman[m - 1]}${sep}${y}`);
        expect([term.start, term.end, term.precision]).toEqual([isoDate(y, m, 1), isoDate(y, m, daysInMonth(y, m)), 'month']);
      }),
    );
  });

  it('a recurring word over a stated span keeps the span; alone it takes the plan period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2098 }), fc.constantFrom('щокварталу', 'щомісяця', 'постійно', 'щороку'), (y, word) => {
        const period = { start: `${y}-01-01`, end: `${y + 1}-12-31` };
        const alone = parseTerm(word, { period }).term;
        expect([alone.start, alone.end, alone.precision]).toEqual([period.start, period.end, 'recurring']);
        const spanned = parseTerm(`${word} протягом ${y} року`, { period }).term;
        expect([spanned.start, spanned.end, spanned.precision]).toEqual([`${y}-01-01`, `${y}-12-31`, 'recurring']);
      }),
    );
  });
});
