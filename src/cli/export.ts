/** `ogp-extract export <inputs...> --out-dir DIR`: plans (documents or plan JSON) → one open dataset. */
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import {
  DATASET_FORMATS,
  exportDatasets,
  ExportError,
  loadPassportFile,
  listStaleFiles,
  loadPlanJson,
  writeDataset,
  type DatasetFormat,
} from '../datasets/index.js';
import { WORKBOOK_FILE, exportWorkbook } from '../datasets/xlsx.js';
import type { ActionPlan } from '../model/schema.js';
import type { PartyRegistry } from '../normalize/parties.js';
import { createRegistry, extractFile } from '../pipeline.js';
import { count, exportNote, t } from '../i18n/index.js';
import { EXIT_FAILED, EXIT_OK, reportError, reportInputFailure, reportWarnings, UsageError, type Io } from './common.js';

export interface ExportCliOptions {
  outDir: string;
  format?: string;
  passport?: string;
  excel?: boolean;
  xlsx?: boolean;
  nullValue?: string;
  executors?: string;
  quiet?: boolean;
}

/** Table formats, and whether dataset.xlsx is asked for (`xlsx` in the list; alone it writes only the workbook). */
function parseFormats(value: string | undefined): { formats: DatasetFormat[]; xlsx: boolean } {
  if (value === undefined) return { formats: [...DATASET_FORMATS], xlsx: false };
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  if (formats.length === 0) throw new UsageError('--format needs at least one of csv, json, xlsx');
  for (const f of formats) {
    if (f !== 'csv' && f !== 'json' && f !== 'xlsx') throw new UsageError(`--format: unknown format ${JSON.stringify(f)} (use csv, json, xlsx)`);
  }
  return { formats: formats.filter((f) => f !== 'xlsx') as DatasetFormat[], xlsx: formats.includes('xlsx') };
}

export async function runExport(inputs: string[], options: ExportCliOptions, io: Io): Promise<number> {
  const parsed = parseFormats(options.format);
  const xlsx = parsed.xlsx || options.xlsx === true;
  const workbookOnly = parsed.formats.length === 0;
  const formats = workbookOnly ? [...DATASET_FORMATS] : parsed.formats;
  const nullValue = options.nullValue ?? 'null';
  if (nullValue === '' || nullValue !== nullValue.trim() || /[",\r\n]/.test(nullValue)) {
    throw new UsageError('--null-value must be non-empty text without surrounding spaces, commas, quotes or line breaks');
  }

  let registry: PartyRegistry;
  try {
    registry = await createRegistry(options.executors);
  } catch (error) {
    reportError(io, options.executors ?? null, (error as Error).message);
    return EXIT_FAILED;
  }

  // Every input must give a plan: a dataset is never published with a plan silently missing.
  const plans: ActionPlan[] = [];
  let failed = false;
  for (const input of inputs) {
    try {
      if (extname(input).toLowerCase() === '.json') {
        plans.push(...(await loadPlanJson(input)));
      } else {
        const { plan, layoutLost } = await extractFile(input, { registry });
        if (!options.quiet) reportWarnings(io, input, plan.warnings);
        if (layoutLost) {
          reportError(io, input, t('export.layoutLost'));
          failed = true;
          continue;
        }
        plans.push(plan);
      }
    } catch (error) {
      failed = true;
      reportInputFailure(io, input, error);
    }
  }
  if (failed) {
    reportError(io, null, t('export.nothingWrittenFix', { dir: options.outDir }));
    return EXIT_FAILED;
  }

  try {
    const passport = options.passport ? await loadPassportFile(options.passport) : undefined;
    const result = exportDatasets(plans, {
      formats,
      nullValue,
      excel: options.excel ?? false,
      passport,
      passportSource: options.passport,
    });
    const files = new Map<string, string | Uint8Array>(workbookOnly ? [] : result.files);
    if (xlsx) files.set(WORKBOOK_FILE, await exportWorkbook(result, plans));
    await writeDataset(options.outDir, files);
    for (const note of workbookOnly ? [] : result.notes) io.stderr(`${exportNote(note)}\n`);
    for (const stale of workbookOnly ? [] : await listStaleFiles(options.outDir, result.files)) {
      io.stderr(`${t('prefix.note')} ${t('export.stale', { path: join(options.outDir, stale) })}\n`);
    }
    const tables = result.tables;
    io.stdout(
      `${t('export.wrote', {
        files: count(files.size, 'noun.file'),
        dir: options.outDir,
        plans: tables.plans.length,
        commitments: tables.commitments.length,
        measures: tables.measures.length,
        parties: tables.parties.length,
      })}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ExportError) {
      for (const problem of error.problems) reportError(io, null, problem);
      reportError(io, null, t('export.nothingWritten', { dir: options.outDir }));
      return EXIT_FAILED;
    }
    throw error;
  }
}

export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
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
    .option('-q, --quiet', t('export.quiet'))
    .action(async (inputs: string[], options: ExportCliOptions) => {
      setExit(await runExport(inputs, options, io));
    });
}
