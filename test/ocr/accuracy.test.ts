/**
 * A scanned rendering of a seed plan (fixtures/ocr, made by fixtures/ocr/make-scan.mjs: image-only
 * pages, skewed, with specks) read by OCR gives the measures of the text PDF. Two pages only,
 * to keep the suite short; bench/ocr.mjs reads the whole document and reports the same figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBuffer } from '../../src/pipeline.js';
import { ocrAvailable } from '../../src/readers/ocr/index.js';
import { compareMeasures, formatAccuracy } from './compare.js';

const has = await ocrAvailable();
if (!has) console.warn('OCR tests skipped: tesseract (with ukr) or pdftoppm is not installed; apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils');

describe.skipIf(!has)(`OCR accuracy on a scanned seed plan${has ? '' : ' (skipped: tesseract/pdftoppm not installed)'}`, () => {
  it('reads at least 90% of the measures of pages 3–4 with correct terms and executors', async () => {
    const text = await extractBuffer(readFileSync('fixtures/pdf/khmelnytskyi-2026-2027-action-plan.pdf'), 'plan.pdf', { ocr: 'off' });
    const scan = await extractBuffer(readFileSync('fixtures/ocr/khmelnytskyi-2026-2027-scan-p3-4.pdf'), 'scan.pdf');
    const acc = compareMeasures(text.plan, scan.plan, (m) => m.location?.page === 3 || m.location?.page === 4);
    console.log(`OCR accuracy, pages 3–4:\n${formatAccuracy(acc)}${acc.misses.length ? `\n${acc.misses.join('\n')}` : ''}`);
    expect(acc.measures).toBe(8);
    expect(acc.correct / acc.measures).toBeGreaterThanOrEqual(0.9);
    expect(scan.plan.source.format).toBe('pdf');
    expect(scan.plan.messages.some((m) => m.code === 'ocr-page')).toBe(true);
  }, 120_000);
});
