import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/model/validate.js';
import { planValidatorSource } from '../../src/model/validator-source.js';
import { root } from '../helpers.js';

const schemaText = readFileSync(`${root}schemas/plan.schema.json`, 'utf8');

describe('precompiled plan validator', () => {
  it('src/model/plan-validate.generated.ts is ajv standalone code of schemas/plan.schema.json (run `npm run schemas` after changing it)', () => {
    expect(readFileSync(`${root}src/model/plan-validate.generated.ts`, 'utf8')).toBe(planValidatorSource(schemaText));
  });

  it('finds the same violations as ajv compiling the schema at run time', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const runtime = ajv.compile(JSON.parse(schemaText) as object);
    const plan = JSON.parse(readFileSync(`${root}fixtures/expected/kyiv-2025-2026-action-plan.json`, 'utf8')) as Record<string, any>;
    const variants: unknown[] = [plan, {}, null, [], 'plan'];
    const mutate = (f: (p: Record<string, any>) => void): void => {
      const copy = structuredClone(plan);
      f(copy);
      variants.push(copy);
    };
    mutate((p) => (p.schemaVersion = '0.0.1'));
    mutate((p) => (p.decision = 12));
    mutate((p) => (p.extra = true));
    mutate((p) => delete p.commitments[0].title);
    mutate((p) => (p.commitments[0].measures[0].term = { start: 5, end: null, extra: 1 }));
    mutate((p) => (p.commitments[1].measures = 'none'));
    mutate((p) => (p.messages = [{ code: '', severity: 'loud' }]));
    let invalid = 0;
    for (const v of variants) {
      const ok = runtime(v);
      const ours = validatePlan(v);
      expect(ours.length === 0).toBe(ok);
      if (!ok) invalid += 1;
      expect(ours).toEqual(
        (runtime.errors ?? []).map((e) => ({
          path: e.instancePath || '/',
          message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        })),
      );
    }
    expect(invalid).toBe(variants.length - 1);
  });
});
