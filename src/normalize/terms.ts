/**
 * Ukrainian plan terms (термін реалізації / строк) → {@link Term}.
 *
 * `parseTerm(raw, context)` is pure: no I/O, deterministic, never throws on text.
 *
 * ## Pipeline
 * 1. Display form (`raw`): NFC, every run of whitespace (line breaks, NBSP, thin spaces) → one
 *    space, trimmed. Nothing else is changed. Empty → all null, precision 'unknown', no problem.
 * 2. Tokens (./terms/tokenize.ts): lower-cased; ISO dates, dotted numeric dates, numbers,
 *    ordinals «1-й», Roman numerals in Latin or Cyrillic letters (І/I, Х/X, V), words
 *    (Latin look-alikes inside Cyrillic words mapped to Cyrillic), any dash (- ‐ ‑ ‒ – — ― −).
 * 3. Clean-up: status words («розпочато», «(уже розпочато)», «продовжується», «триває»,
 *    «виконано», …) go to `status` (normalised lower-case word; several joined with ", ");
 *    approximation words («орієнтовно», «приблизно») are ignored for dates and named in the note;
 *    recurring markers («постійно», «щороку», «щокварталу», «щомісяця», …) set the recurring flag;
 *    brackets, quotes, «.», «:» and fillers («у», «в», «протягом», «упродовж», «на», «період», …)
 *    are dropped. A phrase naming the plan period («протягом дії плану», «упродовж усього періоду
 *    реалізації Плану дій», «за весь період», «до кінця дії плану») is
 *      - the whole term → recurring (plan period);
 *      - next to stated dates («2026–2027 рр. (протягом дії плану)») → recurring with those dates;
 *      - the end of a range («з березня 2026 р. до кінця дії плану») → start as stated, end =
 *        `context.period.end` (null when unknown), precision of the start, with a note.
 * 4. Grammar (./terms/grammar.ts):
 *
 * ```text
 * term      := deadline | [FROM] part [ (RSEP+ [END] part)+ | (LSEP part)+ ]
 * deadline  := ("до" | "по" | "не пізніше" ["ніж"]) [END] part
 * FROM      := "з" | "із" | "зі" | "від" | "починаючи з"
 * RSEP      := DASH | "до" | "по"                 -- a range; a chain «ІІІ–ІV кв. 2025 – І кв. 2026»
 *                                                  --   spans from its first bound to its last
 * LSEP      := "," | ";" | "та" | "і" | "й"      -- a list: the span from the first to the last
 * END       := "кінця" | "кінець" | "закінчення" | "завершення"
 * part      := ISO                                 -- 2026-03-01                      (day)
 *            | DD.MM.YYYY | DD.MM.YY               -- 01.06.2026, 01.06.26            (day)
 *            | DD.MM                               -- 01.06 (year from another bound) (day)
 *            | MM.YYYY | MM.YY                     -- 02.2025; 03.26 only when YY>12
 *                                                  --   or a year word follows       (month)
 *            | DAY MONTH [YEAR]                    -- 31 грудня 2027 року             (day)
 *            | MONTH [YEAR]                        -- березень / березня / березні / берез. (month)
 *            | INDEX UNIT [YEAR]                   -- IV квартал 2026 р., І півріччя, 2 кв., IVкв.
 *            | YEAR ["," INDEX UNIT]               -- 2027 рік; 2026 р., І кв.
 *            | INDEX | NN                          -- bare: «І» in «І–ІІ кв.», «02» in «02 та 03.2025», «1» in «1 – 15 березня»,
 *                                                  --   «27» in «2026–27 роки»
 * YEAR      := NNNN (1900–2100) [р. | рік | року | році | рр. | роки | років | …]
 * INDEX     := Roman (Latin/Cyrillic) | 1–4 | 1-й, 2-ге | перший, другого, …
 * UNIT      := кв. | квартал(и|у|і|ів) | півріччя | півр.
 * MONTH     := any case form (nominative, genitive, dative, instrumental, locative) or an
 *              abbreviation of ≥3 letters that is a prefix of exactly one month name (вер., лист.)
 * ```
 *
 * ## Dates
 * - start = first day of the first bound, end = last day of the last bound (last day of a month,
 *   quarter, half-year or year; February of a leap year ends on the 29th).
 * - A bare numeral takes the unit of the following bound («І–ІІ кв. 2026 р.»; a month number only
 *   before a numeric month «02 та 03.2025», a day only before a day «1 – 15 березня 2026»), or is a
 *   two-digit year after a year («2026–27 роки»). A missing year is taken from the nearest
 *   following bound that states it, else from the preceding one («січень – червень 2027 року»);
 *   a note says so. A whole-year bound lends no year («березень – 2027» is unparsed). A year stated nowhere in the text is never inferred (not even from the plan
 *   period): null dates and `term-unparsed`.
 * - Deadlines: start null. «до <day>» and «по <period>» and «не пізніше <period>» → that day /
 *   the period's last day; «до кінця <period>» → its last day; «до <month|quarter|half|year>»
 *   (without «кінця») means *before* that period → the day before it begins («до червня 2026» →
 *   2026-05-31), with a note.
 * - «з <period>» with no end → start only, end null, with a note.
 * - Start after end → null dates, precision 'unknown', `term-reversed` (never an inverted range).
 * - A stated frequency («двічі на рік», «раз на квартал», «3 рази на місяць») makes the term recurring,
 *   like «щороку»: «двічі на рік у 2026–2027 роках» → recurring over 2026–2027.
 * - Recurring («постійно», «щороку», «протягом дії плану») → precision 'recurring'; dates stated in
 *   the term are used if any, otherwise `context.period` (null when unknown); the note says where
 *   the dates come from, and an informational `term-recurring` problem is reported.
 * - Unparseable → raw kept, null dates, precision 'unknown', `term-unparsed` quoting the term.
 *
 * ## Precision
 * The precision of a single bound is its kind. For a range or list it is the kind of the bounds
 * when they agree, otherwise the coarser one («02.2025 – 31.12.2025» → 'month'): a range is no more
 * precise than its least precise bound.
 */
