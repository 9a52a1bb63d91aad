import { nodeText } from '../../../src/doctree/build.js';
import type { DocRoot } from '../../../src/doctree/types.js';
import { fixture } from '../tree-helpers.js';

export { fixture, flags, grid, root, tables, texts } from '../tree-helpers.js';

/** All text anywhere in the tree (paragraphs, headings, cells). */
export function allText(tree: DocRoot): string {
  const out: string[] = [];
  for (const b of tree.children) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(nodeText(b));
    else if (b.type === 'table') for (const r of b.children) for (const c of r.children) out.push(...c.children.map(nodeText));
  }
  return out.join('\n');
}
