/**
 * Every user-facing text of batch progress and the batch summary, in one place; the words come from the
 * catalogues src/i18n/en.ts and uk.ts (keys `batch.*`). Error causes come from the library.
 */
import { count, t } from '../i18n/index.js';

export const batchMessages = {
  /** Live progress line on a terminal. */
  progress: (done: number, total: number, perSecond: number, secondsLeft: number | null): string =>
    secondsLeft === null
      ? t('batch.progress', { done, total, rate: perSecond.toFixed(1) })
      : t('batch.progressLeft', { done, total, rate: perSecond.toFixed(1), left: formatSeconds(secondsLeft) }),
  /** One plain line per finished file (not a terminal, CI, or --quiet off). */
  fileDone: (index: number, total: number, input: string, status: FileStatus, output: string | null): string =>
    output
      ? t('batch.fileDoneTo', { index, total, input, status: t(`batch.status.${status}`), output })
      : t('batch.fileDone', { index, total, input, status: t(`batch.status.${status}`) }),
  get summaryTitle(): string {
    return t('batch.summaryTitle');
  },
  summaryFiles: (s: SummaryCounts): string =>
    t('batch.summaryFiles', { files: count(s.files, 'noun.file'), converted: s.converted, withWarnings: s.withWarnings, failed: s.failed }) +
    (s.unchanged > 0 ? t('batch.summaryUnchanged', { n: s.unchanged }) : '') +
    (s.skipped > 0 ? t('batch.summarySkipped', { n: s.skipped }) : ''),
  summaryRead: (x: Totals): string =>
    t('batch.summaryRead', {
      plans: count(x.plans, 'noun.plan'),
      commitments: count(x.commitments, 'noun.commitment'),
      measures: count(x.measures, 'noun.measure'),
      parties: count(x.parties, 'noun.party'),
      warnings: count(x.warnings, 'noun.warning'),
    }),
  summaryWritten: (files: number, where: string): string => t('batch.summaryWritten', { files: count(files, 'noun.file'), where }),
  summaryNothingWritten: (where: string): string => t('batch.summaryNothingWritten', { where }),
  get summaryFailedTitle(): string {
    return t('batch.summaryFailedTitle');
  },
  summaryFailed: (input: string, reason: string): string => `  ${input}: ${reason}`,
  summaryTime: (seconds: number, jobs: number): string =>
    t('batch.summaryTime', { time: formatSeconds(seconds), workers: count(jobs, 'noun.worker') }),
  get noFiles(): string {
    return t('batch.noFiles');
  },
  get noMatch(): string {
    return t('batch.noMatch');
  },
  get needOutDir(): string {
    return t('batch.needOutDir');
  },
  get outputIsFolder(): string {
    return t('batch.outputIsFolder');
  },
  badJobs: (value: string): string => t('batch.badJobs', { value: JSON.stringify(value) }),
  badTimeout: (value: string): string => t('batch.badTimeout', { value: JSON.stringify(value) }),
  badMemory: (value: string): string => t('batch.badMemory', { value: JSON.stringify(value) }),
  badShard: (value: string): string => t('batch.badShard', { value: JSON.stringify(value) }),
  get exportIncremental(): string {
    return t('batch.exportIncremental');
  },
  get incrementalNeedsOutDir(): string {
    return t('batch.incrementalNeedsOutDir');
  },
  sameOutput: (a: string, b: string, name: string): string => t('batch.sameOutput', { a, b, name }),
};

export type FileStatus = 'converted' | 'warnings' | 'failed' | 'unchanged';


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
  if (seconds < 60) return t('batch.seconds', { s: Math.max(0, Math.round(seconds)) });
  const m = Math.floor(seconds / 60);
  return t('batch.minutes', { m, s: Math.round(seconds - m * 60) });
}
