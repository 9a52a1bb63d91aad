/**
 * Public types of the `validate` stage.
 *
 * Issue codes follow the names Frictionless Framework uses for the same checks
 * (https://framework.frictionlessdata.io/docs/errors/), plus three project checks:
 * `whitespace`, `date-range` and `passport`.
 */

import type { Message, Place, Severity as ModelSeverity } from '../model/message.js';

export const ISSUE_CODES = [
  // file / source level
  'source-error',
  'encoding-error',
  'bom',
  'schema-error',
  // header
  'blank-label',
  'duplicate-label',
  'missing-label',
  'extra-label',
  // rows and cells
  'blank-row',
  'extra-cell',
  'missing-cell',
  'type-error',
  'constraint-error',
  'unique-error',
  'primary-key',
  'foreign-key',
  'whitespace',
  'date-range',
  // JSON documents
  'json-schema',
  // dataset passport (паспорт набору даних)
  'passport',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** validate reports errors and warnings (the message model's third severity, info, is not used). */
export type Severity = Exclude<ModelSeverity, 'info'>;

/**
 * A finding of `validate`: the one message shape of every stage (src/model/message.ts), with a validate code.
 * `place.file` is the path (relative to the working directory when inside it, `/` separators); `place.row` in a
 * CSV counts every record with the header as 1 (as Frictionless counts rows), in JSON it is the value's line;
 * `place.column` is the CSV field name (the header label when the field is unknown), the JSON instance path or
 * the passport key; `place.fieldNumber` the 1-based position of the cell; `place.line` the physical line where
 * the row starts, when it differs from the row (multi-line cells). File-level findings have only `place.file`.
 * `text` (not serialised) is the catalogue entry the reason was made from (src/i18n/validate-reasons.ts).
 */
export type ValidationMessage = Message & { code: IssueCode; severity: Severity; place: Place & { file: string } };

export interface TruncatedFile {
  file: string;
  /** The --max-errors limit that was reached. */
  limit: number;
}

export interface ValidationReport {
  /** True when no message has severity `error` (warnings allowed). */
  valid: boolean;
  /** Errors and warnings, sorted by file, row, fieldNumber, column, code, reason. */
  messages: ValidationMessage[];
  /** Every file that was read, sorted. */
  files: string[];
  /** Files where collecting stopped at --max-errors. */
  truncated: TruncatedFile[];
}

export interface ValidateOptions {
  /** One structure description forced on every data file given. */
  schema?: string;
  /** Stop collecting issues for a file after this many. */
  maxErrors?: number;
  /** Base for the relative file paths in issues (default: process.cwd()). */
  cwd?: string;
}

/**
 * Thrown for problems with the options themselves (CLI exit code 2). The library speaks of its options
 * (`paths`, `schema`, `maxErrors`); the CLI maps them to its flags. `finding` is the message that made a
 * `schema` unusable.
 */
export class ValidateUsageError extends Error {
  override name = 'ValidateUsageError';
  constructor(
    message: string,
    readonly option: 'paths' | keyof ValidateOptions,
    readonly finding?: ValidationMessage,
  ) {
    super(message);
  }
}

// ---- normalised structure descriptions -------------------------------------------------------------

export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'year'
  | 'yearmonth'
  | 'url'
  | 'any';

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: string | number;
  maximum?: string | number;
}

export interface Field {
  name: string;
  title?: string;
  type: FieldType;
  /** Frictionless string format (email, uri) or the datatype name as written. */
  format?: string;
  constraints: FieldConstraints;
  trueValues?: string[];
  falseValues?: string[];
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface TableSchema {
  fields: Field[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  missingValues: string[];
  /** File the description came from (for schema-error issues). */
  source: string | null;
}
