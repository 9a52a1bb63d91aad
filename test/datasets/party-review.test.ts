import { describe, expect, it } from 'vitest';
import { partyReviewMessages } from '../../src/datasets/party-review.js';
import { exportDatasets, loadPlanJson } from '../../src/datasets/index.js';
import { fixturePassport, SEED_PLANS } from './helpers.js';

const row = (name: string, kind = 'body') => ({ uid: 'x', name, kind, edrpou: null });

describe('parties rows that are not bodies are flagged for review', () => {
  it('a task phrase and a person with a post are warnings; bodies are not', () => {
    const flagged = (name: string, kind?: string) => partyReviewMessages([row(name, kind)]).length === 1;
    expect(flagged('залучення донорських організацій та проєктів')).toBe(true);
    expect(flagged('Проведення громадських обговорень')).toBe(true);
    expect(flagged('заступник міського голови Іванов І.І.')).toBe(true);
    expect(flagged('Іванов І. І., начальник відділу')).toBe(true);
    expect(flagged('Управління економіки')).toBe(false);
    expect(flagged('Відділення поліції')).toBe(false);
    expect(flagged('Громадська організація «Батьки SOS»')).toBe(false);
    expect(flagged('Коваль О.В.', 'person')).toBe(false);
    const [m] = partyReviewMessages([row('залучення донорських організацій та проєктів')]);
    expect(m).toMatchObject({ code: 'party-not-body', severity: 'warning' });
    expect(m!.reason).toMatch(/parties row x: «залучення донорських організацій та проєктів» reads as a task/);
  });

  it('the export of the seed plans reports such rows as warnings and still writes them', async () => {
    const plans = [];
    for (const f of SEED_PLANS) plans.push(...(await loadPlanJson(f)));
    const result = exportDatasets(plans, { passport: await fixturePassport() });
    const flagged = result.messages.filter((m) => m.code === 'party-not-body');
    for (const m of flagged) {
      const uid = /parties row (\S+):/.exec(m.reason)![1]!;
      expect(result.tables.parties.some((p) => p.uid === uid)).toBe(true);
    }
  });
});
