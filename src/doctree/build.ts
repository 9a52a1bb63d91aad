/** Small builders and accessors for the document tree, shared by all readers and extractors. */
import type { Position } from 'unist';
import type {
  BlockNode,
  DocRoot,
  HeadingNode,
  ParagraphNode,
  TableCellData,
  TableCellNode,
  TableData,
  TableNode,
  TableRowData,
  TableRowNode,
} from './types.js';

/** A position spanning whole lines `startLine`..`endLine` (1-based). */
export function linePosition(startLine: number, endLine: number = startLine): Position {
  return { start: { line: startLine, column: 1 }, end: { line: endLine, column: 1 } };
}

export function paragraph(value: string, position?: Position, data?: ParagraphNode['data']): ParagraphNode {
  const node: ParagraphNode = { type: 'paragraph', children: [{ type: 'text', value }] };
  if (position) node.position = position;
  if (data) node.data = data;
  return node;
}

export function heading(depth: HeadingNode['depth'], value: string, position?: Position): HeadingNode {
  const node: HeadingNode = { type: 'heading', depth, children: [{ type: 'text', value }] };
  if (position) node.position = position;
  return node;
}

export function tableCell(paragraphs: ParagraphNode[], data?: TableCellData, position?: Position): TableCellNode {
  const node: TableCellNode = { type: 'tableCell', children: paragraphs };
  if (data && Object.keys(data).length > 0) node.data = data;
  if (position) node.position = position;
  return node;
}

export function tableRow(cells: TableCellNode[], data?: TableRowData, position?: Position): TableRowNode {
  const node: TableRowNode = { type: 'tableRow', children: cells };
  if (data && Object.keys(data).length > 0) node.data = data;
  if (position) node.position = position;
  return node;
}

export function table(rows: TableRowNode[], data?: TableData, position?: Position): TableNode {
  const node: TableNode = { type: 'table', children: rows };
  if (data) node.data = data;
  if (position) node.position = position;
  return node;
}

export function root(children: BlockNode[], data?: DocRoot['data']): DocRoot {
  const node: DocRoot = { type: 'root', children };
  if (data) node.data = data;
  return node;
}

/** Text of a paragraph or heading. */
export function nodeText(node: ParagraphNode | HeadingNode): string {
  return node.children.map((c) => c.value).join('');
}

/** The paragraphs of a cell as strings (empty ones dropped). */
export function cellParagraphs(cell: TableCellNode | undefined): string[] {
  if (!cell) return [];
  return cell.children.map(nodeText).filter((p) => p.trim() !== '');
}

/** The whole text of a cell, paragraphs joined by a newline. */
export function cellText(cell: TableCellNode | undefined): string {
  return cellParagraphs(cell).join('\n');
}

/** First line of a node's position, if known. */
export function startLine(node: { position?: Position }): number | undefined {
  return node.position?.start.line;
}

/** Last line of a node's position, if known. */
export function endLine(node: { position?: Position }): number | undefined {
  return node.position?.end.line;
}
