/**
 * Splitting one executors/partners cell into separate parties.
 *
 * Order of work:
 * 1. every paragraph is normalised (quotes, apostrophes, spaces);
 * 2. split at commas and semicolons outside matched «…» / (…) pairs;
 * 3. re-join pieces that are not names of their own: a relative clause
 *    («бізнес, який надає …») and the role descriptions after a private person
 *    («Андрій Гнап, CEO / …, експерт з відкритих даних (за згодою)»);
 * 4. split run-on names written without separators (Kyiv: «… (Київської міської
 *    державної адміністрації) Департамент освіти і науки …») at the capitalised
 *    head word of an organisation name;
 * 5. per item: «(за згодою)» → byAgreement, a bracketed person → contact, kind.
 */
import type { PartyKind } from '../../model/schema.js';
import { hasAgreementMark, normaliseText, protectedMask, removeAgreementMark, words } from './text.js';

export interface SplitItem {
  name: string;
  kind: PartyKind;
  byAgreement: boolean;
  contact: string | null;
}

const UC = 'А-ЯІЇЄҐA-Z';
const LC = 'а-яіїєґa-z';

/** Capitalised words that begin an organisation name (nominative). */
const HEAD_WORDS = new Set([
  'Департамент',
  'Управління',
  'Відділ',
  'Сектор',
  'Служба',
  'Центр',
  'Інститут',
  'Інспекція',
  'Агенція',
  'Асоціація',
  'Фонд',
  'Спілка',
  'Товариство',
  'Університет',
  'Академія',
  'Секретаріат',
  'Апарат',
  'Комунальне',
  'Комунальна',
  'Комунальний',
  'Громадська',
  'Громадський',
  'Громадське',
  'Головне',
  'Головний',
  'Державна',
  'Державне',
  'Державний',
  'Виконавчий',
  'Національний',
  'Національна',
  'Національне',
  'Благодійна',
  'Благодійний',
  'Міжнародна',
  'Міжнародний',
  'Приватне',
  'Координаційна',
  'Районні',
]);

/** Abbreviated legal forms that begin a name («ХМКП «Хмельницькінфоцентр»»). */
export const FORM_ABBREVIATIONS = new Set([
  'КУ',
  'КП',
  'КНП',
  'КЗ',
  'ХМКП',
  'ХКП',
  'ГО',
  'МГО',
  'ВГО',
  'БО',
  'БФ',
  'ТОВ',
  'ПП',
  'ПАТ',
  'ПрАТ',
  'АТ',
  'ДП',
  'ДУ',
  'ОСББ',
]);

/** «Київська міська рада», «Дарницька районна …», «Хмельницька обласна рада». */
const PLACE_ADJECTIVE_RE = new RegExp(`^[${UC}][${LC}’-]*(?:ська|цька|зька|ський|цький|зький|ське|цьке|зьке)$`, 'u');

/** Legal-form nouns after which a capitalised word is the proper name («громадська організація Київська ініціатива»). */
const FORM_NOUNS = new Set([
  'організація',
  'установа',
  'підприємство',
  'товариство',
  'фонд',
  'спілка',
  'об’єднання',
  'асоціація',
  'агенція',
  'компанія',
  'компанії',
  'кооператив',
  'заклад',
]);

/** Words after which a capitalised word continues the same name. */
const JOINERS = new Set([
  'та',
  'і',
  'й',
  'або',
  'чи',
  'при',
  'в',
  'у',
  'з',
  'із',
  'зі',
  'до',
  'для',
  'на',
  'від',
  'за',
  'по',
  'щодо',
  'імені',
  'ім',
  'м',
  'під',
  'над',
  'між',
  'через',
  'а',
  'також',
]);

const RELATIVE_RE = /^(?:який|яка|яке|які|якого|якої|яких|що|котрий|котра|котре|котрі)(?![\p{L}’])/u;

