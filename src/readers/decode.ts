/**
 * Text decoding with detection, not guessing.
 *
 * Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise strict
 * UTF-8 is tried; otherwise the single-byte Cyrillic code pages used for
 * Ukrainian files (Windows-1251, KOI8-U) are scored by how Ukrainian the decoded
 * text looks. A file that fits none of them is refused with a clear error.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-u';

export class DecodeError extends Error {}

const COMMON_UK = new Set('оаинівтеркслудмпзяьгбчйхцжшєюїщфґ'.split(''));

/** Share of letters that are frequent Ukrainian lower-case letters; 0 when there are no letters. */
function ukrainianScore(text: string): number {
  let letters = 0;
  let common = 0;
  let controls = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t' && ch !== '\f') controls += 1;
    if (/\p{L}/u.test(ch)) {
      letters += 1;
      if (COMMON_UK.has(ch)) common += 1;
    }
  }
  if (letters === 0 || controls > text.length * 0.01) return 0;
  return common / letters;
}

export function decodeText(input: Uint8Array): { text: string; encoding: TextEncoding } {
  const b = input;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: strictDecode('utf-8', b.subarray(3)), encoding: 'utf-8' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: strictDecode('utf-16le', b.subarray(2)), encoding: 'utf-16le' };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: strictDecode('utf-16be', b.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    return { text: text.normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Cyrillic single-byte code pages below
  }
  const candidates: TextEncoding[] = ['windows-1251', 'koi8-u'];
  let best: { text: string; encoding: TextEncoding; score: number } | null = null;
  for (const encoding of candidates) {
    const text = new TextDecoder(encoding).decode(b);
    const score = ukrainianScore(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  // Real Ukrainian prose scores ~0.6–0.8 in the right code page and < 0.3 in a wrong one.
  if (best && best.score >= 0.45) return { text: best.text.normalize('NFC'), encoding: best.encoding };
  throw new DecodeError(
    'cannot determine the text encoding (not UTF-8 or UTF-16, and not recognisable as Windows-1251 or KOI8-U Ukrainian text)',
  );
}

function strictDecode(encoding: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    throw new DecodeError(`invalid ${encoding.toUpperCase()} byte sequence despite the byte-order mark`);
  }
}
