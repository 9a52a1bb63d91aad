/**
 * The README's CI recipe, as written: the tool packed into a tarball (`npm pack`), installed from it
 * (`npm install -g ./ogp-extract-<version>.tgz`, no registry listing needed; dependencies come from the npm
 * cache that `npm ci` filled, `--prefer-offline`), then `ogp-extract validate data/` on an exported dataset.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers.js';
import { PASSPORT_FIXTURE, PLAN_FIXTURES, withTmpDir } from '../datasets/helpers.js';

const exec = promisify(execFile);
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, timeout: 240_000, maxBuffer: 1 << 24, env: { ...process.env, npm_config_update_notifier: 'false' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('README CI recipe: npm pack → npm install -g ./ogp-extract-<version>.tgz → ogp-extract validate data/', () => {
  it('installs from the tarball and validates an exported dataset (exit 0), and a broken one (exit 1)', async () => {
    await withTmpDir(async (dir) => {
      const data = join(dir, 'data');
      const exported = await runCli('export', ...PLAN_FIXTURES, '--out-dir', data, '--passport', PASSPORT_FIXTURE);
      expect(exported.code, exported.stderr).toBe(0);

      const tools = join(dir, 'tools');
      mkdirSync(tools);
      const pack = await sh(npm, ['pack', '--pack-destination', tools, '--silent'], root);
      expect(pack.code, pack.stderr).toBe(0);
      const tarball = `ogp-extract-${version}.tgz`;
      expect(pack.stdout.trim().split('\n').at(-1)).toBe(tarball);

      // As in the README, with --prefix so the test does not touch the machine's global packages.
      const prefix = join(dir, 'prefix');
      const install = await sh(npm, ['install', '-g', '--prefix', prefix, `./tools/${tarball}`, '--prefer-offline', '--no-audit', '--no-fund'], dir);
      expect(install.code, install.stderr).toBe(0);
      const bin = join(prefix, process.platform === 'win32' ? 'ogp-extract.cmd' : join('bin', 'ogp-extract'));

      expect((await sh(bin, ['--version'], dir)).stdout.trim()).toBe(version);
      // The README guide's worked example: the sample plan and passport travel with the package.
      const installed = join(prefix, 'lib', 'node_modules', 'ogp-extract');
      if (process.platform !== 'win32') {
        expect(existsSync(join(installed, 'fixtures', 'docx', 'khmelnytskyi-2026-2027-action-plan.docx'))).toBe(true);
        expect(existsSync(join(installed, 'fixtures', 'export', 'passport.yaml'))).toBe(true);
      }
      const ok = await sh(bin, ['validate', 'data/', '--format', 'github', '--max-errors', '50'], dir);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^ogp-extract validate: \d+ files valid$/m);

      writeFileSync(join(data, 'measures.csv'), readFileSync(join(data, 'measures.csv'), 'utf8').replace(/,2026-03-01,/, ',2026-13-01,'));
      const bad = await sh(bin, ['validate', 'data/', '--max-errors', '50'], dir);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/measures\.csv:\d+:\d+ +error +type-error/);
    });
  }, 300_000);
});
