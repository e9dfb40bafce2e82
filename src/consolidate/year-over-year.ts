import type { Catalog, People, StaffKey, UnitReport } from "../model.js";
import {
  ratioFraction,
  reachesShare,
  sumFigures,
  type ConsolidatedUnit,
  type Figures,
  type IndicatorTotal,
  type UnitRef,
} from "./consolidate.js";

/**
 * The annual report against last year's (`--previous`), like for like: staff and indicators are
 * compared over the units with a valid annual report in both years; a unit in only one year is set
 * apart with its own figures. Last year's files may follow another catalogue: an indicator is
 * compared only where both catalogues have the same group, sub-task and indicator keys, of one type.
 */

export interface UnitStaff extends UnitRef {
  staff: Record<StaffKey, People>;
}

export interface UnitYears extends UnitRef {
  before: Record<StaffKey, People>;
  after: Record<StaffKey, People>;
}

/** An indicator both years' catalogues have: last year's and this year's sums over the same units. */
export interface MatchedIndicator {
  group: string;
  task: string;
  key: string;
  before: IndicatorTotal;
  after: IndicatorTotal;
}

/** A sub-task, or one of its indicators, that only one year's catalogue has (or of another type). */
export interface Unmatched {
  group: string;
  task: string;
  /** Absent when the whole sub-task is in one catalogue only. */
  indicator?: string;
  /** `before`: only last year's; `after`: only this year's; `type`: in both, of different types. */
  side: "before" | "after" | "type";
}

export interface YearOverYear {
  year: number;
  previousYear: number;
  /** Units with a valid annual report in both years, in this year's order. */
  units: UnitYears[];
  /** Sums over those units, each year by its own catalogue. */
  before: Figures;
  after: Figures;
  onlyBefore: UnitStaff[];
  onlyAfter: UnitStaff[];
  /** The succession-pool target: units of both years that reached it this year, and that fell below it. */
  threshold: number;
  reached: UnitYears[];
  fell: UnitYears[];
  indicators: MatchedIndicator[];
  unmatched: Unmatched[];
}

function firstByCode(units: readonly ConsolidatedUnit[]): Map<string, ConsolidatedUnit> {
  const map = new Map<string, ConsolidatedUnit>();
  for (const u of units) if (!map.has(u.code)) map.set(u.code, u);
  return map;
}

/** Which indicators compare: the same keys, the same type, and a type that sums. */
function matchCatalogues(
  before: Catalog,
  after: Catalog,
): { matched: Omit<MatchedIndicator, "before" | "after">[]; unmatched: Unmatched[] } {
  const tasksOf = (c: Catalog) =>
    new Map(
      c.groups.flatMap((g) => g.tasks.map((t) => [`${g.key}.${t.key}`, { group: g.key, task: t }] as const)),
    );
  const old = tasksOf(before);
  const now = tasksOf(after);
  const unmatched: Unmatched[] = [];
  const pairs: { group: string; task: string; key: string }[] = [];
  for (const [id, { group, task }] of now) {
    const was = old.get(id)?.task;
    if (!was) {
      unmatched.push({ group, task: task.key, side: "after" });
      continue;
    }
    for (const ind of task.indicators) {
      const prior = was.indicators.find((i) => i.key === ind.key);
      if (!prior) unmatched.push({ group, task: task.key, indicator: ind.key, side: "after" });
      else if (prior.type !== ind.type)
        unmatched.push({ group, task: task.key, indicator: ind.key, side: "type" });
      else if (ind.type !== "text") pairs.push({ group, task: task.key, key: ind.key });
    }
    for (const ind of was.indicators)
      if (!task.indicators.some((i) => i.key === ind.key))
        unmatched.push({ group, task: task.key, indicator: ind.key, side: "before" });
  }
  for (const [id, { group, task }] of old)
    if (!now.has(id)) unmatched.push({ group, task: task.key, side: "before" });
  return { matched: pairs, unmatched };
}

/** Each year's sums hold every indicator of its catalogue, so a matched one is in both. */
function totalOf(figures: Figures, group: string, task: string, key: string): IndicatorTotal {
  return figures.tasks
    .find((t) => t.group === group && t.task === task)!
    .indicators.find((i) => i.key === key)!;
}

export function yearOverYear(input: {
  catalog: Catalog;
  previousCatalog: Catalog;
  year: number;
  /** This year's valid reports of registered units (the consolidation's units). */
  units: readonly ConsolidatedUnit[];
  /** Last year's valid annual reports. */
  previous: readonly UnitReport[];
}): YearOverYear {
  const after = firstByCode(input.units);
  const before = firstByCode(
    input.previous.map((report) => ({
      code: report.unit.code,
      // A unit keeps this year's registered name when it reported both years.
      name: after.get(report.unit.code)?.name ?? report.unit.name,
      report,
    })),
  );
  const common = [...after.values()].filter((u) => before.has(u.code));
  const goal = input.catalog.targets.succession_pool_female_share;
  const fraction = ratioFraction(goal.threshold);
  const units: UnitYears[] = common.map((u) => ({
    code: u.code,
    name: u.name,
    before: before.get(u.code)!.report.staff,
    after: u.report.staff,
  }));
  const meets = (p: People) => p.total > 0 && reachesShare(p, fraction);
  const sumsBefore = sumFigures(
    input.previousCatalog,
    common.map((u) => before.get(u.code)!),
  );
  const sumsAfter = sumFigures(input.catalog, common);
  const { matched, unmatched } = matchCatalogues(input.previousCatalog, input.catalog);
  const staffOf = (u: ConsolidatedUnit): UnitStaff => ({ code: u.code, name: u.name, staff: u.report.staff });
  return {
    year: input.year,
    previousYear: input.year - 1,
    units,
    before: sumsBefore,
    after: sumsAfter,
    onlyBefore: [...before.values()].filter((u) => !after.has(u.code)).map(staffOf),
    onlyAfter: [...after.values()].filter((u) => !before.has(u.code)).map(staffOf),
    threshold: goal.threshold,
    reached: units.filter((u) => meets(u.after.succession_pool) && !meets(u.before.succession_pool)),
    fell: units.filter((u) => !meets(u.after.succession_pool) && meets(u.before.succession_pool)),
    indicators: matched.map((m) => ({
      ...m,
      before: totalOf(sumsBefore, m.group, m.task, m.key),
      after: totalOf(sumsAfter, m.group, m.task, m.key),
    })),
    unmatched,
  };
}
