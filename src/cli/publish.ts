/** `ogp-extract publish <dataset-dir> --portal URL --org ORG`: the exported dataset → a CKAN portal. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
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
    throw new UsageError(`--portal ${JSON.stringify(value)} is not an address (e.g. https://data.city.gov.ua)`);
  }
  if (url.username || url.password) throw new UsageError('--portal must not contain a user name or password: give the API token by CKAN_API_TOKEN or --token-file');
  if (url.protocol === 'http:' && !allowHttp) {
    throw new UsageError(`--portal ${url.origin}: use https:// (the API token must not travel unencrypted); --allow-http is for a portal on this machine`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--portal must be an https:// address: ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('--portal must be the portal root address without ?query or #fragment');
  return url;
}

/** The token from --token-file (first line, trimmed) or CKAN_API_TOKEN. */
async function readToken(options: PublishCliOptions, env: Record<string, string | undefined>): Promise<string | undefined> {
  if (options.tokenFile) {
    let text: string;
    try {
      text = await readFile(options.tokenFile, 'utf8');
    } catch (error) {
      throw new UsageError(`--token-file ${options.tokenFile}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const token = text.split(/\r?\n/)[0]?.trim();
    if (!token) throw new UsageError(`--token-file ${options.tokenFile}: the file is empty (it must hold the API token on its first line)`);
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
    rawIo.stderr(`warning: --allow-http to ${portal.hostname}, which is not this machine: the API token travels unencrypted\n`);
  }
  const token = await readToken(options, env);
  const io = redacting(rawIo, token);
  let timeoutMs = tuning.timeoutMs;
  if (options.timeout !== undefined) {
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a number of seconds: ${options.timeout}`);
    timeoutMs = seconds * 1000;
  }
  if (!token && !options.dryRun) {
    throw new UsageError('no API token: set the CKAN_API_TOKEN environment variable or give --token-file FILE (see README, «Publishing on a CKAN portal»)');
  }
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
    const orphanNote = options.prune ? '' : result.orphans.length ? ` (kept, use --prune to remove)` : '';
    for (const orphan of options.prune ? [] : result.orphans) {
      io.stderr(`warning: portal resource «${orphan}» of ${result.name} has no file in ${dir}${orphanNote}\n`);
    }
    if (options.dryRun) {
      if (result.plan.length === 0) io.stdout(`${result.name}: up to date on ${result.datasetUrl} (dry run: no calls would be made)\n`);
      else {
        io.stdout(`dry run: ${result.plan.length} write call(s) would be made to ${portal.origin}:\n`);
        for (const call of result.plan) io.stdout(`  ${describeCall(call, result.name)}\n`);
      }
      return EXIT_OK;
    }
    if (result.plan.length === 0) {
      io.stdout(`${result.name}: up to date (${result.unchanged.length} resources unchanged) — ${result.datasetUrl}\n`);
    } else {
      io.stdout(`published ${result.name}: ${result.plan.length} change(s), ${result.unchanged.length} resource(s) unchanged — ${result.datasetUrl}\n`);
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
    .description('publish an exported dataset directory on a CKAN portal (data.gov.ua, city portals)')
    .argument('<dataset-dir>', 'directory written by `export --passport`')
    .requiredOption('--portal <url>', 'portal root address, e.g. https://data.city.gov.ua')
    .requiredOption('--org <org>', 'organization (name on the portal) that owns the dataset')
    .option('--name <slug>', 'CKAN dataset name (default: from the passport identifier)')
    .option('--dry-run', 'print the write calls that would be made, make none')
    .option('--prune', 'remove portal resources whose file is gone from the directory')
    .option('--private', 'create/keep the dataset private')
    .option('--token-file <file>', 'file holding the API token (default: CKAN_API_TOKEN environment variable)')
    .option('--allow-http', 'allow an http:// portal (a portal on this machine)')
    .option('--timeout <seconds>', 'time-out of one API call', '60')
    .action(async (dir: string, options: PublishCliOptions) => {
      setExit(await runPublish(dir, { ...options, debug: options.debug === true || io.debug === true }, io, process.env));
    });
}
