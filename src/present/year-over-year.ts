/**
 * The annual report's comparison with last year (`--previous`): the four staff shares of the whole
 * ministry and of each unit, the units that reached the succession-pool target or fell below it, the
 * indicators both years' catalogues share, and what cannot be compared, said in one sentence.
 */
import type { IndicatorTotal } from "../consolidate/consolidate.js";
import type { UnitStaff, UnitYears, YearOverYear } from "../consolidate/year-over-year.js";
import type { Catalog, People, StaffKey } from "../model.js";
import {
  formatCount,
  formatMillions,
  formatNumber,
  formatPercent,
  formatRatioPercent,
  formatShare,
  formatShareChange,
  formatSignedNumber,
} from "./format.js";
import type { ComparisonRowView } from "./comparison.js";
import { joinNames, NAME_LIMIT, quoted, sentence, taskCode, units } from "./words.js";

export interface YearOverYearView {
  number: string;
  previousYear: string;
  year: string;
  intro: string;
  /** The whole ministry's shares, then the compared indicators; empty when no unit reported both years. */
  rows: ComparisonRowView[];
  /** The target, what cannot be compared, units in one year only. */
  notes: string[];
  /** Phụ lục V: each unit's four shares in both years. */
  table: YearOverYearTableView | null;
}

export interface YearOverYearTableView {
  widths: string;
  columns: { short: string }[];
  rows: { stt: string; unit: string; cells: { before: string; after: string; change: string }[] }[];
  total: { cells: { before: string; after: string; change: string }[] };
}

const shareCells = (catalog: Catalog, before: Record<StaffKey, People>, after: Record<StaffKey, People>) =>
  catalog.staff.map((s) => ({
    before: formatShare(before[s.key].female, before[s.key].total),
    after: formatShare(after[s.key].female, after[s.key].total),
    change: formatShareChange(
      before[s.key].female,
      before[s.key].total,
      after[s.key].female,
      after[s.key].total,
    ),
  }));

function figureRows(label: string, before: IndicatorTotal, after: IndicatorTotal): ComparisonRowView[] {
  const row = (l: string, b: number, a: number, money = false): ComparisonRowView => ({
    heading: false,
    label: l,
    before: money ? formatMillions(b) : formatNumber(b),
    after: money ? formatMillions(a) : formatNumber(a),
    change: money
      ? a - b > 0
        ? `+${formatMillions(a - b)}`
        : formatMillions(a - b)
      : formatSignedNumber(a - b),
  });
  // People in the body: the total; the share of women is what the staff rows above compare.
  if (before.type === "people" && after.type === "people") return [row(label, before.total, after.total)];
  if (before.type === "flag" && after.type === "flag")
    return [row(`${label} (số đơn vị)`, before.units, after.units)];
  if (
    (before.type === "count" || before.type === "money") &&
    (after.type === "count" || after.type === "money")
  )
    return [
      row(
        before.type === "money" ? `${label} (triệu đồng)` : label,
        before.value,
        after.value,
        before.type === "money",
      ),
    ];
  return [];
}

/** `Cục A (33,3% → 42,1%)` */
function poolChange(u: UnitYears): string {
  const b = u.before.succession_pool;
  const a = u.after.succession_pool;
  return `${u.name} (${formatPercent(b.female, b.total)} → ${formatPercent(a.female, a.total)})`;
}

function named(list: readonly UnitYears[]): string {
  return list.length <= NAME_LIMIT ? `: ${joinNames(list.map(poolChange))}` : "";
}

/** `Báo Xây dựng (81 cán bộ, trong đó 40 nữ; quy hoạch 14 người, nữ 06, chiếm 42,9%)` */
function withStaff(u: UnitStaff): string {
  const e = u.staff.employees;
  const p = u.staff.succession_pool;
  return `${u.name} (${formatCount(e.total)} cán bộ, trong đó ${formatCount(e.female)} nữ; quy hoạch ${formatCount(p.total)} người, nữ ${formatCount(p.female)}, chiếm ${formatPercent(p.female, p.total)})`;
}

function onlyOne(list: readonly UnitStaff[], year: number): string {
  const names = list.length <= NAME_LIMIT ? `: ${list.map(withStaff).join("; ")}` : "";
  return sentence(`${units(list.length)} chỉ có báo cáo tổng kết năm ${year}, không đưa vào so sánh${names}`);
}

