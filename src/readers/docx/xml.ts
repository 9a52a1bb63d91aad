/** Small accessors for the plain element trees the DOCX worker sends back. */
import type { XNode } from './worker.js';

export function isElement(x: XNode | string | undefined): x is XNode {
  return typeof x === 'object' && x !== null;
}

export function elements(node: XNode | undefined): XNode[] {
  return (node?.c ?? []).filter(isElement);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  const out: XNode[] = [];
  for (const c of node?.c ?? []) if (isElement(c) && c.n === name) out.push(c);
  return out;
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  for (const c of node?.c ?? []) if (isElement(c) && c.n === name) return c;
  return undefined;
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  return node?.a?.[name];
}

/** An on/off property (w:b, w:tblHeader, …): present and not switched off. */
export function isOn(node: XNode | undefined): boolean {
  if (!node) return false;
  const v = attr(node, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/** Depth-first search for a descendant element. */
export function findDeep(node: XNode, name: string): XNode | undefined {
  for (const c of elements(node)) {
    if (c.n === name) return c;
    const found = findDeep(c, name);
    if (found) return found;
  }
  return undefined;
}
