/**
 * A passport file to fill in (`ogp-extract passport init`): every passport element in order, each with a
 * Ukrainian comment saying what to write, and the values that follow from the plans filled in — the title,
 * the description with the plans' period, keywords (the initiative and the plans' sectors), the publisher
 * (the body that adopted the decisions). What only the officer knows (first publication date, dataset URL,
 * ЄДРПОУ code, contact person) is left empty, so that `export --passport` names it until it is filled.
 * Elements the export computes (formats, structure, modified, temporal) are shown commented out.
 */
import { stringify } from 'yaml';
import type { ActionPlan } from '../model/schema.js';
import { ACCRUAL_PERIODICITIES } from '../model/national.js';
import { DEFAULT_DATASET_NAME, DEFAULT_DATASET_TITLE } from './export.js';
import { COMPUTED_ELEMENTS, MANDATORY_INPUT, OPTIONAL_ELEMENTS, PASSPORT_ELEMENTS, type PassportKey } from './passport.js';
import { compareCodePoints } from './records.js';
import { cleanOrNull } from '../util/text.js';

/** What to write in each element (Ukrainian, one or two lines). */
const HINTS: Record<PassportKey, string> = {
  identifier: 'латинські літери, цифри, дефіс; однаковий в усіх версіях набору, напр. khm-ogp-action-plans',
  title: 'до 254 символів',
  description: 'до 4000 символів: що містить набір даних',
  purpose: 'нормативна підстава та мета збору інформації',
  language: 'код мови, uk — українська',
  formats: 'формати таблиць експорту (CSV, JSON); вкажіть, лише щоб задати інше',
  compressionFormat: 'null, якщо файли не стиснено; інакше, напр., ZIP',
  issued: 'рррр-мм-дд або рррр-мм-ддTгг:хх (дата і час): коли набір уперше оприлюднено на порталі',
  modified: 'пізніша з дат останнього рішення та першого оприлюднення',
  temporal: 'дата останнього рішення, яким затверджено план',
  accrualPeriodicity: `одне з: ${ACCRUAL_PERIODICITIES.join('; ')}`,
  keywords: 'список, по одному слову чи фразі в рядку (літери, цифри, пробіл, «-», «_», «.»; апостроф у тезі порталу буде прибрано)',
  license: 'CC-BY-4.0 (типово), CC-BY-SA-4.0, CC0-1.0, ODC-BY-1.0, ODbL-1.0 або PDDL-1.0',
  landingPage: 'адреса сторінки набору на порталі, https://…',
  previousVersions: 'адреса попередніх версій, https://…, або null',
  structure: 'файли опису структури (datapackage.json, *.schema.json)',
  publisherName: 'повна назва органу, що оприлюднює набір',
  publisherId: '8 цифр у лапках, щоб зберегти нулі на початку, напр. "04060714"; null — лише якщо розпорядник не є юридичною особою',
  contactPointName: 'прізвище, ім’я, по батькові',
  contactPointEmail: 'адреса електронної пошти, напр. opendata@example.gov.ua',
};

/** The legal basis every dataset of this kind has. */
export const DEFAULT_PURPOSE =
  'Закон України «Про доступ до публічної інформації»; постанова Кабінету Міністрів України від 21 жовтня 2015 р. № 835 ' +
  '«Про затвердження Положення про набори даних, які підлягають оприлюдненню у формі відкритих даних»';

export const BASE_KEYWORDS = ['відкритий уряд', 'OGP Local', 'план дій', 'зобов’язання'] as const;

export type PassportDraft = Partial<Record<PassportKey, string | string[] | null>>;

