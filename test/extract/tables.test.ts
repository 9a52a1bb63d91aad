import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/extract/index.js';
import { columnRole, planTableLayout, readPlanTable } from '../../src/extract/tables.js';
import type { TableCellData, TableCellNode, TableNode, TableRowData, TableRowNode } from '../../src/doctree/types.js';
import { htmlToTree } from '../../src/readers/html.js';

function plan(html: string) {
  return extractPlan(htmlToTree(`<html><body>${html}</body></html>`, []));
}

describe('columns by the meaning of their headers', () => {
  it.each([
    ['№', 'number'],
    ['№ з/п', 'number'],
    ['Заходи', 'measure'],
    ['Кроки', 'measure'],
    ['Найменування заходу', 'measure'],
    ['Відповідальні за виконання', 'executors'],
    ['Виконавці', 'executors'],
    ['Термін реалізації', 'term'],
    ['Строк', 'term'],
    ['Строк виконання', 'term'],
    ['Очікувані результати', 'result'],
    ['Індикатор виконання', 'result'],
    ['Показники виконання', 'result'],
    ['Партнери', 'partners'],
    ['Співвиконавці', 'executors'],
    ['Відповідальний виконавець', 'executors'],
    ['Джерела фінансування', 'funding'],
    ['Примітка', 'other'],
  ])('«%s» → %s', (header, role) => {
    expect(columnRole(header)).toBe(role);
  });

  it('columns in any order are found by meaning, not position', () => {
    const raw = plan(`
      <p>Зобов’язання 1. Тест</p>
      <table>
        <tr><th>Строк виконання</th><th>Очікувані результати</th><th>Заходи</th><th>Виконавці</th></tr>
        <tr><td>І квартал 2026 року</td><td>Результат</td><td>Захід перший</td><td>Управління освіти</td></tr>
      </table>`);
    const m = raw.commitments[0]!.measures[0]!;
    expect(m).toMatchObject({ title: 'Захід перший', term: 'І квартал 2026 року', result: 'Результат', executors: ['Управління освіти'] });
  });
});

describe('table structures', () => {
  it('a two-row header takes the spanned columns from the row below', () => {
    const raw = plan(`
      <p>Зобов’язання 1. Тест</p>
      <table>
        <tr><th rowspan="2">Заходи</th><th colspan="2">Виконання</th><th rowspan="2">Очікувані результати</th></tr>
        <tr><th>Відповідальні за виконання</th><th>Термін реалізації</th></tr>
        <tr><td>Захід</td><td>Управління культури</td><td>вересень 2027</td><td>Результат</td></tr>
      </table>`);
    expect(raw.commitments[0]!.measures).toHaveLength(1);
    expect(raw.commitments[0]!.measures[0]).toMatchObject({ executors: ['Управління культури'], term: 'вересень 2027' });
    expect(raw.messages.map((w) => w.code)).not.toContain('column-unknown');
  });

  it('national layout: numbered full-width rows start commitments; an unnumbered one is reported, not invented', () => {
    const raw = plan(`
      <table>
        <tr><th>№ з/п</th><th>Найменування заходу</th><th>Виконавці</th><th>Строк виконання</th><th>Індикатор виконання</th></tr>
        <tr><td colspan="5">1. Перше завдання</td></tr>
        <tr><td>1.1</td><td>Захід 1.1</td><td>Мінцифри</td><td>2026 рік</td><td>Індикатор</td></tr>
        <tr><td colspan="5">2. Друге завдання</td></tr>
        <tr><td>2.1</td><td>Захід 2.1</td><td>НАДС</td><td>ІІ квартал 2026 р.</td><td>Індикатор</td></tr>
        <tr><td colspan="5">Разом: 2 заходи</td></tr>
      </table>`);
    expect(raw.commitments.map((c) => [c.number, c.title, c.measures.map((m) => m.number)])).toEqual([
      ['1', 'Перше завдання', ['1.1']],
      ['2', 'Друге завдання', ['2.1']],
    ]);
    const unmapped = raw.messages.filter((w) => w.code === 'row-unmapped');
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]!.reason).toContain('Разом: 2 заходи');
    expect(unmapped[0]!.place).toMatchObject({ table: 1, row: 6 });
  });

  it('a row with no measure text is reported with its location, never dropped silently', () => {
    const raw = plan(`
      <p>Зобов’язання 1. Тест</p>
      <table>
        <tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td>Захід</td><td>Управління</td><td>2026 рік</td></tr>
        <tr><td></td><td>Сирота</td><td>2027 рік</td></tr>
      </table>`);
    expect(raw.commitments[0]!.measures).toHaveLength(1);
    // The fragment has no decision header: those fields are warned about too (decision-no-*, plan-no-title).
    expect(raw.messages.filter((m) => !/^(decision-no-|plan-no-title)/.test(m.code))).toEqual([
      expect.objectContaining({ code: 'row-unmapped', severity: 'warning', place: expect.objectContaining({ table: 1, row: 3 }) }),
    ]);
  });

  it('a repeated header row is not data', () => {
    const raw = plan(`
      <p>Зобов’язання 1. Тест</p>
      <table>
        <tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td>Захід 1</td><td>Управління</td><td>2026 рік</td></tr>
        <tr><td>Заходи</td><td>Виконавці</td><td>Строк</td></tr>
        <tr><td>Захід 2</td><td>Управління</td><td>2027 рік</td></tr>
      </table>`);
    expect(raw.commitments[0]!.measures.map((m) => m.title)).toEqual(['Захід 1', 'Захід 2']);
  });
});

