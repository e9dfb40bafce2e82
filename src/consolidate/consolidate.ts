/**
 * Aggregation across units: raw figures only, no formatting. Every total is the plain sum of the
 * units' values; shares are left to the presenter, which computes them from these totals so that a
 * share is never an average of rounded shares.
 */
import { STAFF_KEYS, TASK_STATUSES } from "../model.js";
import type {
  Activity,
  Catalog,
  DeadlineDay,
  IndicatorType,
  People,
  PeriodKey,
  RegistryUnit,
  StaffKey,
  TaskStatus,
  UnitReport,
  Waiver,
} from "../model.js";
import { submissions } from "./submissions.js";
import type { SubmissionEntry, UnitSubmission } from "./submissions.js";
import type { LeftOut } from "../validate/check-fast.js";

export interface UnitRef {
  code: string;
  name: string;
}

/** A piece of unit text, attributed to its unit. */
export interface UnitText extends UnitRef {
  text: string;
}

export type IndicatorTotal =
  | { key: string; type: "count" | "money"; value: number }
  | { key: string; type: "people"; total: number; female: number }
  /** Number of units that answered yes. */
  | { key: string; type: "flag"; units: number }
  /** Free text is not summed: each unit's value, attributed. */
  | { key: string; type: "text"; values: UnitText[] };

export interface TaskTotals {
  group: string;
  task: string;
  /** Number of units per status. */
  status: Record<TaskStatus, number>;
  /** In catalogue order. */
  indicators: IndicatorTotal[];
}

/** Succession-pool target (Quyết định 2282/QĐ-TTg): which units reach the catalogue's threshold. */
export interface TargetTotals {
  threshold: number;
  /** Units whose pool has members and whose female share is at least the threshold. */
  reached: UnitRef[];
  notReached: (UnitRef & People)[];
  /** Units with an empty pool: no share to judge. */
  noPool: UnitRef[];
}

/** The figures that a set of unit reports sums to; computed the same way for the compared period. */
export interface Figures {
  /** Number of reports summed. */
  units: number;
  staff: Record<StaffKey, People>;
  /** Every sub-task in catalogue order (group by group). */
  tasks: TaskTotals[];
  budget: { planned: number; spent: number };
  target: TargetTotals;
}

/** Counts over the registered units only: `received` never exceeds `mustReport`. */
export interface SubmissionCounts {
  /** Units in the registry. */
  mustReport: number;
  /** Registered units that sent a file, valid or not. */
  received: number;
  /** Valid reports: the ones summed. */
  valid: number;
  onTime: number;
  late: number;
  missing: number;
  rejected: number;
}

export interface ConsolidatedUnit extends UnitRef {
  /** The report as held: without its sub-tasks' summaries when `leftOut` says what it left out. */
  report: UnitReport;
  leftOut?: LeftOut;
  /** The whole report, read again from the unit's file, when the held one is lean. */
  whole?: () => UnitReport;
}

/** A unit's whole report: the one held, or read again where it was held lean. */
export function wholeReport(u: ConsolidatedUnit): UnitReport {
  return u.whole ? u.whole() : u.report;
}

/** A unit's file changed while the report was being built: what it said when validated is gone. */
export class InputChangedError extends Error {
  constructor(readonly file: string) {
    // Stryker disable next-line StringLiteral: a trace's wording; build-report words this error for the user from `file`
    super(`input file changed during the build: ${file}`);
  }
}

export interface ConsolidateInput {
  catalog: Catalog;
  registry: readonly RegistryUnit[];
  period: PeriodKey;
  year: number;
  deadline: string;
  /** Whether a file received on the deadline day is on time; `on-time` when not given. */
  deadlineDay?: DeadlineDay;
  /** Valid entries carry `report`; rejected ones have `errors > 0` and no report. */
  entries: readonly SubmissionEntry[];
  /** Files that name no unit at all (unreadable, or without `unit.code`): left out, listed in `outside`. */
  unidentified?: readonly string[];
  /** The same year's semi-annual reports, for the annual report's comparison. */
  compare?: readonly UnitReport[];
}

