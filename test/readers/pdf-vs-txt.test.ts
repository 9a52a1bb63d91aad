/**
 * Each seed plan rendered to PDF (fixtures/pdf, LibreOffice from the DOCX fixtures, with
 * rows split across pages) must give the same plan as its TXT seed: decision, plan title and
 * period, commitments (number, title, problem, goal, lead executors, partners) and measures
 * (title, executors, partners, term, result).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { root } from './pdf/helpers.js';

const SEEDS = ['khmelnytskyi-2026-2027-action-plan', 'khmelnytskyi-2021-2022-action-plan', 'kyiv-2025-2026-action-plan'];

type Plan = Awaited<ReturnType<typeof extractFile>>['plan'];

function essence(plan: Plan) {
  const names = (xs: { name: string }[] | undefined) => (xs ?? []).map((x) => x.name);
  return {
    decision: plan.decision,
    plan: plan.plan,
    commitments: plan.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      problem: c.problem,
      goal: c.goal,
      lead: names(c.leadExecutors),
      partners: names(c.partners),
      measures: c.measures.map((m) => ({
        number: m.number,
        title: m.title,
        executors: names(m.executors),
        partners: names(m.partners),
        term: m.term && { raw: m.term.raw, start: m.term.start, end: m.term.end },
        result: m.result,
      })),
    })),
  };
}

describe('PDF renderings of the seed plans give the same commitments and measures as the TXT seeds', () => {
  for (const seed of SEEDS) {
    const pdf = join(root, 'fixtures', 'pdf', `${seed}.pdf`);
    it(seed, async () => {
      const fromTxt = await extractFile(join(root, 'fixtures', 'txt', `${seed}.txt`));
      const fromPdf = await extractFile(pdf);
      expect(fromPdf.plan.source.format).toBe('pdf');
      const txt = essence(fromTxt.plan);
      const got = essence(fromPdf.plan);
      expect(got.commitments.length).toBeGreaterThan(0);
      expect(got.commitments.flatMap((c) => c.measures).length).toBe(txt.commitments.flatMap((c) => c.measures).length);
      expect(got).toEqual(txt);
    });
  }
});
