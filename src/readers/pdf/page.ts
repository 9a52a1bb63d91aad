/**
 * One PDF page → a small page model (free text lines and table fragments with their
 * cells' lines), so the pdf.js page can be released before the next one is read.
 */
import { OPS } from './pdfjs.js';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cellFill, hexColor } from '../shading.js';
import {
  fillAreas,
  fillSegments,
  findGrids,
  gridRegions,
  multiply,
  shadeOf,
  strokeSegments,
  type Shade,
  type Grid,
  type Matrix,
  type Segment,
} from './geometry.js';
import { makeLine, median, toLines, typicalPitch, type Line, type PLine, type TextRun } from './text.js';

/** A cell of a table fragment: its own lines, or a placeholder covered by a spanning cell. */
export interface FragCell {
  kind: 'cell' | 'left' | 'above';
  lines: PLine[];
  colSpan: number;
  rowSpan: number;
  /** A 'left' placeholder on a row below the spanning cell's first row (covered from above too). */
  below?: boolean;
  /** Shading behind the cell (hex RGB), see TableCellData.fill. */
  fill?: string;
}

export interface FragRow {
  cells: FragCell[];
  /** Every line in the row is bold (a header row candidate). */
  bold: boolean;
  hasText: boolean;
}

export interface TableFrag {
  page: number;
  xs: number[];
  top: number;
  bottom: number;
  rows: FragRow[];
  ruled: boolean;
  /** The first row has no top border (ruled tables only). */
  openTop: boolean;
}

export interface FreeLine {
  /** The line; `free` and `indent` are relative to this page's text column and are redone
   * against the whole document's text column in assemble.ts. */
  line: PLine;
  x0: number;
  x1: number;
  top: number;
  band?: 'top' | 'bottom';
}

export type PageBlock = { kind: 'line'; top: number; free: FreeLine } | { kind: 'table'; top: number; frag: TableFrag };

export interface PageModel {
  page: number;
  width: number;
  height: number;
  /** Typical single-spacing pitch / font size on this page. */
  pitch: number;
  blocks: PageBlock[];
  /** The page has no text layer but shows an image or drawing (a scan). */
  scanned: boolean;
}

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH_OPS = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
]);

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

function isTextItem(x: unknown): x is RawItem {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

/** Rotation (multiple of 90°) that makes the dominant text direction run left to right. */
function orientation(items: RawItem[], vt: Matrix): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    const m = multiply(vt, it.transform);
    const n = it.str.trim().length;
    if (n === 0) continue;
    const deg = Math.round((Math.atan2(m[1], m[0]) * 180) / Math.PI / 90) * 90;
    const q = ((deg % 360) + 360) % 360;
    weight.set(q, (weight.get(q) ?? 0) + n);
  }
  let best = 0;
  let bestW = -1;
  for (const q of [0, 90, 180, 270]) {
    const w = weight.get(q) ?? 0;
    if (w > bestW) {
      best = q;
      bestW = w;
    }
  }
  return best;
}

/** Page transform: viewport, then a turn by -θ, then a shift back into positive coordinates. */
function pageMatrix(vt: Matrix, width: number, height: number, theta: number): { m: Matrix; width: number; height: number } {
  if (theta === 0) return { m: vt, width, height };
  const rad = (theta * Math.PI) / 180;
  const cos = Math.round(Math.cos(rad));
  const sin = Math.round(Math.sin(rad));
  const r: Matrix = [cos, -sin, sin, cos, 0, 0];
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ].map(([x = 0, y = 0]) => [r[0] * x + r[2] * y, r[1] * x + r[3] * y] as const);
  const minX = Math.min(...corners.map((c) => c[0]));
  const minY = Math.min(...corners.map((c) => c[1]));
  const maxX = Math.max(...corners.map((c) => c[0]));
  const maxY = Math.max(...corners.map((c) => c[1]));
  const t: Matrix = [1, 0, 0, 1, -minX, -minY];
  return { m: multiply(t, multiply(r, vt)), width: maxX - minX, height: maxY - minY };
}

const BOLD_RE = /bold|black|heavy|semibold|demi|,b\b|-b\b/iu;

