/** `ogp-extract export <inputs...> --out-dir DIR`: plans (documents or plan JSON) → one open dataset. */
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { OcrMode } from '../readers/ocr/index.js';
import type { DatasetFormat } from '../datasets/export.js';
import { OutputError } from '../io/atomic.js';
import type { ActionPlan } from '../model/schema.js';
import { withTexts } from '../model/message.js';
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
import { errorLine, EXIT_FAILED, EXIT_OK, formatMessage, reportError, reportMessages, UsageError, type Io } from './common.js';
import { count, t } from '../i18n/index.js';
import { batchMessages as M } from './messages.js';

const DATASET_FORMATS: readonly DatasetFormat[] = ['csv', 'json'];

export interface ExportCliOptions extends BatchCliOptions {
  outDir: string;
  format?: string;
  passport?: string;
  excel?: boolean;
  xlsx?: boolean;
  nullValue?: string;
  executors?: string;
  ocr?: OcrMode;
  quiet?: boolean;
}

/** The export options the flags stand for, for messages: the library speaks of options, the CLI of flags. */
const FLAGS: Record<'nullValue' | 'formats', string> = { nullValue: '--null-value', formats: '--format' };

/**
 * `--format`: the table formats for the library, and whether dataset.xlsx is asked for (`xlsx` in the list;
 * alone it writes only the workbook). The library checks the table formats themselves.
 */
function splitFormats(value: string | undefined): { formats: string[] | undefined; xlsx: boolean } {
  if (value === undefined) return { formats: undefined, xlsx: false };
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  if (formats.length === 0) throw new UsageError('--format needs at least one of csv, json, xlsx');
  return { formats: formats.filter((f) => f !== 'xlsx'), xlsx: formats.includes('xlsx') };
}

type Datasets = typeof import('../datasets/index.js');

/** What `--format`, `--xlsx` and `--null-value` ask for, checked by the library before any file is read. */
interface ExportSettings {
  formats: DatasetFormat[] | undefined;
  xlsx: boolean;
  /** `--format xlsx` alone: only the workbook is written. */
  workbookOnly: boolean;
  nullValue: string;
}

function exportSettings(options: ExportCliOptions, datasets: Datasets): ExportSettings {
  const parsed = splitFormats(options.format);
  const workbookOnly = parsed.formats !== undefined && parsed.formats.length === 0;
  const settings: ExportSettings = {
    formats: (workbookOnly ? [...DATASET_FORMATS] : parsed.formats) as DatasetFormat[] | undefined,
    xlsx: parsed.xlsx || options.xlsx === true,
    workbookOnly,
    nullValue: options.nullValue ?? 'null',
  };
  try {
    datasets.checkExportOptions({ ...(settings.formats ? { formats: settings.formats } : {}), nullValue: settings.nullValue });
  } catch (error) {
    if (error instanceof datasets.ExportError && error.option) {
      // --format also takes xlsx (the workbook is written beside the tables' formats).
      const message = error.option === 'formats' ? error.message.replace(/\(use ([^)]*)\)$/, '(use $1, xlsx)') : error.message;
      throw new UsageError(`${FLAGS[error.option]}: ${message}`);
    }
    throw error;
  }
  return settings;
}

export async function runExport(inputs: string[], options: ExportCliOptions, io: Io): Promise<number> {
  const datasets = await import('../datasets/index.js');
  const settings = exportSettings(options, datasets);
  if (options.incremental) throw new UsageError(M.exportIncremental);
  const read = await readPlans(inputs, options, io);
  const finish = async (written: string[]): Promise<number> => {
    const summary = summarise('export', read.reports, read.skipped, written);
    const summaryWritten = await endBatch(io, summary, { where: options.outDir, seconds: read.elapsedSeconds(), workers: read.workers, several: read.several, summaryFile: options.summary });
    return summary.counts.failed > 0 || written.length === 0 || !summaryWritten ? EXIT_FAILED : EXIT_OK;
  };
  // Every input must give a plan: a dataset is never published with a plan silently missing.
  if (read.reports.some((r) => r.status === 'failed') || read.plans.length === 0) {
    reportError(io, null, t('export.nothingWrittenFix', { dir: options.outDir }));
    return finish([]);
  }
  return finish(await writeExport(read.plans, settings, options, io, datasets));
}

/** Every input read in the worker pool: its plans, and a report per input (in input order). */
interface ReadPlans {
  plans: ActionPlan[];
  reports: FileReport[];
  skipped: string[];
  several: boolean;
  workers: number;
  /** Seconds since reading began (the summary's time covers the writing too). */
  elapsedSeconds: () => number;
}

