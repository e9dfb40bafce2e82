import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { Block, DocumentModel, Run } from "../../src/document/model.js";
import { defaultTemplateDir, renderTemplate } from "../../src/document/template.js";
import type { UnitReport } from "../../src/model.js";
import { buildView } from "../../src/present/view.js";
import { buildReportModel, defaultReportName } from "../../src/report.js";
import type { ConsolidatedReportInput } from "../../src/report.js";
import { makeConfig, makeUnitReport, testCatalog } from "../helpers/unit-report.js";

const catalog = testCatalog();

const registry = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
];

function entriesOf(reports: UnitReport[], rejected: string[] = []): SubmissionEntry[] {
  return [
    ...reports.map((report) => ({
      code: report.unit.code,
      name: report.unit.name,
      file: `${report.unit.code}.yaml`,
      report,
      errors: 0,
    })),
    ...rejected.map((code) => ({ code, name: code, file: `${code}.yaml`, errors: 3 })),
  ];
}

function input(overrides: Partial<ConsolidatedReportInput> = {}): ConsolidatedReportInput {
  return {
    kind: "consolidated",
    catalog,
    config: makeConfig(registry),
    period: "semi-annual",
    year: 2022,
    entries: entriesOf(
      [
        makeUnitReport({ unit: { code: "VP", name: "Văn phòng Bộ" }, submitted: "2022-06-13" }),
        makeUnitReport({ unit: { code: "VKT", name: "Viện Kinh tế xây dựng" } }),
      ],
      ["CGD"],
    ),
    today: "2022-06-20",
    ...overrides,
  };
}

function model(i: Parameters<typeof buildReportModel>[0]): DocumentModel {
  const r = buildReportModel(i);
  if (!r.ok) throw new Error(`${r.problem} ${r.params.path}`);
  return r.model;
}

const textOf = (runs: Run[]): string => runs.map((r) => r.text).join("");

/** Every piece of text in the blocks, one string per paragraph, heading, list item or table cell. */
function texts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === "heading" || b.kind === "paragraph") out.push(textOf(b.runs));
    else if (b.kind === "list") for (const item of b.items) out.push(textOf(item));
    else if (b.kind === "table")
      for (const row of b.rows) for (const cell of row.cells) out.push(textOf(cell.runs));
  }
  return out;
}

function headings(blocks: Block[], level: 1 | 2 | 3): string[] {
  return blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [textOf(b.runs)] : []));
}

describe("consolidated report: the frame", () => {
  test("issuer, blank number, place, date, subject, recipients and signer from the configuration", () => {
    const { frame } = model(input());
    expect(frame).toEqual({
      parent: "",
      issuer: "Bộ Xây dựng",
      number: "Số:      /BC-BXD",
      place: "Hà Nội",
      date: "2022-06-20",
      type: "BÁO CÁO",
      subject: "Sơ kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022",
      addressee: "",
      recipients: ["Bộ trưởng (để b/c)", "Các đơn vị thuộc Bộ", "Lưu: VT, TCCB"],
      signer: { authority: "KT. BỘ TRƯỞNG", position: "THỨ TRƯỞNG", name: "Nguyễn Văn Sinh" },
    });
  });

  test("a given number, and the date: --date, else the configuration's, else today", () => {
    expect(model(input({ number: "15" })).frame.number).toBe("Số: 15/BC-BXD");
    expect(model(input({ number: "15/BC-BXD" })).frame.number).toBe("Số: 15/BC-BXD");
    const config = makeConfig(registry, {
      date: "2022-06-15",
      addressee: "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
    });
    expect(model(input({ config })).frame.date).toBe("2022-06-15");
    expect(model(input({ config, date: "2022-06-18" })).frame.date).toBe("2022-06-18");
    expect(model(input({ config })).frame.addressee).toBe(
      "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
    );
    expect(model(input({ period: "annual" })).frame.subject).toBe(
      "Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022",
    );
  });
});

