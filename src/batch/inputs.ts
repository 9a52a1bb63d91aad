/**
 * Batch inputs: files, folders (walked recursively; documents chosen by content, not by name) and
 * glob patterns (`plans/**\/*.pdf`). The result is sorted and free of duplicates, so a batch reads the
 * same files in the same order on every machine.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { detectFormat } from '../readers/index.js';
import { isUrl, urlFileName } from './download.js';

export interface ExpandOptions {
  /** Also take plan JSON files (`export`): `.json` files whose content starts with `{` or `[`. */
  planJson?: boolean;
}

export interface BatchFile {
  /** The path to read. */
  path: string;
  /**
   * Where its outputs go, relative to an output folder, without extension: the file's name for a named
   * file, its path under the folder (or under the pattern's fixed part) for folders and patterns.
   */
  stem: string;
}

export interface ExpandedInputs {
  /** Files to convert, in a stable order: each argument's files in code-point order, duplicates dropped. */
  files: BatchFile[];
  /** Some argument was a folder or a pattern (so the batch may hold any number of files). */
  expanded: boolean;
  /** Arguments that named nothing (no such file, a pattern matching nothing). */
  missing: string[];
  /** Files inside folders or pattern matches that are not documents (skipped, not failed). */
  skipped: string[];
}

const GLOB_CHARS = /[*?[{]/;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Is this file a document we read (or a plan JSON for export)? Decided from its first bytes. */
export async function isDocument(path: string, options: ExpandOptions = {}): Promise<boolean> {
  let head: Uint8Array;
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) return false;
  const format = detectFormat(head, path);
  if (format === 'pdf' || format === 'docx' || format === 'html') return true;
  if (format !== 'txt') return false;
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart();
  if (/\.json$/i.test(path)) return options.planJson === true && (text.startsWith('{') || text.startsWith('['));
  // Plain text: by content (no NUL bytes) and a text name — .csv, .xml, .log and the like are data, not plans.
  if (head.includes(0)) return false;
  return /\.(txt|text)$/i.test(path);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // hidden files and folders (.git, editor swap files, our own state)
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** A glob pattern as a regular expression over `/`-separated paths: `**` any folders, `*` `?` `[...]` `{a,b}` within a name. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function expandGlob(pattern: string): Promise<{ base: string; paths: string[] }> {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  let all: string[] = [];
  try {
    all = [];
    await walk(base, all);
  } catch {
    return { base, paths: [] };
  }
  const regex = globToRegExp(parts.slice(fixed.length).join('/'));
  return { base, paths: all.filter((path) => regex.test(relative(base, path).split(sep).join('/'))) };
}

/** Expand command-line inputs into the files of a batch. */
export async function expandInputs(args: readonly string[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: BatchFile[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const skipped: string[] = [];
  let expanded = false;
  const add = (path: string, base: string | null): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    const name = base === null ? basename(path) : relative(base, path).split(sep).join('/');
    files.push({ path, stem: name.slice(0, name.length - extname(name).length) });
  };
  for (const arg of args) {
    if (isUrl(arg)) {
      // Downloaded by the worker (within the file's time limit); the output is named after the URL's file name.
      if (!seen.has(arg)) {
        seen.add(arg);
        const name = urlFileName(arg);
        files.push({ path: arg, stem: name.slice(0, name.length - extname(name).length) || name });
      }
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch {
      info = null;
    }
    if (info?.isDirectory()) {
      expanded = true;
      const found: string[] = [];
      await walk(arg, found);
      for (const path of found) {
        if (await isDocument(path, options).catch(() => false)) add(path, arg);
        else skipped.push(path);
      }
    } else if (info === null && GLOB_CHARS.test(arg)) {
      expanded = true;
      const { base, paths } = await expandGlob(arg);
      if (paths.length === 0) missing.push(arg);
      for (const path of paths) add(path, base);
    } else {
      // A named file is always taken (and fails with its own reason when it cannot be read).
      add(arg, null);
    }
  }
  return { files, expanded, missing, skipped };
}

/**
 * `K/N` → the K-th of N shares (1-based). A file's share follows from a hash of its output stem alone,
 * so every machine given the same inputs takes a disjoint share without coordination, and adding a file
 * to the corpus does not move the others between shares.
 */
export function shard(files: readonly BatchFile[], k: number, n: number): BatchFile[] {
  return files.filter((f) => createHash('sha256').update(f.stem).digest().readUInt32BE(0) % n === k - 1);
}

/** Parse `K/N` (1 ≤ K ≤ N); null when malformed. */
export function parseShard(text: string): { k: number; n: number } | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return k >= 1 && n >= 1 && k <= n ? { k, n } : null;
}
