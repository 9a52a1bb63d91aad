/**
 * The dataset passport (паспорт набору даних, Постанова КМУ № 835): every element must be present and valid.
 * Validates exactly the keys the exporter writes to passport.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { linesOfPointers } from './jsonpos.js';
import { ACCRUAL_PERIODICITIES } from '../model/national.js';
import type { IssueSink } from './issues.js';
import type { MessageText } from '../model/message.js';
import { finding, list as listOf, say } from './reasons.js';
import { isEmail, isHttpUrl, isIsoDate, isIsoDateTime } from './values.js';

/** Kept under its earlier name for library users. */
export const ACCRUAL_PERIODICITY = ACCRUAL_PERIODICITIES;

/** `dir`: the passport's folder, for links given as relative file names. */
type Rule = (v: unknown, dir?: string) => MessageText | null;

const nonEmptyText: Rule = (v) => (typeof v === 'string' && v.trim() !== '' ? null : say('rule.text'));
const maxLen =
  (n: number): Rule =>
  (v) => {
    const e = nonEmptyText(v);
    if (e) return e;
    const len = [...(v as string)].length;
    return len <= n ? null : say('rule.maxLength', { n, length: len });
  };
const date: Rule = (v) =>
  typeof v === 'string' && (isIsoDate(v) || isIsoDateTime(v)) ? null : say('rule.date');
const url: Rule = (v) => (typeof v === 'string' && isHttpUrl(v) ? null : say('rule.url'));
const textOrList: Rule = (v) => {
  if (typeof v === 'string') return v.trim() ? null : say('rule.notEmpty');
  if (Array.isArray(v)) return v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '') ? null : say('rule.texts');
  return say('rule.textOrList');
};
const formats: Rule = (v) => {
  const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v;
  if (!Array.isArray(list) || list.length === 0) return say('rule.formatList');
  const bad = list.filter((x) => typeof x !== 'string' || !/^[A-Z][A-Z0-9]*$/.test(x));
  return bad.length === 0 ? null : say('rule.formatCase', { values: listOf(bad.map((x) => String(JSON.stringify(x)))) });
};

export const PASSPORT_ELEMENTS: ReadonlyArray<{ key: string; uk: string; en: string; rule: Rule }> = [
  { key: 'identifier', uk: 'Ідентифікатор', en: 'identifier', rule: nonEmptyText },
  { key: 'title', uk: 'Назва', en: 'title', rule: maxLen(254) },
  { key: 'description', uk: 'Короткий опис', en: 'description', rule: maxLen(4000) },
  { key: 'purpose', uk: 'Підстава та призначення збору інформації', en: 'basis and purpose of collection', rule: nonEmptyText },
  { key: 'language', uk: 'Мова', en: 'language', rule: textOrList },
  { key: 'formats', uk: 'Формати', en: 'formats', rule: formats },
  { key: 'compressionFormat', uk: 'Формат стиснення', en: 'compression format', rule: nonEmptyText },
  { key: 'issued', uk: 'Дата першого оприлюднення', en: 'first publication date', rule: date },
  { key: 'modified', uk: 'Дата останньої зміни', en: 'last modified date', rule: date },
  { key: 'temporal', uk: 'Дата актуальності даних', en: 'date the data is current to', rule: date },
  {
    key: 'accrualPeriodicity',
    uk: 'Частота оновлення',
    en: 'update frequency',
    rule: (v) =>
      typeof v === 'string' && (ACCRUAL_PERIODICITY as readonly string[]).includes(v)
        ? null
        : say('rule.oneOf', { values: listOf(ACCRUAL_PERIODICITY.map((x) => `«${x}»`)) }),
  },
  {
    key: 'keywords',
    uk: 'Ключові слова',
    en: 'keywords',
    rule: (v) =>
      Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '')
        ? null
        : say('rule.keywords'),
  },
  { key: 'landingPage', uk: 'Посилання на набір даних', en: 'dataset URL', rule: url },
  { key: 'previousVersions', uk: 'Посилання на попередні версії', en: 'previous versions link', rule: url },
  {
    key: 'structure',
    uk: 'Посилання на структуру',
    en: 'structure link',
    rule: (v, dir) => {
      const list = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(list) || list.length === 0) return say('rule.links');
      const bad = list.filter(
        (x) => typeof x !== 'string' || !(isHttpUrl(x) || (!/^[a-z][a-z0-9+.-]*:/i.test(x) && !x.startsWith('/') && !x.includes('..') && existsSync(join(dir ?? ".", x)))),
      );
      return bad.length === 0
        ? null
        : say('rule.linkTargets', { values: listOf(bad.map((x) => String(JSON.stringify(x)))) });
    },
  },
  { key: 'publisherName', uk: 'Назва розпорядника', en: 'publisher name', rule: nonEmptyText },
  {
    key: 'publisherId',
    uk: 'Ідентифікатор розпорядника (ЄДРПОУ)',
    en: 'publisher ЄДРПОУ code',
    rule: (v) => (typeof v === 'string' && /^\d{8}$/.test(v) ? null : say('rule.edrpou')),
  },
  { key: 'contactPointName', uk: 'Відповідальна особа', en: 'contact point name', rule: nonEmptyText },
  {
    key: 'contactPointEmail',
    uk: 'Email відповідальної особи',
    en: 'contact point e-mail',
    rule: (v) => (typeof v === 'string' && isEmail(v) ? null : say('rule.email')),
  },
];

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/**
 * Elements that may be stated as null ("not applicable"), but must be stated: not compressed, no previous
 * versions, a publisher that is not a legal entity (835-rec register: «У іншому випадку зазначити: null»).
 */
export const NULLABLE_PASSPORT_ELEMENTS: ReadonlySet<string> = new Set(['compressionFormat', 'previousVersions', 'publisherId']);

export function validatePassport(value: unknown, text: string, file: string, sink: IssueSink, dir = '.'): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    sink.add(finding('passport', say('passport.notObject'), { file, row: 1 }));
    return;
  }
  const o = value as Record<string, unknown>;
  const lines = linesOfPointers(text, PASSPORT_ELEMENTS.map((e) => `/${e.key}`));
  for (const el of PASSPORT_ELEMENTS) {
    const v = o[el.key];
    const row = lines.get(`/${el.key}`);
    const element = say('passport.element', { uk: el.uk, en: el.en, key: el.key });
    if (v === null && NULLABLE_PASSPORT_ELEMENTS.has(el.key)) continue;
    if (isEmpty(v)) {
      sink.add(finding('passport', say(v === undefined ? 'passport.missing' : 'passport.empty', { element }), { file, row, column: el.key }));
      continue;
    }
    const bad = el.rule(v, dir);
    if (bad) sink.add(finding('passport', say('passport.invalid', { element, problem: bad }), { file, row, column: el.key }));
  }
  const issued = typeof o.issued === 'string' ? o.issued : null;
  const modified = typeof o.modified === 'string' ? o.modified : null;
  if (issued && modified && date(issued) === null && date(modified) === null && modified.slice(0, 10) < issued.slice(0, 10)) {
    sink.add(finding('passport', say('passport.modifiedBeforeIssued', { modified, issued }), { file, row: lines.get('/modified'), column: 'modified' }));
  }
}
