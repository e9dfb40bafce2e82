/**
 * The appendices of a consolidated report: I staff figures per unit, II submissions (internal use),
 * III units × sub-tasks, IV every unit's own text exactly as written — where nothing is lost.
 */
import { wholeReport, type Consolidation, type UnitRef } from "../consolidate/consolidate.js";
import type { Catalog, People, TaskStatus, UnitReport } from "../model.js";
import { formatCount, formatDateText, formatNumber, formatShare } from "./format.js";
import { deadlineWords } from "./general.js";
import { pickedActivity } from "../synthesise/synthesis.js";
import { activityText } from "./results.js";
import { pointLetter, punctuate, statusWords, taskCode } from "./words.js";

export interface StaffCellsView {
  total: string;
  female: string;
  share: string;
}

export interface StaffTableView {
  widths: string;
  columns: { short: string }[];
  rows: { stt: string; unit: string; cells: StaffCellsView[] }[];
  total: { cells: StaffCellsView[] };
}

export interface SubmissionRowView {
  stt: string;
  unit: string;
  date: string;
  reference: string;
  state: string;
  note: string;
}

export interface SubmissionTableView {
  rule: string;
  rows: SubmissionRowView[];
  totals: string;
  /** Files that name no registered unit: never counted as a unit that reported; empty when none. */
  outside: string;
}

export interface TaskTableView {
  widths: string;
  columns: { code: string }[];
  rows: { stt: string; unit: string; marks: { mark: string }[] }[];
  /** Number of units that completed each sub-task. */
  total: { marks: { mark: string }[] };
  /** What each column is, so the table reads on its own. */
  columnsLegend: string;
  legend: string;
}

export interface UnitDetailView {
  heading: string;
  groups: { title: string; tasks: { text: string }[] }[];
  lists: { label: string; items: { text: string }[] }[];
}

/**
 * The STT column of the landscape appendices, in per cent of the text width: "STT" in 12 pt bold and the cell
 * margins take 4.3 %, and a narrower column breaks it into "ST" and "T".
 */
const STT_WIDTH = 5;

/** Marks of Phụ lục III, explained by its legend. */
const STATUS_MARK: Record<TaskStatus, string> = {
  done: "x",
  in_progress: "đang",
  not_started: "chưa",
  not_applicable: "–",
};

function staffCells(p: People): StaffCellsView {
  return {
    total: formatNumber(p.total),
    female: formatNumber(p.female),
    share: formatShare(p.female, p.total),
  };
}

export function staffTable(catalog: Catalog, c: Consolidation): StaffTableView {
  const cellWidth = 6;
  const unitWidth = 100 - STT_WIDTH - cellWidth * 3 * catalog.staff.length;
  return {
    widths: [STT_WIDTH, unitWidth, ...catalog.staff.flatMap(() => Array(3).fill(cellWidth))].join(","),
    columns: catalog.staff.map((s) => ({ short: s.short })),
    rows: c.units.map((u, i) => ({
      stt: String(i + 1),
      unit: u.name,
      cells: catalog.staff.map((s) => staffCells(u.report.staff[s.key] ?? { total: 0, female: 0 })),
    })),
    total: { cells: catalog.staff.map((s) => staffCells(c.figures.staff[s.key])) },
  };
}

export function taskTable(catalog: Catalog, c: Consolidation): TaskTableView {
  const plan = catalog.groups.flatMap((g) =>
    g.tasks.map((t, i) => ({ group: g, task: t, code: taskCode(g, i) })),
  );
  // A mark ("đang", "chưa") needs 5 % of the landscape width.
  const taskWidth = Math.max(3, Math.floor(75 / Math.max(1, plan.length)));
  const unitWidth = Math.max(15, 100 - STT_WIDTH - taskWidth * plan.length);
  return {
    widths: [STT_WIDTH, unitWidth, ...plan.map(() => taskWidth)].join(","),
    columns: plan.map((p) => ({ code: p.code })),
    rows: c.units.map((u, i) => ({
      stt: String(i + 1),
      unit: u.name,
      marks: plan.map((p) => {
        const status = u.report.tasks[p.group.key]?.[p.task.key]?.status;
        return { mark: status ? STATUS_MARK[status] : "" };
      }),
    })),
    total: { marks: c.figures.tasks.map((t) => ({ mark: formatNumber(t.status.done) })) },
    columnsLegend: `Các cột: ${plan.map((p) => `${p.code}. ${p.task.short}`).join("; ")}.`,
    legend:
      `Ký hiệu: ${STATUS_MARK.done}: đã hoàn thành; ${STATUS_MARK.in_progress}: đang triển khai; ` +
      `${STATUS_MARK.not_started}: chưa triển khai; ${STATUS_MARK.not_applicable}: không phát sinh, không áp dụng. ` +
      "Dòng cuối là số đơn vị đã hoàn thành từng nhiệm vụ.",
  };
}

