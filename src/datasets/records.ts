/**
 * Plans → flat table records (one record per row, one value per cell).
 *
 * Row order is stable: plans by uid (code-point order), then document order inside each plan;
 * `parties` by uid. Text values are cleaned (NFC, white space runs → one space, trimmed);
 * an empty text becomes null (missing).
 */
import type { ActionPlan, Commitment, Measure, Party } from '../model/schema.js';
import type { MessageText } from '../model/message.js';
import type { CellValue, TableRecord } from './tables.js';
import { cleanLine, cleanOrNull } from '../util/text.js';
import { decisionKey } from '../normalize/translit.js';

export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
    /** The export option at fault (`nullValue`, `formats`), when the error is about an option. */
    readonly option?: 'nullValue' | 'formats',
    /** The catalogue text of each problem (never serialised), when it has one: the CLI says it in its language. */
    texts?: readonly (MessageText | undefined)[],
  ) {
    super(message);
    if (texts) Object.defineProperty(this, 'texts', { value: texts, enumerable: false });
  }
  declare readonly texts?: readonly (MessageText | undefined)[];
}

/** Compare by UTF-16 code units: locale-independent, deterministic. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Plan uid per 835-rec: decision number and decision date joined by «-» (e.g. 1417-2025-10-09), the number by the
 * rule of the model's plan id (src/normalize/translit.ts `decisionKey`: «12-р» → 12-r). Without a number or a date
 * the plan id of the model is used.
 */
export function planUid(plan: ActionPlan): string {
  const { number, date } = plan.decision;
  const key = number ? decisionKey(number) : '';
  return key && date ? `${key}-${date}` : plan.id;
}

export interface DatasetTables {
  plans: TableRecord[];
  commitments: TableRecord[];
  commitmentTags: TableRecord[];
  commitmentParties: TableRecord[];
  measures: TableRecord[];
  measureParties: TableRecord[];
  parties: TableRecord[];
  ogpCommitments: TableRecord[];
}

interface PartyEntry {
  record: TableRecord;
  where: string;
}

/** Plans sorted by uid; duplicate uids are an error naming both sources. */
export function sortPlans(plans: readonly ActionPlan[]): { uid: string; plan: ActionPlan }[] {
  const entries = plans.map((plan) => ({ uid: planUid(plan), plan }));
  entries.sort((a, b) => compareCodePoints(a.uid, b.uid));
  for (let i = 1; i < entries.length; i += 1) {
    const prev = entries[i - 1]!;
    const cur = entries[i]!;
    if (prev.uid === cur.uid) {
      throw new ExportError(
        `two plans have the same uid ${cur.uid}: ${prev.plan.source.file} and ${cur.plan.source.file}`,
      );
    }
  }
  return entries;
}

function measureDates(measures: readonly Measure[]): { start: string | null; end: string | null } {
  let start: string | null = null;
  let end: string | null = null;
  for (const m of measures) {
    if (m.term.start && (start === null || m.term.start < start)) start = m.term.start;
    if (m.term.end && (end === null || m.term.end > end)) end = m.term.end;
  }
  return { start, end };
}

/** Names of distinct parties (by id, first spelling kept), joined by «; ». */
function joinParties(parties: readonly Party[]): string | null {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const p of parties) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    names.push(cleanLine(p.name));
  }
  return names.length ? names.join('; ') : null;
}

function joinDistinct(values: readonly string[]): string | null {
  const seen: string[] = [];
  for (const v of values) {
    const c = cleanOrNull(v, 'one line');
    if (c !== null && !seen.includes(c)) seen.push(c);
  }
  return seen.length ? seen.join('; ') : null;
}

