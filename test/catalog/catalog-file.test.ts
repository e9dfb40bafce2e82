import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { catalogFindings, checkCatalogData, formatValidators } from "../../src/catalog/catalog-file.js";
import { catalogScaffold, shiftDate } from "../../src/catalog/catalog-new.js";
import { CATALOG_IDS, loadCatalog } from "../../src/catalog/catalog.js";
import { yearOverYear } from "../../src/consolidate/year-over-year.js";
import type { Catalog, UnitReport } from "../../src/model.js";
import { validUnit } from "../helpers/unit-yaml.js";

const validator = () => formatValidators().catalog;
const builtIn = () => structuredClone(loadCatalog("2022")!);
const rules = (c: unknown) => catalogFindings(c as Catalog).map((f) => [f.rule, f.path.join(".")]);

describe("the catalogue format", () => {
  it.each(CATALOG_IDS)("holds the built-in catalogue %s to the same schema and rules as a file", (id) => {
    const checked = checkCatalogData(loadCatalog(id), validator());
    expect(checked.findings).toEqual([]);
    expect(checked.catalog?.groups.length).toBeGreaterThan(0);
  });

  it("finds every rule's mistake in one pass, next to what the schema refuses", () => {
    const c = builtIn() as unknown as Record<string, unknown> & Catalog;
    c.letter.date = "2020-04-18";
    c.groups[0]!.tasks[0]!.indicators[0]!.key = "summary";
    c.groups[0]!.tasks[5]!.relations = [{ left: "cases_resolved", op: "<=", right: "victim_supported" }];
    c.groups[1]!.tasks[1]!.relations = [{ left: "classes", op: "<=", right: "participants" }];
    c.staff = c.staff.slice(0, 3);
    c.action_months[0]!.to = "2022-05-01";
    delete (
      c.groups[2]!.tasks[0]!.indicators[0] as Partial<Catalog["groups"][0]["tasks"][0]["indicators"][0]>
    ).type;
    const checked = checkCatalogData(c, validator());
    expect(checked.catalog).toBeUndefined();
    expect(checked.findings.map((f) => [f.rule, f.path.join(".")])).toEqual([
      ["required", "groups.2.tasks.0.indicators.0"],
      ["required", "staff"],
      ["reserved-key", "groups.0.tasks.0.indicators.0.key"],
      ["relation-indicator", "groups.0.tasks.5.relations.0.right"],
      ["relation-indicator", "groups.1.tasks.1.relations.0.right"],
      ["date-outside-year", "letter.date"],
      ["date-order", "action_months.0.to"],
    ]);
    const params = checked.findings.filter((f) => f.rule === "relation-indicator").map((f) => f.params);
    expect(params).toEqual([
      { value: "victim_supported", suggestion: "victims_supported" },
      { value: "participants", type: "people" },
    ]);
  });

  it("takes a letter of the year before and a window opening then, but no deadline outside the year", () => {
    const c = builtIn();
    c.letter.date = "2021-12-30";
    expect(rules(c)).toEqual([]);
    c.periods["semi-annual"].deadline = "2021-06-10";
    c.periods.annual.window.to = "2023-01-14";
    expect(rules(c)).toEqual([
      ["date-outside-year", "periods.semi-annual.deadline"],
      ["date-outside-year", "periods.annual.window.to"],
    ]);
  });

  it("numbers groups in order and keeps keys unique where they name a unit file's keys", () => {
    const c = builtIn();
    c.groups[1]!.number = 1;
    c.groups[3]!.tasks.push(structuredClone(c.groups[3]!.tasks[0]!));
    c.groups[4]!.key = "coordination";
    expect(rules(c)).toEqual([
      ["duplicate-item", "groups.4.key"],
      ["group-number", "groups.1.number"],
      ["duplicate-item", "groups.3.tasks.1.key"],
    ]);
  });
});

