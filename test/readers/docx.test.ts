import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellParagraphs, nodeText } from '../../src/doctree/build.js';
import type { ParagraphNode } from '../../src/doctree/types.js';
import { DocxReadError, makeDocxReader, readDocx } from '../../src/readers/docx/index.js';
import { allText, fixture, flags, grid, tables, texts } from './docx/helpers.js';

const read = (name: string) => readDocx(fixture('docx', `${name}.docx`), { file: `${name}.docx` });

describe('readDocx: vertically merged executor cells (vmerge-executors.docx)', () => {
  it('gives the merged value to every row it covers, with rowSpan on the first cell', async () => {
    const { tree, format, messages } = await read('vmerge-executors');
    expect(format).toBe('docx');
    expect(messages).toEqual([]);
    const [t, ...rest] = tables(tree);
    expect(rest).toHaveLength(0);
    expect(t!.data).toEqual({ origin: 'docx', columns: 4 });
    expect(t!.children.map((r) => r.children.length)).toEqual([4, 4, 4, 4, 4]);
    expect(t!.children.map((r) => r.data?.header ?? false)).toEqual([true, false, false, false, false]);
    expect(t!.children.map((r) => r.children.map(flags))).toEqual([
      ['', '', '', ''],
      ['', 'r3', 'r2', ''],
      ['', 'A', 'A', ''],
      ['', 'A', '', ''],
      ['', '', '', ''],
    ]);
    const executors = t!.children.slice(1).map((r) => cellParagraphs(r.children[1]));
    expect(executors).toEqual([
      ['Управління транспорту та зв’язку', 'ХМКП «Хмельницькінфоцентр»'],
      ['Управління транспорту та зв’язку', 'ХМКП «Хмельницькінфоцентр»'],
      ['Управління транспорту та зв’язку', 'ХМКП «Хмельницькінфоцентр»'],
      ['КУ «Агенція розвитку Хмельницького»'],
    ]);
    const terms = t!.children.slice(1).map((r) => cellParagraphs(r.children[2]).join('|'));
    expect(terms).toEqual(['березень 2026 – грудень 2026', 'березень 2026 – грудень 2026', 'січень 2027 – червень 2027', 'вересень 2027 – грудень 2027']);
    // Placeholders are copies, not shared objects.
    expect(t!.children[2]!.children[1]!.children[0]).not.toBe(t!.children[1]!.children[1]!.children[0]);
  });
});

describe('readDocx: national layout with group rows (national-layout.docx)', () => {
  it('keeps group rows as one cell spanning the grid plus mergedFromLeft placeholders', async () => {
    const { tree } = await read('national-layout');
    const [t] = tables(tree);
    expect(t!.data).toEqual({ origin: 'docx', columns: 5 });
    expect(t!.children.every((r) => r.children.length === 5)).toBe(true);
    const g = grid(t!);
    expect(g[0]!.map((c) => c.join(''))).toEqual(['№ з/п', 'Найменування заходу', 'Виконавці', 'Строк виконання', 'Індикатор виконання']);
    expect(t!.children[0]!.data).toEqual({ header: true });
    expect(t!.children.map((r) => r.children.map(flags).join(','))).toEqual([
      ',,,,',
      'c5,L,L,L,L',
      ',,,,',
      ',,,,',
      'c5,L,L,L,L',
      ',,,,',
      ',,,,',
      ',,,,',
    ]);
    expect(g.map((r) => r[0]!.join(''))).toEqual([
      '№ з/п',
      '1. Забезпечення відкритості інформації про використання публічних коштів',
      '1.1.',
      '1.2.',
      '2. Розширення участі громадськості у формуванні державної політики',
      '2.1.',
      '2.2.',
      '2.3.',
    ]);
    // Group-row placeholders carry no text (the task is not repeated across columns).
    expect(t!.children[1]!.children.slice(1).every((c) => c.children.length === 0)).toBe(true);
    // Several paragraphs stay separate; a soft line break is a '\n' inside the paragraph, a tab a space.
    expect(g[2]![2]).toEqual(['Мінфін', 'Державна казначейська служба']);
    expect(g[3]![2]).toEqual(['Мінцифри,\nДержстат']);
    expect(g[3]![3]).toEqual(['IV квартал 2025 р. – II квартал 2026 р.']);
  });
});