/** The most frequent non-empty value (ties: the first in code-point order), or null. */
function mostFrequent(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) {
    const clean = cleanOrNull(v, 'one line');
    if (clean !== null) counts.set(clean, (counts.get(clean) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  return sorted[0]?.[0] ?? null;
}

/** Years covered by the plans, e.g. «2021–2027», or null when no plan states its period. */
export function plansPeriod(plans: readonly ActionPlan[]): string | null {
  const starts = plans.map((p) => p.plan.period.start ?? p.plan.period.end).filter((d): d is string => d !== null);
  const ends = plans.map((p) => p.plan.period.end ?? p.plan.period.start).filter((d): d is string => d !== null);
  if (starts.length === 0) return null;
  const first = starts.sort()[0]!.slice(0, 4);
  const last = ends.sort().at(-1)!.slice(0, 4);
  return first === last ? first : `${first}–${last}`;
}

/** Values that follow from the plans. */
export function inferPassport(plans: readonly ActionPlan[]): PassportDraft {
  const draft: PassportDraft = { identifier: DEFAULT_DATASET_NAME, purpose: DEFAULT_PURPOSE, language: 'uk' };
  const authority = mostFrequent(plans.map((p) => p.decision.authority));
  const period = plansPeriod(plans);
  const singleTitle = plans.length === 1 ? cleanOrNull(plans[0]!.plan.title, 'one line') : null;
  const yearsText = period ? (period.includes('–') ? ` на ${period} роки` : ` на ${period} рік`) : '';
  let title = singleTitle ?? `${DEFAULT_DATASET_TITLE}${yearsText}`;
  if (!singleTitle && authority && [...`${title} (${authority})`].length <= 254) title = `${title} (${authority})`;
  draft.title = [...title].length <= 254 ? title : DEFAULT_DATASET_TITLE;
  const adopted = authority ? `, затверджених рішеннями органу: ${authority}` : '';
  draft.description =
    `Зобов’язання, заходи, строки виконання, виконавці та партнери ${plans.length === 1 ? 'плану' : 'планів'} дій ` +
    `із впровадження Ініціативи «Партнерство «Відкритий Уряд» (OGP Local)${yearsText}${adopted}.`;
  // Sectors of the commitments as keywords: lower case (but acronyms), each once.
  const keywords = new Map<string, string>(BASE_KEYWORDS.map((k) => [k.toLowerCase(), k]));
  const sectors: string[] = [];
  for (const p of plans) for (const c of p.commitments) for (const s of c.sectors) sectors.push(s);
  for (const s of sectors.map((x) => cleanOrNull(x, 'one line')).filter((x): x is string => x !== null).sort(compareCodePoints)) {
    const first = s.split(/\s/, 1)[0] ?? '';
    const keyword = first.length > 1 && first === first.toUpperCase() ? s : s[0]!.toLowerCase() + s.slice(1);
    if (!keywords.has(keyword.toLowerCase())) keywords.set(keyword.toLowerCase(), keyword);
  }
  draft.keywords = [...keywords.values()];
  if (authority) draft.publisherName = authority;
  return draft;
}

function commentLines(text: string): string {
  return `${text
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n')}\n`;
}

/** One element: `key: value` as YAML (quoted where YAML needs it), lists as block sequences. */
function elementYaml(key: PassportKey, value: string | string[] | null): string {
  if (value === null) return `${key}:\n`;
  return stringify({ [key]: value }, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** Mandatory elements the draft leaves for the officer to fill. */
export function elementsToFill(draft: PassportDraft): PassportKey[] {
  return MANDATORY_INPUT.filter((k) => draft[k] === undefined || draft[k] === null);
}

/** The passport file to fill in, with `draft` values filled (the YAML `export --passport` reads). */
export function passportTemplate(draft: PassportDraft, sources: readonly string[] = []): string {
  const out: string[] = [];
  out.push(
    commentLines(
      [
        'Паспорт набору даних (постанова КМУ від 21.10.2015 № 835). Заповніть порожні елементи й перевірте заповнені.',
        sources.length ? `Значення, визначені з планів: ${sources.join(', ')}.` : 'Значення для заповнення.',
        'Далі: ogp-extract export <плани> --out-dir data --passport <цей файл>',
      ].join('\n'),
    ),
  );
  for (const key of Object.keys(PASSPORT_ELEMENTS) as PassportKey[]) {
    const mandatory = MANDATORY_INPUT.includes(key);
    const computed = COMPUTED_ELEMENTS.includes(key) && key !== 'language';
    const kind = mandatory
      ? "обов’язковий"
      : key === 'license'
        ? 'типово CC-BY-4.0'
        : computed
          ? 'обчислюється'
          : OPTIONAL_ELEMENTS.includes(key)
            ? 'необов’язковий'
            : 'типово uk';
    out.push('\n');
    out.push(commentLines(`${PASSPORT_ELEMENTS[key][0]!.toUpperCase()}${PASSPORT_ELEMENTS[key].slice(1)} (${kind}): ${HINTS[key]}`));
    if (computed) {
      out.push(`# ${key}:\n`);
    } else if (key === 'publisherId' && draft.publisherId === undefined) {
      // Left commented out: `export` names it as missing until the officer writes the code (or null).
      out.push(`# publisherId: "00000000"\n`);
    } else {
      const value = draft[key] ?? null;
      out.push(elementYaml(key, OPTIONAL_ELEMENTS.includes(key) && value === null ? null : value));
    }
  }
  return out.join('');
}
