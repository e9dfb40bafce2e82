import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { Consolidation } from "../../src/consolidate/consolidate.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { Audience, Config, DeadlineDay, PeriodKey, RegistryUnit, UnitReport } from "../../src/model.js";
import { buildView } from "../../src/present/view.js";
import type { ReportView } from "../../src/present/view.js";
import { synthesise } from "../../src/synthesise/synthesis.js";
import { makeConfig, makeUnitReport, testCatalog } from "../helpers/unit-report.js";

const catalog = testCatalog();
const HOSTILE = "<b>Đậm</b> & {{x}} &amp; *a*";

const registry: RegistryUnit[] = [
  { code: "VP", name: "Văn phòng Bộ", kind: "advisory" },
  { code: "VKT", name: "Viện Kinh tế xây dựng", kind: "service" },
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
  waivers: [
    { rule: "late-submission", reason: "Lãnh đạo đi công tác." },
    { rule: "budget-unspent", reason: "Không dùng đến." },
  ],
  recommendations: ["Đề nghị Bộ bố trí kinh phí tập huấn cho Văn phòng."],
});
const vkt = makeUnitReport({
  tasks: { coordination: { policy: { status: "in_progress", summary: HOSTILE } } },
  assessment: { strengths: [HOSTILE], limitations: ["Kinh phí còn hạn chế."], causes: [] },
  next_steps: ["Tổ chức lớp bồi dưỡng {{y}}."],
  recommendations: ["Đề nghị Bộ bố trí kinh phí tập huấn."],
});

/** Only the late-submission waiver fired on VP's file: the other explains nothing and is not cited. */
const entries: SubmissionEntry[] = [
  {
    code: "VP",
    name: "VP",
    file: "vp.yaml",
    report: vp,
    errors: 0,
    waived: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
  },
  { code: "VKT", name: "VKT", file: "vkt.yaml", report: vkt, errors: 0 },
  { code: "CGD", name: "CGD", file: "cgd.yaml", errors: 2 },
];

function consolidation(
  period: PeriodKey = "semi-annual",
  deadlineDay: DeadlineDay = "late",
  compare?: UnitReport[],
): Consolidation {
  return consolidate({
    catalog,
    registry,
    period,
    year: 2022,
    deadline: catalog.periods[period].deadline,
    deadlineDay,
    entries,
    ...(compare ? { compare } : {}),
  });
}

function view(
  options: { audience?: Audience; config?: Config; period?: PeriodKey; compare?: UnitReport[] } = {},
): ReportView {
  const c = consolidation(options.period, "late", options.compare);
  const config = options.config ?? makeConfig(registry);
  return buildView(c, {
    kind: "consolidated",
    catalog,
    issuer: "Bộ Xây dựng",
    reference: "15/BC-BXD",
    date: "2022-06-20",
    config,
    synthesis: synthesise(c, catalog, config.units),
    ...(options.audience ? { audience: options.audience } : {}),
  });
}

describe("buildView: who reads it", () => {
  test("external by default: no Phụ lục II, no units' recommendations", () => {
    const v = view();
    expect(v.internal).toBe(false);
    expect(v.appendix.submissions).toBeNull();
    expect(v.proposals?.units).toBeNull();
    expect(v.submission.join(" ")).not.toContain("Phụ lục II");
    // The units' requests to the ministry are nowhere in what the ministry sends out, not even in a
    // field the built-in template leaves unused (a --template could use it).
    expect(JSON.stringify(v)).not.toContain("Đề nghị Bộ bố trí kinh phí tập huấn");
    expect(v.recommendations).toEqual({ items: [], note: "" });
    expect(view({ audience: "external" }).appendix.submissions).toBeNull();
  });

  test("internal: Phụ lục II and the units' recommendations as themes", () => {
    const v = view({ audience: "internal" });
    expect(v.internal).toBe(true);
    expect(v.appendix.submissions?.rows).toHaveLength(4);
    // One theme, in the wording true of both: the Văn phòng's own addition is left to Phụ lục IV.
    expect(v.proposals?.units?.items.map((i) => i.text)).toEqual([
      "Đề nghị Bộ bố trí kinh phí tập huấn (02 đơn vị: Văn phòng Bộ, Viện Kinh tế xây dựng).",
    ]);
    expect(v.proposals?.unitsIntro).toBe("Kiến nghị, đề xuất của các đơn vị đối với Bộ Xây dựng:");
  });

  test("section V is the configuration's proposals in the issuer's voice", () => {
    const config = makeConfig(registry, {
      proposals: [
        "Đề nghị Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam tổ chức tập huấn nghiệp vụ.",
        "Đề nghị Bộ Lao động - Thương binh và Xã hội hướng dẫn thống kê số liệu theo giới",
      ],
    });
    for (const audience of ["external", "internal"] as const)
      expect(view({ config, audience }).proposals?.own).toEqual({
        items: [
          { text: "Đề nghị Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam tổ chức tập huấn nghiệp vụ;" },
          { text: "Đề nghị Bộ Lao động - Thương binh và Xã hội hướng dẫn thống kê số liệu theo giới." },
        ],
        note: "",
      });
    expect(view().proposals?.own).toEqual({ items: [], note: "Bộ Xây dựng không có kiến nghị, đề xuất." });
  });

  test("a consolidated report needs its synthesis", () => {
    expect(() =>
      buildView(consolidation(), {
        kind: "consolidated",
        catalog,
        issuer: "Bộ Xây dựng",
        reference: "15/BC-BXD",
        date: "2022-06-20",
      }),
    ).toThrow(/synthesis/);
  });
});

