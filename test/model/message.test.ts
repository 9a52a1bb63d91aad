/** The one message type: creation from a doc-tree node, severity, related place, cause never serialised, CLI format. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, reportInputFailure, reportMessages } from '../../src/cli/common.js';
import { extractPlan } from '../../src/extract/index.js';
import { createMessage, hasErrors, info, placeOf, warning } from '../../src/model/message.js';
import { MessageSchema } from '../../src/model/message-schema.js';
import { ActionPlanSchema } from '../../src/model/schema.js';
import { upgradePlan } from '../../src/model/upgrade.js';
import { InputError } from '../../src/pipeline.js';
import { htmlToTree } from '../../src/readers/html.js';
import { fixture, runCli, tempDir } from '../helpers.js';

function collect() {
  const lines: string[] = [];
  return { io: { stdout: (t: string) => lines.push(t), stderr: (t: string) => lines.push(t) }, lines };
}

describe('Message', () => {
  it('placeOf takes line and page from a doc-tree node; the caller adds table, row, column', () => {
    const node = { type: 'table', position: { start: { line: 12, column: 1 }, end: { line: 20, column: 1 } }, data: { page: 3 } };
    expect(placeOf(node, { table: 2, row: 4, column: 'term' })).toEqual({ line: 12, page: 3, table: 2, row: 4, column: 'term' });
    expect(placeOf(null)).toEqual({});
    expect(placeOf({}, { file: 'a.docx', row: undefined })).toEqual({ file: 'a.docx' });
  });

  it('cause is kept but never serialised, and the message passes the schema', () => {
    const original = new TypeError('boom');
    const m = createMessage('error', 'reader-failed', 'cannot read the document', { file: 'x.pdf' }, { cause: original });
    expect(m.cause).toBe(original);
    expect(JSON.parse(JSON.stringify(m))).toEqual({ code: 'reader-failed', severity: 'error', reason: 'cannot read the document', place: { file: 'x.pdf' } });
    expect(MessageSchema.safeParse(m).success).toBe(true);
    expect(hasErrors([m])).toBe(true);
    expect(hasErrors([warning('a', 'b'), info('c', 'd')])).toBe(false);
  });

  it('severity decides the prefix; the place is shown once; related names the other place', () => {
    const m = warning('commitment-repeated', 'commitment 1 has measure tables in 2 places', { table: 3, row: 2 }, { related: { table: 1, row: 2 } });
    expect(formatMessage(m, 'plan.docx')).toBe(
      'warning: plan.docx, table 3, row 2: commitment 1 has measure tables in 2 places (see table 1, row 2) [commitment-repeated]',
    );
    expect(formatMessage(info('term-recurring', 'term «щороку» is recurring', { file: 'a.txt', line: 5 }))).toBe(
      'info: a.txt, line 5: term «щороку» is recurring [term-recurring]',
    );
    const { io, lines } = collect();
    reportMessages(io, 'a.txt', [info('x', 'y'), warning('w', 'v')], { quiet: true });
    expect(lines).toEqual([]);
  });

  it('commitment-repeated names both places: the second as place, the first as related', () => {
    const raw = extractPlan(
      htmlToTree(
        `<p>Зобов’язання 1. Тест</p>
         <table><tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr><tr><td>Захід 1</td><td>Управління</td><td>2026 рік</td></tr></table>
         <p>Зобов’язання 1. Тест</p>
         <table><tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr><tr><td>Захід 2</td><td>Управління</td><td>2027 рік</td></tr></table>`,
        [],
      ),
    );
    const repeated = raw.messages.find((m) => m.code === 'commitment-repeated');
    expect(repeated).toBeDefined();
    expect(repeated!.related).toBeDefined();
    expect(repeated!.related).not.toEqual(repeated!.place);
  });

  it('--debug shows the original exception behind an input error', () => {
    const { io, lines } = collect();
    const error = new InputError('x.pdf', 'cannot read page 1: boom', { cause: new RangeError('deep inside pdf.js') });
    reportInputFailure(io, 'x.pdf', error);
    expect(lines.join('')).not.toContain('RangeError');
    reportInputFailure(io, 'x.pdf', error, { debug: true });
    expect(lines.join('')).toMatch(/cause: RangeError: deep inside pdf\.js\n/);
  });

  it('a 1.0.0 plan (warnings) is upgraded to messages on load', () => {
    const upgraded = upgradePlan({
      schemaVersion: '1.0.0',
      id: 'x',
      source: { file: 'a.txt', format: 'txt', sha256: '0'.repeat(64) },
      decision: { authority: null, type: null, number: null, date: null, title: null },
      plan: { title: null, period: { start: null, end: null } },
      commitments: [],
      warnings: [
        { code: 'term-recurring', message: 'C1.M1: term «щороку» is recurring', location: { line: 3, column: 'term' } },
        { code: 'layout-lost', message: 'lost', location: null },
      ],
    });
    const parsed = ActionPlanSchema.parse(upgraded);
    expect(parsed.messages).toEqual([
      { code: 'term-recurring', severity: 'info', reason: 'C1.M1: term «щороку» is recurring', place: { file: 'a.txt', line: 3, column: 'term' } },
      { code: 'layout-lost', severity: 'error', reason: 'lost', place: { file: 'a.txt' } },
    ]);
  });

  it('CLI: an info prints as info:, a plan with an error message exits 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'recurring.html');
    writeFileSync(
      file,
      `<!doctype html><html><body><p>План дій на 2026–2027 роки</p><p>Зобов’язання 1. Тест</p>
       <table><tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr><tr><td>Захід 1</td><td>Управління</td><td>щороку</td></tr></table></body></html>`,
    );
    const run = await runCli('extract', file);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^info: .*recurring\.html, line 2, table 1, row 2: C1\.M1: term «щороку» is recurring.* \[term-recurring\]$/m);
    expect(run.stderr).not.toMatch(/^warning:.*term-recurring/m);
    const lost = await runCli('extract', fixture('txt', 'khmelnytskyi-2020-open-data-roadmap.txt'));
    expect(lost.stderr).toMatch(/^error: .*\[layout-lost\]$/m);
    expect(lost.code).toBe(1);
  });
});
