/**
 * Bitmap operations for OCR: turning a scanned page straight, the paper tone, and cutting a
 * table cell out (padded with paper) so that Tesseract reads each cell on its own.
 */
import type { Gray } from './pgm.js';

/**
 * The page turned by `angle` (radians, the skew found from its rulings) about its centre, with
 * bilinear sampling: a point (x, y) of the input lands where `turn` in index.ts puts it, so the
 * rulings come out axis-parallel and a cell is a plain rectangle. Outside the input is paper.
 */
export function rotate(img: Gray, angle: number, paper = 255): Gray {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    // inverse of turn(): the input point shown at output (x, y)
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
        out[y * w + x] = x0 >= 0 && y0 >= 0 && x0 < w && y0 < h ? data[y0 * w + x0]! : paper;
        continue;
      }
      const i = y0 * w + x0;
      const top = data[i]! + fx * (data[i + 1]! - data[i]!);
      const bottom = data[i + w]! + fx * (data[i + w + 1]! - data[i + w]!);
      out[y * w + x] = Math.round(top + fy * (bottom - top));
    }
  }
  return { width: w, height: h, data: out };
}

/** The paper tone: the median grey of the page (most of a page is paper). */
export function paperLevel(img: Gray): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= img.data.length / 2) return v;
  }
  return 255;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The pixels of `box` (clipped to the image) with `pad` pixels of paper around them: a cell
 * given to Tesseract alone, with the margin its page segmentation expects. Returns the image
 * and where its top-left pixel lies on the page.
 */
export function crop(img: Gray, box: Box, pad: number, paper: number): { img: Gray; left: number; top: number } {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const width = w + 2 * pad;
  const height = h + 2 * pad;
  const data = new Uint8Array(width * height).fill(paper);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), (y + pad) * width + pad);
  return { img: { width, height, data }, left: x0 - pad, top: y0 - pad };
}

/** Paint `box` with paper (a cell read on its own is taken out of the page image). */
export function blank(img: Gray, box: Box, paper: number): void {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(img.height, Math.ceil(box.y1)); y++) img.data.fill(paper, y * img.width + x0, y * img.width + x1);
}

/** Number of pixels darker than `dark` inside `box`. */
export function inkCount(img: Gray, box: Box, dark: number): number {
  let n = 0;
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(img.height, Math.ceil(box.y1)); y++) {
    for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < dark) n++;
  }
  return n;
}

/**
 * Remove specks: small isolated blots of ink (dust, scanner noise) that Tesseract reads as a
 * dash, a colon or a letter «і». A connected blot (8-neighbour, darker than `dark`) whose
 * extent is at most `dpi / 40` pixels (0.025 in, under 2 pt: smaller than any letter body, the
 * size of a dot) is a speck unless it is where a dot belongs:
 * - other ink touches it within `dpi / 150` pixels (a letter broken by the threshold);
 * - ink lies above or below it over the same columns within `dpi / 10` (the dot of і/ї, the
 *   breve of й, the other half of a colon);
 * - it sits on the baseline of the text before it: the dense band of the ink within `dpi / 12`
 *   to its left (the body of the letters) ends where the blot ends (a full stop, a decimal
 *   point, an ellipsis; within its own size and 0.01 in, as a round letter thins out at the
 *   baseline). A speck on a baseline between words is read as a lone «.» and
 *   dropped as noise later (isNoise).
 * Returns the number of specks painted with paper.
 */
