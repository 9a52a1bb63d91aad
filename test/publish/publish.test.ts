import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { runPublish, type PublishCliOptions } from '../../src/cli/publish.js';
import { UsageError } from '../../src/cli/common.js';
import { MockCkan, type Resource as MockResource } from './ckan-server.js';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.s3cr3t-t0ken-value';
const FIXTURE = 'fixtures/export/expected';

let server: MockCkan;
let dir: string;
let out: string[];
let err: string[];
const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
const stdout = (): string => out.join('');
const stderr = (): string => err.join('');
const resourceByName = (name: string): MockResource => {
  const found = [...server.resources.values()].filter((r) => r.name === name && r.state === 'active');
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const uploadedJson = (name: string): any => JSON.parse(resourceByName(name).data!.toString('utf8'));

beforeEach(async () => {
  server = new MockCkan();
  await server.start();
  server.tokens.set(TOKEN, 'officer');
  server.addOrg('khm-rada', ['officer']);
  dir = await mkdtemp(join(tmpdir(), 'ogp-publish-'));
  await cp(FIXTURE, dir, { recursive: true });
  out = [];
  err = [];
});
afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

function run(extra: Partial<PublishCliOptions> = {}, env: Record<string, string> = { CKAN_API_TOKEN: TOKEN }): Promise<number> {
  return runPublish(dir, { portal: server.url, org: 'khm-rada', allowHttp: true, ...extra }, io, env, { retryDelayMs: 1, timeoutMs: 400, attempts: 4 });
}

const FILES = 38; // every CSV and JSON file of the fixture export

describe('publish to a CKAN portal', () => {
  it('first publish creates the dataset with every file as an uploaded resource and the passport fields', async () => {
    expect(await run()).toBe(0);
    const [pkg] = server.snapshot();
    expect(pkg?.name).toBe('khm-ogp-action-plans');
    expect(pkg?.resources).toHaveLength(FILES);
    expect(pkg?.resources).toContain('register.schema.json');
    expect(server.writeCalls().filter((c) => c.action === 'package_create')).toHaveLength(1);
    expect(server.writeCalls().filter((c) => c.action === 'resource_create')).toHaveLength(FILES);
    // Every call carried the token in the Authorization header.
    expect(server.calls.every((c) => c.authorization === TOKEN)).toBe(true);
    const p = [...server.packages.values()][0]!;
    expect(p.fields).toMatchObject({ license_id: 'cc-by', update_frequency: 'once a year', language: 'ua' });
    expect(p.fields.purpose_of_collecting_information).toContain('№ 835');
    expect(p.tags.map((t) => t.name)).toContain('зобовязання');
    const r = [...server.resources.values()].find((x) => x.name === 'measures.csv')!;
    expect(r.url_type).toBe('upload');
    expect(r.data?.equals(await readFile(join(dir, 'measures.csv')))).toBe(true);
    expect(stdout()).toContain('created dataset khm-ogp-action-plans');
  });

  it('a second publish with nothing changed makes no write calls and says up to date', async () => {
    expect(await run()).toBe(0);
    const before = server.writeCalls().length;
    out = [];
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    expect(stdout()).toMatch(/up to date/);
  });

  it('a changed file is uploaded again alone', async () => {
    expect(await run()).toBe(0);
    const before = server.calls.length;
    const text = await readFile(join(dir, 'measures.csv'), 'utf8');
    await writeFile(join(dir, 'measures.csv'), text.replace('\n', '\n').trimEnd() + '\n' + '');
    await writeFile(join(dir, 'parties.json'), (await readFile(join(dir, 'parties.json'), 'utf8')) + ' ');
    expect(await run()).toBe(0);
    const writes = server.calls.slice(before).filter((c) => !c.action.endsWith('_show'));
    expect(writes.map((c) => [c.action, c.upload])).toEqual([['resource_patch', 'parties.json']]);
    expect(stdout()).toContain('uploaded parties.json (changed)');
  });

  it('a removed file no other file names is reported and kept without --prune, removed with --prune', async () => {
    expect(await run()).toBe(0);
    await unlink(join(dir, 'plans.nested.json'));
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    expect(stderr()).toMatch(/portal resource «plans\.nested\.json» .* has no file .*--prune/);
    expect(server.snapshot()[0]?.resources).toContain('plans.nested.json');
    expect(await run({ prune: true })).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => c.action)).toEqual(['resource_delete']);
    expect(server.snapshot()[0]?.resources).not.toContain('plans.nested.json');
    expect(server.snapshot()[0]?.resources).toHaveLength(FILES - 1);
  });

  it('a removed table that datapackage.json names: kept and still linked without --prune; with --prune the copy of datapackage.json no longer links to it', async () => {
    expect(await run()).toBe(0);
    const gone = resourceByName('ogp-commitments.json');
    await unlink(join(dir, 'ogp-commitments.json'));
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    expect(stderr()).toMatch(/portal resource «ogp-commitments\.json» .* has no file .*--prune/);
    expect(uploadedJson('datapackage.json').resources.map((r: { path: string }) => r.path)).toContain(gone.url);
    expect(await run({ prune: true })).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => [c.action, c.upload])).toEqual([
      ['resource_patch', 'datapackage.json'],
      ['resource_delete', undefined],
    ]);
    const paths = uploadedJson('datapackage.json').resources.map((r: { path: string }) => r.path);
    expect(paths).not.toContain(gone.url);
    expect(paths).toContain('ogp-commitments.json');
    expect(server.snapshot()[0]?.resources).toHaveLength(FILES - 1);
  });

  it('the uploaded passport lists the portal addresses of the structure files; datapackage and CSVW copies link to the data; the files on disk are unchanged', async () => {
    const onDisk = new Map<string, Buffer>();
    for (const f of ['passport.json', 'datapackage.json', 'measures.schema.json']) onDisk.set(f, await readFile(join(dir, f)));
    expect(await run()).toBe(0);
    const passport = uploadedJson('passport.json');
    const local = JSON.parse(onDisk.get('passport.json')!.toString('utf8'));
    expect(passport.structure).toHaveLength(local.structure.length);
    local.structure.forEach((file: string, i: number) => expect(passport.structure[i]).toBe(resourceByName(file).url));
    for (const url of passport.structure) expect(url).toMatch(new RegExp(`^${server.url}/dataset/[^/]+/resource/[^/]+/download/`));
    // Everything but the links is the file as exported.
    expect({ ...passport, structure: local.structure }).toEqual(local);
    const dp = uploadedJson('datapackage.json');
    for (const r of dp.resources as { path: string }[]) expect(r.path).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dataset\//);
    expect(dp.resources.find((r: { name: string }) => r.name === 'measures').path).toBe(resourceByName('measures.csv').url);
    expect(uploadedJson('measures.schema.json').url).toBe(resourceByName('measures.csv').url);
    // The hash recorded is the uploaded copy's, so the next run compares like with like.
    const pr = resourceByName('passport.json');
    expect(pr.hash).toBe(createHash('sha256').update(pr.data!).digest('hex'));
    for (const [f, bytes] of onDisk) expect((await readFile(join(dir, f))).equals(bytes), f).toBe(true);
    // Deterministic: the same copies again, so nothing is uploaded.
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    // A changed data file keeps its address: the descriptions naming it are not uploaded again.
    await writeFile(join(dir, 'measures.csv'), (await readFile(join(dir, 'measures.csv'), 'utf8')) + '');
    await writeFile(join(dir, 'plans.csv'), (await readFile(join(dir, 'plans.csv'), 'utf8')).replace(/\n$/, '\r\n'));
    expect(await run()).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => [c.action, c.upload])).toEqual([['resource_patch', 'plans.csv']]);
  });

  it('a new structure file: uploaded first, then the passport copy that lists its address', async () => {
    expect(await run()).toBe(0);
    const passport = JSON.parse(await readFile(join(dir, 'passport.json'), 'utf8'));
    passport.structure.push('extra.schema.json');
    await writeFile(join(dir, 'passport.json'), `${JSON.stringify(passport, null, 1)}\n`);
    await writeFile(join(dir, 'extra.schema.json'), (await readFile(join(dir, 'plans.schema.json'), 'utf8')).replace('"plans.csv"', '"plans.json"'));
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => [c.action, c.upload])).toEqual([
      ['resource_create', 'extra.schema.json'],
      ['resource_patch', 'passport.json'],
    ]);
    expect(uploadedJson('passport.json').structure.at(-1)).toBe(resourceByName('extra.schema.json').url);
    expect(uploadedJson('extra.schema.json').url).toBe(resourceByName('plans.json').url);
    const after = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(after);
  });

  it('a changed passport element is sent by package_patch alone', async () => {
    expect(await run()).toBe(0);
    const passport = JSON.parse(await readFile(join(dir, 'passport.json'), 'utf8'));
    passport.accrualPeriodicity = 'Щокварталу';
    await writeFile(join(dir, 'passport.json'), JSON.stringify(passport, null, 2) + '\n');
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => [c.action, c.upload])).toEqual([
      ['package_patch', undefined],
      ['resource_patch', 'passport.json'],
    ]);
    expect([...server.packages.values()][0]?.fields.update_frequency).toBe('once a quarter');
  });

  it.each(['sha1', 'md5'] as const)('a portal that replaces the hash with its own (%s: ckanext-archiver, ckanext-xloader) still converges', async (algorithm) => {
    server.rehash = algorithm;
    expect(await run()).toBe(0);
    const r = resourceByName('measures.csv');
    expect(r.hash).toBe(createHash(algorithm).update(r.data!).digest('hex'));
    const before = server.writeCalls().length;
    out = [];
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    expect(stdout()).toMatch(/up to date/);
    await writeFile(join(dir, 'parties.json'), `${await readFile(join(dir, 'parties.json'), 'utf8')} `);
    expect(await run()).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => [c.action, c.upload])).toEqual([['resource_patch', 'parties.json']]);
  });

  it('a deleted (not purged) dataset of the organization is restored by package_patch, its resources kept', async () => {
    expect(await run()).toBe(0);
    const p = [...server.packages.values()][0]!;
    p.state = 'deleted';
    const before = server.writeCalls().length;
    out = [];
    expect(await run({ dryRun: true })).toBe(0);
    expect(stdout()).toMatch(/dry run: 1 write call would be made .*\n {2}package_patch khm-ogp-action-plans \(state\)\n$/);
    expect(await run()).toBe(0);
    expect(server.writeCalls().slice(before).map((c) => c.action)).toEqual(['package_patch']);
    expect(p.state).toBe('active');
    expect(server.snapshot()[0]?.resources).toHaveLength(FILES);
    const after = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(after);
  });

  it('a field the portal refuses names the passport element to fix', async () => {
    server.fieldRules.set('update_frequency', 'Value must be one of the portal list');
    expect(await run()).toBe(1);
    expect(stderr()).toMatch(/package_create: Validation Error: update_frequency: Value must be one of the portal list — the portal refuses what the passport gives for accrualPeriodicity: fix it in the passport and export again/);
    expect(stderr().trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['500 on package_create', [{ action: 'package_create', kind: '500' as const }]],
    ['answer lost after package_create', [{ action: 'package_create', kind: 'drop-after' as const }]],
    ['answer lost after resource_create', [{ action: 'resource_create', kind: 'drop-after' as const }]],
    ['slow resource_create (time-out) then 500s', [{ action: 'resource_create', kind: 'slow' as const, delayMs: 900 }, { kind: '500' as const }, { kind: '500' as const }]],
    ['dropped connection before package_show', [{ action: 'package_show', kind: 'drop-before' as const }]],
  ])('faults (%s) are retried and converge without duplicates', async (_label, faults) => {
    server.faults.push(...faults);
    expect(await run()).toBe(0);
    expect(server.faults).toHaveLength(0);
    // A create that timed out may still complete on the portal after this run: the next run removes such a duplicate.
    if (faults.some((f) => f.kind === 'slow')) {
      await new Promise((r) => setTimeout(r, 1000));
      expect(await run()).toBe(0);
    }
    const snap = server.snapshot();
    expect(snap).toHaveLength(1);
    expect(new Set(snap[0]?.resources).size).toBe(FILES);
    expect(snap[0]?.resources).toHaveLength(FILES);
    out = [];
    const before = server.writeCalls().length;
    expect(await run()).toBe(0);
    expect(server.writeCalls().length).toBe(before);
    expect(stdout()).toMatch(/up to date/);
  });

  it('faults beyond the retries stop with exit 1 and one line; the next run converges', async () => {
    server.faults.push(...Array.from({ length: 4 }, () => ({ action: 'resource_create', kind: '500' as const })));
    expect(await run()).toBe(1);
    expect(stderr().trim().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/Internal Server Error.*run publish again/);
    expect(await run()).toBe(0);
    expect(server.snapshot()).toHaveLength(1);
    expect(server.snapshot()[0]?.resources).toHaveLength(FILES);
  });

  it('without a valid token: 403 becomes one clear line, exit 1; without any token: usage error', async () => {
    expect(await run({}, { CKAN_API_TOKEN: 'wrong-token' })).toBe(1);
    expect(stderr()).toMatch(/Authorization Error.*token is missing, wrong or expired/);
    await expect(run({}, {})).rejects.toThrow(UsageError);
  });

  it('a name in use by a dataset the token cannot see: 409 becomes a line naming --name', async () => {
    server.addOrg('other', ['someone']);
    server.tokens.set('other-token', 'someone');
    await runPublish(dir, { portal: server.url, org: 'other', allowHttp: true, private: true }, io, { CKAN_API_TOKEN: 'other-token' }, { retryDelayMs: 1 });
    err = [];
    expect(await run()).toBe(1);
    expect(stderr()).toMatch(/«khm-ogp-action-plans» exists on .* cannot read it.*--name/);
    expect(await run({ name: 'khm-ogp-plans' })).toBe(0);
    expect(server.snapshot().map((p) => p.name).sort()).toEqual(['khm-ogp-action-plans', 'khm-ogp-plans']);
  });

  it('an unknown organization is named', async () => {
    expect(await run({ org: 'no-such-org' })).toBe(1);
    expect(stderr()).toMatch(/owner_org: Organization does not exist.*--org «no-such-org»/);
  });

  it('--dry-run prints the plan and makes no write calls (works without a token)', async () => {
    expect(await run({ dryRun: true })).toBe(0);
    expect(server.writeCalls()).toHaveLength(0);
    expect(stdout()).toMatch(/dry run: 39 write calls would be made/);
    expect(stdout()).toContain('package_create khm-ogp-action-plans');
    expect(stdout()).toContain('resource_create measures.csv (upload');
    out = [];
    expect(await run({ dryRun: true }, {})).toBe(0);
    expect(server.calls.every((c) => c.authorization === null || c.authorization === TOKEN)).toBe(true);
  });

  it('https is required unless --allow-http', async () => {
    await expect(runPublish(dir, { portal: server.url, org: 'khm-rada' }, io, { CKAN_API_TOKEN: TOKEN })).rejects.toThrow(/use https/);
    await expect(runPublish(dir, { portal: 'https://user:pw@portal.example', org: 'x' }, io, { CKAN_API_TOKEN: TOKEN })).rejects.toThrow(/user name or password/);
  });

  it('the token never appears in any output: stdout, stderr, dry run, --debug, errors', async () => {
    const tokenFile = join(dir, '..', `token-${Date.now()}.txt`);
    await writeFile(tokenFile, `${TOKEN}\n`);
    try {
      const all: string[] = [];
      const capture = async (p: Promise<number>): Promise<void> => {
        await p;
        all.push(stdout(), stderr());
        out = [];
        err = [];
      };
      await capture(run({ dryRun: true, debug: true }));
      server.faults.push({ kind: '500' }, { action: 'resource_create', kind: 'drop-after' });
      await capture(run({ debug: true, tokenFile }, {}));
      await capture(run({ debug: true }));
      await capture(run({ debug: true, org: 'no-such-org', name: 'another' }));
      server.tokens.delete(TOKEN);
      await capture(run({ debug: true, name: 'third' }));
      // Through the whole CLI, with the token in the environment.
      process.env.CKAN_API_TOKEN = TOKEN;
      try {
        await capture(main(['node', 'ogp-extract', 'publish', dir, '--portal', server.url, '--org', 'khm-rada', '--allow-http', '--debug'], io));
        await capture(main(['node', 'ogp-extract', 'publish', dir, '--portal', server.url, '--org', 'nope', '--allow-http', '--name', 'x1', '--debug'], io));
      } finally {
        delete process.env.CKAN_API_TOKEN;
      }
      const text = all.join('\n');
      expect(text).toMatch(/debug: POST/);
      expect(text).toMatch(/Authorization Error/);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('s3cr3t');
    } finally {
      await rm(tokenFile, { force: true });
    }
  });

  it('through the CLI: exit codes 0 / 1 / 2', async () => {
    const argv = (...a: string[]): string[] => ['node', 'ogp-extract', 'publish', ...a];
    const env = {};
    process.env.CKAN_API_TOKEN = TOKEN;
    try {
    expect(await main(argv(dir, '--portal', server.url, '--org', 'khm-rada', '--allow-http'), io, env)).toBe(0);
    expect(await main(argv(dir, '--portal', server.url, '--org', 'khm-rada'), io, env)).toBe(2);
    expect(await main(argv(dir, '--portal', server.url), io, env)).toBe(2);
    expect(await main(argv(join(dir, 'missing'), '--portal', server.url, '--org', 'khm-rada', '--allow-http'), io, env)).toBe(1);
    expect(await main(argv(dir, '--portal', server.url, '--org', 'khm-rada', '--allow-http', '--name', 'Bad Name'), io, env)).toBe(1);
    expect(stderr()).toMatch(/--name "Bad Name": a CKAN dataset name must be purely lowercase/);
    } finally {
      delete process.env.CKAN_API_TOKEN;
    }
  });
});
