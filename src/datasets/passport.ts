/**
 * Паспорт набору даних (dataset passport) per Постанова КМУ № 835.
 *
 * The officer fills the fixed part once in a passport file (YAML or JSON); formats, structure,
 * modified and temporal are computed deterministically from the export (never from the clock).
 * A missing mandatory element is an error naming each one in Ukrainian with its key.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { info, type Message } from '../model/message.js';
import { cleanOrNull, ExportError } from './records.js';
import { ckanName, ckanNameProblem, ckanTag, CKAN_PURPOSE_MAX, DEFAULT_LICENSE, LICENSES, licenseId } from './ckan.js';
import { ACCRUAL_PERIODICITIES, DATE_PATTERN, EDRPOU_PATTERN, type TableRecord } from './tables.js';

/** A date, or a date and time («дата і час»): 2025-10-20, 2025-10-20T10:30, 2025-10-20T10:30:00+03:00. */
export const DATETIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?)?$';

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
  license: 'умови використання (ліцензія)',
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
export const COMPUTED_ELEMENTS: readonly PassportKey[] = ['formats', 'modified', 'temporal', 'structure', 'language', 'license'];
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
  // YAML parses an unquoted 2025-10-09 (or 2025-10-09T10:30:00Z) as a Date: keep the time only when one was given.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return value;
}

const isMissing = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && cleanOrNull(v) === null) || (Array.isArray(v) && v.length === 0);

/**
 * Build the complete passport from the passport file content and the export context.
 * Throws ExportError listing every missing mandatory element and every invalid value.
 */
export function buildPassport(input: unknown, context: PassportContext, source = 'passport', notes: Message[] = []): Passport {
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
    if (typeof v !== 'string' || !new RegExp(DATETIME_PATTERN).test(v.trim())) {
      problems.push(`${label(key)} must be a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm[:ss][±hh:mm]: ${JSON.stringify(v)}`);
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

  const identifier = text('identifier');
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
  const purposeText = text('purpose');
  if (purposeText && [...purposeText].length > CKAN_PURPOSE_MAX) {
    problems.push(`${label('purpose')} is longer than ${CKAN_PURPOSE_MAX} characters (${[...purposeText].length}), the limit of data.gov.ua`);
  }
  const license = text('license') ?? DEFAULT_LICENSE;
  const licenseKey = licenseId(license);
  if (!licenseKey) problems.push(`${label('license')} must be one of ${Object.keys(LICENSES).join(', ')}: ${license}`);
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
  for (const item of structure) {
    // A link: the portal address of a structure file once published, its relative file name before.
    if (!/^https?:\/\/\S+$/.test(item) && !/^[\w.-]+$/.test(item)) {
      problems.push(`${label('structure')} must list links (https://…) or file names of the export: ${item}`);
    }
  }
  const keywords = list('keywords');
  for (const k of keywords ?? []) {
    const tag = ckanTag(k);
    if ('problem' in tag) problems.push(`${label('keywords')}: ${tag.problem}`);
    else if (tag.tag !== k.replace(/\s+/gu, ' ').trim()) {
      notes.push(info('ckan-tag-cleaned', `keyword «${k}» becomes the CKAN tag «${tag.tag}» (CKAN tags cannot hold an apostrophe)`, { file: source }));
    }
  }
  const result = {
    identifier,
    title,
    description,
    purpose: purposeText,
    language,
    formats: formats.map((f) => f.toUpperCase()),
    compressionFormat: compression ? compression.toUpperCase() : null,
    issued,
    modified,
    temporal,
    accrualPeriodicity: accrual,
    keywords,
    license: licenseKey ?? license,
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
