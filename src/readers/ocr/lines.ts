/**
 * Ruling lines of a scanned table, found in the bitmap itself: long runs of dark pixels
 * along rows (horizontal rulings) and along columns (vertical rulings).
 *
 * - A pixel is dark below a threshold halfway between paper and ink (Otsu-like: the
 *   midpoint of the darkest and lightest percentiles, so grey scans work too).
 * - Runs along a row shorter than `minRun` (about a third of an inch: longer than any
 *   stroke of a letter at text sizes) are ignored; gaps of a few pixels inside a run
 *   (noise, a faint scan) are bridged.
 * - Runs on neighbouring rows that overlap join into one line (union-find), so a line a few
 *   pixels thick, or slightly skewed (a staircase of runs), is one component. Each
 *   component gets a straight-line fit; the median slope of the long lines is the page's
 *   skew, and every line's end points are turned by it so rulings come out axis-parallel.
 */
import type { Gray } from './pgm.js';

export interface PixelLine {
  dir: 'h' | 'v';
  /** End points in pixels (image space), along the fitted line. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Pixel runs of the line (for erasing it before recognition): [fixed, from, to]. */
  runs: [number, number, number][];
}

export function threshold(img: Gray): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  const n = img.data.length;
  const pct = (p: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= p * n) return v;
    }
    return 255;
  };
  const ink = pct(0.01);
  const paper = pct(0.5);
  return Math.max(1, Math.round((ink + paper) / 2));
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Long dark runs along one axis. `lines` is the number of scan lines, `len` their length,
 * `at(i, j)` the pixel value at scan line i, position j.
 */
function scan(lines: number, len: number, at: (i: number, j: number) => number, dark: number, minRun: number, gap: number): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let i = 0; i < lines; i++) {
    let start = -1;
    let last = -1;
    for (let j = 0; j <= len; j++) {
      const isDark = j < len && at(i, j) < dark;
      if (isDark) {
        if (start < 0 || j - last > gap + 1) {
          if (start >= 0 && last - start + 1 >= minRun) runs.push([i, start, last]);
          start = j;
        }
        last = j;
      }
    }
    if (start >= 0 && last - start + 1 >= minRun) runs.push([i, start, last]);
  }
  return runs;
}

/** Join runs on neighbouring scan lines that overlap; fit each group with a straight line. */
function group(runs: [number, number, number][], minLength: number): { runs: [number, number, number][]; a: number; b: number; from: number; to: number }[] {
  const uf = new UnionFind(runs.length);
  // runs are sorted by scan line, then position
  let prevStart = 0;
  let prevEnd = 0;
  let i = 0;
  while (i < runs.length) {
    const line = runs[i]![0];
    let j = i;
    while (j < runs.length && runs[j]![0] === line) j++;
    if (prevEnd > prevStart && runs[prevStart]![0] >= line - 2) {
      for (let k = i; k < j; k++) {
        const r = runs[k]!;
        for (let p = prevStart; p < prevEnd; p++) {
          const q = runs[p]!;
          if (q[1] <= r[2] && r[1] <= q[2]) uf.union(k, p);
        }
      }
    }
    prevStart = i;
    prevEnd = j;
    i = j;
  }
  const groups = new Map<number, [number, number, number][]>();
  runs.forEach((r, k) => {
    const root = uf.find(k);
    const g = groups.get(root);
    if (g) g.push(r);
    else groups.set(root, [r]);
  });
  const out: { runs: [number, number, number][]; a: number; b: number; from: number; to: number }[] = [];
  for (const g of groups.values()) {
    const from = Math.min(...g.map((r) => r[1]));
    const to = Math.max(...g.map((r) => r[2]));
    if (to - from + 1 < minLength) continue;
    // least squares: fixed = a + b·position. A slanted line of some thickness is a
    // staircase of runs; the ends of the runs on the side the line climbs are where it
    // crosses from one scan line to the next (the mid-points of the first and last runs
    // are pulled inwards by the line's ends), so those ends are fitted.
    const fit = (pts: [number, number, number][]): { a: number; b: number } | undefined => {
      let sw = 0;
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let sxy = 0;
      for (const [x, y, w] of pts) {
        sw += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
      }
      const den = sw * sxx - sx * sx;
      if (!(sw > 0)) return undefined;
      const b = Math.abs(den) > 1e-9 ? (sw * sxy - sx * sy) / den : 0;
      return { a: (sy - b * sx) / sw, b };
    };
    const crude = fit(g.map(([fixed, s, e]) => [(s + e) / 2, fixed, e - s + 1]))!;
    const ends: [number, number, number][] =
      crude.b >= 0 ? g.filter((r) => r[2] < to).map((r) => [r[2], r[0] + 0.5, 1]) : g.filter((r) => r[1] > from).map((r) => [r[1], r[0] + 0.5, 1]);
    const fine = new Set(ends.map((p) => p[1])).size >= 2 ? fit(ends) : undefined;
    let b = fine?.b ?? crude.b;
    if (!Number.isFinite(b) || Math.abs(b) > 0.05) b = 0;
    // the line's middle scan line (through the weighted centre of its runs)
    const a = crude.a + crude.b * ((from + to) / 2) - b * ((from + to) / 2);
    out.push({ runs: g, a, b, from, to });
  }
  return out;
}

