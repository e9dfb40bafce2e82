import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { IndicatorTotal } from "../../src/consolidate/consolidate.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { TaskDef, UnitReport } from "../../src/model.js";
import { buildView, indicatorSentence, pointLetter, statusSentence } from "../../src/present/view.js";
import type { ReportView } from "../../src/present/view.js";
import { makeUnitReport, testCatalog } from "../helpers/unit-report.js";

const catalog = testCatalog();

function taskDef(group: string, task: string): TaskDef {
  const t = catalog.groups.find((g) => g.key === group)?.tasks.find((x) => x.key === task);
  if (!t) throw new Error(`${group}.${task}`);
  return t;
}

const count = (key: string, value: number): IndicatorTotal => ({ key, type: "count", value });
const money = (key: string, value: number): IndicatorTotal => ({ key, type: "money", value });
const people = (key: string, total: number, female: number): IndicatorTotal => ({
  key,
  type: "people",
  total,
  female,
});
const flag = (key: string, units: number): IndicatorTotal => ({ key, type: "flag", units });
const text = (key: string): IndicatorTotal => ({ key, type: "text", values: [] });

describe("statusSentence", () => {
  test.each([
    [
      { done: 12, in_progress: 2, not_started: 1, not_applicable: 0 },
      15,
      "12/15 đơn vị đã hoàn thành, 02 đơn vị đang triển khai, 01 đơn vị chưa triển khai.",
    ],
    [
      { done: 0, in_progress: 5, not_started: 10, not_applicable: 0 },
      15,
      "05/15 đơn vị đang triển khai, 10 đơn vị chưa triển khai.",
    ],
    [
      { done: 3, in_progress: 0, not_started: 0, not_applicable: 12 },
      15,
      "03/15 đơn vị đã hoàn thành, 12 đơn vị không phát sinh.",
    ],
    [
      { done: 0, in_progress: 0, not_started: 0, not_applicable: 0 },
      0,
      "Chưa có báo cáo hợp lệ để tổng hợp.",
    ],
  ])("%o of %d", (status, units, text) => expect(statusSentence(status, units)).toBe(text));
});

describe("indicatorSentence: the catalogue phrases with the summed figures", () => {
  test.each([
    [
      "female_cadres.leadership_training",
      [count("classes", 8), people("participants", 214, 160)],
      "consolidated",
      "Tổ chức 08 lớp bồi dưỡng cho 214 lượt người, trong đó 160 nữ.",
    ],
    [
      "coordination.covid_recovery",
      [people("beneficiaries", 40, 25), money("support_vnd", 20_000_000)],
      "consolidated",
      "Hỗ trợ 40 người, trong đó 25 nữ, với tổng kinh phí 20.000.000 đồng.",
    ],
    [
      "inspection.inspection",
      [flag("plan_issued", 2), count("inspections", 5), count("cross_inspections", 1)],
      "consolidated",
      "02 đơn vị ban hành kế hoạch kiểm tra, tiến hành 05 cuộc kiểm tra, 01 cuộc kiểm tra chéo.",
    ],
    [
      "inspection.inspection",
      [flag("plan_issued", 1), count("inspections", 1), count("cross_inspections", 0)],
      "unit",
      "Đã ban hành kế hoạch kiểm tra, tiến hành 01 cuộc kiểm tra.",
    ],
    [
      "communication.dissemination",
      [count("events", 0), people("participants", 150, 90), count("online_items", 4)],
      "consolidated",
      "Số lượt người tham gia: 150, trong đó 90 nữ, đăng 04 tin, bài trên cổng, trang thông tin điện tử.",
    ],
    [
      "communication.committee_training",
      [count("classes", 3), count("forums", 12)],
      "consolidated",
      "Tổ chức 03 lớp bồi dưỡng nghiệp vụ, 12 diễn đàn, hội thảo, giao lưu.",
    ],
    ["committee.consolidation", [text("decision"), people("members", 9, 0)], "unit", "Ban có 09 thành viên."],
    ["coordination.policy", [count("documents_issued", 0)], "consolidated", ""],
  ] as const)("%s → %s", (path, totals, kind, expected) => {
    const [g, t] = path.split(".") as [string, string];
    expect(indicatorSentence(taskDef(g, t).indicators, totals, kind)).toBe(expected);
  });
});

