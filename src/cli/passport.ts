/** `ogp-extract passport init [--from plans...] [-o FILE]`: a passport YAML to fill in. */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadPlanJson } from '../datasets/load.js';
import { inferPassport, passportTemplate } from '../datasets/passport-template.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { ActionPlan } from '../model/schema.js';
import { createRegistry, extractFile } from '../pipeline.js';
import { EXIT_FAILED, EXIT_OK, reportError, reportInputFailure, UsageError, type Io } from './common.js';

export interface PassportInitOptions {
  from?: string[];
  output?: string;
  force?: boolean;
}

export const DEFAULT_PASSPORT_FILE = 'passport.yaml';

export async function runPassportInit(options: PassportInitOptions, io: Io): Promise<number> {
  const output = options.output ?? DEFAULT_PASSPORT_FILE;
  if (output !== '-' && existsSync(output) && !options.force) {
    throw new UsageError(`${output} exists: give another -o FILE, or --force to overwrite it`);
  }
  const plans: ActionPlan[] = [];
  const inputs = options.from ?? [];
  if (inputs.length) {
    const registry = await createRegistry();
    let failed = false;
    for (const input of inputs) {
      try {
        if (extname(input).toLowerCase() === '.json') plans.push(...(await loadPlanJson(input)));
        else plans.push((await extractFile(input, { registry })).plan);
      } catch (error) {
        failed = true;
        reportInputFailure(io, input, error);
      }
    }
    if (failed) {
      reportError(io, null, `nothing written to ${output}: fix the inputs above`);
      return EXIT_FAILED;
    }
  }
  const draft = inferPassport(plans);
  const text = passportTemplate(draft, inputs);
  if (output === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  await writeFileAtomic(resolve(output), text);
  const inferred = (['title', 'description', 'keywords', 'publisherName'] as const).filter((k) => draft[k] && plans.length);
  io.stderr(
    `wrote ${output}: fill in the empty elements, then run: ogp-extract export <plans> --out-dir data --passport ${output}` +
      (inferred.length ? ` (filled from ${plans.length} plan(s): ${inferred.join(', ')})` : '') +
      '\n',
  );
  return EXIT_OK;
}

export function registerPassport(program: Command, io: Io, setExit: (code: number) => void): void {
  const passport = program.command('passport').description('dataset passport (паспорт набору даних) helpers');
  passport
    .command('init')
    .description('write a passport YAML to fill in: every element with a Ukrainian comment, values inferred from the plans filled in')
    .option('--from <plans...>', 'plans (documents or plan JSON) to infer the title, keywords, period and publisher from')
    .option('-o, --output <file>', `file to write ('-' for standard output)`, DEFAULT_PASSPORT_FILE)
    .option('--force', 'overwrite an existing file')
    .action(async (options: PassportInitOptions) => {
      setExit(await runPassportInit(options, io));
    });
}
