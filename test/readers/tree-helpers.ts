/** Tree inspection helpers shared by the reader tests (DOCX, HTML, PDF). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellParagraphs, nodeText } from '../../src/doctree/build.js';
import type { BlockNode, DocRoot, TableCellNode, TableNode } from '../../src/doctree/types.js';

export const root = join(import.meta.dirname, '..', '..');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(root, 'fixtures', ...parts)));
}

export function tables(tree: DocRoot): TableNode[] {
  return tree.children.filter((b): b is TableNode => b.type === 'table');
}

/** Text of every block that is a paragraph or heading. */
export function texts(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [nodeText(b)] : []));
}

/** A table as rows of cells of paragraph texts. */
export function grid(t: TableNode): string[][][] {
  return t.children.map((r) => r.children.map((c) => cellParagraphs(c)));
}

/** Cell flags in a compact form: "A" mergedFromAbove, "L" mergedFromLeft, cN colSpan, rN rowSpan. */
export function flags(c: TableCellNode): string {
  const d = c.data ?? {};
  return [
    d.mergedFromAbove ? 'A' : '',
    d.mergedFromLeft ? 'L' : '',
    d.colSpan ? `c${d.colSpan}` : '',
    d.rowSpan ? `r${d.rowSpan}` : '',
  ].join('');
}
