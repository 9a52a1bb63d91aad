/**
 * `publish`: an exported dataset directory → a CKAN dataset with one resource per file.
 *
 * Reads the portal first (package_show), plans the write calls from the difference (dataset fields, file
 * hashes against the `hash` recorded on each resource), then makes only those calls. A second run with
 * nothing changed plans nothing. Creates are never blindly repeated: after a fault the portal is read again,
 * so a lost answer to package_create/resource_create never leaves a duplicate.
 *
 * Files that name other files (passport structure, datapackage paths, CSVW urls) are uploaded as copies whose
 * names are the portal addresses of those files (./links.ts); the hash compared is the copy's.
 *
 * Every message is in the interface language (src/i18n); CKAN's action and field names are kept.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { count, t } from '../i18n/index.js';
import { ACCRUAL_PERIODICITIES } from '../model/national.js';
import { CkanClient, CkanError, type ActionBody, type CkanClientOptions } from './client.js';
import { uploadOrder, withPortalLinks } from './links.js';
import {
  ckanName,
  ckanNameRule,
  ckanTag,
  CKAN_LANGUAGE_UK,
  CKAN_NAME_MAX,
  CKAN_NAME_MIN,
  CKAN_PURPOSE_MAX,
  CKAN_TAG_MAX,
  CKAN_TAG_MIN,
  CKAN_TITLE_MAX,
  DEFAULT_LICENSE,
  LICENSES,
  licenseId,
  updateFrequency,
} from './rules.js';

/** A problem with the dataset or the portal (exit 1), one line naming what to fix (in the interface language). */
export class PublishError extends Error {}

/** Dataset fields of the data.gov.ua extension: a portal without it does not keep them (CKAN ignores unknown fields). */
export const EXTENSION_FIELDS: readonly string[] = ['purpose_of_collecting_information', 'update_frequency', 'language'];

export interface PublishOptions extends Omit<CkanClientOptions, 'portal'> {
  /** The exported dataset directory (with passport.json). */
  dir: string;
  portal: string;
  /** Organization (name or id) that owns the dataset. */
  org: string;
  /** CKAN dataset name; default: from the passport identifier. */
  name?: string;
  dryRun?: boolean;
  prune?: boolean;
  private?: boolean;
}

export interface LocalFile {
  name: string;
  path: string;
  bytes: Buffer;
  hash: string;
  format: string;
  mimetype: string;
}

export type PlannedCall =
  | { action: 'package_create' | 'package_patch'; fields: string[] }
  | {
      action: 'resource_create' | 'resource_patch';
      file: LocalFile;
      resourceId?: string;
      /** The bytes to upload (the file, or its copy with portal links); null while a link is not known. */
      upload: Buffer | null;
    }
  | { action: 'resource_delete'; resourceId: string; resourceName: string; duplicate?: boolean };

export interface PublishResult {
  name: string;
  /** The write calls planned (and, unless dry-run, made). */
  plan: PlannedCall[];
  /** Portal resources with no file in the directory (removed with prune). */
  orphans: string[];
  unchanged: string[];
  /** Write calls made (incl. repeated ones after faults). */
  writes: number;
  datasetUrl: string;
  /** Fields sent that the portal does not keep (data.gov.ua fields on a portal without its extension). */
  notKept: string[];
}

type CkanResource = { id: string; name?: string; hash?: string; url?: string };
type CkanPackage = Record<string, unknown> & {
  id: string;
  name: string;
  resources?: CkanResource[];
  tags?: { name: string }[];
  organization?: { id?: string; name?: string } | null;
  extras?: { key: string; value: unknown }[];
};

const digest = (algorithm: string, bytes: Buffer): string => createHash(algorithm).update(bytes).digest('hex');
const sha256 = (bytes: Buffer): string => digest('sha256', bytes);

