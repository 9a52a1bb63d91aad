/**
 * A CKAN Action API client (POST /api/3/action/<name>) on Node's built-in fetch. The token goes only into the
 * Authorization header; nothing here ever prints it. 5xx answers, time-outs and dropped connections are
 * retried with exponential backoff — for reads and idempotent writes only (the publisher re-reads the
 * portal before repeating a create, so a lost answer never makes a duplicate).
 */

import { t } from '../i18n/index.js';

export interface CkanClientOptions {
  /** Portal root, e.g. https://data.city.gov.ua (the API is at <portal>/api/3/action/). */
  portal: string;
  token?: string;
  /** Per-request time-out (ms); default 60000. */
  timeoutMs?: number;
  /** Attempts for a retryable failure (default 4). */
  attempts?: number;
  /** First backoff delay (ms), doubled after each failure; default 1000. */
  retryDelayMs?: number;
  /** Debug lines (method, action, status, time) — never headers or the token. */
  debug?: (line: string) => void;
  fetch?: typeof fetch;
}

/** A CKAN error answer (success: false) or a transport failure. */
export class CkanError extends Error {
  constructor(
    message: string,
    readonly action: string,
    /** HTTP status, or 0 for a time-out / dropped connection. */
    readonly status: number,
    /** error.__type of the envelope, e.g. "Validation Error". */
    readonly type: string | null,
    /** Field errors of a Validation Error (field → messages). */
    readonly fields: Readonly<Record<string, string[]>> = {},
  ) {
    super(message);
  }
  /** A fault worth retrying: 5xx, time-out, dropped connection. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export type ActionBody = Record<string, unknown> | FormData;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One line from a CKAN error envelope. */
function describeError(action: string, status: number, error: Record<string, unknown> | undefined): CkanError {
  const type = typeof error?.__type === 'string' ? error.__type : null;
  const fields: Record<string, string[]> = {};
  let message = typeof error?.message === 'string' ? error.message : '';
  if (type === 'Validation Error' && error) {
    for (const [k, v] of Object.entries(error)) {
      if (k === '__type' || k === 'message') continue;
      const list = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [typeof v === 'string' ? v : JSON.stringify(v)];
      fields[k] = list;
    }
    const detail = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v.join('; ')}`)
      .join('; ');
    message = detail || message || t('publish.validationError');
  }
  if (!message) message = `HTTP ${status}`;
  return new CkanError(`${action}: ${type ? `${type}: ` : ''}${message}`, action, status, type, fields);
}

export class CkanClient {
  readonly portal: string;
  readonly #token: string | undefined;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #retryDelayMs: number;
  readonly #debug: ((line: string) => void) | undefined;
  readonly #fetch: typeof fetch;
  /** Write calls made (creates, patches, deletes), counted for the summary and tests. */
  writes = 0;

  constructor(options: CkanClientOptions) {
    this.portal = options.portal.replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#attempts = Math.max(1, options.attempts ?? 4);
    this.#retryDelayMs = options.retryDelayMs ?? 1000;
    this.#debug = options.debug;
    this.#fetch = options.fetch ?? fetch;
  }

  get hasToken(): boolean {
    return this.#token !== undefined && this.#token !== '';
  }

  /** Call an action once (no retry). Resolves to `result`; throws CkanError. */
  async callOnce(action: string, body: ActionBody, write: boolean): Promise<unknown> {
    const url = `${this.portal}/api/3/action/${action}`;
    const headers: Record<string, string> = {};
    if (this.#token) headers.Authorization = this.#token;
    let payload: string | FormData;
    if (body instanceof FormData) {
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (write) this.writes++;
    const started = Date.now();
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(this.#timeoutMs), redirect: 'error' });
      text = await response.text();
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; errors?: { code?: string }[] } };
      const timeout = e.name === 'TimeoutError' || e.name === 'AbortError';
      const cause = timeout ? t('publish.noAnswer', { ms: this.#timeoutMs }) : t('publish.connectionFailed', { code: e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.message });
      this.#debug?.(`POST ${url} -> ${cause} (${Date.now() - started} ms)`);
      throw new CkanError(`${action}: ${cause}`, action, 0, null);
    }
    this.#debug?.(`POST ${url} -> ${response.status} (${Date.now() - started} ms)`);
    type Envelope = { success?: boolean; result?: unknown; error?: Record<string, unknown> };
    let envelope: Envelope | null;
    try {
      envelope = JSON.parse(text) as Envelope | null;
    } catch {
      envelope = null;
    }
    if (envelope && typeof envelope === 'object' && envelope.success === true && response.ok) return envelope.result;
    if (envelope && typeof envelope === 'object' && envelope.success === false) throw describeError(action, response.status, envelope.error);
    const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new CkanError(
      `${action}: ${t('publish.notCkan', { status: response.status, snippet: snippet ? ` (${snippet})` : '', portal: this.portal })}`,
      action,
      response.status,
      null,
    );
  }

  /** Call an action, retrying retryable faults with backoff. Use only for reads and idempotent writes. */
  async call(action: string, body: ActionBody, write = false): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce(action, body, write);
      } catch (error) {
        if (!(error instanceof CkanError) || !error.retryable || attempt >= this.#attempts) throw error;
        await this.backoff(attempt);
      }
    }
  }

  /** Wait before attempt `attempt + 1`. */
  backoff(attempt: number): Promise<void> {
    return sleep(this.#retryDelayMs * 2 ** (attempt - 1));
  }

  get attempts(): number {
    return this.#attempts;
  }
}
