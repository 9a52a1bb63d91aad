/**
 * Cell shading colours shared by the readers: every source colour becomes the doc tree's
 * `fill` — upper-case hex RGB without '#', absent for none, auto, transparent or white.
 */

/** `RRGGBB` from '#rgb', '#rrggbb', 'rrggbb' (any case); undefined when not a hex colour. */
export function hexColor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^[0-9a-f]{3}$/i.test(v)) return [...v].map((c) => c + c).join('').toUpperCase();
  return undefined;
}

/** The `fill` to store: undefined for white (a white cell is not shaded). */
export function cellFill(hex: string | undefined): string | undefined {
  return hex === undefined || hex === 'FFFFFF' ? undefined : hex;
}

function channels(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return rgb.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** `fraction` of `fg` over `bg` (a pattern's coverage, an alpha). */
export function blend(fg: string, bg: string, fraction: number): string {
  const a = channels(fg);
  const b = channels(bg);
  return toHex(a.map((v, i) => v * fraction + b[i]! * (1 - fraction)));
}

/** Lighten towards white by `tint` (0..1 of the original kept, OOXML w:themeFillTint). */
export function tint(hex: string, keep: number): string {
  return toHex(channels(hex).map((v) => v * keep + 255 * (1 - keep)));
}

/** Darken towards black (OOXML w:themeFillShade: `keep` of the original). */
export function shade(hex: string, keep: number): string {
  return toHex(channels(hex).map((v) => v * keep));
}

/** CSS named colours that shade table cells in practice (the rest of the 148 are rare in documents). */
const NAMED: Record<string, string> = {
  black: '000000', white: 'FFFFFF', gray: '808080', grey: '808080', silver: 'C0C0C0', lightgray: 'D3D3D3',
  lightgrey: 'D3D3D3', gainsboro: 'DCDCDC', darkgray: 'A9A9A9', darkgrey: 'A9A9A9', dimgray: '696969',
  whitesmoke: 'F5F5F5', red: 'FF0000', green: '008000', lime: '00FF00', blue: '0000FF', yellow: 'FFFF00',
  orange: 'FFA500', navy: '000080', teal: '008080', olive: '808000', maroon: '800000', purple: '800080',
  aqua: '00FFFF', cyan: '00FFFF', fuchsia: 'FF00FF', magenta: 'FF00FF', lightblue: 'ADD8E6', lightgreen: '90EE90',
  lightyellow: 'FFFFE0', lightcyan: 'E0FFFF', lightpink: 'FFB6C1', pink: 'FFC0CB', beige: 'F5F5DC',
  lavender: 'E6E6FA', wheat: 'F5DEB3', khaki: 'F0E68C', palegreen: '98FB98', skyblue: '87CEEB',
  lightsteelblue: 'B0C4DE', honeydew: 'F0FFF0', ivory: 'FFFFF0', linen: 'FAF0E6', mintcream: 'F5FFFA',
};

/**
 * A CSS colour value (#hex, rgb()/rgba(), a common name) as hex; a partly transparent colour is
 * blended over white. undefined for transparent, inherit, unknown forms.
 */
export function cssColor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v.startsWith('#')) return hexColor(v);
  const fn = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (fn) {
    const num = (s: string, max: number) => (s.endsWith('%') ? (Number.parseFloat(s) / 100) * max : Number.parseFloat(s));
    const rgb = [fn[1]!, fn[2]!, fn[3]!].map((s) => num(s, 255));
    const alpha = fn[4] === undefined ? 1 : num(fn[4], 1);
    if (!(alpha > 0)) return undefined;
    return blend(toHex(rgb), 'FFFFFF', Math.min(1, alpha));
  }
  if (/^[0-9a-f]{6}$/.test(v)) return v.toUpperCase(); // bgcolor="d9d9d9" without '#', as old pages write it
  return NAMED[v];
}

/** The background colour of an inline CSS declaration list (`background-color`, or a colour in `background`). */
export function cssBackground(style: string | undefined): string | undefined {
  if (!style) return undefined;
  let found: string | undefined;
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const name = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).replace(/!important/i, '').trim();
    if (name === 'background-color') found = cssColor(value) ?? (/^(?:transparent|none|initial)$/i.test(value) ? 'none' : found);
    else if (name === 'background') {
      // the shorthand: its colour is one of the space-separated parts (rgb() kept whole)
      const parts = value.match(/rgba?\([^)]*\)|#[0-9a-f]+|[a-z]+/gi) ?? [];
      const colour = parts.map((p) => cssColor(p)).find((c) => c !== undefined);
      if (colour) found = colour;
      else if (/^(?:none|transparent)$/i.test(value)) found = 'none';
    }
  }
  return found === 'none' ? undefined : found;
}
