/**
 * pdf.js, loaded once for the process, without its global side effect on arrays.
 *
 * pdfjs-dist's legacy build (the one that runs on Node 20) bundles core-js polyfills. On V8 ≤ 12.1 one of
 * them replaces `Array.prototype.push` for the whole process (core-js's `es.array.push`, which only fixes
 * the error thrown when an array's length would pass 2^53 − 1). The polyfill is written in JavaScript and
 * made every `push` in pdf.js and in ogp-extract several times slower: about 17% of the CPU of a PDF batch.
 * No array here comes near that length, so the native `push` is put back once pdf.js and its worker
 * module are loaded. The worker module is loaded here too (and handed to pdf.js as `globalThis.pdfjsWorker`,
 * its documented way to skip loading it), so that loading it later cannot install the polyfill again and
 * so the first PDF does not pay for it. The non-legacy build needs Node 22 (Promise.withResolvers,
 * Uint8Array.fromBase64 …), so it is not an option on Node 20. test/batch/pdfjs-push.test.ts guards this.
 *
 * `getDocument` here runs every document on one pdf.js worker for the process whose messages go through a port
 * that does not structured-clone page chunks (SameThreadPort below; test/batch/pdfjs-port.test.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nativePush } from './native-push.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;

export const { VerbosityLevel, OPS, normalizeUnicode } = pdfjs;

type Listener = (event: { data: unknown }) => void;

/** pdf.js's stream message (src/shared/message_handler.js): `stream` 4 is ENQUEUE, a chunk of a page's text or operators. */
interface StreamMessage {
  stream?: number;
  chunk?: unknown;
}
const ENQUEUE = 4;

const isPrimitive = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Objects and arrays a message may hold for `flatCopy` to copy it (larger ones go to structuredClone). */
const COPY_BUDGET = 64;
const NOT_COPIED = Symbol('not copied');

/**
 * A copy of a small message that `structuredClone` would copy the same way: plain objects and arrays (no holes)
 * of primitives, nested at most a few levels, each object reached once (structuredClone keeps a shared reference
 * shared and a cycle a cycle; such messages are left to it). Most of pdf.js's messages are such: stream pulls and
 * their answers, glyph outlines `['…_path_12', 'FontPath', 'M0 0L…']`, page requests and page information, a few
 * thousand per document, and structuredClone costs about a microsecond a call even for these. Anything else (typed
 * arrays, class instances, errors, maps) gives undefined and is cloned as before.
 */
export function flatCopy(message: unknown): Record<string, unknown> | undefined {
  if (typeof message !== 'object' || message === null || Object.getPrototypeOf(message) !== Object.prototype) return undefined;
  const seen: object[] = [];
  const value = (x: unknown, depth: number): unknown => {
    if (isPrimitive(x)) return x;
    if (typeof x !== 'object' || x === null || depth > 4 || seen.length >= COPY_BUDGET || seen.includes(x)) return NOT_COPIED;
    seen.push(x);
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto === Array.prototype) {
      const a = x as unknown[];
      const out: unknown[] = new Array(a.length);
      for (let i = 0; i < a.length; i++) if (!(i in a) || (out[i] = value(a[i], depth + 1)) === NOT_COPIED) return NOT_COPIED;
      return out;
    }
    if (proto !== Object.prototype) return NOT_COPIED;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(x)) if ((out[key] = value((x as Record<string, unknown>)[key], depth + 1)) === NOT_COPIED) return NOT_COPIED;
    return out;
  };
  const copied = value(message, 0);
  return copied === NOT_COPIED ? undefined : (copied as Record<string, unknown>);
}
/**
 * The port between pdf.js's API and its worker code when both run in this thread. pdf.js's own (`LoopbackPort`,
 * used when no port is given) passes every message through `structuredClone`, as if it crossed threads: ~7% of
 * the CPU of a PDF, most of it copying the text items and operator lists of every page, which nothing changes
 * afterwards. Here those chunks are handed over with a one-level copy instead: the worker empties the arrays of
 * an operator-list chunk and replaces (never edits) a text chunk's `items`/`styles` right after sending, so the
 * chunk object and its arrays are copied and the items, argument arrays and typed arrays inside are shared.
 * Small plain messages (stream pulls, glyph outlines, requests, page information) are copied by `flatCopy`; every
 * other message (document loading, fonts, errors) is still cloned. Delivery stays asynchronous
 * and in order, as in pdf.js's port (a resolved promise per message).
 */
