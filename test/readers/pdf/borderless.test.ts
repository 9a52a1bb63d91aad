/**
 * Tables without rulings (src/readers/pdf/borderless.ts) on synthetic pages: runs placed as a
 * generator would place them, read by `layoutPage` and assembled into the document tree.
 */
import { describe, expect, it } from 'vitest';
import { cellParagraphs, nodeText } from '../../../src/doctree/build.js';
import type { TableNode } from '../../../src/doctree/types.js';
import { assemble } from '../../../src/readers/pdf/assemble.js';
import { layoutPage } from '../../../src/readers/pdf/page.js';
import type { TextRun } from '../../../src/readers/pdf/text.js';

const SIZE = 10;
/** A run at x (pt) on baseline y (pt), about 5 pt per character. */
function run(str: string, x: number, y: number, bold = false): TextRun {
  return { str, x0: x, x1: x + 5 * [...str].length, base: y, size: SIZE, bold };
}

function read(runs: TextRun[]) {
  const page = layoutPage(1, 600, 800, runs, [], false);
  const blocks = assemble([page]);
  const tables = blocks.filter((b): b is TableNode => b.type === 'table');
  const grid = (t: TableNode) => t.children.map((r) => r.children.map((c) => cellParagraphs(c).join(' | ')));
  const paras = blocks.filter((b) => b.type === 'paragraph').map((b) => nodeText(b));
  return { tables, grid, paras };
}

/** Column starts of a three-column table: number, measure (wraps), executors; 11.5 pt line pitch. */
const X = [60, 90, 330];

describe('borderless tables: columns from shared gutters, rows from shared white bands', () => {
  it('reads rows whose cells wrap onto several lines, separated by row spacing, with a header cell wrapped over two lines', () => {
    const runs = [
      // header: «Відповідальні» over «виконавці», the other header cells centred between them
      run('Відповідальні', X[2]!, 100, true),
      run('№', X[0]!, 106, true),
      run('Захід', X[1]!, 106, true),
      run('виконавці', X[2]!, 112, true),
      // row 1: three lines in the measure column, two in the executors column
      run('1', X[0]!, 135),
      run('Оприлюднення наборів відкритих', X[1]!, 135),
      run('Управління цифрового', X[2]!, 135),
      run('даних на порталі та їх', X[1]!, 146.5),
      run('розвитку', X[2]!, 146.5),
      run('щоквартальне оновлення', X[1]!, 158),
      // row 2: one line each, then a second paragraph in the executors column only
      run('2', X[0]!, 181),
      run('Проведення громадських обговорень', X[1]!, 181),
      run('Відділ комунікацій', X[2]!, 181),
      run('Молодіжна рада', X[2]!, 198),
      // row 3
      run('3', X[0]!, 221),
      run('Запуск бюджету участі', X[1]!, 221),
      run('Департамент освіти', X[2]!, 221),
    ];
    const { tables, grid, paras } = read(runs);
    expect(tables).toHaveLength(1);
    expect(grid(tables[0]!)).toEqual([
      ['№', 'Захід', 'Відповідальні виконавці'],
      ['1', 'Оприлюднення наборів відкритих даних на порталі та їх щоквартальне оновлення', 'Управління цифрового розвитку'],
      ['2', 'Проведення громадських обговорень', 'Відділ комунікацій | Молодіжна рада'],
      ['3', 'Запуск бюджету участі', 'Департамент освіти'],
    ]);
    expect(tables[0]!.children.map((r) => r.data?.header === true)).toEqual([true, false, false, false]);
    expect(paras).toEqual([]);
  });

  it('ends a table at a line running across a gutter and starts another below it', () => {
    const row = (n: number, y: number) => [run(String(n), X[0]!, y), run(`Захід номер ${n}`, X[1]!, y), run(`Виконавець ${n}`, X[2]!, y)];
    const runs = [
      ...row(1, 100),
      ...row(2, 115),
      ...row(3, 130),
      run('Зобов’язання 2. Заголовок, що перетинає всі колонки таблиці від краю до краю', X[0]!, 150),
      ...row(4, 170),
      ...row(5, 185),
      ...row(6, 200),
    ];
    const { tables, grid, paras } = read(runs);
    expect(tables).toHaveLength(2);
    expect(grid(tables[0]!).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(grid(tables[1]!).map((r) => r[2])).toEqual(['Виконавець 4', 'Виконавець 5', 'Виконавець 6']);
    expect(paras).toEqual(['Зобов’язання 2. Заголовок, що перетинає всі колонки таблиці від краю до краю']);
  });

  it('finds centred and right-aligned columns (no common left edge) from the white space between them', () => {
    const runs: TextRun[] = [];
    const names = ['Реєстр', 'Перелік об’єктів', 'Бюджет громади міста'];
    const terms = ['2026', 'І квартал 2027', 'щороку'];
    names.forEach((name, i) => {
      const y = 100 + 14 * i;
      const w = 5 * [...name].length;
      runs.push(run(name, 200 - w / 2, y)); // centred on x = 200
      const t = terms[i]!;
      runs.push(run(t, 420 - 5 * [...t].length, y)); // right-aligned at x = 420
      runs.push(run(`${i + 1}`, 60, y));
    });
    const { tables, grid } = read(runs);
    expect(tables).toHaveLength(1);
    expect(grid(tables[0]!)).toEqual([
      ['1', 'Реєстр', '2026'],
      ['2', 'Перелік об’єктів', 'І квартал 2027'],
      ['3', 'Бюджет громади міста', 'щороку'],
    ]);
  });

  it('does not take justified free text with wide word spaces for a table', () => {
    const runs: TextRun[] = [];
    const words = ['Відповідно', 'до', 'Закону', 'України', 'про', 'місцеве', 'самоврядування', 'виконавчий', 'комітет', 'вирішив', 'затвердити', 'план'];
    for (let l = 0; l < 5; l++) {
      let x = 60;
      for (let k = 0; k < 5; k++) {
        const w = words[(l * 5 + k) % words.length]!;
        runs.push(run(w, x, 100 + 12 * l));
        x += 5 * [...w].length + 6 + 3 * ((l + k) % 3); // word spaces of 6–12 pt, at different places on each line
      }
    }
    const { tables } = read(runs);
    expect(tables).toHaveLength(0);
  });
});
