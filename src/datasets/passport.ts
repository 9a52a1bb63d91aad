/**
 * Паспорт набору даних (dataset passport) per Постанова КМУ № 835.
 *
 * The officer fills the fixed part once in a passport file (YAML or JSON); formats, structure,
 * modified and temporal are computed deterministically from the export (never from the clock).
 * A missing mandatory element is an error naming each one in Ukrainian with its key.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { cleanOrNull, ExportError } from './records.js';
import { ACCRUAL_PERIODICITIES, DATE_PATTERN, EDRPOU_PATTERN, type TableRecord } from './tables.js';

/** Passport elements in output order: key → Ukrainian name of the element. */
export const PASSPORT_ELEMENTS = {
  identifier: 'ідентифікатор набору даних',
  title: 'назва набору даних',
  description: 'стислий опис змісту набору даних',
  purpose: 'підстава та призначення збору інформації',
  language: 'мова інформації',
  formats: 'формат (формати) набору даних',
  compressionFormat: 'формат стиснення набору даних',
  issued: 'дата першого оприлюднення набору даних',
  modified: 'дата внесення останніх змін до набору даних',
  temporal: 'дата актуальності даних у наборі даних',
  accrualPeriodicity: 'періодичність актуалізації набору даних',
  keywords: 'ключові слова',
  landingPage: 'посилання на набір даних',
  previousVersions: 'посилання на попередні версії набору даних',
  structure: 'посилання на структуру набору даних',
  publisherName: 'найменування розпорядника інформації',
  publisherId: 'код ЄДРПОУ розпорядника інформації',
  contactPointName: 'відповідальна особа',
  contactPointEmail: 'адреса електронної пошти відповідальної особи',
} as const;

export type PassportKey = keyof typeof PASSPORT_ELEMENTS;

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
  accrualPeriodicity: (typeof ACCRUAL_PERIODICITIES)[number];
  keywords: string[];
  landingPage: string;
  previousVersions: string | null;
  structure: string[];
  publisherName: string;
  publisherId: string | null;
  contactPointName: string;
  contactPointEmail: string;
}

/** Elements the officer must give in the passport file. */
export const MANDATORY_INPUT: readonly PassportKey[] = [
  'identifier',
  'title',
  'description',
  'purpose',
  'issued',
  'accrualPeriodicity',
  'keywords',
  'landingPage',
  'publisherName',
  'publisherId',
  'contactPointName',
  'contactPointEmail',
];

/** Elements computed when the file does not give them. */
export const COMPUTED_ELEMENTS: readonly PassportKey[] = ['formats', 'modified', 'temporal', 'structure', 'language'];
/** Optional elements, null when absent (written explicitly as null). */
export const OPTIONAL_ELEMENTS: readonly PassportKey[] = ['compressionFormat', 'previousVersions'];

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
  // YAML may parse an unquoted 2025-10-09 as a Date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return value;
}

const isMissing = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && cleanOrNull(v) === null) || (Array.isArray(v) && v.length === 0);

/**
 * Build the complete passport from the passport file content and the export context.
 * Throws ExportError listing every missing mandatory element and every invalid value.
 */
