/**
 * Recognises a CSV file that Microsoft Excel re-saved («CSV (роздільник — крапка з комою)» / «CSV (MS-DOS)»):
 * semicolons instead of the expected delimiter (the list separator of a Ukrainian Windows locale), the
 * Windows-1251 code page instead of UTF-8, often a byte order mark. Such a file would give one error per
 * header label and per row; it gets one line saying what happened and what to do instead.
 *
 * Judged from the first 64 KiB only: the header line for the delimiter, the bytes for the encoding.
 */
import { open } from 'node:fs/promises';
import type { MessageText } from '../model/message.js';
import { english, list, say } from './reasons.js';

const SAMPLE_BYTES = 1 << 16;


export interface ExcelCsvFinding {
  semicolons: boolean;
  windows1251: boolean;
  bom: boolean;
  /** One line for the user: what the file looks like and what to do (English). */
  message: string;
  /** The same as a catalogue text (src/i18n/validate-reasons.ts `file.excel`). */
  text: MessageText;
}

/** Splits a line on a delimiter outside double quotes; returns the number of fields. */
function fieldCount(line: string, delimiter: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/** The bytes are not UTF-8 (an incomplete sequence cut by the sample's end does not count). */
function notUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * Windows-1251 Cyrillic: most bytes ≥ 0x80 are the code page's letters (А–я at 0xC0–0xFF, and Ґґ Єє Іі Її Ёё),
 * as in any Ukrainian or Russian text, and not the punctuation or control area a random binary would hit.
 */
function looksWindows1251(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0 || b === 0xa5 || b === 0xb4 || b === 0xaa || b === 0xba || b === 0xb2 || b === 0xb3 || b === 0xaf || b === 0xbf || b === 0xa8 || b === 0xb8) letters++;
  }
  return high > 0 && letters / high >= 0.8;
}

/** Describes what was found; null when the sample does not look like an Excel-saved CSV. */
export function detectExcelCsvBytes(sample: Uint8Array, expectedDelimiter = ','): ExcelCsvFinding | null {
  const bom = sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const body = bom ? sample.subarray(3) : sample;
  const windows1251 = notUtf8(body) && looksWindows1251(body);
  const text = new TextDecoder(windows1251 ? 'windows-1251' : 'utf-8').decode(body);
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const semicolons = expectedDelimiter !== ';' && fieldCount(header, ';') >= 2 && fieldCount(header, expectedDelimiter) === 1;
  if (!semicolons && !windows1251) return null;
  const traits = [
    ...(semicolons ? [say('excel.semicolons')] : []),
    ...(windows1251 ? [say('excel.windows1251')] : []),
    ...(bom ? [say('excel.bom')] : []),
  ];
  const reason = say('file.excel', { traits: list(traits) });
  return { semicolons, windows1251, bom, message: english(reason), text: reason };
}

/** Reads the start of the file; null when it cannot be read (the caller reports that) or does not look Excel-saved. */
export async function detectExcelCsv(path: string, expectedDelimiter = ','): Promise<ExcelCsvFinding | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = new Uint8Array(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return detectExcelCsvBytes(buffer.subarray(0, bytesRead), expectedDelimiter);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
