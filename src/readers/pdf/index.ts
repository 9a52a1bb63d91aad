/**
 * PDF reader: rebuilds the document tree of a PDF from pdf.js positioned text and the
 * ruling lines of its operator list.
 *
 * - Pages are read one at a time into small page models (page.ts) and released
 *   (`page.cleanup()`), so memory stays bounded on long documents; the document is
 *   destroyed at the end.
 * - Tables come from ruling grids (stroked lines and thin filled rectangles, with the
 *   current transform tracked through save/restore/cm and form XObjects), or from
 *   column alignment when a table has no rulings. Spanning cells come from missing
 *   rulings inside a grid and are represented like the DOCX reader does (first cell
 *   colSpan/rowSpan, placeholders mergedFromLeft / mergedFromAbove).
 * - Across pages (assemble.ts): page headers/footers and page numbers are removed, a table
 *   continuing on the next page with the same column grid becomes one table, its
 *   repeated header rows are dropped (the first copy is marked `header: true`), and a
 *   row split by the page break is merged back into the row above by the reader itself
 *   (so no row is left marked `continuation`).
 * - A page without a text layer but with an image (or only drawings) is read by OCR when
 *   asked (`ocr: 'auto'`; `'on'` reads every page by OCR), see ocr/index.ts; otherwise it is
 *   reported as `scanned-page` with how to enable OCR.
 */
import { documentParams, getDocument } from './pdfjs.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { root } from '../../doctree/build.js';
import type { Reader, ReadResult } from '../../doctree/types.js';
import type { Message } from '../../model/message.js';
import { assemble } from './assemble.js';
import { readPage, type PageModel } from './page.js';
import { lowConfidenceMessages, ocrScannedPages } from '../ocr/index.js';

const tree = (blocks: ReturnType<typeof assemble>, pages: number): ReturnType<typeof root> => root(blocks, { pages });

/** One-line cause of a pdf.js load failure. */
function loadError(err: unknown): Error {
  const name = (err as { name?: string } | null)?.name ?? '';
  const msg = String((err as { message?: string } | null)?.message ?? err).split('\n')[0];
  if (name === 'PasswordException') return new Error('PDF is encrypted (password-protected); cannot read it without the password');
  if (name === 'InvalidPDFException') return new Error(`not a valid PDF (corrupt or truncated): ${msg}`);
  return new Error(`cannot read PDF: ${msg}`);
}

async function open(input: Uint8Array): Promise<PDFDocumentProxy> {
  const head = new TextDecoder('latin1').decode(input.subarray(0, Math.min(input.length, 1024)));
  if (!head.includes('%PDF-')) throw new Error('not a PDF (no %PDF- header)');
  // pdf.js transfers the buffer to its worker; give it a copy so the caller's stays usable
  const task = getDocument({ data: new Uint8Array(input), ...documentParams() });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw loadError(err);
  }
}

export const readPdf: Reader = async (input, options) => {
  const doc = await open(input);
  const pages: PageModel[] = [];
  const messages: Message[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n).catch((err: unknown) => {
        throw new Error(`cannot read page ${n}: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      });
      try {
        const model = await readPage(page, n).catch((err: unknown) => {
          throw new Error(`cannot read page ${n}: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
        });
        pages.push(model);
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy();
  }
  const ocr = await ocrScannedPages(input, pages, options.ocr ?? 'off');
  messages.push(...ocr.messages);
  const blocks = assemble(pages);
  if (ocr.read) messages.push(...lowConfidenceMessages(tree(blocks, pages.length)));
  const result: ReadResult = {
    format: 'pdf',
    tree: tree(blocks, pages.length),
    messages,
    pages: pages.length,
  };
  return result;
};