describe('readDocx: automatic numbering (auto-numbering.docx)', () => {
  it('writes the labels Word shows into the text and data.label', async () => {
    const { tree } = await read('auto-numbering');
    const labelled = tree.children.filter((b): b is ParagraphNode => b.type === 'paragraph' && b.data?.label !== undefined);
    expect(labelled.map((p) => [p.data!.label, nodeText(p)])).toEqual([
      ['1.', '1. Затвердити План дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» на 2026-2027 роки, згідно з додатком.'],
      ['2.', '2. Контроль за виконанням рішення покласти на заступника міського голови.'],
      ['I.', 'I. ЗАГАЛЬНИЙ ОПИС'],
      ['II.', 'II. ЗОБОВ’ЯЗАННЯ ДЛЯ РЕАЛІЗАЦІЇ ПЛАНУ ДІЙ'],
      ['Зобов’язання 1.', 'Зобов’язання 1. Розвиток безбар’єрного простору в громаді через інновації та відкритість'],
      ['Зобов’язання 2.', 'Зобов’язання 2. Інтеграція Цілей сталого розвитку в управління громадою'],
      ['Зобов’язання 3.', 'Зобов’язання 3. Формування цифрових можливостей громади'],
    ]);
  });

  it('numbers the № column per table (each table restarts with w:startOverride)', async () => {
    const { tree } = await read('auto-numbering');
    const numbers = tables(tree).map((t) => t.children.slice(1).map((r) => r.children[0]!.children.map((p) => [p.data?.label, nodeText(p)])));
    expect(numbers).toEqual([
      [[['1.', '1.']], [['2.', '2.']]],
      [[['1.', '1.']], [['2.', '2.']], [['3.', '3.']]],
      [[['1.', '1.']]],
    ]);
    // Header cells are not numbered.
    expect(tables(tree).map((t) => cellParagraphs(t.children[0]!.children[0]))).toEqual([['№'], ['№'], ['№']]);
  });
});

describe('readDocx: tracked changes, comments, footnotes, text boxes (tracked-changes.docx)', () => {
  it('keeps insertions, drops deletions, keeps comments/footnotes/text boxes out of the text', async () => {
    const { tree, messages } = await read('tracked-changes');
    expect(texts(tree.children)).toEqual([
      'Зобов’язання 1. Відкриті дані про зелені насадження',
      'Виконання зобов’язання передбачає такі заходи:',
    ]);
    const [t] = tables(tree);
    expect(grid(t!).slice(1)).toEqual([
      [
        ['Створення електронного реєстру зелених насаджень'],
        ['ХМКП «Хмельницькінфоцентр»', 'управління з питань екології'],
        ['березень 2026 – вересень 2027'],
        ['Реєстр зелених насаджень доступний онлайн'],
      ],
      [['Проведення інформаційної кампанії'], ['КУ «Агенція розвитку Хмельницького»'], ['червень 2026 – грудень 2027'], ['Підвищення рівня поінформованості населення']],
    ]);
    const text = allText(tree);
    for (const gone of ['паперового', 'Озеленення міста', 'департамент інфраструктури', 'грудень 2026', 'Коментар', 'Виноска', 'текстовому полі']) {
      expect(text).not.toContain(gone);
    }
    // Nothing disappears silently: the text box and the footnote are reported.
    expect(messages.map((m) => m.code).sort()).toEqual(['docx-notes-ignored', 'docx-textbox-ignored']);
    expect(messages.find((m) => m.code === 'docx-textbox-ignored')!.reason).toContain('Текст у текстовому полі не належить до плану');
  });
});

