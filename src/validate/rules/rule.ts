import type { DeadlineRule } from "../../dates.js";
import type { Catalog, PeriodKey, UnitReport } from "../../model.js";
import type { Finding, JsonPath } from "../finding.js";

/**
 * What the rules read of a file: its well-formed parts. Any field may be missing (absent, or left
 * out because the schema found it wrong), and a list item the schema refused is `undefined`, so
 * that the items after it keep their indices.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? (Draft<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> }
    : T;

export interface UnitRuleContext {
  /** The file's data after normalisation (NFC, trimmed), its parts the schema refused left out. */
  report: Draft<UnitReport>;
  /** The data as written, for rules about characters that normalisation would hide. */
  raw: unknown;
  /** The guidance the file answers; undefined when its year is one the guidance is not for. */
  catalog?: Catalog;
  /** The deadline of the file's period; undefined when the period or the guidance is unknown. */
  deadline?: DeadlineRule;
  expected: { year?: number; period?: PeriodKey };
  /**
   * True when the schema refused the value at `path`, something in it or what holds it: a rule that
   * would read its absence as zero or as nothing written says nothing about it.
   */
  refused(path: JsonPath): boolean;
}

/** A rule beyond the schema: a stable id (its severity and wording live in messages.ts) and a check. */
export interface UnitRule {
  id: string;
  check(ctx: UnitRuleContext): Finding[];
}
