/** What `extract` and `export` share for batches: options, progress, the summary (text and JSON). */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { OutputError, writeFileAtomic } from '../io/atomic.js';
import { batchMessages as M, type FileStatus, type SummaryCounts, type Totals } from './messages.js';
import { reportError, UsageError, type Io } from './common.js';
import { t } from '../i18n/index.js';

export interface BatchCliOptions {
  jobs?: string;
  timeout?: string;
  maxMemory?: string;
  summary?: string;
  incremental?: boolean;
  shard?: string;
  quiet?: boolean;
}

export interface BatchSettings {
  jobs: number | undefined;
  timeoutMs: number | undefined;
  maxMemoryMb: number | undefined;
  shard: { k: number; n: number } | null;
}

export function addBatchOptions(command: Command): Command {
  return command
    .option('-j, --jobs <n>', t('batch.opt.jobs'))
    .option('--timeout <seconds>', t('batch.opt.timeout'))
    .option('--max-memory <mb>', t('batch.opt.maxMemory'))
    .option('--incremental', t('batch.opt.incremental'))
    .option('--shard <k/n>', t('batch.opt.shard'))
    .option('--summary <file>', t('batch.opt.summary'));
}

function positive(value: string | undefined, message: (v: string) => string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(message(value));
  return n;
}

export function parseBatchOptions(options: BatchCliOptions, parseShard: (t: string) => { k: number; n: number } | null): BatchSettings {
  let shard = null;
  if (options.shard !== undefined) {
    shard = parseShard(options.shard);
    if (shard === null) throw new UsageError(M.badShard(options.shard));
  }
  const timeout = positive(options.timeout, M.badTimeout, false);
  return {
    jobs: positive(options.jobs, M.badJobs, true),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    maxMemoryMb: positive(options.maxMemory, M.badMemory, true),
    shard,
  };
}

export interface FileReport {
  input: string;
  status: FileStatus;
  output: string | null;
  reason: string | null;
  plans: number;
  commitments: number;
  measures: number;
  parties: number;
  warnings: number;
}

/** A file's report: counts zero unless given. */
export function fileReport(input: string, status: FileStatus, output: string | null = null, reason: string | null = null, counts?: Totals): FileReport {
  return { input, status, output, reason, ...emptyTotals(), ...counts };
}

export function failedReport(input: string, reason: string): FileReport {
  return fileReport(input, 'failed', null, reason);
}

export interface BatchSummary {
  command: string;
  counts: SummaryCounts;
  totals: Totals;
  written: string[];
  files: FileReport[];
  skipped: string[];
}

/** Progress and per-file lines: a live line on a terminal; plain lines otherwise; nothing per file with --quiet. */
export class BatchProgress {
  private done = 0;
  private readonly started = Date.now();
  private shown = false;
  private readonly live: boolean;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly quiet: boolean,
  ) {
    this.live = io.isTTY === true && !process.env.CI && !quiet && total > 1;
  }

  private clear(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    if (!this.live || this.done >= this.total) return;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : null;
    this.io.stderr(`\r\x1b[K${M.progress(this.done, this.total, rate, left)}`);
    this.shown = true;
  }

  /** A file finished (any order). */
  tick(): void {
    this.done += 1;
    this.clear();
    this.draw();
  }

  /** Write a line to stderr without tearing the live progress line. */
  line(text: string): void {
    this.clear();
    this.io.stderr(`${text}\n`);
    this.draw();
  }

  /** A file's result, in input order. */
  file(index: number, report: FileReport): void {
    if (this.live || this.quiet || this.total <= 1) return;
    this.line(M.fileDone(index + 1, this.total, report.input, report.status, report.output));
  }

  end(): void {
    this.clear();
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}

export function emptyTotals(): Totals {
  return { plans: 0, commitments: 0, measures: 0, parties: 0, warnings: 0 };
}

export function summarise(command: string, files: FileReport[], skipped: string[], written: string[]): BatchSummary {
  const totals = emptyTotals();
  for (const f of files) {
    if (f.status === 'failed') continue;
    totals.plans += f.plans;
    totals.commitments += f.commitments;
    totals.measures += f.measures;
    totals.parties += f.parties;
    totals.warnings += f.warnings;
  }
  const count = (s: FileStatus): number => files.filter((f) => f.status === s).length;
  return {
    command,
    counts: {
      files: files.length,
      converted: count('converted') + count('warnings'),
      withWarnings: count('warnings'),
      failed: count('failed'),
      unchanged: count('unchanged'),
      skipped: skipped.length,
    },
    totals,
    written,
    files,
    skipped,
  };
}

/** The text summary (stderr). */
export function summaryLines(summary: BatchSummary, where: string | null, seconds: number, jobs: number): string[] {
  const lines = [`${M.summaryTitle}: ${M.summaryFiles(summary.counts)}`, M.summaryRead(summary.totals)];
  if (where !== null) {
    lines.push(summary.written.length > 0 ? M.summaryWritten(summary.written.length, where) : M.summaryNothingWritten(where));
  }
  const failed = summary.files.filter((f) => f.status === 'failed');
  if (failed.length > 0) {
    lines.push(M.summaryFailedTitle);
    for (const f of failed) lines.push(M.summaryFailed(f.input, f.reason ?? ''));
  }
  lines.push(M.summaryTime(seconds, jobs));
  return lines;
}

/** The `--summary FILE` JSON: deterministic (no times, no worker count), so two runs can be compared. */
export function summaryJson(summary: BatchSummary): string {
  return `${JSON.stringify({ tool: 'ogp-extract', ...summary }, null, 2)}\n`;
}

/** How a batch ends: the text summary is printed when it had several inputs (or a folder or pattern). */
export interface BatchEnd {
  /** The output folder the summary names, or null (one output file, or stdout). */
  where: string | null;
  seconds: number;
  workers: number;
  several: boolean;
  /** `--summary FILE`. */
  summaryFile?: string | undefined;
}

/** Print the summary and write `--summary FILE`; false when that file could not be written (reported). */
export async function endBatch(io: Io, summary: BatchSummary, end: BatchEnd): Promise<boolean> {
  if (end.several) for (const line of summaryLines(summary, end.where, end.seconds, end.workers)) io.stderr(`${line}\n`);
  if (!end.summaryFile) return true;
  try {
    await writeFileAtomic(resolve(end.summaryFile), summaryJson(summary));
    return true;
  } catch (error) {
    const failure = error instanceof OutputError ? new OutputError(end.summaryFile, error.reason, { reasonText: error.reasonText }) : null;
    reportError(io, null, failure ? failure.message : String(error), failure?.text);
    return false;
  }
}
