/**
 * The dataset passport (паспорт набору даних, Постанова КМУ № 835): every element must be present and valid.
 * The elements, their names and their rules are the table of src/model/national.ts, the same the export uses
 * to write passport.json; here each broken rule is said from the validate catalogue (`rule.*`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { linesOfPointers } from './jsonpos.js';
import {
  ACCRUAL_PERIODICITIES,
  isHttpUrl,
  isPassportDate,
  PASSPORT_ELEMENTS,
  passportElement,
  type PassportElement,
  type PassportProblem,
} from '../model/national.js';
import type { IssueSink } from './issues.js';
import type { MessageText } from '../model/message.js';
import { finding, list, say } from './reasons.js';
import type { ValidateReasonKey } from '../i18n/validate-reasons.js';

export { PASSPORT_ELEMENTS };
/** Kept under its earlier name for library users. */
export const ACCRUAL_PERIODICITY = ACCRUAL_PERIODICITIES;

/** Elements that may be stated as null ("not applicable"), but must be stated (835-rec: «У іншому випадку зазначити: null»). */
export const NULLABLE_PASSPORT_ELEMENTS: ReadonlySet<string> = new Set(PASSPORT_ELEMENTS.filter((e) => e.nullable).map((e) => e.key));

/** The catalogue entry of each rule of the table. */
const RULE_TEXT = {
  text: 'rule.text',
  date: 'rule.date',
  url: 'rule.url',
  texts: 'rule.texts',
  formatList: 'rule.formatList',
  keywords: 'rule.keywords',
  links: 'rule.links',
  edrpou: 'rule.edrpou',
  email: 'rule.email',
  maxLength: 'rule.maxLength',
  oneOf: 'rule.oneOf',
  formatCase: 'rule.formatCase',
  linkTargets: 'rule.linkTargets',
  language: 'rule.language',
} as const satisfies Record<PassportProblem['rule'], ValidateReasonKey>;

/** A broken rule of the table in the catalogue's words. */
function ruleText(problem: PassportProblem): MessageText {
  const key = RULE_TEXT[problem.rule];
  if (problem.rule === 'maxLength') return say(key, { n: problem.n, length: problem.length });
  if (problem.rule === 'oneOf') return say(key, { values: list(problem.values.map((x) => `«${x}»`)) });
  if ('values' in problem) return say(key, { values: list(problem.values) });
  return say(key);
}

/** Structure links that are file names must name a file next to the passport. */
function missingStructureFiles(value: unknown, dir: string): string[] {
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return items
    .filter((x): x is string => typeof x === 'string' && !isHttpUrl(x) && !existsSync(join(dir, x)))
    .map((x) => JSON.stringify(x));
}

const elementText = (el: PassportElement): MessageText => say('passport.element', { uk: el.uk, en: el.en, key: el.key });

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** What is wrong with one element of passport.json, or null. */
function checkElement(el: PassportElement, v: unknown, dir: string): MessageText | null {
  const element = elementText(el);
  if (isEmpty(v)) return say(v === undefined ? 'passport.missing' : 'passport.empty', { element });
  const problem = el.check(v) ?? (el.key === 'structure' ? notFound(missingStructureFiles(v, dir)) : null);
  return problem ? say('passport.invalid', { element, problem: ruleText(problem) }) : null;
}

const notFound = (values: string[]): PassportProblem | null => (values.length ? { rule: 'linkTargets', values } : null);

/** The dataset cannot change before its first publication. */
function modifiedBeforeIssued(o: Record<string, unknown>): MessageText | null {
  const { issued, modified } = o;
  if (typeof issued !== 'string' || typeof modified !== 'string' || !isPassportDate(issued) || !isPassportDate(modified)) return null;
  if (modified.slice(0, 10) >= issued.slice(0, 10)) return null;
  const modifiedElement = elementText(passportElement('modified'));
  const issuedElement = elementText(passportElement('issued'));
  return say('passport.modifiedBeforeIssued', { modifiedElement, modified, issuedElement, issued });
}

export function validatePassport(value: unknown, text: string, file: string, sink: IssueSink, dir = '.'): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    sink.add(finding('passport', say('passport.notObject'), { file, row: 1 }));
    return;
  }
  const o = value as Record<string, unknown>;
  const lines = linesOfPointers(text, PASSPORT_ELEMENTS.map((e) => `/${e.key}`));
  for (const el of PASSPORT_ELEMENTS) {
    const v = o[el.key];
    if (v === null && el.nullable) continue;
    const bad = checkElement(el, v, dir);
    if (bad) sink.add(finding('passport', bad, { file, row: lines.get(`/${el.key}`), column: el.key }));
  }
  const order = modifiedBeforeIssued(o);
  if (order) sink.add(finding('passport', order, { file, row: lines.get('/modified'), column: 'modified' }));
}