describe("buildView: the body", () => {
  test("opening, I.1 and I.2 from the configuration and the consolidation", () => {
    const v = view({ config: makeConfig(registry, { letter: { number: "1234/BXD-TCCB" } }) });
    expect(v.opening).toMatch(/^Căn cứ Văn bản số 1234\/BXD-TCCB ngày 18\/4\/2022 /);
    expect(v.guidance).toContain("ban hành Văn bản số 1234/BXD-TCCB");
    expect(v.guidance).toContain("trước ngày 10/6/2022 (tính theo dấu công văn đến)");
    expect(v.submission).toEqual([
      "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 03/04 đơn vị phải báo cáo, trong đó 02 báo cáo hợp lệ được đưa vào tổng hợp.",
      "Về thời hạn, có 01 đơn vị gửi đúng hạn; 01 đơn vị gửi chậm: Văn phòng Bộ (chậm 04 ngày).",
      "Còn 01 đơn vị chưa gửi báo cáo: Viện Quy hoạch đô thị và nông thôn quốc gia.",
      "Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp: Cục Giám định.",
    ]);
    expect(v.staffIntro).toBe("Tổng hợp số liệu từ báo cáo của 02 đơn vị tại thời điểm báo cáo:");
    expect(v.period.nextUpper).toBe("6 THÁNG CUỐI NĂM 2022");
    expect(v.appendix.note).toBe("(Kèm theo Báo cáo số 15/BC-BXD ngày 20 tháng 6 năm 2022 của Bộ Xây dựng)");
  });

  test("section II: highlights, then a point per sub-task with who did it, the figures and its examples", () => {
    const v = view();
    expect(v.highlights.length).toBeGreaterThanOrEqual(4);
    expect(v.highlights.length).toBeLessThanOrEqual(6);
    expect(v.resultsIntro).toContain("tối đa 03 kết quả tiêu biểu");
    expect(v.groups.map((g) => g.number)).toEqual(["1", "2", "3", "4", "5"]);
    const policy = v.groups[0]?.tasks[0];
    expect(policy?.heading).toBe("a) Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù");
    expect(policy?.text).toBe(
      "Có 01/02 đơn vị đã hoàn thành, 01 đơn vị đang triển khai. Các đơn vị đã ban hành 02 văn bản.",
    );
    // The advisory Văn phòng first; unit text as written, punctuated as a list.
    expect(policy?.examples).toEqual([
      {
        unit: "Văn phòng Bộ",
        text: "Thực hiện nhiệm vụ: Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù;",
      },
      { unit: "Viện Kinh tế xây dựng", text: `${HOSTILE}.` },
    ]);
    // A group with one sub-task has no point letter.
    expect(v.groups[3]?.tasks[0]?.heading).toBe("Xây dựng kế hoạch và tổ chức kiểm tra; kiểm tra chéo");
    expect(v.groups[3]?.tasks[0]?.text).toBe(
      "Có 01/02 đơn vị đã hoàn thành, 01 đơn vị không áp dụng. Các đơn vị đã tiến hành 01 cuộc kiểm tra, tham gia 01 cuộc kiểm tra chéo. Có 01/02 đơn vị đã ban hành kế hoạch kiểm tra.",
    );
    // Both units held the same kind of event: the body shows it once and points at the full list.
    expect(v.groups[2]?.activitiesIntro).toBe(
      "Một số hoạt động tiêu biểu của nhóm nhiệm vụ 3 (01/02 hoạt động; danh sách đầy đủ tại Phụ lục IV):",
    );
    expect(v.groups[2]?.activities).toEqual([
      {
        text: "Ngày 08/3/2022, Văn phòng Bộ: Tọa đàm kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8/3 (80 người tham gia, trong đó 61 nữ).",
      },
    ]);
    expect(v.groups[0]?.activitiesIntro).toBe("");
  });

  test("section III: themes with their units", () => {
    const v = view();
    expect(v.assessment.limitations).toEqual({
      items: [{ text: "Kinh phí còn hạn chế (02 đơn vị: Văn phòng Bộ, Viện Kinh tế xây dựng)." }],
      note: "",
    });
    expect(v.assessment.causes.items).toEqual([{ text: "Nhiệm vụ chuyên môn nhiều (Văn phòng Bộ)." }]);
  });

  test("annual: the target and, with --compare, the comparison", () => {
    const semi = view();
    expect(semi.target).toBeNull();
    expect(semi.comparison).toBeNull();
    expect(view({ period: "annual" }).comparison).toBeNull();
    const annual = view({ period: "annual", compare: [vkt] });
    expect(annual.target?.number).toBe("7");
    expect(annual.comparison?.number).toBe("8");
    expect(annual.period.nextUpper).toBe("NĂM 2023");
  });
});