/** A file left out because it names no registered unit: it never counts as a unit that reported. */
export interface OutsideFile {
  file: string;
  code?: string;
  name?: string;
  reason: "unregistered" | "unidentified";
}

/** The annual figures against the semi-annual ones, like for like. */
export interface Comparison {
  /** The same units' figures in both periods (units present in both). */
  before: Figures;
  after: Figures;
  /** Units present in only one of the two periods, with their own figures. */
  onlyBefore: (UnitRef & { figures: Figures })[];
  onlyAfter: (UnitRef & { figures: Figures })[];
}

export interface Consolidation {
  period: PeriodKey;
  year: number;
  deadline: string;
  /** Whether a file received on `deadline` itself was on time: the rule Phụ lục II states. */
  deadlineDay: DeadlineDay;
  /** One row per registered unit, in registry order. */
  submissions: UnitSubmission[];
  counts: SubmissionCounts;
  /** Files that name no registered unit, by file: neither received nor rejected, never summed. */
  outside: OutsideFile[];
  /** `arrived`: the receipt date when the clerk recorded one, else the unit's `submitted`. */
  late: (UnitRef & { days: number; arrived: string })[];
  missing: UnitRef[];
  rejected: (UnitRef & { errors: number; file: string })[];
  /** The valid reports, in the order of `submissions`. */
  units: ConsolidatedUnit[];
  figures: Figures;
  assessment: { strengths: UnitText[]; limitations: UnitText[]; causes: UnitText[] };
  nextSteps: UnitText[];
  recommendations: UnitText[];
  /** Units whose file waived a warning that fired, with the rule and their reason (unused waivers left out). */
  waivers: (UnitRef & { waivers: Waiver[] })[];
  /** All units' activities by date, ties in unit order. */
  activities: (UnitRef & { activity: Activity })[];
  compare?: Comparison;
}

/**
 * Code-unit order, the same on every machine (no locale). Sorting only ever asks whether a result is
 * negative (V8's TimSort, like CPython's, compares with less-than alone), so whether a pair that is
 * not less comes out as 0 or 1 cannot show in any result.
 */
export function byText(a: string, b: string): number {
  if (a < b) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above: 0 and 1 sort alike
  return a > b ? 1 : 0;
}

function byCode(a: { code: string }, b: { code: string }): number {
  return byText(a.code, b.code);
}

function emptyStatus(): Record<TaskStatus, number> {
  const status = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) status[s] = 0;
  return status;
}

/**
 * A decimal ratio as an exact fraction, read from its shortest decimal spelling (0.4 → 4/10), so
 * that `female / total >= 0.4` can be decided in integers without a float landing just below.
 */
export function ratioFraction(ratio: number): { num: bigint; den: bigint } {
  let text = String(ratio);
  if (/e/i.test(text)) text = ratio.toFixed(20).replace(/0+$/, "");
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`Not a non-negative decimal ratio: ${ratio}`);
  const frac = m[2] ?? "";
  // The pattern's first group always takes part in a match.
  return { num: BigInt((m[1] as string) + frac), den: 10n ** BigInt(frac.length) };
}

/** True when female / total reaches the ratio num / den exactly or above. */
export function reachesShare(people: People, fraction: { num: bigint; den: bigint }): boolean {
  return BigInt(people.female) * fraction.den >= BigInt(people.total) * fraction.num;
}

interface TaskPlan {
  group: string;
  task: string;
  indicators: { key: string; type: IndicatorType }[];
}

function planOf(catalog: Catalog): TaskPlan[] {
  return catalog.groups.flatMap((g) =>
    g.tasks.map((t) => ({
      group: g.key,
      task: t.key,
      indicators: t.indicators.map((i) => ({ key: i.key, type: i.type })),
    })),
  );
}

function emptyIndicator(key: string, type: IndicatorType): IndicatorTotal {
  switch (type) {
    case "count":
    case "money":
      return { key, type, value: 0 };
    case "people":
      return { key, type, total: 0, female: 0 };
    case "flag":
      return { key, type, units: 0 };
    case "text":
      return { key, type, values: [] };
  }
}

function isPeople(v: unknown): v is People {
  return typeof v === "object" && v !== null && typeof (v as People).total === "number";
}

