/** The command line: parses arguments and calls the library; nothing else lives here. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, reportError, UsageError, type Io } from './common.js';
import { registerExtract } from './extract.js';
import { registerExport } from './export.js';
import { registerPassport } from './passport.js';
import { registerValidate } from './validate.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('ogp-extract')
    .description(
      'Extract commitments, measures, executors and terms from OGP action plans (DOCX, PDF, TXT) and publish them as open data',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');
  registerExtract(program, io, setExit);
  // commands:
  registerValidate(program, io, setExit);
  registerExport(program, io, setExit);
  registerPassport(program, io, setExit);
  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
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
      reportError(io, null, `${error.message} (run with --help for usage)`);
      return EXIT_USAGE;
    }
    reportError(io, null, `internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_FAILED;
  }
}
