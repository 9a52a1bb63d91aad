/**
 * The same DOCX saved again by LibreOffice's Word writer (fixtures/docx/libreoffice) — different
 * OOXML for the same content: LibreOffice's own numbering instances, text boxes wrapped in
 * mc:AlternateContent, other table properties — must give the same tree.
 */
import { describe, expect, it } from 'vitest';
import type { DocRoot } from '../../../src/doctree/types.js';
import { readDocx } from '../../../src/readers/docx/index.js';
import { fixture, flags, grid, tables } from './helpers.js';

function shape(tree: DocRoot) {
  return tree.children.map((b) => {
    if (b.type === 'table') {
      return {
        table: b.data,
        rows: b.children.map((r) => ({
          header: r.data?.header ?? false,
          cells: r.children.map((c) => [flags(c), c.children.map((p) => [p.data?.label ?? null, p.children.map((t) => t.value).join('')])]),
        })),
      };
    }
    if (b.type === 'thematicBreak') return 'pageBreak';
    return [b.type, b.data?.label ?? null, b.children.map((t) => t.value).join('')];
  });
}

describe('DOCX written by LibreOffice gives the same tree', () => {
  for (const name of ['auto-numbering', 'vmerge-executors', 'national-layout', 'tracked-changes', 'kyiv-2025-2026-action-plan']) {
    it(name, async () => {
      const original = await readDocx(fixture('docx', `${name}.docx`), { file: `${name}.docx` });
      const lo = await readDocx(fixture('docx', 'libreoffice', `${name}.docx`), { file: `libreoffice/${name}.docx` });
      expect(tables(lo.tree).length).toBeGreaterThan(0);
      // Page breaks are the one difference allowed: LibreOffice may turn a section break into a page break or back.
      const strip = (s: ReturnType<typeof shape>) => s.filter((x) => x !== 'pageBreak');
      expect(strip(shape(lo.tree))).toEqual(strip(shape(original.tree)));
      expect(lo.messages.map((m) => m.code)).toEqual(original.messages.map((m) => m.code));
      expect(tables(lo.tree).map(grid)).toEqual(tables(original.tree).map(grid));
    });
  }
});
