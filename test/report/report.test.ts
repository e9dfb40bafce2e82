import { MAX_THEMES } from "../../src/synthesise/synthesis.js";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { consolidate, InputChangedError } from "../../src/consolidate/consolidate.js";
import { leanOf } from "../../src/validate/check-fast.js";
import type { Block, DocumentModel, Run } from "../../src/document/model.js";
import { defaultTemplateDir, renderTemplate } from "../../src/document/template.js";
import type { RegistryUnit, UnitReport } from "../../src/model.js";
import { buildView } from "../../src/present/view.js";
import type { ReportView } from "../../src/present/view.js";
import { buildReportDocument, buildReportModel, defaultReportName } from "../../src/report.js";
import { synthesise } from "../../src/synthesise/synthesis.js";
import type { ConsolidatedReportInput } from "../../src/report.js";
import { makeConfig, makeUnitReport, testCatalog, entriesOf } from "../helpers/unit-report.js";
import { atScale } from "../helpers/at-scale.js";

const catalog = testCatalog();

const registry = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
];

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
  test("mục I–V; I in three khoản; under II the highlights, one khoản per group in the letter's order and wording, then the funding", () => {
    const { body } = model(input());
    expect(headings(body, 1)).toEqual([
      "I. TÌNH HÌNH CHUNG",
      "II. KẾT QUẢ THỰC HIỆN",
      "III. ĐÁNH GIÁ CHUNG",
      "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022",
      "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]);
    const groups = catalog.groups.map((g) => `${g.number}. ${g.title}`);
    expect(headings(body, 2)).toEqual([
      "1. Công tác chỉ đạo, hướng dẫn",
      "2. Tình hình gửi báo cáo",
      "3. Tình hình cán bộ nữ",
      ...groups,
      "6. Kinh phí thực hiện",
      "1. Ưu điểm",
      "2. Hạn chế",
      "3. Nguyên nhân",
    ]);
    // One điểm per sub-task: a) … đ) e) under the first group; group 4 has one, without a letter.
    const diem = headings(body, 3);
    expect(diem.slice(0, 6).map((h) => h.slice(0, 2))).toEqual(["a)", "b)", "c)", "d)", "đ)", "e)"]);
    expect(diem).toContain("Xây dựng kế hoạch và tổ chức kiểm tra; kiểm tra chéo");
    expect(diem).toHaveLength(15);
    const all = texts(body);
    const highlights = all.indexOf("Kết quả nổi bật:");
    expect(highlights).toBeGreaterThan(all.indexOf("II. KẾT QUẢ THỰC HIỆN"));
    expect(highlights).toBeLessThan(all.indexOf(groups[0] ?? ""));
  });

  test("V: the ministry's own proposals; the units' requests only for internal readers", () => {
    const config = makeConfig(registry, { proposals: ["Đề nghị Ủy ban Quốc gia tổ chức tập huấn"] });
    const external = model(input({ config }));
    expect(texts(external.body)).toContain("Đề nghị Ủy ban Quốc gia tổ chức tập huấn.");
    expect(texts(external.body).join("\n")).not.toContain("Đề nghị Bộ bố trí kinh phí tập huấn");
    expect(external.appendices.map((a) => a.label)).toEqual(["Phụ lục I", "Phụ lục III", "Phụ lục IV"]);
    expect(texts(external.appendices[2]?.blocks ?? []).join("\n")).not.toContain("Đề nghị Bộ");

    const internal = model(input({ config, audience: "internal" }));
    expect(headings(internal.body, 2).slice(-2)).toEqual([
      "1. Kiến nghị, đề xuất của Bộ Xây dựng",
      "2. Kiến nghị, đề xuất của các đơn vị",
    ]);
    expect(texts(internal.body)).toContain(
      "Đề nghị Bộ bố trí kinh phí tập huấn (02 đơn vị: Văn phòng Bộ, Viện Kinh tế xây dựng).",
    );
    // The configuration's audience, unless --audience says otherwise.
    const byConfig = makeConfig(registry, { audience: "internal" });
    expect(model(input({ config: byConfig })).appendices.map((a) => a.label)).toContain("Phụ lục II");
    expect(
      model(input({ config: byConfig, audience: "external" })).appendices.map((a) => a.label),
    ).not.toContain("Phụ lục II");
  });

  test("every appendix cited in the body exists, and every appendix is cited", () => {
    for (const audience of ["external", "internal"] as const) {
      const m = model(input({ audience }));
      const body = texts(m.body).join("\n");
      const cited = new Set([...body.matchAll(/Phụ lục (I{1,3}|IV)\b/gu)].map((x) => x[0]));
      expect([...cited].sort(), audience).toEqual(m.appendices.map((a) => a.label).sort());
    }
  });

  test("who reported, late, missing and rejected named; staff summed with shares from the totals", () => {
    const all = texts(model(input()).body).join("\n");
    expect(all).toContain(
      "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 03/04 đơn vị phải báo cáo, trong đó 02 báo cáo hợp lệ được đưa vào tổng hợp.",
    );
    // The catalogue's "trước ngày 10/6/2022": the 13th is four days late.
    expect(all).toContain(
      "Về thời hạn, có 01 đơn vị gửi đúng hạn; 01 đơn vị gửi chậm: Văn phòng Bộ (chậm 04 ngày).",
    );
    expect(all).toContain("Còn 01 đơn vị chưa gửi báo cáo: Viện Quy hoạch đô thị và nông thôn quốc gia.");
    expect(all).toContain(
      "Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp: Cục Giám định nhà nước về chất lượng công trình xây dựng.",
    );
    expect(all).toContain(
      "Cán bộ, công chức, viên chức, người lao động: 284 người, trong đó nữ 154 người (chiếm 54,2%);",
    );
    expect(all).toContain(
      "Có 02/02 đơn vị đã hoàn thành. Các đơn vị đã tổ chức 02 lớp bồi dưỡng cho 20 lượt người, trong đó 12 nữ.",
    );
    expect(all).toContain("Thông tư số 191/2009/TT-BTC");
    expect(all).toContain(
      "Tổng kinh phí dự toán của các đơn vị là 100.000.000 đồng; kinh phí đã sử dụng là 43.000.000 đồng (đạt 43,0% dự toán).",
    );
    expect(all).not.toMatch(/(^|[^\d.,])00($|[^\d.,])/mu);
    // The succession-pool target is the annual report's.
    expect(all).not.toContain("2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ, đến năm");
  });

  test("examples name their unit in italics, the largest figures first; themes name their units", () => {
    const vkt = makeUnitReport({
      unit: { code: "VKT", name: "Viện Kinh tế xây dựng" },
      tasks: {
        coordination: { policy: { status: "done", summary: "Ban hành 05 văn bản", documents_issued: 5 } },
      },
    });
    const vp = makeUnitReport({ unit: { code: "VP", name: "Văn phòng Bộ" }, submitted: "2022-06-13" });
    const { body } = model(input({ entries: entriesOf([vp, vkt]) }));
    const lists = body.filter((b): b is Extract<Block, { kind: "list" }> => b.kind === "list");
    const policy = lists.find((l) => textOf(l.items[0] ?? []).includes("Ban hành 05 văn bản"));
    expect(policy?.items.map((i) => i[0])).toEqual([
      { text: "Viện Kinh tế xây dựng:", italic: true },
      { text: "Văn phòng Bộ:", italic: true },
    ]);
    expect(policy?.items.map(textOf)).toEqual([
      "Viện Kinh tế xây dựng: Ban hành 05 văn bản;",
      "Văn phòng Bộ: Thực hiện nhiệm vụ: Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù.",
    ]);
    expect(texts(body)).toContain("Kinh phí còn hạn chế (02 đơn vị: Văn phòng Bộ, Viện Kinh tế xây dựng).");
  });

  test("annual: the 2282/QĐ-TTg target and, with --compare, the same units compared with the semi-annual figures", () => {
    const pool = (total: number, female: number): UnitReport["staff"] => ({
      ...makeUnitReport().staff,
      succession_pool: { total, female },
    });
    const year = [
      makeUnitReport({
        unit: { code: "VP", name: "Văn phòng Bộ" },
        period: "annual",
        submitted: "2022-12-01",
        staff: pool(10, 4),
      }),
      makeUnitReport({
        unit: { code: "VKT", name: "Viện Kinh tế xây dựng" },
        period: "annual",
        submitted: "2022-12-01",
        staff: pool(20, 7),
      }),
      makeUnitReport({
        unit: { code: "CGD", name: "Cục Giám định" },
        period: "annual",
        submitted: "2022-12-01",
        staff: pool(0, 0),
      }),
    ];
    const { body } = model(
      input({ period: "annual", entries: entriesOf(year), compare: [makeUnitReport()] }),
    );
    expect(headings(body, 1)[3]).toBe("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023");
    expect(headings(body, 2)).toContain("7. Thực hiện mục tiêu về cán bộ nữ trong diện quy hoạch");
    expect(headings(body, 2)).toContain("8. So sánh với kết quả sơ kết 6 tháng đầu năm");
    const all = texts(body).join("\n");
    expect(all).toContain(
      "đến năm 2025 tỷ lệ nữ trong diện quy hoạch chức danh lãnh đạo, quản lý đạt từ 40% trở lên",
    );
    expect(all).toContain(
      "Tỷ lệ nữ trong diện quy hoạch của toàn Bộ là 36,7% (11/30 người), chưa đạt mục tiêu 40%.",
    );
    expect(all).toContain(
      "Có 01/03 đơn vị đạt tỷ lệ từ 40% trở lên; 01 đơn vị chưa đạt: Viện Kinh tế xây dựng (35,0%); 01 đơn vị chưa có cán bộ trong diện quy hoạch: Cục Giám định nhà nước về chất lượng công trình xây dựng.",
    );
    // Like for like: only the Viện reported in both periods.
    expect(all).toContain(
      "So sánh số liệu của 01 đơn vị có báo cáo hợp lệ ở cả hai kỳ sơ kết 6 tháng đầu năm và tổng kết năm 2022:",
    );
    expect(all).toContain(
      "02 đơn vị chỉ có báo cáo tổng kết năm, không đưa vào so sánh: Văn phòng Bộ (142 cán bộ, trong đó 77 nữ); Cục Giám định nhà nước về chất lượng công trình xây dựng (142 cán bộ, trong đó 77 nữ).",
    );
    const table = body.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no comparison table");
    expect(table.rows[0]?.header).toBe(true);
    expect(table.rows[0]?.cells.map((c) => textOf(c.runs))).toEqual([
      "Nội dung",
      "6 tháng đầu năm",
      "Cả năm",
      "Tăng (+), giảm (-)",
    ]);
    const rows = table.rows.map((r) => r.cells.map((c) => textOf(c.runs)));
    expect(rows).toContainEqual(["Cán bộ, công chức, viên chức", "142", "142", "0"]);
    expect(rows).toContainEqual(["Dự toán", "50,0", "50,0", "0,0"]);
    // Without --compare, no comparison.
    expect(headings(model(input({ period: "annual", entries: entriesOf(year) })).body, 2)).not.toContain(
      "8. So sánh với kết quả sơ kết 6 tháng đầu năm",
    );
  });
});

