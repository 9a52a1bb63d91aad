/**
 * PDF reader cases of issue #10 (fixtures/pdf-extra/shading.pdf, borderless-wrapped.pdf, built by
 * `node fixtures/pdf-extra/make.mjs shading borderless-wrapped`): cell shading, headings that
 * start a commitment or task right under another line, nested quotes, wrapped borderless headers.
 */
import { describe, expect, it } from 'vitest';
import { read, tables, texts } from './helpers.js';

describe('readPdf: shaded Gantt cells (shading.pdf)', () => {
  it('gives a cell covered by a filled rectangle its fill; unshaded cells have none', async () => {
    const { tree } = await read('pdf-extra', 'shading');
    const [t] = tables(tree);
    const rows = t!.children.slice(-2);
    expect(rows.map((r) => r.children.slice(2).map((c) => c.data?.fill ?? null))).toEqual([
      [null, 'BFBFBF', 'BFBFBF', null],
      ['BFBFBF', 'BFBFBF', 'BFBFBF', 'BFBFBF'],
    ]);
    expect(t!.children.slice(0, 2).flatMap((r) => r.children.map((c) => c.data?.fill ?? null)).every((f) => f === null)).toBe(true);
  });
});

describe('readPdf: headings right under another line (shading.pdf)', () => {
  it('ends a paragraph before «Зобов’язання 4.» and at a change to or from bold', async () => {
    const { tree } = await read('pdf-extra', 'shading');
    expect(texts(tree.children.filter((b) => b.type !== 'table'))).toEqual([
      'План заходів з відкритості',
      'Зобов’язання 4. Прозоре поводження з відходами',
      'Завдання 2. Графіки вивезення',
      'Текст опису завдання звичайним шрифтом.',
    ]);
  });
});
