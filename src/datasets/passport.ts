/**
 * Паспорт набору даних (dataset passport) per Постанова КМУ № 835.
 *
 * The officer fills the fixed part once in a passport file (YAML or JSON); formats, structure,
 * modified and temporal are computed deterministically from the export (never from the clock).
 * A missing mandatory element is an error naming each one in Ukrainian with its key.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { info, type Message, type MessageText } from '../model/message.js';
import {
  PASSPORT_ELEMENTS as ELEMENTS,
  passportElement,
  passportKeys,
  type AccrualPeriodicity,
  type PassportKey,
  type PassportProblem,
} from '../model/national.js';
import { ExportError } from './records.js';
import { cleanOrNull } from '../util/text.js';
import { ckanName, ckanNameProblem, ckanTag, CKAN_PURPOSE_MAX, DEFAULT_LICENSE, LICENSES, licenseId } from './ckan.js';
import type { TableRecord } from './tables.js';

export { DATETIME_PATTERN } from '../model/national.js';
export type { PassportKey };

/** Passport elements in output order: key → Ukrainian name of the element (from the table in model/national.ts). */
export const PASSPORT_ELEMENTS = Object.fromEntries(ELEMENTS.map((e) => [e.key, e.uk])) as Readonly<Record<PassportKey, string>>;

export interface Passport {
  identifier: string;
  title: string;
  description: string;
  purpose: string;
  language: string;
  formats: string[];
  compressionFormat: string | null;
  issued: string;
  modified: string;
  temporal: string;
  accrualPeriodicity: AccrualPeriodicity;
  keywords: string[];
  /** Licence id (SPDX style), default CC-BY-4.0. */
  license: string;
  landingPage: string;
  previousVersions: string | null;
  structure: string[];
  publisherName: string;
  publisherId: string | null;
  contactPointName: string;
  contactPointEmail: string;
}

/** Elements the officer must give in the passport file. */
export const MANDATORY_INPUT: readonly PassportKey[] = passportKeys('mandatory');
/** Elements computed when the file does not give them. */
export const COMPUTED_ELEMENTS: readonly PassportKey[] = passportKeys('computed');
/** Optional elements, null when absent (written explicitly as null). */
export const OPTIONAL_ELEMENTS: readonly PassportKey[] = passportKeys('optional');

export interface PassportContext {
  /** Output formats, e.g. ['CSV', 'JSON']. */
  formats: readonly string[];
  /** Structure description files of the export, e.g. plans.schema.json. */
  structureFiles: readonly string[];
  /** Latest decision date among the exported plans (YYYY-MM-DD), or null. */
  latestDecisionDate: string | null;
}

const label = (key: PassportKey): string => `«${PASSPORT_ELEMENTS[key]}» (${key})`;

