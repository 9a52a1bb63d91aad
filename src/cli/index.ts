/** The command line: parses arguments and calls the library; nothing else lives here. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commanderError, envLang, helpOverrides, langArgument, parseLang, setLang, systemLocale, t } from '../i18n/index.js';
import { commandWord } from './argv.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, reportError, UsageError, type Io } from './common.js';

type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * The commands, loaded on demand: a run loads only the module of the command it runs (`--version` none,
 * `--help` all), so start-up never pays for readers, zod or ajv it does not use. One line per command.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import('./extract.js')).registerExtract,
  validate: async () => (await import('./validate.js')).registerValidate,
  export: async () => (await import('./export.js')).registerExport,
  passport: async () => (await import('./passport.js')).registerPassport,
  report: async () => (await import('./report.js')).registerReport,
  publish: async () => (await import('./publish.js')).registerPublish,
};

/** Which commands this argv needs: the one it names, none for a bare --version, all otherwise (help, typos). */
function commandsFor(args: readonly string[]): string[] {
  const name = commandWord(args);
  if (name !== undefined && name in COMMANDS) return [name];
  if (name === undefined && args.some((a) => a === '-V' || a === '--version') && !args.some((a) => a === '-h' || a === '--help')) return [];
  return Object.keys(COMMANDS);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function buildProgram(io: Io, setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('ogp-extract')
    .description(t('cli.description'))
    .version(version(), '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.command'))
    .option('--lang <lang>', t('help.lang'))
    .option('--debug', t('help.debug'))
    .configureHelp(helpOverrides())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(commanderError(text)) })
    .showHelpAfterError(t('help.afterError'));
  const names = argv.length === 0 ? Object.keys(COMMANDS) : commandsFor(argv);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]!()))) register(program, io, setExit);
  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  // The language is settled before the program is built: help texts are translated when registered.
  const langArg = langArgument(argv.slice(2));
  const fromEnv = envLang(env, systemLocale());
  const lang = langArg === undefined ? fromEnv : parseLang(langArg);
  setLang(lang ?? fromEnv);
  if (lang === null) {
    reportError(io, null, t('cli.badLang', { lang: JSON.stringify(langArg) }));
    return EXIT_USAGE;
  }
  let exit = EXIT_OK;
  if (argv.slice(2).includes('--debug')) io = { ...io, debug: true };
  try {
    const program = await buildProgram(
      io,
      (code) => {
        exit = code;
      },
      argv.slice(2),
    );
    await program.parseAsync(argv);
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      reportError(io, null, t('cli.usageError', { message: error.message }));
      return EXIT_USAGE;
    }
    // One line; the stack trace only with --debug.
    const message = io.debug ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error)).split('\n')[0]!;
    reportError(io, null, t('cli.internalError', { message }));
    return EXIT_FAILED;
  }
}
