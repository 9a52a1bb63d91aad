/**
 * Every user-facing text of batch progress and the batch summary, in one place (for translation:
 * replace the functions' bodies, keep their arguments). Error causes come from the library.
 */
export const batchMessages = {
  /** Live progress line on a terminal. */
  progress: (done: number, total: number, perSecond: number, secondsLeft: number | null): string =>
    `${done}/${total} files · ${perSecond.toFixed(1)} files/s` + (secondsLeft === null ? '' : ` · about ${formatSeconds(secondsLeft)} left`),
  /** One plain line per finished file (not a terminal, CI, or --quiet off). */
  fileDone: (index: number, total: number, input: string, status: FileStatus, output: string | null): string =>
    `[${index}/${total}] ${input}: ${statusWords[status]}${output ? ` → ${output}` : ''}`,
  summaryTitle: 'summary',
  summaryFiles: (s: SummaryCounts): string =>
    `${s.files} files: ${s.converted} converted (${s.withWarnings} with warnings), ${s.failed} failed` +
    (s.unchanged > 0 ? `, ${s.unchanged} unchanged (skipped)` : '') +
    (s.skipped > 0 ? `, ${s.skipped} not documents (skipped)` : ''),
  summaryRead: (t: Totals): string =>
    `read: ${t.plans} plans, ${t.commitments} commitments, ${t.measures} measures, ${t.parties} parties, ${t.warnings} warnings`,
  summaryWritten: (files: number, where: string): string => `written: ${files} files to ${where}`,
  summaryNothingWritten: (where: string): string => `nothing written to ${where}`,
  summaryFailedTitle: 'failed:',
  summaryFailed: (input: string, reason: string): string => `  ${input}: ${reason}`,
  summaryTime: (seconds: number, jobs: number): string => `time: ${formatSeconds(seconds)} with ${jobs} ${jobs === 1 ? 'worker' : 'workers'}`,
  noFiles: 'no documents found in the inputs',
  noMatch: 'no file or folder matches',
  needOutDir: 'several inputs (or a folder, or a pattern) need --out-dir DIR',
  outputIsFolder: 'it is a folder; give a file name, or use --out-dir for a folder',
  badJobs: (value: string): string => `--jobs must be a positive whole number: ${JSON.stringify(value)}`,
  badTimeout: (value: string): string => `--timeout must be a positive number of seconds: ${JSON.stringify(value)}`,
  badMemory: (value: string): string => `--max-memory must be a positive number of megabytes: ${JSON.stringify(value)}`,
  badShard: (value: string): string => `--shard must be K/N with 1 ≤ K ≤ N: ${JSON.stringify(value)}`,
  exportIncremental:
    '--incremental is for extract: a dataset is rebuilt from all its plans. Run `extract --incremental DOCS --out-dir plans/`, then `export plans/ --out-dir data/` (plan JSON is quick to export)',
  incrementalNeedsOutDir: '--incremental needs --out-dir (the state of earlier runs is kept there)',
  sameOutput: (a: string, b: string, name: string): string => `${a} and ${b} would both be written to ${name}; rename one of them`,
};

export type FileStatus = 'converted' | 'warnings' | 'failed' | 'unchanged';

const statusWords: Record<FileStatus, string> = {
  converted: 'converted',
  warnings: 'converted with warnings',
  failed: 'failed',
  unchanged: 'unchanged, skipped',
};

export interface SummaryCounts {
  files: number;
  converted: number;
  withWarnings: number;
  failed: number;
  unchanged: number;
  skipped: number;
}

export interface Totals {
  plans: number;
  commitments: number;
  measures: number;
  parties: number;
  warnings: number;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}
