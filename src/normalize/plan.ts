/**
 * Normalisation: RawPlan (texts as written) → ActionPlan (the model).
 * Terms become ISO date ranges, executor cells become registered parties,
 * texts are cleaned (white space only; letters are kept exactly).
 */
import type { RawMeasure, RawPlan } from '../extract/types.js';
import { atPlace, warning, type Message, type MessageText } from '../model/message.js';
import type { SourceFormat } from '../model/national.js';
import type { ActionPlan, Commitment, Measure, Party } from '../model/schema.js';
import { SCHEMA_VERSION } from '../model/version.js';
import { cleanLine, cleanLines, cleanOrNull } from '../util/text.js';
import { PartyRegistry, splitParties, transliterate, type PartyMention } from './parties.js';
import { decisionKey } from './translit.js';
import { parseTerm } from './terms.js';

export interface SourceInfo {
  file: string;
  format: SourceFormat;
  sha256: string;
  pages?: number;
}

export interface NormalizeOptions {
  /** Shared across a batch so the same body gets the same id everywhere. */
  registry?: PartyRegistry;
}

/** Split a «Муніципальне управління, громадський простір.» list. */
export function splitList(text: string | null): string[] {
  if (!text) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cleanLine(text)) {
    if (ch === '(' || ch === '«' || ch === '“') depth += 1;
    if ((ch === ')' || ch === '»' || ch === '”') && depth > 0) depth -= 1;
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim().replace(/[.;,]+$/u, '').trim()).filter((s) => s !== '');
}

/** The plan id: `<decision number>-<decision date>` (835-rec), else a slug of the file name. */
export function planId(decision: { number: string | null; date: string | null }, file: string): string {
  if (decision.number && decision.date) {
    const number = decisionKey(decision.number);
    if (number) return `${number}-${decision.date}`;
  }
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const slug = transliterate(base)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'plan';
}

/** Each distinct cell split once per registry (a document, in a batch): the same executors recur in many rows. */
const cellMentions = new WeakMap<PartyRegistry, Map<string, PartyMention[]>>();

function mentionsOf(registry: PartyRegistry, paragraphs: string[]): readonly PartyMention[] {
  let byCell = cellMentions.get(registry);
  if (byCell === undefined) {
    byCell = new Map();
    cellMentions.set(registry, byCell);
  }
  const cell = JSON.stringify(paragraphs);
  let mentions = byCell.get(cell);
  if (mentions === undefined) {
    mentions = splitParties(paragraphs);
    byCell.set(cell, mentions);
  }
  return mentions;
}

function parties(
  registry: PartyRegistry,
  paragraphs: string[],
  byAgreement = false,
): Party[] {
  const seen = new Set<string>();
  const out: Party[] = [];
  for (const mention of mentionsOf(registry, paragraphs)) {
    const party = registry.resolve(mention);
    // Identity comes from the registry; «за згодою» and the contact person belong to this mention.
    const entry: Party = {
      ...party,
      byAgreement: byAgreement || mention.byAgreement,
      contact: mention.contact ?? party.contact,
    };
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(entry);
  }
  return out;
}

function measure(
  raw: RawMeasure,
  id: string,
  registry: PartyRegistry,
  period: { start: string | null; end: string | null },
  warnings: Message[],
): Measure {
  const parsed = parseTerm(raw.term, { period });
  const { problems } = parsed;
  const term = raw.termRaw
    ? { ...parsed.term, raw: raw.termRaw, note: [raw.termNote, parsed.term.note].filter(Boolean).join(' ') || null }
    : parsed.term;
  for (const problem of problems) {
    warnings.push({ ...problem, reason: `${id}: ${problem.reason}`, place: { ...raw.location, column: 'term' } });
  }
  // A field the document does not give is reported where the measure is, never a silent null.
  const executors = parties(registry, raw.executors);
  const missing: Array<[string, boolean]> = [
    ['executors', executors.length === 0],
    ['term', raw.term === null || raw.term.trim() === ''],
    ['result', cleanOrNull(raw.result, 'keep line breaks') === null],
  ];
  for (const [column, absent] of missing) {
    if (absent) warnings.push(warning(`measure-no-${column}`, `${id}: the measure states no ${column}`, { ...raw.location, column }));
  }
  return {
    id,
    number: raw.number,
    title: cleanLine(raw.title),
    executors,
    partners: parties(registry, raw.partners),
    term,
    result: cleanOrNull(raw.result, 'keep line breaks'),
    location: raw.location,
  };
}

/** Commitment fields a document may leave out, with the code suffix and what the field is. */
const COMMITMENT_FIELDS: Array<[suffix: string, what: string, absent: (c: Commitment) => boolean]> = [
  ['number', 'number', (c) => c.number === null],
  ['problem', 'problem it solves', (c) => c.problem === null],
  ['goal', 'long-term goal', (c) => c.goal === null],
  ['sectors', 'sector (галузева сфера)', (c) => c.sectors.length === 0],
  ['values', 'OGP values', (c) => c.ogpValues.length === 0],
  ['lead-executors', 'lead executors', (c) => c.leadExecutors.length === 0],
  ['partners', 'partners', (c) => c.partners.length === 0],
  ['result', 'expected result', (c) => c.expectedResult === null],
  ['measures', 'measures', (c) => c.measures.length === 0],
];