export class SameThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();

  postMessage(message: unknown, transfer?: ArrayBuffer[]): void {
    const m = message as StreamMessage;
    let data: unknown;
    if (m && m.stream === ENQUEUE && m.chunk && typeof m.chunk === 'object' && !ArrayBuffer.isView(m.chunk)) {
      const chunk: Record<string, unknown> = { ...(m.chunk as Record<string, unknown>) };
      for (const key of Object.keys(chunk)) if (Array.isArray(chunk[key])) chunk[key] = (chunk[key] as unknown[]).slice();
      data = { ...m, chunk };
    } else {
      data = (transfer === undefined || transfer.length === 0 ? flatCopy(message) : undefined) ?? structuredClone(message, transfer ? { transfer } : undefined);
    }
    const event = { data };
    void Promise.resolve().then(() => {
      for (const listener of [...this.#listeners.keys()]) listener.call(this, event);
    });
  }

  addEventListener(_name: string, listener: Listener, options: { signal?: AbortSignal } | null = null): void {
    let remove: (() => void) | null = null;
    const signal = options?.signal;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = (): void => this.removeEventListener(_name, listener);
      remove = () => signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', onAbort);
    }
    this.#listeners.set(listener, remove);
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  /** Handlers listening (one pair per open document, plus the worker's own). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  terminate(): void {
    for (const remove of this.#listeners.values()) remove?.();
    this.#listeners.clear();
  }
}

/**
 * A document for pdf.js's `ownerDocument` parameter that takes the fonts pdf.js hands it and keeps nothing: this
 * reader never draws a page, so a font has nowhere to go.
 *
 * Why give one: with `disableFontFace: true` (what Node needs without a document) pdf.js's worker builds the outline
 * of every glyph shown, as drawing commands, and sends each to this side (`FontPath`): ~8% of pdf.js's CPU on a text
 * PDF, for nothing. With `disableFontFace: false` it builds none, and instead this side installs each font into the
 * document as an `@font-face` rule (FontLoader.insertRule: a `<style>` element appended to the `<head>`, the rule
 * inserted into its sheet). This document accepts exactly that and drops it. Text, operator lists and fonts'
 * properties are the same either way (test/readers/pdf/pdfjs-fonts.test.ts). Should a later pdf.js ask the document
 * for more, the font load fails and pdf.js falls back by itself to building the outlines (`FontFallback`), i.e. to
 * today's work, with the same results.
 */
export const FONT_SINK_DOCUMENT = Object.freeze({
  createElement: (): { sheet: { cssRules: unknown[]; insertRule: (rule: string, index?: number) => number }; remove: () => void } => ({
    sheet: { cssRules: [], insertRule: () => 0 },
    remove: () => undefined,
  }),
  documentElement: { getElementsByTagName: (): { append: (node: unknown) => void }[] => [{ append: () => undefined }] },
});

let shared: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/**
 * One pdf.js worker for the process, on a SameThreadPort (documents share it, each with its own handlers). Its
 * verbosity (what pdf.js's worker code prints) is the first document's.
 */
export function sameThreadWorker(verbosity?: number): InstanceType<typeof pdfjs.PDFWorker> {
  if (!shared || shared.destroyed) {
    const port = new SameThreadPort();
    pdfjsWorker.WorkerMessageHandler.initializeFromPort(port);
    shared = new pdfjs.PDFWorker({ port: port as never, ...(verbosity === undefined ? {} : { verbosity }) });
  }
  return shared;
}

/** pdf.js's `getDocument`, on the process's same-thread worker unless the caller names a worker. */
type DocumentParams = Exclude<Parameters<typeof pdfjs.getDocument>[0], string | URL | ArrayBuffer | ArrayBufferView | undefined>;

export function getDocument(params: DocumentParams): ReturnType<typeof pdfjs.getDocument> {
  return pdfjs.getDocument(params.worker ? params : { ...params, worker: sameThreadWorker(params.verbosity) });
}

/** Where pdf.js finds its CMaps and standard fonts (in the installed pdfjs-dist). */
function pdfjsAssets(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const require = createRequire(import.meta.url);
    const base = dirname(require.resolve('pdfjs-dist/package.json'));
    return {
      cMapUrl: `${pathToFileURL(join(base, 'cmaps')).href}/`,
      standardFontDataUrl: `${pathToFileURL(join(base, 'standard_fonts')).href}/`,
    };
  } catch {
    return {};
  }
}

/**
 * The document parameters the PDF reader opens every PDF with (all but `data`). Tests and benches that call
 * pdf.js directly take them too, so they see what the reader sees.
 */
export function documentParams(): Omit<DocumentParams, 'data'> {
  return {
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    // fonts go to a document that drops them, so pdf.js builds no glyph outlines (see FONT_SINK_DOCUMENT)
    disableFontFace: false,
    ownerDocument: FONT_SINK_DOCUMENT as never,
    // glyph widths and ToUnicode maps of the fonts: word widths for telling a line break from a wrap
    fontExtraProperties: true,
    cMapPacked: true,
    ...pdfjsAssets(),
  };
}

/**
 * pdf.js 5.4 prefetches page dictionaries (`Catalog.getPageDict` caches `xref.fetchAsync` promises of the
 * page tree's kids) and never awaits them when the document fails or is done first. In a PDF whose
 * cross-reference table is broken such a promise rejects with no handler, after the reader has already
 * returned its result or its one-line error — and Node would then end the whole process (a batch too).
 * These rejections come from inside the pdf.js worker module and carry nothing the reader has not
 * reported, so they are ignored; any other unhandled rejection keeps Node's default (the process ends).
 * Found by test/fuzz/readers.fuzz.test.ts (seed 835, PDF input #290).
 */
export function isPdfjsInternalRejection(reason: unknown): boolean {
  return reason instanceof Error && /(Exception|Error)$/.test(reason.name) && (reason.stack ?? '').includes('pdf.worker');
}

process.on('unhandledRejection', (reason) => {
  if (isPdfjsInternalRejection(reason)) return;
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
});