/** The OGP Local commitment template row of one commitment (mapping documented in README.md, «OGP Local commitment template»). */
export function ogpCommitmentRecord(uid: string, c: Commitment): TableRecord {
  const { start, end } = measureDates(c.measures);
  const measureExecutors = c.measures.flatMap((m) => m.executors);
  const lead = c.leadExecutors.length ? c.leadExecutors : measureExecutors;
  const leadIds = new Set(lead.map((p) => p.id));
  const supporting = [
    ...c.partners,
    ...measureExecutors.filter((p) => !leadIds.has(p.id)),
    ...c.measures.flatMap((m) => m.partners),
  ].filter((p) => !leadIds.has(p.id));
  const goal = cleanOrNull(c.goal, 'one line');
  const steps = c.measures.map((m, i) => `${i + 1}) ${cleanLine(m.title)}`);
  const parts: string[] = [];
  if (goal) parts.push(`Мета: ${goal.replace(/[.;]$/u, '')}.`);
  if (steps.length) parts.push(`Заходи: ${steps.join('; ')}`);
  const problem = cleanOrNull(c.problem, 'one line');
  return {
    commitmentId: uid,
    title: cleanLine(c.title),
    problem,
    statusQuo: problem,
    action: parts.length ? parts.join(' ') : null,
    startDate: start,
    endDate: end,
    leadInstitution: joinParties(lead),
    supportingStakeholders: joinParties(supporting),
    ogpValues: joinDistinct(c.ogpValues),
  };
}

/** Flatten plans into the dataset tables. Throws ExportError on inconsistent party data. */
/** The registry of parties across every plan of the export: one record per id, conflicts collected. */
class PartyTable {
  private readonly entries = new Map<string, PartyEntry>();
  readonly problems: string[] = [];

  add(party: Party, where: string): void {
    const existing = this.entries.get(party.id);
    const record: TableRecord = { uid: party.id, name: cleanLine(party.name), kind: party.kind, edrpou: party.edrpou };
    if (!existing) {
      this.entries.set(party.id, { record, where });
      return;
    }
    // One name per body whatever the plans in the export: a spelling that starts with a capital letter
    // («Управління економіки») over one that does not («управління економіки»).
    const startsLower = (v: CellValue | undefined): boolean => /^\p{Ll}/u.test(String(v));
    if (startsLower(existing.record.name) && !startsLower(record.name)) existing.record.name = record.name ?? null;
    if (existing.record.kind !== record.kind) {
      this.problems.push(`party ${party.id} has kind ${String(existing.record.kind)} (${existing.where}) and ${party.kind} (${where})`);
    }
    if (record.edrpou === null) return;
    if (existing.record.edrpou === null) existing.record.edrpou = party.edrpou;
    else if (existing.record.edrpou !== record.edrpou) {
      this.problems.push(`party ${party.id} has ЄДРПОУ ${String(existing.record.edrpou)} (${existing.where}) and ${party.edrpou} (${where})`);
    }
  }

  /** The link rows of an owner (commitment or measure): executors E1…, then partners P1…. */
  links(ownerUid: string, base: Record<string, CellValue>, executors: readonly Party[], partners: readonly Party[], where: string): TableRecord[] {
    const rows: TableRecord[] = [];
    const add = (list: readonly Party[], role: 'executor' | 'partner', letter: string): void => {
      list.forEach((party, i) => {
        this.add(party, where);
        rows.push({
          uid: `${ownerUid}-${letter}${i + 1}`,
          ...base,
          partyId: party.id,
          role,
          name: cleanLine(party.name),
          byAgreement: party.byAgreement,
          contact: cleanOrNull(party.contact, 'one line'),
        });
      });
    };
    add(executors, 'executor', 'E');
    add(partners, 'partner', 'P');
    return rows;
  }

  /** The parties table, by uid. */
  records(): TableRecord[] {
    return [...this.entries.values()].map((e) => e.record).sort((a, b) => compareCodePoints(String(a.uid), String(b.uid)));
  }
}