/** Lower-case role nouns that describe a private person listed as a partner. */
const ROLE_WORDS = new Set([
  'експерт',
  'експертка',
  'консультант',
  'консультантка',
  'аналітик',
  'аналітикиня',
  'директор',
  'директорка',
  'голова',
  'керівник',
  'керівниця',
  'засновник',
  'засновниця',
  'співзасновник',
  'співзасновниця',
  'координатор',
  'координаторка',
  'представник',
  'представниця',
  'член',
  'членкиня',
  'викладач',
  'викладачка',
  'професор',
  'професорка',
  'доцент',
  'доцентка',
  'журналіст',
  'журналістка',
  'фахівець',
  'фахівчиня',
  'спеціаліст',
  'спеціалістка',
  'радник',
  'радниця',
  'менеджер',
  'менеджерка',
  'розробник',
  'розробниця',
  'дослідник',
  'дослідниця',
  'активіст',
  'активістка',
  'волонтер',
  'волонтерка',
  'депутат',
  'депутатка',
  'тренер',
  'тренерка',
  'юрист',
  'юристка',
]);

/** Plural head nouns of a generic group of bodies or people. */
const PLURAL_HEADS = new Set([
  'органи',
  'старости',
  'адміністрації',
  'підприємства',
  'заклади',
  'установи',
  'організації',
  'бізнес',
  'підрозділи',
  'депутати',
  'мешканці',
  'громадяни',
  'представники',
  'школи',
  'бібліотеки',
  'консультанти',
  'партнери',
  'волонтери',
  'активісти',
  'експерти',
  'інститути',
  'суб’єкти',
  'члени',
  'громади',
  'зміі',
  'змі',
  'медіа',
  'донори',
  'компанії',
  'навчальні',
]);

/** «всі/усі/інші/окремі виконавчі органи». */
const QUANTIFIERS = new Set(['всі', 'усі', 'інші', 'окремі', 'відповідні', 'профільні']);

/** Verbal nouns that start an activity rather than a party («залучення донорських організацій»). */
const VERBAL_NOUN_RE = /^[\p{L}’]+(?:ння|ття|сся)$/u;
const VERBAL_NOUN_BODIES = new Set(['управління', 'об’єднання', 'представництво']);

/** People are matched in Cyrillic only («Open Government Partnership» is not a person). */
const CYR_UC = 'А-ЯІЇЄҐ';
const CYR_LC = 'а-яіїєґ';
const NAME_WORD = `[${CYR_UC}][${CYR_LC}’'-]+`;
const INITIALS = `[${CYR_UC}]\\.\\s?(?:[${CYR_UC}]\\.)?`;
/** «Матвійчук С.В.», «Герасимчук Л. О.», «С. В. Матвійчук», «Андрій Гнап», «Андрій МОЩАНЕЦЬ». */
const PERSON_RES = [
  new RegExp(`^${NAME_WORD}\\s+${INITIALS}$`, 'u'),
  new RegExp(`^${INITIALS}\\s?${NAME_WORD}$`, 'u'),
  new RegExp(`^${NAME_WORD}\\s+(?:${NAME_WORD}|[${CYR_UC}’'-]{2,})(?:\\s+${NAME_WORD})?$`, 'u'),
];

export function looksLikePerson(text: string): boolean {
  const t = text.trim();
  if (!PERSON_RES.some((re) => re.test(t))) return false;
  const first = words(t)[0] ?? '';
  if (HEAD_WORDS.has(first) || FORM_ABBREVIATIONS.has(first)) return false;
  // Adjectives start organisation names, not people («Київська Рада» is not a person).
  if (/(?:ий|ій|ська|цька|зька|ське|на|не|ні|ка)$/u.test(first) && !looksLikeGivenName(first)) return false;
  return true;
}

/** A few very common given names that end like adjectives (Юрій, Андрій, Анна …). */
function looksLikeGivenName(word: string): boolean {
  return /^(?:Андрій|Юрій|Сергій|Дмитрій|Олексій|Василій|Георгій|Анатолій|Віталій|Валерій|Геннадій|Григорій|Євгеній|Аркадій|Анна|Ганна|Інна|Жанна|Алла|Оксана|Руслана|Яна|Христина|Тетяна|Ірина|Марина|Галина|Поліна|Наталка|Олена|Світлана|Богдана|Ліна|Мирослава|Зоряна)$/u.test(
    word,
  );
}

