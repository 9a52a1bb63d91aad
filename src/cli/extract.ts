/** `ogp-extract extract <inputs...>`: documents → plan JSON. */
import { basename, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../io/atomic.js';
import type { PartyRegistry } from '../normalize/parties.js';
import { createRegistry, extractFile, planJson } from '../pipeline.js';
import { t } from '../i18n/index.js';
import { EXIT_FAILED, EXIT_OK, reportError, reportInputFailure, reportWarnings, UsageError, type Io } from './common.js';

export interface ExtractCliOptions {
  output?: string;
  outDir?: string;
  pretty?: boolean;
  executors?: string;
  quiet?: boolean;
}

export async function runExtract(inputs: string[], options: ExtractCliOptions, io: Io): Promise<number> {
  if (inputs.length > 1 && !options.outDir) {
    throw new UsageError('several inputs need --out-dir DIR (one <input-basename>.json per input)');
  }
  if (options.output && options.outDir) throw new UsageError('use either -o FILE or --out-dir DIR, not both');
  const outputs = new Map<string, string>();
  if (options.outDir) {
    for (const input of inputs) {
      const name = `${basename(input, extname(input))}.json`;
      const other = outputs.get(name);
      if (other !== undefined && other !== input) {
        throw new UsageError(`${input} and ${other} would both be written to ${name}; rename one of them`);
      }
      outputs.set(name, input);
    }
  }

  let registry: PartyRegistry;
  try {
    registry = await createRegistry(options.executors);
  } catch (error) {
    reportError(io, options.executors ?? null, (error as Error).message);
    return EXIT_FAILED;
  }

  let code = EXIT_OK;
  for (const input of inputs) {
    try {
      const { plan, layoutLost } = await extractFile(input, { registry });
      if (!options.quiet) reportWarnings(io, input, plan.warnings);
      const json = planJson(plan, options.pretty);
      if (options.outDir) {
        await writeFileAtomic(join(options.outDir, `${basename(input, extname(input))}.json`), json);
      } else if (options.output) {
        await writeFileAtomic(resolve(options.output), json);
      } else {
        io.stdout(json);
      }
      if (layoutLost) code = EXIT_FAILED;
    } catch (error) {
      code = EXIT_FAILED;
      reportInputFailure(io, input, error);
    }
  }
  return code;
}

export function registerExtract(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('extract')
    .description(t('extract.description'))
    .argument('<inputs...>', t('extract.inputs'))
    .option('-o, --output <file>', t('extract.output'))
    .option('--out-dir <dir>', t('extract.outDir'))
    .option('--pretty', t('extract.pretty'))
    .option('--executors <file>', t('extract.executors'))
    .option('-q, --quiet', t('extract.quiet'))
    .action(async (inputs: string[], options: ExtractCliOptions) => {
      setExit(await runExtract(inputs, options, io));
    });
}
