import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellParagraphs, nodeText } from '../../../src/doctree/build.js';
import type { BlockNode, DocRoot, TableCellNode, TableNode } from '../../../src/doctree/types.js';
import { readPdf } from '../../../src/readers/pdf/index.js';

export const root = join(import.meta.dirname, '..', '..', '..');

export function fixture(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(root, 'fixtures', ...parts)));
}

export function read(dir: string, name: string) {
  return readPdf(fixture(dir, `${name}.pdf`), { file: `${name}.pdf` });
}

export function tables(tree: DocRoot): TableNode[] {
  return tree.children.filter((b): b is TableNode => b.type === 'table');
}

/** Text of every paragraph outside tables. */
export function texts(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [nodeText(b)] : []));
}

/** A table as rows of cells of paragraph texts. */
export function grid(t: TableNode): string[][][] {
  return t.children.map((r) => r.children.map((c) => cellParagraphs(c)));
}

/** Cell flags in the DOCX tests' compact form: "A" mergedFromAbove, "L" mergedFromLeft, cN colSpan, rN rowSpan. */
export function flags(c: TableCellNode): string {
  const d = c.data ?? {};
  return [d.mergedFromAbove ? 'A' : '', d.mergedFromLeft ? 'L' : '', d.colSpan ? `c${d.colSpan}` : '', d.rowSpan ? `r${d.rowSpan}` : ''].join('');
}

/** Every node of the tree below the root, depth first. */
export function allNodes(tree: DocRoot): { type: string; data?: { page?: number } }[] {
  const out: { type: string; data?: { page?: number } }[] = [];
  const walk = (n: { type: string; data?: unknown; children?: unknown[] }): void => {
    out.push(n as { type: string; data?: { page?: number } });
    for (const c of (n.children ?? []) as { type: string }[]) walk(c);
  };
  for (const b of tree.children) walk(b as { type: string; children?: unknown[] });
  return out;
}

/** All text anywhere in the tree (paragraphs and cells), one string per paragraph. */
export function allParagraphs(tree: DocRoot): string[] {
  const out: string[] = [];
  for (const b of tree.children) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(nodeText(b));
    else if (b.type === 'table') for (const r of b.children) for (const c of r.children) out.push(...cellParagraphs(c));
  }
  return out;
}
