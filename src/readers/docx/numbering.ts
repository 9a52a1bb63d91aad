/**
 * Word automatic numbering: recompute the labels Word shows («Зобов’язання 1.», «1.», «IV.») from
 * word/numbering.xml, because they are not in the document text.
 *
 * Model (ECMA-376 §17.9, as Word behaves): a paragraph's w:numPr names a numbering instance
 * (w:num, by w:numId) and a level (w:ilvl). Instances point at an abstract definition
 * (w:abstractNum) that holds per-level start value, format (w:numFmt), label template (w:lvlText,
 * %1…%9 standing for the current values of levels 1…9), and suffix. Instances that share an
 * abstract definition share its counters; an instance with w:lvlOverride/w:startOverride restarts
 * the level at its first use. Counting a level resets all deeper levels.
 */
import { warning, type Message } from '../../model/message.js';
import type { XNode } from './worker.js';
import { attr, child, children } from './xml.js';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
}

interface AbstractNum {
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface NumInstance {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

export interface NumberLabel {
  /** The visible label, e.g. "Зобов’язання 1." or "1.". */
  label: string;
  /** What Word puts between label and text (tab or space shown as one space; nothing). */
  separator: string;
}

function readLevel(lvl: XNode): Level {
  const start = Number.parseInt(attr(child(lvl, 'w:start'), 'w:val') ?? '0', 10);
  const suff = attr(child(lvl, 'w:suff'), 'w:val');
  const isLgl = child(lvl, 'w:isLgl');
  return {
    start: Number.isFinite(start) ? start : 0,
    numFmt: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
    lvlText: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    isLgl: isLgl !== undefined && !['0', 'false', 'off'].includes(attr(isLgl, 'w:val') ?? 'true'),
  };
}

const RUSSIAN = 'абвгдежзиклмнопрстуфхцчшщэюя';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, aaa… (the letter repeats). */
function letters(n: number, alphabet: string): string {
  if (n <= 0) return String(n);
  const k = alphabet.length;
  const letter = alphabet[(n - 1) % k]!;
  return letter.repeat(Math.floor((n - 1) / k) + 1);
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** Format a counter value; undefined when the format is not supported. */
export function formatNumber(n: number, numFmt: string): string | undefined {
  switch (numFmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperLetter':
      return letters(n, LATIN).toUpperCase();
    case 'lowerLetter':
      return letters(n, LATIN);
    case 'russianLower':
      return letters(n, RUSSIAN);
    case 'russianUpper':
      return letters(n, RUSSIAN).toUpperCase();
    case 'none':
      return '';
    default:
      return undefined;
  }
}

export class NumberingState {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counter values per abstract definition and level. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly usedNums = new Set<string>();
  /** Levels whose next count starts at a startOverride, per abstract definition. */
  private readonly pendingStart = new Map<string, Map<number, number>>();
  private readonly warned = new Set<string>();

  constructor(
    numbering: XNode | undefined,
    /** numId of a numbering style (w:style w:type="numbering"), for w:numStyleLink. */
    private readonly styleNumId: (styleId: string) => string | undefined,
    private readonly messages: Message[],
  ) {
    if (!numbering) return;
    for (const an of children(numbering, 'w:abstractNum')) {
      const id = attr(an, 'w:abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of children(an, 'w:lvl')) levels.set(Number(attr(lvl, 'w:ilvl') ?? '0'), readLevel(lvl));
      const link = attr(child(an, 'w:numStyleLink'), 'w:val');
      this.abstracts.set(id, { levels, ...(link ? { numStyleLink: link } : {}) });
    }
    for (const num of children(numbering, 'w:num')) {
      const id = attr(num, 'w:numId');
      const abstractNumId = attr(child(num, 'w:abstractNumId'), 'w:val');
      if (id === undefined || abstractNumId === undefined) continue;
      const startOverrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      for (const o of children(num, 'w:lvlOverride')) {
        const ilvl = Number(attr(o, 'w:ilvl') ?? '0');
        const so = attr(child(o, 'w:startOverride'), 'w:val');
        if (so !== undefined) startOverrides.set(ilvl, Number.parseInt(so, 10));
        const lvl = child(o, 'w:lvl');
        if (lvl) {
          const level = readLevel(lvl);
          levelOverrides.set(ilvl, level);
          if (so === undefined && child(lvl, 'w:start')) startOverrides.set(ilvl, level.start);
        }
      }
      this.nums.set(id, { abstractNumId, startOverrides, levelOverrides });
    }
  }

  /** The abstract definition of an instance, following one w:numStyleLink. */
  private resolveAbstract(num: NumInstance): [string, AbstractNum] | undefined {
    let id = num.abstractNumId;
    let an = this.abstracts.get(id);
    if (an?.numStyleLink) {
      const linkedNumId = this.styleNumId(an.numStyleLink);
      const linked = linkedNumId ? this.nums.get(linkedNumId) : undefined;
      const target = linked ? this.abstracts.get(linked.abstractNumId) : undefined;
      if (linked && target) {
        id = linked.abstractNumId;
        an = target;
      }
    }
    return an ? [id, an] : undefined;
  }

  /**
   * Count one numbered paragraph (in document order) and return its label, or undefined for
   * bullets, numId 0 and unknown instances.
   */
  next(numId: string, ilvl: number): NumberLabel | undefined {
    if (numId === '0') return undefined;
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const resolved = this.resolveAbstract(num);
    if (!resolved) return undefined;
    const [absId, an] = resolved;
    const levelOf = (l: number): Level | undefined => num.levelOverrides.get(l) ?? an.levels.get(l);
    const level = levelOf(ilvl);
    if (!level) return undefined;

    let values = this.counters.get(absId);
    if (!values) {
      values = [];
      this.counters.set(absId, values);
    }
    let pending = this.pendingStart.get(absId);
    if (!pending) {
      pending = new Map();
      this.pendingStart.set(absId, pending);
    }
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      for (const [l, start] of num.startOverrides) {
        values[l] = undefined;
        pending.set(l, start);
      }
    }
    const current = values[ilvl];
    if (current === undefined) {
      values[ilvl] = pending.get(ilvl) ?? level.start;
      pending.delete(ilvl);
    } else values[ilvl] = current + 1;
    for (let l = ilvl + 1; l < 9; l++) values[l] = undefined;

    if (level.numFmt === 'bullet') return undefined;
    let unsupported: string | undefined;
    const label = level.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const lv = levelOf(l);
      const value = values[l] ?? lv?.start ?? 0;
      const fmt = level.isLgl ? 'decimal' : (lv?.numFmt ?? 'decimal');
      const text = formatNumber(value, fmt);
      if (text === undefined) {
        unsupported = fmt;
        return String(value);
      }
      return text;
    });
    if (unsupported && !this.warned.has(unsupported)) {
      this.warned.add(unsupported);
      this.messages.push(
        warning('docx-numbering-format', `automatic numbering format «${unsupported}» is not supported; shown as decimal numbers`),
      );
    }
    if (label.trim() === '') return undefined;
    return { label, separator: level.suff === 'nothing' ? '' : ' ' };
  }
}
