/**
 * The annual report's comparison with the semi-annual figures (`--compare`): like with like, over the
 * units present in both periods; units present in only one are named, with their figures, under the table.
 */
import type { Comparison, Figures, UnitRef } from "../consolidate/consolidate.js";
import type { Catalog } from "../model.js";
import {
  formatCount,
  formatMillions,
  formatNumber,
  formatShare,
  formatShareChange,
  formatSignedNumber,
} from "./format.js";
import { NAME_LIMIT, sentence, taskCode, units } from "./words.js";

export interface ComparisonRowView {
  /** A heading row (bold) spanning the table; else a figure row. */
  heading: boolean;
  label: string;
  before: string;
  after: string;
  change: string;
}

export interface ComparisonView {
  number: string;
  intro: string;
  rows: ComparisonRowView[];
  /** Units present in only one period, with their figures; empty when the two sets are the same. */
  notes: string[];
}

function rowsOf(catalog: Catalog, before: Figures, after: Figures): ComparisonRowView[] {
  const rows: ComparisonRowView[] = [];
  const blank = { before: "", after: "", change: "" };
  const heading = (label: string) => rows.push({ heading: true, label, ...blank });
  const figure = (label: string, b: number, a: number, format = formatNumber) =>
    rows.push({
      heading: false,
      label,
      before: format(b),
      after: format(a),
      change: format === formatNumber ? formatSignedNumber(a - b) : signed(format(a - b), a - b),
    });

  heading("Cán bộ nữ");
  for (const s of catalog.staff) {
    const b = before.staff[s.key];
    const a = after.staff[s.key];
    figure(s.short, b.total, a.total);
    figure("Trong đó nữ", b.female, a.female);
    rows.push({
      heading: false,
      label: "Tỷ lệ nữ (%)",
      before: formatShare(b.female, b.total),
      after: formatShare(a.female, a.total),
      change: formatShareChange(b.female, b.total, a.female, a.total),
    });
  }
  heading("Số đơn vị đã hoàn thành nhiệm vụ");
  let ti = 0;
  for (const g of catalog.groups) {
    g.tasks.forEach((t, i) => {
      const tb = before.tasks[ti];
      const ta = after.tasks[ti];
      ti++;
      if (!tb || !ta) return;
      const code = taskCode(g, i);
      figure(`${code}. ${t.short}`, tb.status.done, ta.status.done);
    });
  }
  heading("Kinh phí (triệu đồng)");
  figure("Dự toán", before.budget.planned, after.budget.planned, formatMillions);
  figure("Đã sử dụng", before.budget.spent, after.budget.spent, formatMillions);
  return rows;
}

/** A rounded change with its sign; one that rounds to zero has none, as a rounded fall has no `-` (`formatMillions`). */
function signed(text: string, n: number): string {
  return n > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** `Viện Kiến trúc quốc gia (cán bộ: 120, nữ 64)` */
function withFigures(u: UnitRef & { figures: Figures }): string {
  const e = u.figures.staff.employees;
  return `${u.name} (${formatCount(e.total)} cán bộ, trong đó ${formatCount(e.female)} nữ)`;
}

function onlyOne(list: readonly (UnitRef & { figures: Figures })[], which: string): string {
  const named = list.length <= NAME_LIMIT ? `: ${list.map(withFigures).join("; ")}` : "";
  return sentence(`${units(list.length)} chỉ có báo cáo ${which}, không đưa vào so sánh${named}`);
}

export function comparisonView(
  catalog: Catalog,
  cmp: Comparison,
  year: number,
  number: number,
): ComparisonView {
  const same = cmp.after.units;
  const notes: string[] = [];
  if (cmp.onlyBefore.length > 0) notes.push(onlyOne(cmp.onlyBefore, "sơ kết 6 tháng"));
  if (cmp.onlyAfter.length > 0) notes.push(onlyOne(cmp.onlyAfter, "tổng kết năm"));
  return {
    number: String(number),
    intro:
      same === 0
        ? `Không có đơn vị nào có báo cáo hợp lệ ở cả hai kỳ sơ kết 6 tháng đầu năm và tổng kết năm ${year} để so sánh.`
        : `So sánh số liệu của ${units(same)} có báo cáo hợp lệ ở cả hai kỳ sơ kết 6 tháng đầu năm và tổng kết năm ${year}:`,
    rows: same === 0 ? [] : rowsOf(catalog, cmp.before, cmp.after),
    notes,
  };
}
