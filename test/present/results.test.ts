import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { IndicatorTotal, TaskTotals, UnitRef } from "../../src/consolidate/consolidate.js";
import type { RegistryUnit, TaskDef, TaskStatus, UnitReport } from "../../src/model.js";
import {
  activityText,
  budgetView,
  highlightSentences,
  indicatorSentence,
  participantsText,
  statusSentence,
  targetView,
} from "../../src/present/results.js";
import { synthesise } from "../../src/synthesise/synthesis.js";
import { makeUnitReport, testCatalog, entriesOf } from "../helpers/unit-report.js";

const catalog = testCatalog();

function taskDef(path: string): TaskDef {
  const [group, task] = path.split(".");
  const t = catalog.groups.find((g) => g.key === group)?.tasks.find((x) => x.key === task);
  if (!t) throw new Error(path);
  return t;
}

/** A standalone `00` (not `100`, `2008`): what a count of zero looks like with its leading zero. */
const ZERO_ZERO = /(^|[^\d.,])00($|[^\d.,])/u;

const count = (key: string, value: number): IndicatorTotal => ({ key, type: "count", value });
const money = (key: string, value: number): IndicatorTotal => ({ key, type: "money", value });
const people = (key: string, total: number, female: number): IndicatorTotal => ({
  key,
  type: "people",
  total,
  female,
});
const flag = (key: string, units: number): IndicatorTotal => ({ key, type: "flag", units });
const text = (key: string, ...values: string[]): IndicatorTotal => ({
  key,
  type: "text",
  values: values.map((t, i) => ({ code: `U${i}`, name: `Đơn vị ${i}`, text: t })),
});

function totals(status: Partial<Record<TaskStatus, number>>): TaskTotals {
  return {
    group: "g",
    task: "t",
    status: { done: 0, in_progress: 0, not_started: 0, not_applicable: 0, ...status },
    indicators: [],
  };
}

const named = (...names: string[]): UnitRef[] => names.map((name, i) => ({ code: `C${i}`, name }));

