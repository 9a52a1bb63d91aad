/**
 * The decision header: who adopted the decision, its kind, number, date and title,
 * and the plan's own title and period.
 */
import { cleanText, matchKey, sentenceCase } from '../util/text.js';
import type { RawDecision } from './types.js';

export interface Para {
  text: string;
  line?: number;
  page?: number;
  /** Index of the block in the document. */
  block: number;
}

const MONTHS_GENITIVE = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
];

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** «09.10.2025», «9 жовтня 2025 року» → 2025-10-09; blanks → null. */
export function parseDecisionDate(text: string): string | null {
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const worded = /(\d{1,2})\s+([а-яіїєґ]+)\s+(\d{4})/iu.exec(text);
  if (worded) {
    const month = MONTHS_GENITIVE.indexOf(worded[2]!.toLocaleLowerCase('uk'));
    if (month >= 0) return iso(Number(worded[3]), month + 1, Number(worded[1]));
  }
  return null;
}

/**
 * «від 09.10.2025 р. № 1417», «від 12.08.2021 № 784», «від _____ № _____».
 * Returns null when the line is not a date/number line at all.
 */
export function parseDateNumberLine(text: string): { date: string | null; number: string | null } | null {
  const t = cleanText(text);
  const m = /^(?:від\s+)?(.{0,40}?)\s*№\s*(\S*)\s*$/iu.exec(t);
  if (!m || !/^від(?!\p{L})/iu.test(t) && !/^№/u.test(t)) return null;
  const datePart = m[1] ?? '';
  const numberPart = (m[2] ?? '').replace(/[.,;]+$/, '');
  const number = /^[_\s]*$/.test(numberPart) || /^_+/.test(numberPart) ? null : numberPart;
  const date = /_{2,}/.test(datePart) ? null : parseDecisionDate(datePart);
  return { date, number };
}

