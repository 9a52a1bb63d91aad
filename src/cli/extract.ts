/** `ogp-extract extract <inputs...>`: documents (files, folders, patterns) → plan JSON, in a worker pool. */
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import chalk from 'chalk';
import { Option, type Command } from 'commander';
import type { OcrMode } from '../readers/ocr/index.js';
import { OutputError } from '../io/atomic.js';
import {
  addBatchOptions,
  BatchProgress,
  parseBatchOptions,
  summarise,
  summaryJson,
  summaryLines,
  type BatchCliOptions,
  type FileReport,
} from './batch.js';
import { EXIT_FAILED, EXIT_OK, reportError, reportMessages, UsageError, type Io } from './common.js';
import { hasErrors, type MessageText } from '../model/message.js';
import { errorMessage, errorText, getLang, t } from '../i18n/index.js';
import { batchMessages as M } from './messages.js';

export interface ExtractCliOptions extends BatchCliOptions {
  output?: string;
  outDir?: string;
  pretty?: boolean;
  executors?: string;
  ocr?: OcrMode;
}

export async function runExtract(inputs: string[], options: ExtractCliOptions, io: Io): Promise<number> {
  if (options.output && options.outDir) throw new UsageError('use either -o FILE or --out-dir DIR, not both');
  if (options.incremental && !options.outDir) throw new UsageError(M.incrementalNeedsOutDir);
  // Everything heavy is loaded only now, so `--help` and `--version` stay fast.
  const [{ expandInputs, parseShard, shard }, { runPool, defaultJobs, DEFAULT_TIMEOUT_MS }, state, atomic] = await Promise.all([
    import('../batch/inputs.js'),
    import('../batch/pool.js'),
    import('../batch/state.js'),
    import('../io/atomic.js'),
  ]);
  const settings = parseBatchOptions(options, parseShard);
  const expanded = await expandInputs(inputs);
  let files = expanded.files;
  if (settings.shard) files = shard(files, settings.shard.k, settings.shard.n);
  if ((files.length > 1 || expanded.expanded) && !options.outDir) throw new UsageError(M.needOutDir);

  if (options.outDir) {
    // plan.pdf and plan.docx in one folder: both keep their extension (plan.pdf.json, plan.docx.json).
    const byStem = new Map<string, number>();
    for (const file of files) byStem.set(file.stem, (byStem.get(file.stem) ?? 0) + 1);
    files = files.map((file) => (byStem.get(file.stem)! > 1 ? { ...file, stem: `${file.stem}${extname(file.path)}` } : file));
    const outputs = new Map<string, string>();
    for (const file of files) {
      const name = `${file.stem}.json`;
      const other = outputs.get(name);
      if (other !== undefined) throw new UsageError(M.sameOutput(file.path, other, name));
      outputs.set(name, file.path);
    }
  }
  if (options.output) {
    const info = await stat(options.output).catch(() => null);
    if (info?.isDirectory()) {
      reportError(io, null, new OutputError(options.output, M.outputIsFolder).message);
      return EXIT_FAILED;
    }
  }

  const reports: FileReport[] = [];
  const written: string[] = [];
  for (const missing of expanded.missing) {
    reportError(io, missing, M.noMatch);
    reports.push(failedReport(missing, M.noMatch));
  }
  if (files.length === 0 && expanded.missing.length === 0) reportError(io, null, M.noFiles);

  const jobs = settings.jobs ?? defaultJobs();
  const progress = new BatchProgress(io, files.length, options.quiet === true);
  const stateSettings = JSON.stringify({ v: await toolVersion(), pretty: options.pretty === true, executors: options.executors ? await state.inputKey(options.executors, '') : null });
  const previous = options.outDir && options.incremental ? await state.loadState(options.outDir, 'extract') : null;
  const next = previous ? { ...previous, entries: { ...previous.entries } } : null;

  // Unchanged inputs (--incremental) are not sent to the pool.
  const todo: { index: number; file: (typeof files)[number]; key: string | null }[] = [];
  const fileReports: (FileReport | undefined)[] = new Array(files.length);
  for (const [index, file] of files.entries()) {
    const key = next ? await state.inputKey(file.path, stateSettings) : null;
    const entry = next?.entries[file.path];
    if (next && key && entry?.key === key && (await state.outputIntact(options.outDir!, entry))) {
      fileReports[index] = { ...zeroReport(file.path, 'unchanged', join(options.outDir!, entry.output!)), ...(entry.counts ?? {}) };
      progress.tick();
      continue;
    }
    todo.push({ index, file, key });
  }

  const flush = (): void => {
    // Reports go out in input order; unchanged ones as soon as everything before them is out.
    while (reports.length - expanded.missing.length < files.length && fileReports[reports.length - expanded.missing.length]) {
      const i = reports.length - expanded.missing.length;
      const report = fileReports[i]!;
      reports.push(report);
      progress.file(i, report);
    }
  };
  flush();

  await runPool(
    todo.map(({ file }) => ({
      file: file.path,
      executors: options.executors ?? null,
      ...(options.ocr ? { ocr: options.ocr } : {}),
      planJson: false,
      layoutLost: 'keep' as const,
      serialise: { pretty: options.pretty === true },
      download: { timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    })),
    { jobs, timeoutMs: settings.timeoutMs, maxMemoryMb: settings.maxMemoryMb },
    async (n, result) => {
      const { index, file, key } = todo[n]!;
      if (!result.ok) {
        progress.line(errorLine(result.file, result.reason, io.debug ? result.stack : undefined));
        fileReports[index] = failedReport(file.path, result.reason);
        flush();
        return;
      }
      const plan = result.input.plans[0]!;
      reportMessages({ ...io, stderr: (t) => progress.line(t.replace(/\n$/, '')) }, file.path, plan.messages, { quiet: options.quiet, debug: io.debug });
      let output: string | null = null;
      try {
        if (options.outDir) output = join(options.outDir, `${file.stem}.json`);
        else if (options.output) output = resolve(options.output);
        if (output) {
          await atomic.writeFileAtomic(output, result.json!);
          written.push(output);
        } else io.stdout(result.json!);
      } catch (error) {
        const reason = error instanceof OutputError ? error.reason : String(error);
        const shown = options.output && output ? options.output : output;
        const failure = new OutputError(shown ?? '', reason, { reasonText: error instanceof OutputError ? error.reasonText : undefined });
        progress.line(errorLine(null, failure.message, io.debug ? (error as Error).stack : undefined, failure.text));
        fileReports[index] = failedReport(file.path, `cannot write ${shown}: ${reason}`);
        flush();
        return;
      }
      if (result.input.layoutLost || hasErrors(plan.messages)) {
        // The plan is written (with its layout-lost error message) but the run fails: it has no commitments.
        fileReports[index] = { ...counted(file.path, 'failed', output, result.counts), reason: 'the plan table layout was lost' };
      } else {
        fileReports[index] = counted(file.path, result.counts.warnings > 0 ? 'warnings' : 'converted', output, result.counts);
      }
      if (next && key && options.outDir && output) {
        next.entries[file.path] = {
          key,
          output: `${file.stem}.json`,
          outputSha256: state.sha256(result.json!),
          counts: { ...result.counts },
        };
      }
      flush();
    },
    () => progress.tick(),
  );
  flush();
  progress.end();

  const summary = summarise('extract', reports, expanded.skipped, written);
  let code = summary.counts.failed > 0 ? EXIT_FAILED : EXIT_OK;
  if (next && options.outDir) {
    try {
      await state.saveState(options.outDir, next);
    } catch (error) {
      reportError(io, null, (error as Error).message, errorText(error));
      code = EXIT_FAILED;
    }
  }
  if (reports.length > 1 || expanded.expanded) {
    for (const line of summaryLines(summary, options.outDir ?? null, progress.elapsedSeconds(), Math.min(jobs, Math.max(1, todo.length)))) io.stderr(`${line}\n`);
  }
  if (options.summary) {
    try {
      await atomic.writeFileAtomic(resolve(options.summary), summaryJson(summary));
    } catch (error) {
      const failure = error instanceof OutputError ? new OutputError(options.summary, error.reason, { reasonText: error.reasonText }) : null;
      reportError(io, null, failure ? failure.message : String(error), failure?.text);
      code = EXIT_FAILED;
    }
  }
  return code;
}

function errorLine(file: string | null, message: string, stack?: string, keyed?: MessageText): string {
  const prefix = file && !message.includes(file) ? `${file}: ` : '';
  const line = keyed ? `${prefix}${errorMessage(message, getLang(), keyed)}` : errorMessage(`${prefix}${message}`);
  return `${chalk.red(t('prefix.error'))} ${line}${stack ? `\n${stack}` : ''}`;
}

function zeroReport(input: string, status: FileReport['status'], output: string | null): FileReport {
  return { input, status, output, reason: null, plans: 0, commitments: 0, measures: 0, parties: 0, warnings: 0 };
}

function failedReport(input: string, reason: string): FileReport {
  return { ...zeroReport(input, 'failed', null), reason };
}

function counted(input: string, status: FileReport['status'], output: string | null, counts: Omit<FileReport, 'input' | 'status' | 'output' | 'reason'>): FileReport {
  return { ...zeroReport(input, status, output), ...counts };
}

async function toolVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function registerExtract(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('extract')
    .description(t('extract.description'))
    .argument('<inputs...>', t('extract.inputs'))
    .option('-o, --output <file>', t('extract.output'))
    .option('--out-dir <dir>', t('extract.outDir'))
    .option('--pretty', t('extract.pretty'))
    .option('--executors <file>', t('extract.executors'))
    .addOption(new Option('--ocr <mode>', t('extract.ocr')).choices(['auto', 'on', 'off']).default('auto'))
    .option('-q, --quiet', t('extract.quiet'));
  addBatchOptions(command).action(async (inputs: string[], options: ExtractCliOptions) => {
    setExit(await runExtract(inputs, options, io));
  });
}
