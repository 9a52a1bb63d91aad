/**
 * PDF reader tests on PDFs rendered by LibreOffice: the edge cases of fixtures/pdf-extra
 * (rebuilt by fixtures/pdf-extra/make.mjs) and the plan fixtures of fixtures/pdf, whose
 * tables are compared with what the DOCX reader reads from the same documents.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellParagraphs, nodeText } from '../../src/doctree/build.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readPdf } from '../../src/readers/pdf/index.js';
import { allNodes, allParagraphs, fixture, flags, grid, read, root, tables, texts } from './pdf/helpers.js';

const extra = (name: string) => read('pdf-extra', name);

/** Long result text of the fixture (make.mjs `longResult`). */
const longResult = (n: number) =>
  Array.from({ length: n }, (_, i) => `Очікуваний результат номер ${i + 1} щодо відкритості та прозорості.`).join(' ');

describe('readPdf: a plan with tables continuing across pages (basic.pdf)', () => {
  it('keeps the text outside tables as paragraphs in reading order, headers/footers and page numbers removed', async () => {
    const { tree, format, messages, pages } = await extra('basic');
    expect(format).toBe('pdf');
    expect(messages).toEqual([]);
    expect(pages).toBe(3);
    expect(tree.data).toEqual({ pages: 3 });
    expect(texts(tree.children)).toEqual([
      'Додаток',
      'до рішення виконавчого комітету',
      'від 09.10.2025 р. № 1417',
      'План дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» на 2026-2027 роки',
      'Зобов’язання 1. Розвиток безбар’єрного простору в громаді через інновації та відкритість',
      'Проблеми, які вирішує зобов’язання: недостатній рівень обізнаності мешканців громади.',
      'Виконання зобов’язання передбачає:',
      'Зобов’язання 2. Інтеграція Цілей сталого розвитку в управління громадою.',
      'Виконання зобов’язання передбачає:',
      'Заступник міського голови Михайло КРИВАК',
    ]);
    const everything = allParagraphs(tree).join('\n');
    // the page header repeated on all three pages and the page numbers 1–3 are gone
    expect(everything).not.toContain('Проєкт рішення');
    expect(allParagraphs(tree).filter((p) => /^\d+$/u.test(p))).toEqual([]);
  });

  it('makes one table of the fragments on pages 1–3, drops the repeated header rows and merges split rows', async () => {
    const { tree } = await extra('basic');
    const [t1, t2, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t1!.data).toEqual({ origin: 'pdf', columns: 4, page: 1 });
    expect(t1!.children.map((r) => r.data?.header ?? false)).toEqual([true, false, false, false, false]);
    expect(t1!.children.some((r) => r.data?.continuation)).toBe(false);
    expect(grid(t1!)).toEqual([
      [['Заходи'], ['Відповідальні за виконання'], ['Термін реалізації'], ['Очікувані результати']],
      [
        ['Створення та запуск інтерактивної «Мапи доступності»'],
        ['ХМКП «Хмельницькінфоцентр»', 'управління архітектури та містобудування'],
        ['березень 2026 – вересень 2027'],
        ['Запуск інтерактивної Мапи доступності'],
      ],
      [
        ['Забезпечення інформаційної підтримки'],
        ['Управління економіки', 'відділ інвестицій'],
        ['березень 2026 – грудень 2027'],
        ['Розвиток інформаційно-аналітичної системи громади'],
      ],
      [
        ['Проведення інформаційної кампанії з просування культури безбар’єрності'],
        ['КУ «Агенція розвитку Хмельницького»'],
        ['червень 2026 – грудень 2027'],
        // this cell runs from page 1 over the whole of page 2: one paragraph, nothing lost
        [longResult(24)],
      ],
      [
        // split between pages 2 and 3 in every column
        ['Впровадження відзнаки «Доступний бізнес»'],
        ['Управління економіки'],
        ['березень 2026 – грудень 2027'],
        ['Створення механізму публічного заохочення підприємців'],
      ],
    ]);
    expect(t1!.children.map((r) => r.data?.page)).toEqual([1, 1, 1, 1, 2]);
    expect(t2!.data).toEqual({ origin: 'pdf', columns: 4, page: 3 });
    expect(grid(t2!)).toEqual([
      [['Заходи'], ['Відповідальні за виконання'], ['Термін реалізації'], ['Очікувані результати']],
      [['Оновлення стану реалізації Цілей сталого розвитку'], ['КУ «Агенція розвитку Хмельницького»'], ['січень 2026 – грудень 2026'], ['Оновлення даних']],
      [
        ['Створення електронного реєстру зелених насаджень'],
        ['ХМКП «Хмельницькінфоцентр»', 'департамент інфраструктури міста'],
        ['березень 2026 – вересень 2027'],
        ['Реєстр зелених насаджень'],
      ],
    ]);
  });

  it('joins words broken at line ends and keeps real hyphenated compounds', async () => {
    const { tree } = await extra('basic');
    const paras = allParagraphs(tree);
    // soft hyphen lost by the text layer: «Забезпечення інфор» / «маційної»
    expect(paras).toContain('Забезпечення інформаційної підтримки');
    // compound broken after its hyphen: «інформаційно-» / «аналітичної»
    expect(paras).toContain('Розвиток інформаційно-аналітичної системи громади');
    // over-long word broken in a narrow column: «Хмельницькінфоце» / «нтр»»
    expect(paras.filter((p) => p.includes('Хмельницькінфоцентр»'))).toHaveLength(2);
    expect(paras.join('\n')).not.toMatch(/інфор маційної|Хмельницькінфоце нтр|інформаційноаналітичної/u);
  });

  it('sets data.page on every node', async () => {
    const { tree } = await extra('basic');
    const nodes = allNodes(tree);
    expect(nodes.length).toBeGreaterThan(100);
    expect(nodes.filter((n) => typeof n.data?.page !== 'number')).toEqual([]);
    expect(new Set(nodes.map((n) => n.data?.page))).toEqual(new Set([1, 2, 3]));
  });

  it('is deterministic and leaves the input buffer usable', async () => {
    const bytes = fixture('pdf-extra', 'basic.pdf');
    const a = await readPdf(bytes, { file: 'basic.pdf' });
    expect(bytes.byteLength).toBeGreaterThan(0);
    const b = await readPdf(bytes, { file: 'basic.pdf' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('readPdf: rotated pages (rotated.pdf = basic.pdf with /Rotate 90 on every page)', () => {
  it('reads the page in its text direction and gives the same tree', async () => {
    const rotated = await extra('rotated');
    const basic = await extra('basic');
    expect(rotated.messages).toEqual([]);
    expect(JSON.stringify(rotated.tree)).toBe(JSON.stringify(basic.tree));
  });
});

describe('readPdf: Word-style drawing (handmade.pdf)', () => {
  it('reads a /Rotate 90 page drawn through a rotating cm, with borders as thin filled rectangles in a form XObject', async () => {
    const { tree, messages, pages } = await extra('handmade');
    expect(messages).toEqual([]);
    expect(pages).toBe(2);
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t!.data).toEqual({ origin: 'pdf', columns: 3, page: 1 });
    expect(grid(t!).slice(0, 2)).toEqual([
      [['No'], ['Measure'], ['Term']],
      [['1'], ['Open data portal'], ['2026']],
    ]);
    expect(texts(tree.children)).toEqual(['Commitment 7. Open budget data', 'End of annex.']);
  });

  it('merges a row with no top border at the top of the next page into the row above', async () => {
    const { tree } = await extra('handmade');
    const [t] = tables(tree);
    // «Part» starts with a capital: only the missing top border says the row continues
    expect(grid(t!).slice(2)).toEqual([
      [['2', 'Part'], ['Budget dashboard for', 'Citizens and council'], ['2027', 'Q4']],
      [['3'], ['Open spending'], ['2027']],
    ]);
    expect(t!.children.map((r) => r.data?.page)).toEqual([1, 1, 1, 2]);
  });
});

describe('readPdf: spanning cells (spans.pdf)', () => {
  it('recognises rowspan/colspan from missing rulings and fills the grid like the DOCX reader', async () => {
    const { tree } = await extra('spans');
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t!.children.map((r) => r.children.length)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(t!.children.map((r) => r.children.map(flags))).toEqual([
      ['', '', '', ''],
      ['', '', 'r2', ''],
      ['', '', 'A', ''],
      ['', 'c2', 'L', ''],
      ['', '', '', ''],
      ['', 'c2r2', 'L', ''],
      ['', 'Ac2', 'AL', ''],
    ]);
    expect(grid(t!)).toEqual([
      [['№'], ['Захід'], ['Виконавець'], ['Термін']],
      [['1'], ['Перший захід'], ['Відділ освіти', 'управління культури'], ['2026']],
      [['2'], ['Другий захід'], ['Відділ освіти', 'управління культури'], ['2027']],
      [['3'], ['Захід і виконавець разом'], [], ['2026 – 2027']],
      [['4'], ['Четвертий захід'], ['Управління економіки'], ['грудень 2027']],
      [['5'], ['Спільний захід двох років'], [], ['2026']],
      [['6'], ['Спільний захід двох років'], [], ['2027']],
    ]);
    expect(t!.children[0]!.data?.header).toBe(true);
    expect(texts(tree.children)).toEqual(['Зобов’язання 5. Таблиця з об’єднаними клітинками', 'Кінець документа.']);
  });
});

describe('readPdf: landscape pages and a numbered row split by a page break (landscape.pdf)', () => {
  it('merges the row part with an empty number cell into the row above and drops the repeated header', async () => {
    const { tree, pages } = await extra('landscape');
    expect(pages).toBe(2);
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t!.data?.columns).toBe(5);
    const rows = grid(t!);
    expect(rows.map((r) => r[0])).toEqual([['№'], ['1'], ['2'], ['3'], ['4'], ['5'], ['6'], ['7']]);
    expect(rows[3]![4]).toEqual([longResult(16)]);
    expect(rows[1]).toEqual([
      ['1'],
      ['Захід 1 щодо розвитку електронної демократії в громаді'],
      ['Департамент цифрової трансформації', 'Відділ 1'],
      ['січень 2026 – грудень 2027'],
      ['Результат 1'],
    ]);
    expect(t!.children.map((r) => r.data?.page)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(texts(tree.children)).toEqual(['Зобов’язання 3. Розвиток електронної демократії', 'Текст після таблиці.']);
  });
});

describe('readPdf: a table without rulings (borderless.pdf)', () => {
  it('finds the columns from text alignment', async () => {
    const { tree } = await extra('borderless');
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(grid(t!)).toEqual([
      [['Назва набору'], ['Розпорядник'], ['Термін']],
      [['Реєстр зелених насаджень'], ['Управління екології'], ['щокварталу']],
      [['Перелік об’єктів культурної спадщини'], ['Управління культури'], ['щороку']],
      [['Бюджет громади'], ['Фінансове управління'], ['щомісяця']],
    ]);
    expect(texts(tree.children)).toEqual(['Перелік наборів даних для оприлюднення', 'Секретар ради Іван ПЕТРЕНКО']);
  });
});

describe('readPdf: a borderless table continuing on the next page (borderless-long.pdf)', () => {
  it('keeps one table of aligned columns across the page break, page numbers removed', async () => {
    const { tree, pages } = await extra('borderless-long');
    expect(pages).toBe(2);
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    const expected = [['Назва набору', 'Розпорядник', 'Періодичність']];
    for (let i = 1; i <= 70; i++) expected.push([`Набір даних ${i}`, `Управління ${i}`, i % 2 ? 'щороку' : 'щокварталу']);
    expect(grid(t!).map((r) => r.map((c) => c.join(' ')))).toEqual(expected);
    expect(new Set(t!.children.map((r) => r.data?.page))).toEqual(new Set([1, 2]));
    expect(texts(tree.children)).toEqual(['Реєстр наборів даних', 'Кінець реєстру.']);
  });
});

describe('readPdf: scanned pages', () => {
  it('reports a wholly scanned PDF page by page and gives an empty tree', async () => {
    const result = await extra('scanned-only');
    expect(result.tree.children).toEqual([]);
    expect(result.pages).toBe(1);
    expect(result.messages).toEqual([
      { code: 'scanned-page', severity: 'warning', reason: 'the page has no text layer (scanned); OCR is off; run with --ocr auto to read it', place: { page: 1 } },
    ]);
  });

  it('reads the text pages of a mixed PDF and reports only the scanned one', async () => {
    const mixed = await extra('mixed-scan');
    const spans = await extra('spans');
    expect(mixed.pages).toBe(2);
    expect(mixed.messages).toEqual([
      { code: 'scanned-page', severity: 'warning', reason: 'the page has no text layer (scanned); OCR is off; run with --ocr auto to read it', place: { page: 2 } },
    ]);
    expect(JSON.stringify(mixed.tree.children)).toBe(JSON.stringify(spans.tree.children));
  });
});

describe('readPdf: unreadable input', () => {
  it('rejects an encrypted PDF with a one-line cause', async () => {
    const err = await extra('encrypted').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/encrypted|password/iu);
    expect((err as Error).message).not.toContain('\n');
  });

  it('rejects a truncated PDF with a one-line cause', async () => {
    const bytes = fixture('pdf-extra', 'basic.pdf').slice(0, 1500);
    const err = await readPdf(bytes, { file: 'cut.pdf' }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/PDF/u);
    expect((err as Error).message).not.toContain('\n');
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(readPdf(new TextEncoder().encode('просто текст'), { file: 'x.pdf' })).rejects.toThrow(/not a PDF/u);
  });
});

/** The PDFs of fixtures/pdf are LibreOffice renderings of the DOCX fixtures of the same name. */
const pairs = existsSync(join(root, 'fixtures', 'pdf'))
  ? readdirSync(join(root, 'fixtures', 'pdf'))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => f.slice(0, -4))
      .filter((n) => existsSync(join(root, 'fixtures', 'docx', `${n}.docx`)))
  : [];

/** Cells whose paragraph breaks a PDF cannot show (a line break inside a DOCX paragraph, or a break
 * where the next word would not have fitted anyway): compared as text only. */
const flat = (cells: string[][][]) => cells.map((r) => r.map((c) => c.join(' ').replace(/\s+/gu, ' ').trim()));

describe('readPdf: plan fixtures rendered from DOCX (fixtures/pdf)', () => {
  it('has the fixture pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of pairs) {
    it(`${name}: every table cell has the DOCX text`, async () => {
      const pdf = await read('pdf', name);
      const docx = await readDocx(fixture('docx', `${name}.docx`), { file: `${name}.docx` });
      expect(pdf.messages).toEqual([]);
      // a DOCX table split in two around a page break (nothing between them, the same header
      // row) is one table in the PDF: same column grid, header repeated at the top of the page
      const pdfRows = tables(pdf.tree).map((t) => flat(grid(t)));
      const pdfHeaders = tables(pdf.tree).map((t) => t.children.map((r) => r.data?.header === true));
      const merged: string[][][] = [];
      const mergedHeaders: boolean[][] = [];
      let adjacent = false;
      for (const b of docx.tree.children) {
        if (b.type !== 'table') {
          if (b.type !== 'thematicBreak' && (b.type !== 'paragraph' || nodeText(b).trim() !== '')) adjacent = false;
          continue;
        }
        const rows = flat(grid(b));
        const headers = b.children.map((r) => r.data?.header === true);
        const last = merged[merged.length - 1];
        if (adjacent && last && last[0]?.join('\t') === rows[0]?.join('\t')) {
          last.push(...rows.slice(1));
          mergedHeaders[mergedHeaders.length - 1]!.push(...headers.slice(1));
        } else {
          merged.push(rows);
          mergedHeaders.push(headers);
        }
        adjacent = true;
      }
      const docxRows = tables(docx.tree);
      expect(pdfRows).toEqual(merged);
      // header rows: the DOCX marks them (w:tblHeader), the PDF reader finds them (bold, repeated)
      expect(pdfHeaders).toEqual(mergedHeaders);
      // paragraphs inside cells: most cells keep exactly the DOCX paragraphs
      let same = 0;
      let all = 0;
      tables(docx.tree).forEach((t, i) =>
        t.children.forEach((r, j) =>
          r.children.forEach((c, k) => {
            all++;
            const p = tables(pdf.tree)[i]?.children[j]?.children[k];
            if (JSON.stringify(cellParagraphs(c)) === JSON.stringify(cellParagraphs(p))) same++;
          }),
        ),
      );
      if (pdfRows.length === docxRows.length) expect(same / all).toBeGreaterThan(0.9);
    });
  }
});