/** Phụ lục II: one row per registered unit, the rule of the deadline, and the warnings units explained. */
export function submissionTable(c: Consolidation): SubmissionTableView {
  const day = c.deadlineDay;
  const waived = new Map(c.waivers.map((w) => [w.code, w.waivers]));
  const sources = new Set(c.submissions.flatMap((s) => ("by" in s ? [s.by] : [])));
  const mixed = sources.size > 1;
  const rows = c.submissions.map((s, i) => {
    const notes = (waived.get(s.code) ?? []).map((w) => `Đã giải trình: ${w.reason}`);
    const row: SubmissionRowView = {
      stt: String(i + 1),
      unit: s.name,
      date: "",
      reference: "",
      state: "",
      note: "",
    };
    switch (s.state) {
      case "on-time":
      case "late":
        row.date = formatDateText(s.arrived);
        // The letter counts by the incoming stamp; a date the unit wrote itself is said to be one
        // (row by row when only some files have a receipt; in the rule's sentence otherwise).
        if (s.by === "submitted" && mixed)
          notes.unshift("Ngày ghi trong báo cáo của đơn vị (chưa vào sổ nhận)");
        else if (s.incoming !== undefined) notes.unshift(`Số đến: ${s.incoming}`);
        row.reference = s.reference ?? "";
        row.state = s.state === "late" ? `chậm ${formatCount(s.days)} ngày` : "đúng hạn";
        break;
      case "invalid":
        row.state = "không hợp lệ";
        notes.unshift(`Báo cáo có ${formatNumber(s.errors)} lỗi, chưa được đưa vào tổng hợp`);
        break;
      case "missing":
        row.state = "chưa gửi";
        break;
    }
    row.note = notes.join("; ");
    return row;
  });
  const n = c.counts;
  const parts = [`${formatCount(n.mustReport)} đơn vị phải báo cáo`];
  if (n.onTime > 0) parts.push(`${formatCount(n.onTime)} đơn vị gửi đúng hạn`);
  if (n.late > 0) parts.push(`${formatCount(n.late)} đơn vị gửi chậm`);
  parts.push(n.missing > 0 ? `${formatCount(n.missing)} đơn vị chưa gửi` : "không có đơn vị nào chưa gửi");
  if (n.rejected > 0) parts.push(`${formatCount(n.rejected)} đơn vị gửi báo cáo không hợp lệ`);
  const late =
    day === "late" ? `từ ngày ${formatDateText(c.deadline)}` : `sau ngày ${formatDateText(c.deadline)}`;
  const outside = c.outside.map((f) =>
    f.reason === "unregistered"
      ? `${f.file} (mã ${f.code ?? ""}${f.name ? `, ${f.name}` : ""} không có trong danh sách đơn vị phải báo cáo)`
      : `${f.file} (không xác định được đơn vị)`,
  );
  return {
    outside:
      outside.length === 0
        ? ""
        : `Ngoài ra, có ${formatCount(outside.length)} tệp không được tính là báo cáo của đơn vị nào: ${outside.join("; ")}.`,
    rule:
      `Hạn gửi báo cáo: ${deadlineWords(c.deadline, day)} (tính theo dấu công văn đến); ` +
      `báo cáo đến ${late} là gửi chậm, số ngày chậm tính đến ngày nhận.` +
      (mixed
        ? " Ngày nhận theo sổ nhận báo cáo; đơn vị chưa vào sổ tính theo ngày ghi trong báo cáo."
        : sources.has("receipt")
          ? " Ngày nhận theo sổ nhận báo cáo."
          : sources.has("submitted")
            ? " Chưa có sổ nhận báo cáo: ngày nhận tính theo ngày ghi trong báo cáo của đơn vị."
            : ""),
    rows,
    totals: `Tổng cộng: ${parts.join("; ")}.`,
  };
}

/**
 * A unit as Phụ lục IV reads it: its name, and its whole report when asked. Holding these rather than the
 * consolidation lets the reports it held go once the rest of the report is built.
 */
export interface DetailUnit extends UnitRef {
  whole: () => UnitReport;
}

export function detailUnits(c: Consolidation): DetailUnit[] {
  return c.units.map((u) => {
    const { code, name } = u;
    if (u.whole) return { code, name, whole: u.whole };
    const report = wholeReport(u);
    return { code, name, whole: () => report };
  });
}

/** Phụ lục IV: each unit's summaries, activities, assessment, next steps (and, internally, requests), as written. */
export function unitDetails(
  catalog: Catalog,
  units: readonly DetailUnit[],
  internal: boolean,
  names: ReadonlyMap<string, string>,
  from = 0,
  to = units.length,
): UnitDetailView[] {
  return units.slice(from, to).map((u, k) => {
    const i = from + k;
    const r = u.whole();
    const groups = catalog.groups.map((g) => ({
      title: `${g.number}. ${g.short}`,
      tasks: g.tasks.flatMap((t, k) => {
        const tr = r.tasks[g.key]?.[t.key];
        if (!tr) return [];
        const extras = t.indicators.flatMap((def) => {
          const v = tr[def.key];
          return def.type === "text" && typeof v === "string" && v !== "" ? [`${def.label}: ${v}`] : [];
        });
        const text = [tr.summary, ...extras].filter((x): x is string => !!x).join(" ");
        const code = g.tasks.length === 1 ? "" : `${pointLetter(k)}) `;
        return [{ text: `${code}${t.short} (${statusWords(tr.status, t)})${text ? `: ${text}` : "."}` }];
      }),
    }));
    const activities = (r.activities ?? []).map((a) => activityText(pickedActivity(u, a, names), false));
    const list = (label: string, items: readonly string[] | undefined) =>
      items && items.length > 0 ? [{ label, items: punctuate(items).map((text) => ({ text })) }] : [];
    return {
      heading: `${i + 1}. ${u.name}`,
      groups,
      lists: [
        ...list("Hoạt động", activities),
        ...list("Ưu điểm", r.assessment?.strengths),
        ...list("Hạn chế", r.assessment?.limitations),
        ...list("Nguyên nhân", r.assessment?.causes),
        ...list("Phương hướng, nhiệm vụ", r.next_steps),
        ...(internal ? list("Kiến nghị, đề xuất", r.recommendations) : []),
      ],
    };
  });
}
