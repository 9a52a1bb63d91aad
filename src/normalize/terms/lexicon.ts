/**
 * Word classes of the term grammar (all lower-case, Cyrillic).
 */

/** Nominative forms; the stems below cover every case form and common abbreviations. */
export const MONTH_NOMINATIVE = [
  'січень', 'лютий', 'березень', 'квітень', 'травень', 'червень',
  'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень',
] as const;

/** Genitive forms (used by generators and tests). */
export const MONTH_GENITIVE = [
  'січня', 'лютого', 'березня', 'квітня', 'травня', 'червня',
  'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня',
] as const;

/** Locative forms («у березні»). */
export const MONTH_LOCATIVE = [
  'січні', 'лютому', 'березні', 'квітні', 'травні', 'червні',
  'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні',
] as const;

/**
 * Full-word month forms: stem + case ending (nominative, genitive, dative, instrumental, locative).
 * `лют` declines as an adjective, `листопад` as a hard noun, the others as soft nouns (-ень/-ня/-ні…).
 */
const MONTH_FORMS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const soft = ['ень', 'ня', 'ню', 'нем', 'ні'];
  const softStems: Array<[string, number]> = [
    ['січ', 1], ['берез', 3], ['квіт', 4], ['трав', 5], ['черв', 6], ['лип', 7], ['серп', 8],
    ['верес', 9], ['жовт', 10], ['груд', 12],
  ];
  for (const [stem, m] of softStems) for (const e of soft) map.set(stem + e, m);
  for (const e of ['ий', 'ого', 'ому', 'им', 'ім']) map.set('лют' + e, 2);
  for (const e of ['', 'а', 'у', 'ом', 'і']) map.set('листопад' + e, 11);
  return map;
})();

/**
 * Month number of a word, or null. Full case forms are always months; an abbreviation
 * («берез.», «вер.», «лист.», «січ») must be at least three letters and a prefix of exactly
 * one month's nominative form.
 */
export function monthOf(word: string): number | null {
  const full = MONTH_FORMS.get(word);
  if (full !== undefined) return full;
  if (word.length < 3) return null;
  let found: number | null = null;
  for (let i = 0; i < MONTH_NOMINATIVE.length; i++) {
    if (MONTH_NOMINATIVE[i]!.startsWith(word)) {
      if (found !== null) return null;
      found = i + 1;
    }
  }
  return found;
}

const QUARTER_WORDS = new Set([
  'кв', 'квартал', 'квартали', 'кварталу', 'кварталі', 'кварталів', 'кварталах', 'кварталом', 'кварт',
]);
const HALF_WORDS = new Set(['півріччя', 'півріччі', 'півріч', 'півр', 'піврічча']);
const YEAR_WORDS = new Set(['р', 'рік', 'року', 'році', 'роком', 'рр', 'роки', 'років', 'роках', 'рока']);

export const isQuarterWord = (w: string): boolean => QUARTER_WORDS.has(w);
export const isHalfWord = (w: string): boolean => HALF_WORDS.has(w);
export const isYearWord = (w: string): boolean => YEAR_WORDS.has(w);

/** Ordinal words «перший», «другого», «третє», «четвертий» → 1–4. */
export function ordinalWordValue(w: string): number | null {
  const m = /^(перш|друг|трет|четверт)(ий|ій|ого|ього|е|є|ому|ьому|им|ім|а|я|ої|ьої)$/u.exec(w);
  if (!m) return null;
  return { перш: 1, друг: 2, трет: 3, четверт: 4 }[m[1] as 'перш' | 'друг' | 'трет' | 'четверт'];
}

/**
 * Status words kept in `status`, ignored for dates. Maps a written form to its normalised word
 * (forms of the same verb merge — «розпочата», «розпочалося» → «розпочато» — different verbs do
 * not). «уже»/«вже» are modifiers: removed together with a status word, never a status alone.
 */
const STATUS_FORMS: ReadonlyMap<string, string> = new Map([
  ...['розпочато', 'розпочата', 'розпочатий', 'розпочате', 'розпочалось', 'розпочалося', 'розпочався', 'розпочалася']
    .map((w): [string, string] => [w, 'розпочато']),
  ['започатковано', 'започатковано'],
  ['продовжується', 'продовжується'], ['продовжуються', 'продовжується'],
  ['продовжено', 'продовжено'], ['триває', 'триває'], ['тривають', 'триває'],
  ['виконано', 'виконано'], ['виконується', 'виконується'], ['виконуються', 'виконується'],
  ['завершено', 'завершено'], ['реалізовано', 'реалізовано'], ['реалізується', 'реалізується'],
]);
export const statusOf = (w: string): string | null => STATUS_FORMS.get(w) ?? null;
export const STATUS_MODIFIERS = new Set(['уже', 'вже']);

