/**
 * Public types of the `validate` stage.
 *
 * Issue codes follow the names Frictionless Framework uses for the same checks
 * (https://framework.frictionlessdata.io/docs/errors/), plus three project checks:
 * `whitespace`, `date-range` and `passport`.
 */

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

export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  code: IssueCode;
  severity: Severity;
  /** Path of the file the issue is in (relative to the working directory when inside it, `/` separators). */
  file: string;
  /**
   * CSV: 1-based row number counting every record including the header (header = 1), as Frictionless counts
   * rows. JSON: 1-based line of the value. `null` for file-level issues.
   */
  row: number | null;
  /** CSV: field name (header label when the field is unknown). JSON: instance path or passport key. */
  column: string | null;
  /** CSV: 1-based position of the cell in the row. */
  fieldNumber: number | null;
  /** One line, no trailing period needed. */
  message: string;
  /** Physical line of the file where the row starts, when it differs from `row` (multi-line cells). */
  line?: number;
}

export interface TruncatedFile {
  file: string;
  /** The --max-errors limit that was reached. */
  limit: number;
}

export interface ValidationReport {
  /** True when no issue has severity `error` (warnings allowed). */
  valid: boolean;
  /** Sorted by file, row, fieldNumber, column, code, message. */
  errors: ValidationIssue[];
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

/** Thrown for problems with the options themselves (CLI exit code 2). */
export class ValidateUsageError extends Error {
  override name = 'ValidateUsageError';
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
