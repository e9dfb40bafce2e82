import { describe, expect, test } from "vitest";
import { consolidate, ratioFraction, reachesShare } from "../../src/consolidate/consolidate.js";
import type { Consolidation, IndicatorTotal } from "../../src/consolidate/consolidate.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { Catalog, People, RegistryUnit, TaskReport, TaskStatus, UnitReport } from "../../src/model.js";
import { makeUnitReport, testCatalog } from "../helpers/unit-report.js";

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: TaskStatus[] = ["not_started", "in_progress", "done", "not_applicable"];

function randomReport(
  next: () => number,
  catalog: Catalog,
  code: string,
  name: string,
  submitted: string,
): UnitReport {
  const int = (max: number): number => Math.floor(next() * (max + 1));
  const people = (max: number): People => {
    const total = int(max);
    return { total, female: int(total) };
  };
  const texts = (prefix: string): string[] =>
    Array.from({ length: int(3) }, (_, i) => `${prefix} ${code} ${i + 1}`);
  const tasks: UnitReport["tasks"] = {};
  for (const g of catalog.groups) {
    const group: Record<string, TaskReport> = {};
    tasks[g.key] = group;
    for (const t of g.tasks) {
      const status = STATUSES[int(3)] ?? "done";
      const tr: TaskReport = { status };
      const active = status === "done" || status === "in_progress";
      if (active || next() < 0.3) tr.summary = `Tóm tắt ${code} ${g.key}.${t.key}`;
      if (active) {
        for (const i of t.indicators) {
          if (next() < 0.2) continue; // absent counts as 0
          if (i.type === "count") tr[i.key] = int(30);
          else if (i.type === "people") tr[i.key] = people(300);
          else if (i.type === "money") tr[i.key] = int(50_000_000);
          else if (i.type === "flag") tr[i.key] = next() < 0.5;
          else tr[i.key] = `Quyết định số ${int(99)}/QĐ-${code}`;
        }
      }
      group[t.key] = tr;
    }
  }
  const employees = people(500);
  const within = (): People => {
    const total = int(employees.total);
    return { total, female: int(total) };
  };
  const report = makeUnitReport({
    unit: { code, name },
    submitted,
    staff: { employees, unit_leaders: within(), division_leaders: within(), succession_pool: within() },
    assessment: { strengths: texts("Ưu điểm"), limitations: texts("Hạn chế"), causes: texts("Nguyên nhân") },
    next_steps: texts("Nhiệm vụ"),
    recommendations: texts("Kiến nghị"),
    activities: Array.from({ length: int(3) }, (_, i) => ({
      date: `2022-0${1 + int(4)}-${String(10 + int(18))}`,
      group: catalog.groups[int(catalog.groups.length - 1)]?.key ?? "communication",
      title: `Hoạt động ${code} ${i}`,
    })),
    waivers: next() < 0.2 ? [{ rule: "late-submission", reason: `Lý do ${code}` }] : [],
  });
  report.tasks = tasks;
  if (next() < 0.2) delete report.budget;
  else
    report.budget = {
      planned_vnd: int(100_000_000),
      ...(next() < 0.9 ? { spent_vnd: int(100_000_000) } : {}),
    };
  return report;
}

interface Scenario {
  registry: RegistryUnit[];
  entries: SubmissionEntry[];
  valid: UnitReport[];
}

/** 60 registered units: 50 valid reports (some late), 5 rejected files, 5 missing; entries in shuffled order. */
function scenario(seed: number, catalog: Catalog): Scenario {
  const next = rng(seed);
  const registry: RegistryUnit[] = Array.from({ length: 60 }, (_, i) => ({
    code: `U${String(60 - i).padStart(3, "0")}`, // registry order differs from code order
    name: `Đơn vị số ${60 - i}`,
  }));
  const entries: SubmissionEntry[] = [];
  const valid: UnitReport[] = [];
  registry.forEach((u, i) => {
    if (i % 12 === 5) return; // missing
    if (i % 12 === 7) {
      entries.push({
        code: u.code,
        name: u.name,
        file: `${u.code}.yaml`,
        errors: 1 + Math.floor(next() * 4),
      });
      return;
    }
    const day = 1 + Math.floor(next() * 20);
    const report = randomReport(next, catalog, u.code, u.name, `2022-06-${String(day).padStart(2, "0")}`);
    valid.push(report);
    // Validation marks a waiver as applied only when its warning fired: here, when the file is late.
    const fired = report.submitted > "2022-06-10" && (report.waivers ?? []).length > 0;
    entries.push({
      code: u.code,
      name: u.name,
      file: `${u.code}.yaml`,
      report,
      errors: 0,
      ...(fired ? { waived: report.waivers } : {}),
    });
  });
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as SubmissionEntry, entries[i] as SubmissionEntry];
  }
  return { registry, entries, valid };
}