/** What one year's catalogue has and the other's has not, named in the letter's short wording. */
function notComparable(y: YearOverYear, catalog: Catalog, previous: Catalog): string | undefined {
  const short = (c: Catalog, group: string, task: string) =>
    c.groups.find((g) => g.key === group)?.tasks.find((t) => t.key === task);
  const label = (c: Catalog, group: string, task: string, key: string) =>
    short(c, group, task)?.indicators.find((i) => i.key === key)?.label ?? key;
  const parts: string[] = [];
  const tasks = (side: "before" | "after") =>
    y.unmatched
      .filter((u) => u.side === side && !u.indicator)
      .map((u) => quoted(short(side === "after" ? catalog : previous, u.group, u.task)?.short ?? u.task));
  const added = tasks("after");
  const dropped = tasks("before");
  if (added.length) parts.push(`nhiệm vụ mới trong hướng dẫn năm ${y.year}: ${joinNames(added)}`);
  if (dropped.length) parts.push(`nhiệm vụ không còn trong hướng dẫn năm ${y.year}: ${joinNames(dropped)}`);
  const indicators = y.unmatched.filter((u) => u.indicator);
  if (indicators.length)
    parts.push(
      `chỉ tiêu chỉ có ở một năm hoặc đổi cách tính: ${joinNames(
        indicators.map((u) => {
          const c = u.side === "before" ? previous : catalog;
          return `${quoted(label(c, u.group, u.task, u.indicator!))} của nhiệm vụ ${quoted(short(c, u.group, u.task)?.short ?? u.task)}`;
        }),
      )}`,
    );
  return parts.length ? sentence(`Không so sánh được ${parts.join("; ")}`) : undefined;
}

export function yearOverYearView(
  catalog: Catalog,
  previous: Catalog,
  y: YearOverYear,
  number: number,
): YearOverYearView {
  const same = y.units.length;
  const goal = formatRatioPercent(y.threshold);
  const notes: string[] = [];
  const rows: ComparisonRowView[] = [];
  if (same > 0) {
    rows.push({ heading: true, label: "Tỷ lệ nữ (%)", before: "", after: "", change: "" });
    for (const s of catalog.staff) {
      const b = y.before.staff[s.key];
      const a = y.after.staff[s.key];
      rows.push({
        heading: false,
        label: s.short,
        before: formatShare(b.female, b.total),
        after: formatShare(a.female, a.total),
        change: formatShareChange(b.female, b.total, a.female, a.total),
      });
    }
    if (y.indicators.length)
      rows.push({ heading: true, label: "Chỉ tiêu của các nhiệm vụ", before: "", after: "", change: "" });
    for (const m of y.indicators) {
      const g = catalog.groups.find((x) => x.key === m.group)!;
      const index = g.tasks.findIndex((t) => t.key === m.task);
      const label = g.tasks[index]!.indicators.find((i) => i.key === m.key)?.label ?? m.key;
      rows.push(...figureRows(`${taskCode(g, index)}. ${label}`, m.before, m.after));
    }
    const parts = [
      y.reached.length
        ? `${units(y.reached.length)} đạt tỷ lệ nữ trong diện quy hoạch từ ${goal} trở lên mà năm ${y.previousYear} chưa đạt${named(y.reached)}`
        : `Không có đơn vị nào mới đạt tỷ lệ nữ trong diện quy hoạch từ ${goal} trở lên so với năm ${y.previousYear}`,
      y.fell.length
        ? `${units(y.fell.length)} không còn đạt mục tiêu này${named(y.fell)}`
        : "không có đơn vị nào không còn đạt mục tiêu này",
    ];
    notes.push(sentence(`Năm ${y.year}, ${parts.join("; ")}`));
  }
  const gaps = notComparable(y, catalog, previous);
  if (gaps) notes.push(gaps);
  if (y.onlyBefore.length) notes.push(onlyOne(y.onlyBefore, y.previousYear));
  if (y.onlyAfter.length) notes.push(onlyOne(y.onlyAfter, y.year));
  return {
    number: String(number),
    previousYear: String(y.previousYear),
    year: String(y.year),
    intro:
      same === 0
        ? `Không có đơn vị nào có báo cáo tổng kết năm hợp lệ ở cả hai năm ${y.previousYear} và ${y.year} để so sánh.`
        : `So sánh số liệu năm ${y.year} với năm ${y.previousYear} của ${units(same)} có báo cáo tổng kết năm hợp lệ ở cả hai năm (số liệu từng đơn vị tại Phụ lục V); các chỉ tiêu chỉ so sánh khi cả hai năm có cùng nhiệm vụ và cùng chỉ tiêu:`,
    rows,
    notes,
    table: same === 0 ? null : yearOverYearTable(catalog, y),
  };
}

function yearOverYearTable(catalog: Catalog, y: YearOverYear): YearOverYearTableView {
  const cell = 6;
  const unitWidth = 100 - 5 - cell * 3 * catalog.staff.length;
  return {
    widths: [5, unitWidth, ...catalog.staff.flatMap(() => [cell, cell, cell])].join(","),
    columns: catalog.staff.map((s) => ({ short: s.short })),
    rows: y.units.map((u, i) => ({
      stt: String(i + 1),
      unit: u.name,
      cells: shareCells(catalog, u.before, u.after),
    })),
    total: { cells: shareCells(catalog, y.before.staff, y.after.staff) },
  };
}