describe('header block: split start/end columns and timelines (issue #10 item 3)', () => {
  const cellOf = (text: string, data: TableCellData = {}): TableCellNode => ({ type: 'tableCell', children: text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [], data });
  const rowOf = (cells: TableCellNode[], data: TableRowData = {}): TableRowNode => ({ type: 'tableRow', children: cells, data });
  const tableOf = (rows: TableRowNode[]): TableNode => ({ type: 'table', children: rows });

  it('«Строк виконання» over «початок | завершення»: start and end columns, the term composed from both', () => {
    const t = tableOf([
      rowOf([cellOf('Захід', { rowSpan: 2 }), cellOf('Строк виконання', { colSpan: 2 }), cellOf('Строк виконання', { mergedFromLeft: true }), cellOf('Виконавці', { rowSpan: 2 })], { header: true }),
      rowOf([cellOf('Захід', { mergedFromAbove: true }), cellOf('початок'), cellOf('завершення'), cellOf('Виконавці', { mergedFromAbove: true })], { header: true }),
      rowOf([cellOf('Навчання'), cellOf('березень 2026'), cellOf('грудень 2027'), cellOf('Відділ освіти')]),
    ]);
    const layout = planTableLayout(t)!;
    expect(layout.roles).toEqual(['measure', 'start', 'end', 'executors']);
    const rows = readPlanTable(t, layout, { table: 1, warnings: [] });
    const m = rows[0]!.kind === 'measure' ? rows[0].measure : null;
    expect(m?.term).toBe('березень 2026 – грудень 2027');
    expect(m?.termRaw).toBe('березень 2026 | грудень 2027');
  });

  it('year over quarter columns: the marked (or shaded) quarters give the span', () => {
    const t = tableOf([
      rowOf([cellOf('Назва заходу', { rowSpan: 2 }), cellOf('2026 рік', { colSpan: 4 }), ...[1, 2, 3].map(() => cellOf('', { mergedFromLeft: true })), cellOf('Результат', { rowSpan: 2 })]),
      rowOf([cellOf('Назва заходу', { mergedFromAbove: true }), cellOf('I кв.'), cellOf('II кв.'), cellOf('III кв.'), cellOf('IV кв.'), cellOf('Результат', { mergedFromAbove: true })]),
      rowOf([cellOf('Захід А'), cellOf(''), cellOf('+'), cellOf('х'), cellOf(''), cellOf('Зроблено')]),
      rowOf([cellOf('Захід Б'), cellOf('', { fill: 'D9D9D9' } as TableCellData), cellOf(''), cellOf(''), cellOf(''), cellOf('Зроблено')]),
    ]);
    const layout = planTableLayout(t)!;
    expect(layout.roles).toEqual(['measure', 'timeline', 'timeline', 'timeline', 'timeline', 'result']);
    const measures = readPlanTable(t, layout, { table: 1, warnings: [] }).flatMap((r) => (r.kind === 'measure' ? [r.measure] : []));
    expect(measures.map((m) => m.term)).toEqual(['II квартал 2026 – III квартал 2026', 'I квартал 2026']);
    expect(measures[0]!.termRaw).toMatch(/^графік: /);
    expect(measures[1]!.termNote).toMatch(/shaded/);
  });
});

describe('a plan written as numbered paragraphs (issue #10 item 11)', () => {
  it('«1.1. …» with labelled lines, and «N. Title» headings followed by «N.1.»', () => {
    const p = plan(`<p>1. Затвердити план заходів.</p><p>2. Контроль покласти на заступника.</p>
      <p>1. Відкриті дані</p>
      <p>1.1. Оприлюднення наборів даних.</p><p>Відповідальні: Відділ цифрового розвитку, ГО «Дані» (за згодою).</p><p>Термін: IX 2026 – XII 2026.</p><p>Очікуваний результат: Набори оприлюднено</p>
      <p>1.2. Навчання посадовців (Відділ кадрів; II квартал 2026 року).</p>`);
    expect(p.commitments.map((c) => [c.number, c.title])).toEqual([['1', 'Відкриті дані']]);
    const [a, b] = p.commitments[0]!.measures;
    expect(a).toMatchObject({ number: '1.1', title: 'Оприлюднення наборів даних', executors: ['Відділ цифрового розвитку, ГО «Дані» (за згодою)'], term: 'IX 2026 – XII 2026.', result: 'Набори оприлюднено' });
    expect(b).toMatchObject({ number: '1.2', title: 'Навчання посадовців', executors: ['Відділ кадрів'], term: 'II квартал 2026 року' });
  });
});

