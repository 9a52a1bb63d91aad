/**
 * The DOCX variant fixtures through the whole extraction, compared with committed expected JSON.
 * Regenerate after an intended change: UPDATE_EXPECTED=1 npx vitest run test/readers/docx/expected.test.ts
 * (review the diff before committing).
 */
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../src/model/validate.js';
import { extractFile, planJson } from '../../../src/pipeline.js';
import { expectedText, fixture } from '../../helpers.js';

const variants: { name: string; check: (plan: Awaited<ReturnType<typeof extractFile>>['plan']) => void }[] = [
  {
    name: 'vmerge-executors',
    check: (plan) => {
      // The executor merged across three rows belongs to all three measures.
      const ex = plan.commitments[0]!.measures.map((m) => m.executors.map((e) => e.name));
      expect(ex.slice(0, 3)).toEqual(Array(3).fill(['Управління транспорту та зв’язку', 'ХМКП «Хмельницькінфоцентр»']));
      expect(plan.commitments[0]!.measures.map((m) => m.term.raw)).toEqual([
        'березень 2026 – грудень 2026', 'березень 2026 – грудень 2026', 'січень 2027 – червень 2027', 'вересень 2027 – грудень 2027',
      ]);
    },
  },
  {
    name: 'national-layout',
    check: (plan) => {
      // Group rows spanning the table start commitments; «1.1», «1.2» are their measures.
      expect(plan.commitments.map((c) => [c.number, c.measures.map((m) => m.number)])).toEqual([
        ['1', ['1.1', '1.2']],
        ['2', ['2.1', '2.2', '2.3']],
      ]);
    },
  },
  {
    name: 'auto-numbering',
    check: (plan) => {
      expect(plan.commitments.map((c) => [c.number, c.measures.map((m) => m.number)])).toEqual([
        ['1', ['1', '2']],
        ['2', ['1', '2', '3']],
        ['3', ['1']],
      ]);
    },
  },
  {
    name: 'tracked-changes',
    check: (plan) => {
      expect(plan.commitments[0]!.title).toBe('Відкриті дані про зелені насадження');
      expect(plan.commitments[0]!.measures[0]!.term.raw).toBe('березень 2026 – вересень 2027');
      expect(JSON.stringify(plan)).not.toMatch(/паперового|Озеленення|департамент інфраструктури|Коментар|Виноска/);
    },
  },
  {
    name: 'split-table',
    check: (plan) => {
      // The table broken by a page break continues the same commitment.
      expect(plan.commitments.map((c) => c.measures.length)).toEqual([4, 1]);
    },
  },
  {
    name: 'repeated-header',
    check: (plan) => {
      expect(plan.commitments[0]!.measures.map((m) => m.title)).not.toContain('Заходи');
      expect(plan.commitments[0]!.measures).toHaveLength(3);
    },
  },
];

describe('DOCX variant fixtures: whole extraction as expected', () => {
  for (const v of variants) {
    it(v.name, async () => {
      const { plan } = await extractFile(fixture('docx', `${v.name}.docx`));
      expect(plan.source.format).toBe('docx');
      expect(validatePlan(plan)).toEqual([]);
      v.check(plan);
      const json = planJson(plan, true);
      expect(json).toBe(expectedText(fixture('expected', 'docx', `${v.name}.json`), json));
    });
  }
});
