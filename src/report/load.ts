/**
 * Report inputs → plans: a document goes through the extraction pipeline (as `extract` does), a `.json` file is
 * read as plan JSON, a directory is read back as an exported dataset (its CSV tables).
 */
import { stat } from 'node:fs/promises';
import { readDataset, recordsToPlans } from '../datasets/read.js';
import type { ActionPlan } from '../model/schema.js';
import type { PartyRegistry } from '../normalize/parties.js';
import { loadPlanInput } from '../pipeline.js';

export type PlanOrigin = 'document' | 'json' | 'dataset';

export interface ReportPlan {
  plan: ActionPlan;
  /** The input the plan came from (as given). */
  input: string;
  origin: PlanOrigin;
}

/** Load one input; throws an error whose message is one line naming the cause. */
export async function loadReportInput(input: string, options: { registry?: PartyRegistry } = {}): Promise<ReportPlan[]> {
  let isDir = false;
  try {
    isDir = (await stat(input)).isDirectory();
  } catch {
    // a missing file is reported by the reader below, in its words
  }
  if (isDir) {
    let plans: ActionPlan[];
    try {
      plans = recordsToPlans(await readDataset(input));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') throw new Error(`${input}: not an exported dataset folder (${e.path ?? 'a table'} is missing)`);
      throw new Error(`${input}: cannot read the dataset: ${e.message.split('\n')[0]}`);
    }
    return plans.map((plan) => ({ plan, input, origin: 'dataset' as const }));
  }
  // A plan whose layout was lost is still reported: its layout-lost message is what the officer must see.
  const loaded = await loadPlanInput(input, { planJson: true, layoutLost: 'keep', ...(options.registry ? { registry: options.registry } : {}) });
  const origin: PlanOrigin = loaded.kind === 'plan-json' ? 'json' : 'document';
  return loaded.plans.map((plan) => ({ plan, input, origin }));
}
