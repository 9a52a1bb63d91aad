/**
 * Collects issues, enforcing --max-errors per file, and sorts them into the stable report order.
 */
import type { TruncatedFile, ValidationIssue } from './types.js';

export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  private readonly perFile = new Map<string, number>();
  private readonly truncatedFiles = new Set<string>();

  constructor(private readonly maxErrors: number = Infinity) {}

  /** Adds an issue; returns false (and drops it) once the file has reached the limit. */
  add(issue: ValidationIssue): boolean {
    const n = this.perFile.get(issue.file) ?? 0;
    if (n >= this.maxErrors) {
      this.truncatedFiles.add(issue.file);
      return false;
    }
    this.perFile.set(issue.file, n + 1);
    this.issues.push(issue);
    return true;
  }

  /** True when the file has reached the limit (further issues would be dropped). */
  full(file: string): boolean {
    return (this.perFile.get(file) ?? 0) >= this.maxErrors;
  }

  /** Records that checking of a file stopped early because it is full. */
  markTruncated(file: string): void {
    this.truncatedFiles.add(file);
  }

  truncated(): TruncatedFile[] {
    return [...this.truncatedFiles].sort(cmpStr).map((file) => ({ file, limit: this.maxErrors }));
  }
}

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNullableNum(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

/** Stable report order: file, row, field position, column, code, message. */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return (
    cmpStr(a.file, b.file) ||
    cmpNullableNum(a.row, b.row) ||
    cmpNullableNum(a.fieldNumber, b.fieldNumber) ||
    cmpStr(a.column ?? '', b.column ?? '') ||
    cmpStr(a.code, b.code) ||
    cmpStr(a.message, b.message)
  );
}