/**
 * Sums a set of reports. One pass over the reports, and for each one pass over the catalogue's
 * sub-tasks and indicators: linear in units × indicators.
 */
export function sumFigures(catalog: Catalog, units: readonly ConsolidatedUnit[]): Figures {
  const plan = planOf(catalog);
  const staff = {} as Record<StaffKey, People>;
  for (const k of STAFF_KEYS) staff[k] = { total: 0, female: 0 };
  const tasks: TaskTotals[] = plan.map((p) => ({
    group: p.group,
    task: p.task,
    status: emptyStatus(),
    indicators: p.indicators.map((i) => emptyIndicator(i.key, i.type)),
  }));
  const budget = { planned: 0, spent: 0 };
  const fraction = ratioFraction(catalog.targets.succession_pool_female_share.threshold);
  const target: TargetTotals = {
    threshold: catalog.targets.succession_pool_female_share.threshold,
    reached: [],
    notReached: [],
    noPool: [],
  };

  for (const unit of units) {
    const { report, code, name } = unit;
    for (const k of STAFF_KEYS) {
      const p = report.staff[k];
      if (!p) continue;
      staff[k].total += p.total;
      staff[k].female += p.female;
    }
    plan.forEach((p, ti) => {
      const tr = report.tasks[p.group]?.[p.task];
      const totals = tasks[ti];
      if (!tr || !totals) return;
      totals.status[tr.status] += 1;
      totals.indicators.forEach((acc) => {
        const v = tr[acc.key];
        switch (acc.type) {
          case "count":
          case "money":
            if (typeof v === "number") acc.value += v;
            break;
          case "people":
            if (isPeople(v)) {
              acc.total += v.total;
              acc.female += v.female;
            }
            break;
          case "flag":
            if (v === true) acc.units += 1;
            break;
          case "text":
            if (typeof v === "string" && v !== "") acc.values.push({ code, name, text: v });
            break;
        }
      });
    });
    budget.planned += report.budget?.planned_vnd ?? 0;
    budget.spent += report.budget?.spent_vnd ?? 0;
    const pool = report.staff.succession_pool;
    if (!pool || pool.total <= 0) target.noPool.push({ code, name });
    else if (reachesShare(pool, fraction)) target.reached.push({ code, name });
    else target.notReached.push({ code, name, total: pool.total, female: pool.female });
  }
  return { units: units.length, staff, tasks, budget, target };
}

function attributed(
  units: readonly ConsolidatedUnit[],
  pick: (r: UnitReport) => string[] | undefined,
): UnitText[] {
  const out: UnitText[] = [];
  for (const u of units)
    for (const text of pick(u.report) ?? []) out.push({ code: u.code, name: u.name, text });
  return out;
}

/** Reports of the compared period have no registry row: they are named by their own file. */
function unitsOf(reports: readonly UnitReport[]): ConsolidatedUnit[] {
  return reports.map((report) => ({ code: report.unit.code, name: report.unit.name, report }));
}

/**
 * Like for like: the change is computed over the units present in both periods; a unit present in
 * only one is set apart with its own figures. The first report of a unit counts, as in `submissions`.
 */
function compareUnits(
  catalog: Catalog,
  beforeUnits: readonly ConsolidatedUnit[],
  afterUnits: readonly ConsolidatedUnit[],
): Comparison {
  const firstOf = (units: readonly ConsolidatedUnit[]) => {
    const map = new Map<string, ConsolidatedUnit>();
    for (const u of units) if (!map.has(u.code)) map.set(u.code, u);
    return map;
  };
  const before = firstOf(beforeUnits);
  const after = firstOf(afterUnits);
  const alone = (u: ConsolidatedUnit) => ({ code: u.code, name: u.name, figures: sumFigures(catalog, [u]) });
  return {
    before: sumFigures(
      catalog,
      [...before.values()].filter((u) => after.has(u.code)),
    ),
    after: sumFigures(
      catalog,
      [...after.values()].filter((u) => before.has(u.code)),
    ),
    onlyBefore: [...before.values()]
      .filter((u) => !after.has(u.code))
      .sort(byCode)
      .map(alone),
    onlyAfter: [...after.values()].filter((u) => !before.has(u.code)).map(alone),
  };
}

