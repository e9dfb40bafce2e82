import { describe, expect, test } from "vitest";
import { consolidate, ratioFraction, reachesShare } from "../../src/consolidate/consolidate.js";
import type { Consolidation, IndicatorTotal } from "../../src/consolidate/consolidate.js";
import { firedWaivers, submissionEntry, submissions } from "../../src/consolidate/submissions.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type {
  Catalog,
  Diagnostic,
  People,
  RegistryUnit,
  TaskReport,
  TaskStatus,
  UnitReport,
} from "../../src/model.js";
import { digestOf } from "../../src/validate/check-fast.js";
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

const REGISTRY: RegistryUnit[] = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
];

describe("submissions", () => {
  const catalog = testCatalog();
  const registry = REGISTRY;
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

describe("orders and choices", () => {
  const catalog = testCatalog();
  const registry = REGISTRY.slice(0, 3);
  const entry = (r: UnitReport): SubmissionEntry => ({
    code: r.unit.code,
    name: r.unit.name,
    file: `${r.unit.code}.yaml`,
    report: r,
    errors: 0,
  });
  const activity = (date: string, title: string) => ({ date, group: "communication", title });
  const semiAnnual = (entries: SubmissionEntry[]) =>
    consolidate({ catalog, registry, period: "semi-annual", year: 2022, deadline: "2022-06-10", entries });
  const run = (reports: UnitReport[], compare?: UnitReport[]) =>
    compare
      ? consolidate({
          catalog,
          registry,
          period: "annual",
          year: 2022,
          deadline: "2022-12-10",
          entries: reports.map(entry),
          compare,
        })
      : semiAnnual(reports.map(entry));

  test("activities by date, a day's activities in registry order and each unit's own order", () => {
    const c = run([
      makeUnitReport({
        unit: { code: "CGD" },
        activities: [activity("2022-03-08", "CGD 8/3"), activity("2022-03-08", "CGD 8/3 chiều")],
      }),
      makeUnitReport({
        unit: { code: "VKT" },
        activities: [activity("2022-03-08", "VKT 8/3"), activity("2022-01-10", "VKT 10/1")],
      }),
      makeUnitReport({
        unit: { code: "VP" },
        activities: [activity("2022-05-01", "VP 1/5"), activity("2022-03-08", "VP 8/3")],
      }),
    ]);
    expect(c.activities.map((a) => [a.code, a.activity.title])).toEqual([
      ["VKT", "VKT 10/1"],
      ["VP", "VP 8/3"],
      ["VKT", "VKT 8/3"],
      ["CGD", "CGD 8/3"],
      ["CGD", "CGD 8/3 chiều"],
      ["VP", "VP 1/5"],
    ]);
  });

  test("an empty text is no unit's word", () => {
    const c = run([
      makeUnitReport({
        unit: { code: "VP" },
        tasks: { committee: { consolidation: { summary: "", decision: "" } } },
      }),
      makeUnitReport({ unit: { code: "VKT" } }),
    ]);
    const task = c.figures.tasks.find((t) => t.group === "committee" && t.task === "consolidation")!;
    const decision = task.indicators.find((i) => i.key === "decision");
    expect(decision?.type === "text" && decision.values.map((v) => v.code)).toEqual(["VKT"]);
    expect(task.status.done).toBe(2);
  });

  test("by file, by date and by code however many there are (not only as far as a short sort looks)", () => {
    // 120 numbers of four digits, shuffled (37 and 120 are coprime): no run a sort could take as given.
    const many = Array.from({ length: 120 }, (_, k) => String(9000 + ((k * 37) % 120)));
    const units = many.map((n) =>
      makeUnitReport({
        unit: { code: `X${n}`, name: `Tên X${n}` },
        activities: [
          activity(`2022-0${1 + (Number(n) % 3)}-01`, `X${n} a`),
          activity("2022-01-01", `X${n} b`),
        ],
      }),
    );
    const c = consolidate({
      catalog,
      registry: units.map((r) => ({ code: r.unit.code, name: r.unit.name })),
      period: "annual",
      year: 2022,
      deadline: "2022-12-10",
      entries: units.map(entry),
      unidentified: many.map((n) => `khong-ro-${n}.yaml`),
      compare: many.map((n) => ({
        ...makeUnitReport({ unit: { code: `Y${n}` } }),
        period: "semi-annual" as const,
      })),
    });
    const ascending = [...many].sort();
    expect(c.outside.map((o) => o.file)).toEqual(ascending.map((n) => `khong-ro-${n}.yaml`));
    expect(c.compare!.onlyBefore.map((u) => u.code)).toEqual(ascending.map((n) => `Y${n}`));
    // By date; within a day, registry order, then each unit's own order.
    const day = (n: string) => `2022-0${1 + (Number(n) % 3)}-01`;
    const expected = ["2022-01-01", "2022-02-01", "2022-03-01"].flatMap((d) =>
      many.flatMap((n) => [...(day(n) === d ? [`X${n} a`] : []), ...(d === "2022-01-01" ? [`X${n} b`] : [])]),
    );
    expect(c.activities.map((a) => a.activity.title)).toEqual(expected);
  });

  test("of two files for a unit, the first valid one is summed, whatever follows it", () => {
    const planned = (code: string, planned_vnd: number) =>
      makeUnitReport({ unit: { code }, budget: { planned_vnd, spent_vnd: 0 } });
    const c = semiAnnual([
      entry(planned("VP", 1)),
      { code: "VP", name: "x", file: "vp-2.yaml", errors: 2 },
      entry(planned("VKT", 10)),
      entry(planned("VKT", 100)),
    ]);
    expect(c.units.map((u) => u.code)).toEqual(["VP", "VKT"]);
    expect(c.figures.budget.planned).toBe(11);
  });

  test("a file known by its digest only is counted, not summed; an empty list of waivers is no waiver", () => {
    const r = makeUnitReport({ unit: { code: "VKT" } });
    const c = semiAnnual([
      {
        code: "VP",
        name: "x",
        file: "vp.yaml",
        digest: digestOf(makeUnitReport({ unit: { code: "VP" } })),
        errors: 0,
      },
      { ...entry(r), waived: [] },
    ]);
    expect(c.counts).toMatchObject({ received: 2, valid: 2, onTime: 2 });
    expect(c.units.map((u) => u.code)).toEqual(["VKT"]);
    expect(c.waivers).toEqual([]);
    // Neither a deadline rule nor files naming no unit were given.
    expect(c.deadlineDay).toBe("on-time");
    expect(c.outside).toEqual([]);
  });

  test("a report missing a part (a staff line, a group of tasks, the assessment, the activities) adds nothing for it", () => {
    const full = makeUnitReport({ unit: { code: "VP" } });
    const partial = makeUnitReport({ unit: { code: "VKT" } }) as Partial<UnitReport> & UnitReport;
    delete (partial.staff as Partial<UnitReport["staff"]>).division_leaders;
    delete partial.tasks.inspection;
    delete partial.assessment;
    delete partial.next_steps;
    delete partial.activities;
    const c = run([full, partial]);
    expect(c.figures.staff.division_leaders).toEqual(full.staff.division_leaders);
    expect(c.figures.staff.employees.total).toBe(2 * full.staff.employees.total);
    const inspection = c.figures.tasks.find((t) => t.group === "inspection")!;
    expect(inspection.status.done).toBe(1);
    expect(c.assessment.strengths.map((t) => t.code)).toEqual(["VP"]);
    expect(c.nextSteps.map((t) => t.code)).toEqual(["VP"]);
    expect(c.activities.map((a) => a.code)).toEqual(["VP"]);
  });

  test("a value of the wrong shape is not summed as people", () => {
    const odd = makeUnitReport({
      unit: { code: "VKT" },
      tasks: {
        communication: {
          dissemination: { participants: null as unknown as People },
          action_months: { participants: { female: 3 } as unknown as People },
        },
      },
    });
    const c = run([makeUnitReport({ unit: { code: "VP" } }), odd]);
    const people = (task: string) =>
      c.figures.tasks.find((t) => t.task === task)!.indicators.find((i) => i.key === "participants");
    expect(people("dissemination")).toEqual({ key: "participants", type: "people", total: 10, female: 6 });
    expect(people("action_months")).toEqual({ key: "participants", type: "people", total: 10, female: 6 });
  });

  test("the compared period: a unit's first report counts, units found only there by code", () => {
    const before = (code: string, planned: number) => ({
      ...makeUnitReport({
        unit: { code, name: `Tên ${code}` },
        budget: { planned_vnd: planned, spent_vnd: 0 },
      }),
      period: "semi-annual" as const,
    });
    const c = run(
      [makeUnitReport({ unit: { code: "VP" } })],
      [
        before("X2", 1),
        before("VKT", 2),
        before("VP", 3),
        before("VKT", 4),
        before("A1", 5),
        before("VP", 6),
      ],
    );
    const cmp = c.compare!;
    expect(cmp.before.budget.planned).toBe(3);
    expect(cmp.onlyBefore.map((u) => [u.code, u.name, u.figures.budget.planned])).toEqual([
      ["A1", "Tên A1", 5],
      ["VKT", "Viện Kinh tế xây dựng", 2],
      ["X2", "Tên X2", 1],
    ]);
  });
});

describe("what a checked file contributes", () => {
  const finding = (rule: string, severity: Diagnostic["severity"], waived?: string): Diagnostic => ({
    file: "vkt.yaml",
    line: 1,
    column: 1,
    severity,
    path: "",
    rule,
    message: "…",
    ...(waived === undefined ? {} : { waived: { reason: waived } }),
  });
  const report = makeUnitReport({
    waivers: [
      { rule: "budget-spent-le-planned", reason: "Kinh phí bổ sung cuối năm." },
      { rule: "late-submission", reason: "Lãnh đạo đi công tác." },
      { rule: "activity-outside-period", reason: "Không xảy ra." },
      { rule: "late-submission", reason: "Ghi lần hai." },
    ],
  });
  const diagnostics = [
    finding("late-submission", "warning", "Lý do đã áp dụng."),
    finding("late-submission", "warning", "Lý do thứ hai."),
    finding("budget-spent-le-planned", "warning", "Kinh phí bổ sung cuối năm."),
    finding("activity-outside-period", "warning"),
    finding("people-female-le-total", "error"),
  ];
  const fired = [
    { rule: "budget-spent-le-planned", reason: "Kinh phí bổ sung cuối năm." },
    { rule: "late-submission", reason: "Lý do đã áp dụng." },
  ];

  test("the waivers that explained a warning: once per rule, in the file's order, with the first reason applied", () => {
    expect(firedWaivers({ diagnostics, report })).toEqual(fired);
    expect(firedWaivers({ diagnostics, digest: digestOf(report) })).toEqual(fired);
    expect(firedWaivers({ diagnostics })).toEqual([]);
    expect(firedWaivers({ diagnostics: diagnostics.filter((d) => !d.waived), report })).toEqual([]);
  });

  test("a file naming no unit contributes nothing; a rejected one its error count, similar findings included", () => {
    expect(submissionEntry({ file: "x.yaml", diagnostics })).toBeUndefined();
    const unit = { code: "VKT", name: "Viện Kinh tế xây dựng" };
    const errors = [
      finding("a", "error"),
      { ...finding("b", "error"), similar: 2 },
      finding("c", "warning"),
      finding("d", "warning", "…"),
    ];
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: errors, unit })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 4,
    });
  });

  test("a valid file contributes its report, or its digest, and the waivers that fired", () => {
    const unit = { code: "VKT", name: "Viện Kinh tế xây dựng" };
    const valid = diagnostics.filter((d) => d.severity === "warning");
    const digest = digestOf(report);
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: valid, unit, report, digest })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 0,
      report,
      waived: fired,
    });
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: valid, unit, digest })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 0,
      digest,
      waived: fired,
    });
    // Nothing fired: no list of waivers at all.
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: [], unit, digest })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 0,
      digest,
    });
    // Held lean: what was left out goes with the report, for the report to read the openings again.
    const leftOut = { openings: { "1.1": "tổ chức hội nghị" }, chars: 120, hash: "0".repeat(64) };
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: [], unit, report, leftOut })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 0,
      report,
      leftOut,
    });
    // Neither a report nor a digest (the file was rejected): no waivers cited, whatever the findings say.
    expect(submissionEntry({ file: "vkt.yaml", diagnostics: valid, unit })).toStrictEqual({
      ...unit,
      file: "vkt.yaml",
      errors: 0,
    });
  });

  test("lateness counts from the receipt when there is one, with its incoming number; a digest is as good as a report", () => {
    const registry = REGISTRY.slice(0, 3);
    const vp = digestOf(
      makeUnitReport({ unit: { code: "VP" }, submitted: "2022-06-12", reference: "9/BC-VP" }),
    );
    const vkt = digestOf(makeUnitReport({ submitted: "2022-06-08", reference: undefined }));
    const cgd = digestOf(makeUnitReport({ unit: { code: "CGD" }, submitted: "2022-06-11" }));
    const rows = submissions(
      registry,
      [
        {
          code: "VP",
          name: "x",
          file: "vp.yaml",
          digest: vp,
          errors: 0,
          received: { date: "2022-06-10", number: "215" },
        },
        {
          code: "VKT",
          name: "x",
          file: "vkt.yaml",
          digest: vkt,
          errors: 0,
          received: { date: "2022-06-11" },
        },
        { code: "CGD", name: "x", file: "cgd.yaml", digest: cgd, errors: 0 },
      ],
      { date: "2022-06-10", day: "on-time" },
    );
    expect(rows).toStrictEqual([
      {
        code: "VP",
        name: "Văn phòng Bộ",
        state: "on-time",
        submitted: "2022-06-12",
        reference: "9/BC-VP",
        file: "vp.yaml",
        arrived: "2022-06-10",
        by: "receipt",
        incoming: "215",
      },
      {
        code: "VKT",
        name: "Viện Kinh tế xây dựng",
        state: "late",
        days: 1,
        submitted: "2022-06-08",
        file: "vkt.yaml",
        arrived: "2022-06-11",
        by: "receipt",
      },
      {
        code: "CGD",
        name: "Cục Giám định nhà nước về chất lượng công trình xây dựng",
        state: "late",
        days: 1,
        submitted: "2022-06-11",
        reference: "125/BC-VKT",
        file: "cgd.yaml",
        arrived: "2022-06-11",
        by: "submitted",
      },
    ]);
  });

  test("of two files for a unit the first valid one counts; unregistered senders follow the registry, once each", () => {
    const onTime = digestOf(makeUnitReport({ submitted: "2022-06-01" }));
    const late = digestOf(makeUnitReport({ submitted: "2022-06-20" }));
    const rows = submissions(
      [
        { code: "VP", name: "Văn phòng Bộ" },
        { code: "VKT", name: "Viện Kinh tế xây dựng" },
      ],
      [
        { code: "ZZ", name: "Đơn vị Z", file: "zz-1.yaml", errors: 2 },
        { code: "VP", name: "x", file: "vp-1.yaml", errors: 1 },
        { code: "VP", name: "x", file: "vp-2.yaml", digest: onTime, errors: 0 },
        { code: "ZZ", name: "Đơn vị Z", file: "zz-2.yaml", errors: 5 },
        { code: "VP", name: "x", file: "vp-3.yaml", digest: late, errors: 0 },
        { code: "VP", name: "x", file: "vp-4.yaml", errors: 3 },
        { code: "AA", name: "Đơn vị A", file: "aa.yaml", digest: late, errors: 0 },
      ],
      { date: "2022-06-10", day: "on-time" },
    );
    expect(
      rows.map((r) => [r.code, r.name, r.state, "file" in r ? r.file : "", "errors" in r ? r.errors : 0]),
    ).toEqual([
      ["VP", "Văn phòng Bộ", "on-time", "vp-2.yaml", 0],
      ["VKT", "Viện Kinh tế xây dựng", "missing", "", 0],
      ["ZZ", "Đơn vị Z", "invalid", "zz-1.yaml", 2],
      ["AA", "Đơn vị A", "late", "aa.yaml", 0],
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

  test("ratioFraction refuses what is no decimal ratio, and reads an exponent form exactly", () => {
    for (const bad of [-0.4, 1e21, Number.NaN])
      expect(() => ratioFraction(bad)).toThrow(`Not a non-negative decimal ratio: ${bad}`);
    expect(ratioFraction(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(ratioFraction(12.5)).toEqual({ num: 125n, den: 10n });
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