/** Read a passport file: `.json` as JSON, anything else as YAML. Errors name the file. */
export async function loadPassportFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ExportError(`${path}: cannot read passport file: ${(error as Error).message}`);
  }
  try {
    return path.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ExportError(`${path}: passport file is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function asDate(value: unknown): unknown {
  // YAML parses an unquoted 2025-10-09 (or 2025-10-09T10:30:00Z) as a Date: keep the time only when one was given.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return value;
}

const isMissing = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && cleanOrNull(v, 'one line') === null) || (Array.isArray(v) && v.length === 0);

/** Reads the elements of the passport file as text, dates and lists; what has the wrong shape is a problem. */
class PassportReader {
  readonly problems: string[] = [];
  /** The catalogue text of each problem (see `Texts`). */
  readonly texts: Texts = new Map();
  constructor(readonly raw: Record<string, unknown>) {}

  text(key: PassportKey): string | null {
    const v = this.raw[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number') {
      say(this.problems, this.texts, `${label(key)} must be text`, { key: 'error.mustBeText', params: { element: label(key) } });
      return null;
    }
    return cleanOrNull(String(v), 'one line');
  }

  /** A date as written (trimmed); whether it is one is the table's rule. */
  date(key: PassportKey): string | null {
    const v = asDate(this.raw[key]);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      say(this.problems, this.texts, `${label(key)} ${wording({ rule: 'date' }, v)}`, ruleText(key, { rule: 'date' }, v));
      return null;
    }
    return v.trim();
  }

  list(key: PassportKey): string[] | null {
    const v = this.raw[key];
    if (v === undefined || v === null) return null;
    const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
    if (!items || items.some((x) => typeof x !== 'string')) {
      say(this.problems, this.texts, `${label(key)} must be a list of text values`, { key: 'error.mustBeTextList', params: { element: label(key) } });
      return null;
    }
    return (items as string[]).map((x) => cleanOrNull(x, 'one line')).filter((x): x is string => x !== null);
  }
}

/** Problems of the passport file in English, with the catalogue text (src/i18n) each was made from, when it has one. */
type Texts = Map<string, MessageText>;

/** Record a problem (its English line) and the catalogue text it says. */
function say(problems: string[], texts: Texts, line: string, text: MessageText | undefined): void {
  problems.push(line);
  if (text) texts.set(line, text);
}

/** The catalogue text of a broken rule of the table (the same words as `wording`), for the rules the catalogue has. */
function ruleText(key: PassportKey, problem: PassportProblem, value: unknown): MessageText | undefined {
  const shown = Array.isArray(value) ? value.join(', ') : String(value);
  const element = label(key);
  switch (problem.rule) {
    case 'date':
      return { key: 'error.mustBeDate', params: { element, value: JSON.stringify(value) } };
    case 'url':
      return { key: 'error.mustBeLink', params: { element, value: shown } };
    case 'oneOf':
      return { key: 'error.mustBeOneOf', params: { element, list: `«${problem.values.join('», «')}»`, value: `«${shown}»` } };
    case 'edrpou':
      return { key: 'error.edrpou', params: { element, value: shown } };
    case 'email':
      return { key: 'error.notEmail', params: { element, value: shown } };
    case 'maxLength':
      return { key: 'error.tooLong', params: { element, n: problem.n, length: problem.length } };
    case 'language':
      return { key: 'error.mustBeLanguage', params: { element, value: shown } };
    case 'linkTargets':
      return { key: 'error.mustBeLinkTargets', params: { element, list: problem.values.map((v) => JSON.parse(v) as string).join(', ') } };
    case 'formatCase':
      return { key: 'error.mustBeCapitalFormats', params: { element, list: problem.values.join(', ') } };
    case 'text':
      return { key: 'error.mustBeText', params: { element } };
    default:
      return { key: 'error.mustBeTextList', params: { element } };
  }
}

/** The export's words for a broken rule of the table. */
function wording(problem: PassportProblem, value: unknown): string {
  const shown = Array.isArray(value) ? value.join(', ') : String(value);
  switch (problem.rule) {
    case 'maxLength':
      return `is longer than ${problem.n} characters (${problem.length})`;
    case 'date':
      return `must be a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm[:ss][±hh:mm]: ${JSON.stringify(value)}`;
    case 'url':
      return `must start with http:// or https://: ${shown}`;
    case 'oneOf':
      return `must be one of «${problem.values.join('», «')}»: «${shown}»`;
    case 'edrpou':
      return `must be an 8-digit ЄДРПОУ code written as text: ${shown}`;
    case 'email':
      return `is not an e-mail address: ${shown}`;
    case 'language':
      return `must be a language code such as uk: ${shown}`;
    case 'linkTargets':
      return `must list links (https://…) or file names of the export: ${problem.values.map((v) => JSON.parse(v) as string).join(', ')}`;
    case 'formatCase':
      return `must list formats in capital Latin letters (CSV, JSON): ${problem.values.join(', ')}`;
    case 'text':
      return 'must be text';
    default:
      return 'must be a list of text values';
  }
}

