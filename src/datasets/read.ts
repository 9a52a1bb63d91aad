/**
 * Reading an exported dataset back: CSV files → typed records → plans.
 * Used by the round-trip test and by anyone who wants the model back from published CSVs.
 *
 * What the tables do not carry comes back empty: source locations (`{}`), messages (`[]`),
 * `source.pages`. Text comes back cleaned (white space collapsed), as it was exported.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  ActionPlanSchema,
  SCHEMA_VERSION,
  type ActionPlan,
  type Commitment,
  type Measure,
  type Party,
} from '../model/schema.js';
import { ExportError, type DatasetTables } from './records.js';
import { DEFAULT_NULL_VALUE } from './serialize.js';
import { DATA_TABLES, OGP_COMMITMENTS, type TableDef, type TableRecord } from './tables.js';

/** Parse CSV text of a table into typed records; checks the header against the definition. */
export function parseTableCsv(table: TableDef, text: string, options: { nullValue?: string; file?: string } = {}): TableRecord[] {
  const nullValue = options.nullValue ?? DEFAULT_NULL_VALUE;
  const file = options.file ?? `${table.file}.csv`;
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  const header = rows[0];
  const expected = table.columns.map((c) => c.name);
  if (!header || header.join(',') !== expected.join(',')) {
    throw new ExportError(`${file}: header ${JSON.stringify(header ?? [])} differs from ${JSON.stringify(expected)}`);
  }
  return rows.slice(1).map((row, i) => {
    const record: TableRecord = {};
    table.columns.forEach((c, j) => {
      const cell = row[j] ?? nullValue;
      if (cell === nullValue) {
        record[c.name] = null;
      } else if (c.type === 'integer') {
        if (!/^\d+$/.test(cell)) throw new ExportError(`${file} row ${i + 2} ${c.name}: not an integer: ${cell}`);
        record[c.name] = Number(cell);
      } else if (c.type === 'boolean') {
        if (cell !== 'true' && cell !== 'false') throw new ExportError(`${file} row ${i + 2} ${c.name}: not true/false: ${cell}`);
        record[c.name] = cell === 'true';
      } else {
        record[c.name] = cell;
      }
    });
    return record;
  });
}

/** Read the CSV tables of an exported dataset directory. */
export async function readDataset(dir: string, options: { nullValue?: string } = {}): Promise<DatasetTables> {
  const out: Partial<DatasetTables> = {};
  for (const table of [...DATA_TABLES, OGP_COMMITMENTS]) {
    const file = join(dir, `${table.file}.csv`);
    const text = await readFile(file, 'utf8');
    out[table.name as keyof DatasetTables] = parseTableCsv(table, text, { nullValue: options.nullValue, file });
  }
  return out as DatasetTables;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const req = (v: unknown): string => String(v);

function groupBy(records: readonly TableRecord[], key: string): Map<string, TableRecord[]> {
  const map = new Map<string, TableRecord[]>();
  for (const r of records) {
    const k = String(r[key]);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Rebuild plans (validated by ActionPlanSchema) from the dataset tables. */
export function recordsToPlans(tables: DatasetTables): ActionPlan[] {
  const parties = new Map(tables.parties.map((p) => [String(p.uid), p]));
  const commitmentsByPlan = groupBy(tables.commitments, 'planId');
  const measuresByCommitment = groupBy(tables.measures, 'commitmentId');
  const tagsByCommitment = groupBy(tables.commitmentTags, 'commitmentId');
  const cPartiesByCommitment = groupBy(tables.commitmentParties, 'commitmentId');
  const mPartiesByMeasure = groupBy(tables.measureParties, 'measureId');

  const toParty = (link: TableRecord): Party => {
    const party = parties.get(String(link.partyId));
    if (!party) throw new ExportError(`party ${String(link.partyId)} of ${String(link.uid)} is not in parties`);
    return {
      id: req(link.partyId),
      name: req(link.name),
      kind: party.kind as Party['kind'],
      byAgreement: link.byAgreement === true,
      contact: str(link.contact),
      edrpou: str(party.edrpou),
    };
  };
  const partiesOf = (links: readonly TableRecord[] | undefined, role: string): Party[] =>
    (links ?? []).filter((l) => l.role === role).map(toParty);
  const localId = (uid: string, prefix: string): string => {
    if (!uid.startsWith(`${prefix}-`)) throw new ExportError(`${uid} does not start with ${prefix}-`);
    return uid.slice(prefix.length + 1);
  };

  return tables.plans.map((p) => {
    const planUid = req(p.uid);
    const commitments: Commitment[] = (commitmentsByPlan.get(planUid) ?? []).map((c) => {
      const cUid = req(c.uid);
      const tags = tagsByCommitment.get(cUid) ?? [];
      const links = cPartiesByCommitment.get(cUid);
      const measures: Measure[] = (measuresByCommitment.get(cUid) ?? []).map((m) => {
        const mLinks = mPartiesByMeasure.get(req(m.uid));
        return {
          id: localId(req(m.uid), planUid),
          number: str(m.number),
          title: req(m.title),
          executors: partiesOf(mLinks, 'executor'),
          partners: partiesOf(mLinks, 'partner'),
          term: {
            raw: str(m.termText),
            start: str(m.startDate),
            end: str(m.endDate),
            precision: m.termPrecision as Measure['term']['precision'],
            status: str(m.termStatus),
            note: str(m.termNote),
          },
          result: str(m.result),
          location: {},
        };
      });
      return {
        id: localId(cUid, planUid),
        number: str(c.number),
        title: req(c.title),
        problem: str(c.problem),
        goal: str(c.goal),
        sectors: tags.filter((t) => t.kind === 'sector').map((t) => req(t.value)),
        ogpValues: tags.filter((t) => t.kind === 'ogpValue').map((t) => req(t.value)),
        leadExecutors: partiesOf(links, 'executor'),
        partners: partiesOf(links, 'partner'),
        expectedResult: str(c.expectedResult),
        measures,
        location: {},
      };
    });
    const plan = {
      schemaVersion: SCHEMA_VERSION,
      id: req(p.documentId),
      source: { file: req(p.sourceFile), format: req(p.sourceFormat), sha256: req(p.sourceSha256) },
      decision: {
        authority: str(p.legalActAuthority),
        type: str(p.legalActType),
        number: str(p.legalActNumber),
        date: str(p.legalActAccepted),
        title: str(p.legalActTitle),
      },
      plan: { title: str(p.title), period: { start: str(p.periodStart), end: str(p.periodEnd) } },
      commitments,
      messages: [],
    };
    const parsed = ActionPlanSchema.safeParse(plan);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ExportError(`plan ${planUid} read back is not a valid plan: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
}
