/**
 * Report formatters: human text, JSON data, GitHub Actions workflow annotations.
 * All deterministic: they print the report's (already sorted) messages in order.
 */
import { Chalk } from 'chalk';
import type { ValidationMessage, ValidationReport } from './types.js';

/** The words of the text report around the messages; English by default (src/i18n/validate.ts gives Ukrainian). */
export interface TextWords {
  error: string;
  warning: string;
  note: string;
  /** The reason of a message in the report's language. */
  reason(message: ValidationMessage): string;
  truncated(file: string, limit: number): string;
  summary(counts: { files: number; errors: number; warnings: number }, valid: boolean): string;
}

export interface TextFormatOptions {
  /** ANSI colours (the CLI enables them only when stdout is a TTY). Default false. */
  color?: boolean;
  /** The words in another language (default English). */
  words?: TextWords;
}

export function counts(report: ValidationReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of report.messages) i.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** English summary line (also the GitHub output's last line). */
function summaryEn({ files, errors, warnings }: { files: number; errors: number; warnings: number }, valid: boolean): string {
  return valid
    ? `${plural(files, 'file')} valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}`
    : `${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(files, 'file')}`;
}

export const ENGLISH_WORDS: TextWords = {
  error: 'error',
  warning: 'warning',
  note: 'note',
  reason: (m) => m.reason,
  truncated: (_file, limit) => `stopped collecting after ${plural(limit, 'issue')} (--max-errors ${limit})`,
  summary: (c, valid) => `${valid ? '✔' : '✖'} ${summaryEn(c, valid)}`,
};

/** `file:row:fieldNumber` (what is known). */
export function position(m: ValidationMessage): string {
  const { file, row, fieldNumber } = m.place;
  let p = file;
  if (row !== undefined) p += `:${row}`;
  if (row !== undefined && fieldNumber !== undefined) p += `:${fieldNumber}`;
  return p;
}

export function formatText(report: ValidationReport, options: TextFormatOptions = {}): string {
  const words = options.words ?? ENGLISH_WORDS;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const m of report.messages) {
    const sev = m.severity === 'error' ? c.red(words.error) : c.yellow(words.warning);
    const col = m.place.column !== undefined ? `${c.cyan(`[${m.place.column}]`)} ` : '';
    lines.push(`${c.bold(position(m))}  ${sev}  ${c.gray(m.code)}  ${col}${words.reason(m)}`);
  }
  for (const t of report.truncated) lines.push(`${c.bold(t.file)}  ${c.yellow(words.note)}  ${words.truncated(t.file, t.limit)}`);
  const summary = words.summary({ files: report.files.length, ...counts(report) }, report.valid);
  lines.push(report.valid ? c.green(summary) : c.red(summary));
  return `${lines.join('\n')}\n`;
}

/**
 * One message as a row of the JSON report. The JSON report keeps its published shape (`errors` of flat rows with
 * `message`, null for what is not known) because CI scripts read it; the library's `messages` are the Message model.
 */
export function jsonRow(m: ValidationMessage): Record<string, unknown> {
  const o: Record<string, unknown> = {
    code: m.code,
    severity: m.severity,
    file: m.place.file,
    row: m.place.row ?? null,
    column: m.place.column ?? null,
    fieldNumber: m.place.fieldNumber ?? null,
    message: m.reason,
  };
  if (m.place.line !== undefined) o.line = m.place.line;
  return o;
}

export function formatJson(report: ValidationReport): string {
  const { errors, warnings } = counts(report);
  const data = {
    valid: report.valid,
    summary: { errors, warnings, files: report.files.length },
    files: report.files,
    truncated: report.truncated,
    errors: report.messages.map(jsonRow),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Escaping of workflow command data and properties (as @actions/core does). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: ValidationReport): string {
  const lines: string[] = [];
  for (const m of report.messages) {
    const props = [`file=${escapeProperty(m.place.file)}`];
    const line = m.place.line ?? m.place.row;
    if (line !== undefined) props.push(`line=${line}`);
    if (line !== undefined && m.place.fieldNumber !== undefined) props.push(`col=${m.place.fieldNumber}`);
    props.push(`title=${escapeProperty(m.code)}`);
    const col = m.place.column !== undefined ? `[${m.place.column}] ` : '';
    lines.push(`::${m.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(col + m.reason)}`);
  }
  for (const t of report.truncated)
    lines.push(`::notice file=${escapeProperty(t.file)},title=max-errors::${escapeData(`stopped collecting after ${t.limit} issues (--max-errors ${t.limit})`)}`);
  lines.push(`ogp-extract validate: ${summaryEn({ files: report.files.length, ...counts(report) }, report.valid)}`);
  return `${lines.join('\n')}\n`;
}
