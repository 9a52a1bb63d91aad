/**
 * The decision header: who adopted the decision, its kind, number, date and title,
 * and the plan's own title and period.
 */
import { warning, type Message, type Place } from '../model/message.js';
import { cleanLine, matchKey, matchKeyOfLine, sentenceCase } from '../util/text.js';
import { EXTRACT_SETTINGS } from './settings.js';
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
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text.replace(/[«»"]/gu, ''));
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const worded = /(\d{1,2})\s+([а-яіїєґ]+)\s+(\d{4})/iu.exec(text.replace(/[«»"]/gu, ''));
  if (worded) {
    const month = MONTHS_GENITIVE.indexOf(worded[2]!.toLowerCase());
    if (month >= 0) return iso(Number(worded[3]), month + 1, Number(worded[1]));
  }
  return null;
}

/**
 * «від 09.10.2025 р. № 1417», «від 12.08.2021 № 784», «від _____ № _____», and without «від»:
 * «03.02.2026 № 45-р», «3 лютого 2026 року № 45-р».
 * Returns null when the line is not a date/number line at all.
 */
export function parseDateNumberLine(text: string): { date: string | null; number: string | null } | null {
  const t = cleanLine(text);
  const m = /^(?:від\s+)?(.{0,40}?)\s*№\s*(\S*)\s*$/iu.exec(t);
  if (!m) return null;
  const datePart = m[1] ?? '';
  const dated = parseDecisionDate(datePart) !== null && /^[«"]?\d/u.test(datePart);
  if (!/^від(?!\p{L})/iu.test(t) && !/^№/u.test(t) && !dated) return null;
  const numberPart = (m[2] ?? '').replace(/[.,;]+$/, '');
  const number = /^[_\s]*$/.test(numberPart) || /^_+/.test(numberPart) ? null : numberPart;
  const date = /_{2,}/.test(datePart) ? null : parseDecisionDate(datePart);
  return { date, number };
}

/** «ХМЕЛЬНИЦЬКА МІСЬКА РАДА» → «Хмельницька міська рада». */
function councilName(text: string): string | null {
  const m = /^([А-ЯІЇЄҐ’'ʼ-]+(?:СЬКА|ЦЬКА|ЗЬКА|ЬКА))\s+(МІСЬКА|СІЛЬСЬКА|СЕЛИЩНА|ОБЛАСНА|РАЙОННА)\s+РАДА$/u.exec(cleanLine(text));
  if (!m) return null;
  return sentenceCase(`${m[1]} ${m[2]} рада`);
}

/** Adjectives of administrative kind, never capitalised inside a name («міської», «обласна», «державна»). */
const COMMON_ADJECTIVE = /^(міськ|сільськ|селищн|обласн|районн|державн|військов|виконавч|територіальн)/u;

/**
 * A name written in capitals, in the usual case: the first word and the place adjectives
 * («ХМЕЛЬНИЦЬКОЇ», «ПРИЛУЦЬКИЙ», «ЧЕРНІВЕЦЬКА») capitalised, the rest lower-case.
 */
export function nameCase(text: string): string {
  return cleanLine(text)
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      const place = /(ськ|цьк|зьк)(а|ий|ої|ого|ій|ому|е)$/u.test(word) && !COMMON_ADJECTIVE.test(word);
      return i === 0 || place || word === 'україни' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}

const CAPS_LINE = /^[А-ЯІЇЄҐ’'ʼ\- ]+$/u;
/** Head nouns of an adopting body, by what the body is. */
const BODY_KINDS: Array<[kind: 'executive' | 'head' | 'administration' | 'department', RegExp]> = [
  ['executive', /^ВИКОНАВЧИЙ КОМІТЕТ \S+(СЬКОЇ|ЦЬКОЇ|ЗЬКОЇ) (МІСЬКОЇ|СІЛЬСЬКОЇ|СЕЛИЩНОЇ) РАДИ$/u],
  ['head', /^\S+(СЬКИЙ|ЦЬКИЙ|ЗЬКИЙ) (МІСЬКИЙ|СІЛЬСЬКИЙ|СЕЛИЩНИЙ) ГОЛОВА$/u],
  ['head', /^ГОЛОВА \S+(СЬКОЇ|ЦЬКОЇ|ЗЬКОЇ) (ОБЛАСНОЇ|РАЙОННОЇ|МІСЬКОЇ) (ДЕРЖАВНОЇ|ВІЙСЬКОВОЇ) АДМІНІСТРАЦІЇ$/u],
  ['administration', /^\S+(СЬКА|ЦЬКА|ЗЬКА) (ОБЛАСНА|РАЙОННА|МІСЬКА) (ДЕРЖАВНА|ВІЙСЬКОВА) АДМІНІСТРАЦІЯ$/u],
  ['department', /^(ДЕПАРТАМЕНТ|УПРАВЛІННЯ|МІНІСТЕРСТВО) [А-ЯІЇЄҐ’'ʼ\- ]{5,}$/u],
];

/** An adopting body written in capitals on one line, and what kind of body it is. */
function bodyLine(text: string): { kind: 'executive' | 'head' | 'administration' | 'department'; name: string } | null {
  const t = cleanLine(text);
  if (!CAPS_LINE.test(t) || t.length > 160) return null;
  for (const [kind, pattern] of BODY_KINDS) if (pattern.test(t)) return { kind, name: nameCase(t) };
  return null;
}

/** «Р І Ш Е Н Н Я», «РОЗПОРЯДЖЕННЯ», «НАКАЗ», «ПОСТАНОВА» (a line of its own) → the act type. */
function actType(text: string): string | null {
  const t = cleanLine(text).replace(/\s+/gu, '').toLowerCase();
  return /^(рішення|розпорядження|наказ|постанова)$/u.test(t) ? t : null;
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

const PREAMBLE = /^(відповідно|на виконання|керуючись|з метою|розглянувши|враховуючи|заслухавши|згідно з)/iu;
const RESOLVED = /^(в\s*и\s*р\s*і\s*ш\s*и\s*(в|л\s*а|ли)|вирішила|виршила|вирішили|постановляє|постановила|наказую|зобов[’']язую)\s*:?\s*$/iu;
/** Where the body starts inside a title paragraph: a preamble, «ВИРІШИВ:», the first numbered point. */
const BODY_START = [
  /(?:^|[\s.;])(?=(?:Відповідно до|На виконання|Керуючись|З метою|Розглянувши|Враховуючи|Заслухавши|Згідно з)\s)/u,
  /\s(?=(?:в\s*и\s*р\s*і\s*ш\s*и\s*(?:в|л\s*а|ли)|вирішила|постановляє|постановила|наказую|зобов[’']язую)\s*:)/iu,
  /\s(?=1\.\s+[А-ЯІЇЄҐ])/u,
];

/**
 * The decision title ends where the body begins, even when both are in one paragraph
 * («Про затвердження … роки Виконавчий комітет міської ради ВИРІШИВ: 1. Затвердити …»).
 */
export function cutTitle(text: string): string {
  let title = text;
  for (const pattern of BODY_START) {
    const m = pattern.exec(title);
    if (m && m.index > 0) title = title.slice(0, m.index);
  }
  // An adopting body named right before «ВИРІШИВ:» belongs to the body, not to the title.
  title = title.replace(/\s+(?:[Вв]иконавчий комітет|[А-ЯІЇЄҐ][а-яіїєґ’']+ (?:міська|сільська|селищна|обласна) рада)(?:\s+[а-яіїєґ’']+){0,3}\s*$/u, '');
  return cleanLine(title);
}

/** Fields of a date/number line left blank to be filled in on adoption («від ______ № ____»): a draft. */
export type BlankField = 'number' | 'date';

/** What the header search has found so far. */
interface HeaderFinds {
  authority: string | null;
  executive: boolean;
  type: string | null;
  title: string | null;
  number: string | null;
  date: string | null;
  sawDecisionLine: boolean;
}

/** Text index for header search: the decision part is the start of the document up to «ВИРІШИВ:». */
export function extractDecision(
  paras: Para[],
  /** Each paragraph's text cleaned (`cleanLine`), when the caller has it already. */
  cleaned: readonly string[] = paras.map((p) => cleanLine(p.text)),
): { decision: RawDecision; resolvedAt: number; blank: BlankField[] } {
  const finds: HeaderFinds = { authority: null, executive: false, type: null, title: null, number: null, date: null, sawDecisionLine: false };
  const blank = new Set<BlankField>();
  const bodies: Array<NonNullable<ReturnType<typeof bodyLine>>> = [];
  const resolvedAt = readHeader(paras, cleaned, finds, blank, bodies);
  readStamps(paras, cleaned, finds);
  const authority = adoptingBody(paras, finds, bodies);
  const { type, number, date, title } = finds;
  return {
    decision: { authority, type, number, date, title },
    resolvedAt,
    blank: [...blank].filter((field) => (field === 'number' ? number : date) === null),
  };
}

/** The header paragraphs up to «ВИРІШИВ:» (its index is returned): body, act type, date and number, title. */
function readHeader(paras: Para[], cleaned: readonly string[], finds: HeaderFinds, blank: Set<BlankField>, bodies: Array<NonNullable<ReturnType<typeof bodyLine>>>): number {
  const head = paras.slice(0, EXTRACT_SETTINGS.headerParagraphs);
  for (let i = 0; i < head.length; i += 1) {
    const text = cleaned[i]!;
    if (RESOLVED.test(text)) return i;
    const council = councilName(text);
    if (council && !finds.authority) finds.authority = council;
    const body = bodyLine(text);
    if (body) bodies.push(body);
    if (/^виконавчий\s+комітет$/iu.test(text)) finds.executive = true;
    finds.type ??= actType(text);
    const dn = parseDateNumberLine(text);
    if (dn) {
      finds.sawDecisionLine = true;
      finds.number ??= dn.number;
      finds.date ??= dn.date;
      if (/№\s*_/u.test(text)) blank.add('number');
      if (/_{2,}[^№]*№/u.test(text)) blank.add('date');
    }
    if (!finds.title && /^про\s/iu.test(text)) finds.title = headerTitle(head, cleaned, i);
  }
  return paras.length;
}

/** The title that starts at paragraph i («Про …») and the short lines that continue it. */
function headerTitle(head: Para[], cleaned: readonly string[], i: number): string {
  // A line break inside the title paragraph that starts the body ends the title.
  const first = cutTitle(head[i]!.text.split('\n').filter((line, k) => k === 0 || !PREAMBLE.test(cleanLine(line))).join(' '));
  const parts = [first];
  const cut = first !== cleaned[i];
  for (let j = i + 1; !cut && j < Math.min(head.length, i + 1 + EXTRACT_SETTINGS.titleContinuationLines); j += 1) {
    const next = cleaned[j]!;
    if (next === '' || PREAMBLE.test(next) || next.length > EXTRACT_SETTINGS.titleLineMaxLength || /[.;]$/.test(parts[parts.length - 1]!)) break;
    if (RESOLVED.test(next) || actType(next) || bodyLine(next)) break;
    const rest = cutTitle(next);
    if (rest === '') break;
    parts.push(rest);
    if (rest !== next) break;
  }
  return parts.join(' ');
}

/**
 * Annexes and approval stamps repeat the decision's date and number:
 * «Додаток до рішення виконавчого комітету від 09.10.2025 р. № 1417», «ЗАТВЕРДЖЕНО Рішення … від … № …».
 */
function readStamps(paras: Para[], cleaned: readonly string[], finds: HeaderFinds): void {
  // Each paragraph's key once (it is the context of the next three).
  const keys: string[] = [];
  const keyOf = (j: number): string => (keys[j] ??= matchKeyOfLine(cleaned[j]!));
  for (let i = 0; i < paras.length; i += 1) {
    const text = cleaned[i]!;
    const key = text === paras[i]!.text ? keyOf(i) : matchKey(text);
    // The keys of the three paragraphs before, nearest first, joined by « | ».
    let context = '';
    for (let j = i - 1; j >= 0 && j >= i - 3; j -= 1) context = j === i - 1 ? keyOf(j) : `${context} | ${keyOf(j)}`;
    const inline = /^(додаток.*)?до\s+рішення(?!\p{L}).*(?<!\p{L})від(?!\p{L})/u.test(key) && !/проє?кт/u.test(key);
    const stacked = /(до\s+рішення|^рішення|затверджено)/u.test(context) && !/проє?кт/u.test(context);
    if (!inline && !stacked) continue;
    const m = /від\s+[^№]*№\s*\S*/iu.exec(text);
    if (!m) continue;
    const dn = parseDateNumberLine(m[0]);
    if (!dn) continue;
    finds.sawDecisionLine = true;
    if (!finds.number && dn.number) finds.number = dn.number;
    if (!finds.date && dn.date) finds.date = dn.date;
    if (!finds.type) finds.type = 'рішення';
    if (/виконавчого\s+комітету/iu.test(`${context} ${key}`)) finds.executive = true;
  }
}

/** The adopting body from what the header names. */
function adoptingBody(paras: Para[], finds: HeaderFinds, bodies: Array<NonNullable<ReturnType<typeof bodyLine>>>): string | null {
  let { authority } = finds;
  const { type } = finds;
  // Without a decision header there is no adopting body to name.
  if (!authority && bodies.length === 0 && (finds.sawDecisionLine || type)) authority = councilFromGenitive(paras.map((p) => p.text).join('\n'));
  if (authority && finds.executive) authority = `Виконавчий комітет ${councilGenitive(authority)}`;
  // A body named in capitals: the act type says which one adopted it when several are named
  // (a mayor issues «розпорядження», a council and its executive committee «рішення»).
  const pick =
    (type === 'розпорядження' && bodies.find((b) => b.kind === 'head' || b.kind === 'administration')) ||
    (type === 'наказ' && bodies.find((b) => b.kind === 'department')) ||
    bodies.find((b) => b.kind === 'executive') ||
    (!authority ? bodies[0] : undefined);
  return pick ? pick.name : authority;
}

/**
 * The place of the decision header: from the first paragraph to the last one before «ВИРІШИВ:»
 * (lines and page where the source has them; a DOCX paragraph has none).
 */
export function headerPlace(paras: Para[], resolvedAt: number): Place {
  const first = paras[0];
  if (!first) return {};
  const last = paras[Math.max(0, Math.min(resolvedAt, EXTRACT_SETTINGS.headerParagraphs, paras.length) - 1)]!;
  const place: Place = {};
  if (first.line) place.line = first.line;
  if (last.line && first.line && last.line > first.line) place.endLine = last.line;
  if (first.page) place.page = first.page;
  return place;
}

/** What each decision field is, for the reason of a warning. */
const DECISION_FIELDS: Array<[keyof RawDecision, string]> = [
  ['authority', 'names no adopting body (a council, its executive committee, a mayor, an administration)'],
  ['type', 'states no act type (рішення, розпорядження, наказ, постанова)'],
  ['number', 'states no decision number'],
  ['date', 'states no decision date'],
  ['title', 'has no decision title (a line starting with Про)'],
];

/**
 * A decision field the document does not give is a warning at the header's place, never a silent
 * null (`decision-no-authority|type|number|date|title`). A number or date left blank
 * («№ _____») says so: the document is a draft.
 */
export function decisionWarnings(decision: RawDecision, place: Place, blank: readonly BlankField[] = []): Message[] {
  const out: Message[] = [];
  for (const [field, what] of DECISION_FIELDS) {
    const value = decision[field];
    if (value !== null && cleanLine(value) !== '') continue;
    const reason = (blank as readonly string[]).includes(field)
      ? `the decision ${field} is left blank (underscores to fill in on adoption): the document looks like a draft`
      : `the decision header ${what}`;
    out.push(warning(`decision-no-${field}`, reason, place));
  }
  return out;
}

/** The plan's title: «План дій із впровадження … на 2026-2027 роки» (or «ПЛАН» / «дій із …»). */
export function extractPlanTitle(
  paras: Para[],
  /** Each paragraph's text cleaned (`cleanLine`), when the caller has it already. */
  cleaned: readonly string[] = paras.map((p) => cleanLine(p.text)),
): { title: string | null; at: number } {
  for (let i = 0; i < paras.length; i += 1) {
    const text = cleaned[i]!;
    let title: string | null = null;
    if (/^план$/iu.test(text) && i + 1 < paras.length && /^(дій|заходів)(?!\p{L})/iu.test(cleaned[i + 1]!)) {
      title = `План ${cleaned[i + 1]!}`;
      i += 1;
    } else if (/^план\s+(дій|заходів)(?!\p{L})/iu.test(text) && text.length < 300 && !/\(далі/u.test(text)) {
      title = sentenceCase(text.slice(0, 4)) + text.slice(4);
    }
    if (!title) continue;
    // A title broken over lines continues with a lower-case line («на 2021-2022 роки»).
    for (let j = i + 1; j < Math.min(paras.length, i + 4); j += 1) {
      const next = cleaned[j]!;
      if (!/^(на|у|в|щодо|із|з)\s/u.test(next) || next.length > 120) break;
      title = `${title} ${next}`;
    }
    return { title: cleanLine(title), at: i };
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
