/** Public API of the report stage: plans → one self-contained HTML review page. */
export { buildReport, type ReportEntry, type ReportFailure, type ReportOptions } from './html.js';
export { planMessages, type ReviewMessage, type Severity, type Place } from './messages.js';
export { loadReportInput, type ReportPlan, type PlanOrigin } from './load.js';
export { planDomain, renderTimeline, TIMELINE } from './timeline.js';
export { esc } from './escape.js';
