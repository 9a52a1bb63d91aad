/**
 * Field-by-field score of an extracted plan against a layout's expected plan
 * (fixtures/layouts/expected/*.json, written by fixtures/layouts/make-layouts.mjs from the content).
 *
 * Fields: decision type, number, date, title; authority; period start and end; per commitment its
 * number and title; per measure its title, executors (the set of names), partners (the set, where the
 * layout has a partners column), start, end and result.
 * Commitments are paired in order, measures in order within their commitment; a missing one fails
 * all its fields, an extra one adds as many failed fields as it has.
 */
import type { ActionPlan } from '../../src/model/schema.js';

export interface ExpectedMeasure {
  title: string;
  executors: string[];
  /** Scored only when the layout has a partners column. */
  partners?: string[];
  start: string | null;
  end: string | null;
  result: string | null;
}
export interface ExpectedLayout {
  layout: string;
  description: string;
  content: string;
  decision: { authority: string | null; type: string | null; number: string | null; date: string | null; title: string | null };
  period: { start: string | null; end: string | null };
  commitments: Array<{ number: string | null; title: string; measures: ExpectedMeasure[] }>;
}

export interface Score {
  ok: number;
  total: number;
  misses: string[];
}

/** Texts compare after NFC, one space for any run of white space, one apostrophe. */
export function norm(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.normalize('NFC').replace(/[’'ʼ`]/gu, '’').replace(/\s+/gu, ' ').trim();
}

export function scorePlan(plan: ActionPlan, exp: ExpectedLayout): Score {
  const score: Score = { ok: 0, total: 0, misses: [] };
  const check = (field: string, actual: unknown, expected: unknown): void => {
    score.total += 1;
    if (JSON.stringify(actual) === JSON.stringify(expected)) score.ok += 1;
    else score.misses.push(`${field}: got ${JSON.stringify(actual)?.slice(0, 160)}, expected ${JSON.stringify(expected)?.slice(0, 160)}`);
  };
  const d = plan.decision;
  check('decision.type', d.type, exp.decision.type);
  check('decision.number', d.number, exp.decision.number);
  check('decision.date', d.date, exp.decision.date);
  check('decision.title', norm(d.title), norm(exp.decision.title));
  check('decision.authority', norm(d.authority), norm(exp.decision.authority));
  check('period.start', plan.plan.period.start, exp.period.start);
  check('period.end', plan.plan.period.end, exp.period.end);
  const n = Math.max(plan.commitments.length, exp.commitments.length);
  for (let i = 0; i < n; i += 1) {
    const a = plan.commitments[i];
    const e = exp.commitments[i];
    const at = `C${i + 1}`;
    check(`${at}.number`, a?.number ?? null, e ? e.number : '(none)');
    check(`${at}.title`, norm(a?.title), e ? norm(e.title) : '(none)');
    const m = Math.max(a?.measures.length ?? 0, e?.measures.length ?? 0);
    for (let j = 0; j < m; j += 1) {
      const am = a?.measures[j];
      const em = e?.measures[j];
      const mt = `${at}.M${j + 1}`;
      check(`${mt}.title`, norm(am?.title), em ? norm(em.title) : '(none)');
      check(`${mt}.executors`, am ? am.executors.map((p) => norm(p.name)).sort() : null, em ? em.executors.map(norm).sort() : '(none)');
      if (em?.partners) check(`${mt}.partners`, am ? am.partners.map((p) => norm(p.name)).sort() : null, em.partners.map(norm).sort());
      check(`${mt}.start`, am?.term.start ?? null, em ? em.start : '(none)');
      check(`${mt}.end`, am?.term.end ?? null, em ? em.end : '(none)');
      check(`${mt}.result`, norm(am?.result), em ? norm(em.result) : '(none)');
    }
  }
  return score;
}
