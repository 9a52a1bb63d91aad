/**
 * validate's reasons come from one catalogue per language (src/i18n/validate-reasons.ts): the library says them in
 * English, `--lang uk` says every detail in Ukrainian; codes, positions and the JSON report stay the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateReason } from '../../src/i18n/validate.js';
import { validateReasonsEn, validateReasonsUk } from '../../src/i18n/validate-reasons.js';
import { validatePaths, type ValidationMessage } from '../../src/validate/index.js';
import { runCli } from '../helpers.js';

const V = 'fixtures/validate';
const DIR = `${V}/cases`;
const SCHEMA = `${DIR}/table-schema.json`;
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** English words of the reasons (data such as field names and values are ASCII too, so only these are looked for). */
const ENGLISH = /\b(the|is|has|not|value|row|header|column|field|must|cannot|file|missing|cells?|invalid|byte|rest)\b/;

async function corpus(): Promise<ValidationMessage[]> {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.csv'));
  const out: ValidationMessage[] = [];
  for (const f of files) out.push(...(await validatePaths([join(DIR, f)], { schema: SCHEMA })).messages);
  for (const input of ['package-fk', 'package-passport', 'json', 'csvw', 'frictionless'])
    out.push(...(await validatePaths([`${V}/${input}`])).messages);
  return out;
}

describe('validate reasons in the catalogue', () => {
  test('both languages have every entry, with the same placeholders, none empty', () => {
    expect(Object.keys(validateReasonsUk).sort()).toEqual(Object.keys(validateReasonsEn).sort());
    for (const [key, en] of Object.entries(validateReasonsEn)) {
      const uk = validateReasonsUk[key as keyof typeof validateReasonsEn];
      expect(uk.trim(), key).not.toBe('');
      // The Ukrainian names a passport element by its Ukrainian label and key only (no English gloss).
      const englishOnly = key === 'passport.element' ? ['en'] : [];
      expect(placeholders(uk), key).toEqual(placeholders(en).filter((p) => !englishOnly.includes(p)));
    }
  });

  test('every entry is used by the validate stage (no dead texts)', () => {
    const dir = 'src/validate';
    const source = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const unused = Object.keys(validateReasonsEn).filter((k) => !k.startsWith('sep.') && !source.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  test('every message of the broken-file corpus carries its catalogue text; English reason = the English text', async () => {
    const messages = await corpus();
    expect(messages.length).toBeGreaterThan(30);
    for (const m of messages) {
      expect(m.text, m.reason).toBeDefined();
      expect(validateReason(m, 'en')).toBe(m.reason);
      const uk = validateReason(m, 'uk');
      expect(uk, m.reason).not.toBe(m.reason);
      expect(uk, uk).not.toMatch(ENGLISH);
      expect(uk).not.toMatch(/\{[A-Za-z]\w*\}/);
    }
    // The text is not serialised: JSON of a message is the Message model only.
    expect(Object.keys(JSON.parse(JSON.stringify(messages[0])))).toEqual(['code', 'severity', 'reason', 'place']);
  });

  test('--lang uk: details in Ukrainian, the same codes and positions; JSON identical', async () => {
    const file = `${DIR}/many-errors.csv`;
    const uk = await runCli('--lang', 'uk', 'validate', file, '--schema', SCHEMA);
    const en = await runCli('--lang', 'en', 'validate', file, '--schema', SCHEMA);
    expect(uk.code).toBe(1);
    expect(uk.code).toBe(en.code);
    const head = (s: string): string[] => s.split('\n').filter((l) => l.startsWith(DIR)).map((l) => l.split('  ').slice(0, 1).concat(l.split('  ')[2]!).join(' '));
    expect(head(uk.stdout)).toEqual(head(en.stdout));
    const details = uk.stdout.split('\n').filter((l) => l.startsWith(DIR));
    expect(details.length).toBeGreaterThan(5);
    for (const line of details) {
      const reason = line.split('  ').slice(3).join('  ').replace(/^\[[^\]]*\] /, '');
      expect(reason, line).not.toMatch(ENGLISH);
    }
    expect(uk.stdout).toContain('помилка');
    const ukJson = await runCli('--lang', 'uk', 'validate', file, '--schema', SCHEMA, '--format', 'json');
    const enJson = await runCli('--lang', 'en', 'validate', file, '--schema', SCHEMA, '--format', 'json');
    expect(ukJson.stdout).toBe(enJson.stdout);
  });

  test('a usage error names the flag and gives the reason in the language', async () => {
    const uk = await runCli('--lang', 'uk', 'validate', `${DIR}/valid.csv`, '--schema', `${V}/nope.schema.json`);
    expect(uk.code).toBe(2);
    expect(uk.stderr).toContain(`--schema ${V}/nope.schema.json: не вдається прочитати опис структури: файлу немає`);
    const en = await runCli('--lang', 'en', 'validate', `${DIR}/valid.csv`, '--schema', `${V}/nope.schema.json`);
    expect(en.stderr).toContain(`--schema ${V}/nope.schema.json: cannot read the structure description: no such file`);
  });

  test('one reason said in both languages', async () => {
    const [m] = (await validatePaths([`${DIR}/date-range.csv`], { schema: SCHEMA })).messages;
    expect(m!.reason).toBe('"startDate" 2028-01-01 is after "endDate" 2027-12-31');
    expect(validateReason(m!, 'uk')).toBe('"startDate" 2028-01-01 пізніше за "endDate" 2027-12-31');
  });
});
