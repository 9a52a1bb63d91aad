/** Ukrainian interface text and formatting of dates and places for the report. */
import type { Term } from '../model/schema.js';
import { CATALOGUES, type MessageKey } from '../i18n/index.js';
import type { Place, Severity } from './messages.js';

export const MONTHS = [
  'січень', 'лютий', 'березень', 'квітень', 'травень', 'червень',
  'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень',
];
export const MONTHS_SHORT = ['січ', 'лют', 'бер', 'кві', 'тра', 'чер', 'лип', 'сер', 'вер', 'жов', 'лис', 'гру'];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Помилка',
  warning: 'Попередження',
  info: 'Довідка',
};
export const SEVERITY_GROUP: Record<Severity, string> = {
  error: 'Помилки',
  warning: 'Попередження',
  info: 'Довідкові примітки',
};

/** What a message code means, for an officer. Unknown codes show the code itself. */
export const CODE_TITLE: Record<string, string> = {
  'term-unparsed': 'Термін не розпізнано',
  'term-reversed': 'Кінець терміну раніше за початок',
  'term-recurring': 'Періодичний термін',
  'row-unmapped': 'Рядок таблиці не віднесено до заходу',
  'row-incomplete': 'Неповний рядок таблиці',
  'column-unknown': 'Невідомий стовпець таблиці',
  'table-skipped': 'Таблицю не прочитано як план',
  'commitment-implicit': 'Заходи без заголовка зобов’язання',
  'commitment-repeated': 'Зобов’язання повторюється',
  'layout-lost': 'Втрачено табличну розмітку',
  'plan-period-derived': 'Період плану взято зі строків заходів',
  'plan-period-missing': 'Період плану не визначено',
  'plan-no-title': 'План без власної назви',
  'decision-no-authority': 'Не знайдено органу, що ухвалив рішення',
  'decision-no-type': 'Не знайдено виду акта',
  'decision-no-number': 'Не знайдено номера рішення',
  'decision-no-date': 'Не знайдено дати рішення',
  'decision-no-title': 'Не знайдено назви рішення',
  'commitment-no-number': 'Зобов’язання без номера',
  'commitment-no-problem': 'Не вказано проблеми зобов’язання',
  'commitment-no-goal': 'Не вказано мети зобов’язання',
  'commitment-no-sectors': 'Не вказано галузевої сфери',
  'commitment-no-values': 'Не вказано цінностей OGP',
  'commitment-no-lead-executors': 'Не вказано головних виконавців',
  'commitment-no-partners': 'Не вказано партнерів',
  'commitment-no-result': 'Не вказано очікуваного результату зобов’язання',
  'commitment-no-measures': 'Зобов’язання без заходів',
  'measure-no-executors': 'Не вказано виконавців заходу',
  'measure-no-term': 'Не вказано строку заходу',
  'measure-no-result': 'Не вказано результату заходу',
  'scanned-page': 'Сторінка без текстового шару (скан)',
  'encoding-error': 'Помилка кодування тексту',
  'bom': 'Позначка порядку байтів (BOM)',
  'party-suspicious': 'Підозрілий виконавець',
  'field-missing': 'Поле не знайдено',
  'docx-textbox-ignored': 'Текстове поле не прочитано',
  'docx-notes-ignored': 'Виноски не прочитано',
  'docx-altchunk-ignored': 'Вкладений документ не прочитано',
  'docx-numbering-format': 'Нумерацію списку відтворено наближено',
  'docx-vmerge-orphan': 'Об’єднана клітинка без початку',
};

export const COLUMN_LABEL: Record<string, string> = {
  number: 'номер',
  measure: 'захід',
  executors: 'виконавці',
  partners: 'партнери',
  term: 'термін',
  result: 'очікуваний результат',
};

/** 2026-03-15 → 15.03.2026 */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The dates a term was resolved to, in the words of its precision. */
export function formatTermDates(term: Term): string {
  if (!term.start && !term.end) return 'дати не визначено';
  if (term.start === term.end) return formatDate(term.start);
  return `${formatDate(term.start)} – ${formatDate(term.end)}`;
}

export function formatPeriod(period: { start: string | null; end: string | null }): string {
  if (!period.start && !period.end) return 'не зазначено';
  return `${formatDate(period.start)} – ${formatDate(period.end)}`;
}

export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.page !== undefined) parts.push(`сторінка ${place.page}`);
  if (place.table !== undefined) parts.push(`таблиця ${place.table}`);
  if (place.row !== undefined) parts.push(`рядок ${place.row}`);
  if (place.column !== undefined) parts.push(`стовпець «${COLUMN_LABEL[place.column] ?? place.column}»`);
  if (place.line !== undefined) {
    parts.push(place.endLine !== undefined && place.endLine !== place.line ? `рядки тексту ${place.line}–${place.endLine}` : `рядок тексту ${place.line}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'місце в документі не визначено';
}

/** Ukrainian plural: 1 захід, 2 заходи, 5 заходів. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  return `${n} ${word}`;
}

/** What a message code means, in Ukrainian (the CLI's catalogue), or null for a code it does not explain. */
export function codeExplanation(code: string): string | null {
  const key = `code.${code}` as MessageKey;
  return key in CATALOGUES.uk ? CATALOGUES.uk[key] : null;
}
