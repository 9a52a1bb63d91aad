/** `ogp-extract validate <dir|datapackage.json|files...>`: dataset checks for CI pipelines. */
import { Option, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { formatTextIn, validateReason } from '../i18n/validate.js';
import { formatGithub, formatJson, validatePaths, ValidateUsageError } from '../validate/index.js';
import { EXIT_FAILED, EXIT_OK, processIo, UsageError, type Io } from './common.js';

export interface ValidateCliOptions {
  schema?: string;
  format?: string;
  maxErrors?: string;
}

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

function parseMaxErrors(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--max-errors must be a positive integer: ${JSON.stringify(value)}`);
  return Number(value);
}

/** A library usage error in the words of the command line: its flag, and the reason in the current language. */
function usageText(error: ValidateUsageError, options: ValidateCliOptions): string {
  if (error.option === 'schema' && error.finding) return `--schema ${options.schema}: ${validateReason(error.finding)}`;
  if (error.option === 'schema') return `--schema ${options.schema}: ${error.message.replace(/^schema \S+: /, '')}`;
  if (error.option === 'maxErrors') return `--max-errors ${error.message.replace(/^maxErrors /, '')}`;
  return error.message;
}

/** Runs the command; resolves to the exit code (0 valid, 1 invalid). Usage problems throw UsageError (exit 2). */
export async function runValidate(
  inputs: string[],
  options: ValidateCliOptions,
  io: Io,
  color: boolean = process.stdout.isTTY === true && !process.env.NO_COLOR,
): Promise<number> {
  const format = (options.format ?? 'text').toLowerCase();
  if (!(VALIDATE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: unknown format ${JSON.stringify(options.format)} (use ${VALIDATE_FORMATS.join(', ')})`);
  const maxErrors = parseMaxErrors(options.maxErrors);
  if (inputs.length === 0) throw new UsageError('no inputs: give a folder, a datapackage.json or data files');
  let report;
  try {
    const opts: { schema?: string; maxErrors?: number } = {};
    if (options.schema !== undefined) opts.schema = options.schema;
    if (maxErrors !== undefined) opts.maxErrors = maxErrors;
    report = await validatePaths(inputs, opts);
  } catch (error) {
    if (error instanceof ValidateUsageError) throw new UsageError(usageText(error, options));
    throw error;
  }
  io.stdout(format === 'json' ? formatJson(report) : format === 'github' ? formatGithub(report) : formatTextIn(report, { color }));
  return report.valid ? EXIT_OK : EXIT_FAILED;
}

export function registerValidate(
  program: Command,
  io: Io = processIo,
  setExit: (code: number) => void = (code) => {
    process.exitCode = code;
  },
): void {
  program
    .command('validate')
    .description(t('validate.description'))
    .argument('<inputs...>', t('validate.inputs'))
    .option('--schema <file>', t('validate.schema'))
    .addOption(new Option('--format <format>', t('validate.format')).default('text'))
    .option('--max-errors <n>', t('validate.maxErrors'))
    .action(async (inputs: string[], options: ValidateCliOptions) => {
      setExit(await runValidate(inputs, options, io));
    });
}
