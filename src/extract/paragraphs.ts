/**
 * A plan written as numbered paragraphs, without a table (issue #10 item 11):
 *
 *   1.1. <measure>.
 *   Відповідальні: <executors>.
 *   Термін: <term>.
 *   Очікуваний результат: <result>
 *
 * or with the executors and the term in brackets at the end of the measure paragraph:
 *
 *   1.1. <measure> (<executors>; <term>).
 *
 * Both give the same RawMeasure a table row gives.
 */
import type { Location } from '../model/schema.js';
import { cleanLine } from '../util/text.js';
import type { RawMeasure } from './types.js';

/** «1.1. Title», «1.1 Title», «2.3) Title»: a measure numbered under commitment 1. */
export const MEASURE_PARAGRAPH = /^(\d{1,2})\.(\d{1,3})[.)]?\s+(\S.*)$/u;

export type MeasureField = 'executors' | 'partners' | 'term' | 'result';

/** Labels of the lines that follow a measure paragraph. */
export const MEASURE_LABELS: ReadonlyArray<readonly [MeasureField, RegExp]> = [
  ['executors', /^(?:відповідальн\p{L}*(?:\s+(?:виконав\p{L}*|за\s+виконання))?|виконав(?:ці|ець)|співвиконав\p{L}*)\s*[:–—-]\s*/iu],
  ['partners', /^партнер\p{L}*(?:\s*\(за\s+згодою\))?\s*[:–—-]\s*/iu],
  ['term', /^(?:термін|строк)\p{L}*(?:\s+(?:виконання|реалізації))?\s*[:–—-]\s*/iu],
  ['result', /^(?:(?:очікуван\p{L}*\s+)?результат\p{L}*|індикатор\p{L}*(?:\s+виконання)?)\s*[:–—-]\s*/iu],
];

/** A term-like text: a year, a month, a quarter, or a recurring word. */
const TERM_LIKE = /(\d{4}|квартал|кв\.|півріччя|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|щороку|щомісяця|щокварталу|постійно|протягом)/iu;

/** The last bracketed group closing the text («… (A, B; IV квартал 2026).»), or null. */
function trailingGroup(text: string): { before: string; inside: string } | null {
  const t = text.replace(/[.;]\s*$/u, '');
  if (!t.endsWith(')')) return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i -= 1) {
    if (t[i] === ')') depth += 1;
    else if (t[i] === '(') {
      depth -= 1;
      if (depth === 0) return { before: t.slice(0, i).trim(), inside: t.slice(i + 1, -1).trim() };
    }
  }
  return null;
}

/** Split at «;» outside brackets and quotes. */
function splitSemicolons(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '«') depth += 1;
    if ((ch === ')' || ch === '»') && depth > 0) depth -= 1;
    if (ch === ';' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

/** One sentence-ending point closes a paragraph; it is not part of the title. */
const dropFinalPoint = (text: string): string => text.replace(/\.$/u, "").trim();

/** A measure paragraph → a measure (executors and term from a bracketed tail when there is one). */
export function measureFromParagraph(number: string, text: string, location: Location): RawMeasure {
  const measure: RawMeasure = { number, title: dropFinalPoint(cleanLine(text)), executors: [], partners: [], term: null, result: null, location };
  const group = trailingGroup(cleanLine(text));
  if (group && group.before !== '') {
    const parts = splitSemicolons(group.inside);
    const last = parts[parts.length - 1] ?? '';
    if (parts.length >= 2 && TERM_LIKE.test(last)) {
      measure.title = dropFinalPoint(group.before);
      measure.executors = parts.slice(0, -1);
      measure.term = last;
    }
  }
  return measure;
}

/** Apply a labelled line to the open measure. */
export function applyMeasureLabel(measure: RawMeasure, field: MeasureField, value: string): void {
  const text = cleanLine(value);
  if (text === '') return;
  switch (field) {
    case 'executors':
      measure.executors.push(text.replace(/(?<![\s.]\p{Lu})\.$/u, ''));
      break;
    case 'partners':
      measure.partners.push(text.replace(/(?<![\s.]\p{Lu})\.$/u, ''));
      break;
    case 'term':
      measure.term = measure.term ? `${measure.term} ${text}` : text;
      break;
    case 'result':
      measure.result = measure.result ? `${measure.result}\n${text}` : text;
      break;
  }
}
