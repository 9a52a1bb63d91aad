/** `ogp-extract extract <inputs...>`: documents (files, folders, patterns) → plan JSON, in a worker pool. */
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { OcrMode } from '../readers/ocr/index.js';
import { OutputError } from '../io/atomic.js';
import {
  addBatchOptions,
  BatchProgress,
  endBatch,
  failedReport,
  fileReport,
  parseBatchOptions,
  summarise,
  type BatchCliOptions,
  type FileReport,
} from './batch.js';
import type { TaskResult } from '../batch/task.js';
import { errorLine, EXIT_FAILED, EXIT_OK, reportError, reportMessages, UsageError, type Io } from './common.js';
import { hasErrors, withTexts } from '../model/message.js';
import { errorText, t } from '../i18n/index.js';
import { batchMessages as M, type Totals } from './messages.js';

export interface ExtractCliOptions extends BatchCliOptions {
  output?: string;
  outDir?: string;
  pretty?: boolean;
  executors?: string;
  ocr?: OcrMode;
}

type State = typeof import('../batch/state.js');
type Atomic = typeof import('../io/atomic.js');
type InputFile = { path: string; stem: string };

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
  let files: InputFile[] = expanded.files;
  if (settings.shard) files = shard(files, settings.shard.k, settings.shard.n);
  if ((files.length > 1 || expanded.expanded) && !options.outDir) throw new UsageError(M.needOutDir);
  if (options.outDir) files = outputStems(files);
  if (options.output && (await stat(options.output).catch(() => null))?.isDirectory()) {
    reportError(io, null, new OutputError(options.output, M.outputIsFolder).message);
    return EXIT_FAILED;
  }

  const reports: FileReport[] = [];
  for (const missing of expanded.missing) {
    reportError(io, missing, M.noMatch);
    reports.push(failedReport(missing, M.noMatch));
  }
  if (files.length === 0 && expanded.missing.length === 0) reportError(io, null, M.noFiles);

  const jobs = settings.jobs ?? defaultJobs();
  const progress = new BatchProgress(io, files.length, options.quiet === true);
  const incremental = options.outDir && options.incremental ? await loadIncremental(state, options, options.outDir) : null;
  const { todo, fileReports } = await pendingFiles(files, incremental, state, options.outDir, progress);
  const written: string[] = [];
  const flush = (): void => {
    // Reports go out in input order; unchanged ones as soon as everything before them is out.
    const offset = expanded.missing.length;
    while (reports.length - offset < files.length && fileReports[reports.length - offset]) {
      const i = reports.length - offset;
      reports.push(fileReports[i]!);
      progress.file(i, fileReports[i]!);
    }
  };
  flush();

  const write = resultWriter({ io, options, progress, atomic, state, incremental, written });
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
      fileReports[index] = await write(file, key, result);
      flush();
    },
    () => progress.tick(),
  );
  flush();
  progress.end();

  const summary = summarise('extract', reports, expanded.skipped, written);
  let code = summary.counts.failed > 0 ? EXIT_FAILED : EXIT_OK;
  if (incremental && options.outDir) {
    try {
      await state.saveState(options.outDir, incremental.next);
    } catch (error) {
      reportError(io, null, (error as Error).message, errorText(error));
      code = EXIT_FAILED;
    }
  }
  const several = reports.length > 1 || expanded.expanded;
  const workers = Math.min(jobs, Math.max(1, todo.length));
  if (!(await endBatch(io, summary, { where: options.outDir ?? null, seconds: progress.elapsedSeconds(), workers, several, summaryFile: options.summary }))) code = EXIT_FAILED;
  return code;
}

/** Output names in the folder: plan.pdf and plan.docx side by side keep their extension (plan.pdf.json, plan.docx.json). */
function outputStems(files: InputFile[]): InputFile[] {
  const byStem = new Map<string, number>();
  for (const file of files) byStem.set(file.stem, (byStem.get(file.stem) ?? 0) + 1);
  const named = files.map((file) => (byStem.get(file.stem)! > 1 ? { ...file, stem: `${file.stem}${extname(file.path)}` } : file));
  const outputs = new Map<string, string>();
  for (const file of named) {
    const name = `${file.stem}.json`;
    const other = outputs.get(name);
    if (other !== undefined) throw new UsageError(M.sameOutput(file.path, other, name));
    outputs.set(name, file.path);
  }
  return named;
}

