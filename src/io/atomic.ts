/**
 * Atomic file output: write a temporary file in the same folder, flush it to disk, then rename it over
 * the target. A reader (or a process killed at any point) sees the old file or the new one, never a
 * part. Every failure is an OutputError: one line naming the output path (never the temporary name)
 * and the cause in words.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve } from 'node:path';
import type { MessageText, TextParam } from '../model/message.js';

let counter = 0;

/**
 * Writing an output failed. `message` is one line: `cannot write <path>: <cause>`; `text` (never serialised)
 * is the catalogue text it was made from (src/i18n), `reasonText` the cause's, when the cause is one we name.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  declare readonly text: MessageText;
  declare readonly reasonText?: MessageText;
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown; reasonText?: MessageText | undefined },
  ) {
    super(`cannot write ${path}: ${reason}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    const cause: TextParam = options?.reasonText ?? reason;
    Object.defineProperty(this, 'text', { value: { key: 'error.cannotWriteLine', params: { path, reason: cause } }, enumerable: false });
    if (options?.reasonText) Object.defineProperty(this, 'reasonText', { value: options.reasonText, enumerable: false });
  }
}

/**
 * Our own code for ENOENT when creating a file in a folder that exists (e.g. /proc): Node says ENOENT for a
 * missing folder and for a folder that refuses new files alike; only the step that failed tells them apart.
 */
const NO_FILE_HERE = 'ENOFILEHERE';

/** The catalogue keys of the causes below (the same words in English). */
const CAUSE_KEYS: Record<string, string> = {
  EACCES: 'error.permissionDenied',
  EPERM: 'error.permissionDenied',
  EROFS: 'error.readOnly',
  ENOSPC: 'error.noSpace',
  EDQUOT: 'error.quota',
  EISDIR: 'error.itIsFolder',
  ENOTDIR: 'error.notAFolder',
  ENOENT: 'error.cannotCreateFolder',
  [NO_FILE_HERE]: 'error.cannotCreateFile',
  ENAMETOOLONG: 'error.nameTooLong',
  EMFILE: 'error.tooManyOpenFiles',
  EIO: 'error.ioError',
  EBUSY: 'error.fileBusy',
  ETIMEDOUT: 'error.timedOut',
};

/** The catalogue text of a file-system error's cause, when it is one we name (else undefined: Node's words). */
export function fsErrorText(error: unknown): MessageText | undefined {
  const code = (error as NodeJS.ErrnoException)?.code;
  const key = code ? CAUSE_KEYS[code] : undefined;
  return key ? { key, params: {} } : undefined;
}

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder cannot be created there',
  [NO_FILE_HERE]: 'a file cannot be created in that folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  ETIMEDOUT: 'timed out',
};

/** The cause of a file-system error in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && CAUSES[code]) return CAUSES[code]!;
  const message = (error as Error)?.message ?? String(error);
  return message.split('\n')[0]!.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

/**
 * Create a folder and its parents one level at a time (Node 20's `mkdir(..., { recursive: true })`
 * loops forever on some paths such as /proc/x; a plain mkdir answers at once).
 */
export async function ensureDir(dir: string): Promise<void> {
  const target = resolve(dir);
  const missing: string[] = [];
  let current = target;
  const { root } = parse(target);
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || current === root) throw error;
      missing.unshift(current);
      current = dirname(current);
    }
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  counter += 1;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    throw error;
  }
  await handle.close();
  return tmp;
}

function outputError(path: string, error: unknown): OutputError {
  return error instanceof OutputError ? error : new OutputError(path, describeFsError(error), { cause: error, reasonText: fsErrorText(error) });
}

/** Write one file atomically. Throws OutputError. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([[path, data]]);
}

/**
 * Write several files so that either all of them are replaced or none: every temporary file is written
 * and flushed first; only then are they renamed over their targets. Throws OutputError (no target touched
 * when any temporary file failed).
 */
export async function writeFilesAtomic(files: Iterable<readonly [string, string | Uint8Array]>): Promise<void> {
  const staged: [string, string][] = [];
  try {
    for (const [path, data] of files) {
      try {
        await ensureDir(dirname(path));
        const info = await stat(path).catch(() => null);
        if (info?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        staged.push([path, await writeTemp(path, data).catch((error: unknown) => {
          // The folder exists (ensureDir succeeded), so ENOENT here means it accepts no new file.
          throw (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? Object.assign(new Error('cannot create a file', { cause: error }), { code: NO_FILE_HERE }) : error;
        })]);
      } catch (error) {
        throw outputError(path, error);
      }
    }
    for (const [path, tmp] of staged) {
      try {
        await rename(tmp, path);
      } catch (error) {
        throw outputError(path, error);
      }
    }
  } finally {
    for (const [, tmp] of staged) await rm(tmp, { force: true }).catch(() => {});
  }
}