/** CKAN (data.gov.ua) limits on the identifier, purpose and keywords: problems, or notes on what publish will change. */
function checkCkan(p: Partial<Passport>, source: string, notes: Message[], problems: string[]): void {
  const { identifier, purpose, keywords } = p;
  if (identifier && ckanNameProblem(identifier) !== null) {
    try {
      notes.push(
        info(
          'ckan-name-transliterated',
          `${label('identifier')} «${identifier}» is not a CKAN dataset name (2–100 of a-z0-9-_); publish will use «${ckanName(identifier)}» (or give identifier: ${ckanName(identifier)})`,
          { file: source },
        ),
      );
    } catch {
      problems.push(`${label('identifier')} «${identifier}» cannot be a CKAN dataset name: use 2–100 characters a-z, 0-9, "-", "_"`);
    }
  }
  if (purpose && [...purpose].length > CKAN_PURPOSE_MAX) {
    problems.push(`${label('purpose')} is longer than ${CKAN_PURPOSE_MAX} characters (${[...purpose].length}), the limit of data.gov.ua`);
  }
  for (const k of keywords ?? []) {
    const tag = ckanTag(k);
    if ('problem' in tag) problems.push(`${label('keywords')}: ${tag.problem}`);
    else if (tag.tag !== k.replace(/\s+/gu, ' ').trim()) {
      notes.push(info('ckan-tag-cleaned', `keyword «${k}» becomes the CKAN tag «${tag.tag}» (CKAN tags cannot hold an apostrophe)`, { file: source }));
    }
  }
}

/** modified and temporal when the file does not give them: from the plans' latest decision date, never the clock. */
function computeDates(read: PassportReader, issued: string | null, context: PassportContext): { modified: string | null; temporal: string | null } {
  const given = (key: PassportKey): boolean => key in read.raw && read.raw[key] !== null;
  let modified = read.date('modified');
  let temporal = read.date('temporal');
  if (!modified && !given('modified')) {
    // The dataset cannot change before it is first published: the later of the latest decision and `issued`.
    modified = context.latestDecisionDate && issued && issued > context.latestDecisionDate ? issued : context.latestDecisionDate;
    if (!modified) {
      const line = `${label('modified')} cannot be computed (no plan has a decision date): give it in the passport file`;
      say(read.problems, read.texts, line, { key: 'error.cannotCompute', params: { element: label('modified') } });
    }
  }
  if (!temporal && !given('temporal')) {
    temporal = context.latestDecisionDate;
    if (!temporal) {
      const line = `${label('temporal')} cannot be computed (no plan has a decision date): give it in the passport file`;
      say(read.problems, read.texts, line, { key: 'error.cannotCompute', params: { element: label('temporal') } });
    }
  }
  return { modified, temporal };
}

/** Unknown keys and missing mandatory elements of the passport file. */
function checkPresence(raw: Record<string, unknown>, problems: string[], texts: Texts): void {
  for (const key of Object.keys(raw).sort()) {
    if (!(key in PASSPORT_ELEMENTS)) {
      const problem = `unknown passport element ${key}`;
      problems.push(problem);
      texts.set(problem, { key: 'error.unknownElement', params: { key } });
    }
  }
  for (const key of MANDATORY_INPUT) {
    // A nullable element may be stated as null (e.g. a publisher that is not a legal entity), but must be stated.
    const absent = passportElement(key).nullable ? !(key in raw) || raw[key] === undefined : isMissing(raw[key]);
    if (absent) {
      const problem = `missing mandatory element ${label(key)}`;
      problems.push(problem);
      texts.set(problem, { key: 'error.missingElement', params: { name: PASSPORT_ELEMENTS[key], key } });
    }
  }
}

/** Every present value against the rules of the table (the same rules validate applies to passport.json). */
function checkRules(passport: Record<PassportKey, unknown>, raw: Record<string, unknown>, problems: string[], texts: Texts): void {
  for (const element of ELEMENTS) {
    const value = passport[element.key];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const problem = element.check(value);
    if (!problem) continue;
    const quote = problem.rule === 'edrpou' && typeof raw.publisherId === 'number';
    const hint = quote ? ' (in YAML put the code in quotes, e.g. "04060714", so leading zeros are kept)' : '';
    const line = `${label(element.key)} ${wording(problem, value)}${hint}`;
    problems.push(line);
    const text = ruleText(element.key, problem, value);
    if (text) texts.set(line, quote ? { key: 'error.withHint', params: { problem: text, hint: { key: 'error.edrpouQuote', params: {} } } } : text);
  }
  const { issued, modified } = passport;
  if (typeof issued === 'string' && typeof modified === 'string' && modified.slice(0, 10) < issued.slice(0, 10)) {
    const line = `${label('modified')} ${modified} is before ${label('issued')} ${issued}`;
    say(problems, texts, line, { key: 'error.beforeIssued', params: { modified: label('modified'), date: modified, issued: label('issued'), issuedDate: issued } });
  }
}

