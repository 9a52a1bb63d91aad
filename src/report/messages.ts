/**
 * The review messages of a plan, in one shape for the report:
 * `{ code, severity, reason, place, related? }` plus the measure/commitment each concerns.
 *
 * Reads the messages the plan carries. A message with `severity`/`reason`/`place` (the message model) is taken
 * as is; an older plan `warning` (`message`, `location`, no severity) gets its severity from its code.
 */
import type { ActionPlan, Commitment, Measure } from '../model/schema.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Place {
  file?: string;
  page?: number;
  table?: number;
  row?: number;
  column?: string;
  line?: number;
  endLine?: number;
}

export interface ReviewMessage {
  /** 1-based position in the plan's message list (stable anchor). */
  index: number;
  code: string;
  severity: Severity;
  reason: string;
  place: Place;
  related?: Place;
  /** The measure the message concerns (by id in the reason or by place), if any. */
  measureId: string | null;
  /** The commitment the message concerns (the measure's, or by place). */
  commitmentId: string | null;
  /** The source text the message is about, when it can be shown. */
  source: string | null;
}

/** Severity of a code for plans whose messages carry none: informational notes and hard failures. */
const INFO_CODES = new Set(['term-recurring', 'bom', 'docx-notes-ignored', 'docx-numbering-format']);
const ERROR_CODES = new Set(['layout-lost', 'encoding-error', 'schema-error', 'source-error', 'scanned-page']);

export function severityOfCode(code: string): Severity {
  if (ERROR_CODES.has(code)) return 'error';
  if (INFO_CODES.has(code)) return 'info';
  return 'warning';
}

const MEASURE_PREFIX = /^(C\d+\.M\d+):\s*/;

function toPlace(value: unknown): Place {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const place: Place = {};
  if (typeof v.file === 'string') place.file = v.file;
  for (const key of ['page', 'table', 'row', 'line', 'endLine'] as const) {
    if (typeof v[key] === 'number') place[key] = v[key];
  }
  if (typeof v.column === 'string') place.column = v.column;
  return place;
}

function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info';
}

/** A place of the source lies within a measure/commitment location (same table row, same page, or within its lines). */
function samePlace(place: Place, location: Place): boolean {
  if (place.table !== undefined && place.row !== undefined) {
    return location.table === place.table && location.row === place.row;
  }
  if (place.line !== undefined && location.line !== undefined) {
    const end = location.endLine ?? location.line;
    return place.line >= location.line && place.line <= end;
  }
  return false;
}

/** The text of a measure a message about a column concerns. */
function measureField(measure: Measure, column: string | undefined): string {
  switch (column) {
    case 'term':
      return measure.term.raw ?? '';
    case 'executors':
      return measure.executors.map((e) => e.name).join('; ');
    case 'partners':
      return measure.partners.map((e) => e.name).join('; ');
    case 'result':
      return measure.result ?? '';
    default:
      return measure.title;
  }
}

/** The text quoted in a reason («…», outermost). */
function quoted(reason: string): string | null {
  const start = reason.indexOf('«');
  const end = reason.lastIndexOf('»');
  if (start < 0 || end <= start) return null;
  return reason.slice(start + 1, end);
}

/** All review messages of a plan, in the plan's order. */
export function planMessages(plan: ActionPlan): ReviewMessage[] {
  const measures = new Map<string, { measure: Measure; commitment: Commitment }>();
  for (const commitment of plan.commitments) {
    for (const measure of commitment.measures) measures.set(measure.id, { measure, commitment });
  }
  // The message model carries `plan.messages`; plans of the earlier model carry `plan.warnings`.
  const carrier = plan as unknown as { messages?: unknown; warnings?: unknown };
  const raw = (Array.isArray(carrier.messages) ? carrier.messages : Array.isArray(carrier.warnings) ? carrier.warnings : []) as Record<string, unknown>[];
  return raw.map((w, i) => {
    const code = String(w.code);
    const severity = isSeverity(w.severity) ? w.severity : severityOfCode(code);
    let reason = String(w.reason ?? w.message ?? '');
    const place = toPlace(w.place ?? w.location);
    const related = w.related ? toPlace(w.related) : undefined;

    let measureId: string | null = null;
    const prefix = MEASURE_PREFIX.exec(reason);
    if (prefix && measures.has(prefix[1]!)) {
      measureId = prefix[1]!;
      reason = reason.slice(prefix[0].length);
    }
    if (!measureId && (place.table !== undefined || place.line !== undefined)) {
      for (const [id, { measure }] of measures) {
        if (samePlace(place, measure.location)) {
          measureId = id;
          break;
        }
      }
    }
    let commitmentId = measureId ? measures.get(measureId)!.commitment.id : null;
    if (!commitmentId && (place.table !== undefined || place.line !== undefined)) {
      commitmentId = plan.commitments.find((c) => samePlace(place, c.location))?.id ?? null;
    }
    const source = measureId ? measureField(measures.get(measureId)!.measure, place.column) || null : quoted(reason);
    const message: ReviewMessage = { index: i + 1, code, severity, reason, place, measureId, commitmentId, source };
    if (related && Object.keys(related).length > 0) message.related = related;
    return message;
  });
}