export function buildPassport(input: unknown, context: PassportContext, source = 'passport'): Passport {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ExportError(`${source}: the passport must be a mapping of elements (key: value)`);
  }
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set<string>(Object.keys(PASSPORT_ELEMENTS));
  for (const key of Object.keys(raw).sort()) {
    if (!known.has(key)) problems.push(`unknown passport element ${key}`);
  }
  for (const key of MANDATORY_INPUT) {
    if (key === 'publisherId') {
      // May be stated as null (the publisher is not a legal entity), but must be stated.
      if (!(key in raw) || raw[key] === undefined) problems.push(`missing mandatory element ${label(key)}`);
    } else if (isMissing(raw[key])) {
      problems.push(`missing mandatory element ${label(key)}`);
    }
  }

  const text = (key: PassportKey): string | null => {
    const v = raw[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number') {
      problems.push(`${label(key)} must be text`);
      return null;
    }
    return cleanOrNull(String(v));
  };
  const date = (key: PassportKey): string | null => {
    const v = asDate(raw[key]);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || !new RegExp(DATE_PATTERN).test(v.trim())) {
      problems.push(`${label(key)} must be a date YYYY-MM-DD: ${JSON.stringify(v)}`);
      return null;
    }
    return v.trim();
  };
  const link = (key: PassportKey): string | null => {
    const v = text(key);
    if (v !== null && !/^https?:\/\/\S+$/.test(v)) problems.push(`${label(key)} must start with http:// or https://: ${v}`);
    return v;
  };
  const list = (key: PassportKey): string[] | null => {
    const v = raw[key];
    if (v === undefined || v === null) return null;
    const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null;
    if (!items || items.some((x) => typeof x !== 'string')) {
      problems.push(`${label(key)} must be a list of text values`);
      return null;
    }
    return (items as string[]).map((x) => cleanOrNull(x)).filter((x): x is string => x !== null);
  };

  const title = text('title');
  if (title && [...title].length > 254) problems.push(`${label('title')} is longer than 254 characters (${[...title].length})`);
  const description = text('description');
  if (description && [...description].length > 4000) {
    problems.push(`${label('description')} is longer than 4000 characters (${[...description].length})`);
  }
  const accrual = text('accrualPeriodicity');
  if (accrual && !(ACCRUAL_PERIODICITIES as readonly string[]).includes(accrual)) {
    problems.push(`${label('accrualPeriodicity')} must be one of «${ACCRUAL_PERIODICITIES.join('», «')}»: «${accrual}»`);
  }
  const publisherId = raw.publisherId === null ? null : text('publisherId');
  if (publisherId !== null && !new RegExp(EDRPOU_PATTERN).test(publisherId)) {
    const hint = typeof raw.publisherId === 'number' ? ' (in YAML put the code in quotes, e.g. "04060714", so leading zeros are kept)' : '';
    problems.push(`${label('publisherId')} must be an 8-digit ЄДРПОУ code written as text: ${publisherId}${hint}`);
  }
  const email = text('contactPointEmail');
  if (email && !/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(email)) {
    problems.push(`${label('contactPointEmail')} is not an e-mail address: ${email}`);
  }
  const language = text('language') ?? 'uk';
  if (!/^[a-z]{2,3}$/.test(language)) problems.push(`${label('language')} must be a language code such as uk: ${language}`);
  const compression = text('compressionFormat');

  const issued = date('issued');
  let modified = date('modified');
  let temporal = date('temporal');
  if (!modified && !('modified' in raw && raw.modified !== null)) {
    // The dataset cannot change before it is first published: the later of the latest decision and `issued`.
    modified = context.latestDecisionDate && issued && issued > context.latestDecisionDate ? issued : context.latestDecisionDate;
    if (!modified) problems.push(`${label('modified')} cannot be computed (no plan has a decision date): give it in the passport file`);
  }
  if (!temporal && !('temporal' in raw && raw.temporal !== null)) {
    temporal = context.latestDecisionDate;
    if (!temporal) problems.push(`${label('temporal')} cannot be computed (no plan has a decision date): give it in the passport file`);
  }

  const formats = list('formats') ?? [...context.formats];
  const structure = list('structure') ?? [...context.structureFiles];
  const keywords = list('keywords');
  const result = {
    identifier: text('identifier'),
    title,
    description,
    purpose: text('purpose'),
    language,
    formats: formats.map((f) => f.toUpperCase()),
    compressionFormat: compression ? compression.toUpperCase() : null,
    issued,
    modified,
    temporal,
    accrualPeriodicity: accrual,
    keywords,
    landingPage: link('landingPage'),
    previousVersions: link('previousVersions'),
    structure,
    publisherName: text('publisherName'),
    publisherId,
    contactPointName: text('contactPointName'),
    contactPointEmail: email,
  };
  if (problems.length) {
    const unique = [...new Set(problems)];
    throw new ExportError(`${source}: ${unique.join('; ')}`, unique.map((p) => `${source}: ${p}`));
  }
  return result as Passport;
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
