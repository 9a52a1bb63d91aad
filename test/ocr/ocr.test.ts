/**
 * OCR entry points: scanned PDF pages (--ocr auto|on|off), images as input, the messages when
 * OCR is off or not installed, and the pieces (PGM, TSV/hOCR, ruling lines, look-alike letters)
 * that need no Tesseract. Tests that run Tesseract are skipped, saying why, where it is missing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractBuffer } from '../../src/pipeline.js';
import { readDocument } from '../../src/readers/index.js';
import { cyrillicLookalike, digitLookalike, isNoise, latinText, ocrAvailable, readingScore } from '../../src/readers/ocr/index.js';
import { imageKind, imageToPdf } from '../../src/readers/ocr/image.js';
import { crop, despeckle, inkBaseline, paperLevel, rotate } from '../../src/readers/ocr/bitmap.js';
import { eraseLines, findLines } from '../../src/readers/ocr/lines.js';
import { parsePgm, writePgm } from '../../src/readers/ocr/pgm.js';
import { resetToolCheck } from '../../src/readers/ocr/tools.js';
import { parseTsv } from '../../src/readers/ocr/tsv.js';
import { runCli } from '../helpers.js';
import { similar } from './compare.js';

const has = await ocrAvailable();
const why = has ? '' : ' (skipped: tesseract with ukr, or pdftoppm, is not installed)';
if (!has) console.warn('OCR tests skipped: apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils');
const scannedOnly = 'fixtures/pdf-extra/scanned-only.pdf';

describe('OCR pieces (no Tesseract needed)', () => {
  it('PGM round trip and 16-bit PGM', () => {
    const img = { width: 3, height: 2, data: new Uint8Array([0, 10, 20, 30, 40, 255]) };
    expect(parsePgm(writePgm(img))).toEqual(img);
    const wide = new Uint8Array([...new TextEncoder().encode('P5\n# c\n1 1\n65535\n'), 0xff, 0xff]);
    expect(parsePgm(wide).data[0]).toBe(255);
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow(/not a binary PGM/);
  });

  it('finds a skewed table grid in a bitmap and erases it', () => {
    const width = 600;
    const height = 400;
    const data = new Uint8Array(width * height).fill(250);
    const skew = 0.006; // about 0.35°
    const dot = (x: number, y: number): void => {
      const xi = Math.round(x);
      const yi = Math.round(y);
      if (xi >= 0 && yi >= 0 && xi < width && yi < height) data[yi * width + xi] = 20;
    };
    for (const y of [50, 150, 350]) for (let x = 50; x <= 550; x++) for (let t = 0; t < 3; t++) dot(x, y + skew * x + t);
    for (const x of [50, 300, 550]) for (let y = 50; y <= 350; y++) for (let t = 0; t < 3; t++) dot(x - skew * y + t, y);
    // a letter-sized blot is not a ruling
    for (let y = 200; y < 230; y++) for (let x = 100; x < 120; x++) dot(x, y);
    const img = { width, height, data };
    const found = findLines(img, 300);
    expect(found.lines.filter((l) => l.dir === 'h')).toHaveLength(3);
    expect(found.lines.filter((l) => l.dir === 'v')).toHaveLength(3);
    expect(found.skew).toBeCloseTo(Math.atan(skew), 3);
    const clean = eraseLines(img, found.lines);
    expect(clean.data[Math.round(150 + skew * 400) * width + 400]).toBe(255);
    expect(clean.data[210 * width + 110]).toBe(20);
  });

  it('finds the short column rulings of a one-line row between two rulings, not a tall letter stroke', () => {
    const width = 600;
    const height = 300;
    const data = new Uint8Array(width * height).fill(250);
    const rect = (x0: number, y0: number, w: number, h: number): void => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * width + x] = 20;
    };
    // a header row 70 px (0.23 in at 300 dpi) tall: rulings above and below, columns between
    rect(50, 50, 500, 3);
    rect(50, 120, 500, 3);
    for (const x of [50, 250, 547]) rect(x, 50, 3, 73);
    // a stroke as tall, touching nothing (a letter of a large title)
    rect(300, 180, 6, 73);
    const found = findLines({ width, height, data }, 300);
    const v = found.lines.filter((l) => l.dir === 'v').map((l) => Math.round(l.x0));
    expect(v).toHaveLength(3);
    expect(v.every((x) => x < 300 || x > 500)).toBe(true);
  });

  it('reads TSV word boxes with hOCR baselines', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t20\t200\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t90\t40\t96.5\tЗахід',
      '5\t1\t1\t1\t1\t2\t120\t22\t90\t38\t-1\t',
    ].join('\n');
    const hocr = `<span class='ocr_line' id='line_1_1' title="bbox 10 20 210 60; baseline 0.01 -9; x_size 42; x_descenders 9; x_ascenders 10">`;
    const { words, lines } = parseTsv(tsv, hocr);
    expect(words).toEqual([{ text: 'Захід', left: 10, top: 20, width: 90, height: 40, conf: 96.5, line: '1.1.1.1', page: 1 }]);
    expect(lines.get('1.1.1.1')).toMatchObject({ size: 42, baseline: { p1: 0.01, p0: -9 } });
  });

  it('reads a list of images (one page each): words know their image, hOCR metrics are matched per image', () => {
    const tsv = [
      '4\t1\t1\t1\t1\t0\t10\t20\t200\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t90\t40\t91\tперший',
      '4\t2\t1\t1\t1\t0\t10\t20\t200\t40\t-1\t',
      '5\t2\t1\t1\t1\t1\t10\t20\t90\t40\t92\tдругий',
    ].join('\n');
    // the same line box on both images: only the page tells their metrics apart
    const hocr = [
      `<div class='ocr_page' id='page_1' title='image "a.pgm"; bbox 0 0 300 100; ppageno 0'>`,
      `<span class='ocr_line' id='line_1_1' title="bbox 10 20 210 60; baseline 0 -8; x_size 40">`,
      `<div class='ocr_page' id='page_2' title='image "b.pgm"; bbox 0 0 300 100; ppageno 1'>`,
      `<span class='ocr_line' id='line_2_1' title="bbox 10 20 210 60; baseline 0 -5; x_size 30">`,
    ].join('\n');
    const { words, lines } = parseTsv(tsv, hocr);
    expect(words.map((w) => [w.text, w.page])).toEqual([['перший', 1], ['другий', 2]]);
    expect(lines.get('1.1.1.1')).toMatchObject({ size: 40, baseline: { p0: -8 } });
    expect(lines.get('2.1.1.1')).toMatchObject({ size: 30, baseline: { p0: -5 } });
  });

  it('straightens a page, cuts a cell with paper round it, finds a baseline from ink, scores readings', () => {
    const width = 200;
    const height = 100;
    const data = new Uint8Array(width * height).fill(230);
    // a bar of «text»: body rows 40–59, a descender column down to 69
    for (let y = 40; y < 60; y++) for (let x = 50; x < 150; x++) data[y * width + x] = 20;
    for (let y = 60; y < 70; y++) data[y * width + 60] = 20;
    const img = { width, height, data };
    expect(paperLevel(img)).toBe(230);
    expect(inkBaseline(img, { x0: 40, y0: 30, x1: 160, y1: 75 }, 128)).toBe(60);
    const straight = rotate(img, 0);
    expect(straight.data).toEqual(img.data);
    // turned by 0.01 rad, a point right of the centre moves down (as turn() in index.ts maps it back)
    const turned = rotate(img, -0.01, 230);
    expect(turned.data[Math.round(40 - 0.01 * 45) * width + 145]).toBeLessThan(128);
    const cut = crop(img, { x0: 45, y0: 35, x1: 155, y1: 65 }, 5, 230);
    expect(cut).toMatchObject({ left: 40, top: 30, img: { width: 120, height: 40 } });
    expect(cut.img.data[0]).toBe(230);
    expect(cut.img.data[10 * 120 + 10]).toBe(20);
    expect(readingScore([{ text: 'ХКП', conf: 60 }])).toBeGreaterThan(readingScore([{ text: 'ХП', conf: 0 }]));
    // a dropped word is confident text lost, never a gain
    expect(readingScore([{ text: 'ХКП', conf: 50 }, { text: '«Спецкомунтранс»', conf: 92 }])).toBeGreaterThan(readingScore([{ text: '«Спецкомунтранс»', conf: 92 }]));
  });

  it('removes isolated specks, keeps dots that belong to text', () => {
    const width = 300;
    const height = 120;
    const data = new Uint8Array(width * height).fill(240);
    const box = (x0: number, y0: number, w: number, h: number): void => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * width + x] = 20;
    };
    box(20, 40, 40, 30); // a word's body, baseline at row 70
    box(64, 66, 4, 4); // a full stop on the baseline
    box(100, 40, 4, 30); // the stem of an «і»…
    box(100, 30, 4, 4); // …and its dot
    box(160, 50, 3, 3); // a speck at mid-height, alone
    box(250, 10, 2, 2); // a speck in the margin
    box(200, 40, 30, 30); // another word…
    box(234, 66, 4, 4); // …and a colon after it: a dot on the baseline…
    box(234, 48, 4, 4); // …and one above it
    box(140, 90, 3, 3); // two specks one above the other, away from text
    box(140, 105, 3, 3);
    const img = { width, height, data };
    const removed = despeckle(img, 128, 300, 240);
    expect(removed).toBe(4);
    expect(data[49 * width + 235]).toBe(20);
    expect(data[91 * width + 141]).toBe(240);
    expect(data[106 * width + 141]).toBe(240);
    expect(data[67 * width + 65]).toBe(20);
    expect(data[31 * width + 101]).toBe(20);
    expect(data[51 * width + 161]).toBe(240);
    expect(data[10 * width + 250]).toBe(240);
  });

  it('maps Latin look-alikes in a Ukrainian line back to Cyrillic, keeps real Latin words', () => {
    expect(cyrillicLookalike('eKOHOMIKH,')).toBe('економікн,');
    expect(cyrillicLookalike('ХMKП')).toBe('ХMKП'); // mixed scripts are left alone
    expect(cyrillicLookalike('Open')).toBe('Open');
    expect(cyrillicLookalike('www.km.gov.ua')).toBe('www.km.gov.ua');
    expect(digitLookalike('З:', 'Зобов’язання')).toBe('3:');
    expect(digitLookalike('2О26')).toBe('2026');
    expect(digitLookalike('10.О8.2021')).toBe('10.08.2021');
    expect(digitLookalike('З', 'і')).toBe('З'); // the preposition
    expect(digitLookalike('З.', 'Петренко')).toBe('З.'); // an initial
    expect(digitLookalike('І', 'розділ')).toBe('І'); // a Roman numeral
    expect(digitLookalike('Зміст')).toBe('Зміст');
    expect(latinText([{ text: 'https://mycity.khm.gov.ua' }])).toBe(true);
    expect(latinText([{ text: 'XKII' }, { text: '«Спецкомунтранс»' }])).toBe(false); // Cyrillic look-alikes
    expect(isNoise('|', 95)).toBe(true);
    expect(isNoise('.', 90)).toBe(true);
    expect(isNoise('і', 30)).toBe(true);
    expect(isNoise('і', 92)).toBe(false);
    expect(isNoise('–', 90)).toBe(false);
    expect(isNoise('-', 23)).toBe(false);
  });

  it('detects images by magic bytes and wraps them as PDF pages', () => {
    const png = readFileSync('fixtures/ocr/scanned-page.png');
    const jpg = readFileSync('fixtures/ocr/scanned-page.jpg');
    expect(imageKind(png)).toBe('png');
    expect(imageKind(jpg)).toBe('jpeg');
    for (const img of [png, jpg]) {
      const pdf = Buffer.from(imageToPdf(img)).toString('latin1');
      expect(pdf.startsWith('%PDF-1.5')).toBe(true);
      expect(pdf).toMatch(/\/Count 1/);
    }
    expect(() => imageToPdf(png.subarray(0, 40))).toThrow(/corrupt PNG/);
    expect(() => imageToPdf(jpg.subarray(0, 30))).toThrow(/corrupt JPEG/);
    expect(() => imageToPdf(Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1'))).toThrow(/TIFF/);
  });
});

describe('OCR off or missing', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
    resetToolCheck();
  });

  it('a scanned PDF with --ocr off says it is scanned and how to read it', async () => {
    const run = await runCli('extract', scannedOnly, '--ocr', 'off');
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      `error: ${scannedOnly} is scanned (1 of 1 pages have no text layer); OCR is off; run with --ocr auto to read it`,
    ]);
  });

  it('without Tesseract: one line saying how to install it (PDF and image)', async () => {
    process.env.PATH = '/nonexistent';
    resetToolCheck();
    const run = await runCli('extract', scannedOnly, 'fixtures/ocr/scanned-page.png', '--out-dir', '/tmp/ogp-ocr-never');
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/is scanned \(1 of 1 pages have no text layer\); OCR is not available: pdftoppm is not installed; install it with: apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils$/);
    expect(lines[1]).toMatch(/scanned-page\.png: a PNG image needs OCR, which is not installed; install it with: apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils$/);
  });

  it('an image with --ocr off is refused in one line', async () => {
    await expect(readDocument(readFileSync('fixtures/ocr/scanned-page.jpg'), { file: 'x.jpg', ocr: 'off' })).rejects.toThrow(
      'a JPEG image, which only OCR can read; OCR is off (run with --ocr auto)',
    );
  });
});

describe.skipIf(!has)(`OCR with Tesseract${why}`, () => {
  it('auto: a scanned page is read into a table with OCR source and confidence in node data', async () => {
    const read = await readDocument(readFileSync(scannedOnly), { file: 'scan.pdf', ocr: 'auto' });
    expect(read.messages[0]).toMatchObject({ code: 'ocr-page', severity: 'info', place: { page: 1 } });
    const table = read.tree.children.find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    const para = table!.type === 'table' ? table!.children[1]!.children[1]!.children[0]! : undefined;
    expect(para?.data).toMatchObject({ source: 'ocr' });
    expect(para?.data?.confidence).toBeGreaterThan(50);
  }, 60_000);

  it('an image (PNG, 150 dpi) gives the measures of the scanned PDF page (all but one at most), with format image', async () => {
    const fromPdf = await extractBuffer(readFileSync(scannedOnly), 'scan.pdf');
    const fromPng = await extractBuffer(readFileSync('fixtures/ocr/scanned-page.png'), 'scan.png');
    expect(fromPng.plan.source.format).toBe('image');
    const titles = (p: typeof fromPdf.plan): string[] => p.commitments.flatMap((c) => c.measures.map((m) => m.title));
    expect(titles(fromPdf.plan).length).toBeGreaterThan(3);
    const same = titles(fromPdf.plan).filter((t) => titles(fromPng.plan).some((u) => similar(t, u)));
    expect(same.length).toBeGreaterThanOrEqual(titles(fromPdf.plan).length - 1);
  }, 60_000);
});
