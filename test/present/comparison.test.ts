import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { Comparison } from "../../src/consolidate/consolidate.js";
import type { UnitReport } from "../../src/model.js";
import { comparisonView } from "../../src/present/comparison.js";
import { makeUnitReport, testCatalog } from "../helpers/unit-report.js";

const catalog = testCatalog();

function unit(
  code: string,
  name: string,
  period: "semi-annual" | "annual",
  employees: number,
  budget: [number, number],
): UnitReport {
  const r = makeUnitReport({
    unit: { code, name },
    period,
    submitted: period === "annual" ? "2022-12-05" : "2022-06-08",
    budget: { planned_vnd: budget[0], spent_vnd: budget[1] },
  });
  r.staff.employees = { total: employees, female: Math.floor(employees / 2) };
  return r;
}

function comparison(semi: UnitReport[], annual: UnitReport[]): Comparison {
  const c = consolidate({
    catalog,
    registry: annual.map((r) => r.unit),
    period: "annual",
    year: 2022,
    deadline: "2022-12-10",
    entries: annual.map((r) => ({ code: r.unit.code, name: r.unit.name, file: "", report: r, errors: 0 })),
    compare: semi,
  });
  if (!c.compare) throw new Error("no comparison");
  return c.compare;
}

const row = (rows: { label: string }[], label: string, nth = 0) => rows.filter((r) => r.label === label)[nth];

describe("comparisonView: like for like", () => {
  const semi = [
    unit("VP", "Văn phòng Bộ", "semi-annual", 100, [10_000_000, 1_000_000]),
    unit("VKT", "Viện Kinh tế xây dựng", "semi-annual", 140, [50_000_000, 21_500_000]),
    unit("VQH", "Viện Quy hoạch", "semi-annual", 120, [30_000_000, 0]),
  ];
  const annual = [
    unit("VP", "Văn phòng Bộ", "annual", 104, [10_000_000, 9_000_000]),
    unit("VKT", "Viện Kinh tế xây dựng", "annual", 142, [50_000_000, 41_550_000]),
    unit("CGD", "Cục Giám định", "annual", 60, [20_000_000, 20_000_000]),
  ];
  const v = comparisonView(catalog, comparison(semi, annual), 2022, 8);

  test("the change is over the units present in both periods", () => {
    expect(v.number).toBe("8");
    expect(v.intro).toBe(
      "So sánh số liệu của 02 đơn vị có báo cáo hợp lệ ở cả hai kỳ sơ kết 6 tháng đầu năm và tổng kết năm 2022:",
    );
    // VP and VKT only: 100 + 140 → 104 + 142.
    expect(row(v.rows, "Cán bộ, công chức, viên chức")).toEqual({
      heading: false,
      label: "Cán bộ, công chức, viên chức",
      before: "240",
      after: "246",
      change: "+6",
    });
    expect(row(v.rows, "Tỷ lệ nữ (%)")).toMatchObject({ before: "50,0", after: "50,0", change: "0,0" });
    expect(v.rows.filter((r) => r.heading).map((r) => r.label)).toEqual([
      "Cán bộ nữ",
      "Số đơn vị đã hoàn thành nhiệm vụ",
      "Kinh phí (triệu đồng)",
    ]);
    expect(row(v.rows, "1a. Triển khai chủ trương, chính sách, pháp luật; chính sách đặc thù")).toMatchObject(
      {
        before: "2",
        after: "2",
        change: "0",
      },
    );
    // The last sub-task has its row too: both units did it in both periods.
    expect(row(v.rows, "4. Xây dựng kế hoạch và tổ chức kiểm tra; kiểm tra chéo")).toMatchObject({
      before: "2",
      after: "2",
      change: "0",
    });
  });

  test("money in millions with one decimal: it never breaks inside a number", () => {
    expect(row(v.rows, "Dự toán")).toMatchObject({ before: "60,0", after: "60,0", change: "0,0" });
    // 22,5 → 50,55 million: +28,05, rounded half up.
    expect(row(v.rows, "Đã sử dụng")).toMatchObject({ before: "22,5", after: "50,6", change: "+28,1" });
  });

  test("units in only one period are named with their figures under the table", () => {
    expect(v.notes).toEqual([
      "01 đơn vị chỉ có báo cáo sơ kết 6 tháng, không đưa vào so sánh: Viện Quy hoạch (120 cán bộ, trong đó 60 nữ).",
      "01 đơn vị chỉ có báo cáo tổng kết năm, không đưa vào so sánh: Cục Giám định (60 cán bộ, trong đó 30 nữ).",
    ]);
  });

  test("the same units in both periods: no note", () => {
    expect(comparisonView(catalog, comparison(semi.slice(0, 2), annual.slice(0, 2)), 2022, 8).notes).toEqual(
      [],
    );
  });

  test("no units in common: said, no table, every unit named", () => {
    const none = comparisonView(catalog, comparison(semi.slice(2), annual.slice(2)), 2022, 8);
    expect(none.intro).toBe(
      "Không có đơn vị nào có báo cáo hợp lệ ở cả hai kỳ sơ kết 6 tháng đầu năm và tổng kết năm 2022 để so sánh.",
    );
    expect(none.rows).toEqual([]);
    expect(none.notes).toHaveLength(2);
    expect(none.notes.join(" ")).toContain("Viện Quy hoạch (120 cán bộ, trong đó 60 nữ)");
    expect(none.notes.join(" ")).toContain("Cục Giám định (60 cán bộ, trong đó 30 nữ)");
  });

  test("more than ten units in one period only are counted, not named", () => {
    const extra = Array.from({ length: 11 }, (_, i) =>
      unit(`S${i}`, `Đơn vị ${i}`, "semi-annual", 10, [0, 0]),
    );
    const many = comparisonView(
      catalog,
      comparison([...semi.slice(0, 2), ...extra], annual.slice(0, 2)),
      2022,
      8,
    );
    expect(many.notes).toEqual(["11 đơn vị chỉ có báo cáo sơ kết 6 tháng, không đưa vào so sánh."]);
  });

  test("a change of money that rounds to zero carries no sign, up or down", () => {
    const up = comparisonView(
      catalog,
      comparison(
        [unit("VP", "Văn phòng Bộ", "semi-annual", 10, [10_000_000, 1_000_000])],
        [unit("VP", "Văn phòng Bộ", "annual", 10, [10_040_000, 960_000])],
      ),
      2022,
      8,
    );
    expect(row(up.rows, "Dự toán")).toMatchObject({ before: "10,0", after: "10,0", change: "0,0" });
    expect(row(up.rows, "Đã sử dụng")).toMatchObject({ before: "1,0", after: "1,0", change: "0,0" });
  });
});