function planRecord(uid: string, plan: ActionPlan): TableRecord {
  return {
    uid,
    title: cleanOrNull(plan.plan.title, 'one line'),
    periodStart: plan.plan.period.start,
    periodEnd: plan.plan.period.end,
    legalActAuthority: cleanOrNull(plan.decision.authority, 'one line'),
    legalActType: cleanOrNull(plan.decision.type, 'one line'),
    legalActNumber: cleanOrNull(plan.decision.number, 'one line'),
    legalActAccepted: plan.decision.date,
    legalActTitle: cleanOrNull(plan.decision.title, 'one line'),
    documentId: plan.id,
    sourceFile: plan.source.file,
    sourceFormat: plan.source.format,
    sourceSha256: plan.source.sha256,
    commitmentCount: plan.commitments.length,
    measureCount: plan.commitments.reduce((n, c) => n + c.measures.length, 0),
  };
}

function commitmentRecord(uid: string, planUid: string, c: Commitment): TableRecord {
  return {
    uid,
    planId: planUid,
    number: cleanOrNull(c.number, 'one line'),
    title: cleanLine(c.title),
    problem: cleanOrNull(c.problem, 'one line'),
    goal: cleanOrNull(c.goal, 'one line'),
    expectedResult: cleanOrNull(c.expectedResult, 'one line'),
    measureCount: c.measures.length,
  };
}

/** The tag rows of a commitment: sectors S1…, then OGP values V1… (empty values skipped). */
function tagRecords(cUid: string, planUid: string, c: Commitment): TableRecord[] {
  const rows: TableRecord[] = [];
  const tag = (kind: 'sector' | 'ogpValue', letter: string, values: readonly string[]): void => {
    let n = 0;
    for (const v of values) {
      const value = cleanOrNull(v, 'one line');
      if (value === null) continue;
      n += 1;
      rows.push({ uid: `${cUid}-${letter}${n}`, planId: planUid, commitmentId: cUid, kind, value });
    }
  };
  tag('sector', 'S', c.sectors);
  tag('ogpValue', 'V', c.ogpValues);
  return rows;
}

function measureRecord(uid: string, planUid: string, cUid: string, m: Measure): TableRecord {
  return {
    uid,
    planId: planUid,
    commitmentId: cUid,
    number: cleanOrNull(m.number, 'one line'),
    title: cleanLine(m.title),
    startDate: m.term.start,
    endDate: m.term.end,
    termText: cleanOrNull(m.term.raw, 'one line'),
    termPrecision: m.term.precision,
    termStatus: cleanOrNull(m.term.status, 'one line'),
    termNote: cleanOrNull(m.term.note, 'one line'),
    result: cleanOrNull(m.result, 'one line'),
  };
}

export function buildTables(plans: readonly ActionPlan[]): DatasetTables {
  const tables: DatasetTables = {
    plans: [],
    commitments: [],
    commitmentTags: [],
    commitmentParties: [],
    measures: [],
    measureParties: [],
    parties: [],
    ogpCommitments: [],
  };
  const parties = new PartyTable();
  for (const { uid, plan } of sortPlans(plans)) {
    tables.plans.push(planRecord(uid, plan));
    for (const c of plan.commitments) {
      const cUid = `${uid}-${c.id}`;
      tables.commitments.push(commitmentRecord(cUid, uid, c));
      tables.commitmentTags.push(...tagRecords(cUid, uid, c));
      const where = `${plan.source.file} ${c.id}`;
      tables.commitmentParties.push(...parties.links(cUid, { planId: uid, commitmentId: cUid }, c.leadExecutors, c.partners, where));
      for (const m of c.measures) {
        const mUid = `${uid}-${m.id}`;
        tables.measures.push(measureRecord(mUid, uid, cUid, m));
        const base = { planId: uid, commitmentId: cUid, measureId: mUid };
        tables.measureParties.push(...parties.links(mUid, base, m.executors, m.partners, `${plan.source.file} ${m.id}`));
      }
      tables.ogpCommitments.push(ogpCommitmentRecord(cUid, c));
    }
  }
  if (parties.problems.length) {
    throw new ExportError(`inconsistent party data: ${parties.problems[0]}`, parties.problems);
  }
  tables.parties = parties.records();
  return tables;
}