/** «ХМЕЛЬНИЦЬКА МІСЬКА РАДА» → «Хмельницька міська рада». */
function councilName(text: string): string | null {
  const m = /^([А-ЯІЇЄҐ’'ʼ-]+(?:СЬКА|ЦЬКА|ЗЬКА|ЬКА))\s+(МІСЬКА|СІЛЬСЬКА|СЕЛИЩНА|ОБЛАСНА|РАЙОННА)\s+РАДА$/u.exec(cleanText(text));
  if (!m) return null;
  return sentenceCase(`${m[1]} ${m[2]} рада`);
}

/** «Хмельницька міська рада» → «Хмельницької міської ради». */
export function councilGenitive(nominative: string): string {
  return nominative
    .split(' ')
    .map((word) => {
      if (/рада$/u.test(word)) return word.replace(/рада$/u, 'ради');
      if (/(ська|цька|зька|ська|на|ща)$/u.test(word) || /а$/u.test(word)) return word.replace(/а$/u, 'ої');
      return word;
    })
    .join(' ');
}

/** «Хмельницької міської ради» (genitive, found in running text) → «Хмельницька міська рада». */
function councilFromGenitive(text: string): string | null {
  const m = /([А-ЯІЇЄҐ][а-яіїєґ’'ʼ-]+(?:ської|цької|зької))\s+(міської|сільської|селищної|обласної)\s+ради/u.exec(text);
  if (!m) return null;
  return `${m[1]!.replace(/ої$/u, 'а')} ${m[2]!.replace(/ої$/u, 'а')} рада`;
}

const PREAMBLE = /^(відповідно|на виконання|керуючись|з метою|розглянувши|враховуючи)/iu;
const RESOLVED = /^(в\s*и\s*р\s*і\s*ш\s*и\s*(в|л\s*а|ли)|вирішила|виршила|вирішили|постановляє|постановила|наказую|зобов’язую)\s*:?\s*$/iu;

/** Text index for header search: the decision part is the start of the document up to «ВИРІШИВ:». */
export function extractDecision(paras: Para[]): { decision: RawDecision; resolvedAt: number } {
  let authority: string | null = null;
  let executive = false;
  let type: string | null = null;
  let title: string | null = null;
  let number: string | null = null;
  let date: string | null = null;
  let resolvedAt = paras.length;
  let sawDecisionLine = false;

  const head = paras.slice(0, 60);
  for (let i = 0; i < head.length; i += 1) {
    const text = cleanText(head[i]!.text);
    if (RESOLVED.test(text)) {
      resolvedAt = i;
      break;
    }
    const council = councilName(text);
    if (council && !authority) authority = council;
    if (/^виконавчий\s+комітет$/iu.test(text)) executive = true;
    if (/^р\s*і\s*ш\s*е\s*н\s*н\s*я$/iu.test(text)) type = 'рішення';
    if (/^р\s*о\s*з\s*п\s*о\s*р\s*я\s*д\s*ж\s*е\s*н\s*н\s*я$/iu.test(text)) type = 'розпорядження';
    const dn = parseDateNumberLine(text);
    if (dn) {
      sawDecisionLine = true;
      number ??= dn.number;
      date ??= dn.date;
    }
    if (!title && /^про\s/iu.test(text)) {
      const parts = [text];
      for (let j = i + 1; j < Math.min(head.length, i + 6); j += 1) {
        const next = cleanText(head[j]!.text);
        if (next === '' || PREAMBLE.test(next) || next.length > 160 || /[.;]$/.test(parts[parts.length - 1]!)) break;
        if (RESOLVED.test(next)) break;
        parts.push(next);
      }
      title = parts.join(' ');
    }
  }

  // Annexes and approval stamps repeat the decision's date and number:
  // «Додаток до рішення виконавчого комітету від 09.10.2025 р. № 1417», «ЗАТВЕРДЖЕНО Рішення … від … № …».
  for (let i = 0; i < paras.length; i += 1) {
    const text = cleanText(paras[i]!.text);
    const key = matchKey(text);
    const context = [i - 1, i - 2, i - 3]
      .filter((j) => j >= 0)
      .map((j) => matchKey(paras[j]!.text))
      .join(' | ');
    const inline = /^(додаток.*)?до\s+рішення(?!\p{L}).*(?<!\p{L})від(?!\p{L})/u.test(key) && !/проє?кт/u.test(key);
    const stacked = /(до\s+рішення|^рішення|затверджено)/u.test(context) && !/проє?кт/u.test(context);
    if (!inline && !stacked) continue;
    const m = /від\s+[^№]*№\s*\S*/iu.exec(text);
    if (!m) continue;
    const dn = parseDateNumberLine(m[0]);
    if (!dn) continue;
    sawDecisionLine = true;
    if (!number && dn.number) number = dn.number;
    if (!date && dn.date) date = dn.date;
    if (!type) type = 'рішення';
    if (/виконавчого\s+комітету/iu.test(`${context} ${key}`)) executive = true;
  }
  // Without a decision header there is no adopting body to name.
  if (!authority && (sawDecisionLine || type)) authority = councilFromGenitive(paras.map((p) => p.text).join('\n'));
  if (authority && executive) authority = `Виконавчий комітет ${councilGenitive(authority)}`;

  return { decision: { authority, type, number, date, title }, resolvedAt };
}

/** The plan's title: «План дій із впровадження … на 2026-2027 роки» (or «ПЛАН» / «дій із …»). */
export function extractPlanTitle(paras: Para[]): { title: string | null; at: number } {
  for (let i = 0; i < paras.length; i += 1) {
    const text = cleanText(paras[i]!.text);
    let title: string | null = null;
    if (/^план$/iu.test(text) && i + 1 < paras.length && /^(дій|заходів)(?!\p{L})/iu.test(cleanText(paras[i + 1]!.text))) {
      title = `План ${cleanText(paras[i + 1]!.text)}`;
      i += 1;
    } else if (/^план\s+(дій|заходів)(?!\p{L})/iu.test(text) && text.length < 300 && !/\(далі/u.test(text)) {
      title = sentenceCase(text.slice(0, 4)) + text.slice(4);
    }
    if (!title) continue;
    // A title broken over lines continues with a lower-case line («на 2021-2022 роки»).
    for (let j = i + 1; j < Math.min(paras.length, i + 4); j += 1) {
      const next = cleanText(paras[j]!.text);
      if (!/^(на|у|в|щодо|із|з)\s/u.test(next) || next.length > 120) break;
      title = `${title} ${next}`;
    }
    return { title: cleanText(title), at: i };
  }
  return { title: null, at: -1 };
}

/** «на 2026-2027 роки», «у 2025 - 2026 роках», «на 2026 рік» → first and last day. */
export function periodFromTitle(title: string | null): { start: string | null; end: string | null } {
  if (!title) return { start: null, end: null };
  const range = /(\d{4})\s*[-‐‑‒–—−]\s*(\d{4})\s*(роки|роках|рр\.?|років)/u.exec(title);
  if (range) return { start: `${range[1]}-01-01`, end: `${range[2]}-12-31` };
  const single = /(\d{4})\s*(рік|році|р\.)/u.exec(title);
  if (single) return { start: `${single[1]}-01-01`, end: `${single[1]}-12-31` };
  return { start: null, end: null };
}