/**
 * A commitment field the document does not give is a warning, never a silent null
 * (`commitment-no-<field>`), at the commitment's place. A field no commitment of the plan states
 * (a plan laid out as one table of measures states no problem or goal anywhere) is one warning for
 * the plan, at the first commitment, rather than one per commitment.
 */
export function commitmentWarnings(commitments: Commitment[]): Message[] {
  const out: Message[] = [];
  for (const [suffix, what, absent] of COMMITMENT_FIELDS) {
    const missing = commitments.filter(absent);
    if (missing.length === 0) continue;
    const code = `commitment-no-${suffix}`;
    // The catalogue text (src/i18n), so the CLI can say it in the user's language.
    const field: MessageText = { key: `field.commitment.${suffix}`, params: {} };
    if (missing.length === commitments.length && commitments.length > 1) {
      const ids = `${commitments[0]!.id}–${commitments[commitments.length - 1]!.id}`;
      const last = commitments[commitments.length - 1]!.location;
      const related = Object.keys(last).length > 0 ? last : undefined;
      const text = { key: 'msg.commitmentsNoField', params: { count: commitments.length, ids, field } };
      out.push(warning(code, `no commitment of the plan (${commitments.length}: ${ids}) states the ${what}`, commitments[0]!.location, { related, text }));
      continue;
    }
    for (const c of missing) {
      const name = c.number ? `commitment ${c.number}` : 'the commitment';
      const nameText: MessageText = c.number ? { key: 'msg.commitmentNamed', params: { number: c.number } } : { key: 'msg.commitmentUnnamed', params: {} };
      const text = { key: 'msg.commitmentNoField', params: { id: c.id, name: nameText, field } };
      out.push(warning(code, `${c.id}: ${name} states no ${what}`, c.location, { text }));
    }
  }
  return out;
}

/**
 * The plan period when the document states none: from the first start to the last end of the
 * measures' stated terms (recurring terms count with the dates they state). Null when no term
 * has dates.
 */
export function periodFromMeasures(raw: RawPlan): { start: string; end: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  for (const m of raw.commitments.flatMap((c) => c.measures)) {
    const { term } = parseTerm(m.term);
    if (term.start && (start === null || term.start < start)) start = term.start;
    if (term.end && (end === null || term.end > end)) end = term.end;
  }
  return start && end ? { start, end } : null;
}

export function normalizePlan(raw: RawPlan, source: SourceInfo, options: NormalizeOptions = {}): ActionPlan {
  const registry = options.registry ?? new PartyRegistry();
  registry.learnAbbreviations(raw.text);
  const warnings: Message[] = [...raw.messages];
  let period = raw.plan.period;
  if (period.start === null && period.end === null) {
    const derived = periodFromMeasures(raw);
    if (derived) {
      period = derived;
      warnings.push(
        warning(
          'plan-period-derived',
          `the document states no plan period; it is taken from the span of the measures' terms: ${derived.start} – ${derived.end}`,
        ),
      );
    } else {
      warnings.push(warning('plan-period-missing', 'the document states no plan period and no measure has dated terms'));
    }
  }
  const commitments: Commitment[] = raw.commitments.map((c, ci) => {
    const cid = `C${ci + 1}`;
    return {
      id: cid,
      number: c.number,
      title: cleanLine(c.title),
      problem: cleanOrNull(c.problem, 'keep line breaks'),
      goal: cleanOrNull(c.goal, 'keep line breaks'),
      sectors: splitList(c.sectors),
      ogpValues: splitList(c.ogpValues),
      leadExecutors: parties(registry, c.leadExecutors),
      partners: parties(registry, c.partners, c.partnersByAgreement),
      expectedResult: c.expectedResult ? cleanLines(c.expectedResult) : null,
      measures: c.measures.map((m, mi) => measure(m, `${cid}.M${mi + 1}`, registry, period, warnings)),
      location: c.location,
    };
  });
  warnings.push(...commitmentWarnings(commitments));
  const plan: ActionPlan = {
    schemaVersion: SCHEMA_VERSION,
    id: planId(raw.decision, source.file),
    source: { file: source.file, format: source.format, sha256: source.sha256, ...(source.pages ? { pages: source.pages } : {}) },
    decision: {
      authority: cleanOrNull(raw.decision.authority, 'keep line breaks'),
      type: raw.decision.type,
      number: raw.decision.number,
      date: raw.decision.date,
      title: cleanOrNull(raw.decision.title, 'keep line breaks'),
    },
    plan: { title: cleanOrNull(raw.plan.title, 'keep line breaks'), period },
    commitments,
    // Every message names its file, so it stands alone (a batch, a report) as vfile's messages do.
    messages: warnings.map((m) => atPlace(m, { file: source.file, ...m.place })),
  };
  return plan;
}