describe('readDocx: a table split by a page break (split-table.docx)', () => {
  it('gives two tables with the same header, separated by a page break node', async () => {
    const { tree } = await read('split-table');
    const kinds = tree.children.map((b) => b.type);
    expect(kinds).toEqual(['paragraph', 'paragraph', 'table', 'thematicBreak', 'table', 'paragraph', 'paragraph', 'table']);
    expect(tree.children[3]).toEqual({ type: 'thematicBreak', data: { pageBreak: true } });
    const [a, b] = tables(tree);
    expect(grid(a!)[0]).toEqual(grid(b!)[0]);
    expect(a!.children[0]!.data?.header).toBe(true);
    expect(b!.children[0]!.data?.header).toBe(true);
    expect(grid(b!).slice(1).map((r) => r[0]!.join(''))).toEqual([
      'Впровадження відзнаки «Доступний бізнес»',
      'Проведення інформаційної кампанії з просування культури безбар’єрності',
    ]);
  });
});

describe('readDocx: header repeated by hand (repeated-header.docx)', () => {
  it('marks only the w:tblHeader row as header; the hand-made repeat is a plain row with the same text', async () => {
    const { tree } = await read('repeated-header');
    const [t] = tables(tree);
    expect(t!.children.map((r) => r.data?.header ?? false)).toEqual([true, false, false, false, false]);
    expect(grid(t!)[3]).toEqual(grid(t!)[0]);
  });
});

describe('readDocx: seed documents', () => {
  it('khmelnytskyi-2026-2027: four 4-column plan tables with w:tblHeader rows and 4+4+2+3 measures', async () => {
    const { tree, messages } = await read('khmelnytskyi-2026-2027-action-plan');
    expect(messages).toEqual([]);
    const ts = tables(tree);
    expect(ts.map((t) => t.data)).toEqual(Array(4).fill({ origin: 'docx', columns: 4 }));
    expect(ts.map((t) => t.children.length - 1)).toEqual([4, 4, 2, 3]);
    expect(ts.every((t) => t.children[0]!.data?.header === true && t.children.slice(1).every((r) => !r.data?.header))).toBe(true);
    // A cell continued on an untabbed TXT line is a second paragraph of the cell.
    expect(cellParagraphs(ts[2]!.children[2]!.children[1])).toEqual([
      'Управління культури та туризму, старости Хмельницької міської територіальної громади,',
      'ХМКП «Хмельницькінфоцентр»',
    ]);
    const commitments = texts(tree.children).filter((t) => /^Зобов’язання \d/.test(t));
    expect(commitments).toHaveLength(4);
  });

  it('khmelnytskyi-2021-2022: five columns including Партнери; bookmarks gone; blank lines inside rows do not split them', async () => {
    const { tree } = await read('khmelnytskyi-2021-2022-action-plan');
    const ts = tables(tree);
    expect(ts.map((t) => t.data?.columns)).toEqual([5, 5, 5]);
    expect(ts.map((t) => t.children.length - 1)).toEqual([3, 2, 2]);
    expect(grid(ts[0]!)[0]!.map((c) => c.join(''))).toEqual(['Заходи', 'Відповідальні за виконання', 'Термін реалізації', 'Партнери', 'Очікувані результати']);
    expect(grid(ts[2]!)[1]![2]).toEqual(['жовтень 2021 р. –', 'жовтень 2022 р.']);
    expect(allText(tree)).not.toContain('[bookmark');
  });

  it('kyiv-2025-2026: five annex tables; page-cut continuation rows joined; <p> pieces are paragraphs', async () => {
    const { tree } = await read('kyiv-2025-2026-action-plan');
    const ts = tables(tree);
    expect(ts.map((t) => t.children.length - 1)).toEqual([7, 8, 7, 9, 7]);
    expect(ts.every((t) => t.data?.columns === 5 && t.children.every((r) => r.children.length === 5))).toBe(true);
    expect(grid(ts[0]!)[0]!.map((c) => c.join(''))).toEqual(['№', 'Кроки', 'Відповідальні за виконання', 'Строк', 'Індикатор виконання']);
    for (const t of ts) expect(grid(t).slice(1).map((r) => r[0]!.join(''))).toEqual(grid(t).slice(1).map((_, k) => String(k + 1)));
    // Annex 5, step 2 was cut by a page break in the TXT: one row in the DOCX.
    const step2 = grid(ts[4]!)[2]!;
    expect(step2[1]).toEqual(['Проведення капітального ремонту та облаштування відкритих громадських просторів «Vcentri HUB» у Подільському та Святошинському районах міста Києва']);
    expect(step2[2]).toEqual(['Комунальне некомерційне підприємство виконавчого органу Київської міської ради (Київської міської державної адміністрації) «Центр комунікації»']);
    // Annex 1, step 2: executors given as <p> pieces are separate paragraphs.
    expect(grid(ts[0]!)[2]![2]).toHaveLength(3);
    // Annex 1, step 7 continues with the district administrations as a further executor paragraph.
    expect(grid(ts[0]!)[7]![2]!.at(-1)).toBe('Районні в місті Києві державні адміністрації');
    expect(allText(tree)).not.toMatch(/<\/?p>/);
  });
});