import { cleanLine } from '../util/text.js';
import { info, warning, type Message } from '../model/message.js';
import type { Term, TermPrecision } from '../model/schema.js';
import { type Period, coarser, dayBefore, endOf, isValidDay, startOf } from './terms/calendar.js';
import { type Shape, parseShape } from './terms/grammar.js';
import {
  STATUS_MODIFIERS,
  isApproximateWord,
  isCountHead,
  isCountWord,
  isFiller,
  isFrequencyUnit,
  isPlanPeriodPhrase,
  isPlanPeriodWord,
  isRecurringWord,
  statusOf,
} from './terms/lexicon.js';
import { type Token, tokenize } from './terms/tokenize.js';

export interface TermContext {
  /** The plan period, ISO dates. */
  period?: { start: string | null; end: string | null };
}

/**
 * What parsing a term reports: a message (codes term-unparsed, term-reversed: warnings; term-recurring: info)
 * with an empty place, which the caller fills with the term's location.
 */
export type TermProblem = Message;

/** Display form of a term: one line (src/util/text.ts `cleanLine`). */
export function displayTerm(raw: string): string {
  return cleanLine(raw);
}

/**
 * How a phrase naming the plan period («протягом дії плану») takes part in the term:
 * none; the whole term; a marker next to stated dates («2026–2027 (протягом дії плану)»);
 * the end of a range («з березня 2026 р. до кінця дії плану»).
 */
type PlanPeriodUse = 'none' | 'whole' | 'marker' | 'until-end';

interface Cleaned {
  tokens: Token[];
  status: string | null;
  recurring: boolean;
  planPeriod: PlanPeriodUse;
  /** Approximation words found («орієнтовно»), in order. */
  approximate: string[];
}

const END_WORDS = new Set(['кінця', 'кінець', 'закінчення', 'завершення']);
const wordOf = (t: Token | undefined): string | null => (t?.t === 'word' ? t.w : null);
const isSep = (t: Token | undefined) => t?.t === 'punct' && (t.c === ',' || t.c === ';');

