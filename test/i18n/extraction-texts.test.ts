import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { uk } from '../../src/i18n/uk.js';
import { atPlace, renderText, warning, withTexts, messageTexts } from '../../src/model/message.js';
import { commitmentWarnings } from '../../src/normalize/plan.js';
import { extractFile } from '../../src/pipeline.js';
import { fixture, runCli } from '../helpers.js';
import type { Commitment } from '../../src/model/schema.js';

const KYIV = fixture('txt', 'kyiv-2025-2026-action-plan.txt');

describe('extraction warnings carry their catalogue text, so --lang uk says the whole warning', () => {
  it('the English catalogue text is the library’s reason, word for word (plan-wide and per commitment)', async () => {
    const { plan } = await extractFile(KYIV);
    const keyed = plan.messages.filter((m) => m.code.startsWith('commitment-no-'));
    expect(keyed.length).toBeGreaterThan(0);
    for (const m of keyed) expect(renderText(m.text!, en)).toBe(m.reason);
    const one = plan.commitments.slice(0, 2).map((c, i) => ({ ...c, goal: i === 0 ? null : 'мета' })) as Commitment[];
    const [perCommitment] = commitmentWarnings(one).filter((m) => m.code === 'commitment-no-goal');
    expect(renderText(perCommitment!.text!, en)).toBe(perCommitment!.reason);
    expect(renderText(perCommitment!.text!, uk)).toBe(`${one[0]!.id}: у зобов’язанні ${one[0]!.number} не вказано довгострокової мети`);
  });

  it('a warning about every commitment of the plan reads so in Ukrainian, through the batch worker', async () => {
    const run = await runCli('--lang', 'uk', 'extract', KYIV);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('у жодному зобов’язанні плану (5: C1–C5) не вказано довгострокової мети');
    expect(run.stderr).toContain('у жодному зобов’язанні плану (5: C1–C5) не вказано цінностей OGP');
    expect(run.stderr).not.toContain('у зобов’язанні не вказано довгострокової мети');
  });

  it('a message moved to another place, or sent across a thread, keeps its cause and text; JSON is unchanged', () => {
    const cause = new Error('x');
    const text = { key: 'msg.commitmentUnnamed', params: {} };
    const m = warning('commitment-no-goal', 'reason', { line: 3 }, { cause, text });
    const moved = atPlace(m, { file: 'a.txt', line: 3 });
    expect(moved.cause).toBe(cause);
    expect(moved.text).toBe(text);
    expect(JSON.stringify(moved)).toBe('{"code":"commitment-no-goal","severity":"warning","reason":"reason","place":{"file":"a.txt","line":3}}');
    const cloned = structuredClone([moved]);
    expect(cloned[0]!.text).toBeUndefined();
    expect(withTexts(cloned, messageTexts([moved]))[0]!.text).toEqual(text);
  });
});
