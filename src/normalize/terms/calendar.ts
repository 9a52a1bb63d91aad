/**
 * Calendar arithmetic for plan terms: first and last day of a stated period.
 * Pure functions on the proleptic Gregorian calendar; dates are ISO strings.
 */

/** Granularity of a single stated period (a bound of a term). */
export type PeriodKind = 'day' | 'month' | 'quarter' | 'half-year' | 'year';

/** A fully resolved period: a day, month, quarter (index 1–4), half-year (index 1–2) or year. */
export type Period =
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; index: number }
  | { kind: 'half-year'; year: number; index: number }
  | { kind: 'year'; year: number };

/** Coarseness order: a later entry is coarser. */
export const KIND_ORDER: readonly PeriodKind[] = ['day', 'month', 'quarter', 'half-year', 'year'];

export function coarser(a: PeriodKind, b: PeriodKind): PeriodKind {
  return KIND_ORDER.indexOf(a) >= KIND_ORDER.indexOf(b) ? a : b;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First and last month (1–12) covered by a period. */
function monthSpan(p: Period): [number, number] {
  switch (p.kind) {
    case 'day':
    case 'month':
      return [p.month, p.month];
    case 'quarter':
      return [3 * p.index - 2, 3 * p.index];
    case 'half-year':
      return [6 * p.index - 5, 6 * p.index];
    case 'year':
      return [1, 12];
  }
}

/** First day of the period. */
export function startOf(p: Period): string {
  if (p.kind === 'day') return isoDate(p.year, p.month, p.day);
  return isoDate(p.year, monthSpan(p)[0], 1);
}

/** Last day of the period (the last day of its last month, leap years included). */
export function endOf(p: Period): string {
  if (p.kind === 'day') return isoDate(p.year, p.month, p.day);
  const m = monthSpan(p)[1];
  return isoDate(p.year, m, daysInMonth(p.year, m));
}

/** The day before the period begins («до червня 2026» → 2026-05-31). */
export function dayBefore(p: Period): string {
  const [y, m, d] = startOf(p).split('-').map(Number) as [number, number, number];
  if (d > 1) return isoDate(y, m, d - 1);
  if (m > 1) return isoDate(y, m - 1, daysInMonth(y, m - 1));
  return isoDate(y - 1, 12, 31);
}

/** Is `day` a real day of that month and year? */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