describe("buildView: a unit's own report", () => {
  const c = consolidate({
    catalog,
    registry: [{ code: "VKT", name: "Viện Kinh tế xây dựng" }],
    period: "semi-annual",
    year: 2022,
    deadline: "2022-06-10",
    entries: [{ code: "VKT", name: "Viện Kinh tế xây dựng", file: "", report: vkt, errors: 0 }],
  });
  const v = buildView(c, {
    kind: "unit",
    catalog,
    issuer: "Viện Kinh tế xây dựng",
    reference: "125/BC-VKT",
    date: "2022-06-08",
  });

  test("no appendices, no ministry's proposals: its own recommendations", () => {
    expect(v.consolidated).toBe(false);
    expect(v.appendix).toMatchObject({ staff: null, submissions: null, tasks: null, details: [] });
    expect(v.proposals).toBeNull();
    expect(v.recommendations.items).toEqual([{ text: "Đề nghị Bộ bố trí kinh phí tập huấn." }]);
    expect(v.highlights).toEqual([]);
    expect(v.submission).toEqual([]);
    expect(v.guidance).toBe("");
  });

  test("its own text as written, its own figures with `Đã …`", () => {
    const policy = v.groups[0]?.tasks[0];
    // The summary holds the figures; they are not said twice.
    expect(policy?.text).toBe("Đang triển khai.");
    expect(policy?.summaries).toEqual([{ text: HOSTILE }]);
    expect(v.groups[4]?.tasks[1]?.summaries).toEqual([
      { text: "Thực hiện nhiệm vụ: Kiện toàn Ban; Quy chế làm việc; chế độ thông tin, báo cáo." },
      { text: "Quyết định kiện toàn Ban: Quyết định số 01/QĐ-VKT ngày 15/3/2022" },
    ]);
    expect(v.assessment.strengths.items).toEqual([{ text: `${HOSTILE}.` }]);
    expect(v.assessment.causes).toEqual({ items: [], note: "Không có." });
    expect(v.nextSteps.items).toEqual([{ text: "Tổ chức lớp bồi dưỡng {{y}}." }]);
    expect(v.groups[2]?.activitiesIntro).toBe("Các hoạt động đã tổ chức thuộc nhóm nhiệm vụ 3:");
  });
});

