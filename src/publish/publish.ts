/**
 * `publish`: an exported dataset directory → a CKAN dataset with one resource per file.
 *
 * Reads the portal first (package_show), plans the write calls from the difference (dataset fields, file
 * hashes against the `hash` recorded on each resource), then makes only those calls. A second run with
 * nothing changed plans nothing. Creates are never blindly repeated: after a fault the portal is read again,
 * so a lost answer to package_create/resource_create never leaves a duplicate.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CkanClient, CkanError, type CkanClientOptions } from './client.js';
import { ckanName, ckanNameProblem, ckanTag, CKAN_PURPOSE_MAX, CKAN_TITLE_MAX, DEFAULT_LICENSE, LICENSES, licenseId, updateFrequency } from './rules.js';

/** A problem with the dataset or the portal (exit 1), one line naming what to fix. */
export class PublishError extends Error {}

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
  | { action: 'resource_create' | 'resource_patch'; file: LocalFile; resourceId?: string }
  | { action: 'resource_delete'; resourceId: string; resourceName: string };

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
}

type CkanResource = { id: string; name?: string; hash?: string; url?: string };
type CkanPackage = Record<string, unknown> & { id: string; name: string; resources?: CkanResource[]; tags?: { name: string }[]; organization?: { id?: string; name?: string } | null };

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
    throw new PublishError(`${dir}: cannot read the dataset directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const files: LocalFile[] = [];
  for (const name of names.sort()) {
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    const kind = FORMATS[ext];
    if (!kind || name.startsWith('.')) continue;
    const path = join(dir, name);
    const bytes = await readFile(path);
    files.push({ name, path, bytes, hash: createHash('sha256').update(bytes).digest('hex'), ...kind });
  }
  if (!files.some((f) => f.name === 'passport.json')) {
    throw new PublishError(`${dir}: no passport.json — export with --passport <file> first (the portal dataset is described from the passport)`);
  }
  if (!files.some((f) => f.name === 'datapackage.json')) throw new PublishError(`${dir}: no datapackage.json — is this an ogp-extract export directory?`);
  return files;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The CKAN dataset fields from passport.json (data.gov.ua field names). */
export function datasetFields(passport: Record<string, unknown>, options: { name: string; org: string; private: boolean }, source = 'passport.json'): Record<string, string | boolean> {
  const problems: string[] = [];
  const title = str(passport.title);
  if (!title) problems.push('title is empty');
  if ([...title].length > CKAN_TITLE_MAX) problems.push(`title is longer than ${CKAN_TITLE_MAX} characters`);
  const purpose = str(passport.purpose);
  if ([...purpose].length > CKAN_PURPOSE_MAX) problems.push(`purpose is longer than ${CKAN_PURPOSE_MAX} characters (data.gov.ua purpose_of_collecting_information)`);
  const tags: string[] = [];
  for (const k of Array.isArray(passport.keywords) ? passport.keywords : []) {
    const t = ckanTag(str(k));
    if ('problem' in t) problems.push(t.problem);
    else if (!tags.includes(t.tag)) tags.push(t.tag);
  }
  const license = licenseId(str(passport.license) || DEFAULT_LICENSE);
  if (!license) problems.push(`license ${JSON.stringify(passport.license)} is not one of ${Object.keys(LICENSES).join(', ')}`);
  if (problems.length) throw new PublishError(`${source}: ${problems.join('; ')} — fix the passport and export again`);
  return {
    name: options.name,
    title,
    notes: str(passport.description),
    tag_string: tags.join(','),
    owner_org: options.org,
    maintainer: str(passport.contactPointName),
    maintainer_email: str(passport.contactPointEmail),
    license_id: LICENSES[license as string]!.ckan,
    private: options.private,
    purpose_of_collecting_information: purpose,
    update_frequency: updateFrequency(str(passport.accrualPeriodicity)),
    language: 'ua',
  };
}

/** Fields whose value on the portal differs from the wanted one. */
function changedFields(current: CkanPackage, wanted: Record<string, string | boolean>, org: string): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(wanted)) {
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

/** One line naming what to fix, from a CKAN error. */
export function explain(error: CkanError, context: { name: string; org: string; portal: string }): string {
  if (error.status === 403) {
    return `${error.message} — the API token is missing, wrong or expired, or its user may not edit datasets of organization «${context.org}» (ask the portal administrator for the editor role; set CKAN_API_TOKEN or --token-file)`;
  }
  if (error.status === 409 && error.fields.name?.some((m) => /already in use/i.test(m))) {
    return `${error.action}: the dataset name «${context.name}» is already in use on ${context.portal} by a dataset this token cannot see (another organization, or deleted and not purged): choose another name with --name`;
  }
  if (error.status === 409 && error.fields.owner_org) {
    return `${error.message} — check --org «${context.org}» (the organization's name on the portal, as in its address /organization/<name>) and that the token's user is its editor`;
  }
  if (error.status === 404) return `${error.message} — check --portal ${context.portal} and --org «${context.org}»`;
  if (error.retryable) return `${error.message} — the portal did not answer after retries; run publish again later (it continues where it stopped)`;
  return error.message;
}

export function describeCall(call: PlannedCall, name: string): string {
  switch (call.action) {
    case 'package_create':
      return `package_create ${name} (${call.fields.join(', ')})`;
    case 'package_patch':
      return `package_patch ${name} (${call.fields.join(', ')})`;
    case 'resource_create':
      return `resource_create ${call.file.name} (upload, ${call.file.bytes.length} bytes, sha256 ${call.file.hash.slice(0, 12)}…)`;
    case 'resource_patch':
      return `resource_patch ${call.file.name} (upload, ${call.file.bytes.length} bytes, sha256 ${call.file.hash.slice(0, 12)}…)`;
    case 'resource_delete':
      return `resource_delete ${call.resourceName}`;
  }
}

function resourceForm(file: LocalFile, extra: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('name', file.name);
  form.append('format', file.format);
  form.append('mimetype', file.mimetype);
  form.append('hash', file.hash);
  form.append('upload', new Blob([file.bytes], { type: file.mimetype }), file.name);
  return form;
}

export async function publish(options: PublishOptions, log: (line: string) => void = () => {}): Promise<PublishResult> {
  const portal = options.portal.replace(/\/+$/, '');
  const files = await readDatasetDir(options.dir);
  const passportFile = files.find((f) => f.name === 'passport.json') as LocalFile;
  let passport: Record<string, unknown>;
  try {
    passport = JSON.parse(passportFile.bytes.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new PublishError(`${passportFile.path}: not valid JSON (${(error as Error).message})`);
  }
  let name = options.name;
  if (name !== undefined) {
    const problem = ckanNameProblem(name);
    if (problem) throw new PublishError(`--name ${JSON.stringify(name)}: a CKAN dataset name ${problem}`);
  } else {
    try {
      name = ckanName(str(passport.identifier));
    } catch (error) {
      throw new PublishError(`${passportFile.path}: ${(error as Error).message}`);
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
        throw new PublishError(
          `package_show: the dataset «${name}» exists on ${portal} but this token cannot read it (a private dataset of another organization?): choose another name with --name, or use a token of its organization`,
        );
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
  const unchanged: string[] = [];
  const orphans: CkanResource[] = [];
  const duplicates: CkanResource[] = [];
  for (const file of files) {
    const list = byName.get(file.name) ?? [];
    // Two resources for one file can only come from a create whose answer was lost: keep one, remove the rest.
    const keep = list.find((r) => r.hash === file.hash) ?? list[0];
    duplicates.push(...list.filter((r) => r !== keep));
    if (!keep) plan.push({ action: 'resource_create', file });
    else if (keep.hash !== file.hash) plan.push({ action: 'resource_patch', file, resourceId: keep.id });
    else unchanged.push(file.name);
  }
  for (const r of duplicates) plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: `${r.name ?? r.id} (duplicate)` });
  const local = new Set(files.map((f) => f.name));
  for (const [rname, list] of byName) if (!local.has(rname)) orphans.push(...list);
  if (options.prune) for (const r of orphans) plan.push({ action: 'resource_delete', resourceId: r.id, resourceName: r.name ?? r.id });

  const result: PublishResult = {
    name,
    plan,
    orphans: orphans.map((r) => r.name ?? r.id),
    unchanged,
    writes: 0,
    datasetUrl: `${portal}/dataset/${name}`,
  };
  if (options.dryRun || plan.length === 0) return result;
  if (!client.hasToken) {
    throw new PublishError('no API token: set the CKAN_API_TOKEN environment variable or give --token-file FILE (a file holding only the token)');
  }

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
    log(`created dataset ${name}`);
  } else if (first?.action === 'package_patch') {
    try {
      current = (await client.call('package_patch', { id: (current as CkanPackage).id, ...wanted }, true)) as CkanPackage;
    } catch (error) {
      fail(error);
    }
    log(`updated dataset ${name} (${first.fields.join(', ')})`);
  }
  const packageId = (current as CkanPackage).id;
  let faultedCreate = false;

  for (const call of plan) {
    if (call.action === 'resource_create') {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.callOnce('resource_create', resourceForm(call.file, { package_id: packageId }), true);
          break;
        } catch (error) {
          if (!(error instanceof CkanError) || !error.retryable || attempt >= client.attempts) fail(error);
          faultedCreate = true;
          await client.backoff(attempt);
          const again = await show();
          const existing = again?.resources?.find((r) => r.name === call.file.name);
          if (existing && existing.hash === call.file.hash) break; // created; the answer was lost
          if (existing) {
            try {
              await client.call('resource_patch', resourceForm(call.file, { id: existing.id }), true);
            } catch (e) {
              fail(e);
            }
            break;
          }
        }
      }
      log(`uploaded ${call.file.name} (new)`);
    } else if (call.action === 'resource_patch') {
      try {
        await client.call('resource_patch', resourceForm(call.file, { id: call.resourceId as string }), true);
      } catch (error) {
        fail(error);
      }
      log(`uploaded ${call.file.name} (changed)`);
    } else if (call.action === 'resource_delete') {
      try {
        await client.call('resource_delete', { id: call.resourceId }, true);
      } catch (error) {
        // Deleted by an earlier attempt whose answer was lost.
        if (!(error instanceof CkanError && error.status === 404)) fail(error);
      }
      log(`removed ${call.resourceName}${call.resourceName.endsWith('(duplicate)') ? '' : ` (no such file in ${options.dir})`}`);
    }
  }
  if (faultedCreate) {
    // A create that timed out may still have gone through after the portal was re-read: remove such duplicates now
    // (the next run would remove any that appear later still).
    const after = await show();
    const seen = new Set<string>();
    for (const r of after?.resources ?? []) {
      const file = files.find((f) => f.name === r.name);
      if (!file) continue;
      if (!seen.has(file.name) && r.hash === file.hash) {
        seen.add(file.name);
        continue;
      }
      const keeper = after?.resources?.find((x) => x.name === r.name && x.hash === file.hash);
      if (!keeper || keeper === r) continue;
      try {
        await client.call('resource_delete', { id: r.id }, true);
      } catch (error) {
        if (!(error instanceof CkanError && error.status === 404)) fail(error);
      }
      log(`removed ${file.name} (duplicate)`);
    }
  }
  result.writes = client.writes;
  return result;
}