/** Split a cell (its paragraphs, in order) into party items. */
/** Words that cannot end a complete name or begin one («… та», «за благоустроєм»). */
const LINKING_WORDS = new Set(['та', 'і', 'й', 'з', 'із', 'зі', 'за', 'у', 'в', 'при', 'до', 'для', 'на', 'по', 'від', 'щодо', 'імені', 'and', 'of']);

/** Is this line a complete name: brackets and quotes closed, not ending on a linking word or mark? */
function completeLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || /[,;:(«“„\-–—]$/u.test(t)) return false;
  if (bracketBalance(t).open > 0) return false;
  const opens = (t.match(/[«„]/gu) ?? []).length;
  const closes = (t.match(/»/gu) ?? []).length;
  if (opens > closes) return false;
  const last = t.split(/\s+/u).pop()!.toLowerCase();
  // An adjective in an oblique case («… виконавчого», «… Київської») still waits for its noun.
  return !LINKING_WORDS.has(last) && !OBLIQUE_ADJECTIVE.test(last);
}

/** Adjective endings of the oblique cases: such a word continues a name, never begins or ends one. */
const OBLIQUE_ADJECTIVE = /\p{L}{2,}(?:ого|ього|ої|ому|ьому|их|іх)$/u;

/**
 * A line break inside one paragraph (Shift+Enter, <br>, a new line in a PDF cell) separates two
 * names when the line before is a complete name (brackets and quotes closed, not ending on a
 * linking word or an oblique-case adjective such as «виконавчого») and the line after begins with
 * a letter, not with a linking word or an oblique-case adjective. A line that opens with a bracket
 * or a quote («(Київської міської державної адміністрації)», «… «Центр комунікації»») continues
 * the name above. No list of head words is involved.
 */
export function splitAtLineBreaks(paragraph: string): string[] {
  const lines = paragraph.split(/\r\n|\r|\n|\u2028/u);
  if (lines.length === 1) return lines;
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    const prev = out[out.length - 1];
    if (prev === undefined) {
      out.push(t);
      continue;
    }
    const first = t.split(/\s+/u)[0]!.toLowerCase();
    const letter = new RegExp(`^[${UC}${LC}]`, 'u').test(t);
    const starts = letter && !LINKING_WORDS.has(first) && !OBLIQUE_ADJECTIVE.test(first);
    if (completeLine(prev) && starts) out.push(t);
    else out[out.length - 1] = `${prev} ${t}`;
  }
  return out;
}

export function splitCell(paragraphs: readonly string[]): SplitItem[] {
  const items: SplitItem[] = [];
  for (const text of joinCutParagraphs(paragraphs.flatMap(splitAtLineBreaks))) {
    let pieces = mergeEnumerations(splitTopLevelWithSeparators(text));
    pieces = mergeDependentPieces(pieces);
    for (const piece of pieces) {
      for (const part of splitRunOn(stripBullet(piece))) {
        const item = finishItem(part);
        if (item === null) continue;
        if (item.name === '') {
          // A lone «(за згодою)» (or bracketed contact) belongs to the previous party.
          const prev = items[items.length - 1];
          if (prev !== undefined) {
            prev.byAgreement ||= item.byAgreement;
            prev.contact ??= item.contact;
          }
          continue;
        }
        items.push(item);
      }
    }
  }
  return items;
}

/** Balance of round brackets: opened minus closed, and whether a «)» closes nothing. */
function bracketBalance(s: string): { open: number; strayClose: boolean } {
  let depth = 0;
  let strayClose = false;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) strayClose = true;
      else depth--;
    }
  }
  return { open: depth, strayClose };
}

/**
 * Normalise the paragraphs and re-join a name cut by a page or row break:
 * «… ради (Київської міської державної» + «адміністрації) Департамент …».
 * Only an unclosed «(» followed by a paragraph whose first «)» closes nothing
 * joins two paragraphs; every other paragraph break separates parties.
 */
