import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { setLang } from '../../src/i18n/index.js';

async function help(env: Record<string, string>, ...args: string[]): Promise<string> {
  let stdout = '';
  await main(['node', 'ogp-extract', ...args, '--help'], { stdout: (t) => void (stdout += t), stderr: () => {} }, env);
  return stdout.replace(/\s+/g, ' ');
}

describe('help: option suffixes and --debug in the language of the help', () => {
  afterAll(() => setLang('en'));

  it('Ukrainian: choices and default of --ocr, the --debug text; English unchanged', async () => {
    const uk = await help({ LANG: 'uk_UA.UTF-8' }, 'extract');
    expect(uk).toContain('(варіанти: "auto", "on", "off", типово: "auto")');
    expect(uk).not.toMatch(/\b(choices|default): /);
    const ukTop = await help({ LANG: 'uk_UA.UTF-8' });
    expect(ukTop).toContain('--debug показувати трасування стеку внутрішніх помилок');
    const en = await help({ LC_ALL: 'C' }, 'extract');
    expect(en).toContain('(choices: "auto", "on", "off", default: "auto")');
    expect(await help({ LC_ALL: 'C' })).toContain('--debug show the stack trace of internal errors');
  });
});
