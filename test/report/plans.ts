/** Plans for the report tests: a seed plan, and the same plan with one message of every shape the report meets. */
import { readFileSync } from 'node:fs';
import type { ActionPlan } from '../../src/model/schema.js';
import { fixture } from '../helpers.js';

export const TODAY = '2026-11-15';
export const warningsDoc = new URL('./fixtures/warnings-plan.txt', import.meta.url).pathname;

export function seedPlan(): ActionPlan {
  return JSON.parse(readFileSync(fixture('plans', 'khmelnytskyi-2026-2027.json'), 'utf8')) as ActionPlan;
}

/** The seed plan with messages: by measure id, by table row, by text line, without a place, and in the message-model shape. */
export function planWithMessages(): ActionPlan {
  const plan = seedPlan();
  const m = plan.commitments[1]!.measures[0]!;
  const c = plan.commitments[0]!;
  const row = { ...m.location };
  plan.warnings = [
    { code: 'term-unparsed', message: `${m.id}: term «${m.term.raw ?? ''}» not understood`, location: { ...row, column: 'term' } },
    { code: 'row-unmapped', message: 'table row has no measure text: «<b>Разом</b> & "усього"»', location: { table: 9, row: 4 } },
    { code: 'party-suspicious', message: 'executor looks like a sentence', location: { ...row, column: 'executors' } },
    { code: 'docx-notes-ignored', message: '1 footnote(s) not read into the document text', location: null },
    { code: 'commitment-repeated', message: 'commitment repeated', location: { ...c.location } },
  ];
  // A message already in the message-model shape (severity, reason, place).
  (plan.warnings as unknown[]).push({
    code: 'layout-lost',
    severity: 'error',
    reason: 'table layout lost at «Заходи»',
    place: { file: plan.source.file, page: 2, line: 40 },
  });
  return plan;
}