type Expected = Map<string, { sum: number; total: number; female: number; yes: number; texts: string[] }>;

/** The held-out sum: walks each report's own keys, never the catalogue or the code under test. */
function expectedSums(reports: UnitReport[]): {
  indicators: Expected;
  status: Map<string, Record<string, number>>;
  staff: Record<string, People>;
  planned: number;
  spent: number;
} {
  const indicators: Expected = new Map();
  const status = new Map<string, Record<string, number>>();
  const staff: Record<string, People> = {};
  let planned = 0;
  let spent = 0;
  for (const r of reports) {
    for (const [k, p] of Object.entries(r.staff)) {
      const s = (staff[k] ??= { total: 0, female: 0 });
      s.total += p.total;
      s.female += p.female;
    }
    planned += r.budget?.planned_vnd ?? 0;
    spent += r.budget?.spent_vnd ?? 0;
    for (const [g, tasks] of Object.entries(r.tasks)) {
      for (const [t, tr] of Object.entries(tasks)) {
        const st = status.get(`${g}.${t}`) ?? {};
        st[tr.status] = (st[tr.status] ?? 0) + 1;
        status.set(`${g}.${t}`, st);
        for (const [k, v] of Object.entries(tr)) {
          if (k === "status" || k === "summary") continue;
          const key = `${g}.${t}.${k}`;
          const e = indicators.get(key) ?? { sum: 0, total: 0, female: 0, yes: 0, texts: [] };
          if (typeof v === "number") e.sum += v;
          else if (typeof v === "boolean") e.yes += v ? 1 : 0;
          else if (typeof v === "string") e.texts.push(v);
          else if (v) {
            e.total += v.total;
            e.female += v.female;
          }
          indicators.set(key, e);
        }
      }
    }
  }
  return { indicators, status, staff, planned, spent };
}

function checkFigures(figures: Consolidation["figures"], reports: UnitReport[], catalog: Catalog): void {
  const exp = expectedSums(reports);
  expect(figures.units).toBe(reports.length);
  for (const [k, p] of Object.entries(exp.staff))
    expect(figures.staff[k as keyof typeof figures.staff]).toEqual(p);
  expect(figures.budget).toEqual({ planned: exp.planned, spent: exp.spent });
  const taskCount = catalog.groups.reduce((n, g) => n + g.tasks.length, 0);
  expect(figures.tasks).toHaveLength(taskCount);
  let checked = 0;
  for (const t of figures.tasks) {
    const key = `${t.group}.${t.task}`;
    const st = exp.status.get(key) ?? {};
    for (const s of STATUSES) expect(t.status[s], `${key} ${s}`).toBe(st[s] ?? 0);
    for (const ind of t.indicators) {
      const e = exp.indicators.get(`${key}.${ind.key}`) ?? { sum: 0, total: 0, female: 0, yes: 0, texts: [] };
      const got: IndicatorTotal = ind;
      const where = `${key}.${ind.key}`;
      switch (got.type) {
        case "count":
        case "money":
          expect(got.value, where).toBe(e.sum);
          break;
        case "people":
          expect({ total: got.total, female: got.female }, where).toEqual({
            total: e.total,
            female: e.female,
          });
          break;
        case "flag":
          expect(got.units, where).toBe(e.yes);
          break;
        case "text":
          expect(
            got.values.map((v) => v.text),
            where,
          ).toEqual(e.texts);
          break;
      }
      checked++;
    }
  }
  // Every indicator of the catalogue was compared.
  expect(checked).toBe(
    catalog.groups.reduce((n, g) => n + g.tasks.reduce((m, t) => m + t.indicators.length, 0), 0),
  );
}