function fontIsBold(page: PDFPageProxy, fontName: string): boolean {
  try {
    if (!page.commonObjs.has(fontName)) return false;
    const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown } | undefined;
    if (font?.bold === true) return true;
    return typeof font?.name === 'string' && BOLD_RE.test(font.name);
  } catch {
    return false;
  }
}

/** Split a run crossing vertical boundaries `xs` at the space nearest each boundary. */
function splitRun(run: TextRun, xs: number[]): TextRun[] {
  const cuts = xs.filter((x) => x > run.x0 + 1 && x < run.x1 - 1);
  if (cuts.length === 0) return [run];
  const chars = [...run.str];
  const width = run.x1 - run.x0;
  const out: TextRun[] = [];
  let startIdx = 0;
  let startX = run.x0;
  for (const x of cuts) {
    const est = Math.round(((x - run.x0) / width) * chars.length);
    let idx = -1;
    for (let d = 0; d <= 4 && idx < 0; d++) {
      if (chars[est + d] === ' ') idx = est + d;
      else if (chars[est - d] === ' ') idx = est - d;
    }
    if (idx <= startIdx || idx >= chars.length - 1) continue;
    const endX = run.x0 + (idx / chars.length) * width;
    out.push({ ...run, str: chars.slice(startIdx, idx).join(''), x0: startX, x1: endX });
    startIdx = idx + 1;
    startX = run.x0 + ((idx + 1) / chars.length) * width;
  }
  out.push({ ...run, str: chars.slice(startIdx).join(''), x0: startX, x1: run.x1 });
  return out.filter((r) => r.str.trim() !== '');
}

function toPLine(line: Line, contentLeft: number, contentWidth: number): PLine {
  const width = line.x1 - line.x0;
  const chars = [...line.text];
  const spaces = chars.filter((ch) => ch === ' ').length;
  const n = Math.max(1, chars.length - spaces + 0.45 * spaces);
  return {
    text: line.text,
    free: contentWidth - width,
    charWidth: width / n,
    base: line.base,
    size: line.size,
    indent: line.x0 - contentLeft,
    bold: line.bold,
    ...(line.conf !== undefined ? { conf: line.conf } : {}),
  };
}

function center(run: TextRun): [number, number] {
  return [(run.x0 + run.x1) / 2, run.base - 0.3 * run.size];
}

/** Build a table fragment from a ruling grid and the runs inside it. */
function gridTable(page: number, grid: Grid, runs: TextRun[], shades: Shade[]): TableFrag {
  const { regions, slot } = gridRegions(grid);
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const inRegion: TextRun[][] = regions.map(() => []);
  const findIdx = (arr: number[], v: number): number => {
    for (let i = 0; i < arr.length - 1; i++) if (v >= arr[i]! && v < arr[i + 1]!) return i;
    return v < arr[0]! ? 0 : arr.length - 2;
  };
  for (const run of runs) {
    for (const piece of splitRun(run, grid.xs)) {
      const [cx, cy] = center(piece);
      const r = findIdx(grid.ys, cy);
      const c = findIdx(grid.xs, cx);
      const k = slot[r]?.[c] ?? -1;
      if (k >= 0) inRegion[k]!.push(piece);
    }
  }
  const regionLines = inRegion.map((rs) => toLines(rs));
  // cell padding: the smallest distance from a cell's left border to its text
  const pads: number[] = [];
  regions.forEach((reg, k) => {
    for (const l of regionLines[k]!) pads.push(l.x0 - grid.xs[reg.c0]!);
  });
  const pad = pads.length > 0 ? Math.min(8, Math.max(0.5, Math.min(...pads))) : 2;
  const tableArea = (grid.xs[cols]! - grid.xs[0]!) * (grid.ys[rows]! - grid.ys[0]!);
  const cells: FragCell[] = regions.map((reg, k) => {
    const left = grid.xs[reg.c0]! + pad;
    const width = grid.xs[reg.c1]! - grid.xs[reg.c0]! - 2 * pad;
    const cell: FragCell = {
      kind: 'cell',
      lines: regionLines[k]!.map((l) => toPLine(l, left, width)),
      colSpan: reg.c1 - reg.c0,
      rowSpan: reg.r1 - reg.r0,
    };
    const box = { x0: grid.xs[reg.c0]!, x1: grid.xs[reg.c1]!, y0: grid.ys[reg.r0]!, y1: grid.ys[reg.r1]! };
    const fill = cellFill(shadeOf(shades, box, 0.9 * tableArea));
    if (fill) cell.fill = fill;
    return cell;
  });
  const outRows: FragRow[] = [];
  for (let r = 0; r < rows; r++) {
    const rowCells: FragCell[] = [];
    let bold = true;
    let hasText = false;
    for (let c = 0; c < cols; c++) {
      const k = slot[r]![c]!;
      const reg = regions[k]!;
      if (reg.r0 === r && reg.c0 === c) {
        rowCells.push(cells[k]!);
        for (const l of regionLines[k]!) {
          hasText = true;
          if (!l.bold) bold = false;
        }
      } else if (reg.r0 === r) rowCells.push({ kind: 'left', lines: [], colSpan: 1, rowSpan: 1 });
      else if (reg.c0 === c) rowCells.push({ kind: 'above', lines: [], colSpan: reg.c1 - reg.c0, rowSpan: 1 });
      else rowCells.push({ kind: 'left', lines: [], colSpan: 1, rowSpan: 1, below: true });
    }
    // a sliver between double rulings: no text and barely any height
    if (!hasText && grid.ys[r + 1]! - grid.ys[r]! < 4 && rowCells.every((c) => c.kind === 'cell')) continue;
    outRows.push({ cells: rowCells, bold: bold && hasText, hasText });
  }
  return {
    page,
    xs: grid.xs,
    top: grid.ys[0]!,
    bottom: grid.ys[grid.ys.length - 1]!,
    rows: outRows,
    ruled: true,
    openTop: grid.openTop,
  };
}