describe("consolidated report: the appendices", () => {
  test("I (landscape, merged headers), II for internal use, III (landscape, with its legend), IV; each with the note", () => {
    const { appendices } = model(input({ number: "15", audience: "internal" }));
    expect(appendices.map((a) => [a.label, a.title, a.landscape])).toEqual([
      ["Phụ lục I", "Số liệu cán bộ nữ của các đơn vị", true],
      ["Phụ lục II", "Tình hình gửi báo cáo của các đơn vị", true],
      ["Phụ lục III", "Tình hình thực hiện nhiệm vụ của các đơn vị", true],
      ["Phụ lục IV", "Kết quả chi tiết của các đơn vị", false],
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

    const submissionBlocks = appendices[1]?.blocks ?? [];
    expect(texts(submissionBlocks)[0]).toBe(
      "Hạn gửi báo cáo: trước ngày 10/6/2022 (tính theo dấu công văn đến); báo cáo đến từ ngày 10/6/2022 là gửi chậm, số ngày chậm tính đến ngày nhận. Chưa có sổ nhận báo cáo: ngày nhận tính theo ngày ghi trong báo cáo của đơn vị.",
    );
    const submissions = submissionBlocks.find((b) => b.kind === "table");
    if (submissions?.kind !== "table") throw new Error("Phụ lục II has no table");
    expect(submissions.rows.slice(1).map((r) => textOf(r.cells[4]?.runs ?? []))).toEqual([
      "chậm 04 ngày",
      "đúng hạn",
      "không hợp lệ",
      "chưa gửi",
    ]);

    const tasks = appendices[2]?.blocks;
    // The legend of the columns comes first, so the table's first page reads on its own.
    const [legend, grid] = tasks ?? [];
    if (grid?.kind !== "table") throw new Error("Phụ lục III has no table");
    expect(legend?.kind === "paragraph" && textOf(legend.runs)).toMatch(
      /^Các cột: 1a\. Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù; 1b\. /,
    );
    expect(grid.rows[0]?.cells.map((c) => textOf(c.runs))).toEqual([
      "STT",
      "Đơn vị",
      ..."1a 1b 1c 1d 1đ 1e 2a 2b 2c 3a 3b 3c 4 5a 5b".split(" "),
    ]);
    expect(grid.rows[1]?.cells).toHaveLength(2 + 15);
    expect(texts(tasks ?? []).at(-1)).toMatch(/^Ký hiệu: x: đã hoàn thành; đang: đang triển khai/);

    const details = texts(appendices[3]?.blocks ?? []);
    expect(headings(appendices[3]?.blocks ?? [], 2)).toEqual(["1. Văn phòng Bộ", "2. Viện Kinh tế xây dựng"]);
    expect(details).toContain(
      "a) Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù (đã hoàn thành): Thực hiện nhiệm vụ: Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù.",
    );
    expect(details).toContain(
      "Ngày 08/3/2022: Tọa đàm kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8/3 (80 người tham gia, trong đó 61 nữ).",
    );
    expect(details.filter((t) => t === "Đề nghị Bộ bố trí kinh phí tập huấn.")).toHaveLength(2);
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
    const unitName = "Viện <i>KT</i> & {{name}}";
    const config = makeConfig([{ code: "VKT", name: unitName }], {
      issuer: { name: `Bộ "Xây" dựng <b>`, abbreviation: "BXD", place: "Hà Nội" },
    });
    const m = model(input({ config, entries: entriesOf([report]), number: "15", audience: "internal" }));
    const all = texts(m.body);
    const nfc = texty.normalize("NFC");
    // The example under the sub-task, and the theme with its unit.
    expect(all).toContain(`${unitName}: ${nfc}.`);
    expect(all).toContain(`${nfc} (${unitName}).`);
    expect(all.join("\n")).toContain("Hà Nội"); // NFD input reads as NFC
    expect(all.join("\n")).not.toContain("Ha\u0300");
    // Phụ lục IV: every point exactly as written.
    const details = texts(m.appendices.find((a) => a.label === "Phụ lục IV")?.blocks ?? []);
    for (const h of hostile)
      expect(
        details.some((t) => t.startsWith(h.normalize("NFC"))),
        h,
      ).toBe(true);
    expect(details).toContain(
      `a) Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù (đã hoàn thành): ${nfc}`,
    );
    expect(details).toContain(`${nfc}.`);
    // Nothing from the unit became structure: the only headings are the template's.
    expect(headings(m.body, 1)).toHaveLength(5);
    expect(headings(m.body, 1)).not.toContain("Z");
    expect(headings(m.appendices.find((a) => a.label === "Phụ lục IV")?.blocks ?? [], 2)).toEqual([
      `1. ${unitName}`,
    ]);
    // and nothing became bold: the only bold runs are the template's.
    const runs = m.body.flatMap((b) =>
      b.kind === "list" ? b.items.flat() : b.kind === "paragraph" ? b.runs : [],
    );
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(["Kết quả nổi bật:"]);
    expect(m.appendices[0]?.note).toBe(
      `(Kèm theo Báo cáo số 15/BC-BXD ngày 20 tháng 6 năm 2022 của Bộ "Xây" dựng <b>)`,
    );
    expect(texts(m.appendices[0]?.blocks ?? [])).toContain(unitName);
  });
});

describe("the report's readers", () => {
  const config = makeConfig(registry, {
    addressee: "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
    recipients: ["Như trên", "Bộ trưởng (để b/c)", "Bộ Lao động - Thương binh và Xã hội", "Lưu: VT, TCCB"],
  });
  test.each([
    [undefined, "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam", config.recipients],
    ["external", "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam", config.recipients],
    // For the ministry's own leaders: no Kính gửi to the national body, no copy to other ministries.
    ["internal", "", ["Bộ trưởng (để b/c)", "Các Thứ trưởng", "Lưu: VT, TCCB"]],
  ] as const)("audience %s: Kính gửi %j, Nơi nhận %j", (audience, addressee, recipients) => {
    const m = model(input({ config, ...(audience ? { audience } : {}) }));
    expect(m.frame.addressee).toBe(addressee);
    expect(m.frame.recipients).toEqual(recipients);
  });

  test("the configuration's own internal recipients, when given", () => {
    const m = model(
      input({
        config: { ...config, internal_recipients: ["Lãnh đạo Bộ (để b/c)", "Lưu: VT"] },
        audience: "internal",
      }),
    );
    expect(m.frame.recipients).toEqual(["Lãnh đạo Bộ (để b/c)", "Lưu: VT"]);
  });
});

describe("a unit's own report", () => {
  test("a staff group the unit does not have reads `không có`, never `00 người`", () => {
    const report = makeUnitReport({
      staff: {
        employees: { total: 12, female: 7 },
        unit_leaders: { total: 1, female: 1 },
        division_leaders: { total: 0, female: 0 },
        succession_pool: { total: 0, female: 0 },
      },
    });
    const body = texts(model({ kind: "unit", catalog, report }).body).join("\n");
    expect(body).toContain("Lãnh đạo cấp phòng và tương đương: không có;");
    expect(body).toContain("Cán bộ trong diện quy hoạch lãnh đạo, quản lý: không có.");
    expect(body).not.toMatch(/\b00 người/);
  });

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
    const all = texts(r.model.body);
    // Its own summary says what it did with its figures: the figures are not said again in other words.
    expect(all).toContain("Đã hoàn thành.");
    expect(all).toContain(
      "Thực hiện nhiệm vụ: Bồi dưỡng kiến thức, kỹ năng cho nữ lãnh đạo, quản lý và nữ trong diện quy hoạch.",
    );
    expect(all.join("\n")).not.toContain("Đã tổ chức 01 lớp bồi dưỡng cho 10 lượt người");
    expect(all).toContain("Đề nghị Bộ bố trí kinh phí tập huấn.");
    expect(all.join("\n")).not.toContain("Văn phòng Bộ");
    expect(all.join("\n")).not.toContain("Các đơn vị đã");
    // Its own text is the body: no appendices.
    expect(r.model.appendices).toEqual([]);
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
      "Số cán bộ trong diện quy hoạch của đơn vị là 30 người, trong đó nữ 13 người (chiếm 43,3%); đã đạt mục tiêu từ 40% trở lên.",
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

  test("a template that loops inside its own loops stops at its output or time limit, with {{log}} silent", () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({ title: `Nhóm ${i}` }));
    const nested = (depth: number, inner: string) =>
      "{{#each @root.groups}}".repeat(depth) + inner + "{{/each}}".repeat(depth);
    const limits = { maxOutput: 1_000_000, maxMillis: 60_000 };
    const large = renderTemplate(
      scratch({ "unit.hbs": nested(6, "{{title}} ") }),
      "unit",
      { groups },
      {
        fallback: null,
        limits,
      },
    );
    expect(large).toMatchObject({
      ok: false,
      problem: "template-too-large",
      params: { max: 1 },
    });

    // Output-free loops are only stopped by the clock.
    const slow = renderTemplate(
      scratch({ "unit.hbs": nested(8, "") }),
      "unit",
      { groups },
      {
        fallback: null,
        limits: { maxOutput: 1_000_000, maxMillis: 50 },
      },
    );
    expect(slow).toMatchObject({ ok: false, problem: "template-too-slow", params: { max: 0.05 } });

    // Within the limits, the same loops give what Handlebars gives, and {{log}} adds nothing.
    const consoles = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    const small = renderTemplate(
      scratch({ "unit.hbs": `{{log "x"}}{{#if groups}}${nested(2, "{{title}};")}{{else}}-{{/if}}` }),
      "unit",
      { groups: groups.slice(0, 2) },
      { fallback: null, limits },
    );
    expect(small).toEqual({ ok: true, markup: "Nhóm 0;Nhóm 1;Nhóm 0;Nhóm 1;" });
    for (const spy of consoles) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  test("a deferred partial: a marker in the markup, its parts checked now and rendered again as read", () => {
    const parts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ context: { items: [`m${i}`, `n${i}`] }, data: [`m${i}`] }));
    const files = {
      "unit.hbs": "<p>{{title}}</p>{{> d}}{{#with inner}}{{> d}}{{/with}}{{> d}}",
      "partials/d.hbs": "{{#each items}}<i>{{this}}</i>{{/each}}",
    };
    const root = { title: "T", items: ["a"], inner: { items: ["w"] } };
    const defer = { name: "d", parts: (ctx: unknown) => (ctx === root ? parts(3) : undefined) };
    const r = renderTemplate(scratch(files), "unit", root, { fallback: null, defer });
    if (!r.ok) throw new Error(r.problem);
    // The first call with the whole view is deferred; a call with another context, and a second call, are not.
    expect(r.markup).toBe("<p>T</p><geq-deferred></geq-deferred><i>w</i><i>a</i>");
    expect(r.deferred?.marker).toBe("<geq-deferred></geq-deferred>");
    expect([...r.deferred!.parts()]).toEqual([
      "<i>m0</i><i>n0</i>",
      "<i>m1</i><i>n1</i>",
      "<i>m2</i><i>n2</i>",
    ]);
    // Without the option, the same template renders in one piece.
    const plain = renderTemplate(scratch(files), "unit", root, { fallback: null });
    expect(plain).toEqual({ ok: true, markup: "<p>T</p><i>a</i><i>w</i><i>a</i>" });
  });

  test("a deferred partial meets its errors and the limits before anything is written", () => {
    const defer = (partsOf: () => { context: unknown; data: unknown }[]) => ({
      name: "d",
      parts: () => partsOf(),
    });
    const unknown = renderTemplate(
      scratch({ "unit.hbs": "{{> d}}", "partials/d.hbs": "{{#each items}}{{nosuch}}{{/each}}" }),
      "unit",
      {},
      { fallback: null, defer: defer(() => [{ context: { items: [1] }, data: [] }]) },
    );
    expect(unknown).toMatchObject({
      ok: false,
      problem: "template-error",
      params: { detail: expect.stringContaining("nosuch") },
    });
    // Output that the part's data does not account for (here, data said to be one character).
    const runaway = renderTemplate(
      scratch({ "unit.hbs": "{{> d}}", "partials/d.hbs": "{{#each items}}{{this}}{{/each}}" }),
      "unit",
      {},
      {
        fallback: null,
        limits: { maxOutput: 100_000, maxMillis: 60_000 },
        defer: defer(() => [{ context: { items: Array<string>(100_000).fill("xyz") }, data: ["x"] }]),
      },
    );
    expect(runaway).toMatchObject({ ok: false, problem: "template-too-large" });
    // Each part's data raises the limit as the view's text does: 200 parts of 1,000 characters pass.
    const text = "x".repeat(1000);
    const large = renderTemplate(
      scratch({ "unit.hbs": "{{> d}}", "partials/d.hbs": "{{#each items}}{{this}}{{/each}}" }),
      "unit",
      {},
      {
        fallback: null,
        limits: { maxOutput: 10_000, maxMillis: 60_000 },
        defer: defer(() => Array.from({ length: 200 }, () => ({ context: { items: [text] }, data: [text] }))),
      },
    );
    expect(large.ok).toBe(true);
    if (large.ok) expect([...large.deferred!.parts()].join("")).toHaveLength(200_000);
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

/** Points units raise in their own words, some with a figure of their own. */
const POINTS = [
  (i: number) => `Kinh phí hoạt động của Ban còn hạn chế (mới bố trí ${i % 50} triệu đồng).`,
  () => "Thành viên Ban đều kiêm nhiệm nên thời gian dành cho công tác còn hạn chế.",
  () => "Số liệu tách biệt theo giới chưa được cập nhật định kỳ.",
  (i: number) => `Tỷ lệ nữ trong diện quy hoạch mới đạt ${20 + (i % 15)},${i % 10}%.`,
  () => "Hình thức tuyên truyền chưa phong phú, chưa khai thác mạng xã hội.",
  () => "Chưa tổ chức được lớp bồi dưỡng nghiệp vụ cho thành viên Ban.",
  (i: number) => `Lãnh đạo Viện chưa dành nhiều thời gian cho công tác bình đẳng giới ở ${i % 7} phòng.`,
];

/** `n` units with their own wording, figures and activities (some joint). */
function manyUnits(n: number): { units: RegistryUnit[]; reports: UnitReport[] } {
  const units: RegistryUnit[] = Array.from({ length: n }, (_, i) => ({
    code: `U${String(i).padStart(4, "0")}`,
    name: `Đơn vị số ${i + 1}`,
    ...(i % 10 === 0 ? { kind: "advisory" as const } : {}),
  }));
  const reports = units.map((u, i) => {
    const r = makeUnitReport({
      unit: u,
      submitted: i % 7 === 0 ? "2022-06-14" : "2022-06-08",
      waivers: [],
      activities: [
        {
          date: `2022-03-0${1 + (i % 9)}`,
          group: "communication",
          title: `Tọa đàm số ${i}`,
          participants: { total: i % 300, female: i % 100 },
        },
        {
          date: "2022-05-20",
          group: "inspection",
          title: "Kiểm tra chéo",
          with: [units[i % 2 ? i - 1 : i + 1]?.code ?? u.code],
        },
      ],
      assessment: {
        strengths: [`Đơn vị số ${i + 1} hoàn thành kế hoạch năm.`],
        limitations: [POINTS[i % POINTS.length]!(i), POINTS[(i + 3) % POINTS.length]!(i)],
        causes: [POINTS[(i + 1) % POINTS.length]!(i)],
      },
    });
    // Each unit's own opening, so that no two count as the same wording.
    for (const g of Object.values(r.tasks))
      for (const t of Object.values(g)) if (t.summary) t.summary = `Đơn vị số ${i + 1}: ${t.summary}`;
    return r;
  });
  return { units, reports };
}

atScale(
  "1,000 units: consolidation, synthesis, view and template well under a second; the body does not grow",
  () => {
    const { units, reports } = manyUnits(1000);
    const entries = entriesOf(
      reports.slice(0, 950),
      units.slice(950, 980).map((u) => u.code),
    );
    const config = makeConfig(units, { proposals: ["Đề nghị Ủy ban Quốc gia tổ chức tập huấn."] });
    // The path build-report takes up to the markup: consolidate, synthesise (as report.ts does), view, template.
    const run = (): { view: ReportView; markup: string } => {
      const c = consolidate({
        catalog,
        registry: units,
        period: "annual",
        year: 2022,
        deadline: "2022-12-10",
        deadlineDay: "late",
        entries,
        compare: reports,
      });
      const view = buildView(c, {
        kind: "consolidated",
        catalog,
        issuer: "Bộ Xây dựng",
        reference: "…/BC-BXD",
        date: "2022-12-20",
        config,
        audience: "internal",
        synthesis: synthesise(c, catalog, units),
      });
      const r = renderTemplate(defaultTemplateDir(), "consolidated", view);
      if (!r.ok) throw new Error(`${r.problem} ${r.params.path}`);
      return { view, markup: r.markup };
    };
    // Warm-up: the first run pays for module loading and JIT. Then the best of three in CPU time, so that
    // other processes on the same cores (test files run in parallel) are not counted as this path's work.
    run();
    let elapsed = Infinity;
    let r = run();
    for (let k = 0; k < 3; k++) {
      const start = process.cpuUsage();
      r = run();
      const used = process.cpuUsage(start);
      elapsed = Math.min(elapsed, (used.user + used.system) / 1000);
    }
    console.log(`1000 units: ${elapsed.toFixed(0)} ms of CPU, ${r.markup.length} chars`);
    expect(r.markup.length).toBeGreaterThan(1_000_000);
    expect(elapsed).toBeLessThan(1000);

    // The synthesis chose: at most three examples per sub-task, five activities per group, MAX_THEMES themes.
    for (const g of r.view.groups) {
      expect(g.activities.length).toBeLessThanOrEqual(5);
      for (const t of g.tasks) expect(t.examples.length).toBeLessThanOrEqual(3);
    }
    for (const list of Object.values(r.view.assessment))
      expect(list.items.length).toBeLessThanOrEqual(MAX_THEMES);
    // Phụ lục IV keeps every unit, and Phụ lục III every row.
    expect(r.view.appendix.details).toHaveLength(950);
    expect(r.view.appendix.tasks?.rows).toHaveLength(950);

    // The body reads the same length for 40 units as for 1,000: only the appendices grow.
    const few = manyUnits(40);
    const body = (c: ConsolidatedReportInput) => {
      const m = buildReportModel(c);
      if (!m.ok) throw new Error(m.problem);
      return texts(m.model.body).join("\n").length;
    };
    const common = { period: "annual", audience: "internal", today: "2022-12-20" } as const;
    const large = body(input({ ...common, config, entries, compare: reports }));
    const small = body(
      input({
        ...common,
        config: makeConfig(few.units),
        entries: entriesOf(few.reports),
        compare: few.reports,
      }),
    );
    expect(large).toBeLessThan(small * 1.25);
  },
);

/** Entries holding each report lean, read again whole on demand (`reading` sees each unit's index first). */
function leanEntries(reports: readonly UnitReport[], reading: (i: number) => void = () => {}) {
  return entriesOf(reports).map((e, i) => {
    if (!e.report) return e;
    const whole = e.report;
    const { report, leftOut } = leanOf(whole, "");
    return {
      ...e,
      report,
      leftOut,
      whole: () => {
        reading(i);
        return whole;
      },
    };
  });
}

describe("the document as written: Phụ lục IV rendered unit by unit", () => {
  test.each([
    ["external", 120],
    ["internal", 51],
    ["external", 1],
  ] as const)("gives the blocks of the model held whole (%s, %i units)", (audience, n) => {
    const { units, reports } = manyUnits(n);
    const common = input({
      config: makeConfig(units),
      period: "annual",
      entries: entriesOf(reports),
      audience,
      today: "2022-12-20",
    });
    const held = buildReportModel(common);
    const written = buildReportDocument(common);
    if (!held.ok || !written.ok) throw new Error("no model");
    // Phụ lục IV is read as it is written, not held.
    const iv = written.model.appendices.find((a) => a.label === "Phụ lục IV");
    expect(Array.isArray(iv?.blocks)).toBe(false);
    const materialised = {
      ...written.model,
      appendices: written.model.appendices.map((a) => ({ ...a, blocks: [...a.blocks] })),
    };
    expect(materialised).toEqual(held.model);
    const headings = [...iv!.blocks].filter((b) => b.kind === "heading").length;
    expect(headings).toBe(n);
    // Held lean, as a build holds them, the summaries read again where they are shown: the same document.
    const lean = buildReportDocument({ ...common, entries: leanEntries(reports) });
    if (!lean.ok) throw new Error("no model");
    expect({
      ...lean.model,
      appendices: lean.model.appendices.map((a) => ({ ...a, blocks: [...a.blocks] })),
    }).toEqual(held.model);
  });

  test("a unit's file changed while the report is built stops it, and never as a template's fault", () => {
    const { units, reports } = manyUnits(120);
    const changed = (at: number) =>
      leanEntries(reports, (i) => {
        if (i === at) throw new InputChangedError(`u${i}.yaml`);
      });
    const common = input({ config: makeConfig(units), period: "annual", today: "2022-12-20" });
    // Found while the details are checked, before anything is written.
    expect(() => buildReportDocument({ ...common, entries: changed(100) })).toThrow(InputChangedError);
    // An example's summary is read first of all.
    expect(() => buildReportModel({ ...common, entries: changed(0) })).toThrow(InputChangedError);
  });

  test.each([
    ["reads the details itself", "{{#each appendix.details}}<h2>{{heading}}</h2>{{/each}}"],
    ["calls the partial with a context of its own", "{{> appendix-details appendix=appendix}}"],
    ["calls the partial twice", "{{> appendix-details}}{{> appendix-details}}"],
  ])("a template that %s gets the same document either way", (_how, inside) => {
    const dir = mkdtempSync(join(tmpdir(), "geq-template-"));
    writeFileSync(
      join(dir, "consolidated.hbs"),
      `<p>{{issuer}}</p>\n<appendix label="Phụ lục IV" title="Chi tiết">\n${inside}\n</appendix>\n`,
    );
    const { units, reports } = manyUnits(60);
    const common = input({ config: makeConfig(units), entries: entriesOf(reports), templateDir: dir });
    const held = buildReportModel(common);
    const written = buildReportDocument(common);
    if (!held.ok || !written.ok) throw new Error("no model");
    const blocks = [...written.model.appendices[0]!.blocks];
    expect(blocks).toEqual(held.model.appendices[0]!.blocks);
    expect(blocks.filter((b) => b.kind === "heading").length).toBeGreaterThanOrEqual(60);
  });
});