describe("consolidate: every figure against an independent sum over 50 random reports", () => {
  const catalog = testCatalog();
  test.each([1, 2, 3, 20220610])("seed %d", (seed) => {
    const { registry, entries, valid } = scenario(seed, catalog);
    expect(valid).toHaveLength(50);
    const c = consolidate({
      catalog,
      registry,
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries,
    });
    checkFigures(c.figures, valid, catalog);

    // Submissions, in registry order.
    expect(c.submissions.map((s) => s.code)).toEqual(registry.map((u) => u.code));
    const byCode = new Map(valid.map((r) => [r.unit.code, r]));
    const lateExpected = registry
      .filter((u) => {
        const r = byCode.get(u.code);
        return r !== undefined && r.submitted > "2022-06-10";
      })
      .map((u) => ({
        code: u.code,
        days: Number((byCode.get(u.code) as UnitReport).submitted.slice(8)) - 10,
      }));
    expect(c.late.map((l) => ({ code: l.code, days: l.days }))).toEqual(lateExpected);
    expect(c.counts).toEqual({
      mustReport: 60,
      received: 55,
      valid: 50,
      onTime: 50 - lateExpected.length,
      late: lateExpected.length,
      missing: 5,
      rejected: 5,
    });
    expect(c.missing.map((m) => m.name)).toEqual(registry.filter((_, i) => i % 12 === 5).map((u) => u.name));
    expect(c.rejected.map((m) => m.name)).toEqual(registry.filter((_, i) => i % 12 === 7).map((u) => u.name));
    expect(c.units.map((u) => u.code)).toEqual(registry.filter((u) => byCode.has(u.code)).map((u) => u.code));

    // Attributed texts: every unit's points, in registry order, each naming its unit.
    const inOrder = c.units.map((u) => u.report);
    expect(c.assessment.strengths.map((s) => s.text)).toEqual(
      inOrder.flatMap((r) => r.assessment?.strengths ?? []),
    );
    expect(c.assessment.causes.every((s) => s.text.includes(s.code))).toBe(true);
    expect(c.recommendations.map((s) => s.text)).toEqual(inOrder.flatMap((r) => r.recommendations ?? []));
    expect(c.nextSteps).toHaveLength(inOrder.reduce((n, r) => n + (r.next_steps?.length ?? 0), 0));
    // Only the waivers whose warning fired: an on-time unit's waiver of late-submission explains nothing.
    expect(c.waivers.map((w) => w.code)).toEqual(
      inOrder
        .filter((r) => (r.waivers ?? []).length > 0 && r.submitted > "2022-06-10")
        .map((r) => r.unit.code),
    );

    // Activities by date.
    const dates = c.activities.map((a) => a.activity.date);
    expect(dates).toEqual([...dates].sort());
    expect(c.activities).toHaveLength(inOrder.reduce((n, r) => n + (r.activities?.length ?? 0), 0));

    // Target: female / total ≥ 40 %, decided here with integers (5·female ≥ 2·total).
    const pools = inOrder.map((r) => r.staff.succession_pool);
    expect(c.figures.target.reached).toHaveLength(
      pools.filter((p) => p.total > 0 && 5 * p.female >= 2 * p.total).length,
    );
    expect(c.figures.target.noPool).toHaveLength(pools.filter((p) => p.total === 0).length);
  });

  test("the compared period is summed the same way, like for like", () => {
    const { registry, entries, valid } = scenario(7, catalog);
    const next = rng(70);
    const gone = randomReport(next, catalog, "X999", "Đơn vị đã giải thể", "2022-06-05");
    const compare = [...valid.slice(0, 30), gone].map((r) => ({ ...r, period: "semi-annual" as const }));
    const c = consolidate({
      catalog,
      registry,
      period: "annual",
      year: 2022,
      deadline: "2022-12-10",
      entries,
      compare,
    });
    const cmp = c.compare!;
    // The change is computed over the 30 units present in both periods.
    checkFigures(cmp.before, compare.slice(0, 30), catalog);
    checkFigures(cmp.after, valid.slice(0, 30), catalog);
    // A unit in only one period is set apart, with its own figures.
    expect(cmp.onlyBefore.map((u) => u.code)).toEqual(["X999"]);
    checkFigures(cmp.onlyBefore[0]!.figures, [gone], catalog);
    expect(cmp.onlyAfter.map((u) => u.code)).toEqual(valid.slice(30).map((r) => r.unit.code));
    expect(cmp.onlyAfter.map((u) => u.name)).toEqual(
      valid.slice(30).map((r) => registry.find((u) => u.code === r.unit.code)!.name),
    );
    checkFigures(c.figures, valid, catalog);
  });
});