/**
 * Whether a resource's recorded `hash` is the hash of these bytes. publish records SHA-256, but a portal may
 * replace it after the upload with its own hash of the same file: ckanext-archiver (used with ckanext-qa, as on
 * data.gov.ua) stores SHA-1 of the file it downloads, ckanext-xloader stores MD5. Any of the three, in hex with or
 * without an `algorithm:` prefix, means the same content — otherwise every run would upload everything again.
 */
export function sameContent(recorded: string | undefined, bytes: Buffer): boolean {
  if (!recorded) return false;
  const value = recorded.trim().toLowerCase().replace(/^(sha-?256|sha-?1|md5):/, '');
  if (!/^[0-9a-f]+$/.test(value)) return false;
  const algorithm = value.length === 64 ? 'sha256' : value.length === 40 ? 'sha1' : value.length === 32 ? 'md5' : null;
  return algorithm !== null && digest(algorithm, bytes) === value;
}

const FORMATS: Record<string, { format: string; mimetype: string }> = {
  csv: { format: 'CSV', mimetype: 'text/csv' },
  json: { format: 'JSON', mimetype: 'application/json' },
};

/** The files of the dataset directory that are published: every CSV and JSON file, by name. */
export async function readDatasetDir(dir: string): Promise<LocalFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new PublishError(t('publish.cannotReadDir', { dir, code: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  const files: LocalFile[] = [];
  for (const name of names.sort()) {
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    const kind = FORMATS[ext];
    if (!kind || name.startsWith('.')) continue;
    const path = join(dir, name);
    const bytes = await readFile(path);
    files.push({ name, path, bytes, hash: sha256(bytes), ...kind });
  }
  if (!files.some((f) => f.name === 'passport.json')) throw new PublishError(t('publish.noPassport', { dir }));
  if (!files.some((f) => f.name === 'datapackage.json')) throw new PublishError(t('publish.noDatapackage', { dir }));
  return files;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/**
 * The CKAN dataset fields from passport.json. Field names and rules: CKAN's package schema (name, title, notes,
 * tag_string, owner_org, maintainer, maintainer_email, license_id, private) and data.gov.ua's (its dataset schema,
 * as in its public fork of ckanext-harvest, github.com/908Inc/ckanext-harvest, ckanext/harvest/logic/schema.py:
 * title, notes, tag_string, update_frequency, language required; purpose_of_collecting_information required,
 * at most 512 characters).
 */
export function datasetFields(passport: Record<string, unknown>, options: { name: string; org: string; private: boolean }, source = 'passport.json'): Record<string, string | boolean> {
  const problems: string[] = [];
  const title = str(passport.title).trim();
  if (!title) problems.push(t('publish.problem.titleEmpty'));
  if ([...title].length > CKAN_TITLE_MAX) problems.push(t('publish.problem.titleLong', { max: CKAN_TITLE_MAX }));
  const notes = str(passport.description).trim();
  if (!notes) problems.push(t('publish.problem.notesEmpty'));
  const purpose = str(passport.purpose).trim();
  if (!purpose) problems.push(t('publish.problem.purposeEmpty'));
  if ([...purpose].length > CKAN_PURPOSE_MAX) problems.push(t('publish.problem.purposeLong', { max: CKAN_PURPOSE_MAX }));
  const tags: string[] = [];
  let badTag = false;
  for (const k of Array.isArray(passport.keywords) ? passport.keywords : []) {
    const keyword = str(k);
    const tag = ckanTag(keyword);
    if ('problem' in tag) {
      badTag = true;
      if (tag.rule === 'short') problems.push(t('publish.problem.tagShort', { keyword, min: CKAN_TAG_MIN }));
      else if (tag.rule === 'long') problems.push(t('publish.problem.tagLong', { keyword, max: CKAN_TAG_MAX }));
      else problems.push(t('publish.problem.tagChars', { keyword, chars: tag.chars }));
    } else if (!tags.includes(tag.tag)) tags.push(tag.tag);
  }
  if (tags.length === 0 && !badTag) problems.push(t('publish.problem.noKeywords'));
  const license = licenseId(str(passport.license) || DEFAULT_LICENSE);
  if (!license) problems.push(t('publish.problem.license', { value: JSON.stringify(passport.license), list: Object.keys(LICENSES).join(', ') }));
  const frequency = updateFrequency(str(passport.accrualPeriodicity));
  if (!frequency) {
    problems.push(t('publish.problem.periodicity', { value: JSON.stringify(passport.accrualPeriodicity ?? null), list: ACCRUAL_PERIODICITIES.join('», «') }));
  }
  if (problems.length) throw new PublishError(t('publish.passportProblems', { file: source, problems: problems.join('; ') }));
  return {
    name: options.name,
    title,
    notes,
    tag_string: tags.join(','),
    owner_org: options.org,
    maintainer: str(passport.contactPointName),
    maintainer_email: str(passport.contactPointEmail),
    license_id: LICENSES[license as string]!.ckan,
    private: options.private,
    purpose_of_collecting_information: purpose,
    update_frequency: frequency as string,
    language: CKAN_LANGUAGE_UK,
  };
}

/** Whether the portal keeps a dataset field: shown at the top level (a schema field) or among the extras. */
function keeps(current: CkanPackage, key: string): boolean {
  return key in current || (current.extras ?? []).some((e) => e.key === key);
}

/** The extension fields a portal did not keep in a dataset it returned after a write. */
export function fieldsNotKept(current: CkanPackage, sent: readonly string[]): string[] {
  return EXTENSION_FIELDS.filter((k) => sent.includes(k) && !keeps(current, k));
}

/**
 * Fields whose value on the portal differs from the wanted one. An extension field the portal does not keep at
 * all is not a difference: patching it would change nothing (and a second run must make no write call).
 */
function changedFields(current: CkanPackage, wanted: Record<string, string | boolean>, org: string): string[] {
  const changed: string[] = [];
  // A deleted (not purged) or draft dataset of the organization is shown to its editors: publishing restores it.
  if (typeof current.state === 'string' && current.state !== 'active') changed.push('state');
  for (const [key, value] of Object.entries(wanted)) {
    const extra = (current.extras ?? []).find((e) => e.key === key);
    if (EXTENSION_FIELDS.includes(key) && !(key in current)) {
      if (extra && str(extra.value) !== str(value)) changed.push(key);
      continue;
    }
    if (key === 'tag_string') {
      const have = (current.tags ?? []).map((t) => t.name).sort().join(',');
      const want = String(value).split(',').filter(Boolean).sort().join(',');
      if (have !== want) changed.push(key);
    } else if (key === 'owner_org') {
      if (current.owner_org !== org && current.organization?.name !== org && current.organization?.id !== org) changed.push(key);
    } else if (key === 'private') {
      if (Boolean(current.private) !== value) changed.push(key);
    } else if (key === 'language') {
      const have = Array.isArray(current.language) ? current.language.join(',') : str(current.language);
      if (have !== value) changed.push(key);
    } else if (str(current[key]) !== str(value)) {
      changed.push(key);
    }
  }
  return changed;
}

/** The passport element each dataset field is made from (to name what to fix when the portal refuses a field). */
const PASSPORT_ELEMENT: Readonly<Record<string, string>> = {
  title: 'title',
  notes: 'description',
  tag_string: 'keywords',
  tags: 'keywords',
  maintainer: 'contactPointName',
  maintainer_email: 'contactPointEmail',
  license_id: 'license',
  purpose_of_collecting_information: 'purpose',
  update_frequency: 'accrualPeriodicity',
};

/** One line naming what to fix, from a CKAN error (the portal's own message kept as it is). */
export function explain(error: CkanError, context: { name: string; org: string; portal: string }): string {
  if (error.status === 403) return t('publish.explain.forbidden', { message: error.message, org: context.org });
  if (error.status === 409 && error.fields.name?.some((m) => /already in use/i.test(m))) {
    return t('publish.explain.nameInUse', { action: error.action, name: context.name, portal: context.portal });
  }
  if (error.status === 409 && error.fields.owner_org) return t('publish.explain.ownerOrg', { message: error.message, org: context.org });
  const elements = [...new Set(Object.keys(error.fields).flatMap((f) => (PASSPORT_ELEMENT[f] ? [PASSPORT_ELEMENT[f]] : [])))];
  if (error.status === 409 && elements.length) return t('publish.explain.passportFields', { message: error.message, elements: elements.join(', ') });
  if (error.status === 404) return t('publish.explain.notFound', { message: error.message, portal: context.portal, org: context.org });
  if (error.retryable) return t('publish.explain.retry', { message: error.message });
  return error.message;
}

/** One line of the plan printed by --dry-run. */
export function describeCall(call: PlannedCall, name: string): string {
  switch (call.action) {
    case 'package_create':
      return t('publish.plan.packageCreate', { name, fields: call.fields.join(', ') });
    case 'package_patch':
      return t('publish.plan.packagePatch', { name, fields: call.fields.join(', ') });
    case 'resource_create':
    case 'resource_patch': {
      const create = call.action === 'resource_create';
      if (!call.upload) return t(create ? 'publish.plan.resourceCreateLinked' : 'publish.plan.resourcePatchLinked', { file: call.file.name });
      return t(create ? 'publish.plan.resourceCreate' : 'publish.plan.resourcePatch', {
        file: call.file.name,
        bytes: call.upload.length,
        hash: sha256(call.upload).slice(0, 12),
      });
    }
    case 'resource_delete':
      return t(call.duplicate ? 'publish.plan.resourceDeleteDuplicate' : 'publish.plan.resourceDelete', { resource: call.resourceName });
  }
}

function resourceForm(file: LocalFile, bytes: Buffer, extra: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('name', file.name);
  form.append('format', file.format);
  form.append('mimetype', file.mimetype);
  form.append('hash', sha256(bytes));
  form.append('upload', new Blob([bytes], { type: file.mimetype }), file.name);
  return form;
}

/**
 * Everything one publish run knows, filled in step by step: what is wanted (files, dataset fields), what the
 * portal has, the plan made from the difference, and what has been uploaded.
 */
interface PublishRun {
  options: PublishOptions;
  log: (line: string) => void;
  /** The portal address without a trailing slash. */
  portal: string;
  /** The CKAN dataset name. */
  name: string;
  /** The files to publish, in upload order (./links.ts), and their names. */
  files: LocalFile[];
  names: Set<string>;
  /** The dataset fields made from the passport. */
  wanted: Record<string, string | boolean>;
  client: CkanClient;
  /** The dataset as last read from (or returned by) the portal; null while it does not exist. */
  current: CkanPackage | null;
  plan: PlannedCall[];
  /** The portal's resources by name (more than one for a name means duplicates). */
  byName: Map<string, CkanResource[]>;
  /** Portal resources with no file in the directory. */
  orphans: CkanResource[];
  /**
   * Portal address of each file's resource: known for resources that exist, learnt from each create. A file that
   * is gone but whose resource stays on the portal (no --prune) is still linked to there.
   */
  urls: Map<string, string>;
  /** The names other files may link to: the files, and (without --prune) the orphans kept on the portal. */
  linkable: Set<string>;
  unchanged: string[];
  /** What is (or was found) on the portal for each file: the uploaded copy's bytes, not the file's. */
  contents: Map<string, Buffer>;
  /** Extra resources for one file (left by a create whose answer was lost). */
  duplicates: CkanResource[];
  /** Whether a resource_create faulted (then duplicates it may have left are looked for at the end). */
  faultedCreate: boolean;
}

/** The parsed passport.json of the dataset directory (readDatasetDir made sure it is there). */
function readPassport(files: LocalFile[]): { passport: Record<string, unknown>; path: string } {
  const file = files.find((f) => f.name === 'passport.json') as LocalFile;
  try {
    return { passport: JSON.parse(file.bytes.toString('utf8')) as Record<string, unknown>, path: file.path };
  } catch (error) {
    throw new PublishError(t('publish.badJson', { file: file.path, error: (error as Error).message }));
  }
}

/** The CKAN dataset name: the one given (checked against CKAN's rule), else made from the passport identifier. */
function datasetName(given: string | undefined, passport: Record<string, unknown>, passportPath: string): string {
  if (given !== undefined) {
    const rule = ckanNameRule(given);
    if (rule) {
      const problem = t(`publish.name.${rule}`, { min: CKAN_NAME_MIN, max: CKAN_NAME_MAX });
      throw new PublishError(t('publish.badName', { name: JSON.stringify(given), problem }));
    }
    return given;
  }
  try {
    return ckanName(str(passport.identifier));
  } catch {
    throw new PublishError(t('publish.cannotMakeName', { file: passportPath, identifier: JSON.stringify(str(passport.identifier)) }));
  }
}

/** Reads the dataset directory and its passport, makes the dataset fields, and starts a run with nothing planned. */
async function startRun(options: PublishOptions, log: (line: string) => void): Promise<PublishRun> {
  const portal = options.portal.replace(/\/+$/, '');
  const files = uploadOrder(await readDatasetDir(options.dir));
  const names = new Set(files.map((f) => f.name));
  const { passport, path } = readPassport(files);
  const name = datasetName(options.name, passport, path);
  const wanted = datasetFields(passport, { name, org: options.org, private: options.private ?? false }, path);
  return {
    options,
    log,
    portal,
    name,
    files,
    names,
    wanted,
    client: new CkanClient({ ...options, portal }),
    current: null,
    plan: [],
    byName: new Map(),
    orphans: [],
    urls: new Map(),
    linkable: new Set(names),
    unchanged: [],
    contents: new Map(),
    duplicates: [],
    faultedCreate: false,
  };
}

/** Throws a portal error as one line naming what to fix; any other error as it is. */
function failWith(run: PublishRun, error: unknown): never {
  if (error instanceof CkanError) throw new PublishError(explain(error, { name: run.name, org: run.options.org, portal: run.portal }));
  throw error;
}

/** The dataset as the portal shows it now, or null when it does not exist. */
async function showDataset(run: PublishRun): Promise<CkanPackage | null> {
  try {
    return (await run.client.call('package_show', { id: run.name })) as CkanPackage;
  } catch (error) {
    if (error instanceof CkanError && error.status === 404) return null;
    if (error instanceof CkanError && error.status === 403 && run.client.hasToken) {
      throw new PublishError(t('publish.explain.showForbidden', { name: run.name, portal: run.portal }));
    }
    return failWith(run, error);
  }
}

/** Plans the dataset call: create it when missing, else patch the fields that differ (if any). */
function planDataset(run: PublishRun): void {
  if (!run.current) run.plan.push({ action: 'package_create', fields: Object.keys(run.wanted) });
  else {
    const changed = changedFields(run.current, run.wanted, run.options.org);
    if (changed.length) run.plan.push({ action: 'package_patch', fields: changed });
  }
}

/** Groups the portal's resources by name, finds the orphans, and (without --prune) keeps the orphans linkable. */
function indexPortalResources(run: PublishRun): void {
  for (const r of run.current?.resources ?? []) {
    const list = run.byName.get(r.name ?? '') ?? [];
    list.push(r);
    run.byName.set(r.name ?? '', list);
  }
  for (const [rname, list] of run.byName) if (!run.names.has(rname)) run.orphans.push(...list);
  if (run.options.prune) return;
  for (const r of run.orphans) {
    if (r.name && r.url && !run.urls.has(r.name)) {
      run.linkable.add(r.name);
      run.urls.set(r.name, r.url);
    }
  }
}

/**
 * Plans the resource calls: create a file's resource when missing, patch it when its content differs, remove
 * duplicates, and (with --prune) the orphans.
 */
function planResources(run: PublishRun): void {
  for (const file of run.files) {
    const list = run.byName.get(file.name) ?? [];
    const upload = withPortalLinks(file.name, file.bytes, run.linkable, run.urls);
    // Two resources for one file can only come from a create whose answer was lost: keep one, remove the rest.
    const keep = list.find((r) => upload !== null && sameContent(r.hash, upload)) ?? list[0];
    run.duplicates.push(...list.filter((r) => r !== keep));
    if (!keep) run.plan.push({ action: 'resource_create', file, upload });
    else if (upload === null || !sameContent(keep.hash, upload)) run.plan.push({ action: 'resource_patch', file, resourceId: keep.id, upload });
    else {
      run.unchanged.push(file.name);
      run.contents.set(file.name, upload);
    }
    if (keep?.url) run.urls.set(file.name, keep.url);
  }
  for (const r of run.duplicates) run.plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: r.name ?? r.id, duplicate: true });
  if (run.options.prune) for (const r of run.orphans) run.plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: r.name ?? r.id });
}