function trimSeps(ts: Token[]): Token[] {
  const out = [...ts];
  while (isSep(out[out.length - 1])) out.pop();
  while (isSep(out[0])) out.shift();
  return out;
}

/**
 * Remove a stated frequency («двічі на рік», «раз на квартал», «2 рази на місяць») from the tokens.
 * Returns the remaining tokens and whether a frequency was found.
 */
function dropFrequency(tokens: Token[]): { tokens: Token[]; found: boolean } {
  for (let i = 0; i < tokens.length; i++) {
    const w = wordOf(tokens[i]);
    if (w === null || !isCountHead(w)) continue;
    let start = i;
    while (start > 0) {
      const prev = tokens[start - 1];
      const pw = wordOf(prev);
      if ((pw !== null && isCountWord(pw)) || (prev?.t === 'num' && prev.len <= 2)) start--;
      else break;
    }
    let end = i + 1;
    if (wordOf(tokens[end]) === 'на' && isFrequencyUnit(wordOf(tokens[end + 1]) ?? '')) end += 2;
    else if (isFrequencyUnit(wordOf(tokens[end]) ?? '') || wordOf(tokens[end]) === 'кварталу') end += 1;
    else continue;
    return { tokens: [...tokens.slice(0, start), ...tokens.slice(end)], found: true };
  }
  return { tokens, found: false };
}

function clean(input: Token[]): Cleaned {
  const statuses: string[] = [];
  const frequency = dropFrequency(input);
  const tokens = frequency.tokens;
  let recurring = frequency.found;
  const approximate: string[] = [];
  let kept: Token[] = [];
  for (const t of tokens) {
    if (t.t === 'word') {
      const s = statusOf(t.w);
      if (s !== null) {
        if (!statuses.includes(s)) statuses.push(s);
        continue;
      }
      if (isRecurringWord(t.w)) {
        recurring = true;
        continue;
      }
      if (isApproximateWord(t.w)) {
        if (!approximate.includes(t.w)) approximate.push(t.w);
        continue;
      }
    }
    kept.push(t);
  }
  if (statuses.length > 0) kept = kept.filter((t) => !(t.t === 'word' && STATUS_MODIFIERS.has(t.w)));
  kept = kept.filter((t) => !(t.t === 'punct' && '()[].:«»"“”„'.includes(t.c)));
  // Leading/trailing list separators («продовжується, 2026 рік» once the status is gone) carry nothing.
  kept = trimSeps(kept);

  // A phrase naming the plan period, at the end or at the start of the term.
  let planPeriod: PlanPeriodUse = 'none';
  let j = kept.length;
  while (j > 0 && wordOf(kept[j - 1]) !== null && isPlanPeriodWord(wordOf(kept[j - 1])!)) j--;
  if (j < kept.length && isPlanPeriodPhrase(kept.slice(j).map((t) => wordOf(t)!))) {
    let before = trimSeps(kept.slice(0, j));
    let sep = false;
    if (END_WORDS.has(wordOf(before[before.length - 1]) ?? '')) before = before.slice(0, -1);
    // «– до кінця», «до кінця», «по»: a range running to the end of the plan.
    for (;;) {
      const last = before[before.length - 1];
      if (!(last?.t === 'dash' || wordOf(last) === 'до' || wordOf(last) === 'по')) break;
      before = before.slice(0, -1);
      sep = true;
    }
    const rest = before.filter((t) => !['з', 'із', 'від'].includes(wordOf(t) ?? ''));
    if (rest.length === 0) {
      planPeriod = 'whole';
      kept = [];
    } else {
      planPeriod = sep ? 'until-end' : 'marker';
      kept = trimSeps(before);
    }
  } else {
    let i = 0;
    while (i < kept.length && wordOf(kept[i]) !== null && isPlanPeriodWord(wordOf(kept[i])!)) i++;
    if (i > 0 && isPlanPeriodPhrase(kept.slice(0, i).map((t) => wordOf(t)!))) {
      planPeriod = 'marker';
      kept = trimSeps(kept.slice(i));
    }
  }
  // Fillers go last, so that «протягом усього періоду» is still seen as a plan-period phrase.
  kept = kept.filter((t) => !(t.t === 'word' && isFiller(t.w)));
  return {
    tokens: kept,
    status: statuses.length > 0 ? statuses.join(', ') : null,
    recurring,
    planPeriod,
    approximate,
  };
}

