import { deadlineRule } from "./catalog/catalog.js";
import {
  errorCount,
  submissionEntry,
  submissions,
  type SubmissionEntry,
  type UnitSubmission,
} from "./consolidate/submissions.js";
import { daysBetween, isIsoDate } from "./dates.js";
import { arrivalBy, receiptsFor, withReceipt } from "./receipts.js";
import type { DeadlineDay, Lang, PeriodKey } from "./model.js";
import {
  periodOfFiles,
  validate,
  type LaterFile,
  type RunProblem,
  type SkippedFile,
} from "./validate/validate.js";

/**
 * `geq status`: completeness and timeliness of the submissions for one period, per registered unit.
 * Pure apart from the validation run it starts; returns values, never prints.
 */

export interface StatusOptions {
  lang?: Lang;
  /** Path of the configuration; when absent, `geq.yaml` in `cwd` is used if it exists. */
  config?: string;
  /** Select the files of this year and period; other files are skipped (`skipped`), never invalid. */
  year?: number;
  period?: PeriodKey;
  cwd?: string;
  /**
   * The day the status is taken, ISO `YYYY-MM-DD` (the CLI passes today or `--as-of`): files received
   * later are not yet received (`later`), and their units are missing as of that day.
   */
  asOf: string;
  /** Where a catalogue file's compiled validator is cached (see `ValidateOptions`). */
  cacheDirs?: readonly string[];
}

/** One unit's line: its submission state, and whether the registry lists it. */
export type StatusRow = UnitSubmission & { registered: boolean };

/** A file that could not be tied to any unit (unreadable YAML, no `unit.code`). */
export interface UnidentifiedFile {
  file: string;
  errors: number;
}

/** A unit's further file for the period, not counted: validate rejects it as a duplicate. */
export interface DuplicateFile {
  code: string;
  file: string;
  errors: number;
}

export interface StatusTotals {
  /** Registered units. */
  mustReport: number;
  /** Registered units with a valid file (on time + late). */
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** Registered units whose only file is invalid. */
  invalid: number;
  /** Files from units not in the registry (always invalid). */
  unregistered: number;
  /** Files that name no unit (always invalid). */
  unidentified: number;
  /** Further files of a unit that already has a row (always invalid). */
  duplicates: number;
}

export interface StatusResult {
  ok: true;
  year: number;
  period: PeriodKey;
  deadline: string;
  /** Whether a file received on `deadline` itself is on time (`on-time`) or late by a day (`late`). */
  deadlineDay: DeadlineDay;
  asOf: string;
  /** Days from `asOf` to the deadline: 0 on the deadline, negative once it has passed. */
  daysLeft: number;
  /** Registered units in registry order, then units that are not registered. */
  rows: StatusRow[];
  unidentified: UnidentifiedFile[];
  duplicates: DuplicateFile[];
  totals: StatusTotals;
  /** Files counted: the period's files received by `asOf`. */
  files: number;
  /** Files of another year or period, left out. */
  skipped: SkippedFile[];
  /** Files received after `asOf`, left out: as of that day their units had not reported. */
  later: LaterFile[];
}

export async function status(
  paths: readonly string[],
  options: StatusOptions,
): Promise<StatusResult | RunProblem> {
  if (!isIsoDate(options.asOf)) {
    return {
      ok: false,
      problem: "bad-option",
      params: { option: "asOf", value: options.asOf, expected: "YYYY-MM-DD" },
    };
  }
  const { asOf, ...selection } = options;
  // Stryker disable next-line StringLiteral: resolve(), relative() and join() read "" as the current folder, as they read "."
  const cwd = options.cwd ?? ".";
  const receipts = await receiptsFor(paths, cwd, options.lang ?? "vi");
  if (!receipts.ok) return receipts;
  const result = await validate(paths, {
    ...selection,
    select: true,
    receivedBy: asOf,
    arrival: arrivalBy(receipts.lookup),
    // Stryker disable next-line BooleanLiteral: digests spare memory; the rows read from them are those read from reports (tested)
    digestOnly: true,
  });
  if (!result.ok) return result;
  // A configuration that validates lists at least one unit (its schema says so).
  const config = result.config?.config;
  if (!config) return { ok: false, problem: "config-required", params: {} };

  const which = periodOfFiles(result, options);
  if (!which.ok) return which;
  const { period, year } = which;

  const rule = deadlineRule(result.catalog, period, config);
  const deadline = rule.date;
  const entries: SubmissionEntry[] = [];
  const unidentified: UnidentifiedFile[] = [];
  for (const f of result.files) {
    const entry = submissionEntry(f);
    if (entry) entries.push(withReceipt(entry, receipts.lookup));
    else unidentified.push({ file: f.file, errors: errorCount(f.diagnostics) });
  }

  const registered = new Set(config.units.map((u) => u.code));
  const rows: StatusRow[] = submissions(config.units, entries, rule).map((r) => ({
    ...r,
    registered: registered.has(r.code),
  }));
  const counted = new Set(rows.map((r) => ("file" in r ? r.file : undefined)));
  const duplicates: DuplicateFile[] = entries
    .filter((e) => !counted.has(e.file))
    .map((e) => ({ code: e.code, file: e.file, errors: e.errors }));
  const mine = rows.filter((r) => r.registered);
  const count = (state: StatusRow["state"]) => mine.filter((r) => r.state === state).length;
  const totals: StatusTotals = {
    mustReport: config.units.length,
    submitted: count("on-time") + count("late"),
    onTime: count("on-time"),
    late: count("late"),
    missing: count("missing"),
    invalid: count("invalid"),
    unregistered: rows.length - mine.length,
    unidentified: unidentified.length,
    duplicates: duplicates.length,
  };
  return {
    ok: true,
    year,
    period,
    deadline,
    deadlineDay: rule.day,
    asOf: options.asOf,
    daysLeft: daysBetween(options.asOf, deadline),
    rows,
    unidentified,
    duplicates,
    totals,
    files: result.files.length,
    skipped: result.skipped,
    later: result.later,
  };
}

export type FailCondition = "missing" | "late" | "invalid";
export const FAIL_CONDITIONS: readonly FailCondition[] = ["missing", "late", "invalid"];

/**
 * The conditions among `wanted` that occur in the result; `invalid` covers every rejected file:
 * registered units', unregistered units', files naming no unit and duplicates.
 */
export function failures(result: StatusResult, wanted: readonly FailCondition[]): FailCondition[] {
  const t = result.totals;
  const occurs: Record<FailCondition, boolean> = {
    missing: t.missing > 0,
    late: t.late > 0,
    invalid: t.invalid + t.unregistered + t.unidentified + t.duplicates > 0,
  };
  return FAIL_CONDITIONS.filter((c) => wanted.includes(c) && occurs[c]);
}
