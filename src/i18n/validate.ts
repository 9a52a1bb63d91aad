/**
 * The `validate` text report in the current language. English is the library's formatText unchanged;
 * Ukrainian translates the frame (severity, summary, counts) and explains each issue code before the
 * library's details. Codes, positions and the JSON / GitHub outputs are the same in both languages.
 */
import { Chalk } from 'chalk';
import { formatText } from '../validate/format.js';
import { EXCEL_MESSAGE_START, EXCEL_TRAITS } from '../validate/excel-csv.js';
import type { ValidationIssue, ValidationReport } from '../validate/types.js';
import { count, getLang, hasKey, t, type Lang } from './index.js';

function position(i: ValidationIssue): string {
  let p = i.file;
  if (i.row !== null) p += `:${i.row}`;
  if (i.row !== null && i.fieldNumber !== null) p += `:${i.fieldNumber}`;
  return p;
}

/** A message this module can say fully in the language, or null. */
function translated(i: ValidationIssue, lang: Lang): string | null {
  if (i.code === 'source-error' && i.message.startsWith(EXCEL_MESSAGE_START)) {
    const found = (Object.keys(EXCEL_TRAITS) as (keyof typeof EXCEL_TRAITS)[]).filter((k) => i.message.includes(EXCEL_TRAITS[k]));
    return t('validate.excelCsv', { traits: found.map((k) => t(`validate.excel.${k}`, {}, lang)).join(', ') }, lang);
  }
  return null;
}

export function formatTextIn(report: ValidationReport, options: { color?: boolean } = {}, lang: Lang = getLang()): string {
  if (lang === 'en') return formatText(report, options);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const i of report.errors) {
    if (i.severity === 'error') errors++;
    else warnings++;
    const sev = i.severity === 'error' ? c.red(t('validate.error', {}, lang)) : c.yellow(t('validate.warning', {}, lang));
    const col = i.column !== null ? `${c.cyan(`[${i.column}]`)} ` : '';
    const key = `issue.${i.code}`;
    const explained =
      translated(i, lang) ?? (hasKey(key) ? `${t(key, {}, lang)} (${t('validate.details', {}, lang)}: ${i.message})` : i.message);
    lines.push(`${c.bold(position(i))}  ${sev}  ${c.gray(i.code)}  ${col}${explained}`);
  }
  for (const x of report.truncated) {
    lines.push(
      `${c.bold(x.file)}  ${c.yellow(t('validate.note', {}, lang))}  ${t('validate.truncated', { issues: count(x.limit, 'noun.issue', lang), limit: x.limit }, lang)}`,
    );
  }
  const params = {
    files: count(report.files.length, 'noun.file', lang),
    filesIn: count(report.files.length, 'noun.fileIn', lang),
    errors: count(errors, 'noun.error', lang),
    warnings: count(warnings, 'noun.warning', lang),
  };
  if (report.valid) lines.push(c.green(t(warnings ? 'validate.validWithWarnings' : 'validate.valid', params, lang)));
  else lines.push(c.red(t(warnings ? 'validate.invalidWithWarnings' : 'validate.invalid', params, lang)));
  return `${lines.join('\n')}\n`;
}
