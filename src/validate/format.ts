/**
 * Report formatters: human text, JSON data, GitHub Actions workflow annotations.
 * All deterministic: they print the report's (already sorted) issues in order.
 */
import { Chalk } from 'chalk';
import type { ValidationIssue, ValidationReport } from './types.js';

export interface TextFormatOptions {
  /** ANSI colours (the CLI enables them only when stdout is a TTY). Default false. */
  color?: boolean;
}

function counts(report: ValidationReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of report.errors) i.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function position(i: ValidationIssue): string {
  let p = i.file;
  if (i.row !== null) p += `:${i.row}`;
  if (i.row !== null && i.fieldNumber !== null) p += `:${i.fieldNumber}`;
  return p;
}

export function formatText(report: ValidationReport, options: TextFormatOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const i of report.errors) {
    const sev = i.severity === 'error' ? c.red('error') : c.yellow('warning');
    const col = i.column !== null ? `${c.cyan(`[${i.column}]`)} ` : '';
    lines.push(`${c.bold(position(i))}  ${sev}  ${c.gray(i.code)}  ${col}${i.message}`);
  }
  for (const t of report.truncated)
    lines.push(`${c.bold(t.file)}  ${c.yellow('note')}  stopped collecting after ${plural(t.limit, 'issue')} (--max-errors ${t.limit})`);
  const { errors, warnings } = counts(report);
  const files = plural(report.files.length, 'file');
  if (report.valid) {
    lines.push(c.green(`✔ ${files} valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}`));
  } else {
    lines.push(c.red(`✖ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${files}`));
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: ValidationReport): string {
  const { errors, warnings } = counts(report);
  const data = {
    valid: report.valid,
    summary: { errors, warnings, files: report.files.length },
    files: report.files,
    truncated: report.truncated,
    errors: report.errors.map((i) => {
      const o: Record<string, unknown> = {
        code: i.code,
        severity: i.severity,
        file: i.file,
        row: i.row,
        column: i.column,
        fieldNumber: i.fieldNumber,
        message: i.message,
      };
      if (i.line !== undefined) o.line = i.line;
      return o;
    }),
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
  for (const i of report.errors) {
    const props = [`file=${escapeProperty(i.file)}`];
    const line = i.line ?? i.row;
    if (line !== null) props.push(`line=${line}`);
    if (line !== null && i.fieldNumber !== null) props.push(`col=${i.fieldNumber}`);
    props.push(`title=${escapeProperty(i.code)}`);
    const col = i.column !== null ? `[${i.column}] ` : '';
    lines.push(`::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(col + i.message)}`);
  }
  for (const t of report.truncated)
    lines.push(`::notice file=${escapeProperty(t.file)},title=max-errors::${escapeData(`stopped collecting after ${t.limit} issues (--max-errors ${t.limit})`)}`);
  const { errors, warnings } = counts(report);
  lines.push(
    report.valid
      ? `ogp-extract validate: ${plural(report.files.length, 'file')} valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}`
      : `ogp-extract validate: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(report.files.length, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}
