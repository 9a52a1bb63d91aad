/**
 * Official Ukrainian → Latin transliteration
 * (Постанова Кабінету Міністрів України № 55 від 27.01.2010).
 *
 * - є, ї, й, ю, я are written ye, yi, y, yu, ya at the start of a word and
 *   ie, i, i, iu, ia elsewhere;
 * - the combination зг is written zgh (Згорани → Zghorany);
 * - the soft sign and the apostrophe are not transliterated;
 * - characters that are not Ukrainian letters pass through unchanged.
 *
 * Capitalisation follows the source letter: a capital letter gives a capitalised
 * Latin group (Щ → Shch), unless the word is written in capitals, where the whole
 * group is upper-cased (ЩЕРБУХИ → SHCHERBUKHY).
 */

const BASIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
};

/** Letters whose spelling depends on the position in the word: [word start, elsewhere]. */
const POSITIONAL: Readonly<Record<string, readonly [string, string]>> = {
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

/** Apostrophe variants used in Ukrainian spelling; none is transliterated. */
const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '‘', 'ʹ', '′']);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function transliterate(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const basic = BASIC[lower];
    const positional = POSITIONAL[lower];
    if (basic === undefined && positional === undefined) {
      // An apostrophe between letters is part of the word and is dropped.
      if (APOSTROPHES.has(ch) && isLetter(chars[i - 1]) && isLetter(chars[i + 1])) continue;
      out += ch;
      continue;
    }
    let latin: string;
    if (positional !== undefined) {
      // Word start: no letter before (an apostrophe inside a word keeps us inside it).
      let j = i - 1;
      while (j >= 0 && APOSTROPHES.has(chars[j] as string) && isLetter(chars[j - 1])) j--;
      const atWordStart = j === i - 1 ? !isLetter(chars[i - 1]) : false;
      latin = atWordStart ? positional[0] : positional[1];
    } else if (lower === 'г' && chars[i - 1]?.toLowerCase() === 'з') {
      latin = 'gh';
    } else {
      latin = basic as string;
    }
    if (latin === '' || !isUpper(ch)) {
      out += latin;
      continue;
    }
    // Capital letter: whole group in capitals when the word is written in capitals.
    const neighbourUpper = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !isLetter(chars[i + 1]));
    out += neighbourUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/**
 * A decision number as a part of an id (the plan id of the model and the plan uid of the dataset): «№» dropped,
 * transliterated (KMU 55-2010), every run of other characters than Latin letters and digits → «-».
 * «12-р» → 12-r, «№ 15/3» → 15-3, «1417» → 1417.
 */
export function decisionKey(number: string): string {
  return transliterate(number.replace(/^\s*№\s*/u, ''))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
