/** Plans for the report tests: a seed plan, and the same plan with one message of every shape the report meets. */
import { readFileSync } from 'node:fs';
import type { ActionPlan } from '../../src/model/schema.js';
import { upgradePlan } from '../../src/model/upgrade.js';
import { fixture } from '../helpers.js';

export const TODAY = '2026-11-15';
export const warningsDoc = new URL('./fixtures/warnings-plan.txt', import.meta.url).pathname;

export function seedPlan(): ActionPlan {
  return upgradePlan(JSON.parse(readFileSync(fixture('plans', 'khmelnytskyi-2026-2027.json'), 'utf8'))) as ActionPlan;
}

/** The seed plan with messages: by measure id, by table row, by text line, without a place, and in the message-model shape. */
export function planWithMessages(): ActionPlan {
  const plan = seedPlan();
  const m = plan.commitments[1]!.measures[0]!;
  const c = plan.commitments[0]!;
  const row = { ...m.location };
  plan.messages = [
    { code: 'term-unparsed', severity: 'warning', reason: `${m.id}: term «${m.term.raw ?? ''}» not understood`, place: { ...row, column: 'term' } },
    { code: 'row-unmapped', severity: 'warning', reason: 'table row has no measure text: «<b>Разом</b> & "усього"»', place: { table: 9, row: 4 } },
    { code: 'party-suspicious', severity: 'warning', reason: 'executor looks like a sentence', place: { ...row, column: 'executors' } },
    { code: 'docx-notes-ignored', severity: 'warning', reason: '1 footnote(s) not read into the document text', place: {} },
    { code: 'commitment-repeated', severity: 'warning', reason: 'commitment repeated', place: { ...c.location }, related: { table: 1, row: 2 } },
    { code: 'layout-lost', severity: 'error', reason: 'table layout lost at «Заходи»', place: { file: plan.source.file, page: 2, line: 40 } },
  ];
  return plan;
}
