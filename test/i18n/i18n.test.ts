import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { EXCEL_NOTE, NO_PASSPORT_NOTE } from '../../src/datasets/export.js';
import { en } from '../../src/i18n/en.js';
import { CATALOGUES, commanderError, count, envLang, messageReason, parseLang, quotedData, warningMessage } from '../../src/i18n/index.js';
import { uk } from '../../src/i18n/uk.js';
import { ISSUE_CODES } from '../../src/validate/types.js';
import { fixture, root } from '../helpers.js';
import { PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

async function run(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'ogp-extract', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, env);
  return { code, stdout, stderr };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('catalogues', () => {
  it('have the same keys with the same placeholders, none empty', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(uk[key]), key).toEqual(placeholders(en[key]));
      expect(uk[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('nouns have every plural form: English one|other, Ukrainian one|few|many', () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith('noun.')) as (keyof typeof en)[]) {
      expect(en[key].split('|'), key).toHaveLength(2);
      expect(uk[key].split('|'), key).toHaveLength(3);
    }
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => count(n, 'noun.file', 'uk'))).toEqual([
      '1 файл', '2 файли', '5 файлів', '11 файлів', '12 файлів', '21 файл', '22 файли', '25 файлів', '111 файлів',
    ]);
    expect([1, 2].map((n) => count(n, 'noun.file', 'en'))).toEqual(['1 file', '2 files']);
  });

  it('explain every warning code the extractor and readers emit, and every validate issue code', () => {
    const codes = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      if (file.includes(`${join('src', 'validate')}`)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/code: '([a-z][a-z0-9-]*)'/g)) codes.add(m[1]!);
      // messages made by the helpers of src/model/message.ts: error('code', …), warning('code', …), info('code', …)
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:error|warning|info)\(\s*'([a-z][a-z0-9-]*)'/g)) codes.add(m[1]!);
      for (const m of readFileSync(file, 'utf8').matchAll(/code: '([a-z-]+)' \| '([a-z-]+)' \| '([a-z-]+)'/g)) [m[1], m[2], m[3]].forEach((c) => codes.add(c!));
    }
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(Object.keys(en), code).toContain(`code.${code}`);
    for (const code of ISSUE_CODES) expect(Object.keys(en), code).toContain(`issue.${code}`);
  });
});

