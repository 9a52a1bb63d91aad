/**
 * Accuracy of an OCR extraction against the extraction of the same plan from its text layer:
 * every reference measure is matched to the OCR measure with the most similar title, and
 * each field is scored.
 * - title, result: similar enough (edit distance ≤ 10% of the length) after folding case,
 *   apostrophes, quotes, dashes and spaces (OCR swaps these freely; the words are what count);
 * - executors: the same number, each reference executor matched by a similar name;
 * - start, end: the same dates; term: both.
 * A measure is *correct* when it is found and its term and executors are correct.
 */
import type { ActionPlan } from '../../src/model/schema.js';
import { editDistance } from '../../src/util/text.js';

type Measure = ActionPlan['commitments'][number]['measures'][number];

export function fold(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}


export function similar(a: string | null | undefined, b: string | null | undefined, tolerance = 0.1): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === '' || y === '') return x === y;
  return editDistance(x, y) <= tolerance * Math.max(x.length, y.length);
}

export interface Accuracy {
  measures: number;
  found: number;
  title: number;
  executors: number;
  start: number;
  end: number;
  /** Start and end both right. */
  term: number;
  result: number;
  /** Found with correct start, end and executors. */
  correct: number;
  misses: string[];
}

const measuresOf = (plan: ActionPlan): Measure[] => plan.commitments.flatMap((c) => c.measures);

export function compareMeasures(reference: ActionPlan, ocr: ActionPlan, keep: (m: Measure) => boolean = () => true): Accuracy {
  const refs = measuresOf(reference).filter(keep);
  const pool = measuresOf(ocr);
  const acc: Accuracy = { measures: refs.length, found: 0, title: 0, executors: 0, start: 0, end: 0, term: 0, result: 0, correct: 0, misses: [] };
  for (const ref of refs) {
    let best: Measure | undefined;
    let bestD = Infinity;
    for (const m of pool) {
      const d = editDistance(fold(ref.title), fold(m.title)) / Math.max(1, fold(ref.title).length);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    if (!best || bestD > 0.3) {
      acc.misses.push(`${ref.id}: not found («${ref.title.slice(0, 50)}»)`);
      continue;
    }
    acc.found++;
    const ok = {
      title: similar(ref.title, best.title),
      executors:
        ref.executors.length === best.executors.length && ref.executors.every((e) => best.executors.some((o) => similar(e.name, o.name, 0.15))),
      start: ref.term.start === best.term.start,
      end: ref.term.end === best.term.end,
      result: similar(ref.result, best.result),
    };
    for (const k of Object.keys(ok) as (keyof typeof ok)[]) if (ok[k]) acc[k]++;
    if (ok.start && ok.end) acc.term++;
    if (ok.executors && ok.start && ok.end) acc.correct++;
    const wrong = Object.entries(ok).filter(([, v]) => !v).map(([k]) => k);
    const show = (m: Measure): string => `term «${m.term.raw ?? ''}», executors ${JSON.stringify(m.executors.map((e) => e.name))}`;
    if (wrong.length > 0) acc.misses.push(`${ref.id}: ${wrong.join(', ')} differ (text layer: ${show(ref)}; OCR: ${show(best)})`);
  }
  return acc;
}

export function formatAccuracy(a: Accuracy): string {
  const pct = (n: number): string => `${n}/${a.measures} (${Math.round((100 * n) / Math.max(1, a.measures))}%)`;
  return [
    `measures found ${pct(a.found)}, correct (term + executors) ${pct(a.correct)}`,
    `term ${pct(a.term)}, executors ${pct(a.executors)}, title ${pct(a.title)}, result ${pct(a.result)} (start ${pct(a.start)}, end ${pct(a.end)})`,
  ].join('\n');
}
