import { deadlineRule } from "../catalog/catalog.js";
import { isIsoDate } from "../dates.js";
import type {
  Activity,
  Catalog,
  Config,
  Diagnostic,
  Lang,
  PeriodKey,
  TaskReport,
  UnitReport,
} from "../model.js";
import { fastValue, plainPositions, type CommentCut } from "../source/fast-read.js";
import { doubleQuoted } from "../source/yaml-errors.js";
import { byPosition, toDiagnostic } from "./diagnostics.js";
import { ruleInfo } from "./messages.js";
import type { Finding, JsonPath } from "./finding.js";
import { normalise } from "./normalise.js";
import { UNIT_RULES, unusedWaivers, type Draft, type UnitRuleContext } from "./rules/index.js";
import { refusedByErrors, schemaAt, schemaFindings } from "./schema-findings.js";
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
  /**
   * Keep each valid report without its sub-tasks' summaries (`lean`), which a consolidated report shows
   * only in Phụ lục IV and in the few examples it picks: it reads them again from the file there.
   */
  lean?: boolean;
  /** Where a catalogue file's compiled validator is cached, for helper threads to load it. */
  catalogModule?: string;
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

/**
 * What a lean report (`UnitCheckContext.lean`) holds of the summaries it leaves out: the opening words of
 * each, by `group.task`, for choosing examples; how many characters they had; and the file's hash, so that
 * the file read again is known to be the one validated.
 */
export interface LeftOut {
  openings: Record<string, string>;
  chars: number;
  hash: string;
}

/**
 * The first eight words of a summary, lower-cased: units whose summaries open alike would make one
 * example several times.
 */
export function summaryOpening(summary: string): string {
  return summary.split(/\s+/u, 8).join(" ").normalize("NFC").toLocaleLowerCase("vi");
}

/** A report without its sub-tasks' summaries, and what it holds of them instead. */
export function leanOf(report: UnitReport, hash: string): { report: UnitReport; leftOut: LeftOut } {
  const leftOut: LeftOut = { openings: {}, chars: 0, hash };
  const tasks: UnitReport["tasks"] = {};
  for (const [group, byTask] of Object.entries(report.tasks)) {
    const lean: Record<string, TaskReport> = {};
    for (const [task, t] of Object.entries(byTask)) {
      const { summary, ...rest } = t;
      lean[task] = rest;
      if (summary) {
        leftOut.openings[`${group}.${task}`] = summaryOpening(summary);
        leftOut.chars += summary.length;
      }
    }
    tasks[group] = lean;
  }
  return { report: { ...report, tasks }, leftOut };
}

export interface UnitFileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The normalised report, when the file has no errors (and the run keeps reports). */
  report?: UnitReport;
  /** In its place, when the run keeps only digests (`digestOnly`). */
  digest?: ReportDigest;
  /** With a lean report (`lean`): what it left out. */
  leftOut?: LeftOut;
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
 * from the fast reading (`fastValue`). The rules read what the schema accepted, whatever it refused
 * elsewhere: every problem of a file is found in one pass.
 */
