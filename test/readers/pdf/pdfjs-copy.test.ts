import { describe, expect, it } from 'vitest';
import { flatCopy } from '../../../src/readers/pdf/pdfjs.js';

describe('flatCopy: the cheap copy of small pdf.js messages', () => {
  it('copies flat messages exactly as structuredClone does, and independently of the original', () => {
    const messages: Record<string, unknown>[] = [
      { sourceName: 'd0', targetName: 'd0_worker', stream: 6, streamId: 3, desiredSize: 1 },
      { sourceName: 'd0', targetName: 'd0_worker', stream: 7, streamId: 3, success: true, reason: undefined },
      { targetName: 'd0', action: 'commonobj', data: ['g_d0_f1_path_12', 'FontPath', 'M0 0L1 1Z'] },
      { action: 'GetPage', callbackId: 4, data: { pageIndex: 2 } },
      { a: Number.NaN, b: -0, c: null, d: '', e: false, f: [1, 'x', null, undefined, true] },
    ];
    for (const m of messages) {
      const copy = flatCopy(m);
      if (m.action === 'GetPage') {
        expect(copy).toBeUndefined(); // a nested object is left to structuredClone
        continue;
      }
      expect(copy).toStrictEqual(structuredClone(m));
      expect(Object.keys(copy!)).toEqual(Object.keys(m));
      for (const [k, v] of Object.entries(m)) if (Array.isArray(v)) expect(copy![k]).not.toBe(v);
    }
    const data = ['a', 'b'];
    const copy = flatCopy({ data });
    data[0] = 'changed';
    expect(copy).toEqual({ data: ['a', 'b'] });
  });

  it('leaves everything else to structuredClone', () => {
    class Msg {
      stream = 6;
    }
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    for (const m of [
      null,
      'text',
      new Msg(),
      { data: new Uint8Array(2) },
      { data: [[1]] },
      { data: [{ a: 1 }] },
      { data: sparse },
      { reason: new Error('x') },
      { f: () => 1 },
      { s: Symbol('x') },
      { n: 1n },
    ]) {
      expect(flatCopy(m)).toBeUndefined();
    }
  });
});
