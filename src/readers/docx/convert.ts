/**
 * WordprocessingML (document.xml element tree) → document tree.
 *
 * What Word shows is what the tree gets:
 * - tracked insertions kept, deletions (w:del, w:moveFrom, deleted table rows) dropped;
 * - automatic numbering labels recomputed (see numbering.ts) and written before the text;
 * - soft line breaks (w:br, w:cr: Shift+Enter) become '\n' inside the paragraph's text (they often separate
 *   names in an executors cell); tabs become spaces; explicit page and section breaks
 *   between body paragraphs become `thematicBreak` nodes with `data.pageBreak`;
 * - comments, footnote/endnote text and text boxes are not mixed into paragraphs or cells (text
 *   boxes and footnote references are reported in messages so nothing disappears silently);
 * - tables: w:tblHeader rows are `header`, w:gridSpan / w:vMerge become spans with placeholders
 *   (../grid.ts), several paragraphs of a cell stay separate paragraphs, cell shading (w:shd) is `fill`.
 */
import { paragraph as makeParagraph, root } from '../../doctree/build.js';
import type { BlockNode, DocRoot, HeadingNode, ParagraphNode } from '../../doctree/types.js';
import { warning, type Message } from '../../model/message.js';
import { buildTable, type SourceCell, type SourceRow } from '../grid.js';
import { NumberingState } from './numbering.js';
import { shadingFill, themeColors, type ThemeColors } from './shading.js';
import type { DocxParts, XNode } from './worker.js';
import { attr, child, children, elements, findDeep, isOn } from './xml.js';

interface StyleInfo {
  name?: string;
  type?: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

function readStyles(styles: XNode | undefined): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  for (const s of children(styles, 'w:style')) {
    const id = attr(s, 'w:styleId');
    if (id === undefined) continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const info: StyleInfo = {};
    const name = attr(child(s, 'w:name'), 'w:val');
    if (name !== undefined) info.name = name;
    const type = attr(s, 'w:type');
    if (type !== undefined) info.type = type;
    const basedOn = attr(child(s, 'w:basedOn'), 'w:val');
    if (basedOn !== undefined) info.basedOn = basedOn;
    const numId = attr(child(numPr, 'w:numId'), 'w:val');
    if (numId !== undefined) info.numId = numId;
    const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
    if (ilvl !== undefined) info.ilvl = Number(ilvl);
    map.set(id, info);
  }
  return map;
}

const HEADING = /^(?:heading|заголовок)\s*([1-9])$/i;

/**
 * Elements known to carry no visible document text, skipped on purpose (properties, bookmarks,
 * comment and permission ranges, proofing marks, deletions, field codes, math). Any other
 * element is reported once per name (`docx-element-unknown`), so nothing is dropped silently.
 */
const IGNORED = new Set([
  'w:sectPr', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:tblPrEx', 'w:sdtPr', 'w:sdtEndPr',
  'w:bookmarkStart', 'w:bookmarkEnd', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference',
  'w:permStart', 'w:permEnd', 'w:proofErr', 'w:del', 'w:moveFrom', 'w:moveFromRangeStart', 'w:moveFromRangeEnd',
  'w:moveToRangeStart', 'w:moveToRangeEnd', 'w:customXmlInsRangeStart', 'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart', 'w:customXmlDelRangeEnd', 'w:customXmlMoveFromRangeStart', 'w:customXmlMoveFromRangeEnd',
  'w:customXmlMoveToRangeStart', 'w:customXmlMoveToRangeEnd', 'w:customXmlPr', 'w:delText', 'w:delInstrText',
  'w:instrText', 'w:fldChar', 'w:lastRenderedPageBreak', 'w:softHyphen', 'w:annotationRef', 'w:separator',
  'w:continuationSeparator', 'w:footnoteRef', 'w:endnoteRef', 'w:dayShort', 'w:monthShort', 'w:yearShort',
  'w:dayLong', 'w:monthLong', 'w:yearLong', 'w:pgNum', 'w:contentPart', 'w:rubyPr', 'w:rt', 'w:subDoc',
  'm:oMath', 'm:oMathPara', 'w:fldData', 'w:ffData', 'w:rsid',
]);
const PAGE_SECTION_TYPES = new Set(['nextPage', 'oddPage', 'evenPage']);