export function despeckle(img: Gray, dark: number, dpi: number, paper: number): number {
  const { width: w, height: h, data } = img;
  const maxExtent = Math.max(2, Math.round(dpi / 40));
  const touch = Math.max(1, Math.round(dpi / 150));
  const reach = Math.max(4, Math.round(dpi / 10));
  const side = Math.max(4, Math.round(dpi / 12));
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let next = 0;
  let removed = 0;
  const inkOther = (x0: number, y0: number, x1: number, y1: number, id: number): boolean => {
    for (let y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
        const i = y * w + x;
        if (data[i]! < dark && label[i] !== id) return true;
      }
    }
    return false;
  };
  /** Bottom row of the dense band of other ink in the box, or -1. */
  const bandBottom = (x0: number, y0: number, x1: number, y1: number, id: number): number => {
    const ya = Math.max(0, y0);
    const yb = Math.min(h - 1, y1);
    const rows: number[] = [];
    for (let y = ya; y <= yb; y++) {
      let n = 0;
      for (let x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
        const i = y * w + x;
        if (data[i]! < dark && label[i] !== id) n++;
      }
      rows.push(n);
    }
    const max = Math.max(0, ...rows);
    if (max < 3) return -1;
    let last = -1;
    for (let i = 0; i < rows.length; i++) if (rows[i]! >= 0.4 * max) last = i;
    return ya + last;
  };
  // small blots: [id, minX, minY, maxX, maxY]
  const blots: number[][] = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || data[start]! >= dark) continue;
    const id = ++next;
    let sp = 0;
    stack[sp++] = start;
    label[start] = id;
    let minX = w;
    let maxX = -1;
    let minY = h;
    let maxY = -1;
    while (sp > 0) {
      const i = stack[--sp]!;
      const x = i % w;
      const y = (i - x) / w;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (label[j] === 0 && data[j]! < dark) {
            label[j] = id;
            stack[sp++] = j;
          }
        }
      }
    }
    if (maxX - minX + 1 <= maxExtent && maxY - minY + 1 <= maxExtent) blots.push([id, minX, minY, maxX, maxY]);
  }
  // first the blots beside text (touching a letter, on its baseline); then a blot above or
  // below ink that is not itself a speck (a dot over a stem, the top of a colon)
  const speck = new Set<number>();
  const pending: number[][] = [];
  for (const b of blots) {
    const [id, minX, minY, maxX, maxY] = b as [number, number, number, number, number];
    if (inkOther(minX - touch, minY - touch, maxX + touch, maxY + touch, id)) continue;
    const ext = Math.max(maxX - minX, maxY - minY) + 1;
    // a full stop follows its word: the text is on its left
    const bottom = bandBottom(minX - side, minY - reach, minX - 1, maxY + reach, id);
    if (bottom >= 0 && Math.abs(bottom - maxY) <= ext + Math.max(1, Math.round(dpi / 100))) continue;
    pending.push(b);
    speck.add(id);
  }
  const partner = (x0: number, y0: number, x1: number, y1: number, id: number): boolean => {
    for (let y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
        const i = y * w + x;
        if (data[i]! < dark && label[i] !== id && !speck.has(label[i]!)) return true;
      }
    }
    return false;
  };
  const kept = pending.filter(([id, minX, minY, maxX, maxY]) => partner(minX! - 1, minY! - reach, maxX! + 1, maxY! + reach, id!));
  for (const [id] of kept) speck.delete(id!);
  for (const [id, minX, minY, maxX, maxY] of pending) {
    if (!speck.has(id!)) continue;
    // with its grey rim (the blot is alone within `touch` pixels)
    for (let y = Math.max(0, minY! - 1); y <= Math.min(h - 1, maxY! + 1); y++) data.fill(paper, y * w + Math.max(0, minX! - 1), y * w + Math.min(w, maxX! + 2));
    removed++;
  }
  return removed;
}

/**
 * The baseline of a line of text inside `box`, from its ink: the bottom row of the dense band
 * (the body of the letters, where each row holds at least 40 % of the densest row's ink); below
 * it only descenders reach. Undefined for a box with too little ink to tell.
 */
export function inkBaseline(img: Gray, box: Box, dark: number): number | undefined {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  if (x1 - x0 < 2 || y1 - y0 < 4) return undefined;
  const rows: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < dark) n++;
    rows.push(n);
  }
  const max = Math.max(...rows);
  if (max < 3) return undefined;
  let last = -1;
  for (let i = 0; i < rows.length; i++) if (rows[i]! >= 0.4 * max) last = i;
  return y0 + last + 1;
}

/** The image enlarged `k` times (each pixel repeated; a line re-read at a higher resolution). */
export function enlarge(img: Gray, k: number): Gray {
  const width = img.width * k;
  const height = img.height * k;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = Math.floor(y / k) * img.width;
    for (let x = 0; x < width; x++) data[y * width + x] = img.data[src + Math.floor(x / k)]!;
  }
  return { width, height, data };
}
