/** JSON Schema of the plan model, generated from the zod schemas (the single source of truth). */
import { z } from 'zod';
import { ActionPlanSchema, SCHEMA_VERSION } from './schema.js';

export const PLAN_SCHEMA_ID = `https://github.com/ogp-extract/ogp-extract/schemas/plan.schema.json`;

export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ActionPlanSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PLAN_SCHEMA_ID,
    title: `ogp-extract action plan, model ${SCHEMA_VERSION}`,
    ...rest,
  };
}

/** The schema file's exact text (2-space JSON, trailing newline). */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
