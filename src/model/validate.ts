/**
 * Validation of a plan against `schemas/plan.schema.json` (ajv), as data:
 * every error carries the JSON path of the value at fault. The validator is ajv's code compiled ahead of time
 * (`npm run schemas` → plan-validate.generated.ts), so validating needs neither ajv's compiler nor the schema file.
 */
import type { ErrorObject } from 'ajv';
import { validate } from './plan-validate.generated.js';

export interface SchemaViolation {
  path: string;
  message: string;
}

export function schemaPath(): URL {
  return new URL('../../schemas/plan.schema.json', import.meta.url);
}

/** The generated validator module, in the sources (written by `npm run schemas`). */
export function validatorPath(): URL {
  return new URL('../../src/model/plan-validate.generated.ts', import.meta.url);
}

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export function validatePlan(plan: unknown): SchemaViolation[] {
  const check = validate as Validate;
  if (check(plan)) return [];
  return (check.errors ?? []).map((e: ErrorObject) => ({
    path: e.instancePath || '/',
    message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  }));
}
