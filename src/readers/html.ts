/**
 * HTML reader (a decision saved from a council website) and the shared HTML → document tree path.
 *
 * rehype-parse builds a hast tree (with source positions) the way browsers parse HTML; the walk
 * keeps what a reader sees as the document: paragraphs, headings, list items (ordered-list numbers
 * become labels, as Word numbering does in the DOCX reader), and tables with colspan/rowspan
 * (same grid builder as DOCX: one cell per grid column, merged placeholders). Page chrome —
 * script, style, nav, header, footer, and the like — is dropped; runs of whitespace become one
 * space; <br> is a '\n' inside the paragraph (as a soft line break in DOCX). A cell's background
 * (bgcolor, or background / background-color in its style, else its row's) is its `fill`.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { linePosition, paragraph, root } from '../doctree/build.js';
import type { BlockNode, DocRoot, HeadingNode, ParagraphNode, Reader } from '../doctree/types.js';
import type { Message } from '../model/message.js';
import { decodeText } from './decode.js';
import { buildTable, type SourceCell, type SourceRow } from './grid.js';
import { formatNumber } from './docx/numbering.js';
import { cellFill, cssBackground, cssColor } from './shading.js';

const SKIP = new Set([
  'script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'head', 'iframe', 'svg', 'math',
  'object', 'embed', 'canvas', 'button', 'select', 'textarea', 'menu', 'input',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html',
  'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HEADINGS: Record<string, HeadingNode['depth']> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Stands for a <br> in gathered text until whitespace is collapsed. */
const BR = '\u0001';

/** Inline text being gathered into one paragraph, with the lines it came from. */
class InlineText {
  parts: string[] = [];
  start?: number;
  end?: number;

  add(text: string, position: Position | undefined): void {
    this.parts.push(text.replaceAll(BR, ''));
    if (position && text.trim() !== '') {
      // Lines of the visible part: skip leading and trailing whitespace lines of the text node.
      const lead = /^\s*/.exec(text)![0];
      const trail = /\s*$/.exec(text)![0];
      const first = position.start.line + (lead.match(/\n/g)?.length ?? 0);
      const last = position.end.line - (trail.match(/\n/g)?.length ?? 0);
      this.start = Math.min(this.start ?? first, first);
      this.end = Math.max(this.end ?? last, last);
    }
  }

  /** A <br>: a line break inside the paragraph. */
  addBreak(): void {
    this.parts.push(BR);
  }

  take(): { text: string; position?: Position } | undefined {
    const text = this.parts
      .join('')
      .replace(/[ \t\n\r\f]+/g, ' ')
      .replace(new RegExp(`[ ${BR}]*${BR}[ ${BR}]*`, 'g'), '\n')
      .trim()
      .normalize('NFC');
    const result = text === '' ? undefined : { text, ...(this.start !== undefined ? { position: linePosition(this.start, this.end) } : {}) };
    this.parts = [];
    delete this.start;
    delete this.end;
    return result;
  }
}

function prop(el: Element, name: string): string | number | boolean | undefined {
  const v = el.properties?.[name];
  if (Array.isArray(v)) return v.join(' ');
  return v === null ? undefined : (v as string | number | boolean | undefined);
}

