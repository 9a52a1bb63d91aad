/**
 * Isolated unzip + XML parse of a DOCX.
 *
 * A crafted DOCX can be a zip bomb or an XML file that takes a long time or much memory to parse
 * (mammoth's README warns about this for the same reason). The risky part — inflating the zip
 * entries and parsing their XML — runs in a worker thread with a heap limit and a time limit; the
 * worker sends back plain element trees (`XNode`), which the main thread walks (a linear walk over
 * a tree whose size the worker already bounded).
 *
 * The worker (kept warm between files, see DocxWorker) is an `eval` worker whose source is the plain-JS string below, so it runs the same
 * way from TypeScript sources (tests) and from the compiled package, without a loader.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

/** An XML element: canonical qualified name (`w:p`), attributes, children (elements or text). */
export interface XNode {
  n: string;
  a?: Record<string, string>;
  c?: (XNode | string)[];
}

export interface DocxParts {
  /** The main document part (word/document.xml or whatever _rels/.rels names). */
  document: XNode;
  styles?: XNode;
  numbering?: XNode;
  /** The theme part (colours named by w:themeFill). */
  theme?: XNode;
  /** Names of parts that exist but are not read (comments, footnotes, …), for messages. */
  ignoredParts: string[];
}

export interface DocxLimits {
  /** Wall-clock limit for unzip + parse, in milliseconds. */
  timeoutMs: number;
  /** V8 old-generation heap limit of the worker, in MB. */
  maxOldGenerationSizeMb: number;
  /** Largest uncompressed size accepted for one XML part, in bytes. */
  maxPartBytes: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  timeoutMs: 60_000,
  maxOldGenerationSizeMb: 512,
  maxPartBytes: 256 * 1024 * 1024,
};

/**
 * A DOCX that cannot be read. The message is one line without the file name (the pipeline puts
 * the path in front, as for every reader); `file` is the name the reader was given.
 */
export class DocxReadError extends Error {
  override name = 'DocxReadError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Unzip + parse, as plain JS run with \`require\` and \`workerData\` ({ saxes, maxPartBytes }) in scope;
 * it defines \`run(bytes, maxPartBytes)\`. The same text runs in the isolated worker (WORKER_SOURCE) and,
 * inside a batch worker that already has its own limits, in the calling thread (see useInThreadDocx).
 */
const PARSER_SOURCE = String.raw`
const zlib = require('node:zlib');
const { SaxesParser } = require(workerData.saxes);
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const MAX_BUFFER = require('node:buffer').constants.MAX_LENGTH;

// Canonical prefixes by namespace URI (Transitional and Strict OOXML).
const NS = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
};
const TEXT_PARENTS = new Set(['w:t', 'w:delText', 'w:instrText']);

function qname(prefix, uri, local) {
  const p = (uri && NS[uri]) || prefix || '';
  return p ? p + ':' + local : local;
}

// The XML of a part → its element tree, straight from the SAX events (no DOM in between): elements with canonical
// names, attributes without namespace declarations, text kept only inside w:t / w:delText / w:instrText.
// Well-formedness is checked (a broken part is an error), except characters XML forbids (control characters some
// generators write into text), which are kept as they are.
function parseXml(xml) {
  const parser = new SaxesParser({ xmlns: true });
  const stack = [];
  let root;
  let error;
  parser.on('error', (e) => {
    if (!error && !/disallowed character\.$/.test(e.message)) error = e;
  });
  parser.on('opentag', (tag) => {
    const node = { n: qname(tag.prefix, tag.uri, tag.local) };
    const attributes = tag.attributes;
    for (const key in attributes) {
      node.a ??= {};
      const at = attributes[key];
      if (at.prefix === 'xmlns' || at.name === 'xmlns') continue;
      node.a[at.uri ? qname(at.prefix, at.uri, at.local) : at.local] = at.value;
    }
    const parent = stack[stack.length - 1];
    if (parent) (parent.c ??= []).push(node);
    else root = node;
    stack.push(node);
  });
  const text = (data) => {
    const top = stack[stack.length - 1];
    if (top && TEXT_PARENTS.has(top.n)) (top.c ??= []).push(data);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

function size_(n) {
  return n >= 1048576 ? Math.round(n / 1048576) + ' MB' : n >= 1024 ? Math.round(n / 1024) + ' KB' : n + ' bytes';
}

// The entries of a ZIP container, from its central directory (PKWARE APPNOTE 4.3.12-4.3.16; ZIP64 4.3.14, 4.5.3):
// name → where its data is and how it is stored. Bytes before the container (a self-extracting stub) are allowed.
function openZip(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => buf.readUInt16LE(at);
  const u32 = (at) => buf.readUInt32LE(at);
  const u64 = (at) => u32(at) + u32(at + 4) * 0x100000000;
  // End of central directory: the last one in the file (after it, a comment or anything else).
  const end = buf.length < 22 ? -1 : buf.lastIndexOf(EOCD_SIGNATURE, buf.length - 22);
  if (end < 0) throw new Error("can't find end of central directory");
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  let dirEnd = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && u32(locator) === 0x07064b50) {
      const at = u64(locator + 8);
      if (at + 56 > buf.length || u32(at) !== 0x06064b50) throw new Error("can't find the ZIP64 end of central directory");
      count = u64(at + 32);
      size = u64(at + 40);
      offset = u64(at + 48);
      dirEnd = at;
    }
  }
  // Bytes in front of the container shift every offset the same way.
  const shift = dirEnd - size - offset;
  if (shift < 0 || offset + shift + 4 > buf.length || (count > 0 && u32(offset + shift) !== 0x02014b50)) {
    throw new Error('corrupted central directory');
  }
  const entries = new Map();
  let p = offset + shift;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || u32(p) !== 0x02014b50) throw new Error('corrupted central directory (entry ' + (k + 1) + ' of ' + count + ')');
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const entry = {
      flags: u16(p + 8),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      local: u32(p + 42),
    };
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLength, xEnd = x + extraLength; x + 4 <= xEnd; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let v = x + 4;
      if (entry.size === 0xffffffff) (entry.size = u64(v)), (v += 8);
      if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(v)), (v += 8);
      if (entry.local === 0xffffffff) entry.local = u64(v);
    }
    entry.local += shift;
    entries.set(name, entry);
    p += 46 + nameLength + extraLength + u16(p + 32);
  }
  return { buf, entries };
}