test("point letters follow the Vietnamese alphabet", () => {
  expect(Array.from({ length: 8 }, (_, i) => pointLetter(i)).join(" ")).toBe("a b c d đ e g h");
});

describe("buildView", () => {
  const registry = [
    { code: "VP", name: "Văn phòng Bộ" },
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
    { code: "CGD", name: "Cục Giám định" },
    { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
  ];
  const vp = makeUnitReport({
    unit: { code: "VP", name: "Văn phòng Bộ" },
    submitted: "2022-06-13",
    reference: "88/BC-VP",
    staff: {
      employees: { total: 3, female: 1 },
      unit_leaders: { total: 1, female: 0 },
      division_leaders: { total: 0, female: 0 },
      succession_pool: { total: 3, female: 1 },
    },
    tasks: { inspection: { inspection: { status: "not_applicable" } } },
    waivers: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
  });
  const vkt = makeUnitReport({
    tasks: { coordination: { policy: { status: "in_progress", summary: "<b>Đậm</b> & {{x}} *a*" } } },
  });
  const entries: SubmissionEntry[] = [
    { code: "VP", name: "VP", file: "vp.yaml", report: vp, errors: 0 },
    { code: "VKT", name: "VKT", file: "vkt.yaml", report: vkt, errors: 0 },
    { code: "CGD", name: "CGD", file: "cgd.yaml", errors: 2 },
  ];
  const view = (period: "semi-annual" | "annual" = "semi-annual", compare?: UnitReport[]): ReportView =>
    buildView(
      consolidate({
        catalog,
        registry,
        period,
        year: 2022,
        deadline: catalog.periods[period].deadline,
        entries,
        ...(compare ? { compare } : {}),
      }),
      { kind: "consolidated", catalog, issuer: "Bộ Xây dựng", reference: "15/BC-BXD", date: "2022-06-20" },
    );

  test("Phụ lục I: shares from each row's own figures; the total row from the totals, not an average", () => {
    const v = view();
    expect(v.appendix.staff.rows.map((r) => r.cells[0])).toEqual([
      { total: "3", female: "1", share: "33,3" },
      { total: "142", female: "77", share: "54,2" },
    ]);
    // (1 + 77) / (3 + 142) = 53,8 %; the mean of the two shares would be 43,8 %.
    expect(v.appendix.staff.total?.cells[0]).toEqual({ total: "145", female: "78", share: "53,8" });
    expect(v.appendix.staff.rows[0]?.cells[2]).toEqual({ total: "0", female: "0", share: "-" });
    expect(v.appendix.staff.columns.map((c) => c.short)).toEqual([
      "Cán bộ, công chức, viên chức",
      "Lãnh đạo cấp đơn vị",
      "Lãnh đạo cấp phòng",
      "Quy hoạch",
    ]);
    expect(v.staff[0]).toEqual({
      label: "Cán bộ, công chức, viên chức, người lao động",
      short: "Cán bộ, công chức, viên chức",
      total: "145",
      female: "78",
      share: "53,8%",
    });
  });

  test("Phụ lục II: on time, late by days, rejected, missing, with acknowledged warnings", () => {
    expect(view().appendix.submissions).toEqual([
      {
        stt: "1",
        unit: "Văn phòng Bộ",
        date: "13/06/2022",
        reference: "88/BC-VP",
        state: "chậm 03 ngày",
        note: "Đã giải trình: Lãnh đạo đi công tác.",
      },
      {
        stt: "2",
        unit: "Viện Kinh tế xây dựng",
        date: "08/06/2022",
        reference: "125/BC-VKT",
        state: "đúng hạn",
        note: "",
      },
      {
        stt: "3",
        unit: "Cục Giám định",
        date: "",
        reference: "",
        state: "không hợp lệ",
        note: "Báo cáo có 2 lỗi, không được đưa vào tổng hợp",
      },
      {
        stt: "4",
        unit: "Viện Quy hoạch đô thị và nông thôn quốc gia",
        date: "",
        reference: "",
        state: "chưa gửi",
        note: "",
      },
    ]);
  });

  test("Phụ lục III: a mark per unit and sub-task, done counts, legend", () => {
    const t = view().appendix.tasks;
    expect(t.groups).toEqual([
      { label: "Nhiệm vụ 1", span: "6" },
      { label: "Nhiệm vụ 2", span: "3" },
      { label: "Nhiệm vụ 3", span: "3" },
      { label: "Nhiệm vụ 4", span: "1" },
      { label: "Nhiệm vụ 5", span: "2" },
    ]);
    expect(t.letters.map((l) => l.letter).join("")).toBe("abcdđeabcabcaab");
    expect(t.rows[0]?.marks.map((m) => m.mark)).toEqual([..."xxxxxxxxxxxx", "–", "x", "x"]);
    expect(t.rows[1]?.marks[0]?.mark).toBe("đang");
    expect(t.total.marks.map((m) => m.mark).slice(0, 2)).toEqual(["1", "2"]);
    expect(
      t.widths
        .split(",")
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(100);
    // Wide enough for "STT", and for "Nhiệm" over the one column of Nhiệm vụ 4 (landscape, 12 pt bold).
    const widths = t.widths.split(",").map(Number);
    expect(widths.slice(0, 2)).toEqual([5, 18]);
    expect(widths.slice(2)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 7, 5, 5]);
    expect(view().appendix.staff.widths).toBe("5,23,6,6,6,6,6,6,6,6,6,6,6,6");
    expect(t.legend).toContain("x: đã hoàn thành");
  });

  test("running text: counts with leading zeros, late and rejected units named", () => {
    const v = view();
    expect(v.submission).toMatchObject({
      mustReport: "04",
      received: "03",
      valid: "02",
      onTime: "01",
      late: "01",
      missing: "01",
      rejected: "01",
      lateUnits: [{ unit: "Văn phòng Bộ", days: "03" }],
      missingUnits: [{ unit: "Viện Quy hoạch đô thị và nông thôn quốc gia" }],
      rejectedUnits: [{ unit: "Cục Giám định" }],
    });
    expect(v.deadline).toBe("ngày 10 tháng 6 năm 2022");
    expect(v.appendix.note).toBe("(Kèm theo Báo cáo số 15/BC-BXD ngày 20 tháng 6 năm 2022 của Bộ Xây dựng)");
    expect(v.period.nextUpper).toBe("6 THÁNG CUỐI NĂM 2022");
    expect(v.groups[0]?.tasks[0]?.status).toBe("01/02 đơn vị đã hoàn thành, 01 đơn vị đang triển khai.");
  });

  test("unit text is passed through untouched: no escaping, no markup", () => {
    const summaries = view().groups[0]?.tasks[0]?.summaries;
    expect(summaries?.[1]).toEqual({
      unit: "Viện Kinh tế xây dựng",
      text: "<b>Đậm</b> & {{x}} *a*",
      extra: "",
    });
  });

  test("text indicators follow the unit's summary", () => {
    const s = view().groups[4]?.tasks[1]?.summaries[0];
    expect(s?.extra).toBe("Quyết định kiện toàn Ban: Quyết định số 01/QĐ-VKT ngày 15/3/2022");
  });

  test("annual: the target and, with --compare, the comparison", () => {
    const semi = view();
    expect(semi.target).toBeNull();
    expect(semi.comparison).toBeNull();
    const annual = view("annual", [vkt]);
    expect(annual.target).toMatchObject({
      number: "7",
      threshold: "40%",
      units: "02",
      reached: "01",
      notReachedCount: "01",
      notReached: [{ unit: "Văn phòng Bộ", share: "33,3%" }],
    });
    const rows = annual.comparison?.rows ?? [];
    expect(annual.comparison?.number).toBe("8");
    expect(rows[0]).toMatchObject({
      label: "Số đơn vị có báo cáo hợp lệ",
      before: "1",
      after: "2",
      change: "+1",
    });
    const share = rows.find((r) => r.label === "Tỷ lệ nữ (%)");
    expect(share).toMatchObject({ before: "54,2", after: "53,8", change: "-0,4" });
    expect(annual.period.nextUpper).toBe("NĂM 2023");
  });
});
