/**
 * OCR of pages without a text layer (scans) and of images given as input.
 *
 * A page is rendered to a greyscale bitmap (`pdftoppm -r 300 -gray`). Its ruling lines are
 * found in the bitmap (lines.ts); the page is turned straight by their skew, the rulings are
 * erased and specks removed (bitmap.ts). Each cell of a ruled table is cut out and read on its
 * own, the rest of the page as one image (Tesseract `-l ukr --psm 6`: TSV word boxes with
 * confidences, hOCR lines). A line with a word read with low confidence is read again alone
 * (`--psm 7`) and the more confident reading kept. The words (as text runs) and the rulings (as
 * segments) go through the PDF reader's own page layout: tables are rebuilt from the ruling
 * grid and word positions exactly as for a PDF with a text layer, so the same extractor reads
 * them. Coordinates are scaled from pixels to points.
 *
 * Text read this way carries `source: 'ocr'` and its confidence in the tree's node data;
 * table cells read with low confidence are reported (`ocr-low-confidence`) for review.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocRoot } from '../../doctree/types.js';
import { info, warning, type Message } from '../../model/message.js';
import type { Segment } from '../pdf/geometry.js';
import { layoutPage, type PageModel } from '../pdf/page.js';
import type { TextRun } from '../pdf/text.js';
import { findGrids, gridRegions } from '../pdf/geometry.js';
import { blank, crop, despeckle, enlarge, inkBaseline, inkCount, paperLevel, rotate, type Box } from './bitmap.js';
import { eraseLines, findLines, threshold, type PixelLine } from './lines.js';
import { parsePgm, writePgm, type Gray } from './pgm.js';
import { checkTools, OcrUnavailableError, run } from './tools.js';
import { parseTsv, type OcrLineBox, type OcrWord } from './tsv.js';

export { INSTALL_HINT, OcrUnavailableError, ocrAvailable } from './tools.js';

/** `auto`: OCR only pages without a text layer; `on`: every page; `off`: never. */
export type OcrMode = 'auto' | 'on' | 'off';

export const OCR_DPI = 300;
/**
 * Tesseract's Ukrainian model alone: its character set includes the Latin alphabet (addresses,
 * English names are read), and without the English model the Latin twins of Cyrillic capitals
 * (ХМКП read as «XMKII») no longer compete.
 */
export const OCR_LANGUAGES = 'ukr';
/** A doubtful line is also read with English beside Ukrainian, for Latin text. */
export const OCR_LATIN_LANGUAGES = 'ukr+eng';
/** A table cell read with a lower mean confidence is reported for review. */
export const LOW_CONFIDENCE = 70;
const RENDER_TIMEOUT = 60_000;
const TESSERACT_TIMEOUT = 180_000;

export interface OcrPage {
  model: PageModel;
  /** Mean word confidence of the page (0–100), weighted by word length. */
  confidence: number;
  words: number;
}

/** Text that is only a ruling Tesseract still saw (│, |, _), not a word. */
const RULE_ONLY = /^[|│¦_]+$/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Specks and remains of rulings read as text: a ruling glyph, or a token read with low
 * confidence that has no letter or digit or is one or two characters long (a real short
 * word such as «і» or «в» is read with high confidence).
 */
