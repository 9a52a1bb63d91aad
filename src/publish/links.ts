/**
 * Links between the files of a dataset, made portal addresses in the copies that are uploaded.
 *
 * An export names its files relatively: the passport's `structure` lists `datapackage.json` and the
 * `*.schema.json` files, datapackage.json's resources have `path: "measures.csv"`, a CSVW description has
 * `url: "measures.csv"`. Once the files are resources of a portal dataset, the passport must list links (the
 * portal addresses of the structure files: Постанова 835, «посилання на структуру набору даних»), and the
 * descriptions must point at the data where it is published. So the uploaded copy of such a file has every
 * relative name of a file of the directory replaced by that file's portal address (the `url` of its resource).
 * The files on disk are never changed.
 *
 * The copy depends only on the file and the addresses it names, so a second run against the same portal makes
 * byte-identical copies (same hash: nothing uploaded). Files are uploaded after the files they name.
 */

/** A JSON value with the places that name other files. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Slot {
  get: () => string;
  set: (value: string) => void;
}

/** Strings of `doc` that may name another file of the dataset, by the kind of document. */
function slots(name: string, doc: Json): Slot[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const out: Slot[] = [];
  const field = (obj: { [key: string]: Json }, key: string): void => {
    const v = obj[key];
    if (typeof v === 'string') out.push({ get: () => obj[key] as string, set: (x) => void (obj[key] = x) });
    else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (typeof item === 'string') out.push({ get: () => v[i] as string, set: (x) => void (v[i] = x) });
      });
    }
  };
  if (name === 'passport.json') {
    // The passport's structure element: the structure descriptions of the dataset.
    field(doc, 'structure');
    return out;
  }
  if (Array.isArray(doc.resources)) {
    // A Data Package: each resource's data (path) and a schema or dialect given by reference.
    for (const r of doc.resources) {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
      field(r, 'path');
      field(r, 'schema');
      field(r, 'dialect');
    }
    return out;
  }
  if ('tableSchema' in doc || '@context' in doc || 'context' in doc) {
    // CSVW metadata: the table's url (and the urls of a table group's tables).
    field(doc, 'url');
    if (Array.isArray(doc.tables)) {
      for (const table of doc.tables) if (table !== null && typeof table === 'object' && !Array.isArray(table)) field(table, 'url');
    }
  }
  return out;
}

/** A relative reference to a file of the directory (not a link, not a path outside it). */
function isLocal(value: string, names: ReadonlySet<string>): boolean {
  return names.has(value) && !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

function parse(bytes: Buffer): Json | undefined {
  try {
    return JSON.parse(bytes.toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

/** The files of the directory `name` refers to by relative name, in order of appearance. */
export function references(name: string, bytes: Buffer, names: ReadonlySet<string>): string[] {
  if (!name.toLowerCase().endsWith('.json')) return [];
  const doc = parse(bytes);
  if (doc === undefined) return [];
  const refs: string[] = [];
  for (const s of slots(name, doc)) {
    const v = s.get();
    if (v !== name && isLocal(v, names) && !refs.includes(v)) refs.push(v);
  }
  return refs;
}

/** The indentation the file uses (two spaces when it cannot be seen), to write the copy the same way. */
function indentation(text: string): string | number {
  const m = /^[[{]\r?\n([ \t]+)\S/.exec(text);
  return m ? m[1]! : 2;
}

/**
 * The bytes to upload for a file: the file itself when it names no other file, else a copy with each name
 * replaced by the portal address in `urls`. Null when an address it needs is not known yet.
 */
export function withPortalLinks(name: string, bytes: Buffer, names: ReadonlySet<string>, urls: ReadonlyMap<string, string>): Buffer | null {
  if (references(name, bytes, names).length === 0) return bytes;
  const text = bytes.toString('utf8');
  const doc = parse(bytes) as Json;
  for (const s of slots(name, doc)) {
    const v = s.get();
    if (v === name || !isLocal(v, names)) continue;
    const url = urls.get(v);
    if (!url) return null;
    s.set(url);
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  let out = JSON.stringify(doc, null, indentation(text));
  if (newline !== '\n') out = out.replace(/\n/g, newline);
  if (/\r?\n$/.test(text)) out += newline;
  return Buffer.from(out, 'utf8');
}

/**
 * The files in upload order: every file after the files it names (data, then the descriptions naming the data,
 * then the passport naming the descriptions); by name within a level. A cycle (never made by export) is cut.
 */
export function uploadOrder<T extends { name: string; bytes: Buffer }>(files: readonly T[]): T[] {
  const names = new Set(files.map((f) => f.name));
  const refs = new Map(files.map((f) => [f.name, references(f.name, f.bytes, names)]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (name: string): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const d = Math.max(-1, ...(refs.get(name) ?? []).map(depth)) + 1;
    visiting.delete(name);
    level.set(name, d);
    return d;
  };
  return [...files].sort((a, b) => depth(a.name) - depth(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
