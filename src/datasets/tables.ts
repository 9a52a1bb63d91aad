/**
 * Table definitions of the open dataset: the single source from which CSV headers, JSON records,
 * CSVW `<table>.schema.json` / `<table>.schema.csv`, the Frictionless `datapackage.json` Table Schemas
 * and the JSON Schemas in `schemas/tables/` are all generated.
 *
 * Conventions follow the 835-rec structure descriptions (Постанова КМУ № 835): Latin camelCase column
 * names, Ukrainian titles and descriptions ending with «Наприклад: …», ISO 8601 dates, codes as text,
 * `null` for a missing optional value, `uid` as the primary key of every table.
 */
import {
  ACCRUAL_PERIODICITIES,
  DATE_PATTERN,
  EDRPOU_PATTERN,
  PARTY_KINDS,
  SHA256_PATTERN,
  SLUG_PATTERN,
  SOURCE_FORMATS,
  TERM_PRECISIONS,
} from '../model/national.js';

export type ColumnType = 'string' | 'date' | 'integer' | 'boolean' | 'anyURL';

export interface ColumnDef {
  /** Latin camelCase column name (CSV header, JSON key). */
  name: string;
  /** Ukrainian title. */
  title: string;
  /** Ukrainian description with an example. */
  description: string;
  type: ColumnType;
  /** A value must be present (never the missing-value marker). */
  required: boolean;
  /** Regular expression every present value matches (anchored). */
  pattern?: string;
  /** Closed list of allowed values. */
  enum?: readonly string[];
  /** Maximum length in characters. */
  maxLength?: number;
}

export interface ForeignKeyDef {
  /** Column of this table. */
  column: string;
  /** Referenced table name. */
  table: string;
  /** Referenced column (its primary key). */
  references: string;
}

export interface TableDef {
  /** camelCase table name: file base of `<table>.csv`, `<table>.json`, `<table>.schema.*`. */
  name: string;
  /** File base name when it differs from `name` (e.g. `ogp-commitments`). */
  file: string;
  /** Frictionless resource name (lower case, `-` separated). */
  resource: string;
  title: string;
  description: string;
  columns: readonly ColumnDef[];
  primaryKey: string;
  foreignKeys: readonly ForeignKeyDef[];
}

export const PARTY_ROLES = ['executor', 'partner'] as const;
export const TAG_KINDS = ['sector', 'ogpValue'] as const;
/** The national vocabularies and patterns (one definition each: src/model/national.ts). */
export { ACCRUAL_PERIODICITIES, DATE_PATTERN, EDRPOU_PATTERN, PARTY_KINDS, SHA256_PATTERN, TERM_PRECISIONS };

const col = (
  name: string,
  title: string,
  description: string,
  type: ColumnType,
  required: boolean,
  extra: Pick<ColumnDef, 'pattern' | 'enum' | 'maxLength'> = {},
): ColumnDef => ({ name, title, description, type, required, ...extra });

const planIdColumn = col(
  'planId',
  'Ідентифікатор плану дій',
  'Ідентифікатор плану дій з колонки uid таблиці plans. Наприклад: 1417-2025-10-09',
  'string',
  true,
);

const commitmentIdColumn = col(
  'commitmentId',
  'Ідентифікатор зобов’язання',
  'Ідентифікатор зобов’язання з колонки uid таблиці commitments. Наприклад: 1417-2025-10-09-C1',
  'string',
  true,
);

const partyLinkColumns = (owner: 'measure' | 'commitment'): ColumnDef[] => [
  col(
    'partyId',
    'Ідентифікатор учасника',
    'Ідентифікатор виконавця або партнера з колонки uid таблиці parties. Наприклад: upravlinnia-ekonomiky',
    'string',
    true,
  ),
  col(
    'role',
    'Роль',
    owner === 'measure'
      ? 'Роль у виконанні заходу може мати одне зі значень: executor (відповідальний виконавець), partner (партнер). Наприклад: executor'
      : 'Роль у виконанні зобов’язання може мати одне зі значень: executor (головний виконавець), partner (партнер). Наприклад: executor',
    'string',
    true,
    { enum: PARTY_ROLES },
  ),
  col(
    'name',
    'Найменування, як зазначено в документі',
    `Найменування виконавця або партнера так, як воно записане в документі для цього ${owner === 'measure' ? 'заходу' : 'зобов’язання'}. Наприклад: Управління економіки`,
    'string',
    true,
  ),
  col(
    'byAgreement',
    'За згодою',
    'Чи бере учасник участь за згодою («за згодою»): true або false. Наприклад: false',
    'boolean',
    true,
  ),
  col(
    'contact',
    'Контактна особа',
    'Прізвище та ініціали особи, зазначеної в документі після найменування учасника. Наприклад: Матвійчук С.В. Якщо особу не зазначено, вказати: null',
    'string',
    false,
  ),
];

