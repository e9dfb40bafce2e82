/**
 * Aggregation across units: raw figures only, no formatting. Every total is the plain sum of the
 * units' values; shares are left to the presenter, which computes them from these totals so that a
 * share is never an average of rounded shares.
 */
import { STAFF_KEYS, TASK_STATUSES } from "../model.js";
import type {
  Activity,
  Catalog,
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
  /** The units' own summaries, in unit order. */
  summaries: (UnitText & { status: TaskStatus })[];
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

export interface SubmissionCounts {
  /** Units in the registry. */
  mustReport: number;
  /** Units that sent a file, valid or not. */
  received: number;
  /** Valid reports: the ones summed. */
  valid: number;
  onTime: number;
  late: number;
  missing: number;
  rejected: number;
}

export interface ConsolidatedUnit extends UnitRef {
  report: UnitReport;
}

export interface ConsolidateInput {
  catalog: Catalog;
  registry: readonly RegistryUnit[];
  period: PeriodKey;
  year: number;
  deadline: string;
  /** Valid entries carry `report`; rejected ones have `errors > 0` and no report. */
  entries: readonly SubmissionEntry[];
  /** The same year's semi-annual reports, for the annual report's comparison. */
  compare?: readonly UnitReport[];
}

export interface Consolidation {
  period: PeriodKey;
  year: number;
  deadline: string;
  /** One row per registered unit in registry order, then unregistered senders by code. */
  submissions: UnitSubmission[];
  counts: SubmissionCounts;
  late: (UnitRef & { days: number; submitted: string })[];
  missing: UnitRef[];
  rejected: (UnitRef & { errors: number; file: string })[];
  /** The valid reports, in the order of `submissions`. */
  units: ConsolidatedUnit[];
  figures: Figures;
  assessment: { strengths: UnitText[]; limitations: UnitText[]; causes: UnitText[] };
  nextSteps: UnitText[];
  recommendations: UnitText[];
  /** Units that acknowledged warnings, with the rule and their reason. */
  waivers: (UnitRef & { waivers: Waiver[] })[];
  /** All units' activities by date, ties in unit order. */
  activities: (UnitRef & { activity: Activity })[];
  compare?: Figures;
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
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
  return { num: BigInt((m[1] ?? "0") + frac), den: 10n ** BigInt(frac.length) };
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
function sumFigures(catalog: Catalog, units: readonly ConsolidatedUnit[]): Figures {
  const plan = planOf(catalog);
  const staff = {} as Record<StaffKey, People>;
  for (const k of STAFF_KEYS) staff[k] = { total: 0, female: 0 };
  const tasks: TaskTotals[] = plan.map((p) => ({
    group: p.group,
    task: p.task,
    status: emptyStatus(),
    indicators: p.indicators.map((i) => emptyIndicator(i.key, i.type)),
    summaries: [],
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
      if (tr.summary !== undefined && tr.summary !== "") {
        totals.summaries.push({ code, name, status: tr.status, text: tr.summary });
      }
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

export function consolidate(input: ConsolidateInput): Consolidation {
  const { catalog, registry, deadline, entries } = input;
  const rows = submissions(registry, entries, deadline);
  // submissions() lists unregistered senders in the order their files came; sort them for stable output.
  const ordered = [...rows.slice(0, registry.length), ...rows.slice(registry.length).sort(byCode)];

  // The same choice as submissions(): the first valid file of a unit wins.
  const reportOf = new Map<string, UnitReport>();
  for (const e of entries) if (e.report && !reportOf.has(e.code)) reportOf.set(e.code, e.report);

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
        late.push({ ...ref, days: row.days, submitted: row.submitted });
        break;
      case "on-time":
        counts.onTime += 1;
        break;
    }
    counts.received += 1;
    counts.valid += 1;
    const report = reportOf.get(row.code);
    if (report) units.push({ ...ref, report });
  }

  const waivers: Consolidation["waivers"] = [];
  for (const u of units) {
    const w = u.report.waivers;
    if (w && w.length > 0) waivers.push({ code: u.code, name: u.name, waivers: w });
  }

  const activities: Consolidation["activities"] = [];
  for (const u of units) {
    for (const activity of u.report.activities ?? [])
      activities.push({ code: u.code, name: u.name, activity });
  }
  // Array.prototype.sort is stable, so units keep their order within a day.
  activities.sort((a, b) =>
    a.activity.date < b.activity.date ? -1 : a.activity.date > b.activity.date ? 1 : 0,
  );

  const result: Consolidation = {
    period: input.period,
    year: input.year,
    deadline,
    submissions: ordered,
    counts,
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
  if (input.compare) result.compare = sumFigures(catalog, unitsOf(input.compare));
  return result;
}
