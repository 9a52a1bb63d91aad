/**
 * Collects validate's messages, enforcing --max-errors per file, and sorts them into the stable report order.
 */
import type { TruncatedFile, ValidationMessage } from './types.js';

export class IssueSink {
  readonly messages: ValidationMessage[] = [];
  private readonly perFile = new Map<string, number>();
  private readonly truncatedFiles = new Set<string>();

  constructor(private readonly maxErrors: number = Infinity) {}

  /** Adds a message; returns false (and drops it) once its file has reached the limit. */
  add(message: ValidationMessage): boolean {
    const file = message.place.file;
    const n = this.perFile.get(file) ?? 0;
    if (n >= this.maxErrors) {
      this.truncatedFiles.add(file);
      return false;
    }
    this.perFile.set(file, n + 1);
    this.messages.push(message);
    return true;
  }

  /** True when the file has reached the limit (further messages would be dropped). */
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

/** Absent numbers (file-level messages) first. */
function cmpOptionalNum(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a - b;
}

/** Stable report order: file, row, field position, column, code, reason. */
export function compareMessages(a: ValidationMessage, b: ValidationMessage): number {
  return (
    cmpStr(a.place.file, b.place.file) ||
    cmpOptionalNum(a.place.row, b.place.row) ||
    cmpOptionalNum(a.place.fieldNumber, b.place.fieldNumber) ||
    cmpStr(a.place.column ?? '', b.place.column ?? '') ||
    cmpStr(a.code, b.code) ||
    cmpStr(a.reason, b.reason)
  );
}