export function isNoise(text: string, conf: number): boolean {
  if (RULE_ONLY.test(text)) return true;
  // a lone full stop, comma, colon or quote between spaces is a speck, never text
  if (/^[.,:;'"`’]+$/u.test(text)) return true;
  // a dash between dates is often read with little confidence; specks are gone by now
  // (despeckle) and a dash left of a ruling is dropped where it lies on one
  if (/^[-‐‑–—]+$/u.test(text)) return false;
  if (conf >= 50) return false;
  return !WORDLIKE.test(text) || [...text].length <= 2;
}

/** A cell of a ruled table, in pixels of the straightened page. */
interface CellBox extends Box {
  /** Where the crop's top-left pixel lies on the page. */
  left: number;
  top: number;
}

/**
 * The cells of the ruled tables among `segments` (pt), in pixels: the same grids and merged
 * regions the PDF layout will build its tables from (a lone frame around text is no table).
 */
function tableCells(segments: Segment[], scale: number): Box[] {
  const boxes: Box[] = [];
  for (const grid of findGrids(segments)) {
    if (grid.ys.length <= 2 && grid.xs.length <= 2) continue;
    for (const r of gridRegions(grid).regions) {
      boxes.push({ x0: grid.xs[r.c0]! / scale, x1: grid.xs[r.c1]! / scale, y0: grid.ys[r.r0]! / scale, y1: grid.ys[r.r1]! / scale });
    }
  }
  return boxes;
}

/** An image given to Tesseract, and where its top-left pixel lies on the page. */
interface Piece {
  img: Gray;
  left: number;
  top: number;
}

/**
 * Tesseract's line size (hOCR x_size) as a share of the font size: about 0.9 em on text set
 * in 12 pt (measured 10.6–11.2 px-points against the text layer's 12 pt). The layout's
 * thresholds are in font sizes, so sizes are given to it in the same unit as a text PDF's.
 */
const X_SIZE_EM = 0.9;

/** A line with a word read below this confidence is read again on its own. */
export const REREAD = 60;

/** Confident text in a reading: characters weighted by their word's confidence. */
export function readingScore(words: { text: string; conf: number }[]): number {
  return words.filter((w) => !isNoise(w.text, w.conf)).reduce((s, w) => s + [...w.text].length * (w.conf / 100), 0);
}

/**
 * Read images with one Tesseract run (a list of images is read as pages) and return the words
 * and lines in page pixels. Line keys are `<image>.<block>.<paragraph>.<line>` prefixed by
 * `base`'s name, so readings of different runs never share a key.
 */
async function readImages(pieces: Piece[], psm: string, dpi: number, base: string, zoom = 1, languages = OCR_LANGUAGES): Promise<{ words: OcrWord[]; lines: Map<string, OcrLineBox> }> {
  const files = pieces.map((_, i) => `${base}-${i + 1}.pgm`);
  await Promise.all(pieces.map((p, i) => writeFile(files[i]!, writePgm(zoom === 1 ? p.img : enlarge(p.img, zoom)))));
  const list = `${base}.txt`;
  await writeFile(list, files.join('\n') + '\n');
  try {
    await run('tesseract', [list, base, '-l', languages, '--psm', psm, '--dpi', String(dpi * zoom), 'tsv', 'hocr'], TESSERACT_TIMEOUT * (1 + Math.ceil(pieces.length / 40)));
    const tsv = await readFile(`${base}.tsv`, 'utf8');
    const hocr = await readFile(`${base}.hocr`, 'utf8').catch(() => '');
    const parsed = parseTsv(tsv, hocr);
    const tag = base.slice(base.lastIndexOf('/') + 1);
    const shift = (p: number): Piece => pieces[p - 1] ?? pieces[0]!;
    // boxes from the enlarged image back to page pixels
    const z = (v: number): number => v / zoom;
    const words = parsed.words.map((w) => ({
      ...w,
      line: `${w.page}.${tag}.${w.line}`,
      left: z(w.left) + shift(w.page).left,
      top: z(w.top) + shift(w.page).top,
      width: z(w.width),
      height: z(w.height),
    }));
    const lines = new Map<string, OcrLineBox>();
    for (const [key, box] of parsed.lines) {
      const p = Number(key.split('.')[0]);
      const line: OcrLineBox = { left: z(box.left) + shift(p).left, top: z(box.top) + shift(p).top, height: z(box.height) };
      if (box.baseline) line.baseline = { p1: box.baseline.p1, p0: z(box.baseline.p0) };
      if (box.size !== undefined) line.size = z(box.size);
      lines.set(`${p}.${tag}.${key}`, line);
    }
    return { words, lines };
  } finally {
    await Promise.all([list, ...files, `${base}.tsv`, `${base}.hocr`].map((f) => rm(f, { force: true })));
  }
}

/** A page straightened and cleaned for reading, with its rulings. */
interface CleanPage {
  /** The straightened page. */
  img: Gray;
  /** Its rulings, in pixels, and their residual skew. */
  lines: PixelLine[];
  skew: number;
  paper: number;
  /** The page with its rulings erased and specks removed, and its ink threshold. */
  clean: Gray;
  dark: number;
}

/** Turn the page straight by its rulings' skew, erase the rulings and remove specks. */
function straightenAndClean(page: Gray, dpi: number): CleanPage {
  const found = findLines(page, dpi);
  // straighten the page (above ~0.02°, a shift of a pixel over 10 cm) so cells are rectangles
  const img = Math.abs(found.skew) > 3e-4 ? rotate(page, found.skew, paperLevel(page)) : page;
  const { lines, skew } = img === page ? found : findLines(img, dpi);
  const paper = paperLevel(img);
  const clean = eraseLines(img, lines, Math.max(2, Math.round(dpi / 150)), paper);
  const dark = threshold(clean);
  despeckle(clean, dark, dpi, paper);
  return { img, lines, skew, paper, clean, dark };
}

/** Image pixels → the unskewed frame (still pixels): a turn by `skew` about the page's centre. */
type Turn = (x: number, y: number) => [number, number];

/** The turn from the straightened image's pixels to the frame its rulings' residual `skew` removes. */
function unskew(img: Gray, skew: number): Turn {
  const cx = img.width / 2;
  const cy = img.height / 2;
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  return (x, y) => [cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos];
}

/** The rulings as layout segments, in points. */
function rulingSegments(lines: PixelLine[], turn: Turn, scale: number): Segment[] {
  return lines.map((l) => {
    const [ax, ay] = turn(l.x0, l.y0);
    const [bx, by] = turn(l.x1, l.y1);
    return l.dir === 'h'
      ? { dir: 'h' as const, at: ((ay + by) / 2) * scale, from: Math.min(ax, bx) * scale, to: Math.max(ax, bx) * scale }
      : { dir: 'v' as const, at: ((ax + bx) / 2) * scale, from: Math.min(ay, by) * scale, to: Math.max(ay, by) * scale };
  });
}

/**
 * The images to read: the page outside the tables first, then each table cell with ink, cut
 * out with a margin of `pad`; and each image's frame on the page (the whole page, the cell).
 * (The residual skew after straightening is below a pixel over the page, so a cell box in the
 * turned frame is the same box in the image.)
 */
function cutCells(p: CleanPage, segments: Segment[], scale: number, dpi: number, pad: number): { pieces: Piece[]; frames: Box[] } {
  const { clean, dark, paper } = p;
  const inset = Math.max(1, Math.round(dpi / 300));
  const rest: Gray = { width: clean.width, height: clean.height, data: new Uint8Array(clean.data) };
  const cells: CellBox[] = [];
  const pieces: Piece[] = [];
  for (const box of tableCells(segments, scale)) {
    const inner = { x0: box.x0 + inset, y0: box.y0 + inset, x1: box.x1 - inset, y1: box.y1 - inset };
    blank(rest, inner, paper);
    if (inner.x1 - inner.x0 < 2 || inner.y1 - inner.y0 < 2 || inkCount(clean, inner, dark) < (dpi / 100) ** 2 * 8) continue;
    const c = crop(clean, inner, pad, paper);
    cells.push({ ...inner, left: c.left, top: c.top });
    pieces.push(c);
  }
  pieces.unshift({ img: rest, left: 0, top: 0 });
  return { pieces, frames: [{ x0: 0, y0: 0, x1: clean.width, y1: clean.height }, ...cells] };
}

/** A page's words after re-reading, their line boxes, and each line read again → the line it replaces. */
interface Reading {
  words: OcrWord[];
  lineBoxes: Map<string, OcrLineBox>;
  reread: Map<string, string>;
}

/** The reading with more confident text than `ws`, among `options`; undefined when none is. */
function mostConfident(ws: OcrWord[], options: OcrWord[][]): OcrWord[] | undefined {
  let best: OcrWord[] | undefined;
  let bestScore = readingScore(ws);
  for (const o of options) {
    if (readingScore(o) > bestScore) {
      best = o;
      bestScore = readingScore(o);
    }
  }
  return best;
}

/**
 * Confidence-based re-reading: a line with a word read below REREAD is cut out (within its
 * cell) and read again as a single text line (--psm 7) at twice the resolution (short words
 * in capitals, «ХКП», are read right where the page's resolution gave «ХП»); the reading
 * with more confident text replaces it. `first.lines` is updated in place.
 */
async function rereadDoubtfulLines(first: Awaited<ReturnType<typeof readImages>>, frames: Box[], p: CleanPage, pad: number, dpi: number, base: string): Promise<Reading> {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of first.words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const doubtful = [...byLine].filter(([, ws]) => ws.some((w) => w.conf < REREAD && WORDLIKE.test(w.text)));
  const lineBoxes = first.lines;
  const reread = new Map<string, string>();
  if (doubtful.length === 0) return { words: first.words, lineBoxes, reread };
  const again: Piece[] = doubtful.map(([key]) => {
    const box = first.lines.get(key)!;
    const frame = frames[Number(key.split('.')[0]) - 1]!;
    const ws = byLine.get(key)!;
    const x0 = Math.min(box.left, ...ws.map((w) => w.left));
    const x1 = Math.max(...ws.map((w) => w.left + w.width));
    const m = Math.round(box.height * 0.35);
    const clip = { x0: Math.max(frame.x0, x0 - 2 * m), y0: Math.max(frame.y0, box.top - m), x1: Math.min(frame.x1, x1 + 2 * m), y1: Math.min(frame.y1, box.top + box.height + m) };
    return crop(p.clean, clip, pad, p.paper);
  });
  const second = await readImages(again, '7', dpi, `${base}-again`, 2);
  // and with the English model beside it, for Latin text (a web address, a product name) that
  // the Ukrainian model reads in Cyrillic look-alikes; its reading counts only where it holds
  // a Latin word that is not made of Cyrillic look-alikes («XKII» for «ХКП» is not Latin text)
  const latin = await readImages(again, '7', dpi, `${base}-latin`, 2, OCR_LATIN_LANGUAGES);
  const replace = new Map<string, string>();
  doubtful.forEach(([key, ws], i) => {
    const redo = second.words.filter((w) => w.page === i + 1);
    const other = latin.words.filter((w) => w.page === i + 1);
    const best = mostConfident(ws, latinText(other) ? [redo, other] : [redo]);
    if (best) for (const w of best) replace.set(w.line, key);
  });
  for (const [k, v] of replace) reread.set(k, v);
  const dropped = new Set(replace.values());
  const words = [...first.words.filter((w) => !dropped.has(w.line)), ...second.words.filter((w) => replace.has(w.line)), ...latin.words.filter((w) => replace.has(w.line))];
  for (const [key, box] of [...second.lines, ...latin.lines]) if (replace.has(key)) lineBoxes.set(key, box);
  return { words, lineBoxes, reread };
}

/** Per scope (see `scope`): words mostly Cyrillic count +1, others with letters −1; a positive sum is a Cyrillic majority. */
function cyrillicMajority(kept: OcrWord[], scope: (w: OcrWord) => string): Map<string, number> {
  const cyrillic = new Map<string, number>();
  for (const w of kept) {
    const letters = w.text.match(/\p{L}/gu) ?? [];
    const c = letters.filter((ch) => /\p{Script=Cyrillic}/u.test(ch)).length;
    cyrillic.set(scope(w), (cyrillic.get(scope(w)) ?? 0) + (letters.length > 0 ? (c > letters.length / 2 ? 1 : -1) : 0));
  }
  return cyrillic;
}

/**
 * Line metrics, in pixels. Tesseract's baseline and size of a short line are unsteady (a word
 * with descenders, a line of capitals), and a jump reads as a paragraph break or a font change:
 * the baseline is taken from the line's ink (inkBaseline), and within a cell, where text is
 * set in one size, a line's size within 35 % of the cell's median size is that median.
 */
function lineMetrics(kept: OcrWord[], lineBoxes: Map<string, OcrLineBox>, p: CleanPage, frameOf: (key: string) => number): Map<string, { base: number; size: number }> {
  const metrics = new Map<string, { base: number; size: number }>();
  const lineWords = new Map<string, OcrWord[]>();
  for (const w of kept) lineWords.set(w.line, [...(lineWords.get(w.line) ?? []), w]);
  for (const [key, ws] of lineWords) {
    const box = lineBoxes.get(key) ?? { left: ws[0]!.left, top: Math.min(...ws.map((w) => w.top)), height: Math.max(...ws.map((w) => w.top + w.height)) - Math.min(...ws.map((w) => w.top)) };
    const hocrBase = box.baseline ? box.top + box.height + box.baseline.p0 : box.top + box.height * 0.8;
    const ink = inkBaseline(p.clean, { x0: Math.min(...ws.map((w) => w.left)), x1: Math.max(...ws.map((w) => w.left + w.width)), y0: box.top, y1: box.top + box.height }, p.dark);
    metrics.set(key, { base: ink ?? hocrBase, size: box.size !== undefined ? box.size / X_SIZE_EM : box.height * 0.8 });
  }
  const frameSizes = new Map<number, number[]>();
  for (const [key, m] of metrics) frameSizes.set(frameOf(key), [...(frameSizes.get(frameOf(key)) ?? []), m.size]);
  for (const [key, m] of metrics) {
    const f = frameOf(key);
    if (f <= 1) continue;
    const sizes = frameSizes.get(f)!.slice().sort((a, b) => a - b);
    const med = sizes[Math.floor(sizes.length / 2)]!;
    if (Math.abs(m.size - med) <= 0.35 * med) m.size = med;
  }
  return metrics;
}

/**
 * Is a word without letters or digits (a dash, a dot) what is left of a ruling? A real dash
 * stands inside the cell's padding, clear of the line: a remnant's ink crosses a vertical
 * ruling, or its middle lies on a horizontal one. `base` is in the unskewed frame, pixels.
 */
function onRuling(w: OcrWord, base: number, size: number, segments: Segment[], turn: Turn, scale: number): boolean {
  const near = 0.25 * size;
  const [ax, ay] = turn(w.left, w.top + w.height / 2);
  const left = ax * scale;
  const right = (ax + w.width) * scale;
  const y = base * scale;
  const mid = ay * scale;
  return segments.some((sg) =>
    sg.dir === 'v'
      ? left <= sg.at + near && right >= sg.at - near && y >= sg.from - near && y <= sg.to + near
      : Math.abs(sg.at - mid) < Math.max(1, 0.1 * size) && right >= sg.from && left <= sg.to,
  );
}

/**
 * The layout's padding fitted to each cell of the page's tables. The layout measures one
 * padding for the whole table, to the text nearest a cell border; on a scan that can be a mark
 * that survived cleaning. A cell's own padding is the indent of its leftmost line, and the
 * room at a line's end is what is left before the same padding on the right: free − indent −
 * the cell's smallest indent. Without this, a full line looks like the end of a paragraph.
 */
function fitCellPadding(model: PageModel): void {
  for (const b of model.blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.frag.rows) {
      for (const cell of row.cells) {
        if (cell.lines.length === 0) continue;
        const own = Math.max(0, Math.min(...cell.lines.map((l) => l.indent)));
        for (const l of cell.lines) l.free = Math.max(0, l.free - Math.max(0, l.indent) - own);
      }
    }
  }
}

/**
 * Recognise one page bitmap and lay it out as a PDF page model.
 *
 * The page is turned straight by the skew of its rulings and the rulings are erased. Each cell
 * of a ruled table is then cut out and read on its own (Tesseract `--psm 6`, one uniform block
 * of text): a line of one cell can no longer run into the next column, and the cell's lines
 * keep their own baselines. What lies outside the tables is read as one page. All images go
 * to one Tesseract run (a list of images is read as pages).
 */
export async function ocrBitmap(page: Gray, dpi: number, pageNo: number, dir: string): Promise<OcrPage> {
  const p = straightenAndClean(page, dpi);
  const scale = 72 / dpi;
  const turn = unskew(p.img, p.skew);
  const segments = rulingSegments(p.lines, turn, scale);
  const pad = Math.round(dpi / 15);
  const { pieces, frames } = cutCells(p, segments, scale, dpi, pad);
  const base = join(dir, `page-${pageNo}`);
  const first = await readImages(pieces, '6', dpi, base);
  const { words, lineBoxes, reread } = await rereadDoubtfulLines(first, frames, p, pad, dpi, base);

  // Each line's frame: the image it was read in (1 the page outside the tables, k + 1 cell k).
  const frameOf = (key: string): number => Number((reread.get(key) ?? key).split('.')[0]);
  const kept = words.filter((w) => !isNoise(w.text, w.conf));
  // A Cyrillic majority of words in a cell (in a line outside tables) makes its Latin look-alikes Cyrillic.
  const scope = (w: OcrWord): string => (frameOf(w.line) > 1 ? `cell ${frameOf(w.line)}` : w.line);
  const cyrillic = cyrillicMajority(kept, scope);
  const metrics = lineMetrics(kept, lineBoxes, p, frameOf);
  const runs: TextRun[] = [];
  let sum = 0;
  let n = 0;
  /** The word before, on the same line (Tesseract gives a line's words in reading order). */
  const previous = new Map<string, string>();
  for (const w of kept) {
    // all words of a line share its baseline and text size
    const { base: basePx, size: sizePx } = metrics.get(w.line)!;
    const [x0, base] = turn(w.left, basePx);
    const size = Math.max(4, sizePx * scale);
    if (!WORDLIKE.test(w.text) && onRuling(w, base, size, segments, turn, scale)) continue;
    const prev = previous.get(w.line);
    previous.set(w.line, w.text);
    const str = digitLookalike((cyrillic.get(scope(w)) ?? 0) > 0 ? cyrillicLookalike(w.text) : w.text, prev);
    // Tesseract's words are words: each ends with a space, so the layout does not guess the
    // spaces from gaps (a narrow gap after a one-letter word, «з питань», is still a space)
    runs.push({ str: `${str} `, x0: x0 * scale, x1: (x0 + w.width) * scale, base: base * scale, size, bold: false, conf: w.conf });
    const len = w.text.length;
    sum += len * w.conf;
    n += len;
  }
  const model = layoutPage(pageNo, p.img.width * scale, p.img.height * scale, runs, segments, false);
  fitCellPadding(model);
  return { model, confidence: n > 0 ? Math.round((sum / n) * 10) / 10 : 0, words: runs.length };
}

/**
 * A reading holds Latin text: a word with at least three Latin letters, one of them without a
 * Cyrillic twin (so not a Cyrillic word misread in look-alikes).
 */
export function latinText(words: { text: string }[]): boolean {
  return words.some((w) => {
    const latinLetters = w.text.match(/[A-Za-z]/gu) ?? [];
    return latinLetters.length >= 3 && latinLetters.some((ch) => !(ch in LOOKALIKE));
  });
}

/** Letters that look like digits: З/з 3, О/о/O/o 0, б 6, І/I/l 1. */
const DIGIT_LOOKALIKE: Record<string, string> = { З: '3', з: '3', О: '0', о: '0', O: '0', o: '0', б: '6', І: '1', I: '1', l: '1' };
/** Words followed by a number by their meaning (a numbered heading, «№»). */
const NUMBERED = /^(?:зобов[’'ʼ`]?язання|завдання|захід|розділ|пункт|підпункт|додаток|ціль|пріоритет|напрям(?:ок)?|частина|стаття|№)$/iu;

/**
 * Digits read as letters: a token of digits and digit look-alikes (with . / : - between
 * groups) that holds at least one real digit («2О26», «1.З») is a number; so is a lone «З»
 * after a word a number follows by meaning («Зобов’язання З:» → «Зобов’язання 3:»).
 */
export function digitLookalike(word: string, previous?: string): string {
  const m = /^(.*?)([.,:;)]*)$/u.exec(word)!;
  const core = m[1]!;
  const tail = m[2]!;
  const alike = (ch: string): boolean => ch in DIGIT_LOOKALIKE;
  const map = (): string => [...core].map((ch) => DIGIT_LOOKALIKE[ch] ?? ch).join('') + tail;
  const groups = core.split(/[./:-]/u);
  if (groups.every((g) => g !== '' && [...g].every((ch) => /\d/u.test(ch) || alike(ch))) && /\d/u.test(core) && [...core].some(alike)) return map();
  const prevCore = (previous ?? '').replace(/^[^\p{L}№]+|[^\p{L}№]+$/gu, '');
  // (only З: a lone І after «розділ» is a Roman numeral, kept as written)
  if ((core === 'З' || core === 'з') && NUMBERED.test(prevCore)) return map();
  return word;
}

/** Latin letters that look like Cyrillic ones (the only ones a Ukrainian word can be misread as). */
const LOOKALIKE: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у',
};

/**
 * A word in a Ukrainian line read as Latin letters that all have a Cyrillic twin («eKOHOMIKH»)
 * is the Cyrillic word misread: map it back, and when it starts in lower case with capitals
 * after (small capitals misread), in lower case. Words with any other Latin letter (a name,
 * an address) are kept as read.
 */
export function cyrillicLookalike(word: string): string {
  const core = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length < 2 || !/^[A-Za-z]+$/u.test(core) || ![...core].every((ch) => ch in LOOKALIKE)) return word;
  let mapped = [...core].map((ch) => LOOKALIKE[ch]!).join('');
  if (/^[a-z]/u.test(core) && /[A-Z]/u.test(core)) mapped = mapped.toLowerCase();
  return word.replace(core, mapped);
}