/** Segments of a line: runs separated by gaps wider than the font size (column gaps). */
function segmentsOf(line: Line): Line[] {
  const segs: TextRun[][] = [];
  let cur: TextRun[] = [];
  for (const r of line.runs) {
    const prev = cur[cur.length - 1];
    if (prev && r.x0 - prev.x1 > 1.2 * Math.max(prev.size, r.size)) {
      segs.push(cur);
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length > 0) segs.push(cur);
  return segs.map(makeLine);
}

/**
 * Tables without rulings: a run of at least three consecutive lines that each have two or
 * more column segments starting at the same x positions. Lines with one segment aligned to
 * a column continue the row above. Returns the fragments and the lines they used.
 */
function alignedTables(page: number, lines: Line[], pitch: number): { frags: TableFrag[]; used: Set<Line> } {
  const frags: TableFrag[] = [];
  const used = new Set<Line>();
  const segs = lines.map(segmentsOf);
  let i = 0;
  while (i < lines.length) {
    if (segs[i]!.length < 2) {
      i++;
      continue;
    }
    // grow a run of lines that are multi-segment, or single-segment continuations
    let j = i;
    const run: number[] = [];
    while (j < lines.length) {
      const prev = lines[run[run.length - 1] ?? j]!;
      const cur = lines[j]!;
      if (run.length > 0 && cur.base - prev.base > (pitch + 1.2) * cur.size) break;
      if (segs[j]!.length < 2 && run.length === 0) break;
      run.push(j);
      j++;
    }
    // column starts from the multi-segment lines
    const multi = run.filter((k) => segs[k]!.length >= 2);
    const starts = clusterStarts(multi.flatMap((k) => segs[k]!.map((s) => s.x0)), lines[i]!.size);
    const supported = starts.filter((x) => multi.filter((k) => segs[k]!.some((s) => Math.abs(s.x0 - x) < 0.6 * s.size)).length >= 2);
    // trim trailing single-segment lines that do not sit on a column start
    while (run.length > 0) {
      const k = run[run.length - 1]!;
      if (segs[k]!.length >= 2) break;
      const s = segs[k]![0]!;
      if (supported.some((x) => Math.abs(s.x0 - x) < 0.6 * s.size) && s.x0 > supported[0]! + 0.6 * s.size) break;
      run.pop();
    }
    const allAligned = multi.every((k) => segs[k]!.every((s) => supported.some((x) => Math.abs(s.x0 - x) < 0.6 * s.size)));
    if (multi.length >= 3 && supported.length >= 2 && allAligned) {
      frags.push(buildAligned(page, run.map((k) => ({ line: lines[k]!, segs: segs[k]! })), supported));
      for (const k of run) used.add(lines[k]!);
      i = (run[run.length - 1] ?? i) + 1;
    } else i++;
  }
  return { frags, used };
}

function clusterStarts(xs: number[], size: number): number[] {
  const sorted = xs.slice().sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[0]! < 0.6 * size) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => Math.min(...g));
}

