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

/** Canonical prefixes by namespace URI (Transitional and Strict OOXML): element names are read as `w:p`, whatever prefix a file uses. */
export const NAMESPACE_PREFIXES: Readonly<Record<string, string>> = {
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

/** Elements whose text is kept (run text, deleted text, field instructions); text elsewhere is layout white space. */
export const TEXT_PARENTS: readonly string[] = ['w:t', 'w:delText', 'w:instrText'];

/**
 * Unzip + parse, as plain JS run with \`require\` and \`workerData\` ({ maxPartBytes }) in scope;
 * it defines \`run(bytes, maxPartBytes)\`. The same text runs in the isolated worker (WORKER_SOURCE) and,
 * inside a batch worker that already has its own limits, in the calling thread (see useInThreadDocx).
 */
const PARSER_SOURCE = String.raw`
const zlib = require('node:zlib');
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const MAX_BUFFER = require('node:buffer').constants.MAX_LENGTH;

// Canonical prefixes by namespace URI (Transitional and Strict OOXML): NAMESPACE_PREFIXES below.
const NS = ${JSON.stringify(NAMESPACE_PREFIXES)};
const TEXT_PARENTS = new Set(${JSON.stringify(TEXT_PARENTS)});

function qname(prefix, uri, local) {
  const p = (uri && NS[uri]) || prefix || '';
  return p ? p + ':' + local : local;
}

// The XML of a part → its element tree, scanned with a few patterns (the regex engine walks the text, not a
// per-character state machine): elements with canonical names, attributes without namespace declarations, text
// kept only inside w:t / w:delText / w:instrText. Well-formedness is checked as XML 1.0 + Namespaces require
// (one root, matched tags, quoted attribute values without «<», no duplicate attributes, bound prefixes, only
// the five named entities and character references of XML characters, no «]]>» in text, no DTD); characters
// XML forbids (control characters some generators write into text) are kept as they are.
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = '[' + NAME_START + '][' + NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*';
const S = '[ \\t\\r\\n]';
const START_TAG = new RegExp('<(' + NAME + ')((?:' + S + '+' + NAME + S + '*=' + S + '*(?:"[^"]*"|\'[^\']*\'))*)' + S + '*(/?)>', 'uy');
const ATTRIBUTE = new RegExp(S + '+(' + NAME + ')' + S + '*=' + S + '*(?:"([^"]*)"|\'([^\']*)\')', 'gu');
// The same two patterns for names in ASCII, which is what OOXML writes: much cheaper to compile and run than the
// full XML name classes. Where the ASCII pattern matches a tag the full one matches it the same way (a name ends
// at the same character: white space, «=», «/» or «>», which no name contains); otherwise the full one decides.
const ASCII_NAME = '[:A-Z_a-z][:A-Z_a-z\\-.0-9]*';
const START_TAG_ASCII = new RegExp('<(' + ASCII_NAME + ')((?:' + S + '+' + ASCII_NAME + S + '*=' + S + '*(?:"[^"]*"|\'[^\']*\'))*)' + S + '*(/?)>', 'y');
const ATTRIBUTE_ASCII = new RegExp(S + '+(' + ASCII_NAME + ')' + S + '*=' + S + '*(?:"([^"]*)"|\'([^\']*)\')', 'g');
const END_TAG = new RegExp('</(' + NAME + ')' + S + '*>', 'uy');
// A processing instruction's target is a name without a colon (Namespaces in XML, section 7).
const PI_TARGET = new RegExp('<\\?(' + NAME.replaceAll(':', '') + ')(?:' + S + '|\\?>)', 'uy');
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(lt|gt|amp|apos|quot));/y;
const NAMED = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function xmlError(message) {
  return new Error(message);
}

// Literal text with its references replaced; «literal» turns a piece of source text into data (line ends or white space).
function decode(raw, literal) {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) throw xmlError('malformed or undefined entity reference.');
    let value;
    if (m[3]) value = NAMED[m[3]];
    else {
      const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2], 16);
      const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) throw xmlError('malformed character entity.');
      value = String.fromCodePoint(code);
    }
    out += literal(raw.slice(from, amp)) + value;
    from = REFERENCE.lastIndex;
  }
  return from === 0 ? literal(raw) : out + literal(raw.slice(from));
}
// Line ends (XML 1.0 2.11; XML 1.1 adds NEL and LS): one \n in text, one space in an attribute value, as tabs there.
const LINE_ENDS_10 = { test: /\r/, text: /\r\n?/g, attributeTest: /[\t\n\r]/, attribute: /\r\n|[\t\n\r]/g };
const LINE_ENDS_11 = { test: /[\r\u0085\u2028]/, text: /\r[\n\u0085]?|[\u0085\u2028]/g, attributeTest: /[\t\n\r\u0085\u2028]/, attribute: /\r[\n\u0085]?|[\t\n\r\u0085\u2028]/g };
let lineEnds = LINE_ENDS_10;
const textLiteral = (s) => (lineEnds.test.test(s) ? s.replace(lineEnds.text, '\n') : s);
const attributeLiteral = (s) => (lineEnds.attributeTest.test(s) ? s.replace(lineEnds.attribute, ' ') : s);
const XML_DECL = new RegExp(
  '<\\?xml' + S + '+version' + S + '*=' + S + '*(?:"(1\\.[0-9]+)"|\'(1\\.[0-9]+)\')' +
    '(?:' + S + '+encoding' + S + '*=' + S + '*(?:"[A-Za-z][A-Za-z0-9._-]*"|\'[A-Za-z][A-Za-z0-9._-]*\'))?' +
    '(?:' + S + '+standalone' + S + '*=' + S + '*(?:"(?:yes|no)"|\'(?:yes|no)\'))?' + S + '*\\?>',
  'y',
);

function splitName(name) {
  const colon = name.indexOf(':');
  if (colon < 0) return { prefix: '', local: name };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  if (prefix === '' || local === '' || local.includes(':')) throw xmlError('malformed name: ' + name + '.');
  return { prefix, local };
}

// Names recur (w:p, w:r, w:t …): each is split once.
const NAME_PARTS = new Map();
function nameParts(name) {
  let parts = NAME_PARTS.get(name);
  if (parts === undefined) {
    parts = splitName(name);
    if (NAME_PARTS.size < 4096) NAME_PARTS.set(name, parts);
  }
  return parts;
}

// qname() of a name whose prefix may already be the canonical one (then the name as written is the result).
function canonicalName(name, prefix, uri, local) {
  const p = (uri && NS[uri]) || prefix || '';
  return p === prefix ? name : p ? p + ':' + local : local;
}

const NO_ATTRIBUTES = [];

// «<» may not be written in an attribute value: it is skipped (as saxes, used before, did), except inside a
// reference («&am<p;»), which it breaks.
function withoutLessThan(raw) {
  for (let k = raw.indexOf('<'); k >= 0; k = raw.indexOf('<', k + 1)) {
    if (raw.lastIndexOf('&', k) > raw.lastIndexOf(';', k)) throw xmlError('malformed entity reference.');
  }
  return raw.replaceAll('<', '');
}

// The attributes of a start tag (the text after its name), as written: name, its parts, value; no name twice.
function readAttributes(text, pattern) {
  const attrs = [];
  let seen;
  pattern.lastIndex = 0;
  for (let a = pattern.exec(text); a; a = pattern.exec(text)) {
    const name = a[1];
    if (attrs.length >= 8) {
      seen ??= new Set(attrs.map((at) => at.name));
      if (seen.has(name)) throw xmlError('duplicate attribute: ' + name + '.');
      seen.add(name);
    } else {
      for (const at of attrs) if (at.name === name) throw xmlError('duplicate attribute: ' + name + '.');
    }
    const raw = a[2] !== undefined ? a[2] : a[3];
    const value = decode(raw.includes('<') ? withoutLessThan(raw) : raw, attributeLiteral);
    const { prefix, local } = nameParts(name);
    attrs.push({ name, prefix, local, value });
  }
  return attrs;
}

// The scan's state: the text, the position, the open elements ({ node, name, parentNs }), the root and the
// namespace scope (prefix → URI, inheriting from the parent element's).
function parseXml(xml) {
  lineEnds = LINE_ENDS_10;
  const start = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const s = { xml, i: start, start, stack: [], root: undefined, ns: Object.assign(Object.create(null), { xml: XML_NS, '': '' }) };
  while (s.i < xml.length) {
    const lt = xml.indexOf('<', s.i);
    charData(s, lt < 0 ? xml.length : lt);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) endTag(s, lt);
    else if (next === 0x3f /* ? */) instruction(s, lt);
    else if (next === 0x21 /* ! */) markup(s, lt);
    else startTag(s, lt);
  }
  if (s.stack.length > 0) throw xmlError('unclosed tag: ' + s.stack[s.stack.length - 1].name);
  if (!s.root) throw new Error('no root element');
  return s.root;
}

// Text kept only inside w:t / w:delText / w:instrText.
function appendText(s, data) {
  const top = s.stack[s.stack.length - 1];
  if (top && TEXT_PARENTS.has(top.node.n)) (top.node.c ??= []).push(data);
}

// The character data from s.i to end: white space only outside the root, no «]]>».
function charData(s, end) {
  if (end <= s.i) return;
  const raw = s.xml.slice(s.i, end);
  if (s.stack.length === 0) {
    if (!/^[ \t\r\n]*$/.test(raw)) throw xmlError('text data outside of root node.');
  } else {
    if (raw.includes(']]>')) throw xmlError('the string "]]>" is disallowed in char data.');
    appendText(s, decode(raw, textLiteral));
  }
}

function endTag(s, lt) {
  const { xml } = s;
  // The usual case, «</name>» closing the open element, without the pattern.
  const open = s.stack[s.stack.length - 1];
  if (open && xml.startsWith(open.name, lt + 2) && xml.charCodeAt(lt + 2 + open.name.length) === 0x3e /* > */) {
    s.stack.pop();
    s.ns = open.parentNs;
    s.i = lt + 3 + open.name.length;
    return;
  }
  END_TAG.lastIndex = lt;
  const m = END_TAG.exec(xml);
  if (!m) throw xmlError('disallowed character in closing tag.');
  const top = s.stack.pop();
  if (!top) throw xmlError('unexpected close tag.');
  if (top.name !== m[1]) throw xmlError('unmatched closing tag: ' + m[1] + '.');
  s.ns = top.parentNs;
  s.i = END_TAG.lastIndex;
}

// «<?…?>»: the XML declaration (only at the start; version 1.1 changes line ends) or a processing instruction.
function instruction(s, lt) {
  const { xml } = s;
  PI_TARGET.lastIndex = lt;
  const m = PI_TARGET.exec(xml);
  if (!m) throw xmlError('disallowed character in processing instruction name.');
  if (m[1].toLowerCase() === 'xml') {
    if (m[1] !== 'xml' || lt !== s.start) throw xmlError('an XML declaration must be at the start of the document.');
    XML_DECL.lastIndex = lt;
    const decl = XML_DECL.exec(xml);
    if (!decl) throw xmlError('malformed XML declaration.');
    if ((decl[1] ?? decl[2]) === '1.1') lineEnds = LINE_ENDS_11;
    s.i = XML_DECL.lastIndex;
    return;
  }
  const close = xml.indexOf('?>', lt + 2);
  if (close < 0) throw xmlError('unexpected end.');
  s.i = close + 2;
}

// «<!…»: a comment or a CDATA section; a DTD or other declaration is refused.
function markup(s, lt) {
  const { xml } = s;
  if (xml.startsWith('<!--', lt)) {
    const close = xml.indexOf('--', lt + 4);
    if (close < 0) throw xmlError('unexpected end.');
    if (xml.charCodeAt(close + 2) !== 0x3e) throw xmlError('malformed comment.');
    s.i = close + 3;
  } else if (xml.startsWith('<![CDATA[', lt)) {
    if (s.stack.length === 0) throw xmlError('text data outside of root node.');
    const close = xml.indexOf(']]>', lt + 9);
    if (close < 0) throw xmlError('unexpected end.');
    appendText(s, textLiteral(xml.slice(lt + 9, close)));
    s.i = close + 3;
  } else throw xmlError('a document type declaration or other markup OOXML never has.');
}

function startTag(s, lt) {
  const { xml } = s;
  START_TAG_ASCII.lastIndex = lt;
  let m = START_TAG_ASCII.exec(xml);
  let pattern = START_TAG_ASCII;
  if (!m) {
    START_TAG.lastIndex = lt;
    m = START_TAG.exec(xml);
    pattern = START_TAG;
  }
  if (!m) throw xmlError('malformed start tag.');
  if (s.stack.length === 0 && s.root) throw xmlError('documents may contain only one root.');
  const parentNs = s.ns;
  // Attributes as written; namespace declarations first make this element's scope.
  const attrs = m[2] ? readAttributes(m[2], pattern === START_TAG_ASCII ? ATTRIBUTE_ASCII : ATTRIBUTE) : NO_ATTRIBUTES;
  s.ns = scopeOf(attrs, parentNs);
  const name = m[1];
  const { prefix, local } = nameParts(name);
  if (prefix === 'xmlns') throw xmlError('tags may not have "xmlns" as prefix.');
  const uri = s.ns[prefix];
  if (uri === undefined || (prefix !== '' && uri === '')) throw xmlError('unbound namespace prefix: ' + JSON.stringify(prefix) + '.');
  const node = { n: canonicalName(name, prefix, uri, local) };
  if (attrs.length > 0) node.a = attributeMap(attrs, s.ns);
  const parent = s.stack[s.stack.length - 1];
  if (parent) (parent.node.c ??= []).push(node);
  else s.root = node;
  if (m[3]) s.ns = parentNs;
  else s.stack.push({ node, name, parentNs });
  s.i = pattern.lastIndex;
}

// The namespace scope of an element: its parent's, plus the element's own declarations (xmlns, xmlns:p).
function scopeOf(attrs, parentNs) {
  let ns = parentNs;
  for (const at of attrs) {
    if (at.name !== 'xmlns' && at.prefix !== 'xmlns') continue;
    // A namespace name is taken without the white space around it.
    const uri = at.value.trim();
    if (ns === parentNs) ns = Object.create(parentNs);
    const declared = at.name === 'xmlns' ? '' : at.local;
    if (uri === XMLNS_NS || (uri === XML_NS) !== (declared === 'xml') || declared === 'xmlns') {
      throw xmlError('a namespace declaration XML does not allow: ' + at.name + '="' + at.value + '".');
    }
    if (declared !== '' && uri === '' && lineEnds === LINE_ENDS_10) throw xmlError('invalid attempt to undefine prefix in XML 1.0');
    ns[declared] = uri;
  }
  return ns;
}

// The element's attributes by canonical name (namespace declarations left out); a repeat is an error.
function attributeMap(attrs, ns) {
  const a = {};
  let expanded;
  for (const at of attrs) {
    if (at.prefix === 'xmlns' || at.name === 'xmlns') continue;
    if (at.prefix === '') {
      a[at.local] = at.value;
      continue;
    }
    const atUri = ns[at.prefix];
    if (atUri === undefined) throw xmlError('unbound namespace prefix: ' + JSON.stringify(at.prefix) + '.');
    const eqname = '{' + atUri + '}' + at.local;
    expanded ??= new Set();
    if (expanded.has(eqname)) throw xmlError('duplicate attribute: ' + eqname + '.');
    expanded.add(eqname);
    a[atUri ? canonicalName(at.name, at.prefix, atUri, at.local) : at.local] = at.value;
  }
  return a;
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
 * One warm worker per heap limit, running jobs one at a time. Starting an isolate costs tens of
 * milliseconds, so the worker is kept between files; a job that times out or
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
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { maxPartBytes: 0 },
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
 * the same text either way (PARSER_SOURCE), so the parts are the same. The parser is compiled
 * when the first DOCX comes, so a worker that reads only PDFs never compiles it.
 */
export function useInThreadDocx(): void {
  inThread = true;
}

let parserText: { run: Parser; parseXml: (xml: string) => XNode } | undefined;

/** PARSER_SOURCE compiled in this thread (once). */
function parserInThread(): { run: Parser; parseXml: (xml: string) => XNode } {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one parser text shared with the eval worker
  parserText ??= new Function('require', 'workerData', `'use strict';\n${PARSER_SOURCE}\nreturn { run, parseXml };`)(require, {
    maxPartBytes: 0,
  }) as { run: Parser; parseXml: (xml: string) => XNode };
  return parserText;
}

function inThreadParse(): Parser {
  inThreadParser ??= parserInThread().run;
  return inThreadParser;
}

/**
 * One XML part → its element tree, as the DOCX reader builds it (canonical names, no namespace declarations,
 * text only inside w:t / w:delText / w:instrText); throws on XML that is not well-formed.
 */
export function parseXmlPart(xml: string): XNode {
  return parserInThread().parseXml(xml);
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
