/**
 * Hand-written WordprocessingML for constructs the generated fixtures do not contain (what Word
 * itself writes: content controls, fields, hyperlinks, moves, deleted rows, style-linked
 * numbering, …), packed into minimal DOCX files and read through the real reader (worker included).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellParagraphs, nodeText } from '../../../src/doctree/build.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { flags, grid, tables, texts } from './helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docx(body: string, parts: { styles?: string; numbering?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/numbering.xml"/>',
  ];
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
  );
  zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles xmlns:w="${W}">${parts.styles ?? ''}</w:styles>`);
  zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering xmlns:w="${W}">${parts.numbering ?? ''}</w:numbering>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const read = async (body: string, parts?: { styles?: string; numbering?: string }) => (await readDocx(await docx(body, parts), { file: 't.docx' })).tree;

describe('OOXML constructs Word writes', () => {
  it('content controls, hyperlinks, smart tags and field results are text; field codes are not', async () => {
    const tree = await read(
      p(
        `<w:sdt><w:sdtPr/><w:sdtContent>${r('Рішення ')}</w:sdtContent></w:sdt>` +
          `<w:hyperlink><w:r><w:t>сайт</w:t></w:r></w:hyperlink>` +
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(' 7')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          `<w:fldSimple w:instr="DATE"><w:r><w:t> 2026</w:t></w:r></w:fldSimple>` +
          `<w:smartTag><w:r><w:t>!</w:t></w:r></w:smartTag>`,
      ) + `<w:sdt><w:sdtContent>${p(r('Блок у контролі вмісту'))}</w:sdtContent></w:sdt>`,
    );
    expect(texts(tree.children)).toEqual(['Рішення сайт 7 2026!', 'Блок у контролі вмісту']);
  });

  it('moves: moved-from text dropped, moved-to kept; symbols, non-breaking hyphens, soft hyphens, carriage returns', async () => {
    const tree = await read(
      p(`<w:moveFrom>${r('старе місце ')}</w:moveFrom>${r('02.2025')}<w:r><w:noBreakHyphen/></w:r>${r('03.2025')}<w:moveTo>${r(' нове')}</w:moveTo>`) +
        p(`<w:r><w:t>пере</w:t><w:softHyphen/><w:t>нос</w:t><w:cr/><w:t>далі</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`),
    );
    expect(texts(tree.children)).toEqual(['02.2025-03.2025 нове', 'перенос\nдалі·']);
  });

  it('a deleted paragraph mark joins the paragraph to the next one (no space added, as Word shows it; the next one’s numbering), in the body and in cells', async () => {
    const del = '<w:rPr><w:del w:id="9" w:author="x" w:date="2026-01-01T00:00:00Z"/></w:rPr>';
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const tree = await read(
      p(r('Перший '), num + del) +
        p(r('рядок'), num) +
        p(r('Другий'), num) +
        p(r('хвіст перед таблицею'), del) +
        `<w:tbl><w:tr>${cell(p(r('Управління економіки, '), del) + p(r('КУ «Агенція»')) + p(r('залишок'), del))}</w:tr></w:tbl>`,
      { numbering },
    );
    expect(texts(tree.children)).toEqual(['1. Перший рядок', '2. Другий', 'хвіст перед таблицею']);
    expect(grid(tables(tree)[0]!)).toEqual([[['Управління економіки, КУ «Агенція»', 'залишок']]]);
  });

  it('explicit page breaks and page-starting section breaks become page-break nodes; empty paragraphs vanish', async () => {
    const tree = await read(
      p(`${r('до')}<w:r><w:br w:type="page"/></w:r>${r('після')}`) +
        p('') +
        p(r('новий розділ'), '<w:pageBreakBefore/>') +
        p(r('кінець розділу'), '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>') +
        p(r('неперервний'), '<w:sectPr><w:type w:val="continuous"/></w:sectPr>') +
        p(r('останній')),
    );
    expect(tree.children.map((b) => (b.type === 'thematicBreak' ? '---' : b.type === 'table' ? 'table' : nodeText(b)))).toEqual([
      'до', '---', 'після', '---', 'новий розділ', 'кінець розділу', '---', 'неперервний', 'останній',
    ]);
  });

  it('heading styles (through basedOn) become headings with the style name; other styles stay paragraphs', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="Мій заголовок"/><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/></w:style>';
    const tree = await read(p(r('Розділ'), '<w:pStyle w:val="MyHead"/>') + p(r('Текст'), '<w:pStyle w:val="Body"/>'), { styles });
    expect(tree.children).toEqual([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Розділ' }], data: { style: 'Мій заголовок' } },
      { type: 'paragraph', children: [{ type: 'text', value: 'Текст' }], data: { style: 'Body Text' } },
    ]);
  });

  it('numbering from a paragraph style, a numbering-style link, and a level override with its own w:lvl', async () => {
    const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="10">${lvl(0, 'decimal', 'Зобов’язання %1.')}${lvl(1, 'decimal', '%1.%2.')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="PlanList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="12"><w:styleLink w:val="PlanList"/>${lvl(0, 'upperLetter', '%1)')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0">${lvl(0, 'upperRoman', 'Розділ %1', 5)}</w:lvlOverride></w:num>`;
    const styles =
      '<w:style w:type="paragraph" w:styleId="Commitment"><w:name w:val="Commitment"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="numbering" w:styleId="PlanList"><w:name w:val="Plan list"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>';
    const tree = await read(
      p(r('Перше'), '<w:pStyle w:val="Commitment"/>') +
        p(r('захід'), '<w:pStyle w:val="Commitment"/><w:numPr><w:ilvl w:val="1"/></w:numPr>') +
        p(r('захід'), '<w:pStyle w:val="Commitment"/><w:numPr><w:ilvl w:val="1"/></w:numPr>') +
        p(r('Друге'), '<w:pStyle w:val="Commitment"/>') +
        p(r('літера'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>') +
        p(r('літера'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>') +
        p(r('без номера'), '<w:pStyle w:val="Commitment"/><w:numPr><w:numId w:val="0"/></w:numPr>') +
        p(r('римський'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
      { styles, numbering },
    );
    expect(texts(tree.children)).toEqual([
      'Зобов’язання 1. Перше',
      '1.1. захід',
      '1.2. захід',
      'Зобов’язання 2. Друге',
      'A) літера',
      'B) літера',
      'без номера',
      'Розділ V римський',
    ]);
  });

  it('tables: deleted rows dropped, gridBefore, nested table flattened, header off when w:val="0", text box in a cell reported not mixed', async () => {
    const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const tbl =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr><w:trPr><w:tblHeader w:val="0"/></w:trPr>${tc(p(r('a')))}${tc(p(r('b')))}${tc(p(r('c')))}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"/></w:trPr>${tc(p(r('видалений')))}${tc(p(''))}${tc(p(''))}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('d')))}${tc(
        p(r('e')) +
          `<w:tbl><w:tr>${tc(p(r('n1')))}${tc(p(r('n2')))}</w:tr></w:tbl>` +
          p(
            `${r('f')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('поле'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('поле'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
          ),
      )}</w:tr>` +
      '</w:tbl>';
    const result = await readDocx(await docx(tbl), { file: 't.docx' });
    const [t] = tables(result.tree);
    expect(t!.children.map((row) => row.data?.header ?? false)).toEqual([false, false]);
    expect(grid(t!)).toEqual([
      [['a'], ['b'], ['c']],
      [[], ['d'], ['e', 'n1', 'n2', 'f']],
    ]);
    expect(t!.children[1]!.children.map(flags)).toEqual(['', '', '']);
    expect(result.messages).toEqual([
      { code: 'docx-textbox-ignored', severity: 'warning', reason: 'text box not read as document text: «поле»', place: {} },
    ]);
    expect(cellParagraphs(t!.children[1]!.children[2]).join(' ')).not.toContain('поле');
  });

  it('Strict OOXML namespace is read like Transitional', async () => {
    const zip = await JSZip.loadAsync(await docx(p(r('Суворий формат'))));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace(W, 'http://purl.oclc.org/ooxml/wordprocessingml/main'));
    const tree = (await readDocx(await zip.generateAsync({ type: 'uint8array' }), { file: 's.docx' })).tree;
    expect(texts(tree.children)).toEqual(['Суворий формат']);
  });
});

describe('cell shading (w:shd) and soft line breaks', () => {
  const tc = (inner: string, shd = '') => `<w:tc><w:tcPr>${shd}</w:tcPr>${p(inner)}</w:tc>`;

  it('reads w:shd into data.fill (fill colour, solid and percentage patterns); none, auto and white give no fill', async () => {
    const tree = await read(
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>` +
        tc('', '<w:shd w:val="clear" w:color="auto" w:fill="d9d9d9"/>') +
        tc('', '<w:shd w:val="solid" w:color="808080" w:fill="auto"/>') +
        tc('', '<w:shd w:val="pct50" w:color="auto" w:fill="auto"/>') +
        tc('', '<w:shd w:val="clear" w:color="auto" w:fill="auto"/>') +
        tc('', '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>') +
        tc('', '<w:shd w:val="nil"/>') +
        `</w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:shd w:val="clear" w:fill="BFBFBF" w:themeFill="background1" w:themeFillShade="BF"/></w:tcPr>${p(r('+'))}</w:tc>${tc('')}${tc('')}${tc('')}${tc('')}</w:tr></w:tbl>`,
    );
    const [t] = tables(tree);
    expect(t!.children[0]!.children.map((c) => c.data?.fill ?? null)).toEqual(['D9D9D9', '808080', '808080', null, null, null]);
    // a spanning cell's placeholders carry its fill
    expect(t!.children[1]!.children.slice(0, 3).map((c) => c.data?.fill ?? null)).toEqual(['BFBFBF', 'BFBFBF', null]);
  });

  it('Shift+Enter (w:br) and w:cr are a newline inside one paragraph; page breaks in a cell are spaces', async () => {
    const tree = await read(
      `<w:tbl><w:tr><w:tc>${p(`${r('Департамент освіти міської ради ')}<w:r><w:br/></w:r>${r(' Молодіжна рада при міському голові')}<w:r><w:br/></w:r>`)}</w:tc></w:tr></w:tbl>` +
        p(`${r('Назва')}<w:r><w:br/><w:br/><w:t>далі</w:t></w:r>`),
    );
    const [t] = tables(tree);
    expect(cellParagraphs(t!.children[0]!.children[0])).toEqual(['Департамент освіти міської ради\nМолодіжна рада при міському голові']);
    expect(texts(tree.children.filter((b) => b.type !== 'table'))).toEqual(['Назва\nдалі']);
  });
});

describe('unknown DOCX elements', () => {
  it('skips the ignore list silently and warns once per unknown element name, with its table', async () => {
    const bytes = await docx(
      p(`<w:bookmarkStart w:id="1" w:name="x"/>${r('Текст')}<w:bookmarkEnd w:id="1"/><w:proofErr w:type="spellStart"/>`) +
        p(`<w:futureThing><w:r><w:t>сховане</w:t></w:r></w:futureThing>${r('видиме')}`) +
        `<w:tbl><w:tr><w:tc>${p(`<w:futureThing/><w:otherThing/>${r('клітинка')}`)}</w:tc></w:tr></w:tbl>`,
    );
    const { tree, messages } = await readDocx(bytes, { file: 't.docx' });
    expect(texts(tree.children.filter((b) => b.type !== 'table'))).toEqual(['Текст', 'видиме']);
    expect(messages.map((m) => [m.code, m.severity, m.place])).toEqual([
      ['docx-element-unknown', 'warning', {}],
      ['docx-element-unknown', 'warning', { table: 1 }],
    ]);
    expect(messages[0]!.reason).toContain('<w:futureThing>');
    expect(messages[1]!.reason).toContain('<w:otherThing>');
  });
});
