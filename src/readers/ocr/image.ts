/**
 * Images as input (PNG, JPEG, TIFF; recognised by their magic bytes): each image is wrapped,
 * without re-encoding where PDF has the same compression, as one page of a minimal PDF
 * (JPEG as DCTDecode; PNG as FlateDecode with the PNG predictors, or decoded when it has an
 * alpha channel; TIFF strips as uncompressed, PackBits → RunLengthDecode, LZW, Deflate or
 * CCITT G3/G4 images; every TIFF page becomes a page). The PDF then goes the way of a
 * scanned PDF: rendered by pdftoppm and read by OCR (`on` for every page).
 *
 * The page size comes from the image's resolution (JFIF density, PNG pHYs, TIFF
 * XResolution); a resolution missing or implausible (under 100 or over 1200 dpi) is taken
 * as the one that makes the image as wide as an A4 page.
 */
import { inflateSync, deflateSync } from 'node:zlib';
import type { ReadOptions, ReadResult } from '../../doctree/types.js';
import { INSTALL_HINT, OcrUnavailableError, ocrAvailable } from './tools.js';

interface PdfImage {
  width: number;
  height: number;
  /** Image dictionary entries besides Type/Subtype/Width/Height/Length. */
  dict: string;
  data: Uint8Array;
  /** Place within the page, in image rows from the top (TIFF strips). */
  row?: number;
}

interface PageImages {
  width: number;
  height: number;
  dpi: number;
  images: PdfImage[];
}

function plausibleDpi(dpi: number | undefined, width: number): number {
  if (dpi !== undefined && dpi >= 100 && dpi <= 1200) return dpi;
  return Math.max(72, width / 8.27);
}

function u16be(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

// ---------------------------------------------------------------- JPEG

function jpeg(bytes: Uint8Array): PageImages {
  let i = 2;
  let dpi: number | undefined;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new Error('corrupt JPEG (bad marker)');
    const marker = bytes[i + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = u16be(bytes, i + 2);
    if (len < 2) throw new Error('corrupt JPEG (bad segment length)');
    if (marker === 0xe0 && bytes[i + 4] === 0x4a && bytes[i + 5] === 0x46) {
      const units = bytes[i + 11];
      const density = u16be(bytes, i + 12);
      if (units === 1) dpi = density;
      else if (units === 2) dpi = density * 2.54;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker === 0xc3 || marker >= 0xc5) throw new Error('JPEG variant not supported (lossless, hierarchical or arithmetic coding)');
      const height = u16be(bytes, i + 5);
      const width = u16be(bytes, i + 7);
      const comps = bytes[i + 9];
      if (!width || !height) throw new Error('corrupt JPEG (no image size)');
      const cs = comps === 1 ? '/DeviceGray' : comps === 3 ? '/DeviceRGB' : comps === 4 ? '/DeviceCMYK' : undefined;
      if (!cs) throw new Error('corrupt JPEG (bad number of colour components)');
      return { width, height, dpi: plausibleDpi(dpi, width), images: [{ width, height, dict: `/ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode`, data: bytes }] };
    }
    i += 2 + len;
  }
  throw new Error('corrupt JPEG (no frame header)');
}

// ---------------------------------------------------------------- PNG

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undo PNG row filters: `bpp` bytes per pixel (at least 1), `stride` bytes per row. */
function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    if (src + stride > raw.length) throw new Error('corrupt PNG (image data too short)');
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x]!;
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      let r: number;
      switch (type) {
        case 0: r = v; break;
        case 1: r = v + a; break;
        case 2: r = v + b; break;
        case 3: r = v + ((a + b) >> 1); break;
        case 4: r = v + paeth(a, b, c); break;
        default: throw new Error('corrupt PNG (bad row filter)');
      }
      out[row + x] = r & 0xff;
    }
  }
  return out;
}

