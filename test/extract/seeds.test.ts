/**
 * Acceptance: the seed documents as TXT, compared whole with committed expected JSON.
 * Regenerate after an intended change: UPDATE_EXPECTED=1 npx vitest run test/extract/seeds.test.ts
 */
import { describe, expect, it } from 'vitest';
import { NoPlanError, extractFile, planJson } from '../../src/pipeline.js';
import { validatePlan } from '../../src/model/validate.js';
import { expectedText, fixture } from '../helpers.js';

const plans = [
  { name: 'khmelnytskyi-2026-2027-action-plan', id: '1417-2025-10-09', commitments: 4, measures: [4, 4, 2, 3] },
  { name: 'khmelnytskyi-2021-2022-action-plan', id: '784-2021-08-12', commitments: 3, measures: [3, 2, 2] },
  { name: 'kyiv-2025-2026-action-plan', id: 'kyiv-2025-2026-action-plan', commitments: 5, measures: [7, 8, 7, 9, 7] },
];

describe('seed action plans (TXT)', () => {
  for (const seed of plans) {
    it(`${seed.name}: ${seed.commitments} commitments, ${seed.measures.reduce((a, b) => a + b)} measures, whole output as expected`, async () => {
      const { plan, layoutLost } = await extractFile(fixture('txt', `${seed.name}.txt`));
      expect(layoutLost).toBe(false);
      expect(plan.id).toBe(seed.id);
      expect(plan.commitments).toHaveLength(seed.commitments);
      expect(plan.commitments.map((c) => c.measures.length)).toEqual(seed.measures);
      expect(validatePlan(plan)).toEqual([]);
      const json = planJson(plan, true);
      expect(json).toBe(expectedText(fixture('expected', `${seed.name}.json`), json));
    });
  }

  it('every measure has a title, executors and a real date range', async () => {
    for (const seed of plans) {
      const { plan } = await extractFile(fixture('txt', `${seed.name}.txt`));
      for (const m of plan.commitments.flatMap((c) => c.measures)) {
        expect(m.title.length, m.id).toBeGreaterThan(10);
        expect(m.executors.length, m.id).toBeGreaterThan(0);
        expect(m.term.start, `${m.id} ${m.term.raw}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(m.term.end, `${m.id} ${m.term.raw}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(m.term.start! <= m.term.end!).toBe(true);
        expect(m.result, m.id).not.toBeNull();
      }
    }
  });

  it('the news article holds no plan', async () => {
    await expect(extractFile(fixture('txt', 'khmelnytskyi-coordination-council-news.txt'))).rejects.toThrow(NoPlanError);
    await expect(extractFile(fixture('txt', 'khmelnytskyi-coordination-council-news.txt'))).rejects.toThrow(
      /no action plan found in .*khmelnytskyi-coordination-council-news\.txt/,
    );
  });

  it('the 2020 roadmap whose columns were flattened: layout-lost, no invented rows', async () => {
    const { plan, layoutLost } = await extractFile(fixture('txt', 'khmelnytskyi-2020-open-data-roadmap.txt'));
    expect(layoutLost).toBe(true);
    expect(plan.commitments).toEqual([]);
    expect(plan.messages.map((w) => w.code)).toContain('layout-lost');
    expect(plan.messages.find((w) => w.code === 'layout-lost')!.reason).toMatch(/DOCX or PDF/);
  });
});
