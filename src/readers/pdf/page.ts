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
import { median, splitRun, toLines, toPLine, typicalPitch, type Line, type PLine, type TextRun } from './text.js';
import { borderlessTables } from './borderless.js';
import { textFromOperators, type FontFacts, type OpTextItem } from './optext.js';
import { PDF_SETTINGS } from './settings.js';

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

/** A text item as pdf.js's getTextContent gives it, or as optext.ts works it out from the operator list. */
type RawItem = OpTextItem;

function isTextItem(x: unknown): x is RawItem {
  return typeof x === 'object' && x !== null && 'str' in x && 'transform' in x;
}

/** Rotation (multiple of 90°) that makes the dominant text direction run left to right (`placed`: each item's transform in the viewport). */
function orientation(items: RawItem[], placed: Matrix[]): number {
  const weight = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const m = placed[i]!;
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
  const font = fontObject(page, fontName) as { name?: unknown; bold?: unknown } | undefined;
  if (font?.bold === true) return true;
  return typeof font?.name === 'string' && BOLD_RE.test(font.name);
}

/** A font pdf.js has handed to this side (`page.commonObjs`), by its loaded name; undefined while it has not. */
function fontObject(page: PDFPageProxy, fontName: string): object | undefined {
  try {
    if (!page.commonObjs.has(fontName)) return undefined;
    const font: unknown = page.commonObjs.get(fontName);
    return typeof font === 'object' && font !== null ? font : undefined;
  } catch {
    return undefined;
  }
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
  const R = PDF_SETTINGS.ruling;
  const pad = pads.length > 0 ? Math.min(R.maxPadding, Math.max(R.minPadding, Math.min(...pads))) : 2;
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
    const fill = cellFill(shadeOf(shades, box, R.backgroundShare * tableArea));
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
    if (!hasText && grid.ys[r + 1]! - grid.ys[r]! < PDF_SETTINGS.ruling.sliverHeight && rowCells.every((c) => c.kind === 'cell')) continue;
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

/**
 * Advance widths (em) of a font's characters by Unicode character, from the font's widths by
 * character code and its ToUnicode map (pdf.js `fontExtraProperties`); undefined when the font
 * does not give both.
 */
function fontGlyphs(page: PDFPageProxy, fontName: string): Map<string, number> | undefined {
  const font = fontObject(page, fontName);
  if (!font) return undefined;
  // a document's font is one object for all its pages: its widths are worked out once
  if (!glyphsOfFont.has(font)) glyphsOfFont.set(font, glyphWidths(font));
  return glyphsOfFont.get(font);
}

const glyphsOfFont = new WeakMap<object, Map<string, number> | undefined>();

function glyphWidths(pdfFont: object): Map<string, number> | undefined {
  try {
    const font = pdfFont as { widths?: unknown; toUnicode?: { _map?: unknown }; fontMatrix?: number[]; vertical?: boolean };
    const widths = font.widths as Record<number, number> | number[] | undefined;
    const map = font.toUnicode?._map;
    if (!widths || !Array.isArray(map) || font.vertical) return undefined;
    const unit = font.fontMatrix?.[0] ?? 0.001;
    const out = new Map<string, number>();
    // the present codes only (a broken font's map may be a sparse array of enormous length), at most
    // the 16-bit code space
    const codes = Object.keys(map);
    for (let k = 0; k < codes.length && k < 0x10000; k++) {
      const code = Number(codes[k]);
      const u: unknown = map[code];
      const w = (widths as Record<number, number>)[code];
      if (typeof u !== 'string' || typeof w !== 'number' || !(w > 0) || [...u].length !== 1) continue;
      if (!out.has(u)) out.set(u, w * unit);
    }
    return out.size > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text items as runs in page space, with their size and weight. `placed` holds each item's transform in the
 * viewport, which is page space when the page is not turned (`turned` false).
 */
function textRuns(page: PDFPageProxy, items: RawItem[], pm: Matrix, placed: Matrix[], turned: boolean): TextRun[] {
  const runs: TextRun[] = [];
  const boldCache = new Map<string, boolean>();
  const glyphCache = new Map<string, Map<string, number> | undefined>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.str.trim() === '') continue;
    const m = turned ? multiply(pm, it.transform) : placed[i]!;
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]) || 1;
    let bold = boldCache.get(it.fontName);
    if (bold === undefined) {
      bold = fontIsBold(page, it.fontName);
      boldCache.set(it.fontName, bold);
    }
    const horizontal = Math.abs(m[1]) <= 0.1 * Math.abs(m[0]) && m[0] > 0;
    const w = horizontal ? it.width * (Math.hypot(m[0], m[1]) / Math.hypot(it.transform[0] ?? 1, it.transform[1] ?? 0) || 1) : 0.5 * size;
    if (!glyphCache.has(it.fontName)) glyphCache.set(it.fontName, fontGlyphs(page, it.fontName));
    const glyphs = horizontal ? glyphCache.get(it.fontName) : undefined;
    const run: TextRun = { str: it.str, x0: m[4], x1: m[4] + Math.max(w, 0.1), base: m[5], size, bold, font: it.fontName };
    if (glyphs) run.glyphs = glyphs;
    runs.push(run);
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
  // the text from the operator list (one pass over the page: optext.ts), else pdf.js's own text pass
  let items: OpTextItem[] | null = textFromOperators(ops, (name) => fontObject(page, name) as FontFacts | undefined, page.view);
  if (!items) {
    items = [];
    const content = await page.getTextContent();
    for (const x of content.items as unknown[]) if (isTextItem(x)) items.push(x);
  }
  const placed = items.map((it) => multiply(vt, it.transform));
  const theta = orientation(items, placed);
  const { m: pm, width, height } = pageMatrix(vt, viewport.width, viewport.height, theta);

  const drawing = readDrawing(ops, pm);
  // not turned: page space is the viewport (pageMatrix gives `vt` itself)
  const runs = textRuns(page, items, pm, placed, pm !== vt);
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
    l.base - l.size < PDF_SETTINGS.text.bandShare * height ? 'top' : l.base > (1 - PDF_SETTINGS.text.bandShare) * height ? 'bottom' : undefined;
  const body = freeLines.filter((l) => !bandOf(l));
  const ref = body.length > 0 ? body : freeLines;
  const left = ref.length > 0 ? Math.min(...ref.map((l) => l.x0)) : 0;
  const right = ref.length > 0 ? Math.max(...ref.map((l) => l.x1)) : width;

  const aligned = borderlessTables(pageNo, freeLines, pitch);
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