function png(bytes: Uint8Array): PageImages {
  let i = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let color = -1;
  let interlace = 0;
  let dpi: number | undefined;
  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (i + 8 <= bytes.length) {
    const len = u32be(bytes, i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const body = bytes.subarray(i + 8, i + 8 + len);
    if (body.length < len) throw new Error(`corrupt PNG (truncated ${type} chunk)`);
    if (type === 'IHDR') {
      if (len < 13) throw new Error('corrupt PNG (short header)');
      width = u32be(body, 0);
      height = u32be(body, 4);
      depth = body[8]!;
      color = body[9]!;
      interlace = body[12]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'pHYs' && len >= 9 && body[8] === 1) dpi = u32be(body, 0) * 0.0254;
    else if (type === 'IEND') break;
    i += 12 + len;
  }
  if (!width || !height || width > 100_000 || height > 100_000) throw new Error('corrupt PNG (bad image size)');
  if (idat.length === 0) throw new Error('corrupt PNG (no image data)');
  if (interlace) throw new Error('interlaced PNG is not supported; save the image without interlacing');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[color];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw new Error('corrupt PNG (bad colour type or bit depth)');
  const zdata = Buffer.concat(idat);
  const pageOf = (img: PdfImage): PageImages => ({ width, height, dpi: plausibleDpi(dpi, width), images: [img] });
  if (color === 0 || color === 2 || color === 3) {
    let cs = color === 2 ? '/DeviceRGB' : '/DeviceGray';
    if (color === 3) {
      if (!palette || palette.length < 3) throw new Error('corrupt PNG (palette missing)');
      const n = Math.floor(palette.length / 3);
      cs = `[/Indexed /DeviceRGB ${n - 1} <${Buffer.from(palette.subarray(0, n * 3)).toString('hex')}>]`;
    }
    return pageOf({
      width,
      height,
      dict: `/ColorSpace ${cs} /BitsPerComponent ${depth} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${color === 2 ? 3 : 1} /BitsPerComponent ${depth} /Columns ${width} >>`,
      data: zdata,
    });
  }
  // grey or colour with alpha: decode, put on white paper, keep the grey
  const bytesPer = depth === 16 ? 2 : 1;
  const bpp = channels * bytesPer;
  let raw: Uint8Array;
  try {
    raw = inflateSync(zdata);
  } catch {
    throw new Error('corrupt PNG (image data does not inflate)');
  }
  const px = unfilter(raw, height, width * bpp, bpp);
  const grey = new Uint8Array(width * height);
  for (let k = 0; k < width * height; k++) {
    const at = (ch: number): number => px[k * bpp + ch * bytesPer]!;
    const g = channels === 2 ? at(0) : Math.round(0.299 * at(0) + 0.587 * at(1) + 0.114 * at(2));
    const alpha = at(channels - 1) / 255;
    grey[k] = Math.round(g * alpha + 255 * (1 - alpha));
  }
  return pageOf({ width, height, dict: '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', data: deflateSync(grey) });
}

// ---------------------------------------------------------------- TIFF

function tiff(bytes: Uint8Array): PageImages[] {
  const le = bytes[0] === 0x49;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => dv.getUint16(o, le);
  const u32 = (o: number): number => dv.getUint32(o, le);
  const pages: PageImages[] = [];
  let ifd = u32(4);
  const seen = new Set<number>();
  while (ifd !== 0 && pages.length < 500) {
    if (seen.has(ifd) || ifd + 2 > bytes.length) throw new Error('corrupt TIFF (bad directory offset)');
    seen.add(ifd);
    const n = u16(ifd);
    if (ifd + 2 + n * 12 + 4 > bytes.length) throw new Error('corrupt TIFF (truncated directory)');
    const tags = new Map<number, number[]>();
    for (let k = 0; k < n; k++) {
      const e = ifd + 2 + k * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = ({ 1: 1, 3: 2, 4: 4, 5: 8 } as Record<number, number>)[type];
      if (!size || count > 1_000_000) continue;
      const at = size * count <= 4 ? e + 8 : u32(e + 8);
      if (at + size * count > bytes.length) throw new Error('corrupt TIFF (tag data out of the file)');
      const values: number[] = [];
      for (let v = 0; v < count; v++) {
        const o = at + v * size;
        values.push(type === 1 ? bytes[o]! : type === 3 ? u16(o) : type === 4 ? u32(o) : u32(o) / (u32(o + 4) || 1));
      }
      tags.set(tag, values);
    }
    const one = (tag: number, def?: number): number => {
      const v = tags.get(tag)?.[0] ?? def;
      if (v === undefined) throw new Error(`corrupt TIFF (tag ${tag} missing)`);
      return v;
    };
    const width = one(256);
    const height = one(257);
    const bits = one(258, 1);
    const spp = one(277, 1);
    const compression = one(259, 1);
    const photometric = one(262, 1);
    const rowsPerStrip = Math.min(one(278, height), height);
    const offsets = tags.get(273) ?? [];
    const counts = tags.get(279) ?? [];
    if (!width || !height || width > 100_000 || height > 100_000 || offsets.length === 0) throw new Error('corrupt TIFF (bad image size or no strips)');
    if (one(266, 1) !== 1) throw new Error('TIFF with reversed bit order (FillOrder 2) is not supported');
    if (tags.has(322)) throw new Error('tiled TIFF is not supported');
    const cs = photometric === 2 && spp === 3 ? '/DeviceRGB' : photometric <= 1 && spp === 1 ? '/DeviceGray' : undefined;
    if (!cs) throw new Error('TIFF colour model not supported (only black-and-white, grey and RGB)');
    const predictor = one(317, 1) === 2 ? ` /DecodeParms << /Predictor 2 /Colors ${spp} /BitsPerComponent ${bits} /Columns ${width} >>` : '';
    const invert = photometric === 0;
    const images: PdfImage[] = [];
    offsets.forEach((off, s) => {
      const rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
      if (rows <= 0) return;
      const data = bytes.subarray(off, off + (counts[s] ?? 0));
      if (data.length === 0 || off + (counts[s] ?? 0) > bytes.length) throw new Error('corrupt TIFF (strip out of the file)');
      let filter: string;
      let extra = `/ColorSpace ${cs} /BitsPerComponent ${bits}${invert ? ' /Decode [1 0]' : ''}`;
      switch (compression) {
        case 1: filter = ''; break;
        case 5: filter = `/Filter /LZWDecode${predictor}`; break;
        case 8:
        case 32946: filter = `/Filter /FlateDecode${predictor}`; break;
        case 32773: filter = '/Filter /RunLengthDecode'; break;
        case 3:
        case 4: {
          const k = compression === 4 ? -1 : (one(292, 0) & 1) === 1 ? 1 : 0;
          filter = `/Filter /CCITTFaxDecode /DecodeParms << /K ${k} /Columns ${width} /Rows ${rows} /BlackIs1 ${invert ? 'true' : 'false'} >>`;
          extra = '/ColorSpace /DeviceGray /BitsPerComponent 1';
          break;
        }
        default: throw new Error(`TIFF compression ${compression} is not supported`);
      }
      images.push({ width, height: rows, dict: `${extra} ${filter}`.trim(), data, row: s * rowsPerStrip });
    });
    let dpi = tags.get(282)?.[0];
    if (dpi !== undefined && one(296, 2) === 3) dpi *= 2.54;
    pages.push({ width, height, dpi: plausibleDpi(dpi, width), images });
    ifd = ifd + 2 + n * 12 + 4 <= bytes.length ? u32(ifd + 2 + n * 12) : 0;
  }
  if (pages.length === 0) throw new Error('corrupt TIFF (no image)');
  return pages;
}

// ---------------------------------------------------------------- PDF

/** A minimal PDF: one page per image page, each image drawn at its size in points. */
export function imagesToPdf(pages: PageImages[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array | string): void => {
    const u = typeof b === 'string' ? enc.encode(b) : b;
    parts.push(u);
    length += u.length;
  };
  const objects: (string | [string, Uint8Array])[] = [];
  const add = (o: string | [string, Uint8Array]): number => objects.push(o);
  const catalog = add('');
  const pagesObj = add('');
  const kids: number[] = [];
  for (const p of pages) {
    const scale = 72 / p.dpi;
    const w = +(p.width * scale).toFixed(3);
    const h = +(p.height * scale).toFixed(3);
    const xobjects: string[] = [];
    let content = '';
    p.images.forEach((img, k) => {
      const id = add([`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} ${img.dict} /Length ${img.data.length} >>`, img.data]);
      xobjects.push(`/Im${k} ${id} 0 R`);
      const ih = +(img.height * scale).toFixed(3);
      const y = +(h - (img.row ?? 0) * scale - ih).toFixed(3);
      content += `q ${w} 0 0 ${ih} 0 ${y} cm /Im${k} Do Q\n`;
    });
    const contentId = add([`<< /Length ${content.length} >>`, enc.encode(content)]);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << ${xobjects.join(' ')} >> >> /Contents ${contentId} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  push('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') push(`${i + 1} 0 obj\n${o}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n${o[0]}\nstream\n`);
      push(o[1]);
      push('\nendstream\nendobj\n');
    }
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tiff';
  return undefined;
}

/** Wrap an image file as a PDF (one page per image page). */
export function imageToPdf(bytes: Uint8Array): Uint8Array {
  const kind = imageKind(bytes);
  if (kind === 'png') return imagesToPdf([png(bytes)]);
  if (kind === 'jpeg') return imagesToPdf([jpeg(bytes)]);
  if (kind === 'tiff') return imagesToPdf(tiff(bytes));
  throw new Error('not a PNG, JPEG or TIFF image');
}

export async function readImage(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const kind = imageKind(bytes)?.toUpperCase() ?? 'image';
  // check the image before asking whether OCR can run, so a broken file says what is wrong with it
  const pdf = imageToPdf(bytes);
  if ((options.ocr ?? 'off') === 'off') throw new Error(`a ${kind} image, which only OCR can read; OCR is off (run with --ocr auto)`);
  if (!(await ocrAvailable())) throw new OcrUnavailableError(`a ${kind} image needs OCR, which is not installed; install it with: ${INSTALL_HINT}`);
  const { readPdf } = await import('../pdf/index.js');
  const read = await readPdf(pdf, { ...options, ocr: 'on' });
  return { ...read, format: 'image' };
}
