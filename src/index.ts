/** The library API of geq: the command line's operations as functions that return values. */
export { validate } from "./validate/validate.js";
export type {
  ValidateOptions,
  ValidateResult,
  RunProblem,
  SkippedFile,
  LaterFile,
} from "./validate/validate.js";
export type { UnitFileResult } from "./validate/check-unit.js";
export { buildReport } from "./build-report.js";
export type { BuildReportOptions, BuiltReport, InvalidInput } from "./build-report.js";
export { status, failures as statusFailures } from "./status.js";
export type { StatusOptions, StatusResult, StatusRow, StatusTotals, FailCondition } from "./status.js";
export { formatStatusText, formatStatusJson } from "./output/status.js";
export { receive } from "./receive.js";
export type { ReceiveOptions, ReceiveResult, ReceiveOutcome } from "./receive.js";
export type { Receipt, Receipts } from "./receipts.js";
export { form } from "./form/form.js";
export type { FormOptions, FormResult } from "./form/form.js";
export { scaffold as init } from "./init.js";
export type { ScaffoldOptions as InitOptions } from "./init.js";
export { unitReportSchema, configSchema, catalogSchema } from "./catalog/schema.js";
export { loadCatalog, deadlineRule, CATALOG_IDS } from "./catalog/catalog.js";
export { lateness } from "./dates.js";
export type { DeadlineRule } from "./dates.js";
export { RULES } from "./validate/messages.js";
export type * from "./model.js";
