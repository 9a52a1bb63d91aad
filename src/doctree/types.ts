/**
 * The document tree every reader produces and every extractor consumes.
 *
 * It is mdast (the unified/remark syntax tree) with three conventions:
 * - a `tableCell` holds `paragraph` nodes, one per paragraph of the source cell
 *   (mdast allows only phrasing content there; we keep paragraphs because
 *   paragraph breaks inside a cell separate executors);
 * - spans and origins travel in `data` (see the *Data interfaces below);
 * - every node carries a unist `position` when the source has lines (TXT, HTML),
 *   and `data.page` when it has pages (PDF).
 *
 * Readers never interpret content (no commitments, no dates): they only rebuild
 * the document's structure. Extraction runs on this tree only.
 */
import type { Position } from 'unist';
import type { Message } from '../model/message.js';

export interface NodeData {
  /** 1-based page of origin (PDF, or DOCX when page breaks are known). */
  page?: number;
  /** The text was recognised from an image (OCR) rather than read from a text layer. */
  source?: 'ocr';
  /** OCR recognition confidence 0–100 (Tesseract word confidences, weighted by length). */
  confidence?: number;
}

export interface TextNode {
  type: 'text';
  value: string;
  position?: Position;
  data?: NodeData;
}

export interface ParagraphNode {
  type: 'paragraph';
  children: TextNode[];
  position?: Position;
  data?: NodeData & {
    /** Numbering label recovered from automatic numbering, e.g. "1." (DOCX). */
    label?: string;
    /** Paragraph style name when the source has one (DOCX). */
    style?: string;
  };
}

export interface HeadingNode {
  type: 'heading';
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  children: TextNode[];
  position?: Position;
  data?: ParagraphNode['data'];
}

export interface TableCellData extends NodeData {
  /** Number of grid columns this cell covers (gridSpan / colspan). Default 1. */
  colSpan?: number;
  /** Number of rows this cell covers (vMerge / rowspan), on the first cell only. Default 1. */
  rowSpan?: number;
  /**
   * True on the placeholder cells a reader inserts where a merged cell from above
   * continues, so every row has one cell per grid column. Their paragraphs repeat
   * the merged value.
   */
  mergedFromAbove?: boolean;
  /** True on placeholders covered by a horizontally merged cell to the left. */
  mergedFromLeft?: boolean;
  /**
   * The cell's shading (background) as upper-case hex RGB without '#', e.g. 'D9D9D9'; absent
   * when the cell has none, 'auto' or white. Placeholders of a merged cell carry the origin's
   * fill. Gantt-style plans mark active periods this way (DOCX w:shd, HTML background, a
   * filled rectangle behind a PDF cell).
   */
  fill?: string;
}

export interface TableCellNode {
  type: 'tableCell';
  children: ParagraphNode[];
  position?: Position;
  data?: TableCellData;
}

export interface TableRowData extends NodeData {
  /** A header row (marked as such in the source: <th>, w:tblHeader, or detected by a reader). */
  header?: boolean;
  /**
   * The reader saw this row continue the previous one across a page break
   * (e.g. a PDF row with no top border). Extraction merges it upward.
   */
  continuation?: boolean;
}

export interface TableRowNode {
  type: 'tableRow';
  children: TableCellNode[];
  position?: Position;
  data?: TableRowData;
}

export interface TableData extends NodeData {
  /** How the reader found the table. */
  origin?: 'txt-cells' | 'txt-tsv' | 'docx' | 'html' | 'pdf' | 'ocr';
  /** Number of grid columns. */
  columns?: number;
}

export interface TableNode {
  type: 'table';
  children: TableRowNode[];
  position?: Position;
  data?: TableData;
}

export interface ThematicBreakNode {
  type: 'thematicBreak';
  position?: Position;
  data?: NodeData & { pageBreak?: boolean };
}

export type BlockNode = HeadingNode | ParagraphNode | TableNode | ThematicBreakNode;

export interface DocRoot {
  type: 'root';
  children: BlockNode[];
  position?: Position;
  data?: {
    /** Number of pages when the source has pages. */
    pages?: number;
  };
}

/** Formats of a source document (one definition: src/model/national.ts). */
export type { SourceFormat } from '../model/national.js';
import type { SourceFormat } from '../model/national.js';

export interface ReadResult {
  format: SourceFormat;
  tree: DocRoot;
  /** What the reader noticed (warnings with their places). */
  messages: Message[];
  pages?: number;
}

/** Every reader has this shape. */
export interface ReadOptions {
  file: string;
  /** OCR of scanned pages (PDF) and images: `auto` pages without text, `on` every page, `off` (default) never. */
  ocr?: 'auto' | 'on' | 'off';
}

export type Reader = (input: Uint8Array, options: ReadOptions) => Promise<ReadResult>;
