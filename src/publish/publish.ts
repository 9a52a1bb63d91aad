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
import { CkanClient, CkanError, type CkanClientOptions } from './client.js';
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

export async function publish(options: PublishOptions, log: (line: string) => void = () => {}): Promise<PublishResult> {
  const portal = options.portal.replace(/\/+$/, '');
  const files = uploadOrder(await readDatasetDir(options.dir));
  const names = new Set(files.map((f) => f.name));
  const passportFile = files.find((f) => f.name === 'passport.json') as LocalFile;
  let passport: Record<string, unknown>;
  try {
    passport = JSON.parse(passportFile.bytes.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new PublishError(t('publish.badJson', { file: passportFile.path, error: (error as Error).message }));
  }
  let name = options.name;
  if (name !== undefined) {
    const rule = ckanNameRule(name);
    if (rule) {
      const problem = t(`publish.name.${rule}`, { min: CKAN_NAME_MIN, max: CKAN_NAME_MAX });
      throw new PublishError(t('publish.badName', { name: JSON.stringify(name), problem }));
    }
  } else {
    try {
      name = ckanName(str(passport.identifier));
    } catch {
      throw new PublishError(t('publish.cannotMakeName', { file: passportFile.path, identifier: JSON.stringify(str(passport.identifier)) }));
    }
  }
  const wanted = datasetFields(passport, { name, org: options.org, private: options.private ?? false }, passportFile.path);
  const client = new CkanClient({ ...options, portal });
  const ctx = { name, org: options.org, portal };
  const fail = (error: unknown): never => {
    if (error instanceof CkanError) throw new PublishError(explain(error, ctx));
    throw error;
  };

  const show = async (): Promise<CkanPackage | null> => {
    try {
      return (await client.call('package_show', { id: name })) as CkanPackage;
    } catch (error) {
      if (error instanceof CkanError && error.status === 404) return null;
      if (error instanceof CkanError && error.status === 403 && client.hasToken) {
        throw new PublishError(t('publish.explain.showForbidden', { name: name as string, portal }));
      }
      return fail(error);
    }
  };

  let current = await show();
  const plan: PlannedCall[] = [];
  if (!current) plan.push({ action: 'package_create', fields: Object.keys(wanted) });
  else {
    const changed = changedFields(current, wanted, options.org);
    if (changed.length) plan.push({ action: 'package_patch', fields: changed });
  }
  const byName = new Map<string, CkanResource[]>();
  for (const r of current?.resources ?? []) {
    const list = byName.get(r.name ?? '') ?? [];
    list.push(r);
    byName.set(r.name ?? '', list);
  }
  const orphans: CkanResource[] = [];
  for (const [rname, list] of byName) if (!names.has(rname)) orphans.push(...list);
  // Portal address of each file's resource: known for resources that exist, learnt from each create. A file that
  // is gone but whose resource stays on the portal (no --prune) is still linked to there.
  const urls = new Map<string, string>();
  const linkable = new Set(names);
  if (!options.prune) {
    for (const r of orphans) {
      if (r.name && r.url && !urls.has(r.name)) {
        linkable.add(r.name);
        urls.set(r.name, r.url);
      }
    }
  }
  const unchanged: string[] = [];
  /** What is (or was found) on the portal for each file: the uploaded copy's bytes, not the file's. */
  const contents = new Map<string, Buffer>();
  const duplicates: CkanResource[] = [];
  for (const file of files) {
    const list = byName.get(file.name) ?? [];
    const upload = withPortalLinks(file.name, file.bytes, linkable, urls);
    // Two resources for one file can only come from a create whose answer was lost: keep one, remove the rest.
    const keep = list.find((r) => upload !== null && sameContent(r.hash, upload)) ?? list[0];
    duplicates.push(...list.filter((r) => r !== keep));
    if (!keep) plan.push({ action: 'resource_create', file, upload });
    else if (upload === null || !sameContent(keep.hash, upload)) plan.push({ action: 'resource_patch', file, resourceId: keep.id, upload });
    else {
      unchanged.push(file.name);
      contents.set(file.name, upload);
    }
    if (keep?.url) urls.set(file.name, keep.url);
  }
  for (const r of duplicates) plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: r.name ?? r.id, duplicate: true });
  if (options.prune) for (const r of orphans) plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: r.name ?? r.id });

  const result: PublishResult = {
    name,
    plan,
    orphans: orphans.map((r) => r.name ?? r.id),
    unchanged,
    writes: 0,
    datasetUrl: `${portal}/dataset/${name}`,
    notKept: current ? EXTENSION_FIELDS.filter((k) => !keeps(current as CkanPackage, k)) : [],
  };
  if (options.dryRun || plan.length === 0) return result;
  if (!client.hasToken) throw new PublishError(t('publish.noToken'));

  // Dataset: create (re-reading after a fault before creating again) or patch.
  const first = plan[0];
  if (first?.action === 'package_create') {
    const body = { ...wanted };
    for (let attempt = 1; ; attempt++) {
      try {
        current = (await client.callOnce('package_create', body, true)) as CkanPackage;
        break;
      } catch (error) {
        if (!(error instanceof CkanError) || !error.retryable || attempt >= client.attempts) fail(error);
        await client.backoff(attempt);
        current = await show();
        if (current) break; // the create went through; its answer was lost
      }
    }
    result.notKept = fieldsNotKept(current, Object.keys(wanted));
    log(t('publish.created', { name }));
  } else if (first?.action === 'package_patch') {
    const body = { id: (current as CkanPackage).id, ...wanted, ...(first.fields.includes('state') ? { state: 'active' } : {}) };
    try {
      current = (await client.call('package_patch', body, true)) as CkanPackage;
    } catch (error) {
      fail(error);
    }
    result.notKept = fieldsNotKept(current as CkanPackage, Object.keys(wanted));
    log(t('publish.updated', { name, fields: first.fields.join(', ') }));
  }
  const packageId = (current as CkanPackage).id;
  let faultedCreate = false;
  /** The bytes of a file as uploaded now: links to the addresses of the files uploaded before it. */
  const bytesOf = (file: LocalFile): Buffer => {
    const bytes = withPortalLinks(file.name, file.bytes, linkable, urls);
    if (!bytes) throw new PublishError(`${file.path}: ${t('publish.linksUnknown', { file: file.name })}`);
    contents.set(file.name, bytes);
    return bytes;
  };
  const learn = (file: LocalFile, resource: unknown): void => {
    const url = (resource as CkanResource | null)?.url;
    if (typeof url === 'string' && url) urls.set(file.name, url);
  };

  for (const call of plan) {
    if (call.action === 'resource_create') {
      const bytes = bytesOf(call.file);
      for (let attempt = 1; ; attempt++) {
        try {
          learn(call.file, await client.callOnce('resource_create', resourceForm(call.file, bytes, { package_id: packageId }), true));
          break;
        } catch (error) {
          if (!(error instanceof CkanError) || !error.retryable || attempt >= client.attempts) fail(error);
          faultedCreate = true;
          await client.backoff(attempt);
          const again = await show();
          const existing = again?.resources?.find((r) => r.name === call.file.name);
          if (existing && sameContent(existing.hash, bytes)) {
            learn(call.file, existing); // created; the answer was lost
            break;
          }
          if (existing) {
            try {
              learn(call.file, await client.call('resource_patch', resourceForm(call.file, bytes, { id: existing.id }), true));
            } catch (e) {
              fail(e);
            }
            break;
          }
        }
      }
      log(t('publish.uploadedNew', { file: call.file.name }));
    } else if (call.action === 'resource_patch') {
      try {
        learn(call.file, await client.call('resource_patch', resourceForm(call.file, bytesOf(call.file), { id: call.resourceId as string }), true));
      } catch (error) {
        fail(error);
      }
      log(t('publish.uploadedChanged', { file: call.file.name }));
    } else if (call.action === 'resource_delete') {
      try {
        await client.call('resource_delete', { id: call.resourceId }, true);
      } catch (error) {
        // Deleted by an earlier attempt whose answer was lost.
        if (!(error instanceof CkanError && error.status === 404)) fail(error);
      }
      log(call.duplicate ? t('publish.removedDuplicate', { resource: call.resourceName }) : t('publish.removed', { resource: call.resourceName, dir: options.dir }));
    }
  }
  if (faultedCreate) {
    // A create that timed out may still have gone through after the portal was re-read: remove such duplicates now
    // (the next run would remove any that appear later still).
    const after = await show();
    const seen = new Set<string>();
    for (const r of after?.resources ?? []) {
      const bytes = contents.get(r.name ?? '');
      if (!bytes) continue;
      if (!seen.has(r.name as string) && sameContent(r.hash, bytes)) {
        seen.add(r.name as string);
        continue;
      }
      const keeper = after?.resources?.find((x) => x.name === r.name && sameContent(x.hash, bytes));
      if (!keeper || keeper === r) continue;
      try {
        await client.call('resource_delete', { id: r.id }, true);
      } catch (error) {
        if (!(error instanceof CkanError && error.status === 404)) fail(error);
      }
      log(t('publish.removedDuplicate', { resource: r.name as string }));
    }
  }
  result.writes = client.writes;
  return result;
}
