/**
 * Abbreviations a document defines for itself.
 *
 * An abbreviation of a legal form (КУ, ХМКП, ХКП, ГО …) is «confirmed» for a
 * document only when the document itself writes both forms:
 * - «… комунальна установа … «Агенція розвитку Хмельницького» (далі – КУ «Агенція …»)»;
 * - «ХМКП «Хмельницькінфоцентр»» somewhere and «Хмельницьким міським комунальним
 *   підприємством «Хмельницькінфоцентр»» elsewhere (any grammatical case: only the
 *   initials of the words are compared);
 * - an abbreviation from the small built-in list (КУ = комунальна установа …) when
 *   the document uses the abbreviation before a quoted name and the expansion too.
 * A whole name can be abbreviated too: «Європейським банком реконструкції та
 * розвитку (ЄБРР)» confirms ЄБРР for «Європейський банк реконструкції та розвитку».
 * Nothing is ever expanded on the strength of the built-in list alone.
 */
import { baseKey, normaliseText, words } from './text.js';

const ABBR_RE = /^[А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ]{0,2}[А-ЯІЇЄҐ]{1,5}$/u;
/** Function words skipped when comparing initials («банк реконструкції та розвитку»). */
const SKIP = new Set(['та', 'і', 'й', 'з', 'із', 'зі', 'у', 'в', 'при', 'для', 'на', 'з']);

/** Built-in expansions (word stems), used only to confirm what the document itself writes. */
export const BUILT_IN: Readonly<Record<string, readonly string[]>> = {
  КУ: ['комунальн', 'установ'],
  КП: ['комунальн', 'підприєм'],
  КНП: ['комунальн', 'некомерційн', 'підприєм'],
  КЗ: ['комунальн', 'заклад'],
  ГО: ['громадськ', 'організаці'],
  МГО: ['міжнародн', 'громадськ', 'організаці'],
  БФ: ['благодійн', 'фонд'],
  БО: ['благодійн', 'організаці'],
  ДП: ['державн', 'підприєм'],
  ПП: ['приватн', 'підприєм'],
  ТОВ: ['товариств', 'обмеженою', 'відповідальністю'],
};

/** A built-in abbreviation written before a quoted name («КУ «…»»), not inside a longer word. */
const BUILT_IN_BEFORE_QUOTE = new RegExp(`(?<![\\p{L}])(${Object.keys(BUILT_IN).join('|')})\\s*«`, 'gu');

/** Do the stems follow each other somewhere in the (lower-case) words? */
function stemsMatch(stems: readonly string[], lower: readonly string[]): boolean {
  for (let i = 0; i + stems.length <= lower.length; i++) {
    if (stems.every((stem, j) => (lower[i + j] as string).startsWith(stem))) return true;
  }
  return false;
}

export function isAbbreviation(word: string): boolean {
  return ABBR_RE.test(word) && word.length >= 2;
}

function letters(abbr: string): string[] {
  return [...abbr.toLowerCase()];
}

function initials(ws: readonly string[]): string[] {
  return ws
    .filter((w) => !SKIP.has(w.toLowerCase()))
    .map((w) => (w[0] ?? '').toLowerCase());
}

