/**
 * http(s) inputs: a published decision fetched by URL, within a size limit and a time limit, into memory.
 * Only http and https; redirects are followed (fetch's default, at most 20).
 */
import { InputError } from '../io/errors.js';

export const DEFAULT_MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The file name a URL stands for (last path segment, decoded), or the host when the path is empty. */
export function urlFileName(url: string): string {
  try {
    const u = new URL(url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).at(-1) ?? '');
    return (last || u.hostname).replace(/[\\/:*?"<>|\0]/g, '_');
  } catch {
    return 'download';
  }
}

export async function download(url: string, options: { maxBytes?: number; timeoutMs: number }): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const limitText = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const cause = e.name === 'TimeoutError' ? 'download timed out' : `cannot download: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
    throw new InputError(url, cause);
  }
  if (!response.ok) throw new InputError(url, `cannot download: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new InputError(url, `larger than the download limit of ${limitText}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += (chunk as Uint8Array).length;
      if (size > maxBytes) throw new InputError(url, `larger than the download limit of ${limitText}`);
      chunks.push(chunk as Uint8Array);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(url, (error as Error).name === 'TimeoutError' ? 'download timed out' : `cannot download: ${(error as Error).message}`);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
