import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { en } from '../../src/i18n/en.js';
import { errorMessage, errorText } from '../../src/i18n/index.js';
import { describeFsError, fsErrorText, OutputError } from '../../src/io/atomic.js';
import { renderText } from '../../src/model/message.js';
import { buildPassport } from '../../src/datasets/passport.js';
import { ExportError } from '../../src/datasets/records.js';
import { LICENSES } from '../../src/datasets/ckan.js';
import { uk } from '../../src/i18n/uk.js';
import { fixture } from '../helpers.js';
import { PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

async function run(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'ogp-extract', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, env);
  return { code, stdout, stderr };
}

/** Latin words of a line once its data is taken out: quoted text, element keys, paths and the values given. */
function latinWords(line: string, data: readonly string[]): string[] {
  let rest = line.replace(/«[^«»]*»/g, ' ').replace(/\((\w+)\)/g, ' ').replace(/(^|\s)\/\S+/g, ' ');
  for (const d of data) rest = rest.split(d).join(' ');
  return [...rest.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);
}

describe('library errors carry their catalogue text (--lang uk)', () => {
  it('a passport with several bad elements: every line in Ukrainian; English lines unchanged', async () => {
    await withTmpDir(async (dir) => {
      const good = readFileSync(fixture('export', 'passport.yaml'), 'utf8');
      const bad = good
        .replace(/^identifier: .*\n/m, '')
        .replace(/^issued: .*$/m, 'issued: 2025-13-01')
        .replace(/^publisherId: .*$/m, 'publisherId: 4060714')
        .replace(/^contactPointEmail: .*$/m, 'contactPointEmail: bad')
        .replace(/^landingPage: .*$/m, 'landingPage: ftp://example.org/x')
        .replace(/^accrualPeriodicity: .*$/m, 'accrualPeriodicity: Щохвилини')
        .concat('bogus: 1\n');
      const passport = join(dir, 'p.yaml');
      writeFileSync(passport, bad);
      const args = ['export', ...PLAN_FIXTURES, '--out-dir', join(dir, 'o'), '--passport', passport];
      const ukRun = await run({ LANG: 'C' }, '--lang', 'uk', ...args);
      const enRun = await run({ LANG: 'C' }, ...args);
      expect(ukRun.code).toBe(1);
      expect(enRun.code).toBe(1);
      const ukLines = ukRun.stderr.split('\n').filter((l) => l.startsWith('помилка: ') && l.includes(passport));
      const enLines = enRun.stderr.split('\n').filter((l) => l.startsWith('error: ') && l.includes(passport));
      expect(ukLines).toHaveLength(enLines.length);
      expect(ukLines.length).toBeGreaterThanOrEqual(7);
      const data = [passport, '2025-13-01', '4060714', 'bad', 'ftp://example.org/x', 'bogus', 'YAML', 'http://', 'https://', 'ЄДРПОУ'];
      for (const line of ukLines) expect(latinWords(line, data), line).toEqual([]);
      expect(ukRun.stderr).toContain('бракує обов’язкового елемента «ідентифікатор набору даних» (identifier)');
      expect(ukRun.stderr).toContain('(у YAML візьміть код у лапки');
      // English: the library's words, as they were
      expect(enRun.stderr).toContain(`error: ${passport}: missing mandatory element «ідентифікатор набору даних» (identifier)`);
      expect(enRun.stderr).toContain(`error: ${passport}: unknown passport element bogus`);
      expect(enRun.stderr).toContain('must start with http:// or https://: ftp://example.org/x');
      expect(enRun.stderr).toContain('(in YAML put the code in quotes, e.g. "04060714", so leading zeros are kept)');
    });
  });

  it('an unwritable output: the cannot-write line in Ukrainian', async () => {
    await withTmpDir(async (dir) => {
      const blocker = join(dir, 'file');
      writeFileSync(blocker, 'x');
      const out = join(blocker, 'o');
      const args = ['export', ...PLAN_FIXTURES, '--out-dir', out, '--passport', fixture('export', 'passport.yaml')];
      const ukRun = await run({ LANG: 'C' }, '--lang', 'uk', ...args);
      const enRun = await run({ LANG: 'C' }, ...args);
      expect(ukRun.code).not.toBe(0);
      const ukLines = ukRun.stderr.split('\n').filter((l) => l.startsWith('помилка: '));
      const enLines = enRun.stderr.split('\n').filter((l) => l.startsWith('error: '));
      expect(enLines.some((l) => /^error: cannot write \S+: a part of the path is a file, not a folder$/.test(l)), enRun.stderr).toBe(true);
      expect(ukLines.some((l) => /^помилка: не вдається записати \S+: частина шляху — файл, а не тека$/.test(l)), ukRun.stderr).toBe(true);
      for (const line of ukLines) expect(latinWords(line, [dir]), line).toEqual([]);
    });
  });

  it('OutputError: the English line is the catalogue text in English; causes named from the error code', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EISDIR', 'ENOTDIR', 'ENOENT', 'ENAMETOOLONG', 'EMFILE', 'EIO', 'EBUSY', 'ETIMEDOUT']) {
      const cause = Object.assign(new Error(`${code}: something`), { code });
      const text = fsErrorText(cause);
      expect(text, code).toBeDefined();
      expect(renderText(text!, en), code).toBe(describeFsError(cause));
      const error = new OutputError('/x/y.json', describeFsError(cause), { cause, reasonText: text });
      expect(renderText(errorText(error)!, en)).toBe(error.message);
      expect(errorMessage(error.message, 'uk', errorText(error)).replace('/x/y.json', '')).not.toMatch(/[A-Za-z]{2,}/);
      expect(Object.keys(error)).not.toContain('text');
    }
    // a cause we do not name keeps Node's words, inside the translated line
    const odd = new OutputError('/x/y.json', 'strange failure');
    expect(errorMessage(odd.message, 'uk', errorText(odd))).toBe('не вдається записати /x/y.json: strange failure');
  });
});

