import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDatasets, parseTableCsv, readDataset, recordsToPlans, writeDataset, MEASURES } from '../../src/datasets/index.js';
import { cleanLine as cleanCell } from '../../src/util/text.js';
import type { ActionPlan } from '../../src/model/schema.js';
import { exportableView, loadFixturePlans, withTmpDir } from './helpers.js';

// Text with the characters that stress CSV writing: quotes, commas, line breaks, tabs, no-break and
// leading/trailing spaces, apostrophes and Cyrillic.
const piece = fc.constantFrom('"', ',', '\n', '\r\n', '\t', ' ', '  ', '\u00A0', '’', ';', 'null', 'Захід', 'ЄДРПОУ', 'a', '1.2');
const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((xs) => xs.join(''));
const present = text.filter((t) => cleanCell(t) !== '' && cleanCell(t) !== 'null');

describe('round trip with awkward text (property)', () => {
  it('any title/result/problem/term text survives CSV writing and reading, cleaned', async () => {
    const [base] = await loadFixturePlans();
    await fc.assert(
      fc.asyncProperty(present, fc.option(text, { nil: null }), fc.option(text, { nil: null }), present, async (title, result, problem, partnerName) => {
        const c = base!.commitments[1]!;
        const m = c.measures[1]!;
        if ([result, problem].some((v) => v !== null && cleanCell(v) === 'null')) return;
        const plan: ActionPlan = {
          ...base!,
          commitments: [
            {
              ...c,
              problem,
              measures: [
                { ...m, title, result, term: { ...m.term, raw: result }, partners: [{ ...m.partners[0]!, name: partnerName }] },
              ],
            },
          ],
        };
        const out = exportDatasets([plan]);
        const rows = parseTableCsv(MEASURES, out.files.get('measures.csv')!);
        expect(rows[0]!.title).toBe(cleanCell(title));
        await withTmpDir(async (dir) => {
          await writeDataset(dir, out.files);
          const [back] = recordsToPlans(await readDataset(dir));
          const edrpou = new Map(out.tables.parties.map((p) => [String(p.uid), (p.edrpou as string | null) ?? null]));
          expect(back).toEqual(exportableView(plan, edrpou));
        });
      }),
      { numRuns: 60, seed: 20251009 },
    );
  });
});
