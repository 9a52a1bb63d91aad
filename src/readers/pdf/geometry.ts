/**
 * Geometry of a PDF page for the PDF reader: affine matrices, ruling segments taken from
 * the page's operator list, and the grids (tables) those segments draw.
 *
 * Coordinates here are always "page space": the pdf.js viewport (scale 1, the page's
 * /Rotate applied, y growing downwards), possibly turned further so that the page's
 * dominant text direction runs left to right (see `orientation` in page.ts).
 */

/** An affine matrix [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f (pdf.js convention). */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: apply m2 first, then m1 (same as pdf.js Util.transform). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A horizontal (y fixed) or vertical (x fixed) ruling segment. */
export interface Segment {
  /** 'h': runs along x at `at` = y; 'v': runs along y at `at` = x. */
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

import { PDF_SETTINGS } from './settings.js';

/** Largest thickness (pt) of a filled rectangle still taken as a ruling line rather than a shaded area. */
export const THIN = PDF_SETTINGS.ruling.maxThickness;
/** Shortest segment (pt) kept as a ruling. */
const MIN_LENGTH = PDF_SETTINGS.ruling.minLength;
/** Tolerance (pt) for "same line" / "touching". */
export const TOL = PDF_SETTINGS.ruling.snapTolerance;

/** Path data of pdf.js 5.x (DrawOPS): 0 moveTo x y, 1 lineTo x y, 2 curveTo x1 y1 x2 y2 x y, 3 closePath. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;

/** Split pdf.js path data into sub-paths of transformed points; a sub-path with a curve is marked. */
export function subpaths(data: ArrayLike<number>, m: Matrix): { points: [number, number][]; curved: boolean; closed: boolean }[] {
  const out: { points: [number, number][]; curved: boolean; closed: boolean }[] = [];
  let cur: { points: [number, number][]; curved: boolean; closed: boolean } | undefined;
  let i = 0;
  while (i < data.length) {
    const op = data[i] ?? -1;
    if (op === MOVE) {
      cur = { points: [apply(m, data[i + 1] ?? 0, data[i + 2] ?? 0)], curved: false, closed: false };
      out.push(cur);
      i += 3;
    } else if (op === LINE) {
      const p = apply(m, data[i + 1] ?? 0, data[i + 2] ?? 0);
      if (!cur) {
        cur = { points: [], curved: false, closed: false };
        out.push(cur);
      }
      cur.points.push(p);
      i += 3;
    } else if (op === CURVE) {
      const p = apply(m, data[i + 5] ?? 0, data[i + 6] ?? 0);
      if (!cur) {
        cur = { points: [], curved: false, closed: false };
        out.push(cur);
      }
      cur.curved = true;
      cur.points.push(p);
      i += 7;
    } else if (op === CLOSE) {
      if (cur) {
        cur.closed = true;
        const first = cur.points[0];
        // a new sub-path after closePath starts at the same point
        cur = first ? { points: [first], curved: false, closed: false } : undefined;
        if (cur) out.push(cur);
      }
      i += 1;
    } else {
      break; // unknown opcode: stop rather than misread the rest
    }
  }
  return out.filter((s) => s.points.length > 1);
}

function axisSegment(p: [number, number], q: [number, number]): Segment | undefined {
  const dx = Math.abs(p[0] - q[0]);
  const dy = Math.abs(p[1] - q[1]);
  if (dy <= 0.5 && dx >= MIN_LENGTH) {
    return { dir: 'h', at: (p[1] + q[1]) / 2, from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) };
  }
  if (dx <= 0.5 && dy >= MIN_LENGTH) {
    return { dir: 'v', at: (p[0] + q[0]) / 2, from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) };
  }
  return undefined;
}

/** Ruling segments drawn by a stroked path: its axis-aligned straight edges. */
export function strokeSegments(data: ArrayLike<number>, m: Matrix): Segment[] {
  const segs: Segment[] = [];
  for (const sp of subpaths(data, m)) {
    if (sp.curved) continue;
    const pts = sp.closed ? [...sp.points, sp.points[0]!] : sp.points;
    for (let k = 1; k < pts.length; k++) {
      const s = axisSegment(pts[k - 1]!, pts[k]!);
      if (s) segs.push(s);
    }
  }
  return segs;
}