/** The result as planned (writes and notKept are updated when the plan is applied). */
function summarise(run: PublishRun): PublishResult {
  const current = run.current;
  return {
    name: run.name,
    plan: run.plan,
    orphans: run.orphans.map((r) => r.name ?? r.id),
    unchanged: run.unchanged,
    writes: 0,
    datasetUrl: `${run.portal}/dataset/${run.name}`,
    notKept: current ? EXTENSION_FIELDS.filter((k) => !keeps(current, k)) : [],
  };
}

/** An idempotent write call (retried on faults); a portal error becomes a PublishError. */
async function writeOrFail(run: PublishRun, action: string, body: ActionBody): Promise<unknown> {
  try {
    return await run.client.call(action, body, true);
  } catch (error) {
    return failWith(run, error);
  }
}

/** Creates the dataset; after a fault the portal is read again before creating again. */
async function createDataset(run: PublishRun): Promise<CkanPackage> {
  const body = { ...run.wanted };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await run.client.callOnce('package_create', body, true)) as CkanPackage;
    } catch (error) {
      if (!(error instanceof CkanError) || !error.retryable || attempt >= run.client.attempts) failWith(run, error);
      await run.client.backoff(attempt);
      const created = await showDataset(run);
      if (created) return created; // the create went through; its answer was lost
    }
  }
}

