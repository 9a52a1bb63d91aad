import { describe, expect, it } from 'vitest';
import { cellParagraphs, nodeText } from '../../src/doctree/build.js';
import type { Message } from '../../src/model/message.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { htmlToTree, readHtml } from '../../src/readers/html.js';
import { allText, fixture, flags, grid, tables, texts } from './docx/helpers.js';

describe('readHtml: spans-windows-1251.html', () => {
  it('decodes the declared Windows-1251 and drops page chrome (nav, header, footer, script, style)', async () => {
    const bytes = fixture('html', 'spans-windows-1251.html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { tree, format } = await readHtml(bytes, { file: 'spans.html' });
    expect(format).toBe('html');
    const text = allText(tree);
    for (const chrome of ['Новини', 'Документи', 'gtag', 'border-collapse', 'Усі права захищено', 'spans']) expect(text).not.toContain(chrome);
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1, position: { start: { line: 13 } } });
    expect(texts(tree.children)).toEqual([
      'Про затвердження Плану дій',
      'ВИРІШИВ:',
      '1. Затвердити План дій згідно з додатком.',
      '2. Контроль за виконанням рішення покласти на заступника міського голови.',
      'Зобов’язання 1. Відкриті дані про міський транспорт',
      'IV. Четвертий розділ',
      'V. П’ятий розділ',
    ]);
  });

  it('reads rowspan/colspan into the same grid as DOCX, <thead>/<th> rows as headers, <br> as a line break inside the paragraph', async () => {
    const { tree } = await readHtml(fixture('html', 'spans-windows-1251.html'), { file: 'spans.html' });
    const [t] = tables(tree);
    expect(t!.data).toEqual({ origin: 'html', columns: 5 });
    expect(t!.position).toEqual({ start: { line: 20, column: 1 }, end: { line: 31, column: 1 } });
    expect(t!.children.map((r) => r.data?.header ?? false)).toEqual([true, true, false, false, false, false]);
    expect(t!.children.map((r) => r.children.map(flags).join(','))).toEqual([
      'r2,r2,c2,L,r2',
      'A,A,,,A',
      ',,r3,,',
      ',,A,,',
      ',,A,,',
      'c5,L,L,L,L',
    ]);
    const g = grid(t!);
    expect(g[1]).toEqual([['№'], ['Заходи'], ['Відповідальні за виконання'], ['Термін реалізації'], ['Очікувані результати']]);
    expect(g.slice(2, 5).map((r) => r[2])).toEqual(Array(3).fill(['Управління транспорту та зв’язку\nХМКП «Хмельницькінфоцентр»']));
    expect(g[2]![3]).toEqual(['березень 2026 –\nгрудень 2026']);
    expect(g[3]![4]).toEqual(['Дані GTFS доступні', 'Дані GTFS-realtime доступні']);
    expect(t!.children[3]!.position?.start.line).toBe(27);
  });
});

describe('readHtml: the Khmelnytskyi 2026–2027 plan saved from a website', () => {
  it('gives the same plan tables as the DOCX of the same seed (two independent paths)', async () => {
    const html = await readHtml(fixture('html', 'khmelnytskyi-2026-2027-action-plan.html'), { file: 'plan.html' });
    const docx = await readDocx(fixture('docx', 'khmelnytskyi-2026-2027-action-plan.docx'), { file: 'plan.docx' });
    expect(tables(html.tree).map(grid)).toEqual(tables(docx.tree).map(grid));
    expect(tables(html.tree).every((t) => t.children[0]!.data?.header === true)).toBe(true);
    expect(texts(html.tree.children)).toEqual(texts(docx.tree.children).map((t) => t.replace(/[ \t\n\r\f]+/g, ' ').trim()));
  });
});

describe('htmlToTree', () => {
  it('keeps paragraphs of a cell separate and flattens a nested table into the cell', () => {
    const messages: Message[] = [];
    const tree = htmlToTree('<table><tr><td><p>a</p><div>b<br>c</div><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>', messages);
    const [t] = tables(tree);
    expect(cellParagraphs(t!.children[0]!.children[0])).toEqual(['a', 'b\nc', 'x', 'y']);
    expect(messages).toEqual([]);
  });

  it('puts a table caption before the table as a paragraph', () => {
    const tree = htmlToTree('<table><caption>Зобов’язання 2. Назва</caption><tr><th>Заходи</th></tr><tr><td>захід</td></tr></table>', []);
    expect(tree.children.map((b) => b.type)).toEqual(['paragraph', 'table']);
    expect(texts(tree.children)).toEqual(['Зобов’язання 2. Назва']);
    expect(grid(tables(tree)[0]!)).toEqual([[['Заходи']], [['захід']]]);
  });

  it('gives text outside any block element its own paragraph, with line positions', () => {
    const tree = htmlToTree('<body>\nfree text <b>bold</b>\n<p>para</p>\ntail</body>', []);
    expect(tree.children.map((b) => (b.type === 'paragraph' ? [nodeText(b), b.position?.start.line, b.position?.end.line] : b.type))).toEqual([
      ['free text bold', 2, 2],
      ['para', 3, 3],
      ['tail', 4, 4],
    ]);
  });

  it('numbers reversed and value-reset ordered lists as a browser shows them', () => {
    const tree = htmlToTree('<ol reversed><li>a</li><li>b</li></ol><ol type="a"><li value="3">c</li><li>d</li></ol><ul><li>bullet</li></ul>', []);
    expect(texts(tree.children)).toEqual(['2. a', '1. b', 'c. c', 'd. d', 'bullet']);
  });
});

describe('readHtml: cell shading and line breaks', () => {
  it('bgcolor, style background and the row background become data.fill; <br> a newline', () => {
    const messages: Message[] = [];
    const tree = htmlToTree(
      '<table><tr><td bgcolor="#d9d9d9">+</td><td style="background-color: rgb(191,191,191)"></td><td style="background: white"></td><td>x</td></tr>' +
        '<tr style="background:#ccc"><td>a<br> <br>b</td><td bgcolor="transparent"></td></tr></table>',
      messages,
    );
    const [t] = tables(tree);
    expect(t!.children.map((r) => r.children.map((c) => c.data?.fill ?? null))).toEqual([
      ['D9D9D9', 'BFBFBF', null, null],
      ['CCCCCC', null, null, null],
    ]);
    expect(cellParagraphs(t!.children[1]!.children[0])).toEqual(['a\nb']);
  });
});
