import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers.js';

const k2026 = fixture('txt', 'khmelnytskyi-2026-2027-action-plan.txt');
const kyiv = fixture('txt', 'kyiv-2025-2026-action-plan.txt');
const news = fixture('txt', 'khmelnytskyi-coordination-council-news.txt');

describe('ogp-extract extract', () => {
  it('one input: the plan JSON on stdout, deterministic', async () => {
    const a = await runCli('extract', k2026);
    const b = await runCli('extract', k2026);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).id).toBe('1417-2025-10-09');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.endsWith('}\n')).toBe(true);
  });

  it('--pretty indents; -o writes the file atomically and nothing to stdout', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.json');
    const run = await runCli('extract', k2026, '-o', out, '--pretty');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^\{\n {2}"schemaVersion"/);
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('--out-dir: one <basename>.json per input; a bad input fails alone and the batch goes on', async () => {
    const dir = tempDir();
    const missing = join(dir, 'missing.txt');
    const run = await runCli('extract', k2026, missing, news, kyiv, '--out-dir', join(dir, 'out'));
    expect(run.code).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'khmelnytskyi-2026-2027-action-plan.json',
      'kyiv-2025-2026-action-plan.json',
    ]);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toEqual([
      `error: ${missing}: file not found`,
      `error: no action plan found in ${news}`,
    ]);
  });

  it('the news article: exit 1, «no action plan found in <file>», no output file', async () => {
    const dir = tempDir();
    const out = join(dir, 'news.json');
    const run = await runCli('extract', news, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no action plan found in ${news}`);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli('extract', k2026, kyiv)).code).toBe(2);
    expect((await runCli('extract', k2026, '-o', 'x.json', '--out-dir', 'd')).code).toBe(2);
    expect((await runCli('extract')).code).toBe(2);
    expect((await runCli('no-such-command')).code).toBe(2);
    expect((await runCli('extract', k2026, '--no-such-option')).code).toBe(2);
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('extract');
    const version = await runCli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli('extract', '--help')).stdout).toContain('--out-dir');
  });

  it('an unsupported or undecodable input gets a one-line error naming the file', async () => {
    const dir = tempDir();
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const bin = join(dir, 'noise.txt');
    writeFileSync(bin, Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 11) % 256)));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const run = await runCli('extract', doc, bin, empty, '--out-dir', join(dir, 'out'));
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`error: ${doc}: legacy Word 97–2003 (.doc) files are not supported; save the document as DOCX`);
    expect(lines[1]).toMatch(new RegExp(`^error: ${bin}: cannot determine the text encoding`));
    expect(lines[2]).toBe(`error: ${empty}: file is empty`);
  });

  it('inputs are never modified', async () => {
    const before = readFileSync(kyiv);
    await runCli('extract', kyiv, '--out-dir', tempDir());
    expect(readFileSync(kyiv).equals(before)).toBe(true);
  });
});