describe('language', () => {
  it('from LC_ALL, LC_MESSAGES, LANG in that order; --lang values', () => {
    expect(envLang({ LANG: 'uk_UA.UTF-8' })).toBe('uk');
    expect(envLang({ LC_ALL: 'C.UTF-8', LANG: 'uk_UA.UTF-8' })).toBe('en');
    expect(envLang({ LC_ALL: '', LC_MESSAGES: 'uk_UA', LANG: 'en_US' })).toBe('uk');
    expect(envLang({})).toBe('en');
    expect(envLang({}, 'uk-UA')).toBe('uk');
    expect(envLang({ LANG: 'en_US.UTF-8' }, 'uk-UA')).toBe('en');
    expect(['uk', 'uk_UA.UTF-8', 'UK', 'en', 'en-GB', 'C'].map(parseLang)).toEqual(['uk', 'uk', 'uk', 'en', 'en', 'en']);
    expect(parseLang('de')).toBeNull();
  });

  it('help in Ukrainian under a uk locale or --lang uk; English otherwise; an unknown --lang is a usage error', async () => {
    const ukHelp = await run({ LANG: 'uk_UA.UTF-8' }, 'export', '--help');
    expect(ukHelp.stdout).toMatch(/^Використання: ogp-extract export \[параметри\]/);
    expect(ukHelp.stdout).toContain('Параметри:');
    expect(ukHelp.stdout).toContain(uk['export.xlsx'].slice(0, 40));
    expect(ukHelp.stdout).toContain('(типово: "csv,json")');
    const flag = await run({ LANG: 'en_US.UTF-8' }, '--lang', 'uk', 'passport', 'init', '--help');
    expect(flag.stdout).toContain('Використання:');
    expect(flag.stdout).toContain(uk['passport.init.from'].slice(0, 40));
    const enHelp = await run({ LC_ALL: 'C' }, 'export', '--help');
    expect(enHelp.stdout).toMatch(/^Usage: ogp-extract export \[options\]/);
    expect(enHelp.stdout).toContain(en['export.xlsx'].slice(0, 40));
    const bad = await run({}, '--lang', 'de', 'validate', '.');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang: unknown language "de"/);
    const missing = await run({ LANG: 'uk_UA.UTF-8' }, 'export');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("помилка: не вказано обов’язковий параметр '--out-dir <dir>'");
    const noInputs = await run({ LANG: 'uk_UA.UTF-8' }, 'validate');
    expect(noInputs.stderr).toContain("помилка: бракує обов’язкового аргументу 'inputs'");
  });

  it('warnings: Ukrainian explanation and the quoted document text, the same codes as in English', async () => {
    const doc = fixture('txt', 'khmelnytskyi-2020-open-data-roadmap.txt');
    await withTmpDir(async (dir) => {
      const ukRun = await run({ LANG: 'uk_UA.UTF-8' }, 'extract', doc, '-o', join(dir, 'a.json'));
      const enRun = await run({ LANG: 'C' }, 'extract', doc, '-o', join(dir, 'b.json'));
      const codes = (s: string): string[] => [...s.matchAll(/\[([a-z-]+)\]$/gm)].map((m) => m[1]!);
      expect(codes(ukRun.stderr)).toEqual(codes(enRun.stderr));
      expect(codes(ukRun.stderr).length).toBeGreaterThan(0);
      expect(ukRun.stderr).toMatch(/^помилка: .*рядок тексту 1: під час перетворення втрачено структуру таблиці/m);
      expect(ukRun.code).toBe(enRun.code);
      expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    });
    expect(warningMessage('term-unparsed', 'term «до кінця року» not understood: no date', 'uk')).toBe(
      `${uk['code.term-unparsed']}: «до кінця року»`,
    );
    expect(warningMessage('new-code', 'something', 'uk')).toBe('попередження new-code');
    expect(quotedData('column «Строк «виконання»» and «x»')).toEqual(['«Строк «виконання»»', '«x»']);
  });

  it('validate and export: Ukrainian summary; JSON report and exit codes the same in both languages', async () => {
    await withTmpDir(async (dir) => {
      const ukExport = await run({ LANG: 'uk_UA.UTF-8' }, 'export', ...PLAN_FIXTURES, '--out-dir', dir, '--format', 'csv');
      expect(ukExport.code).toBe(0);
      expect(ukExport.stdout).toMatch(/^записано \d+ файл(и|ів)? у .* \(планів: 2, зобов’язань: 3, заходів: 6, учасників: 9\)$/m);
      expect(ukExport.stderr).toContain('до відома: не вказано --passport: passport.json і register.csv не записано [passport-missing]');
      expect(ukExport.stderr).not.toMatch(/note:/);
      const ukValid = await run({ LANG: 'uk_UA.UTF-8' }, 'validate', dir);
      expect(ukValid.code).toBe(0);
      expect(ukValid.stdout).toMatch(/^✔ \d+ файл(и|ів)?: без помилок$/m);
      const ukJson = await run({ LANG: 'uk_UA.UTF-8' }, 'validate', dir, '--format', 'json');
      const enJson = await run({ LANG: 'C' }, 'validate', dir, '--format', 'json');
      expect(ukJson.stdout).toBe(enJson.stdout);
    });
  });

  it('library errors: the recognised parts in Ukrainian, data and element keys kept', async () => {
    await withTmpDir(async (dir) => {
      const passport = join(dir, 'p.yaml');
      writeFileSync(passport, 'title: x\nissued: 2025-13-01\npublisherId: 4060714\ncontactPointEmail: bad\nbogus: 1\n');
      const ukRun = await run({ LANG: 'uk_UA.UTF-8' }, 'export', ...PLAN_FIXTURES, '--out-dir', join(dir, 'o'), '--passport', passport);
      const enRun = await run({ LANG: 'C' }, 'export', ...PLAN_FIXTURES, '--out-dir', join(dir, 'o'), '--passport', passport);
      expect(ukRun.code).toBe(1);
      expect(enRun.code).toBe(1);
      expect(ukRun.stderr.split('\n').length).toBe(enRun.stderr.split('\n').length);
      expect(ukRun.stderr).toContain('помилка: ');
      expect(ukRun.stderr).toContain('бракує обов’язкового елемента «ідентифікатор набору даних» (identifier)');
      expect(ukRun.stderr).toContain('невідомий елемент паспорта bogus');
      expect(ukRun.stderr).toContain('(contactPointEmail) — не адреса електронної пошти: bad');
      expect(ukRun.stderr).toContain('(publisherId) має бути 8-значним кодом ЄДРПОУ');
      expect(ukRun.stderr).not.toMatch(/missing mandatory|must be|error:/);
      const missing = await run({ LANG: 'uk_UA.UTF-8' }, 'extract', join(dir, 'nothere.docx'));
      expect(missing.stderr).toBe(`помилка: ${join(dir, 'nothere.docx')}: файл не знайдено\n`);
    });
  });

  it('batch summary and output errors in Ukrainian, with plural forms', async () => {
    await withTmpDir(async (dir) => {
      const docs = [fixture('txt', 'khmelnytskyi-2026-2027-action-plan.txt'), fixture('txt', 'kyiv-2025-2026-action-plan.txt')];
      const ukRun = await run({ LANG: 'uk_UA.UTF-8', CI: 'true' }, 'extract', ...docs, '--out-dir', join(dir, 'out'), '--jobs', '1');
      expect(ukRun.code, ukRun.stderr).toBe(0);
      const all = ukRun.stdout + ukRun.stderr;
      expect(all).toMatch(/підсумок: 2 файли: перетворено 2/);
      expect(all).toMatch(/прочитано: 2 плани, \d+ зобов’язан(ня|ь), \d+ за(хід|ходи|ходів), \d+ учасник(и|ів)?, \d+ попереджен(ня|ь)/);
      expect(all).toMatch(/записано: 2 файли у /);
      expect(all).toMatch(/час: \d+ с, 1 обробник/);
      expect(all).not.toMatch(/\b(files|converted|written|read):/);
      const help = await run({ LANG: 'uk_UA.UTF-8' }, '--help');
      expect(help.stdout).toMatch(/extract \[параметри\] <inputs\.\.\.>/);
    });
  });

  it("commander's errors are translated line by line, unknown lines kept", () => {
    expect(commanderError("error: unknown option '--bogus'\n(run with --help for usage)\n", 'uk')).toBe(
      "помилка: невідомий параметр '--bogus'\n(довідка: --help)\n",
    );
    expect(commanderError('something else', 'uk')).toBe('something else');
    expect(Object.keys(CATALOGUES)).toEqual(['en', 'uk']);
    // The library's notes name its options; the CLI's (catalogue) name the flags, in both languages.
    expect(EXCEL_NOTE).not.toMatch(/--/);
    expect(EXCEL_NOTE.replace(/^excel:/, '--excel:').replace('without the excel option', 'without --excel')).toBe(en['export.excelNote']);
    expect(messageReason({ code: 'excel-bom', reason: EXCEL_NOTE }, 'en')).toBe(en['export.excelNote']);
    expect(messageReason({ code: 'passport-missing', reason: NO_PASSPORT_NOTE }, 'en')).toMatch(/^no --passport given/);
    expect(NO_PASSPORT_NOTE).toMatch(/option passport/);
  });
});
