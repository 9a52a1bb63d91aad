/**
 * The timeline (Gantt) of a plan as inline SVG: one bar per measure with dates, grouped by commitment,
 * on a month axis covering the plan period and every measure's dates, with today's date marked.
 *
 * Geometry is in SVG user units; the bar of a term [start, end] spans from the start of `start` to the end of `end`,
 * so `x = scale(start)` and `width = scale(end + 1 day) - scale(start)`. Ticks carry `data-date` so tests can
 * read the axis scale back from the rendered page.
 */
import type { ActionPlan } from '../model/schema.js';
import { dayNumber, monthsBetween, type Month } from './calendar.js';
import { esc } from './escape.js';
import { MONTHS_SHORT } from './text.js';

export const TIMELINE = {
  width: 1200,
  labelWidth: 330,
  rightPad: 16,
  axisHeight: 46,
  rowHeight: 24,
  groupHeight: 28,
  barHeight: 14,
  /** A bar is never drawn narrower than this (a one-day term stays visible). */
  minBarWidth: 3,
} as const;

export interface TimelineDomain {
  start: string;
  end: string;
  months: Month[];
}

/** The months the timeline (and the executor load) covers: the plan period and every measure's dates. */
export function planDomain(plan: ActionPlan): TimelineDomain | null {
  const dates: string[] = [];
  if (plan.plan.period.start) dates.push(plan.plan.period.start);
  if (plan.plan.period.end) dates.push(plan.plan.period.end);
  for (const c of plan.commitments) {
    for (const m of c.measures) {
      if (m.term.start) dates.push(m.term.start);
      if (m.term.end) dates.push(m.term.end);
    }
  }
  if (dates.length === 0) return null;
  dates.sort();
  const months = monthsBetween(dates[0]!, dates[dates.length - 1]!);
  return { start: months[0]!.start, end: months[months.length - 1]!.end, months };
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros (deterministic). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export interface TimelineOptions {
  /** Anchor id prefix of the plan (measure rows are `${prefix}-C1-M2`). */
  prefix: string;
  today: string;
  /** Measures that have review messages. */
  flagged: ReadonlySet<string>;
}

export function measureAnchor(prefix: string, measureId: string): string {
  return `${prefix}-${measureId.replace('.', '-')}`;
}

export function renderTimeline(plan: ActionPlan, domain: TimelineDomain, options: TimelineOptions): string {
  const T = TIMELINE;
  const x0 = T.labelWidth;
  const trackWidth = T.width - T.labelWidth - T.rightPad;
  const first = dayNumber(domain.start);
  const days = dayNumber(domain.end) + 1 - first;
  const scale = (iso: string, endOfDay = false): number => x0 + ((dayNumber(iso) + (endOfDay ? 1 : 0) - first) / days) * trackWidth;

  const rows: string[] = [];
  let y = T.axisHeight;
  for (const c of plan.commitments) {
    const groupTitle = `${c.number ? `Зобов’язання ${c.number}` : c.id}. ${c.title}`;
    rows.push(
      `<g class="tl-group"><rect class="tl-group-bg" x="0" y="${num(y)}" width="${T.width}" height="${T.groupHeight}"/>` +
        `<text class="tl-group-label" x="8" y="${num(y + T.groupHeight / 2 + 4.5)}"><title>${esc(groupTitle)}</title>${esc(truncate(groupTitle, 140))}</text></g>`,
    );
    y += T.groupHeight;
    c.measures.forEach((m, i) => {
      const label = `${m.number ?? m.id} ${m.title}`;
      const anchor = measureAnchor(options.prefix, m.id);
      const rowClass = i % 2 === 1 ? 'tl-row tl-row-alt' : 'tl-row';
      let bar: string;
      if (m.term.start && m.term.end) {
        const bx = scale(m.term.start);
        const bw = Math.max(scale(m.term.end, true) - bx, T.minBarWidth);
        const status = m.term.end < options.today ? 'past' : m.term.start > options.today ? 'future' : 'current';
        const classes = ['tl-bar', `tl-${status}`];
        if (m.term.precision === 'recurring') classes.push('tl-recurring');
        if (options.flagged.has(m.id)) classes.push('tl-flagged');
        bar =
          `<a href="#${esc(anchor)}" class="tl-link"><title>${esc(`${m.number ?? m.id}: ${m.term.raw ?? ''} (${m.term.start} – ${m.term.end})`)}</title>` +
          `<rect class="${classes.join(' ')}" data-measure="${esc(m.id)}" data-start="${m.term.start}" data-end="${m.term.end}" ` +
          `x="${num(bx)}" y="${num(y + (T.rowHeight - T.barHeight) / 2)}" width="${num(bw)}" height="${T.barHeight}" rx="3"/></a>`;
      } else {
        const flagged = options.flagged.has(m.id);
        const text = `<text class="tl-nodate${flagged ? ' tl-nodate-flagged' : ''}" x="${num(x0 + 10)}" y="${num(y + T.rowHeight / 2 + 4)}">${flagged ? '⚠ ' : ''}термін без дат: ${esc(truncate(m.term.raw ?? 'не зазначено', 60))}</text>`;
        bar = `<a href="#${esc(anchor)}" class="tl-link"><title>${esc(`${m.number ?? m.id}: термін без дат`)}</title>${text}</a>`;
      }
      rows.push(
        `<g class="${rowClass}"><rect class="tl-row-bg" x="0" y="${num(y)}" width="${T.width}" height="${T.rowHeight}"/>` +
          `<text class="tl-label" x="16" y="${num(y + T.rowHeight / 2 + 4)}"><title>${esc(label)}</title>${esc(truncate(label, 42))}</text>${bar}</g>`,
      );
      y += T.rowHeight;
    });
  }
  const height = y + 22;

  // Axis: a tick at the start of every month, a month label where there is room, the year at each January (and the first month).
  const axis: string[] = [];
  const monthWidth = trackWidth / domain.months.length;
  const labelEvery = monthWidth >= 22 ? 1 : monthWidth >= 8 ? 3 : 12;
  domain.months.forEach((mo, i) => {
    const x = scale(mo.start);
    const major = mo.month === 1 || i === 0;
    axis.push(
      `<line class="${major ? 'tl-tick tl-tick-year' : 'tl-tick'}" data-date="${mo.start}" x1="${num(x)}" x2="${num(x)}" y1="${major ? 4 : 24}" y2="${num(height - 20)}"/>`,
    );
    if (major) axis.push(`<text class="tl-year" x="${num(x + 4)}" y="16">${mo.year}</text>`);
    if ((mo.month - 1) % labelEvery === 0) {
      axis.push(`<text class="tl-month" x="${num(x + monthWidth / 2)}" y="38" text-anchor="middle">${MONTHS_SHORT[mo.month - 1]}</text>`);
    }
  });
  const endX = scale(domain.end, true);
  axis.push(`<line class="tl-tick tl-tick-end" data-date="${domain.end}" data-edge="end" x1="${num(endX)}" x2="${num(endX)}" y1="24" y2="${num(height - 20)}"/>`);

  let today = '';
  if (options.today >= domain.start && options.today <= domain.end) {
    const tx = scale(options.today);
    today =
      `<g class="tl-today-mark"><line class="tl-today" data-date="${options.today}" x1="${num(tx)}" x2="${num(tx)}" y1="20" y2="${num(height - 18)}"/>` +
      `<text class="tl-today-label" x="${num(tx)}" y="${num(height - 5)}" text-anchor="middle">сьогодні ${esc(options.today.split('-').reverse().join('.'))}</text></g>`;
  }

  const titleId = `${options.prefix}-tl-title`;
  const descId = `${options.prefix}-tl-desc`;
  const count = plan.commitments.reduce((n, c) => n + c.measures.filter((m) => m.term.start && m.term.end).length, 0);
  return (
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${T.width} ${num(height)}" width="${T.width}" height="${num(height)}" ` +
    `role="group" aria-labelledby="${titleId}" aria-describedby="${descId}" data-domain-start="${domain.start}" data-domain-end="${domain.end}">` +
    `<title id="${titleId}">Графік заходів</title>` +
    `<desc id="${descId}">${count} заходів з датами на шкалі з ${domain.start} по ${domain.end}; ті самі дати наведено в таблицях заходів.</desc>` +
    `<defs><pattern id="${options.prefix}-stripes" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" class="tl-stripe-bg"/><rect width="3" height="6" class="tl-stripe"/></pattern></defs>` +
    `<style>.tl-recurring{fill:url(#${options.prefix}-stripes)}</style>` +
    axis.join('') +
    rows.join('') +
    today +
    `</svg>`
  );
}