describe("consolidated report: the body", () => {
  test("mục I–V; under II one khoản per group in the letter's order and wording, then the funding", () => {
    const { body } = model(input());
    expect(headings(body, 1)).toEqual([
      "I. TÌNH HÌNH CHUNG",
      "II. KẾT QUẢ THỰC HIỆN",
      "III. ĐÁNH GIÁ CHUNG",
      "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
      "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]);
    const khoan = headings(body, 2);
    const groups = catalog.groups.map((g) => `${g.number}. ${g.title}`);
    expect(khoan).toEqual([
      "1. Tình hình gửi báo cáo",
      "2. Tình hình cán bộ nữ",
      ...groups,
      "6. Kinh phí thực hiện",
      "1. Ưu điểm",
      "2. Hạn chế",
      "3. Nguyên nhân",
    ]);
    // One điểm per sub-task: a) … đ) e) under the first group.
    expect(
      headings(body, 3)
        .slice(0, 6)
        .map((h) => h.slice(0, 2)),
    ).toEqual(["a)", "b)", "c)", "d)", "đ)", "e)"]);
    expect(headings(body, 3)).toHaveLength(15);
  });

  test("late, missing and rejected units are named; staff shares computed from the totals", () => {
    const all = texts(model(input()).body).join("\n");
    expect(all).toContain("đã nhận được báo cáo của 03/04 đơn vị phải báo cáo");
    expect(all).toContain("01 đơn vị gửi chậm: Văn phòng Bộ (chậm 03 ngày)");
    expect(all).toContain("01 đơn vị chưa gửi báo cáo: Viện Quy hoạch đô thị và nông thôn quốc gia.");
    expect(all).toContain(
      "01 đơn vị gửi báo cáo không hợp lệ, không được đưa vào tổng hợp: Cục Giám định nhà nước về chất lượng công trình xây dựng.",
    );
    expect(all).toContain(
      "Cán bộ, công chức, viên chức, người lao động: 284 người, trong đó nữ 154 người (chiếm 54,2%);",
    );
    expect(all).toContain(
      "02/02 đơn vị đã hoàn thành. Tổ chức 02 lớp bồi dưỡng cho 20 lượt người, trong đó 12 nữ.",
    );
    expect(all).toContain("Thông tư số 191/2009/TT-BTC");
    expect(all).toContain(
      "Tổng kinh phí dự toán là 100.000.000 đồng; kinh phí đã sử dụng là 43.000.000 đồng (đạt 43,0% dự toán).",
    );
    expect(all).not.toContain("2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ, đến năm");
  });

  test("the units' summaries and assessments are attributed", () => {
    const { body } = model(input());
    const lists = body.filter((b): b is Extract<Block, { kind: "list" }> => b.kind === "list");
    const first = lists.find((l) =>
      textOf(l.items[0] ?? []).includes("Thực hiện nhiệm vụ: Triển khai chủ trương"),
    );
    expect(first?.items.map((i) => i[0])).toEqual([
      { text: "Văn phòng Bộ:", italic: true },
      { text: "Viện Kinh tế xây dựng:", italic: true },
    ]);
    const all = texts(body);
    expect(all).toContain("Văn phòng Bộ: Kinh phí còn hạn chế.");
    expect(all).toContain("Viện Kinh tế xây dựng: Đề nghị Bộ bố trí kinh phí tập huấn.");
  });

  test("annual: the 2282/QĐ-TTg target and, with --compare, the comparison with the semi-annual figures", () => {
    const pool = (total: number, female: number): UnitReport["staff"] => ({
      ...makeUnitReport().staff,
      succession_pool: { total, female },
    });
    const year = [
      makeUnitReport({
        unit: { code: "VP", name: "Văn phòng Bộ" },
        submitted: "2022-12-01",
        staff: pool(10, 4),
      }),
      makeUnitReport({
        unit: { code: "VKT", name: "Viện Kinh tế xây dựng" },
        submitted: "2022-12-01",
        staff: pool(20, 7),
      }),
      makeUnitReport({
        unit: { code: "CGD", name: "Cục Giám định" },
        submitted: "2022-12-01",
        staff: pool(0, 0),
      }),
    ];
    const { body } = model(
      input({ period: "annual", entries: entriesOf(year), compare: [makeUnitReport()] }),
    );
    expect(headings(body, 1)[3]).toBe("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023");
    expect(headings(body, 2)).toContain("7. Thực hiện chỉ tiêu về cán bộ nữ trong diện quy hoạch");
    expect(headings(body, 2)).toContain("8. So sánh với kết quả sơ kết 6 tháng đầu năm");
    const all = texts(body).join("\n");
    expect(all).toContain(
      "đến năm 2025 tỷ lệ nữ trong diện quy hoạch chức danh lãnh đạo, quản lý đạt từ 40% trở lên",
    );
    expect(all).toContain(
      "Có 01/03 đơn vị có tỷ lệ nữ trong diện quy hoạch từ 40% trở lên; 01 đơn vị chưa đạt: Viện Kinh tế xây dựng (35,0%); 01 đơn vị chưa có cán bộ trong diện quy hoạch: Cục Giám định nhà nước về chất lượng công trình xây dựng.",
    );
    const table = body.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows[0]?.header).toBe(true);
    expect(table?.kind === "table" && table.rows[1]?.cells.map((c) => textOf(c.runs))).toEqual([
      "Số đơn vị có báo cáo hợp lệ",
      "1",
      "3",
      "+2",
    ]);
    // Without --compare, no comparison.
    expect(headings(model(input({ period: "annual", entries: entriesOf(year) })).body, 2)).not.toContain(
      "8. So sánh với kết quả sơ kết 6 tháng đầu năm",
    );
  });
});

describe("consolidated report: the appendices", () => {
  test("Phụ lục I (landscape, merged headers), II, III (landscape), each with the note", () => {
    const { appendices } = model(input({ number: "15" }));
    expect(appendices.map((a) => [a.label, a.title, a.landscape])).toEqual([
      ["Phụ lục I", "Số liệu cán bộ nữ", true],
      ["Phụ lục II", "Tình hình gửi báo cáo", false],
      ["Phụ lục III", "Kết quả thực hiện nhiệm vụ", true],
    ]);
    for (const a of appendices)
      expect(a.note).toBe("(Kèm theo Báo cáo số 15/BC-BXD ngày 20 tháng 6 năm 2022 của Bộ Xây dựng)");

    const staff = appendices[0]?.blocks[0];
    if (staff?.kind !== "table") throw new Error("Phụ lục I has no table");
    expect(staff.widths).toHaveLength(14);
    const [h1, h2] = staff.rows;
    expect(h1?.header && h2?.header).toBe(true);
    expect(h1?.cells.map((c) => [textOf(c.runs), c.colspan ?? 1, c.rowspan ?? 1])).toEqual([
      ["STT", 1, 2],
      ["Đơn vị", 1, 2],
      ["Cán bộ, công chức, viên chức", 3, 1],
      ["Lãnh đạo cấp đơn vị", 3, 1],
      ["Lãnh đạo cấp phòng", 3, 1],
      ["Quy hoạch", 3, 1],
    ]);
    expect(h2?.cells.map((c) => textOf(c.runs)).slice(0, 3)).toEqual(["Tổng số", "Nữ", "Tỷ lệ %"]);
    const total = staff.rows[staff.rows.length - 1];
    expect(total?.total).toBe(true);
    expect(total?.cells.map((c) => textOf(c.runs)).slice(0, 4)).toEqual(["Tổng cộng", "284", "154", "54,2"]);
    expect(staff.rows).toHaveLength(2 + 2 + 1);

    const submissions = appendices[1]?.blocks[0];
    if (submissions?.kind !== "table") throw new Error("Phụ lục II has no table");
    expect(submissions.rows.slice(1).map((r) => textOf(r.cells[4]?.runs ?? []))).toEqual([
      "chậm 03 ngày",
      "đúng hạn",
      "không hợp lệ",
      "chưa gửi",
    ]);

    const tasks = appendices[2]?.blocks;
    const grid = tasks?.[0];
    if (grid?.kind !== "table") throw new Error("Phụ lục III has no table");
    expect(grid.rows[2]?.cells).toHaveLength(2 + 15);
    expect(texts(tasks ?? []).at(-1)).toMatch(/^Ghi chú: x: đã hoàn thành; đang: đang triển khai/);
  });
});

describe("unit text stays text", () => {
  const hostile = [
    "<b>x</b>",
    "{{x}}",
    "&amp;",
    "*a*",
    "{{{y}}}",
    "</p><h1>Z</h1>",
    "\"'`=",
    "Ha\u0300 No\u0302\u0323i",
  ];

  test("in summaries, assessments, names and the issuer, through template, markup and blocks", () => {
    const texty = hostile.join(" ");
    const report = makeUnitReport({
      unit: { code: "VKT", name: "x" },
      tasks: { coordination: { policy: { status: "done", summary: texty } } },
      assessment: { strengths: hostile, limitations: [texty], causes: [] },
      recommendations: [texty],
    });
    const config = makeConfig([{ code: "VKT", name: `Viện <i>KT</i> & {{name}}` }], {
      issuer: { name: `Bộ "Xây" dựng <b>`, abbreviation: "BXD", place: "Hà Nội" },
    });
    const m = model(input({ config, entries: entriesOf([report]), number: "15" }));
    const all = texts(m.body);
    const nfc = texty.normalize("NFC");
    expect(all).toContain(`Viện <i>KT</i> & {{name}}: ${nfc}`);
    for (const h of hostile) expect(all).toContain(`Viện <i>KT</i> & {{name}}: ${h.normalize("NFC")}`);
    expect(all.join("\n")).toContain("Hà Nội"); // NFD input reads as NFC
    // Nothing from the unit became structure: the only headings are the template's.
    expect(headings(m.body, 1)).toHaveLength(5);
    expect(headings(m.body, 1)).not.toContain("Z");
    // and nothing became bold: the only bold runs are the template's.
    const runs = m.body.flatMap((b) =>
      b.kind === "list" ? b.items.flat() : b.kind === "paragraph" ? b.runs : [],
    );
    expect(runs.filter((r) => r.bold)).toEqual([]);
    expect(m.appendices[0]?.note).toBe(
      `(Kèm theo Báo cáo số 15/BC-BXD ngày 20 tháng 6 năm 2022 của Bộ "Xây" dựng <b>)`,
    );
    expect(texts(m.appendices[0]?.blocks ?? [])).toContain("Viện <i>KT</i> & {{name}}");
  });
});

describe("a unit's own report", () => {
  test("the unit as issuer under its parent, its reference, the ministry as addressee, its signer", () => {
    const r = buildReportModel({ kind: "unit", catalog, report: makeUnitReport() });
    if (!r.ok) throw new Error(`${r.problem} ${r.params.path}`);
    expect(r.model.frame).toEqual({
      parent: "Bộ Xây dựng",
      issuer: "Viện Kinh tế xây dựng",
      number: "Số: 125/BC-VKT",
      place: "Hà Nội",
      date: "2022-06-08",
      type: "BÁO CÁO",
      subject: "Sơ kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022",
      addressee: "Bộ Xây dựng (qua Vụ Tổ chức cán bộ)",
      // The deputy signs on the head's behalf (KT.), so the head receives the report too.
      recipients: ["Như trên", "Viện trưởng (để b/c)", "Lưu: VT"],
      signer: { authority: "KT. VIỆN TRƯỞNG", position: "PHÓ VIỆN TRƯỞNG", name: "Trần Văn Minh" },
    });
    expect(headings(r.model.body, 1)).toHaveLength(5);
    const all = texts(r.model.body).join("\n");
    expect(all).toContain("Đã hoàn thành. Tổ chức 01 lớp bồi dưỡng cho 10 lượt người, trong đó 06 nữ.");
    expect(all).not.toContain("Văn phòng Bộ");
    // Phụ lục I alone, one row, no total row.
    expect(r.model.appendices.map((a) => a.label)).toEqual(["Phụ lục I"]);
    const table = r.model.appendices[0]?.blocks[0];
    expect(table?.kind === "table" && table.rows).toHaveLength(3);
    expect(r.model.appendices[0]?.note).toBe(
      "(Kèm theo Báo cáo số 125/BC-VKT ngày 08 tháng 6 năm 2022 của Viện Kinh tế xây dựng)",
    );
  });

  test("without reference and signer: a blank number and the head of the unit", () => {
    const report = makeUnitReport({ period: "annual", submitted: "2022-12-05" });
    delete report.reference;
    delete report.signer;
    const m = model({ kind: "unit", catalog, report, date: "2022-12-06" });
    expect(m.frame.number).toBe("Số:      /BC-VKT");
    expect(m.frame.signer).toEqual({ position: "THỦ TRƯỞNG ĐƠN VỊ", name: "" });
    expect(m.frame.recipients).toEqual(["Như trên", "Lưu: VT"]);
    expect(m.frame.date).toBe("2022-12-06");
    expect(texts(m.body).join("\n")).toContain(
      "Số cán bộ trong diện quy hoạch của đơn vị là 30 người, trong đó nữ 13 người (chiếm 43,3%); đã đạt chỉ tiêu từ 40% trở lên.",
    );
  });
});

describe("a unit's own report: Nơi nhận", () => {
  const recipients = (signer: UnitReport["signer"]): string[] => {
    const report = makeUnitReport();
    if (signer) report.signer = signer;
    else delete report.signer;
    return model({ kind: "unit", catalog, report }).frame.recipients;
  };

  test.each([
    ["KT. GIÁM ĐỐC", ["Như trên", "Giám đốc (để b/c)", "Lưu: VT"]],
    ["KT. CỤC TRƯỞNG", ["Như trên", "Cục trưởng (để b/c)", "Lưu: VT"]],
    ["kt.  Viện trưởng ", ["Như trên", "Viện trưởng (để b/c)", "Lưu: VT"]],
    // Signing for the collective, or as the head, reports to no one above within the unit.
    ["TM. BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ", ["Như trên", "Lưu: VT"]],
    ["KT.", ["Như trên", "Lưu: VT"]],
    ["", ["Như trên", "Lưu: VT"]],
  ])("signed with authority %j", (authority, expected) => {
    expect(recipients({ authority, position: "PHÓ GIÁM ĐỐC", name: "Trần Văn B" })).toEqual(expected);
  });

  test("signed by the head, without an authority", () => {
    expect(recipients({ position: "VIỆN TRƯỞNG", name: "Trần Văn B" })).toEqual(["Như trên", "Lưu: VT"]);
  });
});

test("default report names", () => {
  expect(defaultReportName("consolidated", catalog.periods["semi-annual"], 2022)).toBe(
    "bao-cao-so-ket-6-thang-2022.docx",
  );
  expect(defaultReportName("consolidated", catalog.periods.annual, 2022)).toBe(
    "bao-cao-tong-ket-nam-2022.docx",
  );
  expect(defaultReportName("unit", catalog.periods["semi-annual"], 2022, "VKT")).toBe(
    "vkt-bao-cao-so-ket-6-thang-2022.docx",
  );
});

describe("templates", () => {
  const scratch = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), "geq-template-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  const view = { a: "<b>&amp;</b>" };

  test("data is escaped, a missing folder, a syntax error and an unknown field are values, not exceptions", () => {
    const ok = renderTemplate(scratch({ "unit.hbs": "<p>{{a}}</p>" }), "unit", view, { fallback: null });
    expect(ok).toEqual({ ok: true, markup: "<p>&lt;b&gt;&amp;amp;&lt;/b&gt;</p>" });

    const missing = renderTemplate(join(tmpdir(), "geq-no-such-folder"), "unit", view);
    expect(missing).toMatchObject({ ok: false, problem: "template-folder-missing" });

    const broken = renderTemplate(scratch({ "unit.hbs": "{{#if a}}<p>" }), "unit", view, { fallback: null });
    expect(broken).toMatchObject({
      ok: false,
      problem: "template-error",
      params: { path: expect.stringContaining("unit.hbs") },
    });

    const unknown = renderTemplate(scratch({ "unit.hbs": "<p>{{nosuch}}</p>" }), "unit", view, {
      fallback: null,
    });
    expect(unknown).toMatchObject({
      ok: false,
      problem: "template-error",
      params: { detail: expect.stringContaining("nosuch") },
    });

    const brokenPartial = renderTemplate(
      scratch({ "unit.hbs": "{{> p}}", "partials/p.hbs": "{{/each}}" }),
      "unit",
      view,
      {
        fallback: null,
      },
    );
    expect(brokenPartial).toMatchObject({
      ok: false,
      problem: "template-error",
      params: { path: expect.stringContaining("p.hbs") },
    });

    const noKind = renderTemplate(scratch({ "unit.hbs": "x" }), "consolidated", view, { fallback: null });
    expect(noKind.ok).toBe(false);
  });

  test("a --template folder may override one partial; the built-in templates fill in the rest", () => {
    const dir = scratch({ "partials/budget.hbs": "<h2>{{budget.number}}. Kinh phí (mẫu riêng)</h2>" });
    const r = buildReportModel(input({ templateDir: dir }));
    if (!r.ok) throw new Error(`${r.problem} ${r.params.path}`);
    expect(headings(r.model.body, 2)).toContain("6. Kinh phí (mẫu riêng)");
    const bad = buildReportModel(
      input({ templateDir: scratch({ "consolidated.hbs": "<p>{{oops.x}}</p>" }) }),
    );
    expect(bad.ok).toBe(false);
  });

  test("the built-in templates never use triple braces", () => {
    const dir = defaultTemplateDir();
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith(".hbs"))
        .map((f) => join(dir, f)),
      ...readdirSync(join(dir, "partials")).map((f) => join(dir, "partials", f)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(f, "utf8"), f).not.toMatch(/\{\{\{|\{\{&/);
  });
});

test("1,000 units: consolidation, view and template well under a second", () => {
  const units = Array.from({ length: 1000 }, (_, i) => ({
    code: `U${String(i).padStart(4, "0")}`,
    name: `Đơn vị số ${i + 1}`,
  }));
  const reports = units.map((u, i) =>
    makeUnitReport({ unit: u, submitted: i % 7 === 0 ? "2022-06-14" : "2022-06-08", waivers: [] }),
  );
  const entries = entriesOf(
    reports.slice(0, 950),
    units.slice(950, 980).map((u) => u.code),
  );
  // Warm-up: the first run pays for module loading and JIT.
  const run = (): string => {
    const c = consolidate({
      catalog,
      registry: units,
      period: "annual",
      year: 2022,
      deadline: "2022-06-10",
      entries,
      compare: reports,
    });
    const v = buildView(c, {
      kind: "consolidated",
      catalog,
      issuer: "Bộ Xây dựng",
      reference: "…/BC-BXD",
      date: "2022-06-20",
    });
    const r = renderTemplate(defaultTemplateDir(), "consolidated", v);
    if (!r.ok) throw new Error(`${r.problem} ${r.params.path}`);
    return r.markup;
  };
  run();
  const start = performance.now();
  const markup = run();
  const elapsed = performance.now() - start;
  expect(markup.length).toBeGreaterThan(1_000_000);
  console.log(`1000 units: ${elapsed.toFixed(0)} ms, ${markup.length} chars`);
  expect(elapsed).toBeLessThan(1000);
});
