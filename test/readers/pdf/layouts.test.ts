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

describe('readPdf: a borderless table whose header cells wrap (borderless-wrapped.pdf)', () => {
  it('keeps «Термін» over «реалізації» in the header cell, the other header cells centred between them', async () => {
    const { tree } = await read('pdf-extra', 'borderless-wrapped');
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t!.children.map((r) => r.children.map((c) => texts(c.children).join(' | ')))).toEqual([
      ['№', 'Заходи', 'Відповідальні', 'Термін реалізації', 'Очікувані результати'],
      ['1', 'Оприлюднення наборів відкритих даних', 'Управління цифрового розвитку', '2026 рік', 'Набори даних оприлюднено'],
      ['2', 'Проведення громадських обговорень', 'Відділ комунікацій', 'І квартал 2027', 'Обговорення проведено'],
      ['3', 'Запуск бюджету участі для шкіл', 'Департамент освіти', '2026–2027 роки', 'Проєкти реалізовано'],
    ]);
    expect(t!.children.map((r) => r.data?.header === true)).toEqual([true, false, false, false]);
    expect(texts(tree.children.filter((b) => b.type !== 'table'))).toEqual(['Зобов’язання 1. Відкриті дані', 'Секретар ради Іван ПЕТРЕНКО']);
  });
});
