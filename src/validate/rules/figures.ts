import { eachTask } from "../../catalog/catalog.js";
import type { IndicatorValue, People, RelationOp, TaskReport } from "../../model.js";
import type { Finding, JsonPath } from "../finding.js";
import { findValues } from "./find-values.js";
import type { Draft, UnitRule, UnitRuleContext } from "./rule.js";

/** Rules about the figures a unit reports. */

/** A people figure with both its numbers (one the schema refused is left out, and not compared). */
function isPeople(v: unknown): v is People {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Partial<People>).total === "number" &&
    typeof (v as Partial<People>).female === "number"
  );
}

function isNonZero(v: Draft<IndicatorValue> | undefined): boolean {
  if (typeof v === "number") return v !== 0;
  if (typeof v === "boolean") return v;
  if (typeof v === "object") return (v.total ?? 0) !== 0 || (v.female ?? 0) !== 0;
  return false;
}

function* tasks(
  ctx: UnitRuleContext,
): Generator<{ path: JsonPath; task: Draft<TaskReport>; indicators: { key: string; type: string }[] }> {
  if (!ctx.catalog) return;
  for (const { group, task } of eachTask(ctx.catalog)) {
    const t = ctx.report.tasks?.[group.key]?.[task.key];
    if (t) yield { path: ["tasks", group.key, task.key], task: t, indicators: task.indicators };
  }
}

export const peopleFemaleLeTotal: UnitRule = {
  id: "people-female-le-total",
  check: (ctx) => {
    const out: Finding[] = [];
    for (const { path, value: people } of findValues(ctx.report, isPeople)) {
      if (people.female > people.total) {
        const params = { female: people.female, total: people.total };
        out.push({ rule: "people-female-le-total", path: [...path, "female"], labelPath: path, params });
      }
    }
    return out;
  },
};

const HOLDS: Record<RelationOp, (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b,
  "<": (a, b) => a < b,
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
  "=": (a, b) => a === b,
};

/**
 * The relations the catalogue declares between two figures of a sub-task (`cases_resolved <=
 * cases_reported`): one rule for every letter's own. An absent figure counts as 0, as everywhere;
 * one the schema refused says nothing.
 */
export const indicatorRelations: UnitRule = {
  id: "indicator-relation",
  check: (ctx) => {
    const out: Finding[] = [];
    if (!ctx.catalog) return out;
    for (const { group, task } of eachTask(ctx.catalog)) {
      const t = ctx.report.tasks?.[group.key]?.[task.key];
      if (!t) continue;
      const where = ["tasks", group.key, task.key];
      for (const r of task.relations ?? []) {
        if ([r.left, r.right].some((k) => ctx.refused([...where, k]))) continue;
        const figure = (k: string) => (typeof t[k] === "number" ? (t[k] as number) : 0);
        const [leftValue, rightValue] = [figure(r.left), figure(r.right)];
        if (HOLDS[r.op](leftValue, rightValue)) continue;
        // Stryker disable next-line OptionalChaining: a catalogue whose relation names no indicator of its sub-task is refused (relation-indicator)
        const label = (k: string) => task.indicators.find((i) => i.key === k)?.label ?? k;
        out.push({
          rule: r.rule ?? "indicator-relation",
          path: [...where, r.left],
          labelPath: where,
          params: {
            left: r.left,
            right: r.right,
            op: r.op,
            leftValue,
            rightValue,
            leftLabel: label(r.left),
            rightLabel: label(r.right),
          },
        });
      }
    }
    return out;
  },
};

export const leadersLeEmployees: UnitRule = {
  id: "leaders-le-employees",
  check: (ctx) => {
    // A staff total missing or refused bounds nothing; a leaders' total missing or refused exceeds nothing.
    const employees = ctx.report.staff?.employees?.total ?? Infinity;
    const out: Finding[] = [];
    for (const key of ["unit_leaders", "division_leaders", "succession_pool"] as const) {
      const total = ctx.report.staff?.[key]?.total ?? 0;
      if (total > employees) {
        out.push({
          rule: "leaders-le-employees",
          path: ["staff", key, "total"],
          labelPath: ["staff", key],
          params: { total, employees },
        });
      }
    }
    return out;
  },
};

export const inactiveWithFigures: UnitRule = {
  id: "inactive-with-figures",
  check: (ctx) => {
    const out: Finding[] = [];
    for (const { path, task, indicators } of tasks(ctx)) {
      if (task.status !== "not_started" && task.status !== "not_applicable") continue;
      for (const ind of indicators) {
        if (isNonZero(task[ind.key])) {
          out.push({
            rule: "inactive-with-figures",
            path: [...path, ind.key],
            labelPath: path,
            params: { status: task.status, indicator: ind.key },
          });
        }
      }
    }
    return out;
  },
};

export const doneWithoutFigures: UnitRule = {
  id: "done-without-figures",
  check: (ctx) => {
    const out: Finding[] = [];
    for (const { path, task, indicators } of tasks(ctx)) {
      const measured = indicators.filter((i) => i.type !== "text");
      // A figure the schema refused may well be the one above zero.
      if (
        task.status === "done" &&
        measured.length > 0 &&
        !measured.some((i) => isNonZero(task[i.key]) || ctx.refused([...path, i.key]))
      ) {
        out.push({ rule: "done-without-figures", path: [...path, "status"], labelPath: path, params: {} });
      }
    }
    return out;
  },
};

export const overspent: UnitRule = {
  id: "overspent",
  check: (ctx) => {
    const planned = ctx.report.budget?.planned_vnd ?? 0;
    const spent = ctx.report.budget?.spent_vnd ?? 0;
    return spent > planned && !ctx.refused(["budget", "planned_vnd"])
      ? [
          {
            rule: "overspent",
            path: ["budget", "spent_vnd"],
            labelPath: ["budget"],
            params: { spent, planned },
          },
        ]
      : [];
  },
};