function isIsoDate(s: string | null | undefined): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function precisionOf(periods: Period[]): TermPrecision {
  return periods.map((p) => p.kind).reduce(coarser);
}

const NULL_TERM: Term = { raw: null, start: null, end: null, precision: 'unknown', status: null, note: null };

/** Dates a term states, before the recurring rule: start, end, precision and the notes on them. */
interface Stated {
  start: string | null;
  end: string | null;
  precision: TermPrecision;
  notes: string[];
}

/** The plan period from the context: only real ISO dates count (anything else is unknown). */
function planPeriodOf(context: TermContext | undefined): { start: string | null; end: string | null } {
  return {
    start: isIsoDate(context?.period?.start) ? context!.period!.start! : null,
    end: isIsoDate(context?.period?.end) ? context!.period!.end! : null,
  };
}

/** «з березня 2026 р. до кінця дії плану»: the stated start, the end of the plan period. */
function untilPlanEnd(shape: Shape, notes: string[], planEnd: string | null): Stated | null {
  if (shape.type !== 'point' && shape.type !== 'from') return null;
  notes.push(
    planEnd !== null
      ? `The end is the end of the plan period (${planEnd}): the term runs to the end of the plan.`
      : 'The term runs to the end of the plan, whose period is unknown: no end date.',
  );
  return { start: startOf(shape.part), end: planEnd, precision: shape.part.kind, notes };
}

/** A point, range, start-only or deadline shape → its dates, with a note for the last two. */
function shapeDates(shape: Shape, notes: string[]): Stated {
  const { start, end } = datesOf(shape);
  const precision = shape.type === 'range' ? precisionOf(shape.parts) : shape.part.kind;
  if (shape.type === 'from') notes.push('Start only: no end is stated.');
  if (shape.type === 'deadline') {
    notes.push(
      shape.mode === 'before'
        ? `Deadline only: «до» a ${shape.part.kind} is read as «before it begins», so the end is the day before it (${end}); no start is stated.`
        : 'Deadline only: no start is stated.',
    );
  }
  return { start, end, precision, notes };
}

/**
 * The dates the text states (step 1): `stated` when the grammar reads them, else `failure` says
 * why; `attempted` is false when nothing but status, recurring or filler words was written.
 */
function statedDates(cleaned: Cleaned, planEnd: string | null): { stated: Stated | null; failure: string; attempted: boolean } {
  const { tokens, status, planPeriod, approximate } = cleaned;
  if (tokens.length === 0) return { stated: null, failure: status !== null ? 'only a status, no date' : 'no date is stated', attempted: false };
  const parsed = parseShape(tokens);
  if (!parsed.ok) return { stated: null, failure: parsed.reason, attempted: true };
  const { shape, notes } = parsed;
  let stated: Stated | null;
  let failure = '';
  if (planPeriod === 'until-end') {
    stated = untilPlanEnd(shape, notes, planEnd);
    if (!stated) failure = 'a range or deadline cannot also run to the end of the plan';
  } else stated = shapeDates(shape, notes);
  if (approximate.length > 0) notes.push(`The term is approximate («${approximate.join('», «')}»); the dates are those stated.`);
  return { stated, failure, attempted: true };
}

/**
 * A recurring term (step 2): the dates it states if any, else the plan period — never presented as
 * stated; an informational `term-recurring` says where the dates come from.
 */
