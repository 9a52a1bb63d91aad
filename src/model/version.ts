/**
 * The version of the plan model (schema.ts), without zod: normalize stamps it on every plan, and the extraction
 * path never loads zod for one string.
 *
 * 2.0.0: `warnings` ({code, message, location}) became `messages` ({code, severity, reason, place, related?}).
 */
export const SCHEMA_VERSION = '2.0.0';
