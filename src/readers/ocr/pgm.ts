/** Greyscale bitmaps as `pdftoppm -gray` writes them: binary PGM (P5), 8 or 16 bits. */

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row by row. */
  data: Uint8Array;
}

export function parsePgm(bytes: Uint8Array): Gray {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/u.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' comment
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    let s = '';
    while (pos < bytes.length && !/\s/u.test(String.fromCharCode(bytes[pos]!))) s += String.fromCharCode(bytes[pos++]!);
    return s;
  };
  if (token() !== 'P5') throw new Error('rendered page is not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  pos++; // the single whitespace after maxval
  if (!(width > 0 && height > 0 && maxval > 0 && maxval < 65536)) throw new Error('rendered page has an invalid PGM header');
  const n = width * height;
  const wide = maxval > 255;
  if (bytes.length - pos < n * (wide ? 2 : 1)) throw new Error('rendered page is truncated');
  const data = new Uint8Array(n);
  if (!wide && maxval === 255) data.set(bytes.subarray(pos, pos + n));
  else {
    for (let i = 0; i < n; i++) {
      const v = wide ? (bytes[pos + 2 * i]! << 8) | bytes[pos + 2 * i + 1]! : bytes[pos + i]!;
      data[i] = Math.round((v * 255) / maxval);
    }
  }
  return { width, height, data };
}

export function writePgm(img: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head);
  out.set(img.data, head.length);
  return out;
}