export interface FoundLines {
  lines: PixelLine[];
  /** Skew of the page (radians, positive = clockwise in image space). */
  skew: number;
}

/** Find the ruling lines of a page image rendered at `dpi`. */
export function findLines(img: Gray, dpi: number): FoundLines {
  const { width, height, data } = img;
  const dark = threshold(img);
  const minRun = Math.max(8, Math.round(dpi / 3));
  // a column ruling of a one-line row (a header row above a full-width row) is shorter than a
  // third of an inch: one from a sixth of an inch on counts when both its ends meet rulings
  const shortRun = Math.max(6, Math.round(dpi / 6));
  const gap = Math.max(1, Math.round(dpi / 150));
  const hRuns = scan(height, width, (y, x) => data[y * width + x]!, dark, minRun, gap);
  const vRuns = scan(width, height, (x, y) => data[y * width + x]!, dark, shortRun, gap);
  const hs = group(hRuns, minRun);
  const meet = Math.max(3, Math.round(dpi / 50));
  const onH = (x: number, y: number): boolean => hs.some((g) => x >= g.from - meet && x <= g.to + meet && Math.abs(g.a + g.b * x - y) <= meet + 2);
  const vs = group(vRuns, shortRun).filter((g) => {
    if (g.to - g.from + 1 >= minRun) return true;
    const xTop = g.a + g.b * g.from;
    const xBottom = g.a + g.b * g.to;
    return onH(xTop, g.from) && onH(xBottom, g.to);
  });
  const slopes = [
    ...hs.filter((g) => g.to - g.from > width / 5).map((g) => g.b),
    ...vs.filter((g) => g.to - g.from > height / 8).map((g) => -g.b),
  ].sort((p, q) => p - q);
  const skew = slopes.length > 0 ? Math.atan(slopes[Math.floor(slopes.length / 2)]!) : 0;
  const lines: PixelLine[] = [];
  for (const g of hs) lines.push({ dir: 'h', x0: g.from, y0: g.a + g.b * g.from, x1: g.to, y1: g.a + g.b * g.to, runs: g.runs });
  for (const g of vs) lines.push({ dir: 'v', x0: g.a + g.b * g.from, y0: g.from, x1: g.a + g.b * g.to, y1: g.to, runs: g.runs });
  return { lines, skew };
}

/**
 * Paint the rulings with paper (`paper`, the page's own tone, so no edge of a lighter stripe
 * is left for recognition to see; white by default) with a margin of `margin` pixels for the
 * grey edges of a scanned line, so recognition does not read them as letters.
 */
export function eraseLines(img: Gray, lines: PixelLine[], margin = 2, paper = 255): Gray {
  const data = new Uint8Array(img.data);
  const { width, height } = img;
  for (const l of lines) {
    for (const [fixed, s, e] of l.runs) {
      for (let d = -margin; d <= margin; d++) {
        const f = fixed + d;
        if (l.dir === 'h') {
          if (f < 0 || f >= height) continue;
          data.fill(paper, f * width + Math.max(0, s - margin), f * width + Math.min(width, e + margin + 1));
        } else {
          if (f < 0 || f >= width) continue;
          for (let y = Math.max(0, s - margin); y <= Math.min(height - 1, e + margin); y++) data[y * width + f] = paper;
        }
      }
    }
  }
  return { width, height, data };
}
