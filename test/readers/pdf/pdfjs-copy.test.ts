import { describe, expect, it } from 'vitest';
import { flatCopy } from '../../../src/readers/pdf/pdfjs.js';

describe('flatCopy: the cheap copy of small plain pdf.js messages', () => {
  it('copies flat messages exactly as structuredClone does, and independently of the original', () => {
    const messages: Record<string, unknown>[] = [
      { sourceName: 'd0', targetName: 'd0_worker', stream: 6, streamId: 3, desiredSize: 1 },
      { sourceName: 'd0', targetName: 'd0_worker', stream: 7, streamId: 3, success: true, reason: undefined },
      { targetName: 'd0', action: 'commonobj', data: ['g_d0_f1_path_12', 'FontPath', 'M0 0L1 1Z'] },
      { action: 'GetPage', callbackId: 4, data: { pageIndex: 2 } },
      { callback: 1, callbackId: 4, data: { rotate: 0, ref: { num: 3, gen: 0 }, userUnit: 1, view: [0, 0, 595.3, 841.9] } },
      { a: [[1, 2], [3]], b: { c: { d: [null, 'x'] } } },
      { a: Number.NaN, b: -0, c: null, d: '', e: false, f: [1, 'x', null, undefined, true] },
    ];
    for (const m of messages) {
      const copy = flatCopy(m);
      expect(copy).toStrictEqual(structuredClone(m));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(m)); // keys in the same order
      for (const [k, v] of Object.entries(m)) if (typeof v === 'object' && v !== null) expect(copy![k]).not.toBe(v);
    }
    const nested = { data: { view: [1, 2] } };
    const nestedCopy = flatCopy(nested);
    nested.data.view[0] = 9;
    expect(nestedCopy).toEqual({ data: { view: [1, 2] } });
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
    // a shared reference and a cycle: structuredClone keeps them, so they are its to copy
    const shared = { n: 1 };
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const big = { items: Array.from({ length: 100 }, (_, i) => ({ i })) };
    for (const m of [
      null,
      'text',
      new Msg(),
      { data: new Uint8Array(2) },
      { data: [new Uint8Array(1)] },
      { data: [new Map()] },
      { data: sparse },
      { a: shared, b: shared },
      { a: [shared, shared] },
      cycle,
      deep,
      big,
      { reason: new Error('x') },
      { f: () => 1 },
      { s: Symbol('x') },
      { n: 1n },
    ]) {
      expect(flatCopy(m)).toBeUndefined();
    }
  });
});
