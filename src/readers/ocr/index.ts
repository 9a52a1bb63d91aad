/**
 * OCR of pages without a text layer (scans) and of images given as input.
 *
 * A page is rendered to a greyscale bitmap (`pdftoppm -r 300 -gray`), its ruling lines are
 * found in the bitmap (lines.ts) and erased, the rest is read by Tesseract (`-l ukr+eng
 * --psm 6`, TSV word boxes with confidences, hOCR line baselines), and the words (as text runs) with the rulings
 * (as segments) go through the PDF reader's own page layout: tables are rebuilt from the
 * ruling grid and word positions exactly as for a PDF with a text layer, so the same
 * extractor reads them. Coordinates are turned by the page's skew (from the rulings) and
 * scaled from pixels to points.
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
import { eraseLines, findLines } from './lines.js';
import { parsePgm, writePgm, type Gray } from './pgm.js';
import { checkTools, OcrUnavailableError, run } from './tools.js';
import { parseTsv } from './tsv.js';

export { INSTALL_HINT, OcrUnavailableError, ocrAvailable } from './tools.js';

/** `auto`: OCR only pages without a text layer; `on`: every page; `off`: never. */
export type OcrMode = 'auto' | 'on' | 'off';

export const OCR_DPI = 300;
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
  if (conf >= 50) return false;
  return !WORDLIKE.test(text) || [...text].length <= 2;
}

/** Recognise one page bitmap and lay it out as a PDF page model. */
export async function ocrBitmap(img: Gray, dpi: number, pageNo: number, dir: string): Promise<OcrPage> {
  const { lines, skew } = findLines(img, dpi);
  const clean = eraseLines(img, lines);
  const input = join(dir, `page-${pageNo}.pgm`);
  await writeFile(input, writePgm(clean));
  const out = join(dir, `page-${pageNo}`);
  await run('tesseract', [input, out, '-l', 'ukr+eng', '--psm', '6', '--dpi', String(dpi), 'tsv', 'hocr'], TESSERACT_TIMEOUT);
  const tsv = await readFile(`${out}.tsv`, 'utf8');
  const hocr = await readFile(`${out}.hocr`, 'utf8').catch(() => '');
  await Promise.all([input, `${out}.tsv`, `${out}.hocr`].map((f) => rm(f, { force: true })));
  const { words, lines: lineBoxes } = parseTsv(tsv, hocr);

  const scale = 72 / dpi;
  const cx = img.width / 2;
  const cy = img.height / 2;
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const turn = (x: number, y: number): [number, number] => [cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos];

  const segments: Segment[] = lines.map((l) => {
    const [ax, ay] = turn(l.x0, l.y0);
    const [bx, by] = turn(l.x1, l.y1);
    return l.dir === 'h'
      ? { dir: 'h' as const, at: ((ay + by) / 2) * scale, from: Math.min(ax, bx) * scale, to: Math.max(ax, bx) * scale }
      : { dir: 'v' as const, at: ((ax + bx) / 2) * scale, from: Math.min(ay, by) * scale, to: Math.max(ay, by) * scale };
  });

  const cyrillic = new Map<string, number>();
  for (const w of words) {
    const letters = w.text.match(/\p{L}/gu) ?? [];
    const c = letters.filter((ch) => /\p{Script=Cyrillic}/u.test(ch)).length;
    cyrillic.set(w.line, (cyrillic.get(w.line) ?? 0) + (letters.length > 0 ? (c > letters.length / 2 ? 1 : -1) : 0));
  }
  const runs: TextRun[] = [];
  let sum = 0;
  let n = 0;
  for (const w of words) {
    if (isNoise(w.text, w.conf)) continue;
    const box = lineBoxes.get(w.line) ?? { left: w.left, top: w.top, height: w.height };
    // all words of a Tesseract line share its baseline and text size (hOCR); without them,
    // the line box (which includes ascenders and descenders) stands in
    const sizePx = box.size ?? box.height * 0.8;
    const basePx = box.baseline ? box.top + box.height + box.baseline.p0 + box.baseline.p1 * (w.left + w.width / 2 - box.left) : box.top + box.height * 0.8;
    const [x0, base] = turn(w.left, basePx);
    const size = Math.max(4, sizePx * scale);
    // a dash or dot lying on a ruling is what is left of the ruling, not text (a real dash
    // stands inside the cell's padding, clear of the line)
    if (!WORDLIKE.test(w.text)) {
      const near = 0.25 * size;
      const [ax] = turn(w.left, basePx);
      const left = ax * scale;
      const right = (ax + w.width) * scale;
      const y = base * scale;
      const onRuling = segments.some((sg) =>
        sg.dir === 'v'
          ? left <= sg.at + near && right >= sg.at - near && y >= sg.from - near && y <= sg.to + near
          : Math.abs(sg.at - y) < 2 * near && right >= sg.from && left <= sg.to,
      );
      if (onRuling) continue;
    }
    const str = (cyrillic.get(w.line) ?? 0) > 0 ? cyrillicLookalike(w.text) : w.text;
    runs.push({ str, x0: x0 * scale, x1: (x0 + w.width) * scale, base: base * scale, size, bold: false, conf: w.conf });
    const len = w.text.length;
    sum += len * w.conf;
    n += len;
  }
  const model = layoutPage(pageNo, img.width * scale, img.height * scale, runs, segments, false);
  // Word boxes are tight around the glyphs and a cell's padding is measured to its leftmost
  // text, so the room left at a line's end is overestimated by about half an em: take it off,
  // or a line that was full looks like the end of a paragraph.
  for (const b of model.blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.frag.rows) for (const cell of row.cells) for (const l of cell.lines) l.free = Math.max(0, l.free - 0.5 * l.size);
  }
  return { model, confidence: n > 0 ? Math.round((sum / n) * 10) / 10 : 0, words: runs.length };
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