describe('commitment headings before a table', () => {
  it('«N. Title» or «Напрям N. Title» right before a plan table starts a commitment; a numbered point of the body does not', () => {
    const raw = plan(`
      <p>1. Затвердити план заходів.</p>
      <p>2. Контроль покласти на заступника.</p>
      <p>Напрям 1. Прозорість відновлення</p>
      <table>
        <tr><th>№</th><th>Зміст заходу</th><th>Відповідальний виконавець</th><th>Співвиконавці</th><th>Термін виконання</th></tr>
        <tr><td>1.</td><td>Захід перший</td><td>Департамент фінансів</td><td>Управління економіки</td><td>2026 рік</td></tr>
      </table>
      <p>2. Доступність послуг</p>
      <p></p>
      <table>
        <tr><th>№</th><th>Зміст заходу</th><th>Відповідальний виконавець</th><th>Співвиконавці</th><th>Термін виконання</th></tr>
        <tr><td>1.</td><td>Захід другий</td><td>Департамент соціального захисту</td><td></td><td>2026 рік</td></tr>
      </table>`);
    expect(raw.commitments.map((c) => [c.number, c.title, c.measures.length])).toEqual([
      ['1', 'Прозорість відновлення', 1],
      ['2', 'Доступність послуг', 1],
    ]);
    // Co-executors are executors of the measure, after the responsible one.
    expect(raw.commitments[0]!.measures[0]!.executors).toEqual(['Департамент фінансів', 'Управління економіки']);
    expect(raw.messages.map((m) => m.code)).not.toContain('commitment-implicit');
  });
});

describe('commitment rows numbered in Roman numerals or not at all', () => {
  it('«I. …» / «Розділ ІІ. …» full-width rows and «II. …» headings before a table start commitments', () => {
    const raw = plan(`
      <table>
        <tr><th>№</th><th>Зміст заходу</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td colspan="4">I. Відкриті дані</td></tr>
        <tr><td>1.</td><td>Захід перший</td><td>Управління освіти</td><td>2026 рік</td></tr>
        <tr><td colspan="4">Розділ ІІ. Участь мешканців</td></tr>
        <tr><td>2.</td><td>Захід другий</td><td>Управління культури</td><td>2027 рік</td></tr>
      </table>
      <p>III. Доступність послуг</p>
      <table>
        <tr><th>№</th><th>Зміст заходу</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td>3.</td><td>Захід третій</td><td>ЦНАП</td><td>2027 рік</td></tr>
      </table>`);
    expect(raw.commitments.map((c) => [c.number, c.title, c.measures.map((m) => m.title)])).toEqual([
      ['I', 'Відкриті дані', ['Захід перший']],
      ['ІІ', 'Участь мешканців', ['Захід другий']],
      ['III', 'Доступність послуг', ['Захід третій']],
    ]);
  });

  it('an unnumbered topic row followed by measures is a commitment without a number; a total or a note is not', () => {
    const raw = plan(`
      <table>
        <tr><th>№</th><th>Зміст заходу</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td colspan="4">Відкритість бюджетного процесу</td></tr>
        <tr><td>1.</td><td>Захід перший</td><td>Фінансовий відділ</td><td>2026 рік</td></tr>
        <tr><td colspan="4">Примітка: фінансування в межах кошторису</td></tr>
        <tr><td colspan="4">Участь молоді</td></tr>
        <tr><td>1.</td><td>Захід другий</td><td>Відділ освіти</td><td>2027 рік</td></tr>
        <tr><td colspan="4">Усього 2 заходи</td></tr>
      </table>`);
    expect(raw.commitments.map((c) => [c.number, c.title, c.measures.length])).toEqual([
      [null, 'Відкритість бюджетного процесу', 1],
      [null, 'Участь молоді', 1],
    ]);
    const unmapped = raw.messages.filter((m) => m.code === 'row-unmapped').map((m) => m.reason);
    expect(unmapped).toHaveLength(2);
    expect(unmapped[0]).toContain('Примітка: фінансування');
    expect(unmapped[1]).toContain('Усього 2 заходи');
  });
});