function joinCutParagraphs(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const text = normaliseText(paragraph);
    if (text === '') continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && bracketBalance(prev).open > 0 && bracketBalance(text).strayClose) {
      out[out.length - 1] = `${prev} ${text}`;
      continue;
    }
    out.push(text);
  }
  return out;
}

/** A list bullet or number written in the cell («– управління …», «2) ХМКП …»). */
function stripBullet(piece: string): string {
  return piece.replace(/^(?:[-–—•·●▪*]|\d{1,2}[.)])\s+/u, '');
}

/** A piece of a cell and the separator written before it (none for the first). */
interface Piece {
  text: string;
  after: ',' | ';' | null;
}

/** Split at commas and semicolons outside matched quotes/brackets, keeping which one it was. */
function splitTopLevelWithSeparators(text: string): Piece[] {
  const mask = protectedMask(text);
  const pieces: Piece[] = [];
  let start = 0;
  let after: Piece['after'] = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === ',' || c === ';') && !mask[i]) {
      pieces.push({ text: text.slice(start, i).trim(), after });
      after = c;
      start = i + 1;
    }
  }
  pieces.push({ text: text.slice(start).trim(), after });
  return pieces.filter((p) => p.text !== '');
}

const LOWER_START = new RegExp(`^[${LC}]`, 'u');
/** «молоді та спорту …», «архітектури і житлово-комунального господарства»: the last items of an enumeration. */
const ENUMERATION_END = new RegExp(`^[${LC}][\\p{L}’-]*\\s+(?:та|і|й)\\s+[${LC}]`, 'u');

/** Does a lower-case piece begin a group of its own («органи місцевого самоврядування», «районні військові адміністрації»)? */
function beginsGroup(piece: string): boolean {
  const [first = '', second = ''] = words(piece).map((w) => w.toLowerCase());
  if (PLURAL_HEADS.has(first) || QUANTIFIERS.has(first)) return true;
  // A plural adjective before its noun («районні військові …», «виконавчі органи»), not before «та/і».
  return /[а-яіїєґ’]і$/u.test(first) && first.length >= 4 && second !== '' && !['та', 'і', 'й'].includes(second);
}

/**
 * Commas of an enumeration inside one name: «Відділ освіти, молоді та спорту селищної ради»,
 * «Департамент будівництва, містобудування, архітектури та житлово-комунального господарства».
 * After a name that begins with a capital, a run of lower-case pieces (after commas, none of them
 * beginning a group of its own) whose last piece joins its first words with «та/і/й» is the tail of
 * that name's enumeration, not a list of parties. A semicolon always separates parties.
 */
function mergeEnumerations(pieces: Piece[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    let end = -1;
    if (out.length > 0 && !LOWER_START.test(out[out.length - 1]!)) {
      for (let j = i; j < pieces.length; j++) {
        const p = pieces[j]!;
        if (p.after !== ',' || !LOWER_START.test(p.text) || beginsGroup(p.text) || hasAgreementMark(p.text)) break;
        if (ENUMERATION_END.test(p.text)) {
          end = j;
          break;
        }
      }
    }
    if (end < 0) {
      out.push(piece.text);
      continue;
    }
    out[out.length - 1] = [out[out.length - 1]!, ...pieces.slice(i, end + 1).map((p) => p.text)].join(', ');
    i = end;
  }
  return out;
}

/** Split at commas and semicolons outside matched quotes/brackets. */
export function splitTopLevel(text: string): string[] {
  const mask = protectedMask(text);
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === ',' || c === ';') && !mask[i]) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

function firstWord(piece: string): string {
  return words(piece)[0] ?? '';
}

function isRolePiece(piece: string): boolean {
  if (/^[A-Za-z]/.test(piece)) return true;
  const w = firstWord(piece);
  return ROLE_WORDS.has(w.toLowerCase()) && w === w.toLowerCase();
}

function stripMarks(piece: string): string {
  return removeAgreementMark(piece).replace(/\s+/g, ' ').trim();
}

