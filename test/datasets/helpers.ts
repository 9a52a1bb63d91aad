import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPassportFile, loadPlanJson } from '../../src/datasets/index.js';
import { cleanLine as cleanCell, cleanOrNull as clean } from '../../src/util/text.js';
import type { ActionPlan, Party } from '../../src/model/schema.js';

export const PLAN_FIXTURES = ['fixtures/plans/khmelnytskyi-2026-2027.json', 'fixtures/plans/khmelnytskyi-2021-2022.json'];
export const PASSPORT_FIXTURE = 'fixtures/export/passport.yaml';
/** Acceptance: the export of the three seed plans. */
export const EXPECTED_DIR = 'fixtures/export/expected';
/** The export of the hand-written sample plans (edge cases: quotes, no dates, partners by agreement). */
export const SAMPLE_EXPECTED_DIR = 'fixtures/export/expected-sample';
/** Seed plans produced by the extractor (used when present). */
export const SEED_DIR = 'fixtures/expected';

export async function loadFixturePlans(files = PLAN_FIXTURES): Promise<ActionPlan[]> {
  const plans: ActionPlan[] = [];
  for (const f of files) plans.push(...(await loadPlanJson(f)));
  return plans;
}

export async function fixturePassport(): Promise<unknown> {
  return loadPassportFile(PASSPORT_FIXTURE);
}

/** The three seed action plans as the extractor produces them (fixtures/expected, kept by the extractor's tests). */
export const SEED_PLANS = [
  'khmelnytskyi-2021-2022-action-plan.json',
  'khmelnytskyi-2026-2027-action-plan.json',
  'kyiv-2025-2026-action-plan.json',
].map((n) => join(SEED_DIR, n));

export async function seedPlanFiles(): Promise<string[]> {
  return [...SEED_PLANS];
}

export async function withTmpDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ogp-export-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text as the export writes it: one line, or null. */
const cleanOrNull = (value: string | null | undefined): string | null => clean(value, 'one line');

const cleanParty = (p: Party): Party => ({ ...p, name: cleanCell(p.name), contact: cleanOrNull(p.contact) });

/**
 * What a dataset can give back of a plan: text cleaned as exported, source locations `{}`,
 * messages `[]`, no `source.pages`, parties' ЄДРПОУ as in the parties table.
 */
export function exportableView(plan: ActionPlan, edrpouById: Map<string, string | null>): ActionPlan {
  const party = (p: Party): Party => ({ ...cleanParty(p), edrpou: edrpouById.get(p.id) ?? null });
  const { pages: _pages, ...source } = plan.source;
  return {
    ...plan,
    source,
    decision: {
      authority: cleanOrNull(plan.decision.authority),
      type: cleanOrNull(plan.decision.type),
      number: cleanOrNull(plan.decision.number),
      date: plan.decision.date,
      title: cleanOrNull(plan.decision.title),
    },
    plan: { title: cleanOrNull(plan.plan.title), period: plan.plan.period },
    commitments: plan.commitments.map((c) => ({
      ...c,
      number: cleanOrNull(c.number),
      title: cleanCell(c.title),
      problem: cleanOrNull(c.problem),
      goal: cleanOrNull(c.goal),
      sectors: c.sectors.map(cleanOrNull).filter((x): x is string => x !== null),
      ogpValues: c.ogpValues.map(cleanOrNull).filter((x): x is string => x !== null),
      leadExecutors: c.leadExecutors.map(party),
      partners: c.partners.map(party),
      expectedResult: cleanOrNull(c.expectedResult),
      location: {},
      measures: c.measures.map((m) => ({
        ...m,
        number: cleanOrNull(m.number),
        title: cleanCell(m.title),
        executors: m.executors.map(party),
        partners: m.partners.map(party),
        term: {
          ...m.term,
          raw: cleanOrNull(m.term.raw),
          status: cleanOrNull(m.term.status),
          note: cleanOrNull(m.term.note),
        },
        result: cleanOrNull(m.result),
        location: {},
      })),
    })),
    messages: [],
  };
}
