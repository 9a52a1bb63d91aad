import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PASSPORT_ELEMENTS } from '../../src/datasets/passport.js';
import { inferPassport, plansPeriod } from '../../src/datasets/passport-template.js';
import { fixture, runCli } from '../helpers.js';
import { loadFixturePlans, PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

/** What only the officer knows: the elements `export` must name until they are filled. */
const TO_FILL: Record<string, string> = {
  issued: 'issued: 2025-10-20',
  accrualPeriodicity: 'accrualPeriodicity: Щороку',
  landingPage: 'landingPage: https://data.gov.ua/dataset/khm-ogp-action-plans',
  publisherId: 'publisherId: "04060714"',
  contactPointName: 'contactPointName: Коваль Олена Вікторівна',
  contactPointEmail: 'contactPointEmail: opendata@khm.gov.ua',
};

function fill(template: string): string {
  let text = template;
  for (const [key, line] of Object.entries(TO_FILL)) {
    const re = new RegExp(`^(# )?${key}:.*$`, 'm');
    expect(text, key).toMatch(re);
    text = text.replace(re, line);
  }
  return text;
}

describe('ogp-extract passport init', () => {
  it('init → fill what only the officer knows → export → validate passes', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'passport.yaml');
      const init = await runCli('passport', 'init', '--from', ...PLAN_FIXTURES, '-o', file);
      expect(init.code, init.stderr).toBe(0);
      expect(init.stderr).toContain(`wrote ${file}`);
      const template = readFileSync(file, 'utf8');

      // Every element is there, as a key or (computed, or a code only the officer knows) commented out, each with a comment.
      for (const key of Object.keys(PASSPORT_ELEMENTS)) expect(template, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
      expect(template.split('\n').filter((l) => l.startsWith('# ')).length).toBeGreaterThan(Object.keys(PASSPORT_ELEMENTS).length);
      const values = parse(template) as Record<string, unknown>;
      expect(values.publisherName).toBe('Виконавчий комітет Хмельницької міської ради');
      expect(values.title).toMatch(/^Плани дій .* на 2021–2027 роки/);
      expect(values.description).toMatch(/2021–2027/);
      expect(values.keywords).toEqual(expect.arrayContaining(['відкритий уряд', 'план дій']));
      expect(values.language).toBe('uk');

      // As written, export names each element still to fill, and writes nothing.
      const raw = await runCli('export', ...PLAN_FIXTURES, '--out-dir', join(dir, 'raw'), '--passport', file);
      expect(raw.code).toBe(1);
      for (const key of Object.keys(TO_FILL)) expect(raw.stderr, key).toContain(`(${key})`);
      expect(existsSync(join(dir, 'raw', 'passport.json'))).toBe(false);

      writeFileSync(file, fill(template));
      const out = join(dir, 'data');
      const exported = await runCli('export', ...PLAN_FIXTURES, '--out-dir', out, '--passport', file);
      expect(exported.code, exported.stderr).toBe(0);
      const passport = JSON.parse(readFileSync(join(out, 'passport.json'), 'utf8')) as Record<string, unknown>;
      expect(passport.title).toBe(values.title);
      expect(passport.publisherId).toBe('04060714');
      const validated = await runCli('validate', out);
      expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    });
  });

  it('--from a document: the values come from the extracted plan', async () => {
    await withTmpDir(async (dir) => {
      const run = await runCli('passport', 'init', '--from', fixture('txt', 'kyiv-2025-2026-action-plan.txt'), '-o', '-');
      expect(run.code, run.stderr).toBe(0);
      const values = parse(run.stdout) as Record<string, unknown>;
      expect(values.title).toMatch(/Києв/);
      expect(String(values.description)).toMatch(/2025–2026/);
      expect(existsSync(join(dir, 'passport.yaml'))).toBe(false);
    });
  });

  it('never overwrites a passport without --force; a bad input is one line naming it', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'p.yaml');
      writeFileSync(file, 'filled: true\n');
      const again = await runCli('passport', 'init', '-o', file);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists/);
      expect(readFileSync(file, 'utf8')).toBe('filled: true\n');
      expect((await runCli('passport', 'init', '-o', file, '--force')).code).toBe(0);
      const bad = await runCli('passport', 'init', '--from', join(dir, 'missing.json'), '-o', join(dir, 'q.yaml'));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/missing\.json/);
      expect(existsSync(join(dir, 'q.yaml'))).toBe(false);
    });
  });

  it('infers from the plans only what they say', async () => {
    const plans = await loadFixturePlans();
    expect(plansPeriod(plans)).toBe('2021–2027');
    const none = inferPassport([]);
    expect(none.publisherName).toBeUndefined();
    expect(none.title).not.toMatch(/роки/);
    const undated = plans.map((p) => ({ ...p, plan: { ...p.plan, period: { start: null, end: null } } }));
    expect(plansPeriod(undated)).toBeNull();
  });
});