export function consolidate(input: ConsolidateInput): Consolidation {
  const { catalog, registry, deadline, entries } = input;
  const deadlineDay = input.deadlineDay ?? "on-time";
  // Only registered units report: submissions() lists unregistered senders after them, and they
  // go to `outside` instead, with the files that name no unit.
  const ordered = submissions(registry, entries, { date: deadline, day: deadlineDay }).slice(
    0,
    registry.length,
  );
  const registered = new Set(registry.map((u) => u.code));
  const outside: OutsideFile[] = [
    ...entries
      .filter((e) => !registered.has(e.code))
      .map((e) => ({ file: e.file, code: e.code, name: e.name, reason: "unregistered" as const })),
    ...(input.unidentified ?? []).map((file) => ({ file, reason: "unidentified" as const })),
  ].sort((a, b) => byText(a.file, b.file));

  // The same choice as submissions(): the first valid file of a unit wins.
  const entryOf = new Map<string, SubmissionEntry & { report: UnitReport }>();
  for (const e of entries)
    if (e.report && !entryOf.has(e.code)) entryOf.set(e.code, { ...e, report: e.report });

  const counts: SubmissionCounts = {
    mustReport: registry.length,
    received: 0,
    valid: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    rejected: 0,
  };
  const late: Consolidation["late"] = [];
  const missing: UnitRef[] = [];
  const rejected: Consolidation["rejected"] = [];
  const units: ConsolidatedUnit[] = [];
  for (const row of ordered) {
    const ref = { code: row.code, name: row.name };
    switch (row.state) {
      case "missing":
        counts.missing += 1;
        missing.push(ref);
        continue;
      case "invalid":
        counts.received += 1;
        counts.rejected += 1;
        rejected.push({ ...ref, errors: row.errors, file: row.file });
        continue;
      case "late":
        counts.late += 1;
        late.push({ ...ref, days: row.days, arrived: row.arrived });
        break;
      case "on-time":
        counts.onTime += 1;
        break;
    }
    counts.received += 1;
    counts.valid += 1;
    const entry = entryOf.get(row.code);
    if (entry)
      units.push({
        ...ref,
        report: entry.report,
        ...(entry.leftOut ? { leftOut: entry.leftOut } : {}),
        ...(entry.whole ? { whole: entry.whole } : {}),
      });
  }

  // Only waivers whose warning fired: a waiver of nothing is a warning on the file, never a reason in the report.
  const waivers: Consolidation["waivers"] = [];
  for (const u of units) {
    // Stryker disable next-line OptionalChaining: every unit here comes from an entry; the chain is for the type
    const w = entryOf.get(u.code)?.waived;
    if (w && w.length > 0) waivers.push({ code: u.code, name: u.name, waivers: [...w] });
  }

  const activities: Consolidation["activities"] = [];
  for (const u of units) {
    for (const activity of u.report.activities ?? [])
      activities.push({ code: u.code, name: u.name, activity });
  }
  // Array.prototype.sort is stable, so units keep their order within a day.
  activities.sort((a, b) => byText(a.activity.date, b.activity.date));

  const result: Consolidation = {
    period: input.period,
    year: input.year,
    deadline,
    deadlineDay,
    submissions: ordered,
    counts,
    outside,
    late,
    missing,
    rejected,
    units,
    figures: sumFigures(catalog, units),
    assessment: {
      strengths: attributed(units, (r) => r.assessment?.strengths),
      limitations: attributed(units, (r) => r.assessment?.limitations),
      causes: attributed(units, (r) => r.assessment?.causes),
    },
    nextSteps: attributed(units, (r) => r.next_steps),
    recommendations: attributed(units, (r) => r.recommendations),
    waivers,
    activities,
  };
  if (input.compare) {
    // A registered unit is named as the registry names it in both periods.
    const nameOf = new Map(registry.map((u) => [u.code, u.name]));
    const before = unitsOf(input.compare).map((u) => ({ ...u, name: nameOf.get(u.code) ?? u.name }));
    result.compare = compareUnits(catalog, before, units);
  }
  return result;
}
