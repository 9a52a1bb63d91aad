/**
 * publish in Ukrainian (`--lang uk`, LANG=uk_UA.UTF-8) and English: every plan line, message, error and summary
 * from the catalogues, CKAN's action and field names and the exit codes the same in both, the token in neither.
 * Also: portals with and without data.gov.ua's dataset fields, and data.gov.ua's required fields checked first.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { runPublish } from '../../src/cli/publish.js';
import { setLang } from '../../src/i18n/index.js';
import { datasetFields, PublishError } from '../../src/publish/index.js';
import { MockCkan } from './ckan-server.js';

const TOKEN = 'uk-test-token-7f3a9c0e51b2d4';
const FIXTURE = 'fixtures/export/expected';

let server: MockCkan;
let dir: string;

beforeEach(async () => {
  server = new MockCkan();
  await server.start();
  server.tokens.set(TOKEN, 'officer');
  server.addOrg('khm-rada', ['officer']);
  dir = await mkdtemp(join(tmpdir(), 'ogp-publish-lang-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(async () => {
  setLang('en');
  delete process.env.CKAN_API_TOKEN;
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The whole CLI, with the token in the environment (as an officer runs it). */
async function cli(env: Record<string, string>, token: string | null, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  if (token) process.env.CKAN_API_TOKEN = token;
  else delete process.env.CKAN_API_TOKEN;
  const portal = args.includes('--portal') ? [] : ['--portal', server.url, '--allow-http'];
  const code = await main(
    ['node', 'ogp-extract', 'publish', dir, ...portal, '--org', 'khm-rada', '--timeout', '2', ...args],
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    env,
  );
  return { code, stdout, stderr };
}

const LATIN_WORDS = /\b(?:uploaded|created|dataset|published|up to date|dry run|would|error|warning|token|portal resource|has no file|changes?|unchanged)\b/i;

/** A line with CKAN's names, file names, URLs and the data taken out must have no English words left. */
function englishLeft(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/https?:\/\/\S+/g, '').replace(/\b[\w.-]+\.(?:csv|json)\b/g, '').replace(/\b(?:package|resource)_(?:create|patch|delete|show)\b/g, '').replace(/--[a-z-]+|\bCKAN_API_TOKEN\b/g, ''))
    .filter((l) => LATIN_WORDS.test(l));
}