/** Makes the planned dataset call (the plan's first, if any) and records which sent fields the portal did not keep. */
async function applyDatasetCall(run: PublishRun, result: PublishResult): Promise<void> {
  const first = run.plan[0];
  if (first?.action === 'package_create') {
    run.current = await createDataset(run);
    result.notKept = fieldsNotKept(run.current, Object.keys(run.wanted));
    run.log(t('publish.created', { name: run.name }));
  } else if (first?.action === 'package_patch') {
    const body = { id: (run.current as CkanPackage).id, ...run.wanted, ...(first.fields.includes('state') ? { state: 'active' } : {}) };
    run.current = (await writeOrFail(run, 'package_patch', body)) as CkanPackage;
    result.notKept = fieldsNotKept(run.current, Object.keys(run.wanted));
    run.log(t('publish.updated', { name: run.name, fields: first.fields.join(', ') }));
  }
}

/** The bytes of a file as uploaded now: links to the addresses of the files uploaded before it. */
function uploadBytes(run: PublishRun, file: LocalFile): Buffer {
  const bytes = withPortalLinks(file.name, file.bytes, run.linkable, run.urls);
  if (!bytes) throw new PublishError(`${file.path}: ${t('publish.linksUnknown', { file: file.name })}`);
  run.contents.set(file.name, bytes);
  return bytes;
}