export const PLANS: TableDef = {
  name: 'plans',
  file: 'plans',
  resource: 'plans',
  title: 'Плани дій Ініціативи «Партнерство «Відкритий Уряд»',
  description:
    'Плани дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» (OGP Local), затверджені рішеннями органів місцевого самоврядування',
  primaryKey: 'uid',
  foreignKeys: [],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатором плану дій є номер рішення, яким затверджено план, та дата його прийняття у форматі ISO 8601 (рррр-мм-дд), що розділені символом дефіс. Наприклад, план, затверджений рішенням № 1417 від 9 жовтня 2025 року, матиме ідентифікатор 1417-2025-10-09. Якщо номер або дата рішення невідомі, ідентифікатором є ідентифікатор документа',
      'string',
      true,
    ),
    col(
      'title',
      'Назва плану дій',
      'Назва плану дій. Наприклад: План дій із впровадження у Хмельницькій міській територіальній громаді Ініціативи «Партнерство «Відкритий Уряд» на 2026-2027 роки',
      'string',
      false,
    ),
    col(
      'periodStart',
      'Початок періоду',
      'Перший день періоду реалізації плану у форматі ISO 8601 (рррр-мм-дд). Наприклад: 2026-01-01',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'periodEnd',
      'Завершення періоду',
      'Останній день періоду реалізації плану у форматі ISO 8601 (рррр-мм-дд). Наприклад: 2027-12-31',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'legalActAuthority',
      'Орган, що ухвалив рішення',
      'Назва органу, що ухвалив розпорядчий документ, яким затверджено план. Наприклад: Виконавчий комітет Хмельницької міської ради',
      'string',
      false,
    ),
    col(
      'legalActType',
      'Вид розпорядчого документа',
      'Вид розпорядчого документа, яким затверджено план. Наприклад: рішення',
      'string',
      false,
    ),
    col(
      'legalActNumber',
      'Номер розпорядчого документа',
      'Номер розпорядчого документа. Наприклад: 1417',
      'string',
      false,
    ),
    col(
      'legalActAccepted',
      'Дата ухвалення розпорядчого документа',
      'Дата ухвалення розпорядчого документа у форматі ISO 8601 (рррр-мм-дд). Наприклад: 2025-10-09',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'legalActTitle',
      'Назва розпорядчого документа',
      'Назва розпорядчого документа, яким затверджено план. Наприклад: Про затвердження Плану дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» на 2026-2027 роки',
      'string',
      false,
    ),
    col(
      'documentId',
      'Ідентифікатор документа',
      'Ідентифікатор плану, присвоєний під час видобування з документа (номер і дата рішення або назва файлу). Наприклад: 1417-2025-10-09',
      'string',
      true,
    ),
    col(
      'sourceFile',
      'Файл документа',
      'Назва файлу документа, з якого видобуто план. Наприклад: khmelnytskyi-2026-2027-action-plan.docx',
      'string',
      true,
    ),
    col(
      'sourceFormat',
      'Формат документа',
      'Формат файлу документа може мати одне зі значень: txt, docx, pdf, html. Наприклад: docx',
      'string',
      true,
      { enum: SOURCE_FORMATS },
    ),
    col(
      'sourceSha256',
      'Контрольна сума документа',
      'Контрольна сума SHA-256 файлу документа (64 шістнадцяткові цифри в нижньому регістрі). Наприклад: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'string',
      true,
      { pattern: SHA256_PATTERN },
    ),
    col(
      'commitmentCount',
      'Кількість зобов’язань',
      'Кількість зобов’язань у плані. Наприклад: 2',
      'integer',
      true,
    ),
    col('measureCount', 'Кількість заходів', 'Кількість заходів у плані. Наприклад: 8', 'integer', true),
  ],
};