/** Render pages of a PDF (1-based numbers) and read them by OCR. */
export async function ocrPdfPages(pdf: Uint8Array, pages: number[], dpi = OCR_DPI): Promise<Map<number, OcrPage>> {
  await checkTools();
  const dir = await mkdtemp(join(tmpdir(), 'ogp-ocr-'));
  const out = new Map<number, OcrPage>();
  try {
    const file = join(dir, 'input.pdf');
    await writeFile(file, pdf);
    for (const n of pages) {
      const base = join(dir, `render-${n}`);
      await run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), '-singlefile', file, base], RENDER_TIMEOUT).catch((err: unknown) => {
        throw new Error(`cannot render page ${n} for OCR: ${(err as Error).message}`);
      });
      const img = parsePgm(await readFile(`${base}.pgm`));
      await rm(`${base}.pgm`, { force: true });
      out.set(n, await ocrBitmap(img, dpi, n, dir));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

function cellText(cell: DocRoot['children'][number]): string {
  return 'children' in cell ? cell.children.map((c) => ('value' in c ? c.value : '')).join(' ') : '';
}

/** One `ocr-low-confidence` message per table cell read with low confidence. */
export function lowConfidenceMessages(tree: DocRoot, limit = LOW_CONFIDENCE): Message[] {
  const out: Message[] = [];
  let t = 0;
  for (const block of tree.children) {
    if (block.type !== 'table') continue;
    t++;
    block.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        if (cell.data?.mergedFromAbove || cell.data?.mergedFromLeft) return;
        const conf = cell.children.filter((p) => p.data?.source === 'ocr').map((p) => p.data?.confidence ?? 100);
        if (conf.length === 0) return;
        const low = Math.min(...conf);
        if (low >= limit) return;
        const text = cell.children.map(cellText).join(' ').replace(/\s+/gu, ' ').trim();
        const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
        const page = row.data?.page ?? block.data?.page;
        out.push(
          warning('ocr-low-confidence', `cell ${c + 1} read by OCR with low confidence (${Math.round(low)}%), check it: «${shown}»`, {
            ...(page ? { page } : {}),
            table: t,
            row: r + 1,
          }),
        );
      });
    });
  }
  return out;
}