interface ParagraphRead {
  /** Text pieces separated by explicit page breaks. */
  segments: string[];
  style?: string;
  depth?: HeadingNode['depth'];
  label?: string;
  pageBreakBefore: boolean;
  sectionBreakAfter: boolean;
}

export class DocxConverter {
  private readonly styles: Map<string, StyleInfo>;
  private readonly numbering: NumberingState;
  private readonly theme: ThemeColors;
  private tableCount = 0;
  /** Names of unknown elements already reported. */
  private readonly unknown = new Set<string>();
  /** Text of a paragraph whose mark was deleted, waiting for the next paragraph of the same container. */
  private carry: string | undefined;
  private footnoteRefs = 0;
  private endnoteRefs = 0;

  constructor(
    private readonly parts: DocxParts,
    private readonly messages: Message[],
  ) {
    this.styles = readStyles(parts.styles);
    this.theme = themeColors(parts.theme);
    this.numbering = new NumberingState(parts.numbering, (styleId) => this.styles.get(styleId)?.numId, messages);
  }

  convert(): DocRoot {
    const body = child(this.parts.document, 'w:body');
    if (!body) throw new Error('the main document part has no w:body');
    const blocks: BlockNode[] = [];
    this.blocks(body, blocks);
    this.flushCarry(blocks);
    // No page break at the very start or end, and never two in a row.
    const cleaned = blocks.filter((b, i) => {
      if (b.type !== 'thematicBreak') return true;
      const prev = blocks[i - 1];
      return i > 0 && i < blocks.length - 1 && prev?.type !== 'thematicBreak';
    });
    if (this.footnoteRefs > 0 || this.endnoteRefs > 0) {
      const what = [
        this.footnoteRefs > 0 ? `${this.footnoteRefs} footnote(s)` : '',
        this.endnoteRefs > 0 ? `${this.endnoteRefs} endnote(s)` : '',
      ].filter(Boolean);
      this.messages.push(warning('docx-notes-ignored', `${what.join(' and ')} not read into the document text`));
    }
    if (this.parts.ignoredParts.includes('aFChunk')) {
      this.messages.push(warning('docx-altchunk-ignored', 'embedded alternative-format content (altChunk) is not read'));
    }
    return root(cleaned);
  }

  // ---------------------------------------------------------------------------------------------

  private blocks(container: XNode, out: BlockNode[]): void {
    for (const el of elements(container)) {
      switch (el.n) {
        case 'w:p':
          this.bodyParagraph(el, out);
          break;
        case 'w:tbl':
          this.flushCarry(out);
          out.push(this.table(el));
          break;
        case 'w:sdt':
          this.blocks(child(el, 'w:sdtContent') ?? { n: 'w:sdtContent' }, out);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.blocks(el, out);
          break;
        case 'w:altChunk':
          this.messages.push(warning('docx-altchunk-ignored', 'embedded alternative-format content (altChunk) is not read'));
          break;
        default:
          this.skip(el); // sectPr, bookmarks, w:del / w:moveFrom blocks, proofing marks
      }
    }
  }

  private bodyParagraph(p: XNode, out: BlockNode[]): void {
    const read = this.paragraph(p);
    if (!read) return;
    if (read.pageBreakBefore) out.push(pageBreak());
    read.segments.forEach((segment, k) => {
      if (k > 0) out.push(pageBreak());
      const text = k === 0 && read.label ? joinLabel(read.label, segment) : segment;
      if (text.trim() === '') return;
      const data: ParagraphNode['data'] = {};
      if (k === 0 && read.label) data.label = read.label;
      if (read.style) data.style = read.style;
      const node = makeParagraph(text, undefined, Object.keys(data).length > 0 ? data : undefined);
      if (read.depth) {
        const heading: HeadingNode = { type: 'heading', depth: read.depth, children: node.children };
        if (node.data) heading.data = node.data;
        out.push(heading);
      } else out.push(node);
    });
    if (read.sectionBreakAfter) out.push(pageBreak());
  }