export const COMMITMENTS: TableDef = {
  name: 'commitments',
  file: 'commitments',
  resource: 'commitments',
  title: 'Зобов’язання планів дій',
  description: 'Зобов’язання планів дій Ініціативи «Партнерство «Відкритий Уряд»',
  primaryKey: 'uid',
  foreignKeys: [{ column: 'planId', table: 'plans', references: 'uid' }],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатор зобов’язання: ідентифікатор плану, символ дефіс і порядковий номер зобов’язання в плані з літерою C. Наприклад: 1417-2025-10-09-C1',
      'string',
      true,
    ),
    planIdColumn,
    col(
      'number',
      'Номер у документі',
      'Номер зобов’язання так, як він записаний у документі. Наприклад: 1. Якщо номер не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'title',
      'Назва зобов’язання',
      'Назва зобов’язання. Наприклад: Розвиток безбар’єрного простору в громаді через інновації та відкритість',
      'string',
      true,
    ),
    col(
      'problem',
      'Проблема',
      'Проблеми, які вирішує зобов’язання. Наприклад: Недостатній рівень обізнаності мешканців громади щодо принципів безбар’єрності. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'goal',
      'Довгострокова мета',
      'Довгострокова мета, до якої відноситься зобов’язання. Наприклад: Реалізація принципів безбар’єрності та забезпечення рівних можливостей для всіх мешканців громади. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'expectedResult',
      'Очікуваний результат',
      'Очікуваний результат виконання зобов’язання в цілому. Наприклад: Запущено інтерактивну Мапу доступності. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'measureCount',
      'Кількість заходів',
      'Кількість заходів зобов’язання. Наприклад: 4',
      'integer',
      true,
    ),
  ],
};

export const COMMITMENT_TAGS: TableDef = {
  name: 'commitmentTags',
  file: 'commitmentTags',
  resource: 'commitment-tags',
  title: 'Галузеві сфери та цінності зобов’язань',
  description:
    'Галузеві сфери, до яких відносяться зобов’язання, і цінності Ініціативи «Партнерство «Відкритий Уряд», яким вони відповідають: одне значення в рядку',
  primaryKey: 'uid',
  foreignKeys: [
    { column: 'planId', table: 'plans', references: 'uid' },
    { column: 'commitmentId', table: 'commitments', references: 'uid' },
  ],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатор запису: ідентифікатор зобов’язання, символ дефіс, літера S (галузева сфера) або V (цінність) і порядковий номер. Наприклад: 1417-2025-10-09-C1-S1',
      'string',
      true,
    ),
    planIdColumn,
    commitmentIdColumn,
    col(
      'kind',
      'Вид',
      'Вид значення може мати одне зі значень: sector (галузева сфера), ogpValue (цінність Ініціативи). Наприклад: sector',
      'string',
      true,
      { enum: TAG_KINDS },
    ),
    col(
      'value',
      'Значення',
      'Галузева сфера або цінність так, як вони записані в документі. Наприклад: Муніципальне управління',
      'string',
      true,
    ),
  ],
};

export const COMMITMENT_PARTIES: TableDef = {
  name: 'commitmentParties',
  file: 'commitmentParties',
  resource: 'commitment-parties',
  title: 'Виконавці та партнери зобов’язань',
  description: 'Головні виконавці та партнери зобов’язань: один учасник зобов’язання в рядку',
  primaryKey: 'uid',
  foreignKeys: [
    { column: 'planId', table: 'plans', references: 'uid' },
    { column: 'commitmentId', table: 'commitments', references: 'uid' },
    { column: 'partyId', table: 'parties', references: 'uid' },
  ],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатор запису: ідентифікатор зобов’язання, символ дефіс, літера E (виконавець) або P (партнер) і порядковий номер. Наприклад: 1417-2025-10-09-C1-E1',
      'string',
      true,
    ),
    planIdColumn,
    commitmentIdColumn,
    ...partyLinkColumns('commitment'),
  ],
};

