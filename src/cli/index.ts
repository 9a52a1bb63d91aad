/** The command line: parses arguments and calls the library; nothing else lives here. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commanderError, envLang, helpOverrides, langArgument, parseLang, setLang, systemLocale, t } from '../i18n/index.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, reportError, UsageError, type Io } from './common.js';
import { registerExtract } from './extract.js';
import { registerExport } from './export.js';
import { registerPassport } from './passport.js';
import { registerValidate } from './validate.js';
import { registerReport } from './report.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('ogp-extract')
    .description(t('cli.description'))
    .version(version(), '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.command'))
    .option('--lang <lang>', t('help.lang'))
    .configureHelp(helpOverrides())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(commanderError(text)) })
    .showHelpAfterError(t('help.afterError'));
  registerExtract(program, io, setExit);
  // commands:
  registerValidate(program, io, setExit);
  registerExport(program, io, setExit);
  registerPassport(program, io, setExit);
  registerReport(program, io, setExit);
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
  const program = buildProgram(io, (code) => {
    exit = code;
  });
  try {
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
    reportError(io, null, t('cli.internalError', { message: (error as Error).stack ?? String(error) }));
    return EXIT_FAILED;
  }
}
