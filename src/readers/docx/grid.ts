/**
 * Table grid builder shared by the DOCX and HTML readers.
 *
 * Source rows carry cells with horizontal spans (gridSpan / colspan) and vertical merges, either
 * Word-style (`vMerge` restart/continue on every covered row) or HTML-style (`rowSpan` on the first
 * cell only). The output follows the document-tree contract: every row has one cell per grid
 * column; a cell covering several columns is followed by `mergedFromLeft` placeholders (no
 * paragraphs); a cell covering several rows has `rowSpan` and the rows below get `mergedFromAbove`
 * placeholders whose paragraphs repeat the merged value.
 */
import type { Position } from 'unist';
import { tableCell, tableRow, table } from '../../doctree/build.js';
import type { ParagraphNode, ReaderMessage, TableCellNode, TableData, TableNode, TableRowNode } from '../../doctree/types.js';

export interface SourceCell {
  paragraphs: ParagraphNode[];
  /** Grid columns covered (>= 1). */
  colSpan: number;
  /** HTML rowspan (rows covered, >= 1), on the first cell only. */
  rowSpan?: number;
  /** Word vertical merge: `restart` opens a merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
  position?: Position;
}

export interface SourceRow {
  cells: SourceCell[];
  header?: boolean;
  /** Grid columns left empty before the first cell (w:gridBefore). */
  gridBefore?: number;
  position?: Position;
}

interface OpenMerge {
  origin: TableCellNode;
  span: number;
  /** Placeholders still to receive the origin's final paragraphs. */
  placeholders: TableCellNode[];
  /** HTML rowspan: rows still to cover. Word merges stay open until a non-continue cell. */
  remaining?: number;
}

function clone(paragraphs: ParagraphNode[]): ParagraphNode[] {
  return structuredClone(paragraphs);
}

function emptyCell(): TableCellNode {
  return tableCell([]);
}

/**
 * Build a table node. `gridColumns` is the declared grid width (w:tblGrid); the table is widened
 * when rows need more columns.
 */
export function buildTable(
  rows: SourceRow[],
  gridColumns: number,
  origin: NonNullable<TableData['origin']>,
  messages: ReaderMessage[],
  tableIndex: number,
  position?: Position,
): TableNode {
  const open = new Map<number, OpenMerge>();
  const outRows: (TableCellNode | undefined)[][] = [];

  const close = (col: number) => {
    const m = open.get(col);
    if (!m) return;
    open.delete(col);
    for (const p of m.placeholders) p.children = clone(m.origin.children);
    if (m.placeholders.length > 0) {
      m.origin.data = { ...(m.origin.data ?? {}), rowSpan: m.placeholders.length + 1 };
    }
  };

  const placeholdersFor = (m: OpenMerge, out: (TableCellNode | undefined)[], col: number) => {
    const first = tableCell([], { mergedFromAbove: true, ...(m.span > 1 ? { colSpan: m.span } : {}) });
    m.placeholders.push(first);
    out[col] = first;
    for (let k = 1; k < m.span; k++) out[col + k] = tableCell([], { mergedFromAbove: true, mergedFromLeft: true });
  };

  rows.forEach((row, r) => {
    const out: (TableCellNode | undefined)[] = [];
    const touched = new Set<number>();
    let col = row.gridBefore ?? 0;
    for (let k = 0; k < col; k++) out[k] = emptyCell();

    /** Insert placeholders for HTML rowspans occupying `col`. */
    const skipOccupied = () => {
      for (;;) {
        const m = open.get(col);
        if (!m || m.remaining === undefined) return;
        placeholdersFor(m, out, col);
        m.remaining -= 1;
        const span = m.span;
        if (m.remaining <= 0) close(col);
        col += span;
      }
    };

    for (const cell of row.cells) {
      skipOccupied();
      const span = Math.max(1, Math.floor(cell.colSpan) || 1);
      const above = open.get(col);
      if (cell.vMerge === 'continue' && above && above.remaining === undefined && above.span === span) {
        placeholdersFor(above, out, col);
        touched.add(col);
        // Word shows the text of continuation cells inside the merged cell.
        const extra = cell.paragraphs.filter((p) => p.children.some((t) => t.value.trim() !== ''));
        if (extra.length > 0) above.origin.children.push(...extra);
        col += span;
        continue;
      }
      if (cell.vMerge === 'continue') {
        messages.push({
          code: 'docx-vmerge-orphan',
          message: `table ${tableIndex + 1}, row ${r + 1}: a vertically merged cell continues nothing above it; read as its own cell`,
          table: tableIndex + 1,
          row: r + 1,
        });
      }
      for (let k = 0; k < span; k++) close(col + k);
      const node = tableCell(cell.paragraphs, span > 1 ? { colSpan: span } : undefined, cell.position);
      out[col] = node;
      for (let k = 1; k < span; k++) out[col + k] = tableCell([], { mergedFromLeft: true });
      if (cell.vMerge === 'restart') {
        open.set(col, { origin: node, span, placeholders: [] });
        touched.add(col);
      }
      else if (cell.rowSpan !== undefined && cell.rowSpan > 1) {
        open.set(col, { origin: node, span, placeholders: [], remaining: Math.floor(cell.rowSpan) - 1 });
      }
      col += span;
    }
    // HTML rowspans reaching past the last cell of this row.
    for (;;) {
      const next = [...open.entries()].filter(([c, m]) => c >= col && m.remaining !== undefined).sort((a, b) => a[0] - b[0])[0];
      if (!next) break;
      for (let k = col; k < next[0]; k++) out[k] ??= emptyCell();
      col = next[0];
      skipOccupied();
    }
    // Word merges not continued in this row end here.
    for (const [c, m] of [...open.entries()]) {
      if (m.remaining === undefined && !touched.has(c)) close(c);
    }
    outRows.push(out);
  });
  for (const c of [...open.keys()]) close(c);

  const columns = Math.max(gridColumns, ...outRows.map((o) => o.length));
  const rowNodes: TableRowNode[] = outRows.map((out, r) => {
    const cells: TableCellNode[] = [];
    for (let c = 0; c < columns; c++) cells.push(out[c] ?? emptyCell());
    const src = rows[r]!;
    return tableRow(cells, src.header ? { header: true } : undefined, src.position);
  });
  return table(rowNodes, { origin, columns }, position);
}
