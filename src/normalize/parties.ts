/**
 * Executors and partners: split a cell into separate parties, canonicalise the
 * names and register them with stable ids.
 *
 * - `splitParties(paragraphs)` — one cell → party mentions (see parties/split.ts
 *   for the rules, all taken from the seed plans);
 * - `PartyRegistry` — same body written differently → one stable id;
 * - `PartyDirectory` — optional CSV (`name,aliases,edrpou`) adding ЄДРПОУ codes
 *   and aliases;
 * - `partyId(name)` — the stable slug of a name.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Party, PartyKind } from '../model/schema.js';
import { AbbreviationBook, BUILT_IN } from './parties/abbrev.js';
import { splitCell } from './parties/split.js';
import { baseKey, normaliseText } from './parties/text.js';
import { transliterate } from './translit.js';

export { transliterate } from './translit.js';

export interface PartyMention {
  name: string;
  kind: PartyKind;
  byAgreement: boolean;
  contact: string | null;
}

/** Split one executors/partners cell. `paragraphs` are the cell's paragraphs in order (paragraph breaks always separate bodies). */
export function splitParties(paragraphs: string[]): PartyMention[] {
  return splitCell(paragraphs).map((item) => ({
    name: item.name,
    kind: item.kind,
    byAgreement: item.byAgreement,
    contact: item.contact,
  }));
}

const MAX_SLUG = 60;

function sha6(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 6);
}

/** Legal forms, longest expansion first: «комунальне некомерційне підприємство» before «комунальне підприємство». */
const LEGAL_FORMS = Object.entries(BUILT_IN).sort((a, b) => b[1].length - a[1].length);

/**
 * The key an id is made from: a leading legal form written out («громадська організація», any case) is written
 * as its abbreviation («го»), so the id of a body does not depend on which form a document uses or on the
 * abbreviations a document happens to define — only on the body (its legal form and name).
 */
export function idKey(key: string): string {
  const ws = key.split(' ');
  for (const [abbr, stems] of LEGAL_FORMS) {
    if (ws.length > stems.length && stems.every((stem, i) => ws[i]?.startsWith(stem))) {
      return [abbr.toLowerCase(), ...ws.slice(stems.length)].join(' ');
    }
  }
  return key;
}

/** Slug of a canonical key: transliterated, [a-z0-9-], ≤ 60 chars at a word boundary (+ hash when cut). */
function idFromKey(rawKey: string): string {
  const key = idKey(rawKey);
  const slug = transliterate(key)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return `party-${sha6(key)}`;
  if (slug.length <= MAX_SLUG) return slug;
  let cut = slug.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  cut = boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG);
  return `${cut.replace(/-+$/, '')}-${sha6(key)}`;
}

/** Stable slug of a name (its canonical key transliterated; long names cut + sha256 prefix). */
export function partyId(name: string): string {
  return idFromKey(baseKey(name));
}

export interface PartyDirectoryEntry {
  name: string;
  aliases: string[];
  edrpou: string | null;
}

/** Keys of each directory, kept outside the public class shape. */
const directoryIndex = new WeakMap<PartyDirectory, Map<string, PartyDirectoryEntry>>();

export class PartyDirectory {
  private constructor(readonly entries: readonly PartyDirectoryEntry[]) {}

