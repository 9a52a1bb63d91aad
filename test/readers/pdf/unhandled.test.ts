import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/readers/index.js';
import { isPdfjsInternalRejection } from '../../../src/readers/pdf/pdfjs.js';

// fixtures/pdf-extra/broken-xref-prefetch.pdf is fuzz input #290 of seed 835 (test/fuzz): a broken
// cross-reference entry that pdf.js's page-dictionary prefetch rejects on with no handler.
describe('pdf.js rejections left unhandled inside its worker module', () => {
  it('are recognised and do not end the process; the document is still read', async () => {
    const seen: unknown[] = [];
    const listener = (reason: unknown): void => void seen.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const result = await readDocument(new Uint8Array(readFileSync('fixtures/pdf-extra/broken-xref-prefetch.pdf')), { file: 'broken.pdf', ocr: 'off' });
      expect(result.format).toBe('pdf');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(isPdfjsInternalRejection)).toBe(true);
  });

  it('other rejections are not taken for pdf.js ones', () => {
    expect(isPdfjsInternalRejection(new TypeError('x'))).toBe(false);
    expect(isPdfjsInternalRejection('text')).toBe(false);
  });
});
