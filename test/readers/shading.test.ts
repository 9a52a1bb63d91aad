import { describe, expect, it } from 'vitest';
import { shadingFill, themeColors } from '../../src/readers/docx/shading.js';
import { cssBackground, cssColor } from '../../src/readers/shading.js';

const shd = (a: Record<string, string>) => ({ n: 'w:shd', a: Object.fromEntries(Object.entries(a).map(([k, v]) => [`w:${k}`, v])) });

describe('shading colours', () => {
  it('DOCX theme fills resolve through the theme (or Office defaults) with tint and shade', () => {
    const theme = themeColors({
      n: 'a:theme',
      c: [{ n: 'a:themeElements', c: [{ n: 'a:clrScheme', c: [{ n: 'a:accent1', c: [{ n: 'a:srgbClr', a: { val: '336699' } }] }] }] }],
    });
    expect(shadingFill(shd({ val: 'clear', themeFill: 'accent1' }), theme)).toBe('336699');
    expect(shadingFill(shd({ val: 'clear', fill: 'auto', themeFill: 'background1', themeFillShade: 'D9' }), theme)).toBe('D9D9D9');
    expect(shadingFill(shd({ val: 'clear', themeFill: 'background1' }), theme)).toBeUndefined();
    expect(shadingFill(shd({ val: 'clear', themeFill: 'accent6' }), themeColors(undefined))).toBe('70AD47');
    expect(shadingFill(shd({ val: 'pct25', color: '000000', fill: 'FFFFFF' }), theme)).toBe('BFBFBF');
    expect(shadingFill(shd({ val: 'horzStripe', color: '000000', fill: 'auto' }), theme)).toBe('808080');
  });

  it('CSS colours: hex, rgb(), rgba() over white, names; transparent is none', () => {
    expect(cssColor('#ccc')).toBe('CCCCCC');
    expect(cssColor('rgb(217, 217, 217)')).toBe('D9D9D9');
    expect(cssColor('rgba(0,0,0,0.25)')).toBe('BFBFBF');
    expect(cssColor('LightGray')).toBe('D3D3D3');
    expect(cssColor('transparent')).toBeUndefined();
    expect(cssBackground('color: red; background: #d9d9d9 url(x.png) no-repeat')).toBe('D9D9D9');
    expect(cssBackground('background-color: silver !important')).toBe('C0C0C0');
    expect(cssBackground('background-color: transparent')).toBeUndefined();
  });
});
