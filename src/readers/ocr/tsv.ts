/**
 * Tesseract's TSV output: one row per layout element with the columns level, page_num,
 * block_num, par_num, line_num, word_num, left, top, width, height, conf, text. Level 4 is a
 * text line, level 5 a word (the only rows with text and a confidence 0–100; -1 elsewhere).
 * Boxes are in pixels of the input image.
 */

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** Identity of the Tesseract text line the word belongs to. */
  line: string;
  /** The image it was read from (1-based; Tesseract reads a list of images as pages). */
  page: number;
}

export interface OcrLineBox {
  left: number;
  top: number;
  height: number;
  /** Baseline (from hOCR): y = bottom + p0 + p1·(x − left); absent when only TSV is known. */
  baseline?: { p1: number; p0: number };
  /** Text size in pixels (hOCR x_size). */
  size?: number;
}

/**
 * Baselines and sizes of lines from Tesseract's hOCR output (`title="bbox x0 y0 x1 y1;
 * baseline p1 p0; x_size s; …"` on ocr_line, ocr_header, ocr_caption and ocr_textfloat
 * spans), keyed by the page number and the line box's left,top — the same boxes as the TSV's
 * level-4 rows. Pages (ocr_page) are counted from 1, one per image read.
 */
export function hocrLines(hocr: string): Map<string, { baseline: { p1: number; p0: number }; size: number }> {
  const out = new Map<string, { baseline: { p1: number; p0: number }; size: number }>();
  const re = /class='ocr_(page|line|header|caption|textfloat)'[^>]*title=["']([^"']*)["']/gu;
  let page = 0;
  for (const m of hocr.matchAll(re)) {
    if (m[1] === 'page') {
      page++;
      continue;
    }
    const title = m[2]!;
    const bbox = /bbox (\d+) (\d+) (\d+) (\d+)/u.exec(title);
    const base = /baseline (-?[\d.]+) (-?[\d.]+)/u.exec(title);
    const size = /x_size ([\d.]+)/u.exec(title);
    if (!bbox || !base || !size) continue;
    out.set(`${Math.max(1, page)},${bbox[1]},${bbox[2]}`, { baseline: { p1: Number(base[1]), p0: Number(base[2]) }, size: Number(size[1]) });
  }
  return out;
}

export function parseTsv(tsv: string, hocr = ''): { words: OcrWord[]; lines: Map<string, OcrLineBox> } {
  const metrics = hocrLines(hocr);
  const words: OcrWord[] = [];
  const lines = new Map<string, OcrLineBox>();
  const pageOf = new Map<string, number>();
  for (const row of tsv.split(/\r?\n/u)) {
    const f = row.split('\t');
    if (f.length < 12 || !/^\d+$/u.test(f[0]!)) continue;
    const level = Number(f[0]);
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    const [left, top, width, height, conf] = f.slice(6, 11).map(Number) as [number, number, number, number, number];
    if (level === 4) {
      lines.set(key, { left, top, height });
      pageOf.set(key, Number(f[1]));
    }
    if (level !== 5) continue;
    const text = f.slice(11).join(' ').trim();
    if (text === '' || !(conf >= 0)) continue;
    words.push({ text, left, top, width, height, conf, line: key, page: Number(f[1]) });
  }
  for (const [key, box] of lines) {
    const m = metrics.get(`${pageOf.get(key)},${box.left},${box.top}`);
    if (m) {
      box.baseline = m.baseline;
      box.size = m.size;
    }
  }
  return { words, lines };
}
