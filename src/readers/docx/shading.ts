/**
 * DOCX shading (w:shd) → the doc tree's cell `fill`.
 *
 * w:shd paints a pattern (w:val) in the pattern colour (w:color) over the fill colour (w:fill):
 * `clear` shows the fill, `solid` the pattern colour, `pctN` N % of the pattern colour over the
 * fill, stripes and crosses roughly half (a quarter for the thin ones). Either colour may be
 * named through the theme (w:themeFill / w:themeColor with tint and shade); Word also writes the
 * resolved w:fill, which is preferred. 'auto' is white for the fill and black for the pattern.
 */
import { blend, cellFill, hexColor, shade, tint } from '../shading.js';
import type { XNode } from './worker.js';
import { attr, child, elements } from './xml.js';

/** Office 2013+ default theme, used when the document has no theme part. */
const DEFAULT_THEME: Record<string, string> = {
  dk1: '000000', lt1: 'FFFFFF', dk2: '44546A', lt2: 'E7E6E6',
  accent1: '4472C4', accent2: 'ED7D31', accent3: 'A5A5A5', accent4: 'FFC000', accent5: '5B9BD5', accent6: '70AD47',
  hlink: '0563C1', folHlink: '954F72',
};

/** w:themeFill / w:themeColor names → theme scheme slots. */
const SLOT: Record<string, string> = {
  dark1: 'dk1', text1: 'dk1', light1: 'lt1', background1: 'lt1', dark2: 'dk2', text2: 'dk2', light2: 'lt2', background2: 'lt2',
  accent1: 'accent1', accent2: 'accent2', accent3: 'accent3', accent4: 'accent4', accent5: 'accent5', accent6: 'accent6',
  hyperlink: 'hlink', followedHyperlink: 'folHlink',
};

export type ThemeColors = Record<string, string>;

/** Colours of the theme part's a:clrScheme (defaults for what it does not define). */
export function themeColors(theme: XNode | undefined): ThemeColors {
  const out: ThemeColors = { ...DEFAULT_THEME };
  const scheme = child(child(theme, 'a:themeElements'), 'a:clrScheme');
  for (const slot of elements(scheme)) {
    const name = slot.n.replace(/^a:/, '');
    const srgb = hexColor(attr(child(slot, 'a:srgbClr'), 'val'));
    const sys = hexColor(attr(child(slot, 'a:sysClr'), 'lastClr'));
    const colour = srgb ?? sys;
    if (colour) out[name] = colour;
  }
  return out;
}

function themed(shd: XNode, which: 'Fill' | 'Color', theme: ThemeColors): string | undefined {
  const name = attr(shd, `w:theme${which}`);
  if (name === undefined) return undefined;
  const base = theme[SLOT[name] ?? name];
  if (!base) return undefined;
  const t = Number.parseInt(attr(shd, `w:theme${which}Tint`) ?? '', 16);
  const s = Number.parseInt(attr(shd, `w:theme${which}Shade`) ?? '', 16);
  let colour = base;
  if (Number.isFinite(t)) colour = tint(colour, t / 255);
  if (Number.isFinite(s)) colour = shade(colour, s / 255);
  return colour;
}

/** Share of the pattern colour a w:val pattern shows (undefined: not a pattern Word paints). */
function coverage(val: string): number | undefined {
  if (val === 'clear') return 0;
  if (val === 'solid') return 1;
  const pct = /^pct(\d+)$/.exec(val);
  if (pct) return Number(pct[1]) === 12 ? 0.125 : Number(pct[1]) / 100;
  if (/^thin/.test(val)) return 0.25;
  if (/Stripe$|Cross$/.test(val)) return 0.5;
  return undefined;
}

/** The effective colour of a w:shd element, or undefined for none / auto / white. */
export function shadingFill(shd: XNode | undefined, theme: ThemeColors): string | undefined {
  if (!shd) return undefined;
  const val = attr(shd, 'w:val') ?? 'clear';
  if (val === 'nil') return undefined;
  const fillAttr = attr(shd, 'w:fill');
  const bg = hexColor(fillAttr) ?? (fillAttr === undefined || fillAttr === 'auto' ? themed(shd, 'Fill', theme) : undefined) ?? 'FFFFFF';
  const colorAttr = attr(shd, 'w:color');
  const fg = hexColor(colorAttr) ?? themed(shd, 'Color', theme) ?? '000000';
  const share = coverage(val) ?? 0;
  return cellFill(share === 0 ? bg : share === 1 ? fg : blend(fg, bg, share));
}
