/**
 * The external programs OCR needs: `pdftoppm` (Debian poppler-utils) renders pages to
 * greyscale bitmaps and `tesseract` (Debian tesseract-ocr + tesseract-ocr-ukr) reads them.
 * Each run has a time limit; a missing program becomes one line saying how to install it.
 */
import { execFile } from 'node:child_process';

export const INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-ukr poppler-utils';

/** OCR was asked for but cannot run here (a program or the Ukrainian language data is missing). */
export class OcrUnavailableError extends Error {}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Run a program with a time limit; rejects with a one-line message. */
export function run(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        // one thread per Tesseract: OpenMP threads only contend on small machines
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const err = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (err.code === 'ENOENT') return reject(new OcrUnavailableError(`${cmd} is not installed; install it with: ${INSTALL_HINT}`));
        if (err.killed || err.signal === 'SIGKILL') return reject(new Error(`${cmd} took longer than ${Math.round(timeoutMs / 1000)} s`));
        const detail = String(stderr || err.message).split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'failed';
        reject(new Error(`${cmd} failed: ${detail}`));
      },
    );
  });
}

let checked: Promise<void> | undefined;

/** Check once per process that pdftoppm and tesseract (with Ukrainian) are installed. */
export function checkTools(): Promise<void> {
  checked ??= (async () => {
    await run('pdftoppm', ['-v'], 10_000);
    const langs = await run('tesseract', ['--list-langs'], 10_000);
    const list = `${langs.stdout}\n${langs.stderr}`.split(/\s+/u);
    if (!list.includes('ukr')) throw new OcrUnavailableError(`Tesseract has no Ukrainian language data; install it with: ${INSTALL_HINT}`);
  })();
  return checked;
}

/** Forget the result of `checkTools` (tests that change PATH). */
export function resetToolCheck(): void {
  checked = undefined;
}

/** Whether OCR can run here (for tests and `--ocr auto`). */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await checkTools();
    return true;
  } catch {
    return false;
  }
}
