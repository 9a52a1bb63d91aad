/** Errors of the pipeline, kept apart from it so the CLI can tell them apart without loading any reader. */

/** An input that could not be turned into a plan; `message` is one line naming the cause. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** The original exception, when the failure was not foreseen (shown with --debug). */
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
  }
}

/** The document holds no action plan. */
export class NoPlanError extends InputError {}

/** The plan produced violates the schema: a bug in ogp-extract, never written. */
export class SchemaError extends Error {
  constructor(
    readonly file: string,
    readonly violations: readonly { path: string; message: string }[],
  ) {
    super(`plan extracted from ${file} violates schemas/plan.schema.json at ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`);
  }
}