  /**
   * Read a directory CSV with the header `name,aliases,edrpou` (aliases separated
   * by `;`, ЄДРПОУ 8 digits or empty). Throws `Error('<file>: line N: …')` on a bad row.
   */
  static fromCsv(text: string, file: string): PartyDirectory {
    let rows: { record: string[]; info: { lines: number } }[];
    try {
      // Loaded here: only a run with an executors directory needs it (not every batch worker's start-up).
      const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
      rows = parse(text.replace(/^\uFEFF/, ''), {
        info: true,
        relax_column_count: false,
        skip_empty_lines: true,
        trim: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
    } catch (err) {
      const e = err as Error & { lines?: number };
      throw new Error(`${file}: line ${e.lines ?? '?'}: ${e.message}`);
    }
    const header = rows[0];
    if (header === undefined) throw new Error(`${file}: line 1: empty directory (expected header name,aliases,edrpou)`);
    const cols = header.record.map((c) => c.toLowerCase());
    const iName = cols.indexOf('name');
    const iAliases = cols.indexOf('aliases');
    const iEdrpou = cols.indexOf('edrpou');
    if (iName < 0 || iAliases < 0 || iEdrpou < 0) {
      throw new Error(`${file}: line ${header.info.lines}: header must have columns name,aliases,edrpou (got ${header.record.join(',')})`);
    }
    const entries: PartyDirectoryEntry[] = [];
    const index = new Map<string, PartyDirectoryEntry>();
    const lineOf = new Map<PartyDirectoryEntry, number>();
    for (const row of rows.slice(1)) {
      const line = row.info.lines;
      const name = normaliseText(row.record[iName] ?? '');
      if (name === '') throw new Error(`${file}: line ${line}: name is empty`);
      const aliases = (row.record[iAliases] ?? '')
        .split(';')
        .map((a) => normaliseText(a))
        .filter((a) => a !== '');
      const rawCode = (row.record[iEdrpou] ?? '').trim();
      if (rawCode !== '' && !/^\d{8}$/.test(rawCode)) {
        throw new Error(`${file}: line ${line}: ЄДРПОУ must be 8 digits, got "${rawCode}"`);
      }
      const entry: PartyDirectoryEntry = { name, aliases, edrpou: rawCode === '' ? null : rawCode };
      for (const form of [name, ...aliases]) {
        const key = baseKey(form);
        const other = index.get(key);
        if (other !== undefined && other !== entry) {
          throw new Error(`${file}: line ${line}: "${form}" already names "${other.name}" (line ${lineOf.get(other)})`);
        }
        index.set(key, entry);
      }
      lineOf.set(entry, line);
      entries.push(entry);
    }
    const dir = new PartyDirectory(entries);
    directoryIndex.set(dir, index);
    return dir;
  }

  /** The entry whose name or alias has the same canonical key, or null. */
  match(name: string): PartyDirectoryEntry | null {
    return directoryIndex.get(this)?.get(baseKey(name)) ?? null;
  }
}

interface Registered {
  party: Party;
  key: string;
}

/** One registry per document or per batch: same body written differently → one stable id. */
export class PartyRegistry {
  private readonly directory: PartyDirectory | null;
  private readonly abbreviations = new AbbreviationBook();
  private readonly byKey = new Map<string, Registered>();
  private readonly keyById = new Map<string, string>();
  private readonly registered: Registered[] = [];

  constructor(options?: { directory?: PartyDirectory }) {
    this.directory = options?.directory ?? null;
  }

  /** Learn abbreviation definitions from document text (see parties/abbrev.ts). */
  learnAbbreviations(text: string): void {
    this.abbreviations.learn(text);
    this.directoryKeys = null;
    this.keysByName.clear();
  }

  /** keysOf by name under the current abbreviations (a name recurs in many rows); cleared when they change. */
  private readonly keysByName = new Map<string, { keys: string[]; entry: PartyDirectoryEntry | null }>();

  /** The identity key of a name under this registry's abbreviations and directory. */
  /**
   * Identity keys of a name, strongest first: the directory entry's key, the key
   * under the document's abbreviations, the plain canonical key.
   */
  private keysOf(name: string): { keys: string[]; entry: PartyDirectoryEntry | null } {
    let known = this.keysByName.get(name);
    if (known === undefined) {
      known = this.computeKeys(name);
      this.keysByName.set(name, known);
    }
    return known;
  }

  private computeKeys(name: string): { keys: string[]; entry: PartyDirectoryEntry | null } {
    const abbrKey = this.abbreviations.key(name);
    const entry = this.directory?.match(name) ?? this.matchDirectoryByKey(abbrKey);
    const keys = [abbrKey, baseKey(name)];
    if (entry !== null) keys.unshift(this.abbreviations.key(entry.name));
    return { keys: [...new Set(keys)], entry };
  }

  /** Directory forms keyed under the current abbreviations; rebuilt after learnAbbreviations. */
  private directoryKeys: Map<string, PartyDirectoryEntry> | null = null;

  private matchDirectoryByKey(key: string): PartyDirectoryEntry | null {
    if (this.directory === null) return null;
    if (this.directoryKeys === null) {
      const keys = new Map<string, PartyDirectoryEntry>();
      for (const entry of this.directory.entries) {
        for (const form of [entry.name, ...entry.aliases]) {
          const k = this.abbreviations.key(form);
          if (!keys.has(k)) keys.set(k, entry);
        }
      }
      this.directoryKeys = keys;
    }
    return this.directoryKeys.get(key) ?? null;
  }

  /** Register a mention, returning the Party (same id, name, kind and ЄДРПОУ for the same body). */
  resolve(mention: PartyMention): Party {
    const name = normaliseText(mention.name);
    if (name === '') throw new Error('PartyRegistry.resolve: empty party name');
    const { keys, entry } = this.keysOf(name);
    // An abbreviation learned after a body was registered must not give it a second id:
    // every key of a mention points at the body first found under any of them.
    let reg: Registered | undefined;
    for (const k of keys) {
      reg = this.byKey.get(k);
      if (reg !== undefined) break;
    }
    const key = keys[0] as string;
    const id = reg === undefined ? idFromKey(key) : '';
    if (reg === undefined) {
      // The id depends on the body alone (idFromKey); a body whose id is already registered under another
      // spelling («ГО …» / «Громадська організація …») is the same body.
      const taken = this.keyById.get(id);
      if (taken !== undefined) reg = this.byKey.get(taken);
    }
    if (reg === undefined) {
      reg = {
        key,
        party: {
          id,
          name: entry?.name ?? name,
          kind: mention.kind,
          byAgreement: mention.byAgreement,
          contact: mention.contact,
          edrpou: entry?.edrpou ?? null,
        },
      };
      this.registered.push(reg);
      this.keyById.set(id, key);
    } else {
      reg.party.byAgreement ||= mention.byAgreement;
      reg.party.contact ??= mention.contact;
      if (reg.party.edrpou === null && entry?.edrpou) reg.party.edrpou = entry.edrpou;
    }
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, reg);
    // The link keeps the name as written at this place; `all()` keeps the canonical one.
    return {
      id: reg.party.id,
      name,
      kind: reg.party.kind,
      byAgreement: mention.byAgreement,
      contact: mention.contact,
      edrpou: reg.party.edrpou,
    };
  }

  /**
   * Every registered body, sorted by id. `byAgreement` is true when any mention
   * was «за згодою»; `contact` is the first contact named.
   */
  all(): Party[] {
    return this.registered
      .map((r) => ({ ...r.party }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