describe('publish in Ukrainian', () => {
  it('first publish, no-op, one changed file, dry run, prune: every line in Ukrainian; the same calls and exit codes as in English', async () => {
    const first = await cli({}, TOKEN, '--lang', 'uk');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('створено набір даних khm-ogp-action-plans');
    expect(first.stdout).toContain('завантажено measures.csv (новий)');
    expect(first.stdout).toMatch(/оприлюднено khm-ogp-action-plans: 39 змін, без змін: 0 ресурсів — http/);
    expect(englishLeft(first.stdout + first.stderr)).toEqual([]);

    const again = await cli({ LANG: 'uk_UA.UTF-8' }, TOKEN);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^khm-ogp-action-plans: актуальний \(без змін: 38 ресурсів\) — http/);

    await writeFile(join(dir, 'parties.json'), `${await readFile(join(dir, 'parties.json'), 'utf8')} `);
    const dry = await cli({ LANG: 'uk_UA.UTF-8' }, null, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^пробний запуск: на http:\/\/127\.0\.0\.1:\d+ було б зроблено 1 виклик зі змінами:\n {2}resource_patch parties\.json \(завантаження, \d+ байтів, sha256 [0-9a-f]{12}…\)\n$/);
    const changed = await cli({}, TOKEN, '--lang', 'uk');
    expect(changed.stdout).toContain('завантажено parties.json (змінений)');
    expect(changed.stdout).toMatch(/оприлюднено khm-ogp-action-plans: 1 зміна, без змін: 37 ресурсів/);

    await rm(join(dir, 'plans.nested.json'));
    const kept = await cli({}, TOKEN, '--lang', 'uk');
    expect(kept.stderr).toContain('попередження: ресурс «plans.nested.json» набору khm-ogp-action-plans на порталі не має файлу в');
    expect(kept.stderr).toContain('вилучити — з --prune');
    const pruned = await cli({}, TOKEN, '--lang', 'uk', '--prune');
    expect(pruned.stdout).toContain('вилучено plans.nested.json (у');
    for (const r of [again, dry, changed, kept, pruned]) expect(englishLeft(r.stdout + r.stderr)).toEqual([]);

    // The same run in English: same exit code, same calls named.
    await writeFile(join(dir, 'parties.json'), `${await readFile(join(dir, 'parties.json'), 'utf8')} `);
    const en = await cli({ LANG: 'en_US.UTF-8' }, null, '--dry-run');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^dry run: 1 write call would be made to http:\/\/127\.0\.0\.1:\d+:\n {2}resource_patch parties\.json \(upload, \d+ bytes, sha256 [0-9a-f]{12}…\)\n$/);
  });

  it('errors in Ukrainian with the portal’s own message kept; exit codes as in English; the token in no output', async () => {
    const outputs: string[] = [];
    const wrong = await cli({}, 'wrong-token', '--lang', 'uk');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^помилка: package_create: Authorization Error: .* — API-токена немає, він хибний чи прострочений/);
    const noOrg = await cli({}, TOKEN, '--lang', 'uk', '--org', 'no-such-org', '--name', 'another-name');
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('owner_org: Organization does not exist — перевірте --org «no-such-org»');
    const noToken = await cli({}, null, '--lang', 'uk');
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('немає API-токена: задайте змінну середовища CKAN_API_TOKEN');
    const http = await cli({}, TOKEN, '--lang', 'uk', '--portal', 'http://portal.example.org');
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('використайте https://');
    setLang('uk');
    const remote = { code: 0, stdout: '', stderr: '' };
    const remoteIo = { stdout: (t: string) => void (remote.stdout += t), stderr: (t: string) => void (remote.stderr += t) };
    const tuning = { retryDelayMs: 1, timeoutMs: 300, attempts: 2 };
    remote.code = await runPublish(dir, { portal: 'http://portal.invalid', org: 'khm-rada', allowHttp: true }, remoteIo, { CKAN_API_TOKEN: TOKEN }, tuning);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain('попередження: --allow-http до portal.invalid, а це не цей комп’ютер: API-токен передається незашифрованим');
    expect(remote.stderr).toMatch(/помилка: package_show: (не вдалося з’єднатися \(\w+\)|немає відповіді протягом 300 мс) — портал не відповів/);
    const badName = await cli({}, TOKEN, '--lang', 'uk', '--name', 'Погана назва');
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('--name "Погана назва": назва набору даних у CKAN може містити лише малі латинські літери');
    server.faults.push(...Array.from({ length: 2 }, () => ({ kind: '500' as const })));
    const down = { code: 0, stdout: '', stderr: '' };
    const downIo = { stdout: (t: string) => void (down.stdout += t), stderr: (t: string) => void (down.stderr += t) };
    down.code = await runPublish(dir, { portal: server.url, org: 'khm-rada', allowHttp: true, debug: true }, downIo, { CKAN_API_TOKEN: TOKEN }, tuning);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/debug: POST http:\/\/127\.0\.0\.1:\d+\/api\/3\/action\/package_show -> 500/);
    expect(down.stderr).toContain('портал не відповів і після повторних спроб');
    outputs.push(...[wrong, noOrg, noToken, http, remote, badName, down].flatMap((r) => [r.stdout, r.stderr]));
    // CKAN's own envelope text (error.__type, the field messages) is the portal's and kept as it is.
    const ckanText = /(?:Authorization|Validation|Internal Server) Error: [^—]*/g;
    for (const r of [wrong, noOrg, noToken, http, remote, badName, down]) expect(englishLeft(r.stderr.replace(ckanText, '').replace(/^debug: .*$/gm, ''))).toEqual([]);
    expect(outputs.join('\n')).not.toContain(TOKEN);
    // The same failures in English: same exit codes.
    expect((await cli({}, 'wrong-token', '--lang', 'en')).code).toBe(1);
    expect((await cli({}, null, '--lang', 'en')).code).toBe(2);
  });

  it('help of publish in Ukrainian', async () => {
    let stdout = '';
    const code = await main(['node', 'ogp-extract', '--lang', 'uk', 'publish', '--help'], { stdout: (t) => void (stdout += t), stderr: () => {} }, {});
    expect(code).toBe(0);
    expect(stdout).toContain('оприлюднити теку експортованого набору даних на порталі CKAN');
    expect(stdout).toContain('показати виклики, які змінили б портал');
    expect(stdout).not.toMatch(/print the write calls|organization \(name on the portal\)/);
  });
});

