import { lateness, type DeadlineRule } from "../dates.js";
import type { Diagnostic, RegistryUnit, UnitReport, Waiver } from "../model.js";
import type { LeftOut, ReportDigest, UnitFileResult } from "../validate/check-fast.js";
import { countBySeverity } from "../output/diagnostics.js";

/** What the run knows about one unit's file for a period. */
export interface SubmissionEntry {
  code: string;
  name: string;
  file: string;
  /** Present when the file is valid. */
  report?: UnitReport;
  /** When `report` is lean: what it left out, and how to read the whole again. */
  leftOut?: LeftOut;
  whole?: () => UnitReport;
  /** In its place when the run kept only digests (status): the receipt and waivers. */
  digest?: ReportDigest;
  /** Number of errors when the file was rejected. */
  errors: number;
  /** The file's waivers whose warning fired on it, in the file's order: what the report may cite. */
  waived?: Waiver[];
  /** The ministry's receipt of the file (`geq receive`): its incoming stamp, by which lateness counts. */
  received?: { date: string; number?: string };
}

/**
 * The day a submission counts from: the receipt date when the clerk recorded one (the letter counts
 * lateness "theo dấu công văn đến"), else the date the unit wrote in `submitted`.
 */
export interface Arrival {
  /** The date lateness counts from. */
  arrived: string;
  by: "receipt" | "submitted";
  /** The incoming number the clerk gave the receipt. */
  incoming?: string;
}

export type SubmissionState =
  | ({ state: "on-time"; submitted: string; reference?: string; file: string } & Arrival)
  | ({ state: "late"; days: number; submitted: string; reference?: string; file: string } & Arrival)
  | { state: "invalid"; errors: number; file: string }
  | { state: "missing" };

export type UnitSubmission = RegistryUnit & SubmissionState;

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return countBySeverity(diagnostics).errors;
}

/**
 * The waivers that explained a warning on the file, one per rule, with the reason that was applied;
 * a waiver whose warning did not fire explains nothing and is left out.
 */
export function firedWaivers(f: Pick<UnitFileResult, "diagnostics" | "report" | "digest">): Waiver[] {
  const reasons = new Map<string, string>();
  for (const d of f.diagnostics) if (d.waived && !reasons.has(d.rule)) reasons.set(d.rule, d.waived.reason);
  const out: Waiver[] = [];
  // Stryker disable next-line ArrayDeclaration: an element that is not a waiver has no rule, so no reason, and is skipped
  for (const w of (f.report ?? f.digest)?.waivers ?? []) {
    const reason = reasons.get(w.rule);
    if (reason === undefined) continue;
    out.push({ rule: w.rule, reason });
    reasons.delete(w.rule);
  }
  return out;
}

/** What a checked file contributes to the submissions; undefined when it names no unit. */
export function submissionEntry(f: UnitFileResult): SubmissionEntry | undefined {
  if (!f.unit) return undefined;
  const entry: SubmissionEntry = { ...f.unit, file: f.file, errors: errorCount(f.diagnostics) };
  if (f.report) entry.report = f.report;
  else if (f.digest) entry.digest = f.digest;
  if (f.leftOut) entry.leftOut = f.leftOut;
  // A rejected file has neither a report nor a digest, and so no waivers to cite.
  const waived = firedWaivers(f);
  if (waived.length) entry.waived = waived;
  return entry;
}

function submissionOf(entry: SubmissionEntry, deadline: DeadlineRule): SubmissionState {
  const valid = entry.report ?? entry.digest;
  if (!valid) return { state: "invalid", errors: entry.errors, file: entry.file };
  const { submitted, reference } = valid;
  const arrival: Arrival = entry.received
    ? {
        arrived: entry.received.date,
        by: "receipt",
        ...(entry.received.number !== undefined ? { incoming: entry.received.number } : {}),
      }
    : { arrived: submitted, by: "submitted" };
  const days = lateness(arrival.arrived, deadline);
  const ref = reference === undefined ? {} : { reference };
  return days > 0
    ? { state: "late", days, submitted, file: entry.file, ...ref, ...arrival }
    : { state: "on-time", submitted, file: entry.file, ...ref, ...arrival };
}

/**
 * One row per unit in registry order, then units that sent a file but are not registered
 * (they are rejected by validation, listed so nobody's file disappears silently).
 */
export function submissions(
  registry: readonly RegistryUnit[],
  entries: readonly SubmissionEntry[],
  deadline: DeadlineRule,
): UnitSubmission[] {
  const byCode = new Map<string, SubmissionEntry>();
  for (const e of entries) {
    const seen = byCode.get(e.code);
    // With two files for one unit, a valid one wins; validation reports the duplicate.
    if (!seen || (!(seen.report ?? seen.digest) && (e.report ?? e.digest))) byCode.set(e.code, e);
  }
  const rows: UnitSubmission[] = registry.map((u) => {
    const e = byCode.get(u.code);
    return { code: u.code, name: u.name, ...(e ? submissionOf(e, deadline) : { state: "missing" as const }) };
  });
  const registered = new Set(registry.map((u) => u.code));
  for (const e of byCode.values()) {
    if (!registered.has(e.code)) rows.push({ code: e.code, name: e.name, ...submissionOf(e, deadline) });
  }
  return rows;
}
