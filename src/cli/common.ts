/** What every command shares: exit codes, error and warning output. */
import chalk from 'chalk';
import type { Warning } from '../model/schema.js';
import { errorMessage, t, warningMessage } from '../i18n/index.js';
import { InputError, SchemaError } from '../io/errors.js';

export const EXIT_OK = 0;
/** An input failed or data is invalid. */
export const EXIT_FAILED = 1;
/** Wrong usage. */
export const EXIT_USAGE = 2;

/** Raised by commands for wrong usage (exit 2). */
export class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal (live progress line); absent: plain lines. */
  isTTY?: boolean;
  /** --debug: show stack traces of internal errors. */
  debug?: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
};

/** One line: `ogp-extract: <file>: <cause>`. */
export function reportError(io: Io, file: string | null, message: string): void {
  const text = file && !message.includes(file) ? `${file}: ${message}` : message;
  io.stderr(`${chalk.red(t('prefix.error'))} ${errorMessage(text)}\n`);
}

export function formatLocation(file: string, warning: Warning): string {
  const l = warning.location;
  if (!l) return file;
  const parts = [file];
  if (l.page) parts.push(t('place.page', { n: l.page }));
  if (l.line) parts.push(t('place.line', { n: l.line }));
  if (l.table) parts.push(t('place.table', { n: l.table }));
  if (l.row) parts.push(t('place.row', { n: l.row }));
  return parts.join(', ');
}

export function reportWarnings(io: Io, file: string, warnings: Warning[]): void {
  for (const w of warnings) {
    io.stderr(`${chalk.yellow(t('prefix.warning'))} ${formatLocation(file, w)}: ${warningMessage(w.code, w.message)} [${w.code}]\n`);
  }
}

/** Report why one input of a batch failed: one line naming the file and the cause. */
export function reportInputFailure(io: Io, input: string, error: unknown): void {
  if (error instanceof SchemaError) reportError(io, null, t('cli.internalError', { message: error.message }));
  else if (error instanceof InputError) reportError(io, error.file, error.message);
  else reportError(io, input, (error as Error).message.split('\n')[0] ?? 'unknown error');
}
