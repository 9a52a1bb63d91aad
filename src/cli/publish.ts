/** `ogp-extract publish <dataset-dir> --portal URL --org ORG`: the exported dataset → a CKAN portal. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import chalk from 'chalk';
import { count, t } from '../i18n/index.js';
import { describeCall, publish, PublishError } from '../publish/index.js';
import { EXIT_FAILED, EXIT_OK, reportError, UsageError, type Io } from './common.js';

export interface PublishCliOptions {
  portal: string;
  org: string;
  name?: string;
  dryRun?: boolean;
  prune?: boolean;
  private?: boolean;
  tokenFile?: string;
  allowHttp?: boolean;
  debug?: boolean;
  timeout?: string;
}

/** Test hooks (retry delays, time-outs) that the command line does not expose. */
export interface PublishTuning {
  retryDelayMs?: number;
  timeoutMs?: number;
  attempts?: number;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Checks the portal address; https is required unless --allow-http. */
export function checkPortal(value: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(t('publish.portalNotAddress', { value: JSON.stringify(value) }));
  }
  if (url.username || url.password) throw new UsageError(t('publish.portalCredentials'));
  if (url.protocol === 'http:' && !allowHttp) throw new UsageError(t('publish.portalHttp', { origin: url.origin }));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(t('publish.portalScheme', { protocol: url.protocol }));
  if (url.search || url.hash) throw new UsageError(t('publish.portalQuery'));
  return url;
}

/** The token from --token-file (first line, trimmed) or CKAN_API_TOKEN. */
async function readToken(options: PublishCliOptions, env: Record<string, string | undefined>): Promise<string | undefined> {
  if (options.tokenFile) {
    let text: string;
    try {
      text = await readFile(options.tokenFile, 'utf8');
    } catch (error) {
      throw new UsageError(t('publish.tokenFileUnreadable', { file: options.tokenFile, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
    const token = text.split(/\r?\n/)[0]?.trim();
    if (!token) throw new UsageError(t('publish.tokenFileEmpty', { file: options.tokenFile }));
    return token;
  }
  const token = env.CKAN_API_TOKEN?.trim();
  return token ? token : undefined;
}

/** Output that can never show the token, whatever a message contains. */
function redacting(io: Io, token: string | undefined): Io {
  if (!token) return io;
  const scrub = (text: string): string => text.split(token).join('***');
  return { stdout: (t) => io.stdout(scrub(t)), stderr: (t) => io.stderr(scrub(t)) };
}

export async function runPublish(
  dir: string,
  options: PublishCliOptions,
  rawIo: Io,
  env: Record<string, string | undefined> = process.env,
  tuning: PublishTuning = {},
): Promise<number> {
  const portal = checkPortal(options.portal, options.allowHttp === true);
  if (portal.protocol === 'http:' && !LOOPBACK.test(portal.hostname)) {
    rawIo.stderr(`${chalk.yellow(t('prefix.warning'))} ${t('publish.httpRemote', { host: portal.hostname })}\n`);
  }
  const token = await readToken(options, env);
  const io = redacting(rawIo, token);
  let timeoutMs = tuning.timeoutMs;
  if (options.timeout !== undefined) {
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(t('publish.badTimeout', { value: options.timeout }));
    timeoutMs = seconds * 1000;
  }
  if (!token && !options.dryRun) throw new UsageError(t('publish.noToken'));
  try {
    const result = await publish(
      {
        dir,
        portal: portal.href,
        org: options.org,
        name: options.name,
        dryRun: options.dryRun,
        prune: options.prune,
        private: options.private,
        token,
        timeoutMs,
        retryDelayMs: tuning.retryDelayMs,
        attempts: tuning.attempts,
        debug: options.debug ? (line) => io.stderr(`debug: ${line}\n`) : undefined,
      },
      (line) => io.stdout(`${line}\n`),
    );
    const warn = (text: string): void => io.stderr(`${chalk.yellow(t('prefix.warning'))} ${text}\n`);
    for (const orphan of options.prune ? [] : result.orphans) warn(t('publish.orphan', { resource: orphan, name: result.name, dir }));
    if (result.notKept.length) io.stderr(`${chalk.cyan(t('prefix.note'))} ${t('publish.notKept', { fields: result.notKept.join(', ') })}\n`);
    const unchanged = count(result.unchanged.length, 'noun.resource');
    if (options.dryRun) {
      if (result.plan.length === 0) io.stdout(`${t('publish.dryRunUpToDate', { name: result.name, url: result.datasetUrl })}\n`);
      else {
        io.stdout(`${t('publish.dryRunPlan', { calls: count(result.plan.length, 'noun.writeCall'), portal: portal.origin })}\n`);
        for (const call of result.plan) io.stdout(`  ${describeCall(call, result.name)}\n`);
      }
      return EXIT_OK;
    }
    if (result.plan.length === 0) io.stdout(`${t('publish.upToDate', { name: result.name, unchanged, url: result.datasetUrl })}\n`);
    else {
      const changes = count(result.plan.length, 'noun.change');
      io.stdout(`${t('publish.published', { name: result.name, changes, unchanged, url: result.datasetUrl })}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PublishError) {
      reportError(io, null, error.message);
      return EXIT_FAILED;
    }
    throw error;
  }
}

export function registerPublish(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('publish')
    .description(t('publish.description'))
    .argument('<dataset-dir>', t('publish.dir'))
    .requiredOption('--portal <url>', t('publish.opt.portal'))
    .requiredOption('--org <org>', t('publish.opt.org'))
    .option('--name <slug>', t('publish.opt.name'))
    .option('--dry-run', t('publish.opt.dryRun'))
    .option('--prune', t('publish.opt.prune'))
    .option('--private', t('publish.opt.private'))
    .option('--token-file <file>', t('publish.opt.tokenFile'))
    .option('--allow-http', t('publish.opt.allowHttp'))
    .option('--timeout <seconds>', t('publish.opt.timeout'), '60')
    .action(async (dir: string, options: PublishCliOptions) => {
      setExit(await runPublish(dir, { ...options, debug: options.debug === true || io.debug === true }, io, process.env));
    });
}