describe("Phụ lục I: staff per unit", () => {
  test("shares from each row's own figures; the total row from the totals, not an average", () => {
    const staff = view().appendix.staff;
    expect(staff?.rows.map((r) => [r.stt, r.unit, r.cells[0]])).toEqual([
      ["1", "Văn phòng Bộ", { total: "3", female: "1", share: "33,3" }],
      ["2", "Viện Kinh tế xây dựng", { total: "142", female: "77", share: "54,2" }],
    ]);
    // (1 + 77) / (3 + 142) = 53,8 %; the mean of the two shares would be 43,8 %.
    expect(staff?.total.cells[0]).toEqual({ total: "145", female: "78", share: "53,8" });
    // An empty group has no share; tables show plain numbers, no leading zeros.
    expect(staff?.rows[0]?.cells[2]).toEqual({ total: "0", female: "0", share: "-" });
    expect(staff?.columns.map((c) => c.short)).toEqual([
      "Cán bộ, công chức, viên chức",
      "Lãnh đạo cấp đơn vị",
      "Lãnh đạo cấp phòng",
      "Quy hoạch",
    ]);
    expect(
      staff?.widths
        .split(",")
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(100);
  });
});

describe("Phụ lục II: submissions, for internal use", () => {
  test("the deadline rule, on time / late by days / rejected / missing, and only the waivers that fired", () => {
    const s = view({ audience: "internal" }).appendix.submissions;
    expect(s?.rule).toBe(
      "Hạn gửi báo cáo: trước ngày 10/6/2022 (tính theo dấu công văn đến); báo cáo đến từ ngày 10/6/2022 là gửi chậm, số ngày chậm tính đến ngày nhận. Chưa có sổ nhận báo cáo: ngày nhận tính theo ngày ghi trong báo cáo của đơn vị.",
    );
    expect(s?.rows).toEqual([
      {
        stt: "1",
        unit: "Văn phòng Bộ",
        date: "13/6/2022",
        reference: "88/BC-VP",
        state: "chậm 04 ngày",
        note: "Đã giải trình: Lãnh đạo đi công tác.",
      },
      {
        stt: "2",
        unit: "Viện Kinh tế xây dựng",
        date: "08/6/2022",
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
        note: "Báo cáo có 2 lỗi, chưa được đưa vào tổng hợp",
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
    expect(s?.totals).toBe(
      "Tổng cộng: 04 đơn vị phải báo cáo; 01 đơn vị gửi đúng hạn; 01 đơn vị gửi chậm; 01 đơn vị chưa gửi; 01 đơn vị gửi báo cáo không hợp lệ.",
    );
  });

  test("`chậm nhất ngày`: the rule the consolidation applied, stated", () => {
    const c = consolidation("semi-annual", "on-time");
    const config = makeConfig(registry, { deadline_day: "on-time" });
    const s = buildView(c, {
      kind: "consolidated",
      catalog,
      issuer: "Bộ Xây dựng",
      reference: "15/BC-BXD",
      date: "2022-06-20",
      config,
      audience: "internal",
      synthesis: synthesise(c, catalog, registry),
    });
    expect(s.appendix.submissions?.rule).toBe(
      "Hạn gửi báo cáo: chậm nhất ngày 10/6/2022 (tính theo dấu công văn đến); báo cáo đến sau ngày 10/6/2022 là gửi chậm, số ngày chậm tính đến ngày nhận. Chưa có sổ nhận báo cáo: ngày nhận tính theo ngày ghi trong báo cáo của đơn vị.",
    );
    expect(s.appendix.submissions?.rows[0]?.state).toBe("chậm 03 ngày");
    expect(s.guidance).toContain("chậm nhất ngày 10/6/2022");
  });
});

describe("Phụ lục III: units × sub-tasks", () => {
  const t = view().appendix.tasks;
  test("column codes, a legend naming each column, marks and done counts", () => {
    expect(t?.columns.map((c) => c.code)).toEqual([
      "1a",
      "1b",
      "1c",
      "1d",
      "1đ",
      "1e",
      "2a",
      "2b",
      "2c",
      "3a",
      "3b",
      "3c",
      "4",
      "5a",
      "5b",
    ]);
    const tasks = catalog.groups.flatMap((g) => g.tasks);
    expect(t?.columnsLegend).toBe(
      `Các cột: ${(t?.columns ?? []).map((c, i) => `${c.code}. ${tasks[i]?.short}`).join("; ")}.`,
    );
    expect(t?.columnsLegend).toContain("1đ. Giảm thiểu tác động tiêu cực của đại dịch COVID-19; ");
    expect(t?.columnsLegend).toContain("4. Xây dựng kế hoạch và tổ chức kiểm tra; kiểm tra chéo; ");
    expect(t?.rows.map((r) => r.unit)).toEqual(["Văn phòng Bộ", "Viện Kinh tế xây dựng"]);
    expect(t?.rows[0]?.marks.map((m) => m.mark)).toEqual([..."xxxxxxxxxxxx", "–", "x", "x"]);
    expect(t?.rows[1]?.marks[0]?.mark).toBe("đang");
    expect(t?.total.marks.map((m) => m.mark)).toEqual(["1", ..."22222222222", "1", "2", "2"]);
    expect(t?.legend).toMatch(
      /^Ký hiệu: x: đã hoàn thành; đang: đang triển khai; chưa: chưa triển khai; –: /,
    );
    expect(
      t?.widths
        .split(",")
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBeLessThanOrEqual(100);
  });
});

describe("Phụ lục IV: every unit's own text, exactly as written", () => {
  test("summaries, activities, assessment and next steps; recommendations only for internal readers", () => {
    const external = view().appendix.details;
    const internal = view({ audience: "internal" }).appendix.details;
    expect(external.map((d) => d.heading)).toEqual(["1. Văn phòng Bộ", "2. Viện Kinh tế xây dựng"]);
    const mine = external[1];
    expect(mine?.groups.map((g) => g.title)).toEqual(catalog.groups.map((g) => `${g.number}. ${g.short}`));
    expect(mine?.groups[0]?.tasks[0]).toEqual({
      text: `a) Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù (đang triển khai): ${HOSTILE}`,
    });
    expect(mine?.groups[4]?.tasks[1]?.text).toBe(
      "b) Kiện toàn Ban; Quy chế làm việc; chế độ thông tin, báo cáo (đã hoàn thành): Thực hiện nhiệm vụ: Kiện toàn Ban; Quy chế làm việc; chế độ thông tin, báo cáo. Quyết định kiện toàn Ban: Quyết định số 01/QĐ-VKT ngày 15/3/2022",
    );
    // The one sub-task of group 4 has no letter; a task that does not apply says so in the catalogue's words.
    expect(external[0]?.groups[3]?.tasks[0]?.text).toBe(
      "Xây dựng kế hoạch và tổ chức kiểm tra; kiểm tra chéo (không áp dụng).",
    );
    expect(mine?.lists.map((l) => l.label)).toEqual([
      "Hoạt động",
      "Ưu điểm",
      "Hạn chế",
      "Phương hướng, nhiệm vụ",
    ]);
    expect(mine?.lists[1]?.items).toEqual([{ text: `${HOSTILE}.` }]);
    expect(mine?.lists[3]?.items).toEqual([{ text: "Tổ chức lớp bồi dưỡng {{y}}." }]);
    expect(internal[1]?.lists.map((l) => l.label)).toEqual([
      "Hoạt động",
      "Ưu điểm",
      "Hạn chế",
      "Phương hướng, nhiệm vụ",
      "Kiến nghị, đề xuất",
    ]);
    expect(internal[1]?.lists[4]?.items).toEqual([{ text: "Đề nghị Bộ bố trí kinh phí tập huấn." }]);
  });

  test("a joint activity is listed under its unit, naming the partner by the registry's name", () => {
    const withPartner = makeUnitReport({
      activities: [{ date: "2022-04-26", group: "inspection", title: "Kiểm tra chéo", with: ["VP"] }],
    });
    const c = consolidate({
      catalog,
      registry,
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries: [{ code: "VKT", name: "VKT", file: "vkt.yaml", report: withPartner, errors: 0 }],
    });
    const v = buildView(c, {
      kind: "consolidated",
      catalog,
      issuer: "Bộ Xây dựng",
      reference: "…/BC-BXD",
      date: "2022-06-20",
      config: makeConfig(registry),
      synthesis: synthesise(c, catalog, registry),
    });
    expect(v.appendix.details[0]?.lists[0]).toEqual({
      label: "Hoạt động",
      items: [{ text: "Ngày 26/4/2022, phối hợp với Văn phòng Bộ: Kiểm tra chéo." }],
    });
    expect(v.groups[3]?.activities).toEqual([
      { text: "Ngày 26/4/2022, Viện Kinh tế xây dựng phối hợp với Văn phòng Bộ: Kiểm tra chéo." },
    ]);
  });
});
