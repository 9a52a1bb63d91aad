/**
 * Loading plan JSON inputs for the export: a file holds one plan or an array of plans
 * (e.g. a `plans.nested.json` of an earlier export). Every plan is validated by ActionPlanSchema
 * (plans of an earlier model version are upgraded first: src/model/upgrade.ts).
 */
import { readFile } from 'node:fs/promises';
import { ActionPlanSchema, type ActionPlan } from '../model/schema.js';
import { upgradePlan } from '../model/upgrade.js';
import { ExportError } from './records.js';

/** Validate parsed JSON as one plan or an array of plans; errors name the file and the first bad path. */
export function parsePlans(value: unknown, file: string): ActionPlan[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new ExportError(`${file}: no plans in the file (empty array)`);
  return items.map((item, i) => {
    const parsed = ActionPlanSchema.safeParse(upgradePlan(item));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [...(Array.isArray(value) ? [i] : []), ...(issue?.path ?? [])].join('.');
      throw new ExportError(`${file}: not a valid plan: ${where || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
}

/** Read a plan JSON file. */
export async function loadPlanJson(file: string): Promise<ActionPlan[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ExportError(`${file}: cannot read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExportError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parsePlans(value, file);
}