/** `--incremental`: the state the last run left, copied to be updated, and the settings every input key includes. */
interface Incremental {
  next: import('../batch/state.js').BatchState;
  settings: string;
}

async function loadIncremental(state: State, options: ExtractCliOptions, outDir: string): Promise<Incremental> {
  const previous = await state.loadState(outDir, 'extract');
  const executors = options.executors ? await state.inputKey(options.executors, '') : null;
  return {
    next: { ...previous, entries: { ...previous.entries } },
    settings: JSON.stringify({ v: await toolVersion(), pretty: options.pretty === true, executors }),
  };
}

/** The files to convert; unchanged ones (--incremental) get their report now and are not sent to the pool. */
async function pendingFiles(
  files: InputFile[],
  incremental: Incremental | null,
  state: State,
  outDir: string | undefined,
  progress: BatchProgress,
): Promise<{ todo: { index: number; file: InputFile; key: string | null }[]; fileReports: (FileReport | undefined)[] }> {
  const todo: { index: number; file: InputFile; key: string | null }[] = [];
  const fileReports: (FileReport | undefined)[] = new Array(files.length);
  for (const [index, file] of files.entries()) {
    const key = incremental ? await state.inputKey(file.path, incremental.settings) : null;
    const entry = incremental?.next.entries[file.path];
    if (incremental && outDir && key && entry?.key === key && (await state.outputIntact(outDir, entry))) {
      fileReports[index] = fileReport(file.path, 'unchanged', join(outDir, entry.output!), null, entry.counts as Totals | undefined);
      progress.tick();
      continue;
    }
    todo.push({ index, file, key });
  }
  return { todo, fileReports };
}

interface WriterContext {
  io: Io;
  options: ExtractCliOptions;
  progress: BatchProgress;
  atomic: Atomic;
  state: State;
  incremental: Incremental | null;
  written: string[];
}

/** What happens to each file's result, in input order: its messages, its plan JSON written, its report. */
function resultWriter(ctx: WriterContext): (file: InputFile, key: string | null, result: TaskResult) => Promise<FileReport> {
  const { io, options, progress } = ctx;
  return async (file, key, result) => {
    if (!result.ok) {
      progress.line(`${errorLine(result.file, result.reason)}${io.debug && result.stack ? `\n${result.stack}` : ''}`);
      return failedReport(file.path, result.reason);
    }
    const plan = result.input.plans[0]!;
    const messages = withTexts(plan.messages, result.texts[0]);
    reportMessages({ ...io, stderr: (text) => progress.line(text.replace(/\n$/, '')) }, file.path, messages, { quiet: options.quiet, debug: io.debug });
    const output = options.outDir ? join(options.outDir, `${file.stem}.json`) : options.output ? resolve(options.output) : null;
    try {
      if (output) {
        await ctx.atomic.writeFileAtomic(output, result.json!);
        ctx.written.push(output);
      } else io.stdout(result.json!);
    } catch (error) {
      const shown = options.output && output ? options.output : output;
      const reason = error instanceof OutputError ? error.reason : String(error);
      const failure = new OutputError(shown ?? '', reason, { reasonText: error instanceof OutputError ? error.reasonText : undefined });
      progress.line(`${errorLine(null, failure.message, failure.text)}${io.debug ? `\n${(error as Error).stack}` : ''}`);
      return failedReport(file.path, `cannot write ${shown}: ${reason}`);
    }
    if (ctx.incremental && key && options.outDir && output) {
      ctx.incremental.next.entries[file.path] = { key, output: `${file.stem}.json`, outputSha256: ctx.state.sha256(result.json!), counts: { ...result.counts } };
    }
    if (result.input.layoutLost || hasErrors(plan.messages)) {
      // The plan is written (with its layout-lost error message) but the run fails: it has no commitments.
      return { ...fileReport(file.path, 'failed', output, null, result.counts), reason: 'the plan table layout was lost' };
    }
    return fileReport(file.path, result.counts.warnings > 0 ? 'warnings' : 'converted', output, null, result.counts);
  };
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
