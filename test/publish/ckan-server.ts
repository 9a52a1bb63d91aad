/**
 * A CKAN Action API server for tests (127.0.0.1, random port), following CKAN 2.10's behaviour
 * (ckan/views/api.py, ckan/logic/action/*.py, ckan/logic/validators.py):
 * - POST /api/3/action/<name>, JSON or multipart body; answer envelope {help, success, result | error{__type, message|fields}};
 * - 403 Authorization Error without a valid `Authorization` token (or for an organization the user is not a member of),
 *   404 Not Found Error, 409 Validation Error (field → messages: name rules, «That URL is already in use.»,
 *   tag rules, «Organization does not exist»), 400 for an unknown action;
 * - uploads: `upload` file part → url_type "upload", url = <site>/dataset/<pkg>/resource/<id>/download/<file>,
 *   size from the bytes; `hash` is stored as given (CKAN does not compute it);
 * - package_patch merges fields and keeps resources; resource_delete marks the resource deleted (hidden);
 * - faults injected per call: 500 (before acting), slow answer, connection dropped before or after acting;
 * - `extensionFields` (default true) behaves as data.gov.ua: its dataset schema (ckanext-dgua; the same schema is in
 *   github.com/908Inc/ckanext-harvest, ckanext/harvest/logic/schema.py) requires notes, tag_string,
 *   update_frequency, language and purpose_of_collecting_information (at most 512 characters) and keeps them as
 *   extras shown at the top level. false behaves as CKAN without that extension: default_create_package_schema
 *   has `'__extras': [ignore]`, so those fields are silently dropped, and package_show has only `extras: []`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { action?: string; kind: '500' | 'slow' | 'drop-before' | 'drop-after'; delayMs?: number };

export interface CallRecord {
  action: string;
  status: number;
  authorization: string | null;
  upload?: string;
}

export interface Resource {
  id: string;
  package_id: string;
  name: string;
  state: 'active' | 'deleted';
  url: string;
  url_type: string | null;
  hash: string;
  size: number | null;
  format: string;
  mimetype: string | null;
  position: number;
  created: string;
  last_modified: string | null;
  data?: Buffer;
  [key: string]: unknown;
}

interface Package {
  id: string;
  name: string;
  state: 'active' | 'deleted';
  owner_org: string;
  private: boolean;
  tags: { name: string }[];
  resourceIds: string[];
  fields: Record<string, unknown>;
}

class ActionError extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(String(error.message ?? error.__type));
  }
}
const notFound = (what = ''): ActionError => new ActionError(404, { __type: 'Not Found Error', message: what ? `Not found: ${what}` : 'Not found' });
const denied = (what = ''): ActionError => new ActionError(403, { __type: 'Authorization Error', message: what ? `Access denied: ${what}` : 'Access denied' });
const invalid = (fields: Record<string, string[]>): ActionError => new ActionError(409, { __type: 'Validation Error', ...fields });

const NAME_RE = /^[a-z0-9_-]*$/;
const TAG_RE = /^[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc} .-]*$/u;
const CORE_FIELDS = ['title', 'notes', 'maintainer', 'maintainer_email', 'license_id', 'author', 'url', 'version'];
const DGUA_FIELDS = ['purpose_of_collecting_information', 'update_frequency', 'language'];

export class MockCkan {
  server: Server;
  url = '';
  readonly calls: CallRecord[] = [];
  readonly faults: Fault[] = [];
  /** token → user name */
  readonly tokens = new Map<string, string>();
  /** organization name → { id, members } */
  readonly orgs = new Map<string, { id: string; name: string; members: Set<string> }>();
  readonly packages = new Map<string, Package>();
  readonly resources = new Map<string, Resource>();
  /** data.gov.ua's dataset schema (true) or CKAN's default one (false). */
  extensionFields = true;
  /**
   * A background job that replaces the `hash` of an uploaded file with its own: ckanext-archiver stores SHA-1 of
   * the file it downloads, ckanext-xloader MD5 (null: the hash stays as given, CKAN itself computes none).
   */
  rehash: 'sha1' | 'md5' | null = null;
  /** Extra field rules of a portal (field → its validation message), refused whenever the field is sent. */
  readonly fieldRules = new Map<string, string>();
  private clock = Date.UTC(2026, 0, 1);

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addOrg(name: string, members: string[]): void {
    this.orgs.set(name, { id: randomUUID(), name, members: new Set(members) });
  }

  /** Write calls (everything but *_show) the server received. */
  writeCalls(): CallRecord[] {
    return this.calls.filter((c) => !c.action.endsWith('_show'));
  }

  /** Active datasets and their active resources, for assertions. */
  snapshot(): { name: string; resources: string[] }[] {
    return [...this.packages.values()]
      .filter((p) => p.state === 'active')
      .map((p) => ({ name: p.name, resources: p.resourceIds.map((id) => this.resources.get(id) as Resource).filter((r) => r.state === 'active').map((r) => r.name) }));
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('Z', '');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/api\/3\/action\/([a-z_]+)$/.exec(new URL(req.url ?? '/', this.url).pathname);
    const action = match?.[1] ?? '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const authorization = (req.headers.authorization as string | undefined) ?? null;
    const record: CallRecord = { action, status: 0, authorization };
    this.calls.push(record);
    const fault = this.faults.length && (this.faults[0]?.action === undefined || this.faults[0]?.action === action) ? this.faults.shift() : undefined;
    const send = (status: number, body: Record<string, unknown>): void => {
      record.status = status;
      const text = JSON.stringify({ help: `${this.url}/api/3/action/help_show?name=${action}`, ...body });
      res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
      res.end(text);
    };
    if (fault?.kind === '500') return send(500, { success: false, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } });
    if (fault?.kind === 'drop-before') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 500));
    if (req.method !== 'POST' && req.method !== 'GET') return send(405, { success: false, error: { __type: 'Bad request', message: 'POST only' } });
    let data: Record<string, unknown> = {};
    let upload: { name: string; bytes: Buffer } | undefined;
    try {
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('multipart/form-data')) {
        const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
        for (const [k, v] of form.entries()) {
          if (typeof v === 'string') data[k] = v;
          else if (k === 'upload') upload = { name: v.name, bytes: Buffer.from(await v.arrayBuffer()) };
        }
      } else if (raw.length) {
        data = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      }
    } catch (error) {
      return send(400, { success: false, error: { message: `JSON Error: ${(error as Error).message}` } });
    }
    if (upload) record.upload = upload.name;
    const user = authorization ? this.tokens.get(authorization) ?? null : null;
    let result: unknown;
    try {
      result = this.act(action, data, user, upload);
    } catch (error) {
      if (error instanceof ActionError) return send(error.status, { success: false, error: error.error });
      return send(500, { success: false, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } });
    }
    if (fault?.kind === 'drop-after') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    send(200, { success: true, result });
  }

  /** A dataset field the portal keeps (others are ignored, as CKAN's `'__extras': [ignore]` does). */
  private kept(key: string): boolean {
    return CORE_FIELDS.includes(key) || (this.extensionFields && DGUA_FIELDS.includes(key));
  }

  /** An active dataset by id or name; with `deleted`, also a deleted one (CKAN shows it to its organization's members). */
  private findPackage(id: unknown, deleted = false): Package {
    for (const p of this.packages.values()) if (p.state === 'active' && (p.id === id || p.name === id)) return p;
    if (deleted) for (const p of this.packages.values()) if (p.id === id || p.name === id) return p;
    throw notFound();
  }

  private org(id: unknown): { id: string; name: string; members: Set<string> } | undefined {
    for (const o of this.orgs.values()) if (o.id === id || o.name === id) return o;
    return undefined;
  }

  private canEdit(user: string | null, orgId: string): boolean {
    const o = this.org(orgId);
    return user !== null && o !== undefined && o.members.has(user);
  }

  private packageDict(p: Package): Record<string, unknown> {
    const o = this.org(p.owner_org);
    return {
      id: p.id,
      name: p.name,
      state: p.state,
      type: 'dataset',
      private: p.private,
      owner_org: p.owner_org,
      organization: o ? { id: o.id, name: o.name, title: o.name } : null,
      ...p.fields,
      extras: [],
      tags: p.tags.map((t) => ({ name: t.name, display_name: t.name, state: 'active' })),
      num_tags: p.tags.length,
      resources: p.resourceIds
        .map((id) => this.resources.get(id) as Resource)
        .filter((r) => r.state === 'active')
        .map((r) => this.resourceDict(r)),
      num_resources: p.resourceIds.filter((id) => this.resources.get(id)?.state === 'active').length,
    };
  }

  private resourceDict(r: Resource): Record<string, unknown> {
    const { data: _data, ...rest } = r;
    return rest;
  }

  private validatePackage(data: Record<string, unknown>, existing: Package | null): { errors: Record<string, string[]>; tags: { name: string }[] | null } {
    const errors: Record<string, string[]> = {};
    const add = (k: string, m: string): void => {
      (errors[k] ??= []).push(m);
    };
    if ('name' in data || !existing) {
      const name = data.name;
      if (typeof name !== 'string' || name === '') add('name', 'Missing value');
      else {
        if (['new', 'edit', 'search'].includes(name)) add('name', 'That name cannot be used');
        else if (name.length < 2) add('name', 'Must be at least 2 characters long');
        else if (name.length > 100) add('name', 'Name must be a maximum of 100 characters long');
        else if (!NAME_RE.test(name)) add('name', 'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_');
        for (const p of this.packages.values()) if (p.state === 'active' && p.name === name && p.id !== existing?.id) add('name', 'That URL is already in use.');
      }
    }
    if (typeof data.title === 'string' && data.title.length > 254) add('title', 'Length must be at most 254');
    for (const [field, message] of this.fieldRules) if (field in data) add(field, message);
    if (this.extensionFields) {
      // ckanext-dgua: not_empty on these (on create, and on an update that gives them), max_length(512) on the purpose.
      for (const k of ['notes', 'tag_string', ...DGUA_FIELDS]) {
        if ((k in data || !existing) && (typeof data[k] !== 'string' || (data[k] as string).trim() === '')) add(k, 'Missing value');
      }
      const purpose = data.purpose_of_collecting_information;
      if (typeof purpose === 'string' && purpose.length > 512) add('purpose_of_collecting_information', 'Length must be at most 512');
    }
    if ('owner_org' in data || !existing) {
      if (!this.org(data.owner_org)) add('owner_org', 'Organization does not exist');
    }
    let tags: { name: string }[] | null = null;
    if (typeof data.tag_string === 'string') {
      tags = [];
      for (const t of data.tag_string.split(',').map((x) => x.trim()).filter(Boolean)) {
        if (t.length < 2) add('tags', `Tag "${t}" length is less than minimum 2`);
        else if (t.length > 100) add('tags', `Tag "${t}" length is more than maximum 100`);
        else if (!TAG_RE.test(t)) add('tags', `Tag "${t}" can only contain alphanumeric characters, spaces (" "), hyphens ("-"), underscores ("_") or dots (".")`);
        else tags.push({ name: t });
      }
    }
    return { errors, tags };
  }

  private storeUpload(r: Resource, upload: { name: string; bytes: Buffer } | undefined): void {
    if (!upload) return;
    const file = upload.name.replace(/[^\w.-]+/g, '_');
    r.url_type = 'upload';
    r.url = `${this.url}/dataset/${r.package_id}/resource/${r.id}/download/${file}`;
    r.size = upload.bytes.length;
    r.data = upload.bytes;
    if (this.rehash) r.hash = createHash(this.rehash).update(upload.bytes).digest('hex');
    r.last_modified = this.now();
  }

  private act(action: string, data: Record<string, unknown>, user: string | null, upload: { name: string; bytes: Buffer } | undefined): unknown {
    switch (action) {
      case 'package_show': {
        // Permission labels: a private or deleted dataset is readable by its organization's members only.
        const p = this.findPackage(data.id, true);
        if ((p.private || p.state !== 'active') && !this.canEdit(user, p.owner_org)) throw denied(`User  not authorized to read package ${p.id}`);
        return this.packageDict(p);
      }
      case 'organization_show': {
        const o = this.org(data.id);
        if (!o) throw notFound('Group was not found.');
        return { id: o.id, name: o.name, title: o.name };
      }
      case 'package_create': {
        if (!user) throw denied('User not authorized to create packages');
        const { errors, tags } = this.validatePackage(data, null);
        if (Object.keys(errors).length) throw invalid(errors);
        const org = this.org(data.owner_org);
        if (!org || !org.members.has(user)) throw denied(`User ${user} not authorized to add dataset to this organization`);
        const fields: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(data)) if (this.kept(k)) fields[k] = v;
        const p: Package = {
          id: randomUUID(),
          name: data.name as string,
          state: 'active',
          owner_org: org.id,
          private: data.private === true || data.private === 'true',
          tags: tags ?? [],
          resourceIds: [],
          fields,
        };
        this.packages.set(p.id, p);
        return this.packageDict(p);
      }
      case 'package_patch': {
        const p = this.findPackage(data.id, true);
        if (!this.canEdit(user, p.owner_org)) throw denied(`User ${user ?? ''} not authorized to edit package ${p.id}`);
        const { errors, tags } = this.validatePackage(data, p);
        if (Object.keys(errors).length) throw invalid(errors);
        if (typeof data.name === 'string') p.name = data.name;
        if ('owner_org' in data) {
          const org = this.org(data.owner_org);
          if (!org?.members.has(user as string)) throw denied('not authorized to move the dataset to this organization');
          p.owner_org = org.id;
        }
        if ('private' in data) p.private = data.private === true || data.private === 'true';
        // package_update's `state: [ignore_not_package_admin, ignore_missing]`: an editor may change it.
        if (data.state === 'active' || data.state === 'deleted') p.state = data.state;
        if (tags) p.tags = tags;
        for (const [k, v] of Object.entries(data)) if (this.kept(k)) p.fields[k] = v;
        return this.packageDict(p);
      }
      case 'resource_create': {
        if (typeof data.package_id !== 'string') throw invalid({ package_id: ['Missing value'] });
        const p = this.findPackage(data.package_id);
        if (!this.canEdit(user, p.owner_org)) throw denied(`User ${user ?? ''} not authorized to edit package ${p.id}`);
        const r: Resource = {
          id: randomUUID(),
          package_id: p.id,
          name: String(data.name ?? ''),
          state: 'active',
          url: String(data.url ?? ''),
          url_type: null,
          hash: String(data.hash ?? ''),
          size: null,
          format: String(data.format ?? ''),
          mimetype: typeof data.mimetype === 'string' ? data.mimetype : null,
          position: p.resourceIds.length,
          created: this.now(),
          last_modified: null,
        };
        this.storeUpload(r, upload);
        if (!r.url && !upload) throw invalid({ url: ['Missing value'] });
        this.resources.set(r.id, r);
        p.resourceIds.push(r.id);
        return this.resourceDict(r);
      }
      case 'resource_patch': {
        const r = this.resources.get(String(data.id));
        if (!r || r.state !== 'active') throw notFound('Resource was not found.');
        const p = this.packages.get(r.package_id) as Package;
        if (!this.canEdit(user, p.owner_org)) throw denied(`User ${user ?? ''} not authorized to edit resource ${r.id}`);
        for (const [k, v] of Object.entries(data)) if (k !== 'id' && k !== 'package_id') r[k] = v;
        this.storeUpload(r, upload);
        return this.resourceDict(r);
      }
      case 'resource_delete': {
        const r = this.resources.get(String(data.id));
        if (!r || r.state !== 'active') throw notFound('Resource was not found.');
        const p = this.packages.get(r.package_id) as Package;
        if (!this.canEdit(user, p.owner_org)) throw denied(`User ${user ?? ''} not authorized to delete resource ${r.id}`);
        r.state = 'deleted';
        return null;
      }
      default:
        throw new ActionError(400, { __type: 'Bad request', message: `Action name not known: ${action}` });
    }
  }
}
