import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/model/message.js';
import { formatNumber, NumberingState } from '../../../src/readers/docx/numbering.js';
import type { XNode } from '../../../src/readers/docx/worker.js';

const el = (n: string, a: Record<string, string> = {}, ...c: XNode[]): XNode => ({ n, a, c });
const lvl = (ilvl: number, start: number, numFmt: string, lvlText: string, extra: XNode[] = []) =>
  el('w:lvl', { 'w:ilvl': String(ilvl) }, el('w:start', { 'w:val': String(start) }), el('w:numFmt', { 'w:val': numFmt }), el('w:lvlText', { 'w:val': lvlText }), ...extra);
const abstractNum = (id: string, ...levels: XNode[]) => el('w:abstractNum', { 'w:abstractNumId': id }, ...levels);
const num = (id: string, abs: string, ...overrides: XNode[]) => el('w:num', { 'w:numId': id }, el('w:abstractNumId', { 'w:val': abs }), ...overrides);
const startOverride = (ilvl: number, v: number) => el('w:lvlOverride', { 'w:ilvl': String(ilvl) }, el('w:startOverride', { 'w:val': String(v) }));

function state(numbering: XNode, messages: Message[] = []) {
  return new NumberingState(numbering, () => undefined, messages);
}
const labels = (s: NumberingState, seq: [string, number][]) => seq.map(([id, l]) => s.next(id, l)?.label);

describe('NumberingState', () => {
  it('counts from w:start, shares counters between instances of one definition, restarts on w:startOverride', () => {
    const s = state(
      el('w:numbering', {}, abstractNum('0', lvl(0, 3, 'decimal', 'Зобов’язання %1.')), num('1', '0'), num('2', '0'), num('3', '0', startOverride(0, 1))),
    );
    expect(labels(s, [['1', 0], ['1', 0], ['2', 0], ['3', 0], ['3', 0], ['1', 0]])).toEqual([
      'Зобов’язання 3.', 'Зобов’язання 4.', 'Зобов’язання 5.', 'Зобов’язання 1.', 'Зобов’язання 2.', 'Зобов’язання 3.',
    ]);
  });

  it('builds multi-level labels and resets deeper levels when a higher level counts', () => {
    const s = state(el('w:numbering', {}, abstractNum('0', lvl(0, 1, 'decimal', '%1.'), lvl(1, 1, 'decimal', '%1.%2.')), num('5', '0')));
    expect(labels(s, [['5', 0], ['5', 1], ['5', 1], ['5', 0], ['5', 1]])).toEqual(['1.', '1.1.', '1.2.', '2.', '2.1.']);
  });

  it('formats roman, letters, Cyrillic letters; isLgl forces decimals; bullets and numId 0 have no label', () => {
    const s = state(
      el(
        'w:numbering',
        {},
        abstractNum('0', lvl(0, 1, 'upperRoman', '%1.'), lvl(1, 1, 'russianLower', '%2)'), lvl(2, 1, 'upperRoman', '%1.%3', [el('w:isLgl')])),
        abstractNum('1', lvl(0, 1, 'bullet', '•')),
        num('1', '0'),
        num('2', '1'),
      ),
    );
    expect(labels(s, [['1', 0], ['1', 0], ['1', 0], ['1', 0], ['1', 1], ['1', 1], ['1', 2], ['2', 0], ['0', 0], ['99', 0]])).toEqual([
      'I.', 'II.', 'III.', 'IV.', 'а)', 'б)', '4.1', undefined, undefined, undefined,
    ]);
  });

  it('reports an unsupported format once and falls back to decimals', () => {
    const messages: Message[] = [];
    const s = state(el('w:numbering', {}, abstractNum('0', lvl(0, 1, 'chineseCounting', '%1、')), num('1', '0')), messages);
    expect(labels(s, [['1', 0], ['1', 0]])).toEqual(['1、', '2、']);
    expect(messages.map((m) => m.code)).toEqual(['docx-numbering-format']);
  });

  it('uses the separator Word puts after the label (w:suff)', () => {
    const s = state(el('w:numbering', {}, abstractNum('0', lvl(0, 1, 'decimal', '%1.', [el('w:suff', { 'w:val': 'nothing' })])), num('1', '0')));
    expect(s.next('1', 0)).toEqual({ label: '1.', separator: '' });
  });
});

describe('formatNumber', () => {
  it.each([
    [1, 'decimal', '1'], [7, 'decimalZero', '07'], [14, 'upperRoman', 'XIV'], [9, 'lowerRoman', 'ix'],
    [27, 'upperLetter', 'AA'], [3, 'lowerLetter', 'c'], [10, 'russianLower', 'к'], [1, 'russianUpper', 'А'], [5, 'none', ''],
  ])('%i as %s is %s', (n, fmt, out) => {
    expect(formatNumber(n, fmt)).toBe(out);
  });
});