describe('portals with and without the data.gov.ua dataset fields', () => {
  it('a CKAN portal without the extension drops them: a note, and the second run still makes no write call', async () => {
    server.extensionFields = false;
    const first = await cli({}, TOKEN);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('note: the portal does not keep the fields purpose_of_collecting_information, update_frequency, language');
    const pkg = [...server.packages.values()][0]!;
    expect(pkg.fields.purpose_of_collecting_information).toBeUndefined();
    const writes = server.writeCalls().length;
    const again = await cli({}, TOKEN);
    expect(again.stdout).toMatch(/up to date/);
    expect(server.writeCalls().length).toBe(writes);
    const uk = await cli({}, TOKEN, '--lang', 'uk');
    expect(uk.stderr).toContain('примітка: портал не зберігає поля purpose_of_collecting_information, update_frequency, language');
  });

  it('data.gov.ua keeps them, and refuses a dataset without them: the passport is checked before any call', async () => {
    const first = await cli({}, TOKEN);
    expect(first.stderr).not.toContain('does not keep');
    const p = [...server.packages.values()][0]!;
    expect(p.fields).toMatchObject({ update_frequency: 'once a year', language: 'ua' });
    const passport = JSON.parse(await readFile(join(dir, 'passport.json'), 'utf8'));
    const base = { name: 'x1', org: 'khm-rada', private: false };
    const problem = (change: Record<string, unknown>): string => {
      try {
        datasetFields({ ...passport, ...change }, base);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(PublishError);
        return (error as Error).message;
      }
    };
    expect(problem({})).toBe('');
    expect(problem({ purpose: '' })).toMatch(/purpose is empty \(data\.gov\.ua requires purpose_of_collecting_information\)/);
    expect(problem({ purpose: 'п'.repeat(513) })).toMatch(/longer than 512/);
    expect(problem({ description: ' ' })).toMatch(/description is empty/);
    expect(problem({ keywords: [] })).toMatch(/keywords are empty/);
    expect(problem({ keywords: ['a'] })).toMatch(/«a» is shorter than 2/);
    expect(problem({ accrualPeriodicity: 'Позапланово' })).toMatch(/accrualPeriodicity "Позапланово" is not one of «Більш як один раз на день», «Щодня»/);
    setLang('uk');
    expect(problem({ purpose: '', keywords: ['план (2026)'] })).toBe(
      'passport.json: підстава та призначення (purpose) порожні (data.gov.ua вимагає purpose_of_collecting_information); ключове слово «план (2026)» містить символи, неприпустимі в тезі CKAN (( )): дозволено лише літери, цифри, пропуски, «-», «_» і «.» — виправте паспорт і експортуйте знову',
    );
    // The refusal comes before any call to the portal.
    setLang('en');
    const calls = server.calls.length;
    await writeFile(join(dir, 'passport.json'), JSON.stringify({ ...passport, purpose: '' }));
    let stderr = '';
    expect(await runPublish(dir, { portal: server.url, org: 'khm-rada', allowHttp: true }, { stdout: () => {}, stderr: (t) => void (stderr += t) }, { CKAN_API_TOKEN: TOKEN })).toBe(1);
    expect(stderr).toMatch(/purpose is empty/);
    expect(server.calls.length).toBe(calls);
  });
});