async function readPlans(inputs: string[], options: ExportCliOptions, io: Io): Promise<ReadPlans> {
  const [{ expandInputs, parseShard, shard }, { runPool, defaultJobs, DEFAULT_TIMEOUT_MS }] = await Promise.all([
    import('../batch/inputs.js'),
    import('../batch/pool.js'),
  ]);
  const settings = parseBatchOptions(options, parseShard);
  const expanded = await expandInputs(inputs, { planJson: true });
  const files = settings.shard ? shard(expanded.files, settings.shard.k, settings.shard.n) : expanded.files;
  const jobs = settings.jobs ?? defaultJobs();
  const progress = new BatchProgress(io, files.length, options.quiet === true);
  const reports: FileReport[] = expanded.missing.map((m) => {
    reportError(io, m, M.noMatch);
    return failedReport(m, M.noMatch);
  });
  if (files.length === 0 && expanded.missing.length === 0) reportError(io, null, M.noFiles);

  const plans: ActionPlan[] = [];
  await runPool(
    files.map((file) => ({
      file: file.path,
      executors: options.executors ?? null,
      ...(options.ocr ? { ocr: options.ocr } : {}),
      planJson: true,
      layoutLost: 'fail' as const,
      serialise: null,
      download: { timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    })),
    { jobs, timeoutMs: settings.timeoutMs, maxMemoryMb: settings.maxMemoryMb },
    (index, result) => {
      const file = files[index]!;
      let report: FileReport;
      if (!result.ok) {
        progress.line(`${errorLine(result.file, result.reason)}${io.debug && result.stack ? `\n${result.stack}` : ''}`);
        report = failedReport(file.path, result.reason);
      } else {
        if (result.input.kind === 'document') {
          const stderr = (text: string): void => progress.line(text.replace(/\n$/, ''));
          reportMessages({ ...io, stderr }, file.path, withTexts(result.input.plans[0]!.messages, result.texts[0]), { quiet: options.quiet, debug: io.debug });
        }
        plans.push(...result.input.plans);
        report = fileReport(file.path, result.counts.warnings > 0 ? 'warnings' : 'converted', null, null, result.counts);
      }
      reports.push(report);
      progress.file(index, report);
    },
    () => progress.tick(),
  );
  progress.end();
  return {
    plans,
    reports,
    skipped: expanded.skipped,
    several: reports.length > 1 || expanded.expanded,
    workers: Math.min(jobs, Math.max(1, files.length)),
    elapsedSeconds: () => progress.elapsedSeconds(),
  };
}

/** The dataset written to --out-dir: the files written, or none when the export failed (reported). */
async function writeExport(plans: ActionPlan[], settings: ExportSettings, options: ExportCliOptions, io: Io, datasets: Datasets): Promise<string[]> {
  const { exportDatasets, ExportError, listStaleFiles, loadPassportFile, writeDataset } = datasets;
  const { formats, nullValue, xlsx, workbookOnly } = settings;
  try {
    const passport = options.passport ? await loadPassportFile(options.passport) : undefined;
    const result = exportDatasets(plans, {
      formats,
      nullValue,
      excel: options.excel ?? false,
      passport,
      passportSource: options.passport,
    });
    const out = new Map<string, string | Uint8Array>(workbookOnly ? [] : result.files);
    if (xlsx) {
      const { WORKBOOK_FILE, exportWorkbook } = await import('../datasets/xlsx.js');
      out.set(WORKBOOK_FILE, await exportWorkbook(result, plans));
    }
    const written = await writeDataset(options.outDir, out);
    for (const message of workbookOnly ? [] : result.messages) io.stderr(`${formatMessage(message)}\n`);
    for (const stale of workbookOnly ? [] : await listStaleFiles(options.outDir, result.files)) {
      io.stderr(`${t('prefix.note')} ${t('export.stale', { path: join(options.outDir, stale) })}\n`);
    }
    const tables = result.tables;
    io.stdout(
      `${t('export.wrote', {
        files: count(out.size, 'noun.file'),
        dir: options.outDir,
        plans: tables.plans.length,
        commitments: tables.commitments.length,
        measures: tables.measures.length,
        parties: tables.parties.length,
      })}\n`,
    );
    return written;
  } catch (error) {
    if (error instanceof ExportError) {
      error.problems.forEach((problem, i) => reportError(io, null, problem, error.texts?.[i]));
      reportError(io, null, t('export.nothingWritten', { dir: options.outDir }));
      return [];
    }
    if (error instanceof OutputError) {
      reportError(io, null, error.message, error.text);
      reportError(io, null, M.summaryNothingWritten(options.outDir));
      return [];
    }
    throw error;
  }
}

export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('export')
    .description(t('export.description'))
    .argument('<inputs...>', t('export.inputs'))
    .requiredOption('--out-dir <dir>', t('export.outDir'))
    .option('--format <list>', t('export.format'), 'csv,json')
    .option('--xlsx', t('export.xlsx'))
    .option('--passport <file>', t('export.passport'))
    .option('--excel', t('export.excel'))
    .option('--null-value <text>', t('export.nullValue'), 'null')
    .option('--executors <file>', t('export.executors'))
    .addOption(new Option('--ocr <mode>', t('export.ocr')).choices(['auto', 'on', 'off']).default('auto'))
    .option('-q, --quiet', t('export.quiet'));
  addBatchOptions(command).action(async (inputs: string[], options: ExportCliOptions) => {
    setExit(await runExport(inputs, options, io));
  });
}