export const MEASURES: TableDef = {
  name: 'measures',
  file: 'measures',
  resource: 'measures',
  title: 'Заходи зобов’язань',
  description: 'Заходи (кроки) виконання зобов’язань планів дій, строки їх реалізації та очікувані результати',
  primaryKey: 'uid',
  foreignKeys: [
    { column: 'planId', table: 'plans', references: 'uid' },
    { column: 'commitmentId', table: 'commitments', references: 'uid' },
  ],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатор заходу: ідентифікатор зобов’язання, крапка, літера M і порядковий номер заходу в зобов’язанні. Наприклад: 1417-2025-10-09-C1.M2',
      'string',
      true,
    ),
    planIdColumn,
    commitmentIdColumn,
    col(
      'number',
      'Номер у документі',
      'Номер заходу так, як він записаний у документі. Наприклад: 1.2. Якщо номер не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'title',
      'Назва заходу',
      'Зміст заходу. Наприклад: Створення та запуск інтерактивної «Мапи доступності»',
      'string',
      true,
    ),
    col(
      'startDate',
      'Початок строку',
      'Перший день строку реалізації заходу у форматі ISO 8601 (рррр-мм-дд). Якщо строк зазначено місяцем чи кварталом, вказується перший день цього періоду. Наприклад: 2026-03-01. Якщо строк не визначено, вказати: null',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'endDate',
      'Кінець строку',
      'Останній день строку реалізації заходу у форматі ISO 8601 (рррр-мм-дд). Якщо строк зазначено місяцем чи кварталом, вказується останній день цього періоду. Наприклад: 2027-09-30. Якщо строк не визначено, вказати: null',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'termText',
      'Строк, як зазначено в документі',
      'Строк реалізації заходу так, як він записаний у документі. Наприклад: березень 2026 – вересень 2027. Якщо строк не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'termPrecision',
      'Точність строку',
      'Точність, з якою зазначено строк, може мати одне зі значень: day (день), month (місяць), quarter (квартал), half-year (півріччя), year (рік), recurring (постійно, щороку тощо), unknown (не визначено). Наприклад: month',
      'string',
      true,
      { enum: TERM_PRECISIONS },
    ),
    col(
      'termStatus',
      'Стан виконання',
      'Слова про стан виконання, записані поряд зі строком. Наприклад: розпочато. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'termNote',
      'Примітка до строку',
      'Пояснення, як визначено дати, якщо їх не зазначено в документі дослівно. Наприклад: «постійно» — період дії плану. Якщо пояснення не потрібне, вказати: null',
      'string',
      false,
    ),
    col(
      'result',
      'Очікуваний результат',
      'Очікуваний результат або показник виконання заходу. Наприклад: Запуск інтерактивної Мапи доступності. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
  ],
};

export const MEASURE_PARTIES: TableDef = {
  name: 'measureParties',
  file: 'measureParties',
  resource: 'measure-parties',
  title: 'Виконавці та партнери заходів',
  description: 'Відповідальні виконавці та партнери заходів: один учасник заходу в рядку',
  primaryKey: 'uid',
  foreignKeys: [
    { column: 'planId', table: 'plans', references: 'uid' },
    { column: 'commitmentId', table: 'commitments', references: 'uid' },
    { column: 'measureId', table: 'measures', references: 'uid' },
    { column: 'partyId', table: 'parties', references: 'uid' },
  ],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікатор запису: ідентифікатор заходу, символ дефіс, літера E (виконавець) або P (партнер) і порядковий номер. Наприклад: 1417-2025-10-09-C1.M2-E1',
      'string',
      true,
    ),
    planIdColumn,
    commitmentIdColumn,
    col(
      'measureId',
      'Ідентифікатор заходу',
      'Ідентифікатор заходу з колонки uid таблиці measures. Наприклад: 1417-2025-10-09-C1.M2',
      'string',
      true,
    ),
    ...partyLinkColumns('measure'),
  ],
};

export const PARTIES: TableDef = {
  name: 'parties',
  file: 'parties',
  resource: 'parties',
  title: 'Виконавці та партнери',
  description:
    'Органи, підприємства, установи, організації та особи, що виконують заходи і зобов’язання планів дій або є їх партнерами: один учасник у рядку',
  primaryKey: 'uid',
  foreignKeys: [],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Стабільний ідентифікатор учасника, утворений транслітерацією його канонічного найменування. Наприклад: ku-ahentsiia-rozvytku-khmelnytskoho',
      'string',
      true,
      { pattern: SLUG_PATTERN },
    ),
    col(
      'name',
      'Найменування',
      'Найменування учасника (перше написання в документах набору). Наприклад: КУ «Агенція розвитку Хмельницького»',
      'string',
      true,
    ),
    col(
      'kind',
      'Вид учасника',
      'Вид учасника може мати одне зі значень: body (орган, підприємство, установа, організація), collective (група органів, наприклад «виконавчі органи міської ради»), person (особа), other (інше). Наприклад: body',
      'string',
      true,
      { enum: PARTY_KINDS },
    ),
    col(
      'edrpou',
      'Код ЄДРПОУ',
      'Код ЄДРПОУ учасника (8 цифр), якщо він відомий з довідника виконавців. Наприклад: 01234567. Якщо код невідомий, вказати: null',
      'string',
      false,
      { pattern: EDRPOU_PATTERN },
    ),
  ],
};

