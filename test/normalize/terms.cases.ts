/**
 * Table of plan terms and their expected reading. Expectations are written by hand from the
 * rules in src/normalize/terms.ts (first day of the first period, last day of the last one).
 * `seed: true` marks forms copied verbatim from the seed documents (fixtures/txt, fixtures/docx).
 */
import type { TermPrecision } from '../../src/model/schema.js';

export interface TermCase {
  raw: string;
  start: string | null;
  end: string | null;
  precision: TermPrecision;
  status?: string | null;
  /** Expected problem code; none when omitted. */
  problem?: 'term-unparsed' | 'term-reversed' | 'term-recurring';
  /** Plan period passed as context (defaults to none). */
  period?: { start: string | null; end: string | null };
  /** A substring the note must contain (notes are otherwise not pinned). */
  noteHas?: string;
  seed?: boolean;
}

const P2627 = { start: '2026-01-01', end: '2027-12-31' };

export const TERM_CASES: TermCase[] = [
  // ── Seed forms (Khmelnytskyi 2026–2027) ──
  { seed: true, raw: 'березень 2026 – вересень 2027', start: '2026-03-01', end: '2027-09-30', precision: 'month' },
  { seed: true, raw: 'березень 2026 – грудень 2027', start: '2026-03-01', end: '2027-12-31', precision: 'month' },
  { seed: true, raw: 'червень 2026 – грудень 2027', start: '2026-06-01', end: '2027-12-31', precision: 'month' },
  { seed: true, raw: 'січень 2026 – грудень 2026 ', start: '2026-01-01', end: '2026-12-31', precision: 'month' },
  { seed: true, raw: 'червень 2026 – березень 2027', start: '2026-06-01', end: '2027-03-31', precision: 'month' },
  { seed: true, raw: 'січень 2026 – жовтень 2026', start: '2026-01-01', end: '2026-10-31', precision: 'month' },
  { seed: true, raw: 'травень 2026 – грудень 2027', start: '2026-05-01', end: '2027-12-31', precision: 'month' },
  {
    seed: true,
    raw: 'січень (уже розпочато) 2026 – липень 2026',
    start: '2026-01-01',
    end: '2026-07-31',
    precision: 'month',
    status: 'розпочато',
  },
  // ── Seed forms (Khmelnytskyi 2021–2022) ──
  { seed: true, raw: 'листопад 2021 р. – грудень 2022 р.', start: '2021-11-01', end: '2022-12-31', precision: 'month' },
  { seed: true, raw: 'вересень 2021 року – грудень  2022 р.', start: '2021-09-01', end: '2022-12-31', precision: 'month' },
  { seed: true, raw: 'вересень 2021 р. – липень 2022 р. ', start: '2021-09-01', end: '2022-07-31', precision: 'month' },
  {
    seed: true,
    raw: 'розпочато в березні 2021 р. - червень 2022 р.',
    start: '2021-03-01',
    end: '2022-06-30',
    precision: 'month',
    status: 'розпочато',
  },
  {
    seed: true,
    raw: 'розпочато вересень 2020 р. - грудень 2021 р.',
    start: '2020-09-01',
    end: '2021-12-31',
    precision: 'month',
    status: 'розпочато',
  },
  { seed: true, raw: 'жовтень 2021 р. – \nжовтень 2022 р.', start: '2021-10-01', end: '2022-10-31', precision: 'month' },
  { seed: true, raw: 'серпень 2021 р. – \nлистопад 2022 р.', start: '2021-08-01', end: '2022-11-30', precision: 'month' },
  // ── Seed forms (Kyiv 2025–2026) ──
  { seed: true, raw: '02.2025', start: '2025-02-01', end: '2025-02-28', precision: 'month' },
  { seed: true, raw: '02.2025-03.2025', start: '2025-02-01', end: '2025-03-31', precision: 'month' },
  { seed: true, raw: '02.2025 - 08.2025', start: '2025-02-01', end: '2025-08-31', precision: 'month' },
  { seed: true, raw: '09.2026', start: '2026-09-01', end: '2026-09-30', precision: 'month' },
  { seed: true, raw: '09.2025', start: '2025-09-01', end: '2025-09-30', precision: 'month' },
  { seed: true, raw: '12.2025-06.2026', start: '2025-12-01', end: '2026-06-30', precision: 'month' },
  { seed: true, raw: '11.2026-12.2026', start: '2026-11-01', end: '2026-12-31', precision: 'month' },
  { seed: true, raw: '04.2025-06.2025', start: '2025-04-01', end: '2025-06-30', precision: 'month' },
  { seed: true, raw: '02 та 03.2025 року', start: '2025-02-01', end: '2025-03-31', precision: 'month' },

  // ── Forms in the DOCX fixtures (national layout) ──
  { seed: true, raw: 'IV квартал 2025 р.– II квартал 2026 р.', start: '2025-10-01', end: '2026-06-30', precision: 'quarter' },
  { seed: true, raw: 'I квартал 2026 р.', start: '2026-01-01', end: '2026-03-31', precision: 'quarter' },
  { seed: true, raw: 'II квартал 2026 р.', start: '2026-04-01', end: '2026-06-30', precision: 'quarter' },
  { seed: true, raw: '2026 рік', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
  { raw: 'у 2026–2027 роках', start: '2026-01-01', end: '2027-12-31', precision: 'year' },

  // ── Month names: cases, abbreviations, letter case, year words ──
  { raw: 'березня 2026 – травня 2026', start: '2026-03-01', end: '2026-05-31', precision: 'month' },
  { raw: 'у березні 2026 року', start: '2026-03-01', end: '2026-03-31', precision: 'month' },
  { raw: 'в листопаді 2025 р.', start: '2025-11-01', end: '2025-11-30', precision: 'month' },
  { raw: 'БЕРЕЗЕНЬ 2026 – ГРУДЕНЬ 2027', start: '2026-03-01', end: '2027-12-31', precision: 'month' },
  { raw: 'Січень 2026 р. — Червень 2026 р.', start: '2026-01-01', end: '2026-06-30', precision: 'month' },
  { raw: 'берез. 2026 – лист. 2027', start: '2026-03-01', end: '2027-11-30', precision: 'month' },
  { raw: 'вер. 2026 р. − груд. 2026 р.', start: '2026-09-01', end: '2026-12-31', precision: 'month' },
  { raw: 'лютий 2028', start: '2028-02-01', end: '2028-02-29', precision: 'month' },
  { raw: 'лютий 2027', start: '2027-02-01', end: '2027-02-28', precision: 'month' },
  { raw: 'лютого 2100 року', start: '2100-02-01', end: '2100-02-28', precision: 'month' },
  { raw: 'лютий 2000', start: '2000-02-01', end: '2000-02-29', precision: 'month' },
  { raw: 'січень – червень 2027 року', start: '2027-01-01', end: '2027-06-30', precision: 'month', noteHas: 'year' },
  { raw: 'з березня до червня 2026 р.', start: '2026-03-01', end: '2026-06-30', precision: 'month' },
  { raw: 'з квітня по вересень 2026 року', start: '2026-04-01', end: '2026-09-30', precision: 'month' },
  { raw: 'з травня 2026 року до кінця 2027 року', start: '2026-05-01', end: '2027-12-31', precision: 'year' },
  { raw: 'липень‐серпень 2026 р.', start: '2026-07-01', end: '2026-08-31', precision: 'month' },
  { raw: 'квітень\u00A02026\u2009–\u202Fтравень 2026', start: '2026-04-01', end: '2026-05-31', precision: 'month' },
  { raw: 'березeнь 2026', start: '2026-03-01', end: '2026-03-31', precision: 'month' }, // Latin «e»
  { raw: 'січень і лютий 2026 р.', start: '2026-01-01', end: '2026-02-28', precision: 'month', noteHas: 'listed' },
  { raw: 'Січень 2026 р. - до кінця 2026 р.', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
  { raw: 'березень 2026 — по теперішній час', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'жовтень 2021 р. –', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'з березня 2026 р.', start: '2026-03-01', end: null, precision: 'month', noteHas: 'Start only' },

  // ── Numeric forms ──
  { raw: '31.12.2025', start: '2025-12-31', end: '2025-12-31', precision: 'day' },
  { raw: '01.03.2026 – 30.06.2026', start: '2026-03-01', end: '2026-06-30', precision: 'day' },
  { raw: '01.06 – 30.06.2026', start: '2026-06-01', end: '2026-06-30', precision: 'day' },
  { raw: '29.02.2028', start: '2028-02-29', end: '2028-02-29', precision: 'day' },
  { raw: '29.02.2027', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '02.2025 – 31.12.2025', start: '2025-02-01', end: '2025-12-31', precision: 'month' },
  { raw: '03.26', start: '2026-03-01', end: '2026-03-31', precision: 'month', noteHas: 'Two-digit' },
  { raw: '03.25 - 06.25', start: '2025-03-01', end: '2025-06-30', precision: 'month' },
  { raw: '15.09.26', start: '2026-09-15', end: '2026-09-15', precision: 'day', noteHas: '2026' },
  { raw: '03.12', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' }, // 3 Dec (no year) or 03.2012?
  { raw: '13.2026', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '01-03.2026', start: '2026-01-01', end: '2026-03-31', precision: 'month' },
  { raw: '01.01.2026 р. – 31.12.2026 р.', start: '2026-01-01', end: '2026-12-31', precision: 'day' },
  { raw: '2026-03-15', start: '2026-03-15', end: '2026-03-15', precision: 'day' },
  { raw: '1 – 15 березня 2026 року', start: '2026-03-01', end: '2026-03-15', precision: 'day' },
  { raw: 'з 1 березня по 30 червня 2026 року', start: '2026-03-01', end: '2026-06-30', precision: 'day' },
  { raw: '15 квітня 2026 р.', start: '2026-04-15', end: '2026-04-15', precision: 'day' },

  // ── Quarters ──
  { raw: 'IV квартал 2026 року', start: '2026-10-01', end: '2026-12-31', precision: 'quarter' },
  { raw: 'ІV квартал 2026 року', start: '2026-10-01', end: '2026-12-31', precision: 'quarter' }, // Cyrillic І
  { raw: 'І квартал 2027 р.', start: '2027-01-01', end: '2027-03-31', precision: 'quarter' },
  { raw: 'ІІІ кв. 2026', start: '2026-07-01', end: '2026-09-30', precision: 'quarter' },
  { raw: 'II–III квартали 2026 року', start: '2026-04-01', end: '2026-09-30', precision: 'quarter' },
  { raw: 'І-ІІ кв. 2026 р.', start: '2026-01-01', end: '2026-06-30', precision: 'quarter' },
  { raw: '2 кв. 2026', start: '2026-04-01', end: '2026-06-30', precision: 'quarter' },
  { raw: '1-й квартал 2026 р.', start: '2026-01-01', end: '2026-03-31', precision: 'quarter' },
  { raw: 'третій квартал 2027 року', start: '2027-07-01', end: '2027-09-30', precision: 'quarter' },
  { raw: 'IV кв. 2026 – І кв. 2027', start: '2026-10-01', end: '2027-03-31', precision: 'quarter' },
  { raw: 'ІІІ і IV квартали 2026 р.', start: '2026-07-01', end: '2026-12-31', precision: 'quarter' },
  { raw: '2026 р., І кв.', start: '2026-01-01', end: '2026-03-31', precision: 'quarter' },
  { raw: 'IVкв. 2026', start: '2026-10-01', end: '2026-12-31', precision: 'quarter' },
  { raw: 'ІІІ-ІV кв. 2025 р. – І кв. 2026 р.', start: '2025-07-01', end: '2026-03-31', precision: 'quarter' },
  { raw: 'І, ІІ квартали 2026', start: '2026-01-01', end: '2026-06-30', precision: 'quarter', noteHas: 'listed' },
  { raw: 'у I кварталі 2026 року', start: '2026-01-01', end: '2026-03-31', precision: 'quarter' },
  { raw: 'І – ІІ кв. 2026 – 2027 рр.', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '1-2 кв. 2026', start: '2026-01-01', end: '2026-06-30', precision: 'quarter' },
  { raw: 'V квартал 2026', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'ІІ квартал', start: null, end: null, precision: 'unknown', problem: 'term-unparsed', period: P2627 },

  // ── Half-years ──
  { raw: 'І півріччя 2026 року', start: '2026-01-01', end: '2026-06-30', precision: 'half-year' },
  { raw: 'ІІ півріччя 2027 р.', start: '2027-07-01', end: '2027-12-31', precision: 'half-year' },
  { raw: 'друге півріччя 2026 року', start: '2026-07-01', end: '2026-12-31', precision: 'half-year' },
  { raw: 'ІІ півріччя 2026 – І півріччя 2027', start: '2026-07-01', end: '2027-06-30', precision: 'half-year' },
  { raw: 'ІІпівріччя 2026', start: '2026-07-01', end: '2026-12-31', precision: 'half-year' },
  { raw: '1-е півріччя 2026 р.', start: '2026-01-01', end: '2026-06-30', precision: 'half-year' },
  { raw: 'у ІІ півріччі 2026 р.', start: '2026-07-01', end: '2026-12-31', precision: 'half-year' },
  { raw: 'ІІ півріччя', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'ІІ квартал – ІІ півріччя 2026 року', start: '2026-04-01', end: '2026-12-31', precision: 'half-year' },

  // ── Years ──
  { raw: '2027 рік', start: '2027-01-01', end: '2027-12-31', precision: 'year' },
  { raw: 'протягом 2027 року', start: '2027-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2027', start: '2027-01-01', end: '2027-12-31', precision: 'year' },
  { raw: 'у 2026 році', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
  { raw: '2026–2027 роки', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026 – 2027 рр.', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026-2027', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: 'у період 2026–2027 рр.', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026р.р.', start: '2026-01-01', end: '2026-12-31', precision: 'year' },
  { raw: 'протягом 2026-2027 років', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026–27 роки', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026 рік – І квартал 2027 року', start: '2026-01-01', end: '2027-03-31', precision: 'year' },
  { raw: '2026, 2027 роки', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2026 – 2025 – 2027', start: null, end: null, precision: 'unknown', problem: 'term-reversed' },
  { raw: 'з 2026 року', start: '2026-01-01', end: null, precision: 'year' },
  { raw: 'починаючи з 01.03.2026', start: '2026-03-01', end: null, precision: 'day' },
  { raw: '2026/2027 роки', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' }, // academic year? not guessed
  { raw: '1850 рік', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },

  // ── Deadlines ──
  { raw: 'до 31 грудня 2027 року', start: null, end: '2027-12-31', precision: 'day' },
  { raw: 'до кінця 2026 року', start: null, end: '2026-12-31', precision: 'year' },
  { raw: 'до 01.06.2026', start: null, end: '2026-06-01', precision: 'day' },
  { raw: 'до червня 2026', start: null, end: '2026-05-31', precision: 'month', noteHas: 'before' },
  { raw: 'до березня 2028 р.', start: null, end: '2028-02-29', precision: 'month', noteHas: 'before' },
  { raw: 'до 2027 року', start: null, end: '2026-12-31', precision: 'year', noteHas: 'before' },
  { raw: 'до січня 2027 року', start: null, end: '2026-12-31', precision: 'month' },
  { raw: 'до кінця червня 2026 року', start: null, end: '2026-06-30', precision: 'month' },
  { raw: 'до кінця І півріччя 2026 р.', start: null, end: '2026-06-30', precision: 'half-year' },
  { raw: 'до ІІ кварталу 2026', start: null, end: '2026-03-31', precision: 'quarter' },
  { raw: 'не пізніше 31.12.2026', start: null, end: '2026-12-31', precision: 'day' },
  { raw: 'не пізніше ніж у вересні 2026 р.', start: null, end: '2026-09-30', precision: 'month' },
  { raw: 'по грудень 2026 року', start: null, end: '2026-12-31', precision: 'month' },
  { raw: 'до кінця року', start: null, end: null, precision: 'unknown', problem: 'term-unparsed', period: P2627 },

  // ── Recurring / whole plan period ──
  { raw: 'постійно', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627, noteHas: 'plan period' },
  { raw: 'Постійно', start: null, end: null, precision: 'recurring', problem: 'term-recurring' },
  { raw: 'щороку', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'щокварталу', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'щомісяця', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'протягом дії плану', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'Упродовж усього періоду реалізації Плану дій', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'щокварталу протягом 2026–2027 років', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: { start: '2025-01-01', end: '2025-12-31' }, noteHas: 'stated in the term' },
  { raw: 'постійно', start: '2026-01-01', end: null, precision: 'recurring', problem: 'term-recurring', period: { start: '2026-01-01', end: null } },

  { raw: 'до кінця дії плану', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'за весь період', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'протягом дії плану (2026–2027 рр.)', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: { start: '2025-01-01', end: '2025-12-31' }, noteHas: 'stated in the term' },
  { raw: 'щомісяця до 10 числа', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627, noteHas: 'not interpreted' },

  // ── Until the end of the plan ──
  { raw: 'з березня 2026 р. до кінця дії плану', start: '2026-03-01', end: '2027-12-31', precision: 'month', period: P2627, noteHas: 'end of the plan' },
  { raw: 'з ІІ кварталу 2026 року – до завершення строку дії плану', start: '2026-04-01', end: '2027-12-31', precision: 'quarter', period: P2627 },
  { raw: 'березень 2026 – до кінця реалізації плану', start: '2026-03-01', end: null, precision: 'month', noteHas: 'unknown' },

  // ── Status words ──
  { raw: 'продовжується, 2026 рік', start: '2026-01-01', end: '2026-12-31', precision: 'year', status: 'продовжується' },
  { raw: 'березень 2026 – грудень 2027 (триває)', start: '2026-03-01', end: '2027-12-31', precision: 'month', status: 'триває' },
  { raw: 'Продовжено до 31.12.2026', start: null, end: '2026-12-31', precision: 'day', status: 'продовжено' },
  { raw: 'розпочата у 2025 році, триває', start: '2025-01-01', end: '2025-12-31', precision: 'year', status: 'розпочато, триває' },
  { raw: 'орієнтовно ІІ квартал 2026 року', start: '2026-04-01', end: '2026-06-30', precision: 'quarter', noteHas: 'approximate' },
  { raw: 'до 31 грудня 2026 року включно', start: null, end: '2026-12-31', precision: 'day' },
  { raw: 'Виконано', start: null, end: null, precision: 'unknown', status: 'виконано', problem: 'term-unparsed' },

  // ── Missing year, reversed, unparseable ──
  { raw: 'березень – грудень', start: null, end: null, precision: 'unknown', problem: 'term-unparsed', period: P2627 },
  { raw: 'червень', start: null, end: null, precision: 'unknown', problem: 'term-unparsed', period: P2627 },
  { raw: 'грудень 2027 – січень 2026', start: null, end: null, precision: 'unknown', problem: 'term-reversed' },
  { raw: '2027–2026 роки', start: null, end: null, precision: 'unknown', problem: 'term-reversed' },
  { raw: 'листопад – березень 2027', start: null, end: null, precision: 'unknown', problem: 'term-reversed' },
  { raw: 'березень, 2026', start: '2026-03-01', end: '2026-03-31', precision: 'month' },
  { raw: 'березень – 2027', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '2026 – ІІ квартал', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'березень 26', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '01.02', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '31.06.2026', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '01.06.2026 – 15', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '1 – лютий 2026', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'абракадабра', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'за потреби', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '—', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: 'березень 2026 (за наявності фінансування)', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  { raw: '32.01.2026', start: null, end: null, precision: 'unknown', problem: 'term-unparsed' },
  // ── Roman month numbers, slashes, ISO year-month (issue #10 item 4) ──
  { raw: 'IX 2021', start: '2021-09-01', end: '2021-09-30', precision: 'month' },
  { raw: 'IX.2021 – XII.2022', start: '2021-09-01', end: '2022-12-31', precision: 'month' },
  { raw: 'ІХ 2021 – ХІІ 2022', start: '2021-09-01', end: '2022-12-31', precision: 'month' },
  { raw: 'IX – XII 2026', start: '2026-09-01', end: '2026-12-31', precision: 'month' },
  { raw: '09/2021', start: '2021-09-01', end: '2021-09-30', precision: 'month' },
  { raw: '09/2021 - 12/2022', start: '2021-09-01', end: '2022-12-31', precision: 'month' },
  { raw: '01/09/2021', start: '2021-09-01', end: '2021-09-01', precision: 'day' },
  { raw: '2021-09', start: '2021-09-01', end: '2021-09-30', precision: 'month' },
  { raw: '2021-09 – 2022-12', start: '2021-09-01', end: '2022-12-31', precision: 'month' },
  { raw: '2026-27 роки', start: '2026-01-01', end: '2027-12-31', precision: 'year' },
  { raw: '2021-13', start: null, end: null, precision: 'unknown', problem: 'term-reversed' }, // not a month: read as the years 2021–2013
  // ── Recurring with a count (issue #10 item 10) ──
  { raw: 'двічі на рік у 2026–2027 роках', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring' },
  { raw: 'щомісяця протягом 2026 року', start: '2026-01-01', end: '2026-12-31', precision: 'recurring', problem: 'term-recurring' },
  { raw: 'раз на квартал', start: '2026-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring', period: P2627 },
  { raw: 'раз на квартал', start: null, end: null, precision: 'recurring', problem: 'term-recurring' },
  { raw: 'не менше 2 разів на рік у 2026 році', start: '2026-01-01', end: '2026-12-31', precision: 'recurring', problem: 'term-recurring' },
  { raw: 'тричі на рік, 2027 рік', start: '2027-01-01', end: '2027-12-31', precision: 'recurring', problem: 'term-recurring' },
];