/**
 * Build the complete passport from the passport file content and the export context.
 * Throws ExportError listing every missing mandatory element and every invalid value.
 */
export function buildPassport(input: unknown, context: PassportContext, source = 'passport', notes: Message[] = []): Passport {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ExportError(`${source}: the passport must be a mapping of elements (key: value)`);
  }
  const read = new PassportReader(input as Record<string, unknown>);
  const problems = read.problems;
  const texts = read.texts;
  checkPresence(read.raw, problems, texts);

  const license = read.text('license') ?? DEFAULT_LICENSE;
  const licenseKey = licenseId(license);
  if (!licenseKey) {
    const line = `${label('license')} must be one of ${Object.keys(LICENSES).join(', ')}: ${license}`;
    say(problems, read.texts, line, { key: 'error.mustBeLicense', params: { element: label('license'), list: Object.keys(LICENSES).join(', '), value: license } });
  }
  const compression = read.text('compressionFormat');
  const issued = read.date('issued');
  const { modified, temporal } = computeDates(read, issued, context);
  const result: Record<PassportKey, unknown> = {
    identifier: read.text('identifier'),
    title: read.text('title'),
    description: read.text('description'),
    purpose: read.text('purpose'),
    language: read.text('language') ?? 'uk',
    formats: (read.list('formats') ?? [...context.formats]).map((f) => f.toUpperCase()),
    compressionFormat: compression ? compression.toUpperCase() : null,
    issued,
    modified,
    temporal,
    accrualPeriodicity: read.text('accrualPeriodicity'),
    keywords: read.list('keywords'),
    license: licenseKey ?? license,
    landingPage: read.text('landingPage'),
    previousVersions: read.text('previousVersions'),
    // A link: the portal address of a structure file once published, its relative file name before.
    structure: read.list('structure') ?? [...context.structureFiles],
    publisherName: read.text('publisherName'),
    publisherId: read.raw.publisherId === null ? null : read.text('publisherId'),
    contactPointName: read.text('contactPointName'),
    contactPointEmail: read.text('contactPointEmail'),
  };
  checkCkan(result as Partial<Passport>, source, notes, problems);
  checkRules(result, read.raw, problems, texts);
  if (problems.length) {
    const unique = [...new Set(problems)];
    throw new ExportError(
      `${source}: ${unique.join('; ')}`,
      unique.map((p) => `${source}: ${p}`),
      undefined,
      unique.map((p) => {
        const text = texts.get(p);
        return text && { key: 'error.inFile', params: { file: source, problem: text } };
      }),
    );
  }
  return result as unknown as Passport;
}

/** The annex-7 register row of the dataset. */
export function registerRecord(passport: Passport): TableRecord {
  return {
    uid: passport.identifier,
    title: passport.title,
    description: passport.description,
    accrualPeriodicity: passport.accrualPeriodicity,
    keywords: passport.keywords.join(', '),
    purpose: passport.purpose,
    url: passport.landingPage,
    distributionFormat: passport.formats.join(', '),
    publisherName: passport.publisherName,
    publisherId: passport.publisherId,
    contactPointName: passport.contactPointName,
    contactPointEmail: passport.contactPointEmail,
  };
}

/** passport.json content: every element, in the order of PASSPORT_ELEMENTS, nulls explicit. */
export function passportDocument(passport: Passport): Record<string, unknown> {
  return Object.fromEntries((Object.keys(PASSPORT_ELEMENTS) as PassportKey[]).map((k) => [k, passport[k]]));
}
