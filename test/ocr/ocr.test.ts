/**
 * OCR entry points: scanned PDF pages (--ocr auto|on|off), images as input, the messages when
 * OCR is off or not installed, and the pieces (PGM, TSV/hOCR, ruling lines, look-alike letters)
 * that need no Tesseract. Tests that run Tesseract are skipped, saying why, where it is missing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractBuffer } from '../../src/pipeline.js';
import { readDocument } from '../../src/readers/index.js';
import { cyrillicLookalike, isNoise, ocrAvailable } from '../../src/readers/ocr/index.js';
import { imageKind, imageToPdf } from '../../src/readers/ocr/image.js';
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

  it('reads TSV word boxes with hOCR baselines', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t20\t200\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t90\t40\t96.5\tЗахід',
      '5\t1\t1\t1\t1\t2\t120\t22\t90\t38\t-1\t',
    ].join('\n');
    const hocr = `<span class='ocr_line' id='line_1_1' title="bbox 10 20 210 60; baseline 0.01 -9; x_size 42; x_descenders 9; x_ascenders 10">`;
    const { words, lines } = parseTsv(tsv, hocr);
    expect(words).toEqual([{ text: 'Захід', left: 10, top: 20, width: 90, height: 40, conf: 96.5, line: '1.1.1.1' }]);
    expect(lines.get('1.1.1.1')).toMatchObject({ size: 42, baseline: { p1: 0.01, p0: -9 } });
  });

  it('maps Latin look-alikes in a Ukrainian line back to Cyrillic, keeps real Latin words', () => {
    expect(cyrillicLookalike('eKOHOMIKH,')).toBe('економікн,');
    expect(cyrillicLookalike('ХMKП')).toBe('ХMKП'); // mixed scripts are left alone
    expect(cyrillicLookalike('Open')).toBe('Open');
    expect(cyrillicLookalike('www.km.gov.ua')).toBe('www.km.gov.ua');
    expect(isNoise('|', 95)).toBe(true);
    expect(isNoise('.', 90)).toBe(true);
    expect(isNoise('і', 30)).toBe(true);
    expect(isNoise('і', 92)).toBe(false);
    expect(isNoise('–', 90)).toBe(false);
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
