/** Fixed vocabularies of the national open-data rules (Постанова КМУ № 835, 835-rec). */

/** Update frequency of a dataset (паспорт набору даних, annex-7 `accrualPeriodicity`). */
export const ACCRUAL_PERIODICITIES = [
  'Більш як один раз на день',
  'Щодня',
  'Щотижня',
  'Щомісяця',
  'Щокварталу',
  'Кожного півріччя',
  'Щороку',
] as const;

export type AccrualPeriodicity = (typeof ACCRUAL_PERIODICITIES)[number];
