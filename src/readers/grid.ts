/**
 * Table grid builder shared by the DOCX and HTML readers.
 *
 * Source rows carry cells with horizontal spans (gridSpan / colspan) and vertical merges, either
 * Word-style (`vMerge` restart/continue on every covered row) or HTML-style (`rowSpan` on the first
 * cell only). The output follows the document-tree contract: every row has one cell per grid
 * column; a cell covering several columns is followed by `mergedFromLeft` placeholders (no
 * paragraphs); a cell covering several rows has `rowSpan` and the rows below get `mergedFromAbove`
 * placeholders whose paragraphs repeat the merged value. Placeholders carry the origin's `fill`.
 */
import type { Position } from 'unist';
import { tableCell, tableRow, table } from '../doctree/build.js';
import { warning, type Message } from '../model/message.js';
import type {
  ParagraphNode,
  TableCellData,
  TableCellNode,
  TableData,
  TableNode,
  TableRowNode,
} from '../doctree/types.js';

export interface SourceCell {
  paragraphs: ParagraphNode[];
  /** Grid columns covered (>= 1). */
  colSpan: number;
  /** HTML rowspan (rows covered, >= 1), on the first cell only. */
  rowSpan?: number;
  /** Word vertical merge: `restart` opens a merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
  /** Shading as hex RGB (see TableCellData.fill). */
  fill?: string;
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

type OutRow = (TableCellNode | undefined)[];

function emptyCell(): TableCellNode {
  return tableCell([]);
}

function withFill(data: TableCellData, fill: string | undefined): TableCellData {
  return fill ? { ...data, fill } : data;
}

/** One table being laid out on its grid: the merges still open, column by column. */
class GridLayout {
  private readonly open = new Map<number, OpenMerge>();

  constructor(
    private readonly messages: Message[],
    private readonly tableIndex: number,
  ) {}

  /** Close the merge whose origin is in column `col`: placeholders get its paragraphs, the origin its rowSpan. */
  close(col: number): void {
    const m = this.open.get(col);
    if (!m) return;
    this.open.delete(col);
    for (const p of m.placeholders) p.children = structuredClone(m.origin.children);
    if (m.placeholders.length > 0) {
      m.origin.data = { ...(m.origin.data ?? {}), rowSpan: m.placeholders.length + 1 };
    }
  }

  closeAll(): void {
    for (const c of [...this.open.keys()]) this.close(c);
  }

  private placeholdersFor(m: OpenMerge, out: OutRow, col: number): void {
    const fill = m.origin.data?.fill;
    const first = tableCell([], withFill({ mergedFromAbove: true, ...(m.span > 1 ? { colSpan: m.span } : {}) }, fill));
    m.placeholders.push(first);
    out[col] = first;
    for (let k = 1; k < m.span; k++) out[col + k] = tableCell([], withFill({ mergedFromAbove: true, mergedFromLeft: true }, fill));
  }

  /** Insert placeholders for HTML rowspans occupying `col` and after; returns the next free column. */
  private skipOccupied(out: OutRow, col: number): number {
    for (;;) {
      const m = this.open.get(col);
      if (!m || m.remaining === undefined) return col;
      this.placeholdersFor(m, out, col);
      m.remaining -= 1;
      const span = m.span;
      if (m.remaining <= 0) this.close(col);
      col += span;
    }
  }

  /** Lay out one source row (index `r`) on the grid. */
  row(row: SourceRow, r: number): OutRow {
    const out: OutRow = [];
    const touched = new Set<number>();
    let col = row.gridBefore ?? 0;
    for (let k = 0; k < col; k++) out[k] = emptyCell();
    for (const cell of row.cells) {
      col = this.skipOccupied(out, col);
      col = this.cell(cell, out, col, r, touched);
    }
    this.trailingRowSpans(out, col);
    // Word merges not continued in this row end here.
    for (const [c, m] of [...this.open.entries()]) {
      if (m.remaining === undefined && !touched.has(c)) this.close(c);
    }
    return out;
  }

  /** Place one cell at `col`; returns the column after it. */
  private cell(cell: SourceCell, out: OutRow, col: number, r: number, touched: Set<number>): number {
    const span = Math.max(1, Math.floor(cell.colSpan) || 1);
    const above = this.open.get(col);
    if (cell.vMerge === 'continue' && above && above.remaining === undefined && above.span === span) {
      this.placeholdersFor(above, out, col);
      touched.add(col);
      // Word shows the text of continuation cells inside the merged cell.
      const extra = cell.paragraphs.filter((p) => p.children.some((t) => t.value.trim() !== ''));
      if (extra.length > 0) above.origin.children.push(...extra);
      return col + span;
    }
    if (cell.vMerge === 'continue') {
      this.messages.push(
        warning('docx-vmerge-orphan', 'a vertically merged cell continues nothing above it; read as its own cell', {
          table: this.tableIndex + 1,
          row: r + 1,
        }),
      );
    }
    for (let k = 0; k < span; k++) this.close(col + k);
    const node = tableCell(cell.paragraphs, withFill(span > 1 ? { colSpan: span } : {}, cell.fill), cell.position);
    out[col] = node;
    for (let k = 1; k < span; k++) out[col + k] = tableCell([], withFill({ mergedFromLeft: true }, cell.fill));
    if (cell.vMerge === 'restart') {
      this.open.set(col, { origin: node, span, placeholders: [] });
      touched.add(col);
    } else if (cell.rowSpan !== undefined && cell.rowSpan > 1) {
      this.open.set(col, { origin: node, span, placeholders: [], remaining: Math.floor(cell.rowSpan) - 1 });
    }
    return col + span;
  }

  /** HTML rowspans reaching past the last cell of a row. */
  private trailingRowSpans(out: OutRow, col: number): void {
    for (;;) {
      const next = [...this.open.entries()].filter(([c, m]) => c >= col && m.remaining !== undefined).sort((a, b) => a[0] - b[0])[0];
      if (!next) return;
      for (let k = col; k < next[0]; k++) out[k] ??= emptyCell();
      col = this.skipOccupied(out, next[0]);
    }
  }
}

/**
 * Build a table node. `gridColumns` is the declared grid width (w:tblGrid); the table is widened
 * when rows need more columns.
 */
export function buildTable(
  rows: SourceRow[],
  gridColumns: number,
  origin: NonNullable<TableData['origin']>,
  messages: Message[],
  tableIndex: number,
  position?: Position,
): TableNode {
  const layout = new GridLayout(messages, tableIndex);
  const outRows = rows.map((row, r) => layout.row(row, r));
  layout.closeAll();

  const columns = Math.max(gridColumns, ...outRows.map((o) => o.length));
  const rowNodes: TableRowNode[] = outRows.map((out, r) => {
    const cells: TableCellNode[] = [];
    for (let c = 0; c < columns; c++) cells.push(out[c] ?? emptyCell());
    const src = rows[r]!;
    return tableRow(cells, src.header ? { header: true } : undefined, src.position);
  });
  return table(rowNodes, { origin, columns }, position);
}
