/**
 * The three seed plans as Word documents (fixtures/docx, made by fixtures/scripts/make-fixtures.mjs
 * with its own TXT parser) give the same plan as the TXT seeds read by the product's TXT reader:
 * two independent paths to the same commitments and measures. The HTML page of one seed too.
 */
import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../src/model/schema.js';
import { extractFile } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

function essentials(plan: ActionPlan) {
  return {
    decision: plan.decision,
    commitments: plan.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      measures: c.measures.map((m) => ({
        number: m.number,
        title: m.title,
        executors: m.executors.map((e) => e.name),
        partners: m.partners.map((p) => p.name),
        term: { raw: m.term.raw, start: m.term.start, end: m.term.end },
        result: m.result,
      })),
    })),
  };
}

const seeds = [
  { name: 'khmelnytskyi-2026-2027-action-plan', measures: [4, 4, 2, 3] },
  { name: 'khmelnytskyi-2021-2022-action-plan', measures: [3, 2, 2] },
  { name: 'kyiv-2025-2026-action-plan', measures: [7, 8, 7, 9, 7] },
];

describe('DOCX seed plans give the same plan as their TXT', () => {
  for (const seed of seeds) {
    it(seed.name, async () => {
      const txt = await extractFile(fixture('txt', `${seed.name}.txt`));
      const docx = await extractFile(fixture('docx', `${seed.name}.docx`));
      expect(docx.plan.source.format).toBe('docx');
      expect(docx.plan.commitments.map((c) => c.measures.length)).toEqual(seed.measures);
      expect(essentials(docx.plan)).toEqual(essentials(txt.plan));
    });
  }

  it('khmelnytskyi-2026-2027 saved as a web page (HTML) gives the same plan as its TXT', async () => {
    const txt = await extractFile(fixture('txt', 'khmelnytskyi-2026-2027-action-plan.txt'));
    const html = await extractFile(fixture('html', 'khmelnytskyi-2026-2027-action-plan.html'));
    expect(html.plan.source.format).toBe('html');
    expect(essentials(html.plan)).toEqual(essentials(txt.plan));
  });
});
