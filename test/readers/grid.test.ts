import { describe, expect, it } from 'vitest';
import { cellParagraphs, paragraph } from '../../src/doctree/build.js';
import type { Message } from '../../src/model/message.js';
import { buildTable, type SourceCell } from '../../src/readers/grid.js';
import { flags } from './tree-helpers.js';

const c = (text: string, extra: Partial<SourceCell> = {}): SourceCell => ({ paragraphs: text ? [paragraph(text)] : [], colSpan: 1, ...extra });

describe('buildTable', () => {
  it('Word vMerge across a gridSpan: placeholders on both columns, value repeated on the first', () => {
    const messages: Message[] = [];
    const t = buildTable(
      [
        { cells: [c('a'), c('X', { colSpan: 2, vMerge: 'restart' })] },
        { cells: [c('b'), c('', { colSpan: 2, vMerge: 'continue' })] },
        { cells: [c('c'), c('d'), c('e')] },
      ],
      3,
      'docx',
      messages,
      0,
    );
    expect(t.children.map((r) => r.children.map(flags).join(','))).toEqual([',c2r2,L', ',Ac2,AL', ',,']);
    expect(cellParagraphs(t.children[1]!.children[1])).toEqual(['X']);
    expect(messages).toEqual([]);
  });

  it('w:gridBefore and short rows are padded so every row has one cell per grid column', () => {
    const t = buildTable([{ cells: [c('a')], gridBefore: 1 }, { cells: [c('x')] }], 3, 'docx', [], 0);
    expect(t.children.map((r) => r.children.map((x) => cellParagraphs(x).join('')))).toEqual([['', 'a', ''], ['x', '', '']]);
    expect(t.data).toEqual({ origin: 'docx', columns: 3 });
  });

  it('a vMerge continue with nothing above is its own cell and is reported', () => {
    const messages: Message[] = [];
    const t = buildTable([{ cells: [c('a', { vMerge: 'continue' })] }], 1, 'docx', messages, 4);
    expect(t.children[0]!.children.map(flags)).toEqual(['']);
    expect(messages).toMatchObject([{ code: 'docx-vmerge-orphan', severity: 'warning', place: { table: 5, row: 1 } }]);
    // The place is not repeated inside the text (it was: «table 5, row 1: table 5, row 1: …» on the CLI).
    expect(messages[0]!.reason).not.toMatch(/table|row \d/);
  });

  it('a merge restarted in the same column closes the previous one', () => {
    const t = buildTable(
      [
        { cells: [c('A', { vMerge: 'restart' })] },
        { cells: [c('', { vMerge: 'continue' })] },
        { cells: [c('B', { vMerge: 'restart' })] },
        { cells: [c('', { vMerge: 'continue' })] },
      ],
      1,
      'docx',
      [],
      0,
    );
    expect(t.children.map((r) => flags(r.children[0]!) + cellParagraphs(r.children[0]).join(''))).toEqual(['r2A', 'AA', 'r2B', 'AB']);
  });

  it('text in a Word continuation cell joins the merged value', () => {
    const t = buildTable([{ cells: [c('A', { vMerge: 'restart' })] }, { cells: [c('more', { vMerge: 'continue' })] }], 1, 'docx', [], 0);
    expect(t.children.map((r) => cellParagraphs(r.children[0]))).toEqual([['A', 'more'], ['A', 'more']]);
  });

  it('HTML rowspan past the end of the table is clamped', () => {
    const t = buildTable([{ cells: [c('A', { rowSpan: 5 }), c('b')] }, { cells: [c('c')] }], 2, 'html', [], 0);
    expect(t.children.map((r) => r.children.map(flags).join(','))).toEqual(['r2,', 'A,']);
    expect(cellParagraphs(t.children[1]!.children[1])).toEqual(['c']);
  });
});