function recurringTerm(
  base: Term,
  display: string,
  dates: { stated: Stated | null; failure: string; attempted: boolean },
  plan: { start: string | null; end: string | null },
): { term: Term; problems: TermProblem[] } {
  const { stated } = dates;
  if (stated) {
    return {
      term: {
        ...base,
        start: stated.start,
        end: stated.end,
        precision: 'recurring',
        note: ['Recurring term: the dates are the period stated in the term; the activity repeats within it.', ...stated.notes].join(' '),
      },
      problems: [info('term-recurring', `term «${display}» is recurring; dates are the period stated in the term`)],
    };
  }
  const known = plan.start !== null || plan.end !== null;
  const extra = dates.attempted ? ` The rest of the term was not interpreted (${dates.failure}).` : '';
  return {
    term: {
      ...base,
      start: plan.start,
      end: plan.end,
      precision: 'recurring',
      note:
        (known ? 'Recurring term: the dates are the plan period, not stated in the term.' : 'Recurring term: the plan period is unknown, so no dates.') +
        extra,
    },
    problems: [
      info(
        'term-recurring',
        known
          ? `term «${display}» is recurring; dates set to the plan period ${plan.start ?? '?'} – ${plan.end ?? '?'}`
          : `term «${display}» is recurring and the plan period is unknown; no dates`,
      ),
    ],
  };
}

/**
 * Parse a plan term. `raw` keeps the text as written (NFC, whitespace collapsed, trimmed).
 * See the module comment for the grammar and the date rules. The steps: clean the tokens
 * (status, recurring and filler words out), read the stated dates (`statedDates`: the grammar's
 * shapes, each bound one of `PART_FORMS`), then a reversed range, a recurring term
 * (`recurringTerm`), an unparsed one, or the stated dates.
 */
export function parseTerm(
  raw: string | null | undefined,
  context?: TermContext,
): { term: Term; problems: TermProblem[] } {
  if (raw === null || raw === undefined) return { term: { ...NULL_TERM }, problems: [] };
  const display = displayTerm(raw);
  if (display === '') return { term: { ...NULL_TERM }, problems: [] };

  const cleaned = clean(tokenize(display));
  const base: Term = { raw: display, start: null, end: null, precision: 'unknown', status: cleaned.status, note: null };
  const plan = planPeriodOf(context);
  const dates = statedDates(cleaned, plan.end);
  const { stated } = dates;
  if (stated && stated.start !== null && stated.end !== null && stated.start > stated.end) {
    return reversed(base, display, stated.start, stated.end);
  }
  if (cleaned.recurring || cleaned.planPeriod === 'whole' || cleaned.planPeriod === 'marker') {
    return recurringTerm(base, display, dates, plan);
  }
  if (!stated) {
    return { term: base, problems: [warning('term-unparsed', `term «${display}» not understood: ${dates.failure}`)] };
  }
  return {
    term: {
      ...base,
      start: stated.start,
      end: stated.end,
      precision: stated.precision,
      note: stated.notes.length > 0 ? stated.notes.join(' ') : null,
    },
    problems: [],
  };
}

function datesOf(shape: Shape): { start: string | null; end: string | null } {
  switch (shape.type) {
    case 'point':
      return { start: startOf(shape.part), end: endOf(shape.part) };
    case 'from':
      return { start: startOf(shape.part), end: null };
    case 'deadline':
      return { start: null, end: shape.mode === 'before' ? dayBefore(shape.part) : endOf(shape.part) };
    case 'range': {
      const first = shape.parts[0]!;
      const last = shape.parts[shape.parts.length - 1]!;
      // A list must be in order: any bound starting after its successor ends makes it reversed.
      for (let i = 0; i + 1 < shape.parts.length; i++) {
        if (startOf(shape.parts[i]!) > endOf(shape.parts[i + 1]!)) {
          return { start: startOf(shape.parts[i]!), end: endOf(shape.parts[i + 1]!) };
        }
      }
      return { start: startOf(first), end: endOf(last) };
    }
  }
}

function reversed(base: Term, display: string, start: string, end: string) {
  return {
    term: { ...base, precision: 'unknown' as const },
    problems: [warning('term-reversed', `term «${display}» starts (${start}) after it ends (${end}); dates left empty`)],
  };
}
