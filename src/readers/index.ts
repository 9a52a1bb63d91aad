/**
 * Reader dispatch: the format is chosen by content (magic bytes), not by the
 * file name; the extension only breaks ties between text formats.
 */
import type { ReadOptions, ReadResult, SourceFormat } from '../doctree/types.js';
import { readTxt } from './txt.js';

export class UnsupportedFormatError extends Error {}

export type DetectedFormat = SourceFormat | 'doc' | 'rtf' | 'zip' | 'odt' | 'image';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function asciiHead(bytes: Uint8Array, length = 1024): string {
  let out = '';
  for (let i = 0; i < Math.min(length, bytes.length); i += 1) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** Identify a document by its bytes. */
export function detectFormat(bytes: Uint8Array, fileName = ''): DetectedFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  // PDF may be preceded by junk within the first 1024 bytes (the spec allows it)
  if (asciiHead(bytes).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = asciiHead(bytes, 4096);
    if (head.includes('word/')) return 'docx';
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    // The central directory may be far from the start: fall back on the name.
    if (/\.docx$/i.test(fileName)) return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  // Text formats: HTML by its markup, everything else is plain text.
  const head = asciiHead(bytes, 2048).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*<html/.test(head) || (/\.x?html?$/i.test(fileName) && head.startsWith('<'))) {
    return 'html';
  }
  return 'txt';
}

const UNSUPPORTED: Partial<Record<DetectedFormat, string>> = {
  doc: 'legacy Word 97–2003 (.doc) files are not supported; save the document as DOCX',
  rtf: 'RTF files are not supported; save the document as DOCX',
  odt: 'OpenDocument (.odt) files are not supported yet; save the document as DOCX',
  zip: 'a ZIP archive that is not a Word document',
};

/** Read any supported document into the document tree. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const format = detectFormat(bytes, options.file);
  switch (format) {
    case 'txt':
      return readTxt(bytes, options);
    // Heavy readers are loaded on demand, so a TXT run never pays for pdf.js or mammoth.
    case 'docx':
      return (await import('./docx/index.js')).readDocx(bytes, options);
    case 'html':
      return (await import('./html.js')).readHtml(bytes, options);
    case 'pdf':
      return (await import('./pdf/index.js')).readPdf(bytes, options);
    // a scan given as an image (PNG, JPEG, TIFF): read by OCR like a scanned PDF page
    case 'image':
      return (await import('./ocr/image.js')).readImage(bytes, options);
    default:
      throw new UnsupportedFormatError(UNSUPPORTED[format] ?? `${format.toUpperCase()} input is not supported`);
  }
}
