import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJsonSchemaText } from '../../src/model/json-schema.js';
import { validatePlan } from '../../src/model/validate.js';
import { extractFile } from '../../src/pipeline.js';
import { fixture, root } from '../helpers.js';

describe('plan JSON Schema', () => {
  it('schemas/plan.schema.json is generated from the zod model (run `npm run schemas` after changing it)', () => {
    expect(readFileSync(`${root}schemas/plan.schema.json`, 'utf8')).toBe(planJsonSchemaText());
  });

  it('reports violations as data with their path', async () => {
    const { plan } = await extractFile(fixture('txt', 'khmelnytskyi-2026-2027-action-plan.txt'));
    const broken = structuredClone(plan) as unknown as Record<string, any>;
    broken.commitments[0].measures[1].term.start = '2026-13-01';
    broken.decision.date = 12;
    delete broken.commitments[2].title;
    const paths = [...new Set(validatePlan(broken).map((v) => v.path))].sort();
    expect(paths).toEqual(['/commitments/0/measures/1/term/start', '/commitments/2', '/decision/date']);
  });
});