/** Axis-aligned rectangle of a closed sub-path of 4–5 points, if it is one. */
function asRect(points: [number, number][]): { x0: number; y0: number; x1: number; y1: number } | undefined {
  const pts = points.slice();
  const last = pts[pts.length - 1]!;
  const first = pts[0]!;
  if (pts.length === 5 && Math.abs(last[0] - first[0]) < 0.01 && Math.abs(last[1] - first[1]) < 0.01) pts.pop();
  if (pts.length !== 4) return undefined;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  for (const [x, y] of pts) {
    const onX = Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5;
    const onY = Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5;
    if (!onX || !onY) return undefined;
  }
  return { x0, y0, x1, y1 };
}

/**
 * Ruling segments drawn by a filled path: thin filled rectangles are border lines
 * (Word and many generators draw borders this way). Wide fills (cell shading, page
 * backgrounds) are not rulings.
 */
export function fillSegments(data: ArrayLike<number>, m: Matrix): Segment[] {
  const segs: Segment[] = [];
  for (const sp of subpaths(data, m)) {
    if (sp.curved) continue;
    const r = asRect(sp.points);
    if (!r) continue;
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    if (h <= THIN && w >= MIN_LENGTH && w > h) segs.push({ dir: 'h', at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else if (w <= THIN && h >= MIN_LENGTH && h > w) segs.push({ dir: 'v', at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
  }
  return segs;
}

/** A filled area wider and taller than a ruling (cell shading, a page background), with its colour. */
export interface Shade {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Hex RGB without '#', upper case. */
  fill: string;
}

/** Filled rectangles of a path that are not rulings (both sides thicker than THIN). */
export function fillAreas(data: ArrayLike<number>, m: Matrix, fill: string): Shade[] {
  const out: Shade[] = [];
  for (const sp of subpaths(data, m)) {
    if (sp.curved) continue;
    const r = asRect(sp.points);
    if (!r || r.x1 - r.x0 <= THIN || r.y1 - r.y0 <= THIN) continue;
    out.push({ ...r, fill });
  }
  return out;
}

/**
 * The colour a box shows: the last-painted shade covering at least `share` of it, provided the
 * shade is not much bigger than `limit` (a table or page background is not a cell's shading).
 */
export function shadeOf(shades: Shade[], box: { x0: number; y0: number; x1: number; y1: number }, limit: number, share = PDF_SETTINGS.ruling.fillShare): string | undefined {
  const area = (box.x1 - box.x0) * (box.y1 - box.y0);
  if (area <= 0) return undefined;
  for (let i = shades.length - 1; i >= 0; i--) {
    const s = shades[i]!;
    const w = Math.min(box.x1, s.x1) - Math.max(box.x0, s.x0);
    const h = Math.min(box.y1, s.y1) - Math.max(box.y0, s.y0);
    if (w <= 0 || h <= 0 || w * h < share * area) continue;
    if ((s.x1 - s.x0) * (s.y1 - s.y0) > limit) continue;
    return s.fill;
  }
  return undefined;
}

/** Merge collinear overlapping/touching segments of one direction. */
export function mergeSegments(segs: Segment[]): Segment[] {
  const sorted = segs.slice().sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  // group by `at` within TOL
  let group: Segment[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const at = group.reduce((s, g) => s + g.at, 0) / group.length;
    const byFrom = group.slice().sort((a, b) => a.from - b.from);
    let cur: Segment | undefined;
    for (const g of byFrom) {
      if (cur && g.from <= cur.to + TOL) cur.to = Math.max(cur.to, g.to);
      else {
        cur = { dir: g.dir, at, from: g.from, to: g.to };
        out.push(cur);
      }
    }
    group = [];
  };
  for (const s of sorted) {
    const first = group[0];
    if (first && s.at - first.at > TOL) flush();
    group.push(s);
  }
  flush();
  return out;
}

/** A ruled table on one page: its grid lines and the segments that draw it. */
export interface Grid {
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
  /** The first row has no top border (the columns' rulings start above the first horizontal one). */
  openTop: boolean;
  /** The last row has no bottom border. */
  openBottom: boolean;
}

function touches(h: Segment, v: Segment): boolean {
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

/** Cluster sorted values closer than `tol` to their mean. */
export function cluster(values: number[], tol = TOL): number[] {
  const sorted = values.slice().sort((a, b) => a - b);
  const out: number[] = [];
  let acc: number[] = [];
  for (const v of sorted) {
    if (acc.length > 0 && v - acc[acc.length - 1]! > tol) {
      out.push(acc.reduce((s, x) => s + x, 0) / acc.length);
      acc = [];
    }
    acc.push(v);
  }
  if (acc.length > 0) out.push(acc.reduce((s, x) => s + x, 0) / acc.length);
  return out;
}

/**
 * Grids drawn by the segments: connected components of crossing horizontal and vertical
 * rulings with at least two of each (a lone underline or a frame line is not a table).
 */
export function findGrids(segments: Segment[]): Grid[] {
  const h = mergeSegments(segments.filter((s) => s.dir === 'h'));
  const v = mergeSegments(segments.filter((s) => s.dir === 'v'));
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      if (touches(h[i]!, v[j]!)) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groups.get(r);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(r, g);
    }
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = cluster(g.v.map((s) => s.at));
    const ys = cluster(g.h.map((s) => s.at));
    if (xs.length < 2 || ys.length < 2) continue;
    // columns drawn above the first / below the last horizontal ruling: a row without its
    // top (bottom) border, as a row continuing from the previous page is often drawn
    const vTop = Math.min(...g.v.map((s) => s.from));
    const vBottom = Math.max(...g.v.map((s) => s.to));
    let openTop = false;
    let openBottom = false;
    if (vTop < ys[0]! - 3 * TOL) {
      ys.unshift(vTop);
      openTop = true;
    }
    if (vBottom > ys[ys.length - 1]! + 3 * TOL) {
      ys.push(vBottom);
      openBottom = true;
    }
    const width = xs[xs.length - 1]! - xs[0]!;
    const height = ys[ys.length - 1]! - ys[0]!;
    if (width < 10 || height < 5) continue;
    grids.push({ xs, ys, h: g.h, v: g.v, openTop, openBottom });
  }
  grids.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
  return grids;
}

/** Whether a ruling of `dir` at `at` covers most of [from, to]. */
export function covered(segs: Segment[], at: number, from: number, to: number): boolean {
  const span = to - from;
  if (span <= 0) return true;
  let cover = 0;
  for (const s of segs) {
    if (Math.abs(s.at - at) > TOL) continue;
    const a = Math.max(from, s.from);
    const b = Math.min(to, s.to);
    if (b > a) cover += b - a;
  }
  return cover >= span * 0.6;
}

/** A rectangular cell region of a grid in slot coordinates (inclusive start, exclusive end). */
export interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * Cells of a grid: slots joined where the ruling between them is missing. Regions are
 * the bounding rectangles of the joined slots; a slot map gives each slot its region.
 */
export function gridRegions(grid: Grid): { regions: Region[]; slot: number[][] } {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    const y0 = grid.ys[r]!;
    const y1 = grid.ys[r + 1]!;
    for (let c = 0; c < cols; c++) {
      const x0 = grid.xs[c]!;
      const x1 = grid.xs[c + 1]!;
      if (c + 1 < cols && !covered(grid.v, x1, y0 + 0.5, y1 - 0.5)) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covered(grid.h, y1, x0 + 0.5, x1 - 0.5)) union(id(r, c), id(r + 1, c));
    }
  }
  const byRoot = new Map<number, Region>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const reg = byRoot.get(root);
      if (!reg) byRoot.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        reg.r0 = Math.min(reg.r0, r);
        reg.r1 = Math.max(reg.r1, r + 1);
        reg.c0 = Math.min(reg.c0, c);
        reg.c1 = Math.max(reg.c1, c + 1);
      }
    }
  }
  // Regions sorted in reading order; overlapping bounding boxes (non-rectangular merges) are
  // resolved by giving each slot to the first region that covers it.
  const regions = [...byRoot.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const slot: number[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => -1));
  regions.forEach((reg, k) => {
    for (let r = reg.r0; r < reg.r1; r++) {
      for (let c = reg.c0; c < reg.c1; c++) {
        const rowSlots = slot[r]!;
        if (rowSlots[c] === -1) rowSlots[c] = k;
      }
    }
  });
  return { regions, slot };
}