function buildAligned(page: number, lines: { line: Line; segs: Line[] }[], starts: number[]): TableFrag {
  const right = Math.max(...lines.map((l) => l.line.x1));
  const xs = [...starts, right + 1];
  const colOf = (x: number, size: number): number => {
    let c = 0;
    for (let k = 0; k < starts.length; k++) if (x >= starts[k]! - 0.6 * size) c = k;
    return c;
  };
  const rows: { segs: Line[][]; bold: boolean }[] = [];
  for (const { segs } of lines) {
    const newRow = segs.length >= 2 || rows.length === 0;
    if (newRow) rows.push({ segs: starts.map(() => []), bold: true });
    const row = rows[rows.length - 1]!;
    for (const s of segs) {
      row.segs[colOf(s.x0, s.size)]!.push(s);
      if (!s.bold) row.bold = false;
    }
  }
  const gap = 4;
  return {
    page,
    xs,
    top: Math.min(...lines.map((l) => l.line.base - l.line.size)),
    bottom: Math.max(...lines.map((l) => l.line.base + 0.3 * l.line.size)),
    ruled: false,
    openTop: false,
    rows: rows.map((r) => ({
      bold: r.bold,
      hasText: true,
      cells: r.segs.map((ls, c) => ({
        kind: 'cell' as const,
        colSpan: 1,
        rowSpan: 1,
        lines: ls.map((l) => toPLine(l, xs[c]!, xs[c + 1]! - xs[c]! - gap)),
      })),
    })),
  };
}

/** What the operator list draws: ruling segments, shaded areas, and whether there are images. */
interface Drawing {
  segments: Segment[];
  shades: Shade[];
  hasImage: boolean;
  /** Number of painted paths (a scan is often vector noise or one image). */
  paths: number;
}

/** Walk the operator list: the current transform (save/restore/cm, form XObjects) and fill colour tracked. */
function readDrawing(ops: { fnArray: number[]; argsArray: unknown[] }, pm: Matrix): Drawing {
  const out: Drawing = { segments: [], shades: [], hasImage: false, paths: 0 };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fill: string | undefined = '000000';
  const stack: { ctm: Matrix; fill: string | undefined }[] = [];
  const fnArray = ops.fnArray;
  const argsArray = ops.argsArray as unknown[][];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i];
    if (fn === OPS.save) stack.push({ ctm, fill });
    else if (fn === OPS.restore) ({ ctm, fill } = stack.pop() ?? { ctm, fill });
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.setFillRGBColor) fill = hexColor(typeof args?.[0] === 'string' ? args[0] : undefined);
    else if (fn === OPS.setFillTransparent) fill = undefined;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, fill });
      const fm = args?.[0];
      if (Array.isArray(fm) || ArrayBuffer.isView(fm)) ctm = multiply(ctm, Array.from(fm as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, fill } = stack.pop() ?? { ctm, fill });
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!data) continue;
      const m = multiply(pm, ctm);
      if (STROKE_OPS.has(paint) || BOTH_OPS.has(paint)) {
        out.paths++;
        out.segments.push(...strokeSegments(data, m));
      }
      if (FILL_OPS.has(paint) || BOTH_OPS.has(paint)) {
        out.paths++;
        out.segments.push(...fillSegments(data, m));
        if (fill) out.shades.push(...fillAreas(data, m, fill));
      }
    } else if (IMAGE_OPS.has(fn)) out.hasImage = true;
  }
  return out;
}

/** Text items as runs in page space, with their size and weight. */
function textRuns(page: PDFPageProxy, items: RawItem[], pm: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  const boldCache = new Map<string, boolean>();
  for (const it of items) {
    if (it.str.trim() === '') continue;
    const m = multiply(pm, it.transform);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 1;
    let bold = boldCache.get(it.fontName);
    if (bold === undefined) {
      bold = fontIsBold(page, it.fontName);
      boldCache.set(it.fontName, bold);
    }
    const horizontal = Math.abs(m[1]) <= 0.1 * Math.abs(m[0]) && m[0] > 0;
    const w = horizontal ? it.width * (Math.hypot(m[0], m[1]) / Math.hypot(it.transform[0] ?? 1, it.transform[1] ?? 0) || 1) : 0.5 * size;
    runs.push({ str: it.str, x0: m[4], x1: m[4] + Math.max(w, 0.1), base: m[5], size, bold, font: it.fontName });
  }
  return runs;
}