describe("geq catalog new", () => {
  it("moves dates by the years between, 29 February to 28 in a common year", () => {
    expect(shiftDate("2022-06-10", 1)).toBe("2023-06-10");
    expect(shiftDate("2021-12-15", 2)).toBe("2023-12-15");
    expect(shiftDate("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftDate("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("writes a complete catalogue of the new year that checks clean, and again from it", () => {
    const next = parse(catalogScaffold(builtIn(), 2023)) as Record<string, unknown>;
    const checked = checkCatalogData(next, validator());
    expect(checked.findings).toEqual([]);
    const c = checked.catalog!;
    expect(c.year).toBe(2023);
    expect(c.periods.annual).toEqual({
      ...builtIn().periods.annual,
      title: "Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2023",
      window: { from: "2022-12-15", to: "2023-12-14" },
      deadline: "2023-12-10",
    });
    expect(c.groups.map((g) => g.tasks.map((t) => [t.key, t.indicators, t.relations]))).toEqual(
      builtIn().groups.map((g) => g.tasks.map((t) => [t.key, t.indicators, t.relations])),
    );
    // The old year is gone from the wording; a period named by its years stays.
    expect(JSON.stringify(c)).not.toMatch(/tháng 6\/2022|năm 2022/);
    expect(JSON.stringify(c)).toContain("giai đoạn 2021- 2030");
    const after = checkCatalogData(parse(catalogScaffold(c, 2024)), validator());
    expect(after.findings).toEqual([]);
    expect(after.catalog?.periods["semi-annual"].deadline).toBe("2024-06-10");
  });
});

function report(code: string, pool: [number, number], edit: (r: UnitReport) => void = () => {}): UnitReport {
  const r = validUnit() as unknown as UnitReport;
  r.unit = { code, name: `Đơn vị ${code}` };
  r.period = "annual";
  r.staff.succession_pool = { total: pool[0], female: pool[1] };
  edit(r);
  return r;
}

describe("the year over year", () => {
  const last = builtIn();
  const now = builtIn();
  now.year = 2023;
  // The new letter drops a sub-task, adds one, and counts one indicator another way.
  now.groups[0]!.tasks = now.groups[0]!.tasks.filter((t) => t.key !== "covid_recovery");
  now.groups[4]!.tasks.push({ key: "statistics", short: "Thống kê giới", text: "…", indicators: [] });
  now.groups[1]!.tasks[1]!.indicators[0]!.type = "flag";
  // Within sub-tasks of both years, an indicator dropped and one added.
  now.groups[0]!.tasks.find((t) => t.key === "gbv_response")!.indicators.pop();
  now.groups[2]!.tasks[1]!.indicators.push({ ...now.groups[2]!.tasks[1]!.indicators[0]!, key: "hours" });

  const previous = [
    report("A", [10, 3], (r) => {
      r.unit.name = "Tên cũ của đơn vị A";
    }),
    report("B", [10, 5]),
    report("C", [10, 4], (r) => {
      r.tasks.coordination!.policy!.documents_issued = 4;
    }),
    report("GONE", [5, 1]),
  ];
  const current = [
    report("A", [10, 4]),
    report("B", [10, 3]),
    report("C", [0, 0]),
    report("NEW", [8, 8]),
  ].map((r) => ({ code: r.unit.code, name: r.unit.name, report: { ...r, year: 2023 } }));
  // Called in each test, not once here, so that each test is what exercises the comparison.
  const compare = () =>
    yearOverYear({ catalog: now, previousCatalog: last, year: 2023, units: current, previous });

  it("compares the units of both years, and names those of one year apart", () => {
    const y = compare();
    expect(y.year).toBe(2023);
    expect(y.previousYear).toBe(2022);
    expect(y.units.map((u) => u.code)).toEqual(["A", "B", "C"]);
    expect(y.onlyBefore.map((u) => u.code)).toEqual(["GONE"]);
    expect(y.onlyAfter.map((u) => u.code)).toEqual(["NEW"]);
    expect(y.before.staff.succession_pool).toEqual({ total: 30, female: 12 });
    expect(y.after.staff.succession_pool).toEqual({ total: 20, female: 7 });
  });

  it("says who reached the target and who fell below it; an empty pool has no share", () => {
    const y = compare();
    expect(y.reached.map((u) => u.code)).toEqual(["A"]);
    expect(y.fell.map((u) => u.code)).toEqual(["B", "C"]);
  });

  it("compares an indicator only where both catalogues have it, of one type", () => {
    const y = compare();
    const policy = y.indicators.find((i) => i.task === "policy");
    const base = validUnit() as unknown as UnitReport;
    const one = base.tasks.coordination!.policy!.documents_issued as number;
    expect(policy?.before).toEqual({ key: "documents_issued", type: "count", value: one * 2 + 4 });
    expect(policy?.after).toEqual({ key: "documents_issued", type: "count", value: one * 3 });
    expect(
      y.indicators.some(
        (i) => i.task === "covid_recovery" || (i.task === "leadership_training" && i.key === "classes"),
      ),
    ).toBe(false);
    expect(y.unmatched).toEqual([
      { group: "coordination", task: "gbv_response", indicator: "victims_supported", side: "before" },
      { group: "female_cadres", task: "leadership_training", indicator: "classes", side: "type" },
      { group: "communication", task: "committee_training", indicator: "hours", side: "after" },
      { group: "committee", task: "statistics", side: "after" },
      { group: "coordination", task: "covid_recovery", side: "before" },
    ]);
  });
  it("names a unit of both years as it is registered this year, and a unit gone as it last reported", () => {
    const y = compare();
    expect(y.units.map((u) => u.name)).toEqual(["Đơn vị A", "Đơn vị B", "Đơn vị C"]);
    // Last year's sums list units by name too (A, at 3 of 10, below the target).
    expect(y.before.target.notReached.map((u) => [u.code, u.name])).toEqual([["A", "Đơn vị A"]]);
    expect(y.onlyBefore.map((u) => [u.code, u.name])).toEqual([["GONE", "Đơn vị GONE"]]);
    expect(y.onlyAfter.map((u) => [u.code, u.name])).toEqual([["NEW", "Đơn vị NEW"]]);
  });

  it("counts each indicator of both catalogues over the units of both years, and no free text", () => {
    const y = compare();
    const base = validUnit() as unknown as UnitReport;
    // A, B and C report the same values both years, but for C's documents last year.
    const sum = (group: string, task: string, key: string, units: number) => {
      const v = base.tasks[group]![task]![key];
      if (typeof v === "number") return { value: v * units };
      if (typeof v === "boolean") return { units: v ? units : 0 };
      const p = v as { total: number; female: number };
      return { total: p.total * units, female: p.female * units };
    };
    const matched = now.groups.flatMap((g) =>
      g.tasks.flatMap((t) => {
        const was = last.groups.find((h) => h.key === g.key)?.tasks.find((u) => u.key === t.key);
        return t.indicators
          .filter(
            (i) => i.type !== "text" && was?.indicators.some((w) => w.key === i.key && w.type === i.type),
          )
          .map((i) => ({ group: g.key, task: t.key, key: i.key, type: i.type }));
      }),
    );
    expect(matched.length).toBeGreaterThan(5);
    expect(y.indicators).toEqual(
      matched.map((m) => {
        const after = { key: m.key, type: m.type, ...sum(m.group, m.task, m.key, 3) };
        const before =
          m.task === "policy" && m.key === "documents_issued"
            ? { key: m.key, type: m.type, value: (sum(m.group, m.task, m.key, 2).value as number) + 4 }
            : after;
        return { group: m.group, task: m.task, key: m.key, before, after };
      }),
    );
  });

  it("counts the first of two reports a unit sent for one year", () => {
    const twice = [report("A", [10, 5]), report("A", [10, 1])];
    const units = [report("A", [10, 4])].map((r) => ({
      code: "A",
      name: "Đơn vị A",
      report: { ...r, year: 2023 },
    }));
    const y = yearOverYear({ catalog: now, previousCatalog: last, year: 2023, units, previous: twice });
    expect(y.units).toHaveLength(1);
    expect(y.units[0]?.before.succession_pool).toEqual({ total: 10, female: 5 });
    expect(y.before.staff.succession_pool).toEqual({ total: 10, female: 5 });
  });

  it("says nothing of a unit that stayed on the same side of the target", () => {
    const previous = [report("ABOVE", [10, 5]), report("BELOW", [10, 1])];
    const units = [report("ABOVE", [10, 6]), report("BELOW", [10, 2])].map((r) => ({
      code: r.unit.code,
      name: r.unit.name,
      report: { ...r, year: 2023 },
    }));
    const y = yearOverYear({ catalog: now, previousCatalog: last, year: 2023, units, previous });
    expect(y.units.map((u) => u.code)).toEqual(["ABOVE", "BELOW"]);
    expect(y.reached).toEqual([]);
    expect(y.fell).toEqual([]);
  });
  it("tells apart two sub-tasks of one key in two groups", () => {
    // A catalogue may reuse a sub-task's key in another group: committee.policy beside coordination.policy.
    const catalog = builtIn();
    const committee = catalog.groups.find((g) => g.key === "committee")!;
    committee.tasks.find((t) => t.key === "planning")!.key = "policy";
    const edit = (r: UnitReport) => {
      r.tasks.coordination!.policy!.documents_issued = 1;
      r.tasks.committee!.policy = { ...r.tasks.committee!.planning!, documents_issued: 9 };
      delete r.tasks.committee!.planning;
    };
    const units = [report("A", [10, 4], edit)].map((r) => ({ code: "A", name: "Đơn vị A", report: r }));
    const y = yearOverYear({
      catalog,
      previousCatalog: catalog,
      year: 2023,
      units,
      previous: [report("A", [10, 4], edit)],
    });
    const policy = y.indicators.filter((i) => i.task === "policy");
    expect(policy.map((i) => [i.group, i.before, i.after])).toEqual([
      [
        "coordination",
        { key: "documents_issued", type: "count", value: 1 },
        { key: "documents_issued", type: "count", value: 1 },
      ],
      [
        "committee",
        { key: "documents_issued", type: "count", value: 9 },
        { key: "documents_issued", type: "count", value: 9 },
      ],
    ]);
  });
});