// The bytes of one entry, inflated; at most maxBytes of them (a RangeError beyond).
function entryBytes(zip, entry, maxBytes) {
  const { buf } = zip;
  const at = entry.local;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new Error('corrupted local file header');
  if (entry.flags & 1) throw new Error('encrypted entries are not supported');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) throw new Error('entry data beyond the end of the file');
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  throw new Error('compression method ' + entry.method + ' is not supported');
}

function readPart(zip, name) {
  const entry = zip.entries.get(name);
  if (!entry || name.endsWith('/')) return undefined;
  if (entry.size > workerData.maxPartBytes) {
    throw new Error(name + ' is ' + size_(entry.size) + ' uncompressed (limit ' + size_(workerData.maxPartBytes) + ')');
  }
  // A UTF-16 unit comes from at most 3 bytes of UTF-8: more bytes than that always make more units than the limit.
  let bytes;
  try {
    bytes = entryBytes(zip, entry, Math.min(3 * workerData.maxPartBytes, MAX_BUFFER));
  } catch (e) {
    if (e && e.code === 'ERR_BUFFER_TOO_LARGE') throw new Error(name + ' is larger than the limit');
    throw new Error(name + ': ' + String(e && e.message ? e.message : e).split('\n')[0]);
  }
  const xml = bytes.toString('utf8');
  if (xml.length > workerData.maxPartBytes) throw new Error(name + ' is larger than the limit');
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) throw new Error(name + ' contains a DTD, which OOXML never has');
  try {
    return parseXml(xml);
  } catch (e) {
    throw new Error(name + ' is not well-formed XML: ' + String(e && e.message ? e.message : e).split('\n')[0]);
  }
}

function relsTargets(rels, base) {
  const out = [];
  if (!rels || !rels.c) return out;
  for (const r of rels.c) {
    if (!r.a || r.a.TargetMode === 'External') continue;
    let target = r.a.Target || '';
    if (target.startsWith('/')) target = target.slice(1);
    else {
      const parts = (base + target).split('/');
      const stack = [];
      for (const p of parts) {
        if (p === '..') stack.pop();
        else if (p !== '.' && p !== '') stack.push(p);
      }
      target = stack.join('/');
    }
    out.push({ type: (r.a.Type || '').split('/').pop(), target });
  }
  return out;
}

async function run(bytes, maxPartBytes) {
  workerData.maxPartBytes = maxPartBytes;
  let zip;
  try {
    zip = openZip(bytes);
  } catch (e) {
    throw new Error('not a valid ZIP container (' + (e && e.message ? e.message : e) + ')');
  }
  const rootRels = readPart(zip, '_rels/.rels');
  const main = relsTargets(rootRels, '').find((r) => r.type === 'officeDocument');
  const mainName = main ? main.target : 'word/document.xml';
  const document = readPart(zip, mainName);
  if (!document) throw new Error('no main document part (' + mainName + '); not a Word document');
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const relsName = dir + '_rels/' + mainName.slice(dir.length) + '.rels';
  const rels = relsTargets(readPart(zip, relsName), dir);
  const find = (type) => rels.find((r) => r.type === type);
  const stylesRel = find('styles');
  const numberingRel = find('numbering');
  const styles = stylesRel ? readPart(zip, stylesRel.target) : undefined;
  const numbering = numberingRel ? readPart(zip, numberingRel.target) : undefined;
  const themeRel = find('theme');
  let theme;
  try {
    theme = themeRel ? readPart(zip, themeRel.target) : undefined;
  } catch (e) {
    theme = undefined; // colours only: a broken theme part does not stop the read
  }
  const ignoredParts = rels
    .filter((r) => ['comments', 'footnotes', 'endnotes', 'aFChunk'].includes(r.type) && zip.entries.has(r.target) && !r.target.endsWith('/'))
    .map((r) => r.type);
  return { document, styles, numbering, theme, ignoredParts };
}
`;

const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
${PARSER_SOURCE}
parentPort.on('message', (job) => {
  run(job.bytes, job.maxPartBytes).then(
    (parts) => parentPort.postMessage({ id: job.id, ok: true, parts }),
    (err) => parentPort.postMessage({ id: job.id, ok: false, error: err && err.message ? err.message : String(err) }),
  );
});
`;