export function check(
  raw: unknown,
  ctx: UnitCheckContext,
  plain = false,
): { data: unknown; findings: Finding[]; report?: UnitReport } {
  const data = plain ? raw : normalise(raw);
  const valid = ctx.validators.unit(data);
  const errors = valid ? [] : (ctx.validators.unit.errors ?? []);
  const refusedPaths = valid ? [] : refusedByErrors(errors);
  const draft = (valid ? data : withoutRefused(data, refusedPaths)) as Draft<UnitReport>;
  const findings = valid ? [] : schemaFindings(errors, data, ctx.schema);
  // The guidance applies to a file of its year only: one whose year is missing or refused is not
  // judged by the windows, deadline and tasks of a year it may not be about.
  if (draft.year !== undefined && draft.year !== ctx.catalog.year)
    findings.push({ rule: "no-catalog", path: ["year"], params: { year: draft.year } });
  const catalog = draft.year === ctx.catalog.year ? ctx.catalog : undefined;
  const deadline = catalog && draft.period ? deadlineRule(catalog, draft.period, ctx.config) : undefined;
  const ruleCtx: UnitRuleContext = {
    report: draft,
    raw,
    expected: ctx.expected,
    refused: refusedPaths.length ? refusedTest(refusedPaths) : () => false,
    ...(catalog ? { catalog } : {}),
    ...(deadline ? { deadline } : {}),
  };
  for (const rule of plain ? PLAIN_RULES : UNIT_RULES) findings.push(...rule.check(ruleCtx));
  if (!valid) return { data, findings };
  const report = data as UnitReport;
  // A waiver names a warning of the file: only a file read whole, by its guidance, can say it has none.
  return { data, report, findings: catalog ? [...findings, ...unusedWaivers(report, findings)] : findings };
}

/**
 * Whether a path and a refused one hold one another (or are the same), in time of the path's depth
 * however many values were refused (a hostile file has thousands).
 */
function refusedTest(paths: readonly JsonPath[]): (path: JsonPath) => boolean {
  const key = (path: JsonPath, n: number) => path.slice(0, n).join("\u0000");
  const refused = new Set(paths.map((p) => key(p, p.length)));
  const holding = new Set(paths.flatMap((p) => p.map((_, i) => key(p, i + 1))));
  return (path) => holding.has(key(path, path.length)) || path.some((_, i) => refused.has(key(path, i)));
}

/**
 * A copy of the data without the values at `paths`; a list keeps its length, the refused item
 * becoming `undefined`. Only the containers on the way to a path are copied, each once.
 */
function withoutRefused(data: unknown, paths: readonly JsonPath[]): unknown {
  if (paths.some((p) => p.length === 0)) return {};
  const root = shallowCopy(data);
  const copies = new Set<unknown>([root]);
  for (const path of paths) {
    let node = root as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      let next: unknown = Object.hasOwn(node, path[i]!) ? node[path[i]!] : undefined;
      if (typeof next !== "object" || next === null) break;
      if (!copies.has(next)) copies.add((next = node[path[i]!] = shallowCopy(next)));
      node = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    if (Array.isArray(node)) node[last as number] = undefined;
    else if (typeof node === "object" && node !== null) delete node[last];
  }
  return root;
}

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (typeof value === "object" && value !== null) {
    // `__proto__` stays an ordinary own key, as `normalise` keeps it.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value))
      Object.defineProperty(out, k, {
        value: (value as Record<string, unknown>)[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
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

/** A field of free text: where a comment cutting the text short is a slip, not a note. */
function isProse(node: Record<string, unknown> | undefined): boolean {
  return node?.type === "string" && !("enum" in node) && !("pattern" in node) && !("const" in node);
}

/** Warnings for text fields whose plain text a comment (` #`) ended, with the fix. */
export function cutFindings(cuts: readonly CommentCut[], schema: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const c of cuts) {
    if (!isProse(schemaAt(schema, c.path))) continue;
    const example = `${c.head}${c.head ? " " : ""}${doubleQuoted(`${c.kept} ${c.cut}`)}`;
    out.push({
      rule: "text-cut-by-comment",
      path: c.path,
      position: c.at,
      params: { kept: c.kept, cut: c.cut, example },
    });
  }
  return out;
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
  const cuts = fast.cuts.length ? cutFindings(fast.cuts, ctx.schema) : [];
  if (report && findings.length === 0 && cuts.length === 0)
    return { file, diagnostics: [], report, ...identity(data) };
  if (findings.some((f) => f.needle !== undefined || f.offset !== undefined || f.position !== undefined))
    return undefined;
  const place = plainPositions(fast.text);
  return fileResult(file, cuts, checked, { place, schema: ctx.schema, lang: ctx.lang });
}