function intProp(el: Element, name: string): number | undefined {
  const v = prop(el, name);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function listLabel(n: number, type: string | undefined): string {
  const fmt =
    type === 'a' ? 'lowerLetter' : type === 'A' ? 'upperLetter' : type === 'i' ? 'lowerRoman' : type === 'I' ? 'upperRoman' : 'decimal';
  return `${formatNumber(n, fmt) ?? String(n)}.`;
}

class HtmlWalker {
  private tableCount = 0;

  constructor(private readonly messages: Message[]) {}

  /** Walk a sequence of nodes as flow content; the first paragraph may get a label or be a heading. */
  flow(nodes: readonly (RootContent | ElementContent)[], out: BlockNode[], opts: { label?: string; depth?: HeadingNode['depth'] } = {}): void {
    const buf = new InlineText();
    let labelUsed = false;
    const flush = () => {
      const got = buf.take();
      if (!got) return;
      const useLabel = opts.label !== undefined && !labelUsed;
      const text = useLabel ? `${opts.label} ${got.text}` : got.text;
      const data = useLabel ? { label: opts.label! } : undefined;
      if (useLabel) labelUsed = true;
      if (opts.depth) {
        const h: HeadingNode = { type: 'heading', depth: opts.depth, children: [{ type: 'text', value: text }] };
        if (got.position) h.position = got.position;
        if (data) h.data = data;
        out.push(h);
      } else out.push(paragraph(text, got.position, data));
    };
    for (const node of nodes) {
      if (node.type === 'text') buf.add(node.value, node.position);
      else if (node.type === 'element') {
        const tag = node.tagName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') buf.addBreak();
        else if (BLOCK.has(tag)) {
          flush();
          this.block(node, out);
        } else this.inline(node, buf, out, flush);
      }
    }
    flush();
  }

  /** Inline element: its text joins the buffer; a block nested inside (invalid but common) splits. */
  private inline(el: Element, buf: InlineText, out: BlockNode[], flush: () => void): void {
    for (const node of el.children) {
      if (node.type === 'text') buf.add(node.value, node.position);
      else if (node.type === 'element') {
        if (SKIP.has(node.tagName)) continue;
        if (node.tagName === 'br') buf.addBreak();
        else if (BLOCK.has(node.tagName)) {
          flush();
          this.block(node, out);
        } else this.inline(node, buf, out, flush);
      }
    }
  }

  private block(el: Element, out: BlockNode[]): void {
    const tag = el.tagName;
    const depth = HEADINGS[tag];
    if (depth) return this.flow(el.children, out, { depth });
    if (tag === 'hr') return;
    if (tag === 'table') {
      // A caption is text before the table (often the commitment title).
      for (const c of el.children) if (c.type === 'element' && c.tagName === 'caption') this.flow(c.children, out);
      out.push(this.table(el));
      return;
    }
    if (tag === 'ol') {
      const reversed = prop(el, 'reversed') === true;
      const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
      let n = intProp(el, 'start') ?? (reversed ? items.length : 1);
      const type = prop(el, 'type');
      for (const child of el.children) {
        if (child.type !== 'element') continue;
        if (child.tagName !== 'li') {
          this.flow([child], out);
          continue;
        }
        const value = intProp(child, 'value');
        if (value !== undefined) n = value;
        this.flow(child.children, out, { label: listLabel(n, typeof type === 'string' ? type : undefined) });
        n += reversed ? -1 : 1;
      }
      return;
    }
    this.flow(el.children, out);
  }

  private table(el: Element): BlockNode {
    const index = this.tableCount++;
    const rows: SourceRow[] = [];
    const collect = (container: Element, inHead: boolean) => {
      for (const c of container.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'tr') rows.push(this.row(c, inHead));
        else if (c.tagName === 'thead') collect(c, true);
        else if (c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c, false);
      }
    };
    collect(el, false);
    const columns = Math.max(0, ...rows.map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)));
    const pos = el.position ? linePosition(el.position.start.line, el.position.end.line) : undefined;
    return buildTable(rows, columns, 'html', this.messages, index, pos);
  }

  private row(tr: Element, inHead: boolean): SourceRow {
    const cells: SourceCell[] = [];
    const rowFill = background(tr);
    let allTh = true;
    for (const c of tr.children) {
      if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
      if (c.tagName === 'td') allTh = false;
      const blocks: BlockNode[] = [];
      this.flow(c.children, blocks);
      const paragraphs: ParagraphNode[] = [];
      const take = (b: BlockNode) => {
        if (b.type === 'paragraph') paragraphs.push(b);
        else if (b.type === 'heading') {
          const p: ParagraphNode = { type: 'paragraph', children: b.children };
          if (b.position) p.position = b.position;
          if (b.data) p.data = b.data;
          paragraphs.push(p);
        } else if (b.type === 'table') {
          // A nested table contributes its cells' paragraphs row by row.
          for (const r of b.children) for (const cell of r.children) if (!cell.data?.mergedFromAbove) paragraphs.push(...cell.children);
        }
      };
      blocks.forEach(take);
      const cell: SourceCell = { paragraphs, colSpan: Math.max(1, intProp(c, 'colSpan') ?? 1) };
      const fill = cellFillOf(c, rowFill);
      if (fill) cell.fill = fill;
      const rowSpan = intProp(c, 'rowSpan');
      // rowspan="0" means "to the end of the section"; treat as a large span, clamped by the builder.
      if (rowSpan !== undefined && rowSpan !== 1) cell.rowSpan = rowSpan <= 0 ? 65534 : rowSpan;
      if (c.position) cell.position = linePosition(c.position.start.line, c.position.end.line);
      cells.push(cell);
    }
    const row: SourceRow = { cells };
    if (inHead || (allTh && cells.length > 0)) row.header = true;
    if (tr.position) row.position = linePosition(tr.position.start.line, tr.position.end.line);
    return row;
  }
}

/** A table element's own background: `style` wins over the old `bgcolor` attribute. 'none' when set to nothing. */
function background(el: Element): string | 'none' | undefined {
  const style = prop(el, 'style');
  if (typeof style === 'string' && /background/i.test(style)) return cssBackground(style) ?? 'none';
  const bg = prop(el, 'bgColor');
  if (typeof bg === 'string') return cssColor(bg) ?? 'none';
  return undefined;
}

/** A cell's fill: its own background, else its row's; white is no fill. */
function cellFillOf(cell: Element, rowFill: string | 'none' | undefined): string | undefined {
  const own = background(cell) ?? rowFill;
  return own === undefined || own === 'none' ? undefined : cellFill(own);
}

/** The shared HTML → document tree path. */
export function htmlToTree(html: string, messages: Message[]): DocRoot {
  const hast = unified().use(rehypeParse).parse(html) as HastRoot;
  const blocks: BlockNode[] = [];
  new HtmlWalker(messages).flow(hast.children, blocks);
  return root(blocks);
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i;

/** Decode HTML bytes: BOM, then a declared <meta> charset, then detection. */
export function decodeHtml(input: Uint8Array): string {
  const hasBom =
    (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) ||
    (input[0] === 0xff && input[1] === 0xfe) ||
    (input[0] === 0xfe && input[1] === 0xff);
  if (!hasBom) {
    let head = '';
    for (let i = 0; i < Math.min(4096, input.length); i++) head += String.fromCharCode(input[i]!);
    const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      try {
        return new TextDecoder(declared, { fatal: true }).decode(input).normalize('NFC');
      } catch {
        // unknown label or bytes that do not fit the declaration: detect instead
      }
    }
  }
  return decodeText(input).text;
}

export const readHtml: Reader = async (input) => {
  const messages: Message[] = [];
  return { format: 'html', tree: htmlToTree(decodeHtml(input), messages), messages };
};