/** Re-join relative clauses and a private person's role descriptions. */
function mergeDependentPieces(pieces: string[]): string[] {
  const out: string[] = [];
  let personOpen = false;
  for (const piece of pieces) {
    const prev = out.length - 1;
    if (prev >= 0 && RELATIVE_RE.test(piece)) {
      out[prev] = `${out[prev]}, ${piece}`;
      continue;
    }
    if (prev >= 0 && personOpen && isRolePiece(piece)) {
      out[prev] = `${out[prev]}, ${piece}`;
      personOpen = !hasAgreementMark(piece);
      continue;
    }
    out.push(piece);
    personOpen = looksLikePerson(stripMarks(piece)) && !hasAgreementMark(piece);
  }
  return out;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}’]+(?:[-.][\p{L}\p{N}’]+)*\.?/gu)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Head words written in lower case («управління адміністративних послуг», «департамент освіти»). */
const LOWER_HEAD_WORDS = new Set([...HEAD_WORDS].map((w) => w.toLowerCase()));

/**
 * «виконавчі органи …», «районні військові адміністрації»: one or more plural adjectives (nominative,
 * «-і») and then the plural head noun of a group — a group of bodies, which never continues the
 * singular name before it.
 */
function pluralGroupAt(toks: Token[], k: number): boolean {
  let j = k;
  while (j < toks.length && PLURAL_ADJECTIVE.test(toks[j]!.word) && toks[j]!.word.length >= 4 && !PLURAL_HEADS.has(toks[j]!.word)) j++;
  return j > k && j < toks.length && PLURAL_HEADS.has(toks[j]!.word);
}

/**
 * Does a new name start at token k? A capitalised head word or legal form; a capitalised place
 * adjective before a lower-case word; in lower case, a head word right after a closed quote or
 * bracket («ХМКП «Хмельницькінфоцентр» управління …»: a quoted name is complete). A plural group
 * («… послуг виконавчі органи міської ради») is the other start (`pluralGroupAt`, in `splitRunOn`).
 */
function isHeadAt(toks: Token[], k: number, piece: string): boolean {
  const tok = toks[k] as Token;
  const next = toks[k + 1];
  if (HEAD_WORDS.has(tok.word) || FORM_ABBREVIATIONS.has(tok.word)) return true;
  // «<Adjective> районна/міська/обласна …»: a capitalised place adjective followed by a lower-case word.
  if (PLACE_ADJECTIVE_RE.test(tok.word) && next !== undefined && /^[а-яіїєґ]/u.test(next.word)) return true;
  // «… розвитку Молодіжна рада …», «… економіки Юридичний відділ»: a capitalised adjective in the
  // nominative before a lower-case noun begins a name (inside a name capitals are proper names or
  // adjectives in an oblique case: «імені Бориса Грінченка», «Київської міської ради»).
  if (NOMINATIVE_ADJECTIVE_RE.test(tok.word) && next !== undefined && /^[а-яіїєґ]/u.test(next.word)) {
    const noun = next.word;
    if (!JOINERS.has(noun) && !OBLIQUE_ADJECTIVE.test(noun)) return true;
  }
  return LOWER_HEAD_WORDS.has(tok.word) && /[»)\]]$/u.test(piece.slice(0, tok.start).trimEnd());
}

/** A capitalised adjective in the nominative singular: «Молодіжна», «Юридичний», «Фінансове», «Центральне». */
const NOMINATIVE_ADJECTIVE_RE = new RegExp(`^[${UC}][${LC}’-]{3,}(?:ий|ій|на|ька|ова|ева|не|ове|еве|ьке)$`, 'u');

/** A plural adjective (nominative, «-і»), in any case of letters. */
const PLURAL_ADJECTIVE = /^[а-яіїєґ’]{2,}і$/u;

/**
 * Is the name so far (tokens from..k) a plural group still waiting for its noun («Районні в місті
 * Києві …» before «державні адміністрації»)? Then a plural group at k continues it.
 */
function openGroup(toks: Token[], from: number, k: number): boolean {
  if (!PLURAL_ADJECTIVE.test(toks[from]!.word.toLowerCase())) return false;
  return !toks.slice(from, k).some((t) => PLURAL_HEADS.has(t.word.toLowerCase()));
}

