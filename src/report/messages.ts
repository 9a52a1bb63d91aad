/**
 * The review messages of a plan for the report: each message the plan carries (`plan.messages`, the message model
 * `{ code, severity, reason, place, related? }`) with the measure or commitment it concerns and the source text
 * it is about.
 */
import type { Message, Place, Severity } from '../model/message.js';
import type { ActionPlan, Commitment, Measure } from '../model/schema.js';

export type { Place, Severity };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

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

const MEASURE_PREFIX = /^(C\d+\.M\d+):\s*/;

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
  return plan.messages.map((w: Message, i) => {
    const { code, severity, place } = w;
    let reason = w.reason;
    const related = w.related;

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
