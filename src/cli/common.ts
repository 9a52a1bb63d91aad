/** What every command shares: exit codes, error and warning output. */
import chalk from 'chalk';
import { errorMessage, errorText, getLang, messageReason, t } from '../i18n/index.js';
import type { Message, MessageText, Place, Severity } from '../model/message.js';
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

/** One line: `error: <file>: <cause>`. */
export function reportError(io: Io, file: string | null, message: string, keyed?: MessageText): void {
  io.stderr(`${errorLine(file, message, keyed)}\n`);
}

/** The error line `error: <file>: <cause>` in the interface language (the file is not repeated when the cause names it). */
export function errorLine(file: string | null, message: string, keyed?: MessageText): string {
  const prefix = file && !message.includes(file) ? `${file}: ` : '';
  const line = keyed ? `${prefix}${errorMessage(message, getLang(), keyed)}` : errorMessage(`${prefix}${message}`);
  return `${chalk.red(t('prefix.error'))} ${line}`;
}

const COLOR: Record<Severity, (text: string) => string> = {
  error: (text) => chalk.red(text),
  warning: (text) => chalk.yellow(text),
  info: (text) => chalk.cyan(text),
};

/** A place as people read it: `file, page 2, line 5, table 1, row 3` (in the interface language). */
export function formatPlace(place: Place, file: string | undefined = place.file): string {
  const parts: string[] = [];
  if (file) parts.push(file);
  if (place.page) parts.push(t('place.page', { n: place.page }));
  if (place.line) parts.push(t('place.line', { n: place.line }));
  if (place.table) parts.push(t('place.table', { n: place.table }));
  if (place.row) parts.push(t('place.row', { n: place.row }));
  return parts.join(', ');
}

/** One line: `<severity>: <file, page, line, table, row>: <reason> [<code>]`; `file` is the input as given. */
export function formatMessage(message: Message, file: string | undefined = message.place.file): string {
  const place = formatPlace(message.place, file);
  const other = message.related ? formatPlace(message.related, '') : '';
  const related = other ? ` (${t('place.related', { place: other })})` : '';
  const prefix = COLOR[message.severity](t(`prefix.${message.severity}`));
  return `${prefix} ${place ? `${place}: ` : ''}${messageReason(message)}${related} [${message.code}]`;
}

export interface ReportOptions {
  /** Print only errors. */
  quiet?: boolean | undefined;
  /** Also print the original exception (stack) a message keeps as its cause (default: `io.debug`, set by --debug). */
  debug?: boolean | undefined;
}

/** Print messages to stderr, one line each; `--quiet` keeps only errors, `--debug` adds causes. */
export function reportMessages(io: Io, file: string, messages: readonly Message[], options: ReportOptions = {}): void {
  for (const m of messages) {
    if (options.quiet && m.severity !== 'error') continue;
    io.stderr(`${formatMessage(m, file)}\n`);
    if ((options.debug ?? io.debug) && m.cause !== undefined) io.stderr(`${describeCause(m.cause)}\n`);
  }
}

/** The original exception, in full, for --debug. */
export function describeCause(cause: unknown): string {
  const text = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
  return `  cause: ${text.replace(/\n/g, '\n  ')}`;
}

/** Report why one input of a batch failed: one line naming the file and the cause. */
export function reportInputFailure(io: Io, input: string, error: unknown, options: ReportOptions = {}): void {
  if (error instanceof SchemaError) reportError(io, null, t('cli.internalError', { message: error.message }));
  else if (error instanceof InputError) reportError(io, error.file, error.message);
  else reportError(io, input, (error as Error).message.split('\n')[0] ?? 'unknown error', errorText(error));
  if (options.debug ?? io.debug) {
    const cause = error instanceof InputError ? error.cause : error;
    if (cause !== undefined) io.stderr(`${describeCause(cause)}\n`);
  }
}