/** How to get a scanned page read, for messages when OCR did not run. */
function scannedHint(mode: OcrMode, unavailable?: string): string {
  if (unavailable) return `OCR is not available: ${unavailable}`;
  return mode === 'off' ? 'OCR is off; run with --ocr auto to read it' : 'OCR did not run';
}

/**
 * The PDF reader's hook: replace the models of pages without a text layer (every page with
 * `on`) by their OCR reading. Pages that cannot be read are reported as `scanned-page`,
 * saying how to enable OCR or install it; pages read are reported as `ocr-page` with their
 * confidence.
 */
export async function ocrScannedPages(pdf: Uint8Array, pages: PageModel[], mode: OcrMode): Promise<{ messages: Message[]; read: boolean }> {
  const wanted = pages.filter((p) => mode === 'on' || (mode === 'auto' && p.scanned)).map((p) => p.page);
  const messages: Message[] = [];
  const scannedMessage = (n: number, hint: string): Message => warning('scanned-page', `the page has no text layer (scanned); ${hint}`, { page: n });
  if (wanted.length === 0) {
    for (const p of pages) if (p.scanned) messages.push(scannedMessage(p.page, scannedHint(mode)));
    return { messages, read: false };
  }
  let read: Map<number, OcrPage>;
  try {
    read = await ocrPdfPages(pdf, wanted);
  } catch (err) {
    if (!(err instanceof OcrUnavailableError)) throw err;
    for (const p of pages) if (p.scanned) messages.push(scannedMessage(p.page, scannedHint(mode, err.message)));
    return { messages, read: false };
  }
  pages.forEach((p, i) => {
    const r = read.get(p.page);
    if (!r) return;
    pages[i] = r.model;
    messages.push(info('ocr-page', `read by OCR (${r.words} words, mean confidence ${Math.round(r.confidence)}%)`, { page: p.page }));
  });
  return { messages, read: true };
}