describe('readDocx: bad input', () => {
  it('refuses bytes that are not a ZIP with a one-line DocxReadError carrying the file', async () => {
    const err = await readDocx(new TextEncoder().encode('not a zip at all'), { file: 'bad.docx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocxReadError);
    expect((err as DocxReadError).file).toBe('bad.docx');
    expect((err as DocxReadError).message).toMatch(/^cannot read DOCX: not a valid ZIP container \(.*\)$/);
  });

  it('refuses a ZIP without a Word document part', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocx(bytes, { file: 'x.docx' })).rejects.toThrow(/^cannot read DOCX: no main document part \(word\/document\.xml\)/);
  });

  it('refuses XML with a DTD (entity-expansion attacks)', async () => {
    const zip = await JSZip.loadAsync(fixture('docx', 'repeated-header.docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('?>', '?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaa">]>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocx(bytes, { file: 'dtd.docx' })).rejects.toThrow(/^cannot read DOCX: word\/document\.xml contains a DTD/);
  });

  it('refuses malformed XML', async () => {
    const zip = await JSZip.loadAsync(fixture('docx', 'repeated-header.docx'));
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocx(bytes, { file: 'broken.docx' })).rejects.toThrow(/^cannot read DOCX: word\/document\.xml is not well-formed XML/);
  });

  /** A document whose unzip and parse take far longer than 1 ms on any machine (200,000 paragraphs). */
  const bigDocx = async (): Promise<Uint8Array> => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(200_000)}</w:body></w:document>`);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };

  it('stops a conversion that exceeds the time limit', async () => {
    const slow = makeDocxReader({ timeoutMs: 1 });
    await expect(slow(await bigDocx(), { file: 'big.docx' })).rejects.toThrow('DOCX conversion timed out after 1 ms');
  });

  it('a timed-out conversion does not disturb the next ones (fresh worker), and parallel reads get their own results', async () => {
    const slow = makeDocxReader({ timeoutMs: 1 });
    const big = await bigDocx();
    const [timedOut, a, b] = await Promise.allSettled([
      slow(big, { file: 'big.docx' }),
      read('split-table'),
      read('repeated-header'),
    ]);
    expect(timedOut.status).toBe('rejected');
    expect(a.status === 'fulfilled' && tables(a.value.tree)).toHaveLength(3);
    expect(b.status === 'fulfilled' && tables(b.value.tree)).toHaveLength(1);
  });

  it('stops a conversion that runs out of its heap', async () => {
    const tiny = makeDocxReader({ maxOldGenerationSizeMb: 2 });
    await expect(tiny(await bigDocx(), { file: 'big.docx' })).rejects.toThrow('DOCX conversion ran out of memory (limit 2 MB)');
  });

  it('refuses parts over the size limit before inflating them', async () => {
    const small = makeDocxReader({ maxPartBytes: 1000 });
    await expect(small(fixture('docx', 'kyiv-2025-2026-action-plan.docx'), { file: 'k.docx' })).rejects.toThrow(/^cannot read DOCX: (_rels\/\.rels|word\/document\.xml) is \d+ (KB|bytes) uncompressed \(limit 1000 bytes\)$/);
  });

  it('does not modify the caller’s bytes', async () => {
    const bytes = fixture('docx', 'split-table.docx');
    const copy = new Uint8Array(bytes);
    await readDocx(bytes, { file: 'split-table.docx' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });
});

describe('readDocx: determinism', () => {
  it('gives the same tree for the same bytes', async () => {
    const a = await read('national-layout');
    const b = await read('national-layout');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
