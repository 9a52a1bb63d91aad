import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/extract/index.js';
import { columnRole } from '../../src/extract/tables.js';
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
    expect(raw.messages).toEqual([
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
