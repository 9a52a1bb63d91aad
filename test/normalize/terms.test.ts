import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermSchema } from '../../src/model/schema.js';
import { parseTerm } from '../../src/normalize/terms.js';
import { daysInMonth, isoDate } from '../../src/normalize/terms/calendar.js';
import { MONTH_GENITIVE, MONTH_LOCATIVE, MONTH_NOMINATIVE } from '../../src/normalize/terms/lexicon.js';
import { TERM_CASES } from './terms.cases.js';

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

describe('parseTerm: case table', () => {
  it('has at least 80 distinct term strings', () => {
    expect(new Set(TERM_CASES.map((c) => c.raw)).size).toBeGreaterThanOrEqual(80);
  });

  for (const c of TERM_CASES) {
    const label = `${JSON.stringify(c.raw)}${c.period ? ` (plan ${c.period.start}..${c.period.end})` : ''}`;
    it(label, () => {
      const { term, problems } = parseTerm(c.raw, c.period ? { period: c.period } : undefined);
      expect({ start: term.start, end: term.end, precision: term.precision }).toEqual({
        start: c.start,
        end: c.end,
        precision: c.precision,
      });
      expect(term.raw).toBe(collapse(c.raw));
      if (c.status !== undefined) expect(term.status).toBe(c.status);
      expect(problems.map((p) => p.code)).toEqual(c.problem ? [c.problem] : []);
      for (const p of problems) {
        expect(p.severity).toBe(p.code === 'term-recurring' ? 'info' : 'warning');
        expect(p.reason).toContain(`«${collapse(c.raw)}»`);
        expect(p.reason).not.toMatch(/\n/);
      }
      if (c.noteHas) expect(term.note ?? '').toContain(c.noteHas);
      expect(() => TermSchema.parse(term)).not.toThrow();
    });
  }
});

describe('parseTerm: seed documents', () => {
  // Every term line of the seed plans must parse without a problem.
  const dir = join(import.meta.dirname, '../../fixtures/txt');
  const monthTerm = /^\s*(розпочато\s+(в\s+)?)?(січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд)\S*\s.*\d{4}/iu;
  // Kyiv plan: the term is its own tab-separated cell.
  const numericTerm = /\t(\d{2}\.\d{4}(?:\s*-\s*\d{2}\.\d{4})?)(?=\t|\s*$)/gu;
  const found: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (monthTerm.test(line)) {
        // A term broken after its dash continues on the next line.
        found.push(/[–-]\s*$/u.test(line) ? `${line}\n${lines[i + 1] ?? ''}` : line);
      }
      for (const m of line.matchAll(numericTerm)) found.push(m[1]!);
    }
  }
  it('finds the seed terms', () => {
    expect(found.length).toBeGreaterThanOrEqual(40);
  });
  it('parses every seed term to a month range with start <= end', () => {
    for (const raw of found) {
      const { term, problems } = parseTerm(raw);
      expect(problems, raw).toEqual([]);
      expect(term.precision, raw).toBe('month');
      expect(term.start! <= term.end!, raw).toBe(true);
    }
  });
});

describe('parseTerm: basics', () => {
  it('null / empty → all null, unknown, no problem', () => {
    for (const raw of [null, undefined, '', '   ', '\n\t']) {
      expect(parseTerm(raw)).toEqual({
        term: { raw: null, start: null, end: null, precision: 'unknown', status: null, note: null },
        problems: [],
      });
    }
  });
  it('keeps raw as written, only collapsing whitespace', () => {
    expect(parseTerm('  жовтень 2021 р. – \n жовтень\u00A02022 р. ').term.raw).toBe('жовтень 2021 р. – жовтень 2022 р.');
  });
  it('ignores a plan period that is not ISO dates', () => {
    const { term } = parseTerm('постійно', { period: { start: '01.01.2026', end: '2027-02-30' } });
    expect([term.start, term.end, term.precision]).toEqual([null, null, 'recurring']);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(parseTerm('І-ІІ кв. 2026 р.'))).toBe(JSON.stringify(parseTerm('І-ІІ кв. 2026 р.')));
  });
});

// ── Property tests ──

const year = fc.integer({ min: 1990, max: 2099 });
const month = fc.integer({ min: 1, max: 12 });
const dash = fc.constantFrom('-', '‐', '–', '—', '−');
const spaces = fc.constantFrom('', ' ', '  ', '\n', '\u00A0');
const yearWord = fc.constantFrom('', ' р.', ' року', ' рік', ' р');
const monthForm = fc.constantFrom<readonly string[]>(MONTH_NOMINATIVE, MONTH_GENITIVE, MONTH_LOCATIVE);
const letterCase = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s[0]!.toUpperCase() + s.slice(1),
);
const ym = fc.tuple(year, month);
const orderedYm = fc
  .tuple(ym, ym)
  .map(([a, b]): [[number, number], [number, number]] => (a[0] * 12 + a[1] <= b[0] * 12 + b[1] ? [a, b] : [b, a]));

