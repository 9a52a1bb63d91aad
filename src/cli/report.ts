/** `ogp-extract report <inputs...> -o report.html`: documents, plan JSON or dataset folders → one review page. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../io/atomic.js';
import type { PartyRegistry } from '../normalize/parties.js';
import { createRegistry, InputError } from '../pipeline.js';
import { buildReport, loadReportInput, type ReportEntry, type ReportFailure } from '../report/index.js';
import { t } from '../i18n/index.js';
import { hasErrors } from '../model/message.js';
import { EXIT_FAILED, EXIT_OK, reportError, reportInputFailure, reportMessages, UsageError, type Io } from './common.js';

export interface ReportCliOptions {
  output?: string;
  today?: string;
  executors?: string;
  quiet?: boolean;
}

function checkToday(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(t('report.todayInvalid', { value: JSON.stringify(value) }));
  return value;
}

export async function runReport(inputs: string[], options: ReportCliOptions, io: Io): Promise<number> {
  const today = checkToday(options.today);
  let registry: PartyRegistry;
  try {
    registry = await createRegistry(options.executors);
  } catch (error) {
    reportError(io, options.executors ?? null, (error as Error).message);
    return EXIT_FAILED;
  }
  const entries: ReportEntry[] = [];
  const failures: ReportFailure[] = [];
  for (const input of inputs) {
    try {
      for (const loaded of await loadReportInput(input, { registry })) {
        if (loaded.origin === 'document') reportMessages(io, input, loaded.plan.messages, { quiet: options.quiet, debug: io.debug });
        entries.push(loaded);
      }
    } catch (error) {
      reportInputFailure(io, input, error);
      const message = (error as Error).message.split('\n')[0] ?? 'unknown error';
      failures.push({ input: error instanceof InputError ? error.file : input, message });
    }
  }
  const html = buildReport(entries, { today, failures });
  if (options.output) await writeFileAtomic(resolve(options.output), html);
  else io.stdout(html);
  if (options.output) {
    io.stderr(`${t('report.wrote', { file: options.output, plans: entries.length, failed: failures.length })}\n`);
  }
  // As for extract: an error-severity message (e.g. a lost table layout) fails the run; the report is still written.
  return failures.length > 0 || entries.some((e) => hasErrors(e.plan.messages)) ? EXIT_FAILED : EXIT_OK;
}

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('report')
    .description(t('report.description'))
    .argument('<inputs...>', t('report.inputs'))
    .option('-o, --output <file>', t('report.output'))
    .option('--today <date>', t('report.today'))
    .option('--executors <file>', t('report.executors'))
    .option('-q, --quiet', t('report.quiet'))
    .action(async (inputs: string[], options: ReportCliOptions) => {
      setExit(await runReport(inputs, options, io));
    });
}
