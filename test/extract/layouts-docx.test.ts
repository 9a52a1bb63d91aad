/**
 * The layout matrix, DOCX forms: extraction is exact, field by field, on every layout
 * (fixtures/layouts, built by fixtures/layouts/make-layouts.mjs; the expected plans are written from
 * the content, never by the extractor). The PDF forms and the thresholds are in test/extract/layouts.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';
import { scorePlan, type ExpectedLayout } from './layout-score.js';

const names = readdirSync(fixture('layouts', 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('layout matrix, DOCX: every field as the content states it', () => {
  it('has the layouts', () => {
    expect(names.length).toBeGreaterThanOrEqual(16);
  });
  for (const name of names) {
    it(name, async () => {
      const exp = JSON.parse(readFileSync(fixture('layouts', 'expected', `${name}.json`), 'utf8')) as ExpectedLayout;
      const { plan } = await extractFile(fixture('layouts', 'docx', `${name}.docx`));
      const score = scorePlan(plan, exp);
      expect(score.misses).toEqual([]);
      expect(score.ok).toBe(score.total);
    });
  }
});
