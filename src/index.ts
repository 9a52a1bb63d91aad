/** Library entry point of ogp-extract. */
export { extractBuffer, extractFile, loadDirectory, planJson, InputError, NoPlanError, SchemaError } from './pipeline.js';
export type { ExtractOptions, ExtractResult } from './pipeline.js';
export { readDocument, detectFormat } from './readers/index.js';
export { extractPlan } from './extract/index.js';
export { normalizePlan } from './normalize/plan.js';
export { parseTerm } from './normalize/terms.js';
export { splitParties, PartyRegistry, PartyDirectory, partyId } from './normalize/parties.js';
export { validatePlan } from './model/validate.js';
export * from './model/schema.js';
export type * from './doctree/types.js';
export { validatePaths, formatText, formatJson, formatGithub, ValidateUsageError } from './validate/index.js';
export type { ValidationReport, ValidationMessage } from './validate/index.js';
export { exportDatasets, writeDataset, readDataset, recordsToPlans } from './datasets/index.js';
