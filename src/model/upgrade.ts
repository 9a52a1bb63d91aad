/**
 * Plans written by an earlier model version, brought up to the current one on load.
 *
 * 1.0.0 → 2.0.0: `warnings: [{code, message, location}]` became `messages: [{code, severity, reason, place}]`
 * (severity: `layout-lost` is an error, `term-recurring` an info, everything else a warning).
 */
import { SCHEMA_VERSION } from './schema.js';

const SEVERITY_1_0: Record<string, 'error' | 'info'> = { 'layout-lost': 'error', 'term-recurring': 'info' };

/** Upgrade a parsed plan object of an earlier version; anything else is returned as it is. */
export function upgradePlan(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const plan = value as Record<string, unknown>;
  if (plan.schemaVersion !== '1.0.0' || !Array.isArray(plan.warnings)) return value;
  const { warnings, ...rest } = plan;
  const file = (plan.source as { file?: unknown } | undefined)?.file;
  const messages = (warnings as Record<string, unknown>[]).map((w) => ({
    code: w.code,
    severity: SEVERITY_1_0[String(w.code)] ?? 'warning',
    reason: w.message,
    place: { ...(typeof file === 'string' ? { file } : {}), ...((w.location as object | null) ?? {}) },
  }));
  const upgraded: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(rest)) upgraded[key] = key === 'schemaVersion' ? SCHEMA_VERSION : v;
  upgraded.messages = messages;
  return upgraded;
}
