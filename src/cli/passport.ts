/** `ogp-extract passport init [--from plans...] [-o FILE]`: a passport YAML to fill in. */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadPlanJson } from '../datasets/load.js';
import { elementsToFill, inferPassport, passportTemplate } from '../datasets/passport-template.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { ActionPlan } from '../model/schema.js';
import { createRegistry, extractFile } from '../pipeline.js';
import { count, t } from '../i18n/index.js';
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
    throw new UsageError(t('passport.init.exists', { file: output }));
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
      reportError(io, null, t('export.nothingWrittenFix', { dir: output }));
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
  // Summary: what was read, what was filled from it, what was written and what is left to fill.
  if (plans.length) {
    const inferred = (['title', 'description', 'keywords', 'publisherName'] as const).filter((k) => draft[k] !== undefined);
    io.stderr(`${t('passport.init.inferred', { plans: count(plans.length, 'noun.plan'), inputs: count(inputs.length, 'noun.fileFrom'), elements: inferred.join(', ') })}\n`);
  } else {
    io.stderr(`${t('prefix.note')} ${t('passport.init.noPlans')}\n`);
  }
  io.stderr(`${t('passport.init.wrote', { file: output, missing: elementsToFill(draft).join(', ') })}\n`);
  return EXIT_OK;
}

export function registerPassport(program: Command, io: Io, setExit: (code: number) => void): void {
  const passport = program.command('passport').description(t('passport.description'));
  passport
    .command('init')
    .description(t('passport.init.description'))
    .option('--from <plans...>', t('passport.init.from'))
    .option('-o, --output <file>', t('passport.init.output'), DEFAULT_PASSPORT_FILE)
    .option('--force', t('passport.init.force'))
    .action(async (options: PassportInitOptions) => {
      setExit(await runPassportInit(options, io));
    });
}
