import type { DeadlineRule } from "../../dates.js";
import type { Catalog, PeriodKey, UnitReport } from "../../model.js";
import type { Finding } from "../finding.js";

export interface UnitRuleContext {
  /** The file's data after normalisation (NFC, trimmed), already valid against the schema. */
  report: UnitReport;
  /** The data as written, for rules about characters that normalisation would hide. */
  raw: unknown;
  catalog: Catalog;
  deadline: DeadlineRule;
  expected: { year?: number; period?: PeriodKey };
}

/** A rule beyond the schema: a stable id (its severity and wording live in messages.ts) and a check. */
export interface UnitRule {
  id: string;
  check(ctx: UnitRuleContext): Finding[];
}