describe("submissions", () => {
  const catalog = testCatalog();
  const registry = [
    { code: "VP", name: "Văn phòng Bộ" },
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
    { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
    { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
  ];
  const report = (code: string, submitted: string): UnitReport =>
    makeUnitReport({ unit: { code, name: `Tên trong tệp ${code}` }, submitted });

  test("late by days, missing and rejected units are named, registry names win over file names", () => {
    const c = consolidate({
      catalog,
      registry,
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries: [
        { code: "VKT", name: "x", file: "vkt.yaml", report: report("VKT", "2022-06-13"), errors: 0 },
        { code: "VP", name: "x", file: "vp.yaml", report: report("VP", "2022-06-10"), errors: 0 },
        { code: "CGD", name: "x", file: "cgd.yaml", errors: 2 },
      ],
    });
    expect(c.late).toEqual([{ code: "VKT", name: "Viện Kinh tế xây dựng", days: 3, arrived: "2022-06-13" }]);
    expect(c.missing).toEqual([{ code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" }]);
    expect(c.rejected).toEqual([
      {
        code: "CGD",
        name: "Cục Giám định nhà nước về chất lượng công trình xây dựng",
        errors: 2,
        file: "cgd.yaml",
      },
    ]);
    expect(c.counts).toEqual({
      mustReport: 4,
      received: 3,
      valid: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      rejected: 1,
    });
    expect(c.units.map((u) => u.name)).toEqual(["Văn phòng Bộ", "Viện Kinh tế xây dựng"]);
  });

  test("a file naming no registered unit is never a unit that reported; a valid file beats a rejected duplicate", () => {
    const c = consolidate({
      catalog,
      registry: registry.slice(0, 1),
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries: [
        { code: "ZZ", name: "Đơn vị Z", file: "zz.yaml", report: report("ZZ", "2022-06-01"), errors: 0 },
        { code: "VP", name: "x", file: "vp-old.yaml", errors: 1 },
        { code: "AA", name: "Đơn vị A", file: "aa.yaml", errors: 4 },
        { code: "VP", name: "x", file: "vp.yaml", report: report("VP", "2022-06-01"), errors: 0 },
      ],
      unidentified: ["khong-ro.yaml"],
    });
    expect(c.submissions.map((s) => `${s.code}:${s.state}`)).toEqual(["VP:on-time"]);
    expect(c.units.map((u) => u.code)).toEqual(["VP"]);
    expect(c.counts).toMatchObject({ mustReport: 1, received: 1, valid: 1, rejected: 0, missing: 0 });
    expect(c.rejected).toEqual([]);
    expect(c.outside).toEqual([
      { file: "aa.yaml", code: "AA", name: "Đơn vị A", reason: "unregistered" },
      { file: "khong-ro.yaml", reason: "unidentified" },
      { file: "zz.yaml", code: "ZZ", name: "Đơn vị Z", reason: "unregistered" },
    ]);
    expect(c.figures.units).toBe(1);
  });

  test("received never exceeds the registry, whatever files arrive", () => {
    const entries: SubmissionEntry[] = [
      ...registry.map((u) => ({ code: u.code, name: u.name, file: `${u.code}.yaml`, errors: 1 })),
      { code: "VKT", name: "x", file: "vkt-2.yaml", report: report("VKT", "2022-06-01"), errors: 0 },
      {
        code: "NGOAI",
        name: "Ngoài danh sách",
        file: "ngoai.yaml",
        report: report("NGOAI", "2022-06-01"),
        errors: 0,
      },
    ];
    const c = consolidate({
      catalog,
      registry,
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries,
      unidentified: ["a.yaml", "b.yaml"],
    });
    expect(c.counts).toEqual({
      mustReport: 4,
      received: 4,
      valid: 1,
      onTime: 1,
      late: 0,
      missing: 0,
      rejected: 3,
    });
    expect(c.outside.map((o) => o.file)).toEqual(["a.yaml", "b.yaml", "ngoai.yaml"]);
  });

  test("a unit that reported only in the compared period is named as the registry names it", () => {
    const c = consolidate({
      catalog,
      registry,
      period: "annual",
      year: 2022,
      deadline: "2022-12-10",
      entries: [{ code: "VP", name: "x", file: "vp.yaml", report: report("VP", "2022-12-01"), errors: 0 }],
      compare: [report("VP", "2022-06-01"), report("VKT", "2022-06-01")].map((r) => ({
        ...r,
        period: "semi-annual" as const,
      })),
    });
    expect(c.compare?.before.units).toBe(1);
    expect(c.compare?.after.units).toBe(1);
    expect(c.compare?.onlyBefore.map((u) => [u.code, u.name, u.figures.units])).toEqual([
      ["VKT", "Viện Kinh tế xây dựng", 1],
    ]);
    expect(c.compare?.onlyAfter).toEqual([]);
  });

  test("the deadline day is read as given: under 'late', a file received on the deadline is late by 1 day", () => {
    const entries: SubmissionEntry[] = [
      { code: "VP", name: "x", file: "vp.yaml", report: report("VP", "2022-06-10"), errors: 0 },
      { code: "VKT", name: "x", file: "vkt.yaml", report: report("VKT", "2022-06-09"), errors: 0 },
    ];
    const base = {
      catalog,
      registry,
      period: "semi-annual" as const,
      year: 2022,
      deadline: "2022-06-10",
      entries,
    };
    const late = consolidate({ ...base, deadlineDay: "late" });
    expect(late.deadlineDay).toBe("late");
    expect(late.late).toEqual([{ code: "VP", name: "Văn phòng Bộ", days: 1, arrived: "2022-06-10" }]);
    expect(late.counts).toMatchObject({ onTime: 1, late: 1 });
    const onTime = consolidate({ ...base, deadlineDay: "on-time" });
    expect(onTime.late).toEqual([]);
    expect(onTime.counts).toMatchObject({ onTime: 2, late: 0 });
  });

  test("only waivers whose warning fired reach the consolidation", () => {
    const explained = report("VKT", "2022-06-13");
    explained.waivers = [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }];
    const unused = report("VP", "2022-06-01");
    unused.waivers = [{ rule: "late-submission", reason: "Phòng hờ gửi chậm." }];
    const c = consolidate({
      catalog,
      registry,
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries: [
        {
          code: "VKT",
          name: "x",
          file: "vkt.yaml",
          report: explained,
          errors: 0,
          waived: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
        },
        { code: "VP", name: "x", file: "vp.yaml", report: unused, errors: 0 },
      ],
    });
    expect(c.waivers).toEqual([
      {
        code: "VKT",
        name: "Viện Kinh tế xây dựng",
        waivers: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
      },
    ]);
  });
});

describe("the succession-pool target", () => {
  const catalog = testCatalog();
  const withThreshold = (threshold: number): Catalog => ({
    ...catalog,
    targets: { succession_pool_female_share: { ...catalog.targets.succession_pool_female_share, threshold } },
  });
  const run = (cat: Catalog, pools: People[]): Consolidation => {
    const registry = pools.map((_, i) => ({ code: `U${i}`, name: `Đơn vị ${i}` }));
    const entries = pools.map((succession_pool, i) => {
      const r = makeUnitReport({ unit: { code: `U${i}`, name: `Đơn vị ${i}` } });
      r.staff = { ...r.staff, employees: { total: 1000, female: 500 }, succession_pool };
      return { code: `U${i}`, name: `Đơn vị ${i}`, file: "", report: r, errors: 0 };
    });
    return consolidate({
      catalog: cat,
      registry,
      period: "annual",
      year: 2022,
      deadline: "2022-12-10",
      entries,
    });
  };

  test.each([
    [{ total: 10, female: 4 }, "reached"],
    [{ total: 5, female: 2 }, "reached"],
    [{ total: 15, female: 6 }, "reached"],
    [{ total: 30, female: 13 }, "reached"],
    [{ total: 100, female: 39 }, "notReached"],
    [{ total: 3, female: 1 }, "notReached"],
    [{ total: 1000, female: 399 }, "notReached"],
    [{ total: 0, female: 0 }, "noPool"],
    [{ total: 7, female: 7 }, "reached"],
  ] as const)("40 %%: %o is %s", (pool, outcome) => {
    const t = run(catalog, [pool]).figures.target;
    expect(t.reached.length + t.notReached.length + t.noPool.length).toBe(1);
    expect(t[outcome]).toHaveLength(1);
  });

  test("exactly at a threshold whose float product overshoots (0.55 × 100 = 55.000000000000014)", () => {
    // 100 × 0.55 is 55.000000000000014 in floating point: a naive `female >= total * threshold` misses 55 of 100.
    const t = run(withThreshold(0.55), [
      { total: 100, female: 55 },
      { total: 180, female: 99 },
      { total: 200, female: 109 },
    ]).figures.target;
    expect(t.reached.map((u) => u.code)).toEqual(["U0", "U1"]);
    expect(t.notReached.map((u) => u.code)).toEqual(["U2"]);
  });

  test.each([
    [0.4, 4n, 10n],
    [0.55, 55n, 100n],
    [1, 1n, 1n],
    [0, 0n, 1n],
    [0.333, 333n, 1000n],
  ])("ratioFraction(%d) = %d/%d", (ratio, num, den) => {
    expect(ratioFraction(ratio)).toEqual({ num, den });
  });

  test("reachesShare on a tiny threshold written in exponent form", () => {
    expect(reachesShare({ total: 10_000_000, female: 1 }, ratioFraction(1e-7))).toBe(true);
    expect(reachesShare({ total: 10_000_001, female: 1 }, ratioFraction(1e-7))).toBe(false);
  });
});
