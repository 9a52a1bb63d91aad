import { cellParagraphs, nodeText } from '../../../src/doctree/build.js';
import type { DocRoot } from '../../../src/doctree/types.js';
import { fixture } from '../tree-helpers.js';

export { fixture, flags, grid, root, tables, texts } from '../tree-helpers.js';
import { readPdf } from '../../../src/readers/pdf/index.js';

export function read(dir: string, name: string) {
  return readPdf(fixture(dir, `${name}.pdf`), { file: `${name}.pdf` });
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