/** Records the portal address of a file's resource from the resource the portal returned. */
function learnUrl(run: PublishRun, file: LocalFile, resource: unknown): void {
  const url = (resource as CkanResource | null)?.url;
  if (typeof url === 'string' && url) run.urls.set(file.name, url);
}

/** Creates a file's resource; after a fault the portal is read again, so a lost answer never leaves a duplicate. */
async function createResource(run: PublishRun, file: LocalFile, packageId: string): Promise<void> {
  const bytes = uploadBytes(run, file);
  for (let attempt = 1; ; attempt++) {
    try {
      learnUrl(run, file, await run.client.callOnce('resource_create', resourceForm(file, bytes, { package_id: packageId }), true));
      return;
    } catch (error) {
      if (!(error instanceof CkanError) || !error.retryable || attempt >= run.client.attempts) failWith(run, error);
      run.faultedCreate = true;
      await run.client.backoff(attempt);
      const existing = (await showDataset(run))?.resources?.find((r) => r.name === file.name);
      if (existing && sameContent(existing.hash, bytes)) return learnUrl(run, file, existing); // created; the answer was lost
      if (existing) return learnUrl(run, file, await writeOrFail(run, 'resource_patch', resourceForm(file, bytes, { id: existing.id })));
    }
  }
}

/** Deletes a resource; one already gone (deleted by an earlier attempt whose answer was lost) is fine. */
async function deleteResource(run: PublishRun, resourceId: string): Promise<void> {
  try {
    await run.client.call('resource_delete', { id: resourceId }, true);
  } catch (error) {
    if (!(error instanceof CkanError && error.status === 404)) failWith(run, error);
  }
}