  /** A deleted paragraph mark with no paragraph after it in its container: keep the text as a paragraph. */
  private flushCarry(out: BlockNode[] | ParagraphNode[]): void {
    if (this.carry === undefined) return;
    (out as ParagraphNode[]).push(makeParagraph(this.carry));
    this.carry = undefined;
  }

  /** Paragraphs of a table cell: page breaks inside a cell are spaces; no headings in cells. */
  private cellParagraph(p: XNode): ParagraphNode | undefined {
    const read = this.paragraph(p);
    if (!read) return undefined;
    const joined = read.segments.join(' ');
    const text = read.label ? joinLabel(read.label, joined) : joined;
    if (text.trim() === '') return undefined;
    const data: ParagraphNode['data'] = {};
    if (read.label) data.label = read.label;
    if (read.style) data.style = read.style;
    return makeParagraph(text, undefined, Object.keys(data).length > 0 ? data : undefined);
  }

  /** Read one w:p: its text (by page-break segments), style, heading depth and numbering label. */
  private paragraph(p: XNode): ParagraphRead | undefined {
    const pPr = child(p, 'w:pPr');
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
    const segments: string[] = [''];
    this.inline(p, segments);
    if (this.carry !== undefined) {
      segments[0] = this.carry + segments[0];
      this.carry = undefined;
    }
    const normalized = segments.map(tidyBreaks);
    // A deleted paragraph mark (tracked): with the change accepted, this paragraph's text runs on
    // into the next paragraph, which keeps its own properties (style, numbering).
    if (child(child(pPr, 'w:rPr'), 'w:del') !== undefined) {
      const text = normalized.join(' ');
      if (text.trim() !== '') this.carry = text;
      return undefined;
    }

    const read: ParagraphRead = {
      segments: normalized,
      pageBreakBefore: isOn(child(pPr, 'w:pageBreakBefore')),
      sectionBreakAfter: false,
    };
    const sect = child(pPr, 'w:sectPr');
    if (sect) read.sectionBreakAfter = PAGE_SECTION_TYPES.has(attr(child(sect, 'w:type'), 'w:val') ?? 'nextPage');

    const chain = this.styleChain(styleId);
    const styleName = chain[0]?.name ?? styleId;
    if (styleName !== undefined) read.style = styleName;
    for (const s of chain) {
      const m = s.name !== undefined ? HEADING.exec(s.name) : null;
      if (m) {
        read.depth = Math.min(6, Number(m[1])) as HeadingNode['depth'];
        break;
      }
    }

    // Numbering: direct w:numPr wins over the style's.
    const numPr = child(pPr, 'w:numPr');
    let numId = attr(child(numPr, 'w:numId'), 'w:val');
    let ilvlText = attr(child(numPr, 'w:ilvl'), 'w:val');
    if (numId === undefined || ilvlText === undefined) {
      for (const s of chain) {
        if (numId === undefined && s.numId !== undefined) numId = s.numId;
        if (ilvlText === undefined && s.ilvl !== undefined) ilvlText = String(s.ilvl);
      }
    }
    if (numId !== undefined) {
      const label = this.numbering.next(numId, Number(ilvlText ?? '0') || 0);
      if (label) {
        read.label = label.label;
        if (label.separator === '') read.segments[0] = `\u0000${read.segments[0] ?? ''}`;
      }
    }
    return read;
  }