describe('parseTerm: properties', () => {
  it('round-trips generated «<month> YYYY – <month> YYYY» strings', () => {
    fc.assert(
      fc.property(orderedYm, monthForm, monthForm, letterCase, dash, spaces, spaces, yearWord, yearWord, (
        [[y1, m1], [y2, m2]], f1, f2, lc, d, s1, s2, w1, w2,
      ) => {
        const raw = `${lc(f1[m1 - 1]!)} ${y1}${w1}${s1}${d}${s2}${lc(f2[m2 - 1]!)} ${y2}${w2}`;
        const { term, problems } = parseTerm(raw);
        expect(problems).toEqual([]);
        expect(term.precision).toBe('month');
        expect(term.start).toBe(isoDate(y1, m1, 1));
        expect(term.end).toBe(isoDate(y2, m2, daysInMonth(y2, m2)));
      }),
    );
  });

  it('month precision ends on the last day of the month (leap Februaries on the 29th)', () => {
    fc.assert(
      fc.property(ym, ([y, m]) => {
        const { term } = parseTerm(`${String(m).padStart(2, '0')}.${y}`);
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const expected = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
        expect(term.end).toBe(`${y}-${String(m).padStart(2, '0')}-${expected}`);
        expect(term.start).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
      }),
    );
  });

  it('quarter ranges: start <= end, bounds on quarter edges', () => {
    const roman = ['I', 'II', 'III', 'IV'];
    const cyr = ['І', 'ІІ', 'ІІІ', 'ІV'];
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(roman, cyr),
        fc.constantFrom('кв.', 'квартали', 'квартал'),
        dash,
        (y, a, b, numerals, unit, d) => {
          const [q1, q2] = a <= b ? [a, b] : [b, a];
          const { term, problems } = parseTerm(`${numerals[q1 - 1]}${d}${numerals[q2 - 1]} ${unit} ${y} р.`);
          expect(problems).toEqual([]);
          expect(term.precision).toBe('quarter');
          expect(term.start).toBe(isoDate(y, 3 * q1 - 2, 1));
          expect(term.end).toBe(isoDate(y, 3 * q2, daysInMonth(y, 3 * q2)));
          expect(term.start! <= term.end!).toBe(true);
        },
      ),
    );
  });

  it('half-years and years: start <= end, on period edges', () => {
    fc.assert(
      fc.property(year, fc.constantFrom('І', 'ІІ', 'I', 'II'), (y, numeral) => {
        const h = numeral.length;
        const { term } = parseTerm(`${numeral} півріччя ${y} року`);
        expect(term.precision).toBe('half-year');
        expect(term.start).toBe(isoDate(y, h === 1 ? 1 : 7, 1));
        expect(term.end).toBe(h === 1 ? `${y}-06-30` : `${y}-12-31`);
      }),
    );
    fc.assert(
      fc.property(year, year, dash, (a, b, d) => {
        const [y1, y2] = a <= b ? [a, b] : [b, a];
        const { term, problems } = parseTerm(`${y1}${d}${y2} роки`);
        expect(problems).toEqual([]);
        expect(term.start).toBe(`${y1}-01-01`);
        expect(term.end).toBe(`${y2}-12-31`);
      }),
    );
  });

  it('any parsed term has start <= end or a problem', () => {
    const piece = fc.constantFrom(
      '2026', '2027', 'березень', 'грудня', 'IV', 'І', 'кв.', 'півріччя', '–', 'до', 'з', 'кінця', '01.06.2026',
      '03.2027', 'року', 'та', '15', 'постійно', 'розпочато', ',',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), (parts) => {
        const raw = parts.join(' ');
        const { term, problems } = parseTerm(raw, { period: { start: '2026-01-01', end: '2027-12-31' } });
        expect(() => TermSchema.parse(term)).not.toThrow();
        if (term.start !== null && term.end !== null) expect(term.start <= term.end).toBe(true);
        if (term.precision === 'unknown') expect(problems.length).toBeGreaterThan(0);
        if (term.precision === 'recurring') expect(problems.map((p) => p.code)).toContain('term-recurring');
      }),
    );
  });

  it('strings without any date give term-unparsed quoting the term', () => {
    const word = fc.constantFrom('план', 'реалізація', 'захід', 'за потреби', 'згідно', 'графіка', 'ХХ', 'тиждень');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (ws) => {
        const raw = ws.join(' ');
        const { term, problems } = parseTerm(raw);
        expect(term.start).toBeNull();
        expect(term.end).toBeNull();
        expect(term.precision).toBe('unknown');
        expect(problems).toHaveLength(1);
        expect(problems[0]!.code).toBe('term-unparsed');
        expect(problems[0]!.reason).toContain(`«${raw}»`);
      }),
    );
  });
});