/** Makes the planned resource calls in order, logging each. */
async function applyResourceCalls(run: PublishRun): Promise<void> {
  const packageId = (run.current as CkanPackage).id;
  for (const call of run.plan) {
    if (call.action === 'resource_create') {
      await createResource(run, call.file, packageId);
      run.log(t('publish.uploadedNew', { file: call.file.name }));
    } else if (call.action === 'resource_patch') {
      const form = resourceForm(call.file, uploadBytes(run, call.file), { id: call.resourceId as string });
      learnUrl(run, call.file, await writeOrFail(run, 'resource_patch', form));
      run.log(t('publish.uploadedChanged', { file: call.file.name }));
    } else if (call.action === 'resource_delete') {
      await deleteResource(run, call.resourceId);
      run.log(call.duplicate ? t('publish.removedDuplicate', { resource: call.resourceName }) : t('publish.removed', { resource: call.resourceName, dir: run.options.dir }));
    }
  }
}

/**
 * After a faulted create: a create that timed out may still have gone through after the portal was re-read, so
 * duplicates are removed now (the next run would remove any that appear later still).
 */
async function removeLateDuplicates(run: PublishRun): Promise<void> {
  if (!run.faultedCreate) return;
  const after = await showDataset(run);
  const seen = new Set<string>();
  for (const r of after?.resources ?? []) {
    const bytes = run.contents.get(r.name ?? '');
    if (!bytes) continue;
    if (!seen.has(r.name as string) && sameContent(r.hash, bytes)) {
      seen.add(r.name as string);
      continue;
    }
    const keeper = after?.resources?.find((x) => x.name === r.name && sameContent(x.hash, bytes));
    if (!keeper || keeper === r) continue;
    await deleteResource(run, r.id);
    run.log(t('publish.removedDuplicate', { resource: r.name as string }));
  }
}

export async function publish(options: PublishOptions, log: (line: string) => void = () => {}): Promise<PublishResult> {
  const run = await startRun(options, log);
  run.current = await showDataset(run);
  planDataset(run);
  indexPortalResources(run);
  planResources(run);
  const result = summarise(run);
  if (options.dryRun || run.plan.length === 0) return result;
  if (!run.client.hasToken) throw new PublishError(t('publish.noToken'));
  await applyDatasetCall(run, result);
  await applyResourceCalls(run);
  await removeLateDuplicates(run);
  result.writes = run.client.writes;
  return result;
}
