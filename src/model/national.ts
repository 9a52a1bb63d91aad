/**
 * The national rules in one table (Постанова КМУ № 835, 835-rec): fixed vocabularies, value patterns and the
 * elements of the dataset passport. The plan model (schema.ts), the dataset tables (datasets/tables.ts), the
 * export of the passport (datasets/passport.ts) and `validate` (validate/passport.ts) all read them from here.
 */

/** Update frequency of a dataset (паспорт набору даних, annex-7 `accrualPeriodicity`). */
export const ACCRUAL_PERIODICITIES = [
  'Більш як один раз на день',
  'Щодня',
  'Щотижня',
  'Щомісяця',
  'Щокварталу',
  'Кожного півріччя',
  'Щороку',
] as const;
export type AccrualPeriodicity = (typeof ACCRUAL_PERIODICITIES)[number];

/** What a party of a plan is. */
export const PARTY_KINDS = ['body', 'collective', 'person', 'other'] as const;
/** Granularity of a stated term. */
export const TERM_PRECISIONS = ['day', 'month', 'quarter', 'half-year', 'year', 'recurring', 'unknown'] as const;
/** Formats of a source document. */
export const SOURCE_FORMATS = ['txt', 'docx', 'pdf', 'html', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** ЄДРПОУ code: 8 digits, written as text (leading zeros kept). */
export const EDRPOU_PATTERN = '^\\d{8}$';
/** Calendar date, ISO 8601 YYYY-MM-DD (the day is checked against the month by `isCalendarDate`). */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
/** A date, or a date and time («дата і час»): 2025-10-20, 2025-10-20T10:30, 2025-10-20T10:30:00+03:00. */
export const DATETIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?)?$';
/** SHA-256 in lower-case hex. */
export const SHA256_PATTERN = '^[0-9a-f]{64}$';
/** A stable id: lower-case Latin letters and digits in groups joined by `-`. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** An e-mail address (one address: no spaces or commas). */
export const EMAIL_PATTERN = '^[^\\s@,]+@[^\\s@,]+\\.[^\\s@,]+$';
/** A language code (ISO 639-1 or 639-2), e.g. uk. */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}$';
/** A format name as the passport writes it: capital Latin letters and digits (CSV, JSON, XLSX). */
export const FORMAT_PATTERN = '^[A-Z][A-Z0-9]*$';

const EDRPOU_RE = new RegExp(EDRPOU_PATTERN);
const DATETIME_RE = new RegExp(DATETIME_PATTERN);
const EMAIL_RE = new RegExp(EMAIL_PATTERN);
const LANGUAGE_RE = new RegExp(LANGUAGE_PATTERN);
const FORMAT_RE = new RegExp(FORMAT_PATTERN);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** A passport date: a calendar day, optionally with a time (DATETIME_PATTERN). */
export function isPassportDate(value: string): boolean {
  return DATETIME_RE.test(value) && isCalendarDate(value.slice(0, 10));
}

/** An http(s) link that URL parsing accepts. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+\S*$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export const isEmail = (value: string): boolean => EMAIL_RE.test(value);
export const isEdrpou = (value: string): boolean => EDRPOU_RE.test(value);

/** A structure link of the passport: an http(s) link, or a plain file name of the export (no folders). */
export function isStructureLink(value: string): boolean {
  return isHttpUrl(value) || /^[\w.-]+$/.test(value);
}

/**
 * What is wrong with a passport value: a rule of the validate catalogue (`rule.<rule>` in
 * src/i18n/validate-reasons.ts) and its placeholders; the export says the same rules in its own words.
 */
export type PassportProblem =
  | { rule: 'text' | 'date' | 'url' | 'texts' | 'formatList' | 'keywords' | 'links' | 'edrpou' | 'email' }
  | { rule: 'maxLength'; n: number; length: number }
  | { rule: 'oneOf'; values: readonly string[] }
  | { rule: 'formatCase' | 'linkTargets' | 'language'; values: readonly string[] };

type Check = (value: unknown) => PassportProblem | null;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const textList = (v: unknown): unknown[] | null => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : Array.isArray(v) ? v : null);

const text: Check = (v) => (isText(v) ? null : { rule: 'text' });
const maxLength =
  (n: number): Check =>
  (v) => {
    if (!isText(v)) return { rule: 'text' };
    const length = [...v].length;
    return length <= n ? null : { rule: 'maxLength', n, length };
  };
const date: Check = (v) => (typeof v === 'string' && isPassportDate(v) ? null : { rule: 'date' });
const url: Check = (v) => (typeof v === 'string' && isHttpUrl(v) ? null : { rule: 'url' });
const languages: Check = (v) => {
  const list = textList(v);
  if (!list || list.length === 0 || !list.every(isText)) return { rule: 'texts' };
  const bad = (list as string[]).filter((x) => !LANGUAGE_RE.test(x));
  return bad.length ? { rule: 'language', values: bad } : null;
};
const formats: Check = (v) => {
  const list = textList(v);
  if (!list || list.length === 0) return { rule: 'formatList' };
  const bad = list.filter((x) => typeof x !== 'string' || !FORMAT_RE.test(x)).map((x) => String(JSON.stringify(x)));
  return bad.length ? { rule: 'formatCase', values: bad } : null;
};
const accrual: Check = (v) =>
  typeof v === 'string' && (ACCRUAL_PERIODICITIES as readonly string[]).includes(v) ? null : { rule: 'oneOf', values: ACCRUAL_PERIODICITIES };
