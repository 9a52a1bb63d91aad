/**
 * CKAN's own rules (ckan/logic/validators.py, ckan/model) and the data.gov.ua dataset fields, as pure
 * functions: `export` checks a passport against them, `publish` maps a passport onto a CKAN dataset.
 */
import { transliterate } from '../normalize/translit.js';

/** PACKAGE_NAME_MIN_LENGTH / PACKAGE_NAME_MAX_LENGTH and name_validator's `[a-z0-9_\-]*$`. */
export const CKAN_NAME_MIN = 2;
export const CKAN_NAME_MAX = 100;
const NAME_RE = /^[a-z0-9_-]*$/;
/** MIN_TAG_LENGTH / MAX_TAG_LENGTH and tag_name_validator's `[\w \-.]*$` (re.UNICODE). */
export const CKAN_TAG_MIN = 2;
export const CKAN_TAG_MAX = 100;
const TAG_RE = /^[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc} .-]*$/u;
/** CKAN's title column limit used by data.gov.ua. */
export const CKAN_TITLE_MAX = 254;
/** data.gov.ua: purpose_of_collecting_information. */
export const CKAN_PURPOSE_MAX = 512;

/** Which rule of name_validator a value breaks, or null when it is a valid CKAN dataset name. */
export type CkanNameRule = 'reserved' | 'short' | 'long' | 'chars';

export function ckanNameRule(name: string): CkanNameRule | null {
  if (['new', 'edit', 'search'].includes(name)) return 'reserved';
  if (name.length < CKAN_NAME_MIN) return 'short';
  if (name.length > CKAN_NAME_MAX) return 'long';
  if (!NAME_RE.test(name)) return 'chars';
  return null;
}

/** Why a value is not a valid CKAN dataset name, or null when it is (the messages of name_validator). */
export function ckanNameProblem(name: string): string | null {
  switch (ckanNameRule(name)) {
    case 'reserved':
      return 'that name cannot be used (new, edit, search are reserved)';
    case 'short':
      return `must be at least ${CKAN_NAME_MIN} characters long`;
    case 'long':
      return `must be at most ${CKAN_NAME_MAX} characters long`;
    case 'chars':
      return 'must be purely lowercase alphanumeric (ascii) characters and these symbols: -_';
    default:
      return null;
  }
}

/**
 * The CKAN name of a dataset: the identifier itself when valid, else its transliteration by the official
 * Ukrainian system (Постанова КМУ № 55), lower case, other characters as `-`, cut to 100 characters.
 */
export function ckanName(identifier: string): string {
  const value = identifier.normalize('NFC').trim();
  if (ckanNameProblem(value) === null) return value;
  let name = transliterate(value)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  if (name.length > CKAN_NAME_MAX) name = name.slice(0, CKAN_NAME_MAX).replace(/[-_]+$/, '');
  if (ckanNameProblem(name) !== null) throw new Error(`cannot make a CKAN dataset name from ${JSON.stringify(identifier)}: give one with --name`);
  return name;
}

const APOSTROPHES = /['’ʼ‘`´]/gu;

/**
 * A keyword as a CKAN tag: apostrophes inside words (зобов’язання) are dropped — CKAN refuses them — and
 * spaces collapsed. Returns the tag or a reason it cannot be one.
 */
export function ckanTag(keyword: string): { tag: string } | { problem: string; rule: 'short' | 'long' | 'chars'; chars: string } {
  const tag = keyword.normalize('NFC').replace(APOSTROPHES, '').replace(/\s+/gu, ' ').trim();
  if ([...tag].length < CKAN_TAG_MIN) return { problem: `keyword «${keyword}» is shorter than ${CKAN_TAG_MIN} characters (CKAN tag rule)`, rule: 'short', chars: '' };
  if ([...tag].length > CKAN_TAG_MAX) return { problem: `keyword «${keyword}» is longer than ${CKAN_TAG_MAX} characters (CKAN tag rule)`, rule: 'long', chars: '' };
  if (!TAG_RE.test(tag)) {
    const bad = [...new Set([...tag].filter((c) => !TAG_RE.test(c)))].join(' ');
    return {
      problem: `keyword «${keyword}» has characters a CKAN tag cannot have (${bad}): only letters, digits, spaces, "-", "_" and "." are allowed`,
      rule: 'chars',
      chars: bad,
    };
  }
  return { tag };
}

/**
 * The `update_frequency` codes of data.gov.ua. Its dataset schema (extension ckanext-dgua, not public; the same
 * schema is in its public fork of ckanext-harvest, github.com/908Inc/ckanext-harvest, ckanext/harvest/logic/schema.py)
 * requires the field (`not_empty`) and offers these codes in a select list; the list below is the set of values
 * data.gov.ua datasets carry (as read through its API by consumers of the portal).
 */
export const UPDATE_FREQUENCY_CODES = [
  'more than once a day',
  'once a day',
  'once a week',
  'once a month',
  'once a quarter',
  'once a half year',
  'once a year',
  'immediately after making changes',
  'no longer updated',
] as const;

/** data.gov.ua `update_frequency` code of each periodicity of the passport (Постанова КМУ № 835, annex 7). */
export const UPDATE_FREQUENCY: Readonly<Record<string, (typeof UPDATE_FREQUENCY_CODES)[number]>> = {
  'Більш як один раз на день': 'more than once a day',
  Щодня: 'once a day',
  Щотижня: 'once a week',
  Щомісяця: 'once a month',
  Щокварталу: 'once a quarter',
  'Кожного півріччя': 'once a half year',
  Щороку: 'once a year',
};

/** The update_frequency code of a passport periodicity, or null when the periodicity is not one of annex 7. */
export function updateFrequency(periodicity: string): string | null {
  return UPDATE_FREQUENCY[periodicity.trim()] ?? null;
}

/** data.gov.ua `language` code of a Ukrainian dataset (its schema: `not_empty`; the portal's code is `ua`). */
export const CKAN_LANGUAGE_UK = 'ua';

/** Licences the passport accepts: SPDX-style id → title, URL and the CKAN (data.gov.ua) license_id. */
export const LICENSES: Readonly<Record<string, { title: string; path: string; ckan: string }>> = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/', ckan: 'cc-by' },
  'CC-BY-SA-4.0': { title: 'Creative Commons Attribution Share-Alike 4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/', ckan: 'cc-by-sa' },
  'CC0-1.0': { title: 'Creative Commons Zero 1.0 (public domain)', path: 'https://creativecommons.org/publicdomain/zero/1.0/', ckan: 'cc-zero' },
  'ODC-BY-1.0': { title: 'Open Data Commons Attribution License 1.0', path: 'https://opendatacommons.org/licenses/by/1-0/', ckan: 'odc-by' },
  'ODbL-1.0': { title: 'Open Data Commons Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/', ckan: 'odc-odbl' },
  'PDDL-1.0': { title: 'Open Data Commons Public Domain Dedication and License 1.0', path: 'https://opendatacommons.org/licenses/pddl/1-0/', ckan: 'odc-pddl' },
};
/** Open data under Постанова КМУ № 835 is published under CC BY 4.0 unless the passport says otherwise. */
export const DEFAULT_LICENSE = 'CC-BY-4.0';

/** The licence id as written in LICENSES (case-insensitive match), or null if unknown. */
export function licenseId(value: string): string | null {
  const v = value.trim().toLowerCase();
  return Object.keys(LICENSES).find((k) => k.toLowerCase() === v) ?? null;
}