/** Words that mark a recurring term. */
const RECURRING_WORDS = new Set([
  'постійно', 'щороку', 'щорічно', 'щокварталу', 'щоквартально', 'щомісяця', 'щомісячно', 'щотижня',
  'щотижнево', 'щодня', 'щоденно', 'регулярно', 'систематично', 'періодично', 'щопівроку', 'щопіврічно',
]);
export const isRecurringWord = (w: string): boolean => RECURRING_WORDS.has(w);

/**
 * A stated frequency («двічі на рік», «раз на квартал», «щонайменше 2 рази на місяць»): count words,
 * then «на» + a unit. The term is recurring; the dates are the span stated next to it, if any.
 */
const COUNT_WORDS = new Set(['раз', 'рази', 'разів', 'двічі', 'тричі', 'один', 'одного', 'два', 'три', 'чотири', "п'ять", 'щонайменше', 'не', 'менше', 'менш', 'ніж']);
const COUNT_HEADS = new Set(['раз', 'рази', 'разів', 'двічі', 'тричі']);
const FREQUENCY_UNITS = new Set(['рік', 'року', 'квартал', 'місяць', 'півріччя', 'півроку', 'тиждень', 'семестр', 'день']);
export const isCountWord = (w: string): boolean => COUNT_WORDS.has(w);
export const isCountHead = (w: string): boolean => COUNT_HEADS.has(w);
export const isFrequencyUnit = (w: string): boolean => FREQUENCY_UNITS.has(w);

/**
 * Words of a phrase naming the whole plan period («протягом дії плану», «упродовж усього періоду
 * реалізації Плану дій», «за весь період»).
 */
const PLAN_PERIOD_WORDS = new Set([
  'протягом', 'упродовж', 'впродовж', 'продовж', 'на', 'у', 'в', 'за', 'весь', 'увесь', 'всього', 'усього',
  'період', 'періоду', 'дії', 'реалізації', 'виконання', 'терміну', 'строку', 'плану', 'план', 'програми',
  'дій', "зобов'язання", "зобов'язань", 'час', 'часу', 'місцевого', 'цього', 'даного',
]);
const PLAN_ANCHORS = new Set(['плану', 'програми', "зобов'язання", "зобов'язань"]);
const WHOLE_WORDS = new Set(['весь', 'увесь', 'всього', 'усього']);
const PERIOD_WORDS = new Set(['період', 'періоду', 'час', 'часу']);
export const isPlanPeriodWord = (w: string): boolean => PLAN_PERIOD_WORDS.has(w);

/**
 * Is this run of words a phrase naming the plan period? It needs an anchor («плану», «програми»,
 * «зобов'язання») or «весь/усього» + «період/час»; «у період 2026–2027 рр.» alone is not one.
 */
export function isPlanPeriodPhrase(words: readonly string[]): boolean {
  if (words.length === 0 || !words.every(isPlanPeriodWord)) return false;
  if (words.some((w) => PLAN_ANCHORS.has(w))) return true;
  return words.some((w) => WHOLE_WORDS.has(w)) && words.some((w) => PERIOD_WORDS.has(w));
}

/** Prepositions and fillers that carry no date meaning in a term («у березні», «протягом 2027 року»). */
const FILLERS = new Set([
  'у', 'в', 'протягом', 'упродовж', 'впродовж', 'продовж', 'на', 'термін', 'строк', 'період', 'періоді',
  'включно', 'включаючи',
]);

/** Words saying the term is approximate: ignored for dates, reported in the note. */
const APPROXIMATE = new Set(['орієнтовно', 'приблизно', 'орієнтовний', 'орієнтовна', 'орієнтовне', 'прогнозно']);
export const isApproximateWord = (w: string): boolean => APPROXIMATE.has(w);
export const isFiller = (w: string): boolean => FILLERS.has(w);

/** List separators between stated periods («02 та 03.2025»). */
export const isConjunction = (w: string): boolean => w === 'та' || w === 'і' || w === 'й';
