/**
 * Validation of a plan against `schemas/plan.schema.json` (ajv), as data:
 * every error carries the JSON path of the value at fault.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

export interface SchemaViolation {
  path: string;
  message: string;
}

let compiled: ValidateFunction | null = null;

export function schemaPath(): URL {
  return new URL('../../schemas/plan.schema.json', import.meta.url);
}

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export function validatePlan(plan: unknown): SchemaViolation[] {
  const validate = validator();
  if (validate(plan)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    path: e.instancePath || '/',
    message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  }));
}