const keywords: Check = (v) => (Array.isArray(v) && v.length > 0 && v.every(isText) ? null : { rule: 'keywords' });
const structure: Check = (v) => {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) return { rule: 'links' };
  const bad = list.filter((x) => typeof x !== 'string' || !isStructureLink(x)).map((x) => String(JSON.stringify(x)));
  return bad.length ? { rule: 'linkTargets', values: bad } : null;
};
const edrpou: Check = (v) => (typeof v === 'string' && isEdrpou(v) ? null : { rule: 'edrpou' });
const email: Check = (v) => (typeof v === 'string' && isEmail(v) ? null : { rule: 'email' });

export interface PassportElement {
  /** Key in passport.json (and in the passport file the officer fills). */
  key: PassportKey;
  /** Ukrainian name of the element. */
  uk: string;
  /** English name, for English messages. */
  en: string;
  /** The officer gives it (mandatory), the export computes it when not given (computed), or it may be absent (optional). */
  input: 'mandatory' | 'computed' | 'optional';
  /** May be stated as null: not compressed, no previous versions, a publisher that is not a legal entity. */
  nullable: boolean;
  /** The rule a present value of passport.json follows. */
  check: Check;
}

type Definition = Omit<PassportElement, 'key' | 'nullable'> & { nullable?: boolean };

/** The elements of the dataset passport, in the order of passport.json: key → definition. */
const PASSPORT = {
  identifier: { uk: 'ідентифікатор набору даних', en: 'identifier', input: 'mandatory', check: text },
  title: { uk: 'назва набору даних', en: 'title', input: 'mandatory', check: maxLength(254) },
  description: { uk: 'стислий опис змісту набору даних', en: 'description', input: 'mandatory', check: maxLength(4000) },
  purpose: { uk: 'підстава та призначення збору інформації', en: 'basis and purpose of collection', input: 'mandatory', check: text },
  language: { uk: 'мова інформації', en: 'language', input: 'computed', check: languages },
  formats: { uk: 'формат (формати) набору даних', en: 'formats', input: 'computed', check: formats },
  compressionFormat: { uk: 'формат стиснення набору даних', en: 'compression format', input: 'optional', check: text, nullable: true },
  issued: { uk: 'дата першого оприлюднення набору даних', en: 'first publication date', input: 'mandatory', check: date },
  modified: { uk: 'дата внесення останніх змін до набору даних', en: 'last modified date', input: 'computed', check: date },
  temporal: { uk: 'дата актуальності даних у наборі даних', en: 'date the data is current to', input: 'computed', check: date },
  accrualPeriodicity: { uk: 'періодичність актуалізації набору даних', en: 'update frequency', input: 'mandatory', check: accrual },
  keywords: { uk: 'ключові слова', en: 'keywords', input: 'mandatory', check: keywords },
  license: { uk: 'умови використання (ліцензія)', en: 'licence', input: 'computed', check: text },
  landingPage: { uk: 'посилання на набір даних', en: 'dataset URL', input: 'mandatory', check: url },
  previousVersions: { uk: 'посилання на попередні версії набору даних', en: 'previous versions link', input: 'optional', check: url, nullable: true },
  structure: { uk: 'посилання на структуру набору даних', en: 'structure link', input: 'computed', check: structure },
  publisherName: { uk: 'найменування розпорядника інформації', en: 'publisher name', input: 'mandatory', check: text },
  publisherId: { uk: 'код ЄДРПОУ розпорядника інформації', en: 'publisher ЄДРПОУ code', input: 'mandatory', check: edrpou, nullable: true },
  contactPointName: { uk: 'відповідальна особа', en: 'contact point name', input: 'mandatory', check: text },
  contactPointEmail: { uk: 'адреса електронної пошти відповідальної особи', en: 'contact point e-mail', input: 'mandatory', check: email },
} as const satisfies Record<string, Definition>;

export type PassportKey = keyof typeof PASSPORT;

/** The elements of the dataset passport, in the order of passport.json. */
export const PASSPORT_ELEMENTS: readonly PassportElement[] = (Object.keys(PASSPORT) as PassportKey[]).map((key) => {
  const d: Definition = PASSPORT[key];
  return { key, uk: d.uk, en: d.en, input: d.input, nullable: d.nullable ?? false, check: d.check };
});

/** The keys of the elements given `input`, in passport order. */
export function passportKeys(input: PassportElement['input']): PassportKey[] {
  return PASSPORT_ELEMENTS.filter((e) => e.input === input).map((e) => e.key);
}

/** An element by key. */
export function passportElement(key: PassportKey): PassportElement {
  return PASSPORT_ELEMENTS.find((e) => e.key === key)!;
}