describe('passport problems: each made from a catalogue text', () => {
  it('the English line is the catalogue text in English; the Ukrainian one holds only data in Latin letters', () => {
    const input = {
      title: 'x'.repeat(600),
      description: ['not', 'text'],
      issued: '2025-10-20',
      modified: '2025-01-01',
      language: 'ukrainian',
      formats: 'csv, json',
      keywords: [1, 2],
      license: 'WTFPL',
      publisherId: 4060714,
      contactPointEmail: 'bad',
      landingPage: 'ftp://example.org/x',
      accrualPeriodicity: 'Щохвилини',
      bogus: 1,
    };
    let error: ExportError | undefined;
    try {
      buildPassport(input, { formats: ['CSV'], structureFiles: [], latestDecisionDate: null }, 'p.yaml');
    } catch (e) {
      error = e as ExportError;
    }
    expect(error).toBeInstanceOf(ExportError);
    const texts = error!.texts!;
    expect(texts).toHaveLength(error!.problems.length);
    expect(error!.problems.length).toBeGreaterThanOrEqual(12);
    const data = ['p.yaml', 'ukrainian', 'csv', 'json', 'WTFPL', 'CC-BY-4.0', 'ftp://example.org/x', 'bad', 'bogus', 'YAML', 'http://', 'https://', 'CSV, JSON', '4060714', 'uk'];
    error!.problems.forEach((problem, i) => {
      const text = texts[i];
      expect(text, problem).toBeDefined();
      expect(renderText(text!, en)).toBe(problem);
      const ukLine = renderText(text!, uk);
      const latin = latinWords(ukLine, [...data, ...Object.keys(LICENSES)]);
      expect(latin, ukLine).toEqual([]);
    });
    expect(Object.keys(error!)).not.toContain('texts');
  });
});
