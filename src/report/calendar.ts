/** Calendar arithmetic on ISO dates (UTC days), for the timeline and the executor load. */

const DAY = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface Month {
  year: number;
  /** 1..12 */
  month: number;
  /** First day (ISO). */
  start: string;
  /** Last day (ISO). */
  end: string;
}

function monthOf(year: number, month: number): Month {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = isoOfDay(Date.UTC(year, month, 1) / DAY - 1);
  return { year, month, start, end };
}

/** Every month from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): Month[] {
  const out: Month[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= endKey) {
    out.push(monthOf(y, m));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Do the ranges [aStart, aEnd] and [bStart, bEnd] (ISO, inclusive) overlap? */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}