/** Table fragments from the ruling grids, and the runs they took. */
function ruledTables(pageNo: number, segments: Segment[], shades: Shade[], runs: TextRun[]): { frags: TableFrag[]; used: Set<TextRun> } {
  const frags: TableFrag[] = [];
  const used = new Set<TextRun>();
  for (const grid of findGrids(segments)) {
    const x0 = grid.xs[0]!;
    const x1 = grid.xs[grid.xs.length - 1]!;
    const y0 = grid.ys[0]!;
    const y1 = grid.ys[grid.ys.length - 1]!;
    const inside = runs.filter((r) => {
      if (used.has(r)) return false;
      const [cx, cy] = center(r);
      return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
    });
    const frag = gridTable(pageNo, grid, inside, shades);
    // a frame around plain text (one cell) is not a table
    if (frag.rows.length <= 1 && grid.xs.length <= 2) continue;
    for (const r of inside) used.add(r);
    frags.push(frag);
  }
  return { frags, used };
}

/** Read one page into a page model. */
export async function readPage(page: PDFPageProxy, pageNo: number): Promise<PageModel> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const ops = await page.getOperatorList();
  const content = await page.getTextContent();
  const items: RawItem[] = [];
  for (const x of content.items as unknown[]) if (isTextItem(x)) items.push(x);
  const theta = orientation(items, vt);
  const { m: pm, width, height } = pageMatrix(vt, viewport.width, viewport.height, theta);

  const drawing = readDrawing(ops, pm);
  const runs = textRuns(page, items, pm);
  const scanned = runs.length === 0 && (drawing.hasImage || drawing.paths > 50);
  return layoutPage(pageNo, width, height, runs, drawing.segments, scanned, drawing.shades);
}

/**
 * Lay out one page from its text runs and ruling segments (page space, pt): tables from
 * ruling grids and from column alignment, free lines, header/footer bands. Shared with the
 * OCR reader, whose runs are recognised words and whose segments are lines found in the image.
 */
export function layoutPage(
  pageNo: number,
  width: number,
  height: number,
  runs: TextRun[],
  segments: Segment[],
  scanned: boolean,
  shades: Shade[] = [],
): PageModel {
  const ruled = ruledTables(pageNo, segments, shades, runs);
  const frags = ruled.frags;
  const freeLines = toLines(runs.filter((r) => !ruled.used.has(r)));
  const pitch = typicalPitch([freeLines, ...frags.flatMap((f) => f.rows.flatMap((r) => r.cells.map((c) => c.lines)))]);

  // the free-text column: left/right edges of lines outside the header/footer bands
  const bandOf = (l: Line): 'top' | 'bottom' | undefined =>
    l.base - l.size < 0.1 * height ? 'top' : l.base > 0.9 * height ? 'bottom' : undefined;
  const body = freeLines.filter((l) => !bandOf(l));
  const ref = body.length > 0 ? body : freeLines;
  const left = ref.length > 0 ? Math.min(...ref.map((l) => l.x0)) : 0;
  const right = ref.length > 0 ? Math.max(...ref.map((l) => l.x1)) : width;

  const aligned = alignedTables(pageNo, freeLines, pitch);
  frags.push(...aligned.frags);

  const blocks: PageBlock[] = [];
  for (const l of freeLines) {
    if (aligned.used.has(l)) continue;
    const band = bandOf(l);
    const free: FreeLine = { line: toPLine(l, left, right - left), x0: l.x0, x1: l.x1, top: l.base - l.size };
    if (band) free.band = band;
    blocks.push({ kind: 'line', top: l.base - l.size, free });
  }
  for (const f of frags) blocks.push({ kind: 'table', top: f.top, frag: f });
  blocks.sort((a, b) => a.top - b.top || (a.kind === 'table' ? -1 : 1));
  return { page: pageNo, width, height, pitch, blocks, scanned };
}

export { median };
