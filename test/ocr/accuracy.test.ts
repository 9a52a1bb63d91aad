/**
 * OCR accuracy on scanned renderings (fixtures/ocr, made by fixtures/ocr/make-scan.mjs: each
 * page rasterised at 200 dpi, turned 0.2–0.45°, paper tone, seeded specks, wrapped as an
 * image-only PDF) of three plans of different layouts: the Khmelnytskyi seed plan (portrait,
 * 6 pages, commitment headings between tables) and two of the layout matrix (l02: landscape,
 * full-width commitment rows inside one table, a one-line header row; l05: portrait, the term
 * split into start and end columns under a two-row header, a table continuing across pages).
 * Each is compared with the extraction of the same PDF from its text layer, measure by measure:
 * the figures per field (term, executors, title, result) are printed, and at least 90% of the
 * measures must have the right term and executors, and 90% the right term and the right
 * executors taken alone. bench/ocr.mjs reports the same figures with the time per page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBuffer } from '../../src/pipeline.js';
import { ocrAvailable } from '../../src/readers/ocr/index.js';
import { compareMeasures, formatAccuracy } from './compare.js';

const has = await ocrAvailable();
if (!has) console.warn('OCR accuracy tests skipped: tesseract (with ukr) or pdftoppm is not installed; apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils');

const CASES = [
  { name: 'Khmelnytskyi seed plan, whole document', text: 'fixtures/pdf/khmelnytskyi-2026-2027-action-plan.pdf', scan: 'fixtures/ocr/khmelnytskyi-2026-2027-scan.pdf', measures: 13, pages: 6 },
  { name: 'layout l02 (landscape, full-width rows)', text: 'fixtures/layouts/pdf/l02-fullwidth-rows-landscape.pdf', scan: 'fixtures/ocr/l02-fullwidth-rows-landscape-scan.pdf', measures: 13, pages: 4 },
  { name: 'layout l05 (split start/end, continued table)', text: 'fixtures/layouts/pdf/l05-split-start-end.pdf', scan: 'fixtures/ocr/l05-split-start-end-scan.pdf', measures: 7, pages: 4 },
];

describe.skipIf(!has)(`OCR accuracy on scanned plans${has ? '' : ' (skipped: tesseract/pdftoppm not installed)'}`, () => {
  for (const c of CASES) {
    it(`${c.name}: ≥ 90% of the measures with correct term and executors`, async () => {
      const text = await extractBuffer(readFileSync(c.text), 'plan.pdf', { ocr: 'off' });
      const scan = await extractBuffer(readFileSync(c.scan), 'scan.pdf');
      expect(scan.plan.source.pages).toBe(c.pages);
      expect(scan.plan.messages.filter((m) => m.code === 'ocr-page')).toHaveLength(c.pages);
      const acc = compareMeasures(text.plan, scan.plan);
      console.log(`OCR accuracy, ${c.name}:\n${formatAccuracy(acc)}${acc.misses.length ? `\n${acc.misses.join('\n')}` : ''}`);
      expect(acc.measures).toBe(c.measures);
      expect(acc.found).toBe(c.measures);
      expect(acc.correct / acc.measures).toBeGreaterThanOrEqual(0.9);
      expect(acc.term / acc.measures).toBeGreaterThanOrEqual(0.9);
      expect(acc.executors / acc.measures).toBeGreaterThanOrEqual(0.9);
      expect(scan.plan.commitments.map((m) => m.measures.length)).toEqual(text.plan.commitments.map((m) => m.measures.length));
      // no measure invented: the OCR plan has no more measures than the text layer's
      expect(scan.plan.commitments.flatMap((m) => m.measures).length).toBe(c.measures);
    }, 300_000);
  }
});