describe("statusSentence: how many units did a sub-task, the denominator on the first figure only", () => {
  const plain = taskDef("coordination.policy");
  const gbv = taskDef("coordination.gbv_response");
  test.each([
    [
      "done and in progress",
      { done: 12, in_progress: 2 },
      plain,
      [],
      14,
      "Có 12/14 đơn vị đã hoàn thành, 02 đơn vị đang triển khai.",
    ],
    [
      "every status, laggards named",
      { done: 12, in_progress: 2, not_started: 2, not_applicable: 1 },
      plain,
      named("Vụ Hợp tác quốc tế", "Báo Xây dựng"),
      17,
      "Có 12/17 đơn vị đã hoàn thành, 02 đơn vị đang triển khai, 02 đơn vị chưa triển khai (Vụ Hợp tác quốc tế, Báo Xây dựng), 01 đơn vị không áp dụng.",
    ],
    [
      "five laggards are still named",
      { done: 1, not_started: 5 },
      plain,
      named("A", "B", "C", "D", "E"),
      6,
      "Có 01/06 đơn vị đã hoàn thành, 05 đơn vị chưa triển khai (A, B, C, D, E).",
    ],
    [
      "six laggards are counted and pointed at Phụ lục III",
      { done: 1, not_started: 6 },
      plain,
      named("A", "B", "C", "D", "E", "F"),
      7,
      "Có 01/07 đơn vị đã hoàn thành, 06 đơn vị chưa triển khai (chi tiết tại Phụ lục III).",
    ],
    [
      "the first figure is whichever comes first",
      { in_progress: 5, not_started: 10 },
      plain,
      named(...Array.from({ length: 10 }, (_, i) => `U${i}`)),
      15,
      "Có 05/15 đơn vị đang triển khai, 10 đơn vị chưa triển khai (chi tiết tại Phụ lục III).",
    ],
    [
      "nobody at work: the clauses are separated by semicolons",
      { not_started: 3, not_applicable: 2 },
      plain,
      named("A", "B", "C"),
      5,
      "Có 03/05 đơn vị chưa triển khai (A, B, C); 02 đơn vị không áp dụng.",
    ],
    [
      "not applicable by default",
      { done: 3, not_applicable: 12 },
      plain,
      [],
      15,
      "Có 03/15 đơn vị đã hoàn thành, 12 đơn vị không áp dụng.",
    ],
    [
      "the catalogue's not_applicable wording",
      { done: 1, not_applicable: 16 },
      gbv,
      [],
      17,
      "Có 01/17 đơn vị đã hoàn thành, 16 đơn vị không phát sinh vụ việc.",
    ],
    ["only not applicable", { not_applicable: 17 }, gbv, [], 17, "Có 17/17 đơn vị không phát sinh vụ việc."],
    [
      "leading zeros",
      { done: 8, not_started: 1 },
      plain,
      named("X"),
      9,
      "Có 08/09 đơn vị đã hoàn thành, 01 đơn vị chưa triển khai (X).",
    ],
    ["large counts", { done: 1200 }, plain, [], 1500, "Có 1.200/1.500 đơn vị đã hoàn thành."],
    ["zero reports", {}, plain, [], 0, "Chưa có báo cáo hợp lệ để tổng hợp."],
  ] as const)("%s", (_name, status, task, notStarted, reported, expected) =>
    expect(statusSentence(totals(status), task, notStarted, reported)).toBe(expected),
  );

  test("for every mix of statuses: no `00`, one denominator, `không phát sinh` only where the catalogue says it", () => {
    const plain = taskDef("coordination.policy");
    const values = [0, 1, 2, 9, 10];
    for (const done of values)
      for (const in_progress of values)
        for (const not_started of values)
          for (const not_applicable of values) {
            const reported = done + in_progress + not_started + not_applicable;
            const lag = named(...Array.from({ length: not_started }, (_, i) => `Đơn vị ${i + 1}`));
            const s = statusSentence(
              totals({ done, in_progress, not_started, not_applicable }),
              plain,
              lag,
              reported,
            );
            const where = JSON.stringify({ done, in_progress, not_started, not_applicable, s });
            expect(s, where).not.toMatch(ZERO_ZERO);
            expect(s, where).not.toContain("không phát sinh");
            expect(s.match(/\//g)?.length ?? 0, where).toBe(reported > 0 ? 1 : 0);
            if (reported > 0)
              expect(s, where).toMatch(new RegExp(`/${String(reported).padStart(2, "0")} đơn vị`));
            expect(s, where).toMatch(/\.$/);
          }
  });
});

describe("indicatorSentence: the summed figures in words, with a subject", () => {
  test.each([
    [
      "a count, then the people it reached as a continuation",
      "female_cadres.leadership_training",
      [count("classes", 8), people("participants", 214, 160)],
      "consolidated",
      "Các đơn vị đã tổ chức 08 lớp bồi dưỡng cho 214 lượt người, trong đó 160 nữ.",
    ],
    [
      "a unit's own report: `Đã …`",
      "female_cadres.leadership_training",
      [count("classes", 1), people("participants", 10, 6)],
      "unit",
      "Đã tổ chức 01 lớp bồi dưỡng cho 10 lượt người, trong đó 06 nữ.",
    ],
    [
      "people, then money continuing after them",
      "coordination.covid_recovery",
      [people("beneficiaries", 40, 25), money("support_vnd", 20_000_000)],
      "consolidated",
      "Các đơn vị đã hỗ trợ 40 người, trong đó 25 nữ, với tổng kinh phí 20.000.000 đồng.",
    ],
    [
      "money in full đồng, below 10 without a leading zero",
      "coordination.covid_recovery",
      [people("beneficiaries", 3, 1), money("support_vnd", 5)],
      "consolidated",
      "Các đơn vị đã hỗ trợ 03 người, trong đó 01 nữ, với tổng kinh phí 5 đồng.",
    ],
    [
      "a flag counts units over the units reported",
      "inspection.inspection",
      [flag("plan_issued", 12), count("inspections", 5), count("cross_inspections", 0)],
      "consolidated",
      "Các đơn vị đã tiến hành 05 cuộc kiểm tra. Có 12/17 đơn vị đã ban hành kế hoạch kiểm tra.",
    ],
    [
      "a flag alone",
      "inspection.inspection",
      [flag("plan_issued", 12), count("inspections", 0), count("cross_inspections", 0)],
      "consolidated",
      "Có 12/17 đơn vị đã ban hành kế hoạch kiểm tra.",
    ],
    [
      "a flag in a unit's own report says that it did",
      "inspection.inspection",
      [flag("plan_issued", 1), count("inspections", 1), count("cross_inspections", 0)],
      "unit",
      "Đã ban hành kế hoạch kiểm tra, tiến hành 01 cuộc kiểm tra.",
    ],
    [
      "a leading continuation has no verb before it: it stands with its label",
      "communication.dissemination",
      [count("events", 0), people("participants", 150, 90), count("online_items", 4)],
      "consolidated",
      "Các đơn vị đã đăng 04 tin, bài trên cổng, trang thông tin điện tử. Số lượt người tham gia: 150, trong đó 90 nữ.",
    ],
    [
      "a leading continuation alone",
      "female_cadres.leadership_training",
      [count("classes", 0), people("participants", 20, 12)],
      "consolidated",
      "Số lượt người tham gia: 20, trong đó 12 nữ.",
    ],
    [
      "a leading money continuation",
      "coordination.covid_recovery",
      [people("beneficiaries", 0, 0), money("support_vnd", 5_000_000)],
      "consolidated",
      "Kinh phí hỗ trợ (đồng): 5.000.000.",
    ],
    [
      "three predicates, thousands separated",
      "communication.dissemination",
      [count("events", 37), people("participants", 2518, 1530), count("online_items", 120)],
      "consolidated",
      "Các đơn vị đã tổ chức 37 hoạt động tuyên truyền, phổ biến với 2.518 lượt người tham gia, trong đó 1.530 nữ; đăng 120 tin, bài trên cổng, trang thông tin điện tử.",
    ],
    [
      "two counts",
      "communication.committee_training",
      [count("classes", 3), count("forums", 12)],
      "consolidated",
      "Các đơn vị đã tổ chức 03 lớp bồi dưỡng nghiệp vụ, tổ chức 12 diễn đàn, hội thảo, giao lưu.",
    ],
    [
      "the catalogue's phrase_all where the unit's wording does not sum; free text left out",
      "committee.consolidation",
      [text("decision", "Quyết định số 12/QĐ-VKT", "Quyết định số 30/QĐ-VP"), people("members", 143, 80)],
      "consolidated",
      "Ban vì sự tiến bộ của phụ nữ các đơn vị có tổng số 143 thành viên, trong đó 80 nữ.",
    ],
    [
      "a unit's own wording with its own subject; no `trong đó 00 nữ`",
      "committee.consolidation",
      [text("decision", "Quyết định số 01/QĐ-VKT"), people("members", 9, 0)],
      "unit",
      "Ban có 09 thành viên.",
    ],
    [
      "three counts of one kind",
      "coordination.gbv_response",
      [count("cases_reported", 1), count("cases_resolved", 1), count("victims_supported", 1)],
      "consolidated",
      "Các đơn vị đã tiếp nhận 01 vụ việc, giải quyết 01 vụ việc, hỗ trợ 01 nạn nhân.",
    ],
    [
      "zeros are left out",
      "coordination.gbv_response",
      [count("cases_reported", 0), count("cases_resolved", 2), count("victims_supported", 0)],
      "consolidated",
      "Các đơn vị đã giải quyết 02 vụ việc.",
    ],
    ["all zero: nothing to say", "coordination.policy", [count("documents_issued", 0)], "consolidated", ""],
    [
      "no flag set: nothing to say",
      "inspection.inspection",
      [flag("plan_issued", 0), count("inspections", 0), count("cross_inspections", 0)],
      "consolidated",
      "",
    ],
  ] as const)("%s", (_name, path, given, kind, expected) =>
    expect(indicatorSentence(taskDef(path).indicators, given, kind, kind === "unit" ? 1 : 17)).toBe(expected),
  );

  test("free text is never summed nor quoted in the sentence", () => {
    const s = indicatorSentence(
      taskDef("committee.consolidation").indicators,
      [text("decision", "Quyết định 12", "Quyết định 30"), people("members", 0, 0)],
      "consolidated",
      2,
    );
    expect(s).toBe("");
  });

  test("for every indicator of the catalogue and small figures: no `00`, one subject, one full stop per sentence", () => {
    for (const g of catalog.groups)
      for (const t of g.tasks)
        for (const n of [0, 1, 7, 10])
          for (const kind of ["consolidated", "unit"] as const) {
            const given = t.indicators.map((i): IndicatorTotal => {
              switch (i.type) {
                case "count":
                  return count(i.key, n);
                case "money":
                  return money(i.key, n * 1_000_000);
                case "people":
                  return people(i.key, n, Math.floor(n / 2));
                case "flag":
                  return flag(i.key, kind === "unit" ? Math.min(n, 1) : n);
                case "text":
                  return text(i.key, "Quyết định số 00/QĐ");
              }
            });
            const s = indicatorSentence(t.indicators, given, kind, kind === "unit" ? 1 : 17);
            const where = `${g.key}.${t.key} ${kind} ${n}: ${s}`;
            expect(s, where).not.toMatch(ZERO_ZERO);
            expect(s, where).not.toMatch(/\.\./);
            expect(s, where).not.toMatch(/(Các đơn vị đã|Đã) (cho|với)\s/u);
            expect(
              s.split(kind === "unit" ? /(?:^|\. )Đã / : /Các đơn vị đã /).length - 1,
              where,
            ).toBeLessThanOrEqual(1);
            if (n === 0) expect(s, where).toBe("");
            else expect(s, where).toMatch(/\.$/);
          }
  });
});

describe("activities in a list", () => {
  const a = { code: "CGD", name: "Cục Giám định" };
  const b = { code: "VKT", name: "Viện Kinh tế xây dựng" };
  test.each([
    [
      "a joint activity names every partner",
      {
        date: "2022-04-26",
        group: "inspection",
        title: "Kiểm tra chéo",
        units: [a, b],
        participants: { total: 80, female: 61 },
      },
      true,
      "Ngày 26/4/2022, Cục Giám định phối hợp với Viện Kinh tế xây dựng: Kiểm tra chéo (80 người tham gia, trong đó 61 nữ)",
    ],
    [
      "one unit, no participants",
      { date: "2022-06-08", group: "inspection", title: "Kiểm tra", units: [a] },
      true,
      "Ngày 08/6/2022, Cục Giám định: Kiểm tra",
    ],
    [
      "the unit's own list: only the partners",
      { date: "2022-06-08", group: "inspection", title: "Kiểm tra chéo", units: [a, b] },
      false,
      "Ngày 08/6/2022, phối hợp với Viện Kinh tế xây dựng: Kiểm tra chéo",
    ],
    [
      "partners without a name (no registry to name them by) are counted, never shown by their code",
      {
        date: "2022-05-23",
        group: "communication",
        title: "Giao lưu",
        units: [b, { code: "DHXD", name: "" }, { code: "XYZ", name: "" }],
      },
      false,
      "Ngày 23/5/2022, phối hợp với 02 đơn vị khác: Giao lưu",
    ],
    [
      "no women among the participants: no `trong đó 00 nữ`",
      {
        date: "2022-06-08",
        group: "inspection",
        title: "Họp",
        units: [a],
        participants: { total: 5, female: 0 },
      },
      false,
      "Ngày 08/6/2022: Họp (05 người tham gia)",
    ],
  ] as const)("%s", (_name, activity, withUnit, expected) =>
    expect(activityText({ ...activity, units: [...activity.units] }, withUnit)).toBe(expected),
  );

  test("participants", () => {
    expect(participantsText({ total: 80, female: 61 })).toBe("80 người tham gia, trong đó 61 nữ");
    expect(participantsText({ total: 8, female: 0 })).toBe("08 người tham gia");
  });
});

function consolidation(
  reports: UnitReport[],
  registry: RegistryUnit[] = reports.map((r) => r.unit),
  period: "semi-annual" | "annual" = "annual",
) {
  const entries = entriesOf(reports);
  return consolidate({
    catalog,
    registry,
    period,
    year: 2022,
    deadline: catalog.periods[period].deadline,
    entries,
  });
}

function withPool(code: string, name: string, total: number, female: number): UnitReport {
  const r = makeUnitReport({ unit: { code, name }, period: "annual", submitted: "2022-12-01" });
  r.staff.succession_pool = { total, female };
  return r;
}

describe("targetView: the whole issuer, then its units, against 40% (Quyết định 2282/QĐ-TTg)", () => {
  test("reached, not reached with shares, no pool", () => {
    const c = consolidation([
      withPool("VP", "Văn phòng Bộ", 10, 4),
      withPool("VKT", "Viện Kinh tế xây dựng", 20, 7),
      withPool("CGD", "Cục Giám định", 0, 0),
    ]);
    expect(targetView(catalog, c, "consolidated", "Bộ Xây dựng", 7)).toEqual({
      number: "7",
      paragraphs: [
        "Theo Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ, đến năm 2025 tỷ lệ nữ trong diện quy hoạch chức danh lãnh đạo, quản lý đạt từ 40% trở lên.",
        "Tỷ lệ nữ trong diện quy hoạch của toàn Bộ là 36,7% (11/30 người), chưa đạt mục tiêu 40%.",
        "Có 01/03 đơn vị đạt tỷ lệ từ 40% trở lên; 01 đơn vị chưa đạt: Viện Kinh tế xây dựng (35,0%); 01 đơn vị chưa có cán bộ trong diện quy hoạch: Cục Giám định. Tỷ lệ của từng đơn vị tại Phụ lục I.",
      ],
    });
  });

  test("no unit reaches it: said in words, never `00/02 đơn vị`", () => {
    const c = consolidation([
      withPool("VP", "Văn phòng Bộ", 10, 3),
      withPool("VKT", "Viện Kinh tế xây dựng", 20, 7),
    ]);
    const p = targetView(catalog, c, "consolidated", "Bộ Xây dựng", 7).paragraphs;
    expect(p[2]).toBe(
      "Không có đơn vị nào đạt tỷ lệ từ 40% trở lên; 02 đơn vị chưa đạt: Văn phòng Bộ (30,0%), Viện Kinh tế xây dựng (35,0%). Tỷ lệ của từng đơn vị tại Phụ lục I.",
    );
    for (const s of p) expect(s).not.toMatch(ZERO_ZERO);
  });

  test("exactly 40% reaches it; more than ten laggards are counted", () => {
    const reports = [
      withPool("A", "Đơn vị A", 10, 4),
      ...Array.from({ length: 11 }, (_, i) => withPool(`L${i}`, `Đơn vị L${i}`, 10, 1)),
    ];
    const p = targetView(catalog, consolidation(reports), "consolidated", "Bộ Xây dựng", 7).paragraphs;
    expect(p[1]).toBe(
      "Tỷ lệ nữ trong diện quy hoạch của toàn Bộ là 12,5% (15/120 người), chưa đạt mục tiêu 40%.",
    );
    expect(p[2]).toBe(
      "Có 01/12 đơn vị đạt tỷ lệ từ 40% trở lên; 11 đơn vị chưa đạt. Tỷ lệ của từng đơn vị tại Phụ lục I.",
    );
  });

  test("a unit's own report", () => {
    const c = consolidation([withPool("VKT", "Viện Kinh tế xây dựng", 30, 13)]);
    expect(targetView(catalog, c, "unit", "Viện Kinh tế xây dựng", 7).paragraphs[1]).toBe(
      "Số cán bộ trong diện quy hoạch của đơn vị là 30 người, trong đó nữ 13 người (chiếm 43,3%); đã đạt mục tiêu từ 40% trở lên.",
    );
    const none = consolidation([withPool("VKT", "Viện Kinh tế xây dựng", 0, 0)]);
    expect(targetView(catalog, none, "unit", "Viện Kinh tế xây dựng", 7).paragraphs[1]).toBe(
      "Đơn vị chưa có cán bộ trong diện quy hoạch.",
    );
  });
});

describe("budgetView: planned and spent, summed, with the share spent", () => {
  test.each([
    [
      [50_000_000, 21_500_000],
      [50_000_000, 21_500_000],
      "Tổng kinh phí dự toán của các đơn vị là 100.000.000 đồng; kinh phí đã sử dụng là 43.000.000 đồng (đạt 43,0% dự toán).",
    ],
    [
      [0, 0],
      [0, 3_000_000],
      "Tổng kinh phí dự toán của các đơn vị là 0 đồng; kinh phí đã sử dụng là 3.000.000 đồng.",
    ],
  ])("%j + %j", (a, b, expected) => {
    const reports = [a, b].map(([planned_vnd, spent_vnd], i) =>
      makeUnitReport({
        unit: { code: `U${i}`, name: `Đơn vị ${i}` },
        budget: { planned_vnd: planned_vnd ?? 0, spent_vnd: spent_vnd ?? 0 },
      }),
    );
    const v = budgetView(catalog, consolidation(reports, undefined, "semi-annual"), "consolidated", 6);
    expect(v.number).toBe("6");
    expect(v.text).toContain("theo Thông tư số 191/2009/TT-BTC ngày 01/10/2009 của Bộ Tài chính.");
    expect(v.text.endsWith(expected)).toBe(true);
  });
});

describe("highlightSentences: the head of section II in words", () => {
  test("a tie of a few sub-tasks names them all; a lead short of every unit gives its count", () => {
    const lagging = {
      coordination: {
        policy: { status: "not_started" as const },
        law_review: { status: "not_started" as const },
      },
    };
    const a = makeUnitReport({ unit: { code: "A", name: "Đơn vị A" }, tasks: lagging });
    const b = makeUnitReport({ unit: { code: "B", name: "Đơn vị B" }, tasks: lagging });
    const c = makeUnitReport({
      unit: { code: "C", name: "Đơn vị C" },
      tasks: { committee: { planning: { status: "in_progress" } } },
    });
    const cons = consolidation([a, b, c], undefined, "semi-annual");
    const sentences = highlightSentences(catalog, cons, synthesise(cons, catalog, [a.unit, b.unit, c.unit]));
    expect(sentences).toContain(
      "Các nhiệm vụ “Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù”, “Rà soát, đánh giá 15 năm thi hành Luật Bình đẳng giới” còn nhiều đơn vị chưa triển khai nhất (02 đơn vị).",
    );
    expect(sentences).toContain("Có 12 nhiệm vụ được tất cả 03 đơn vị hoàn thành.");
  });

  test("each kind of highlight, from the figures", () => {
    const a = makeUnitReport({
      unit: { code: "A", name: "Đơn vị A" },
      tasks: { coordination: { policy: { status: "not_started" } } },
    });
    const b = makeUnitReport({
      unit: { code: "B", name: "Đơn vị B" },
      tasks: { coordination: { policy: { status: "not_started" }, law_review: { status: "not_started" } } },
    });
    const c = consolidation([a, b], undefined, "semi-annual");
    const s = synthesise(c, catalog, [a.unit, b.unit]);
    expect(highlightSentences(catalog, c, s)).toEqual([
      "Nữ chiếm 54,2% tổng số cán bộ, công chức, viên chức, người lao động của các đơn vị; tỷ lệ nữ lãnh đạo cấp đơn vị là 25,0%, lãnh đạo cấp phòng là 41,7%.",
      // Thirteen sub-tasks tie at every unit: counted, not one of them picked.
      "Có 13 nhiệm vụ được tất cả 02 đơn vị hoàn thành.",
      "Về giảm thiểu tác động tiêu cực của đại dịch COVID-19: các đơn vị đã hỗ trợ 20 người, trong đó 12 nữ, với tổng kinh phí 2.000.000 đồng.",
      "Nhiệm vụ “Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù” còn nhiều đơn vị chưa triển khai nhất (02 đơn vị).",
      "Các đơn vị đã sử dụng 43.000.000 đồng kinh phí cho công tác bình đẳng giới, đạt 43,0% dự toán.",
      "Tỷ lệ nữ trong diện quy hoạch lãnh đạo, quản lý của các đơn vị là 43,3%, đã đạt mục tiêu từ 40% trở lên đến năm 2025.",
    ]);
  });
});