const require = createRequire(import.meta.url);
let modulePaths: { saxes: string } | undefined;

type WorkerReply = { id: number; ok: true; parts: DocxParts } | { id: number; ok: false; error: string };

interface Job {
  id: number;
  bytes: Uint8Array;
  file: string;
  limits: DocxLimits;
  resolve: (parts: DocxParts) => void;
  reject: (err: Error) => void;
}

/**
 * One warm worker per heap limit, running jobs one at a time. Starting an isolate and loading saxes
 * into it costs tens of milliseconds, so the worker is kept between files; a job that times out or
 * exhausts the heap kills the worker (the next job gets a fresh one), so one crafted file
 * cannot affect the next. The worker is unref'd while idle so it never keeps the process alive.
 */
class DocxWorker {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;

  constructor(private readonly maxOldGenerationSizeMb: number) {}

  run(input: Uint8Array, file: string, limits: DocxLimits): Promise<DocxParts> {
    // Copy: the worker gets its own buffer; the caller's input stays untouched.
    const bytes = new Uint8Array(input);
    return new Promise<DocxParts>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, file, limits, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    modulePaths ??= { saxes: require.resolve('saxes') };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...modulePaths, maxPartBytes: 0 },
      resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationSizeMb },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (msg: WorkerReply) => {
      if (this.worker !== worker) return; // a worker already given up (timed out)
      const cur = this.current;
      if (!cur || cur.job.id !== msg.id) return;
      this.settle();
      if (msg.ok) cur.job.resolve(msg.parts);
      else cur.job.reject(new DocxReadError(cur.job.file, `cannot read DOCX: ${msg.error}`));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const cur = this.current;
      if (!cur) return;
      this.settle();
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        cur.job.reject(new DocxReadError(cur.job.file, `DOCX conversion ran out of memory (limit ${this.maxOldGenerationSizeMb} MB)`));
      } else cur.job.reject(new DocxReadError(cur.job.file, `cannot read DOCX: ${err.message}`));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const cur = this.current;
      if (!cur) return;
      this.settle();
      cur.job.reject(new DocxReadError(cur.job.file, `DOCX conversion stopped unexpectedly (exit code ${code})`));
    });
    return worker;
  }

  /** End the current job and start the next one. */
  private settle(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    queueMicrotask(() => this.pump());
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.worker ??= this.spawn();
    const worker = this.worker;
    worker.ref();
    const { timeoutMs } = job.limits;
    const timer = setTimeout(() => {
      if (this.current?.job !== job) return;
      this.current = undefined;
      this.worker = undefined;
      void worker.terminate();
      job.reject(
        new DocxReadError(job.file, `DOCX conversion timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`),
      );
      this.pump();
    }, timeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, bytes: job.bytes, maxPartBytes: job.limits.maxPartBytes }, [job.bytes.buffer as ArrayBuffer]);
  }
}

const workers = new Map<number, DocxWorker>();

type Parser = (bytes: Uint8Array, maxPartBytes: number) => Promise<DocxParts>;
let inThread = false;
let inThreadParser: Parser | undefined;

/**
 * Parse DOCX parts in the calling thread from now on. For a thread that is itself isolated with a time
 * and heap limit — a batch worker (src/batch/worker.ts), which stops the whole file when it runs over —
 * a second worker per file only adds its start-up, a lock-step hand-over (the caller idles while the
 * worker parses, and the other way round) and a structured clone of every parsed tree. The parse is
 * the same text either way (PARSER_SOURCE), so the parts are the same. The parser (and saxes) is loaded
 * when the first DOCX comes, so a worker that reads only PDFs never loads it.
 */
export function useInThreadDocx(): void {
  inThread = true;
}

function inThreadParse(): Parser {
  modulePaths ??= { saxes: require.resolve('saxes') };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one parser text shared with the eval worker
  inThreadParser ??= new Function('require', 'workerData', `'use strict';\n${PARSER_SOURCE}\nreturn run;`)(require, {
    ...modulePaths,
    maxPartBytes: 0,
  }) as Parser;
  return inThreadParser;
}

/** Unzip and parse the parts of a DOCX in an isolated worker (or in-thread, see useInThreadDocx); failures are DocxReadError. */
export function parseDocxParts(input: Uint8Array, file: string, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<DocxParts> {
  if (inThread) {
    return inThreadParse()(input, limits.maxPartBytes).catch((err: unknown) => {
      throw new DocxReadError(file, `cannot read DOCX: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
  let worker = workers.get(limits.maxOldGenerationSizeMb);
  if (!worker) {
    worker = new DocxWorker(limits.maxOldGenerationSizeMb);
    workers.set(limits.maxOldGenerationSizeMb, worker);
  }
  return worker.run(input, file, limits);
}