function sameInitials(ws: readonly string[], abbr: string): boolean {
  const a = letters(abbr);
  const b = initials(ws);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Where inside `prefix` (the words written before a quoted name) an expansion of
 * `abbr` starts and ends: a run of words at the start of the prefix, optionally
 * followed by a qualifier («комунальна установа Хмельницької міської ради «…»»).
 */
export function expansionWindow(prefix: readonly string[], abbr: string): [number, number] | null {
  const need = letters(abbr).length;
  for (let start = 0; start < prefix.length; start++) {
    let taken = 0;
    for (let end = start; end < prefix.length && taken <= need; end++) {
      if (!SKIP.has((prefix[end] as string).toLowerCase())) taken++;
      if (taken === need && sameInitials(prefix.slice(start, end + 1), abbr)) return [start, end + 1];
    }
  }
  return null;
}

export class AbbreviationBook {
  /** Legal-form abbreviations confirmed by the document (КУ, ХМКП …). */
  readonly forms = new Set<string>();
  /** Whole-name abbreviations confirmed by the document (ЄБРР …). */
  readonly wholeNames = new Set<string>();
  /** Explicit «(далі – X)» aliases: base key of the long form → base key of X. */
  readonly aliases = new Map<string, string>();

  learn(rawText: string): void {
    const text = normaliseText(rawText);
    this.learnDefinitions(text);
    this.learnQuotedPairs(text);
    this.learnWholeNames(text);
  }

  /** «<long form> (далі – <short form>)». */
  private learnDefinitions(text: string): void {
    const re = /\(\s*далі\s*[-–—]?\s*([^()]+?)\s*\)/gu;
    for (const m of text.matchAll(re)) {
      const short = (m[1] as string).trim();
      const before = text.slice(Math.max(0, m.index - 300), m.index);
      // The long form ends right before the bracket; it starts after the previous clause break.
      const clause = before.split(/[.;:!?\n]|,(?![^«]*»)/u).pop() ?? '';
      const shortWords = words(short);
      const abbr = shortWords[0];
      if (abbr !== undefined && isAbbreviation(abbr)) {
        if (short.includes('«')) {
          // (далі – КУ «Агенція …») after «комунальна установа … «Агенція …»».
          const firstQuote = clause.indexOf('«');
          if (firstQuote >= 0) {
            const prefix = words(clause.slice(0, firstQuote));
            if (expansionWindow(prefix, abbr) !== null || this.builtInMatches(abbr, prefix)) this.forms.add(abbr);
          }
        } else if (shortWords.length === 1) {
          const ws = words(clause);
          for (let start = 0; start < ws.length; start++) {
            if (sameInitials(ws.slice(start), abbr)) {
              this.wholeNames.add(abbr);
              break;
            }
          }
        }
      }
      const longKey = baseKey(clause);
      const shortKey = baseKey(short);
      if (longKey !== '' && shortKey !== '' && longKey !== shortKey) this.aliases.set(longKey, shortKey);
    }
  }

  /** The same quoted name once after an abbreviation and once after its expansion. */
  private learnQuotedPairs(text: string): void {
    const byQuote = new Map<string, string[][]>();
    for (const m of text.matchAll(/«([^«»]+)»/gu)) {
      const key = baseKey(m[1] as string);
      // Words written right before the quote (same clause; nested opening quotes skipped).
      const before = text.slice(Math.max(0, m.index - 200), m.index).replace(/«\s*$/u, '');
      const clause = before.split(/[.,;:!?()\n«»]/u).pop() ?? '';
      const prefix = words(clause).slice(-8);
      const list = byQuote.get(key) ?? [];
      list.push(prefix);
      byQuote.set(key, list);
    }
    for (const prefixes of byQuote.values()) {
      for (const p of prefixes) {
        const abbr = p[p.length - 1];
        if (abbr === undefined || !isAbbreviation(abbr)) continue;
        for (const q of prefixes) {
          if (q === p) continue;
          const window = expansionWindow(q, abbr);
          if (window !== null || this.builtInMatches(abbr, q)) this.forms.add(abbr);
        }
      }
    }
    // Built-in list: the document uses the abbreviation before a quote and the expansion anywhere.
    // One scan finds every built-in abbreviation written before a quote (two such uses never overlap:
    // a match starts after a non-letter and runs on to the «); the document's words are lower-cased once.
    const beforeQuote = new Set<string>();
    for (const m of text.matchAll(BUILT_IN_BEFORE_QUOTE)) beforeQuote.add(m[1] as string);
    let lower: string[] | undefined;
    for (const abbr of Object.keys(BUILT_IN)) {
      if (this.forms.has(abbr) || !beforeQuote.has(abbr)) continue;
      lower ??= words(text).map((w) => w.toLowerCase());
      if (stemsMatch(BUILT_IN[abbr]!, lower)) this.forms.add(abbr);
    }
  }

  /** «Європейським банком реконструкції та розвитку (ЄБРР)». */
  private learnWholeNames(text: string): void {
    for (const m of text.matchAll(/\(\s*([А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ]{1,7})\s*\)/gu)) {
      const abbr = m[1] as string;
      if (!isAbbreviation(abbr)) continue;
      const clause = text.slice(Math.max(0, m.index - 200), m.index).split(/[.,;:!?()\n«»]/u).pop() ?? '';
      const ws = words(clause);
      for (let start = 0; start < ws.length; start++) {
        if (sameInitials(ws.slice(start), abbr)) {
          this.wholeNames.add(abbr);
          break;
        }
      }
    }
  }

  private builtInMatches(abbr: string, ws: readonly string[]): boolean {
    const stems = BUILT_IN[abbr];
    if (stems === undefined) return false;
    return stemsMatch(
      stems,
      ws.map((w) => w.toLowerCase()),
    );
  }

  /**
   * Identity key of a name with the document's abbreviations applied:
   * «КУ «Агенція …»» and «Комунальна установа «Агенція …»» both give «ку агенція …».
   */
  key(name: string, depth = 0): string {
    const base = baseKey(name);
    const alias = this.aliases.get(base);
    if (alias !== undefined && depth < 4) return this.key(alias, depth + 1);
    const text = normaliseText(name);
    const q = text.indexOf('«');
    if (q > 0 && this.forms.size > 0) {
      const prefix = words(text.slice(0, q));
      const quoted = baseKey(text.slice(q));
      const last = prefix[prefix.length - 1];
      if (prefix.length === 1 && last !== undefined && this.forms.has(last)) {
        return `${last.toLowerCase()} ${quoted}`;
      }
      for (const abbr of this.forms) {
        const window = expansionWindow(prefix, abbr);
        if (window !== null && window[0] === 0) return `${abbr.toLowerCase()} ${quoted}`;
      }
    }
    if (this.wholeNames.size > 0 && q < 0) {
      const ws = words(text);
      if (ws.length === 1 && this.wholeNames.has(ws[0] as string)) return base;
      for (const abbr of this.wholeNames) {
        if (ws.length >= 2 && sameInitials(ws, abbr)) return abbr.toLowerCase();
      }
    }
    return base;
  }
}