/**
 * Split a piece where one organisation name follows another with no separator.
 * A new name starts at a head word that is outside matched quotes/brackets,
 * is not the first word, follows a letter, digit or a closing quote/bracket,
 * and does not follow a preposition or conjunction.
 */
export function splitRunOn(piece: string): string[] {
  const mask = protectedMask(piece);
  const toks = tokens(piece);
  const cuts: number[] = [];
  let segmentStartTok = 0;
  for (let k = 1; k < toks.length; k++) {
    const tok = toks[k] as Token;
    if (mask[tok.start]) continue;
    if (!isHeadAt(toks, k, piece) && !(pluralGroupAt(toks, k) && !openGroup(toks, segmentStartTok, k))) continue;
    const prevTok = toks[k - 1] as Token;
    const prevWord = prevTok.word.toLowerCase().replace(/\.$/, '');
    if (JOINERS.has(prevWord) || (FORM_NOUNS.has(prevWord) && prevTok.word === prevWord)) continue;
    const before = piece.slice(0, tok.start).trimEnd();
    const lastChar = before[before.length - 1] ?? '';
    if (!/[\p{L}\p{N}»)\]]/u.test(lastChar)) continue;
    // a closing quote or bracket counts only when it closes something
    if (/[»)\]]/.test(lastChar) && !mask[before.length - 1]) continue;
    // The name before must be complete: at least two words, or closed by a quote/bracket.
    if (k - segmentStartTok < 2 && !/[»)\]]/.test(lastChar)) continue;
    cuts.push(tok.start);
    segmentStartTok = k;
  }
  if (cuts.length === 0) return [piece];
  const parts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(piece.slice(start, cut).trim());
    start = cut;
  }
  parts.push(piece.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** Extract the marks of one item and classify it; null when nothing is left. */
function finishItem(raw: string): SplitItem | null {
  let s = raw.trim();
  let byAgreement = false;
  if (hasAgreementMark(s)) {
    byAgreement = true;
    s = removeAgreementMark(s);
  }
  let contact: string | null = null;
  // A person named in brackets after the body («ХМКП «…» (Матвійчук С.В.)») is its contact.
  for (const m of s.matchAll(/\s*\(([^()]+)\)/gu)) {
    const inner = (m[1] as string).trim();
    if (!looksLikePerson(inner)) continue;
    contact = inner;
    s = s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
    break;
  }
  s = s
    .replace(/\s+/g, ' ')
    .trim()
    // a leading conjunction joining the last item («…, та управління …»)
    .replace(/^(?:та|і|й|а також)\s+/u, '')
    // trailing separators
    .replace(/[\s,;:]+$/u, '')
    .trim();
  // a sentence full stop, but not the dot of an abbreviation or initial («Лтд.», «С.В.»)
  const dot = s.endsWith('.') ? /([\p{L}\p{N}]+|[»)\]])\.$/u.exec(s) : null;
  if (dot !== null && ((dot[1] as string).length > 3 || /[»)\]]/.test(dot[1] as string))) s = s.slice(0, -1).trimEnd();
  if (s === '' && !byAgreement && contact === null) return null;
  if (s !== '' && !/[\p{L}\p{N}]/u.test(s)) return null; // a dash or stray punctuation: no party
  return { name: s, kind: s === '' ? 'body' : classify(s), byAgreement, contact };
}

/** body | collective | person | other. */
export function classify(name: string): PartyKind {
  const core = name.split(',')[0]?.trim() ?? name;
  if (looksLikePerson(core)) return 'person';
  const ws = words(name);
  const first = ws[0] ?? '';
  const lower = first.toLowerCase();
  if (PLURAL_HEADS.has(lower) || QUANTIFIERS.has(lower)) return 'collective';
  // A plural adjective first («виконавчі органи», «Районні в місті Києві державні адміністрації»).
  if (/[а-яіїєґ’]і$/u.test(first) && lower.length >= 4 && !FORM_ABBREVIATIONS.has(first)) return 'collective';
  if (VERBAL_NOUN_RE.test(lower) && !VERBAL_NOUN_BODIES.has(lower)) return 'other';
  return 'body';
}
