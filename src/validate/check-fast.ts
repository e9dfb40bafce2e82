import { deadlineRule } from "../catalog/catalog.js";
import { isIsoDate } from "../dates.js";
import type { Activity, Catalog, Config, Diagnostic, Lang, PeriodKey, UnitReport } from "../model.js";
import { fastValue, plainPositions } from "../source/fast-read.js";
import { byPosition, toDiagnostic } from "./diagnostics.js";
import { ruleInfo } from "./messages.js";
import type { Finding } from "./finding.js";
import { normalise } from "./normalise.js";
import { UNIT_RULES, unusedWaivers } from "./rules/index.js";
import { schemaFindings } from "./schema-findings.js";
import type { Validators } from "./validators.js";

/** Checking one unit file: read, schema, rules beyond the schema, waivers. Pure apart from its input bytes. */

export interface UnitCheckContext {
  lang: Lang;
  catalog: Catalog;
  validators: Validators;
  /** The unit schema of `catalog`, for field labels. */
  schema: Record<string, unknown>;
  expected: { year?: number; period?: PeriodKey };
  /** The configuration's deadlines and deadline-day reading, over the catalogue's. */
  config?: Pick<Config, "deadlines" | "deadline_day">;
  /**
   * Keep only each valid report's digest, not the report: what `validate` and `status` need, at a
   * fraction of the memory (a report holds all of a unit's texts).
   */
  digestOnly?: boolean;
}

/** What the run needs of a valid report when not building one: its receipt, waivers and partners. */
export type ReportDigest = Pick<UnitReport, "year" | "period" | "submitted" | "reference" | "waivers"> & {
  activities?: Pick<Activity, "with">[];
};

export function digestOf(r: UnitReport): ReportDigest {
  return {
    year: r.year,
    period: r.period,
    submitted: detached(r.submitted),
    ...(r.reference !== undefined ? { reference: detached(r.reference) } : {}),
    ...(r.waivers
      ? { waivers: r.waivers.map((w) => ({ rule: detached(w.rule), reason: detached(w.reason) })) }
      : {}),
    ...(r.activities
      ? { activities: r.activities.map((a) => (a.with ? { with: a.with.map(detached) } : {})) }
      : {}),
  };
}

export interface UnitFileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The normalised report, when the file has no errors (and the run keeps reports). */
  report?: UnitReport;
  /** In its place, when the run keeps only digests (`digestOnly`). */
  digest?: ReportDigest;
  /** What the file says about itself, when it got that far: for registry rules and status. */
  unit?: { code: string; name: string };
  year?: number;
  period?: PeriodKey;
  /** The receipt date the file gives, when it is a real date, even if the file is invalid. */
  submitted?: string;
}

type Identity = Pick<UnitFileResult, "unit" | "year" | "period" | "submitted">;

/**
 * A copy of a string that does not hold on to the text it was cut from: V8 keeps a slice's whole
 * parent alive, so one kept field of each file would otherwise keep every file's text in memory.
 */
const detached = (s: string): string => (" " + s).slice(1);

/** What a file says about itself, kept for the whole run (detached from the file's text). */
export function identity(value: unknown): Identity {
  const v = value as Record<string, unknown> | undefined;
  const unit = v?.unit as Record<string, unknown> | undefined;
  const out: Identity = {};
  if (typeof unit?.code === "string") {
    const name = typeof unit.name === "string" ? unit.name : unit.code;
    out.unit = { code: detached(unit.code), name: detached(name) };
  }
  if (typeof v?.year === "number") out.year = v.year;
  if (v?.period === "semi-annual" || v?.period === "annual") out.period = v.period;
  if (typeof v?.submitted === "string" && isIsoDate(v.submitted)) out.submitted = detached(v.submitted);
  return out;
}

/**
 * The rules over data from the fast reading: already normalised, and free of the characters
 * `xml-illegal-char` looks for (the plain subset refuses them).
 */
const PLAIN_RULES = UNIT_RULES.filter((rule) => rule.id !== "xml-illegal-char");

/**
 * The schema and the rules over a file's data; findings are unpositioned. `plain`: the data comes
 * from the fast reading (`fastValue`).
 */
export function check(
  raw: unknown,
  ctx: UnitCheckContext,
  plain = false,
): { data: unknown; findings: Finding[]; report?: UnitReport } {
  const data = plain ? raw : normalise(raw);
  if (!ctx.validators.unit(data)) {
    return { data, findings: schemaFindings(ctx.validators.unit.errors ?? [], data, ctx.schema) };
  }
  const report = data as UnitReport;
  if (report.year !== ctx.catalog.year) {
    return {
      data,
      report,
      findings: [{ rule: "no-catalog", path: ["year"], params: { year: report.year } }],
    };
  }
  const deadline = deadlineRule(ctx.catalog, report.period, ctx.config);
  const ruleCtx = { report, raw, catalog: ctx.catalog, deadline, expected: ctx.expected };
  const findings = (plain ? PLAIN_RULES : UNIT_RULES).flatMap((rule) => rule.check(ruleCtx));
  return { data, report, findings: [...findings, ...unusedWaivers(report, findings)] };
}

/**
 * The file's result from its findings, positioned and worded: waivers applied to the warnings they
 * name, the diagnostics in file order, and no report when any of them is an error.
 */
export function fileResult(
  file: string,
  readFindings: Finding[],
  checked: ReturnType<typeof check>,
  where: Parameters<typeof toDiagnostic>[2],
): UnitFileResult {
  const result: UnitFileResult = { file, diagnostics: [], ...identity(checked.data) };
  if (checked.report) result.report = checked.report;
  const diagnostics = [...readFindings, ...checked.findings].map((f) => toDiagnostic(file, f, where));
  const waivers = new Map((result.report?.waivers ?? []).map((w) => [w.rule, w.reason]));
  for (const d of diagnostics) {
    const reason = waivers.get(d.rule);
    if (d.severity === "warning" && reason !== undefined && ruleInfo(d.rule).waivable !== false)
      d.waived = { reason };
  }
  result.diagnostics = diagnostics.sort(byPosition);
  if (diagnostics.some((d) => d.severity === "error")) delete result.report;
  return result;
}

/**
 * Most files are written in the plain subset the fast reading serves: a clean one needs no
 * positions at all, and one with findings has them from that reading's lines. Undefined when the
 * file must be read with positions (`checkUnit`): it is outside the subset, or a finding points
 * inside a value's text.
 */
export function checkUnitFast(
  file: string,
  bytes: Uint8Array,
  ctx: UnitCheckContext,
): UnitFileResult | undefined {
  const fast = fastValue(bytes);
  if (!fast) return undefined;
  const checked = check(fast.value, ctx, true);
  const { data, findings, report } = checked;
  if (report && findings.length === 0) return { file, diagnostics: [], report, ...identity(data) };
  if (findings.some((f) => f.needle !== undefined || f.offset !== undefined || f.position !== undefined))
    return undefined;
  const place = plainPositions(fast.text);
  return fileResult(file, [], checked, { place, schema: ctx.schema, lang: ctx.lang });
}