  private styleChain(styleId: string | undefined): StyleInfo[] {
    const chain: StyleInfo[] = [];
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      chain.push(s);
      id = s.basedOn;
    }
    return chain;
  }

  /** Collect the visible text of paragraph content into `segments` (a new one per page break). */
  private inline(node: XNode, segments: string[]): void {
    const add = (s: string) => {
      segments[segments.length - 1] += s;
    };
    for (const el of elements(node)) {
      switch (el.n) {
        case 'w:r':
          this.run(el, segments, add);
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.inline(el, segments);
          break;
        case 'w:sdt':
          this.inline(child(el, 'w:sdtContent') ?? { n: 'w:sdtContent' }, segments);
          break;
        case 'mc:AlternateContent':
          this.alternate(el, segments);
          break;
        default:
          this.skip(el); // w:del, w:moveFrom, w:pPr, bookmarks, comment ranges, proofing marks, math
      }
    }
  }

  private run(r: XNode, segments: string[], add: (s: string) => void): void {
    for (const el of elements(r)) {
      switch (el.n) {
        case 'w:t':
          add((el.c ?? []).filter((x): x is string => typeof x === 'string').join(''));
          break;
        case 'w:tab':
        case 'w:ptab':
          add(' ');
          break;
        case 'w:cr':
          add('\n');
          break;
        case 'w:br':
          if (attr(el, 'w:type') === 'page') segments.push('');
          else add('\n'); // textWrapping (Shift+Enter) and column breaks
          break;
        case 'w:noBreakHyphen':
          add('-');
          break;
        case 'w:sym': {
          const code = Number.parseInt(attr(el, 'w:char') ?? '', 16);
          if (Number.isFinite(code) && code > 0) add(String.fromCodePoint(code >= 0xf020 && code <= 0xf0ff ? code - 0xf000 : code));
          break;
        }
        case 'w:ruby':
          this.inline(child(el, 'w:rubyBase') ?? { n: 'w:rubyBase' }, segments);
          break;
        case 'w:footnoteReference':
          this.footnoteRefs++;
          break;
        case 'w:endnoteReference':
          this.endnoteRefs++;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.textBoxes(el);
          break;
        case 'mc:AlternateContent':
          this.alternate(el, segments);
          break;
        default:
          this.skip(el); // w:rPr, w:delText, w:instrText, w:fldChar, comment references, lastRenderedPageBreak
      }
    }
  }

  /** mc:AlternateContent: drawings/text boxes are reported; other content is read from the first choice. */
  private alternate(el: XNode, segments: string[]): void {
    if (findDeep(el, 'w:txbxContent')) {
      // Choice and Fallback hold the same text box twice; report it once.
      const choice = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
      if (choice) this.textBoxes(choice);
      return;
    }
    const choice = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
    if (!choice) return;
    if (elements(choice).some((c) => c.n === 'w:r')) this.inline(choice, segments);
    else this.run(choice, segments, (s) => (segments[segments.length - 1] += s));
  }

  private textBoxes(el: XNode): void {
    const contents: XNode[] = [];
    const walk = (n: XNode) => {
      for (const c of elements(n)) {
        if (c.n === 'w:txbxContent') contents.push(c);
        else walk(c);
      }
    };
    walk(el);
    for (const content of contents) {
      const texts: string[] = [];
      const collect = (n: XNode) => {
        for (const c of elements(n)) {
          if (c.n === 'w:p') {
            const segs = [''];
            this.inline(c, segs);
            const t = segs.join(' ').trim();
            if (t) texts.push(t);
          } else collect(c);
        }
      };
      collect(content);
      const text = texts.join(' ').normalize('NFC');
      if (text === '') continue;
      const shown = text.length > 100 ? `${text.slice(0, 100)}…` : text;
      this.messages.push(warning('docx-textbox-ignored', `text box not read as document text: «${shown}»`));
    }
  }

  /** An element not read: silent when on the ignore list, else reported once per name with its table. */
  private skip(el: XNode): void {
    if (IGNORED.has(el.n) || this.unknown.has(el.n)) return;
    this.unknown.add(el.n);
    const inTable = this.currentTable;
    this.messages.push(
      warning('docx-element-unknown', `unknown element <${el.n}> not read${inTable ? '' : ' (outside tables)'}; its text, if any, is missing`, inTable ? { table: inTable } : {}),
    );
  }

  /** 1-based number of the table being read, if any. */
  private currentTable: number | undefined;

  // ---------------------------------------------------------------------------------------------

  private table(tbl: XNode): BlockNode {
    const index = this.tableCount++;
    const gridColumns = children(child(tbl, 'w:tblGrid'), 'w:gridCol').length;
    const rows: SourceRow[] = [];
    const collectRows = (container: XNode) => {
      for (const el of elements(container)) {
        if (el.n === 'w:tr') {
          const row = this.row(el);
          if (row) rows.push(row);
        } else if (el.n === 'w:sdt') collectRows(child(el, 'w:sdtContent') ?? { n: 'w:sdtContent' });
        else if (el.n === 'w:customXml' || el.n === 'w:ins' || el.n === 'w:moveTo') collectRows(el);
      }
    };
    const outer = this.currentTable;
    this.currentTable = index + 1;
    collectRows(tbl);
    this.currentTable = outer;
    return buildTable(rows, gridColumns, 'docx', this.messages, index);
  }

  private row(tr: XNode): SourceRow | undefined {
    const trPr = child(tr, 'w:trPr');
    if (child(trPr, 'w:del')) return undefined; // tracked deletion of the whole row
    const cells: SourceCell[] = [];
    const collectCells = (container: XNode) => {
      for (const el of elements(container)) {
        if (el.n === 'w:tc') cells.push(this.cell(el));
        else if (el.n === 'w:sdt') collectCells(child(el, 'w:sdtContent') ?? { n: 'w:sdtContent' });
        else if (el.n === 'w:customXml') collectCells(el);
      }
    };
    collectCells(tr);
    const row: SourceRow = { cells };
    if (isOn(child(trPr, 'w:tblHeader'))) row.header = true;
    const before = Number.parseInt(attr(child(trPr, 'w:gridBefore'), 'w:val') ?? '0', 10);
    if (before > 0) row.gridBefore = before;
    return row;
  }

  private cell(tc: XNode): SourceCell {
    const tcPr = child(tc, 'w:tcPr');
    const span = Number.parseInt(attr(child(tcPr, 'w:gridSpan'), 'w:val') ?? '1', 10);
    const vMergeEl = child(tcPr, 'w:vMerge');
    const paragraphs: ParagraphNode[] = [];
    const outer = this.carry;
    this.carry = undefined;
    this.cellContent(tc, paragraphs);
    this.flushCarry(paragraphs);
    this.carry = outer;
    const cell: SourceCell = { paragraphs, colSpan: Number.isFinite(span) && span > 0 ? span : 1 };
    if (vMergeEl) cell.vMerge = attr(vMergeEl, 'w:val') === 'restart' ? 'restart' : 'continue';
    const fill = shadingFill(child(tcPr, 'w:shd'), this.theme);
    if (fill) cell.fill = fill;
    return cell;
  }

  /** Paragraphs of a cell in order; a nested table contributes its cells' paragraphs row by row. */
  private cellContent(container: XNode, out: ParagraphNode[]): void {
    for (const el of elements(container)) {
      if (el.n === 'w:p') {
        const p = this.cellParagraph(el);
        if (p) out.push(p);
      } else if (el.n === 'w:tbl') {
        for (const tr of children(el, 'w:tr')) for (const tc of children(tr, 'w:tc')) this.cellContent(tc, out);
      } else if (el.n === 'w:sdt') this.cellContent(child(el, 'w:sdtContent') ?? { n: 'w:sdtContent' }, out);
      else if (el.n === 'w:customXml' || el.n === 'w:ins' || el.n === 'w:moveTo') this.cellContent(el, out);
    }
  }
}

function pageBreak(): BlockNode {
  return { type: 'thematicBreak', data: { pageBreak: true } };
}

/** NFC; a soft line break swallows the spaces around it, repeated breaks count once, none at the ends. */
function tidyBreaks(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[ \t]*\n[\s]*/g, '\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Label + text as Word shows them (a tab or space between; nothing when w:suff is nothing). */
function joinLabel(label: string, text: string): string {
  if (text.startsWith('\u0000')) return label + text.slice(1);
  const t = text.replace(/^\s+/, '');
  return t === '' ? label : `${label} ${t}`;
}