export const OGP_COMMITMENTS: TableDef = {
  name: 'ogpCommitments',
  file: 'ogp-commitments',
  resource: 'ogp-commitments',
  title: 'Зобов’язання у полях шаблону OGP Local',
  description:
    'Зобов’язання планів дій у полях шаблону зобов’язання OGP Local (Commitment template) для подання до Ініціативи «Партнерство «Відкритий Уряд» без повторного набору. Кілька значень у клітинці розділено знаками «; »',
  primaryKey: 'commitmentId',
  foreignKeys: [{ column: 'commitmentId', table: 'commitments', references: 'uid' }],
  columns: [
    col(
      'commitmentId',
      'Ідентифікатор зобов’язання',
      'Commitment ID: ідентифікатор зобов’язання з колонки uid таблиці commitments. Наприклад: 1417-2025-10-09-C1',
      'string',
      true,
    ),
    col(
      'title',
      'Назва зобов’язання',
      'Commitment title: назва зобов’язання. Наприклад: Розвиток безбар’єрного простору в громаді через інновації та відкритість',
      'string',
      true,
    ),
    col(
      'problem',
      'Проблема',
      'Problem: проблеми, які вирішує зобов’язання (колонка problem таблиці commitments). Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'statusQuo',
      'Поточний стан',
      'Status quo: опис поточного стану. Українські плани описують поточний стан у полі «Проблеми, які вирішує зобов’язання», тому значення збігається з колонкою problem. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'action',
      'Дії',
      'Action: що передбачає зобов’язання — довгострокова мета (якщо зазначена) і перелік заходів у порядку документа, розділених знаками «; ». Наприклад: Мета: Реалізація принципів безбар’єрності. Заходи: 1) Створення та запуск інтерактивної «Мапи доступності»; 2) Проведення інформаційної кампанії',
      'string',
      false,
    ),
    col(
      'startDate',
      'Початок',
      'Start date: найраніша дата початку заходів зобов’язання у форматі ISO 8601 (рррр-мм-дд). Наприклад: 2026-03-01. Якщо строки не визначено, вказати: null',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'endDate',
      'Завершення',
      'End date: найпізніша дата завершення заходів зобов’язання у форматі ISO 8601 (рррр-мм-дд). Наприклад: 2027-12-31. Якщо строки не визначено, вказати: null',
      'date',
      false,
      { pattern: DATE_PATTERN },
    ),
    col(
      'leadInstitution',
      'Головний виконавець',
      'Lead implementing institution: головні виконавці зобов’язання, а якщо їх не зазначено — відповідальні виконавці заходів (без повторів), розділені знаками «; ». Наприклад: КУ «Агенція розвитку Хмельницького». Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
    col(
      'supportingStakeholders',
      'Інші учасники',
      'Supporting stakeholders: партнери зобов’язання і заходів та виконавці заходів, що не є головними виконавцями (без повторів), розділені знаками «; ». Наприклад: ХМКП «Хмельницькінфоцентр»; управління економіки. Якщо таких немає, вказати: null',
      'string',
      false,
    ),
    col(
      'ogpValues',
      'Цінності OGP',
      'OGP values: цінності Ініціативи, яким відповідає зобов’язання, розділені знаками «; ». Наприклад: Участь та інклюзія громадськості; технології/інновації для участі громадськості. Якщо не зазначено, вказати: null',
      'string',
      false,
    ),
  ],
};

/** The annex-7 register table (перелік наборів даних), exactly as 835-rec describes it. */
export const REGISTER: TableDef = {
  name: 'register',
  file: 'register',
  resource: 'register',
  title: 'Перелік наборів даних',
  description: 'Рядок переліку наборів даних розпорядника (додаток 7 до рекомендацій щодо Постанови КМУ № 835)',
  primaryKey: 'uid',
  foreignKeys: [],
  columns: [
    col(
      'uid',
      'Ідентифікатор',
      'Ідентифікаційний номер набору даних. Наприклад: amk-dovidnyk. Якщо розпорядник не присвоїв ідентифікаторів перед завантаженням, їх можна скопіювати з паспортів наборів на Єдиному державному веб-порталі відкритих даних',
      'string',
      true,
    ),
    col(
      'title',
      'Назва',
      'Назва набору даних. Наприклад: Інформація про організаційну структуру Антимонопольного комітету України',
      'string',
      true,
      { maxLength: 254 },
    ),
    col(
      'description',
      'Опис',
      'Опис набору даних. Наприклад: Набір містить інформацію про організаційну структуру розпорядника відповідно до організаційно-розпорядчого документа “ Інформація про структуру (організаційну структуру) розпорядника інформації ”',
      'string',
      true,
      { maxLength: 4000 },
    ),
    col(
      'accrualPeriodicity',
      'Частота оновлення',
      'Частота оновлення може мати одне зі значень: Більш як один раз на день, Щодня, Щотижня, Щомісяця, Щокварталу, Кожного півріччя, Щороку. Наприклад: Щотижня',
      'string',
      true,
      { enum: ACCRUAL_PERIODICITIES },
    ),
    col(
      'keywords',
      'Ключові слова',
      'Ключові слова, що описують зміст даних в наборі. Слова необхідно відділити знаком кома. Наприклад: структура, посади, підрозділи, штат, підрозділ, організаційна структура',
      'string',
      true,
    ),
    col(
      'purpose',
      'Підстава та призначення збору інформації',
      'Перелік нормативно-правових актів, що визначають підставу та призначення збору інформації. Назви мають включати основні реквізити, що необхідні для пошуку документів',
      'string',
      true,
    ),
    col(
      'url',
      'Посилання на сторінку набору даних',
      'Посилання на сторінку набору на Єдиному державному веб-порталі відкритих даних. Посилання має починатися з https://. Наприклад:\u00A0https://data.gov.ua/dataset/amk-zvity',
      'anyURL',
      true,
    ),
    col(
      'distributionFormat',
      'Формати ресурсів',
      'Перелік форматів, у яких доступні ресурси набору. Назви форматів записуються великими латинськими літерами. У випадку кількох форматів відділити значення комами',
      'string',
      true,
    ),
    col(
      'publisherName',
      'Назва розпорядника',
      'Повна назва розпорядника набору даних. Наприклад: Міністерство охорони здоров’я України',
      'string',
      true,
    ),
    col(
      'publisherId',
      'Ідентифікатор розпорядника',
      'Якщо розпорядник є юридичною особою, вказати його код ЄДРПОУ. Наприклад: 01234567. У іншому випадку зазначити: null',
      'string',
      false,
      { pattern: EDRPOU_PATTERN },
    ),
    col(
      'contactPointName',
      'Відповідальна особа',
      'Прізвище, ім’я, по батькові відповідальної особи. Наприклад: Симоненко Олена Петрівна',
      'string',
      true,
    ),
    col(
      'contactPointEmail',
      'Email відповідальної особи',
      'Адреса електронної пошти відповідальної особи. Наприклад: contact@example.gov.ua',
      'string',
      true,
    ),
  ],
};

/** The relational tables of the dataset, in the order files and datapackage resources are listed. */
export const DATA_TABLES: readonly TableDef[] = [
  PLANS,
  COMMITMENTS,
  COMMITMENT_TAGS,
  COMMITMENT_PARTIES,
  MEASURES,
  MEASURE_PARTIES,
  PARTIES,
];

/** Every table the export writes (data tables, the OGP template table, the annex-7 register row). */
export const ALL_TABLES: readonly TableDef[] = [...DATA_TABLES, OGP_COMMITMENTS, REGISTER];

export function tableByName(name: string): TableDef {
  const table = ALL_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown table: ${name}`);
  return table;
}

/** A cell value of a table record (JSON form): text, integer, boolean or null for a missing value. */
export type CellValue = string | number | boolean | null;
export type TableRecord = Record<string, CellValue>;
