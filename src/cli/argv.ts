/**
 * The command a command line names, read before the CLI loads (bin/ogp-extract.js starts the first batch
 * worker early for `extract` and `export`: src/batch/spawn.ts). Loads nothing heavy.
 */
import { prewarm } from '../batch/spawn.js';

/** The command word: the first argument that is not an option (`help X` names X); skips `--lang`'s value. */
export function commandWord(args: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--lang') i += 1;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/** Commands that run files through the batch worker pool. */
const POOL_COMMANDS = new Set(['extract', 'export']);

/** Start the first batch worker now when this command line will need one (not for help or version). */
export function startEarly(args: readonly string[]): void {
  if (args.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version')) return;
  if (args[0] === 'help') return;
  const name = commandWord(args);
  if (name !== undefined && POOL_COMMANDS.has(name)) prewarm();
}
