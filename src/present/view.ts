/**
 * The view model handed to the Handlebars templates: every figure and date already formatted in
 * Vietnamese, every label taken from the catalogue. Templates only choose wording and structure.
 *
 * Unit text (summaries, assessments, names) is passed through as plain strings: the template's
 * `{{ }}` escapes it once, and the markup parser turns it back into the same text.
 */
import type {
  Catalog,
  GroupDef,
  Indicator,
  People,
  PeriodKey,
  TaskDef,
  TaskStatus,
  Waiver,
} from "../model.js";
import type { Consolidation, Figures, IndicatorTotal, TaskTotals } from "../consolidate/consolidate.js";
import {
  formatCount,
  formatDateLong,
  formatDateShort,
  formatNumber,
  formatPercent,
  formatRatioPercent,
  formatShare,
  formatShareChange,
  formatSignedNumber,
} from "./format.js";

export type ReportKind = "consolidated" | "unit";

export interface ViewOptions {
  kind: ReportKind;
  catalog: Catalog;
  /** The issuing body as named in running text: `Bộ Xây dựng`, or the unit's name. */
  issuer: string;
  /** Number and symbol of this report (`15/BC-BXD`), or the symbol alone (`/BC-BXD`) while unnumbered. */
  reference: string;
  /** ISO date of this report. */
  date: string;
}

/** A unit's text with the unit it comes from. */
export interface ItemView {
  unit: string;
  text: string;
}

export interface SummaryView extends ItemView {
  /** Free-text indicators of the sub-task (`Quyết định kiện toàn Ban: …`), joined; empty for none. */
  extra: string;
}

export interface TaskView {
  /** Vietnamese point letter: a, b, c, d, đ, e, … */
  letter: string;
  short: string;
  /** The guidance letter's own wording. */
  text: string;
  /** `12/15 đơn vị đã hoàn thành, 02 đơn vị đang triển khai.` or, for a unit, `Đã hoàn thành.` */
  status: string;
  /** The indicators in words: `Tổ chức 08 lớp bồi dưỡng cho 214 lượt người, trong đó 160 nữ.`; empty for none. */
  figures: string;
  summaries: SummaryView[];
}

export interface ActivityView {
  date: string;
  unit: string;
  title: string;
  /** `80 người tham gia, trong đó 61 nữ`; empty when not given. */
  participants: string;
}

export interface GroupView {
  number: string;
  title: string;
  short: string;
  tasks: TaskView[];
  activities: ActivityView[];
}

export interface StaffLineView {
  label: string;
  short: string;
  total: string;
  female: string;
  /** `54,2%`; empty when the total is 0. */
  share: string;
}

export interface StaffCellsView {
  total: string;
  female: string;
  share: string;
}

export interface StaffTableView {
  widths: string;
  columns: { short: string }[];
  rows: { stt: string; unit: string; cells: StaffCellsView[] }[];
  /** Null in a unit's own report, where the one row is the total. */
  total: { cells: StaffCellsView[] } | null;
}

export interface SubmissionRowView {
  stt: string;
  unit: string;
  date: string;
  reference: string;
  state: string;
  note: string;
}

export interface TaskTableView {
  widths: string;
  groups: { label: string; span: string }[];
  letters: { letter: string }[];
  rows: { stt: string; unit: string; marks: { mark: string }[] }[];
  /** Number of units that completed each sub-task. */
  total: { marks: { mark: string }[] };
  legend: string;
}

export interface SubmissionSummaryView {
  mustReport: string;
  received: string;
  valid: string;
  onTime: string;
  late: string;
  missing: string;
  rejected: string;
  lateUnits: { unit: string; days: string }[];
  missingUnits: { unit: string }[];
  rejectedUnits: { unit: string }[];
}

export interface BudgetView {
  number: string;
  source: string;
  planned: string;
  spent: string;
  /** Spent as a share of planned, `43,0%`; empty when nothing was planned. */
  share: string;
}

export interface TargetView {
  number: string;
  source: string;
  by: string;
  threshold: string;
  total: string;
  female: string;
  share: string;
  units: string;
  reached: string;
  notReachedCount: string;
  noPoolCount: string;
  notReached: { unit: string; share: string }[];
  noPool: { unit: string }[];
  /** For a unit's own report. */
  unitReached: boolean;
  unitNoPool: boolean;
}

export interface ComparisonRowView {
  /** A group heading row (bold) or a sub-task row (italic) spanning the table; else a figure row. */
  heading: boolean;
  subheading: boolean;
  label: string;
  before: string;
  after: string;
  change: string;
}

export interface ComparisonView {
  number: string;
  beforeUnits: string;
  rows: ComparisonRowView[];
}

export interface ReportView {
  kind: ReportKind;
  consolidated: boolean;
  annual: boolean;
  semiAnnual: boolean;
  year: string;
  issuer: string;
  /** The unit name in a unit's own report; empty in a consolidated one. */
  unitName: string;
  period: {
    key: PeriodKey;
    label: string;
    title: string;
    /** `6 tháng đầu năm 2022` / `năm 2022` */
    phrase: string;
    /** The period that the next steps are for: `6 tháng cuối năm 2022` / `năm 2023`. */
    next: string;
    nextUpper: string;
  };
  deadline: string;
  letter: { date: string; subject: string; issuer: string };
  submission: SubmissionSummaryView;
  staff: StaffLineView[];
  groups: GroupView[];
  budget: BudgetView;
  target: TargetView | null;
  comparison: ComparisonView | null;
  assessment: { strengths: ItemView[]; limitations: ItemView[]; causes: ItemView[] };
  nextSteps: ItemView[];
  recommendations: ItemView[];
  appendix: {
    note: string;
    staff: StaffTableView;
    submissions: SubmissionRowView[];
    tasks: TaskTableView;
  };
}

/** The Vietnamese alphabet's letters used for points (điểm): no f, j, w, z; đ after d. */
const POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");

export function pointLetter(index: number): string {
  const base = POINT_LETTERS.length;
  // Beyond y, double the letter (aa, bb, …) rather than run out: no letter has more than 23 points.
  const letter = POINT_LETTERS[index % base] ?? "a";
  return letter.repeat(Math.floor(index / base) + 1);
}

const STATUS_UNIT: Record<TaskStatus, string> = {
  done: "đã hoàn thành",
  in_progress: "đang triển khai",
  not_started: "chưa triển khai",
  not_applicable: "không phát sinh",
};

/** Marks of Phụ lục III, explained by its legend. */
const STATUS_MARK: Record<TaskStatus, string> = {
  done: "x",
  in_progress: "đang",
  not_started: "chưa",
  not_applicable: "–",
};

const STATUS_ORDER: readonly TaskStatus[] = ["done", "in_progress", "not_started", "not_applicable"];

function upperFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/** `80 người tham gia, trong đó 61 nữ` */
function participantsText(p: People): string {
  const female = p.female > 0 ? `, trong đó ${formatCount(p.female)} nữ` : "";
  return `${formatCount(p.total)} người tham gia${female}`;
}

/** Phrases that continue the previous one rather than start a clause (`tổ chức 08 lớp` `cho 214 lượt người`). */
const CONTINUATION = /^(cho|với)\s/;

/**
 * The sub-task's indicators in words, from the catalogue phrases: zero figures are left out, a
 * continuing phrase (`cho …`, `với …`) joins the previous one with a space unless that one ended
 * in `trong đó … nữ`, and a sentence never starts with a continuation (the label is used instead).
 */
export function indicatorSentence(
  indicators: readonly Indicator[],
  totals: readonly IndicatorTotal[],
  kind: ReportKind,
): string {
  let sentence = "";
  let previousPeople = false;
  indicators.forEach((def, i) => {
    const t = totals[i];
    if (!t) return;
    let figure: string;
    let text: string | null = null;
    // `trong đó … nữ` follows the whole phrase: `hỗ trợ 40 người, trong đó 25 nữ`.
    let female = "";
    switch (t.type) {
      case "count":
        if (t.value === 0) return;
        figure = formatCount(t.value);
        break;
      case "money":
        if (t.value === 0) return;
        figure = formatNumber(t.value);
        break;
      case "people":
        if (t.total === 0) return;
        figure = formatCount(t.total);
        if (t.female > 0) female = `, trong đó ${formatCount(t.female)} nữ`;
        break;
      case "flag":
        if (t.units === 0) return;
        figure = formatCount(t.units);
        // A unit's own report says that it did, not that "01 unit" did.
        if (kind === "unit") text = lowerFirst(def.label);
        break;
      case "text":
        return;
    }
    if (text === null) {
      text = def.phrase.includes("{n}")
        ? def.phrase.split("{n}").join(figure)
        : `${lowerFirst(def.label)}: ${figure}`;
    }
    const continuation = CONTINUATION.test(text);
    if (continuation && sentence === "") text = `${lowerFirst(def.label)}: ${figure}`;
    text += female;
    if (sentence === "") sentence = text;
    else sentence += continuation && !previousPeople ? ` ${text}` : `, ${text}`;
    previousPeople = t.type === "people";
  });
  return sentence === "" ? "" : `${upperFirst(sentence)}.`;
}

/** `12/15 đơn vị đã hoàn thành, 02 đơn vị đang triển khai, 01 đơn vị chưa triển khai.` */
export function statusSentence(status: Record<TaskStatus, number>, units: number): string {
  if (units === 0) return "Chưa có báo cáo hợp lệ để tổng hợp.";
  const parts: string[] = [];
  for (const s of STATUS_ORDER) {
    const n = status[s];
    if (n === 0) continue;
    // The first figure carries the denominator: how many of the reporting units.
    const count = parts.length === 0 ? `${formatCount(n)}/${formatCount(units)}` : formatCount(n);
    parts.push(`${count} đơn vị ${STATUS_UNIT[s]}`);
  }
  return parts.length === 0 ? "Chưa có số liệu." : `${upperFirst(parts.join(", "))}.`;
}

function unitStatusSentence(status: Record<TaskStatus, number>): string {
  const s = STATUS_ORDER.find((k) => status[k] > 0);
  return s ? `${upperFirst(STATUS_UNIT[s])}.` : "Chưa có số liệu.";
}

function staffCells(p: People): StaffCellsView {
  return {
    total: formatNumber(p.total),
    female: formatNumber(p.female),
    share: formatShare(p.female, p.total),
  };
}

function periodPhrase(period: PeriodKey, year: number): { phrase: string; next: string } {
  return period === "semi-annual"
    ? { phrase: `6 tháng đầu năm ${year}`, next: `6 tháng cuối năm ${year}` }
    : { phrase: `năm ${year}`, next: `năm ${year + 1}` };
}

/** The subject of the guidance letter as running text: `V/v hướng dẫn …` reads `hướng dẫn …`. */
function letterSubject(subject: string): string {
  return subject.replace(/^V\/v\s+/i, "");
}

function taskView(
  task: TaskDef,
  index: number,
  totals: TaskTotals,
  units: number,
  kind: ReportKind,
  order: Map<string, number>,
): TaskView {
  // Free-text indicators are not summed: they follow each unit's summary.
  const extras = new Map<string, { name: string; parts: string[] }>();
  task.indicators.forEach((def, i) => {
    const t = totals.indicators[i];
    if (t?.type !== "text") return;
    for (const v of t.values) {
      const e = extras.get(v.code) ?? { name: v.name, parts: [] };
      e.parts.push(`${def.label}: ${v.text}`);
      extras.set(v.code, e);
    }
  });
  const summaries: (SummaryView & { code: string })[] = totals.summaries.map((s) => {
    const extra = extras.get(s.code);
    extras.delete(s.code);
    return { code: s.code, unit: s.name, text: s.text, extra: extra ? extra.parts.join("; ") : "" };
  });
  if (extras.size > 0) {
    for (const [code, e] of extras)
      summaries.push({ code, unit: e.name, text: e.parts.join("; "), extra: "" });
    summaries.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  }
  return {
    letter: pointLetter(index),
    short: task.short,
    text: task.text,
    status: kind === "unit" ? unitStatusSentence(totals.status) : statusSentence(totals.status, units),
    figures: indicatorSentence(task.indicators, totals.indicators, kind),
    summaries: summaries.map(({ unit, text, extra }) => ({ unit, text, extra })),
  };
}

function groupViews(catalog: Catalog, c: Consolidation, kind: ReportKind): GroupView[] {
  const order = new Map<string, number>();
  c.units.forEach((u, i) => order.set(u.code, i));
  const activities = new Map<string, ActivityView[]>();
  for (const a of c.activities) {
    const list = activities.get(a.activity.group) ?? [];
    const p = a.activity.participants;
    list.push({
      date: formatDateShort(a.activity.date),
      unit: a.name,
      title: a.activity.title,
      participants: p ? participantsText(p) : "",
    });
    activities.set(a.activity.group, list);
  }
  let ti = 0;
  return catalog.groups.map((g: GroupDef) => ({
    number: String(g.number),
    title: g.title,
    short: g.short,
    tasks: g.tasks.map((t, i) => {
      const totals = c.figures.tasks[ti++];
      if (!totals || totals.task !== t.key)
        throw new Error(`Consolidation does not match the catalogue at ${g.key}.${t.key}`);
      return taskView(t, i, totals, c.figures.units, kind, order);
    }),
    activities: activities.get(g.key) ?? [],
  }));
}

function comparisonView(catalog: Catalog, before: Figures, after: Figures, number: number): ComparisonView {
  const rows: ComparisonRowView[] = [];
  const heading = (label: string): void => {
    rows.push({ heading: true, subheading: false, label, before: "", after: "", change: "" });
  };
  const subheading = (label: string): void => {
    rows.push({ heading: false, subheading: true, label, before: "", after: "", change: "" });
  };
  const figure = (label: string, b: number, a: number): void => {
    rows.push({
      heading: false,
      subheading: false,
      label,
      before: formatNumber(b),
      after: formatNumber(a),
      change: formatSignedNumber(a - b),
    });
  };
  figure("Số đơn vị có báo cáo hợp lệ", before.units, after.units);
  heading("Cán bộ nữ");
  for (const s of catalog.staff) {
    const b = before.staff[s.key];
    const a = after.staff[s.key];
    subheading(s.label);
    figure("Tổng số", b.total, a.total);
    figure("Nữ", b.female, a.female);
    rows.push({
      heading: false,
      subheading: false,
      label: "Tỷ lệ nữ (%)",
      before: formatShare(b.female, b.total),
      after: formatShare(a.female, a.total),
      change: formatShareChange(b.female, b.total, a.female, a.total),
    });
  }
  let ti = 0;
  for (const g of catalog.groups) {
    heading(`${g.number}. ${g.short}`);
    g.tasks.forEach((t, i) => {
      const tb = before.tasks[ti];
      const ta = after.tasks[ti];
      ti++;
      if (!tb || !ta) return;
      subheading(`${pointLetter(i)}) ${t.short}`);
      figure("Số đơn vị đã hoàn thành", tb.status.done, ta.status.done);
      t.indicators.forEach((def, k) => {
        const ib = tb.indicators[k];
        const ia = ta.indicators[k];
        if (!ib || !ia) return;
        if ((ib.type === "count" || ib.type === "money") && ia.type === ib.type)
          figure(def.label, ib.value, ia.value);
        else if (ib.type === "people" && ia.type === "people") {
          figure(def.label, ib.total, ia.total);
          figure("Trong đó nữ", ib.female, ia.female);
        } else if (ib.type === "flag" && ia.type === "flag") {
          figure(`Số đơn vị ${lowerFirst(def.label)}`, ib.units, ia.units);
        }
      });
    });
  }
  heading("Kinh phí (đồng)");
  figure("Dự toán", before.budget.planned, after.budget.planned);
  figure("Đã chi", before.budget.spent, after.budget.spent);
  heading("Chỉ tiêu về cán bộ nữ trong diện quy hoạch");
  figure(
    `Số đơn vị có tỷ lệ nữ trong diện quy hoạch từ ${formatRatioPercent(after.target.threshold)} trở lên`,
    before.target.reached.length,
    after.target.reached.length,
  );
  return { number: String(number), beforeUnits: formatCount(before.units), rows };
}

function items(list: readonly { name: string; text: string }[]): ItemView[] {
  return list.map((t) => ({ unit: t.name, text: t.text }));
}

/** Phụ lục II: one row per unit with its state, and the reasons of the warnings it acknowledged. */
function submissionRows(c: Consolidation): SubmissionRowView[] {
  const waived = new Map<string, Waiver[]>();
  for (const w of c.waivers) waived.set(w.code, w.waivers);
  return c.submissions.map((s, i) => {
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
        row.date = formatDateShort(s.submitted);
        row.reference = s.reference ?? "";
        row.state = "đúng hạn";
        break;
      case "late":
        row.date = formatDateShort(s.submitted);
        row.reference = s.reference ?? "";
        row.state = `chậm ${formatCount(s.days)} ngày`;
        break;
      case "invalid":
        row.state = "không hợp lệ";
        notes.unshift(`Báo cáo có ${formatNumber(s.errors)} lỗi, không được đưa vào tổng hợp`);
        break;
      case "missing":
        row.state = "chưa gửi";
        break;
    }
    row.note = notes.join("; ");
    return row;
  });
}

/**
 * The STT column of the landscape appendices, in per cent of the text width: "STT" in 12 pt bold and the cell
 * margins take 4.3 %, and a narrower column breaks it into "ST" and "T".
 */
const STT_WIDTH = 5;

function taskTable(catalog: Catalog, c: Consolidation): TaskTableView {
  const plan = catalog.groups.flatMap((g) => g.tasks.map((t) => ({ group: g.key, task: t.key })));
  // A mark ("đang") needs 5 % of the landscape width; a group of one sub-task needs room for "Nhiệm" in its
  // header, or the word breaks.
  const taskWidth = Math.max(2, Math.floor(75 / Math.max(1, plan.length)));
  const taskWidths = catalog.groups.flatMap((g) =>
    g.tasks.map(() => (g.tasks.length === 1 ? taskWidth + 2 : taskWidth)),
  );
  const unitWidth = Math.max(15, 100 - STT_WIDTH - taskWidths.reduce((a, b) => a + b, 0));
  const rows = c.units.map((u, i) => ({
    stt: String(i + 1),
    unit: u.name,
    marks: plan.map((p) => {
      const status = u.report.tasks[p.group]?.[p.task]?.status;
      return { mark: status ? STATUS_MARK[status] : "" };
    }),
  }));
  return {
    widths: [STT_WIDTH, unitWidth, ...taskWidths].join(","),
    groups: catalog.groups.map((g) => ({ label: `Nhiệm vụ ${g.number}`, span: String(g.tasks.length) })),
    letters: catalog.groups.flatMap((g) => g.tasks.map((_, i) => ({ letter: pointLetter(i) }))),
    rows,
    total: { marks: c.figures.tasks.map((t) => ({ mark: formatNumber(t.status.done) })) },
    legend:
      `Ghi chú: ${STATUS_MARK.done}: đã hoàn thành; ${STATUS_MARK.in_progress}: đang triển khai; ` +
      `${STATUS_MARK.not_started}: chưa triển khai; ${STATUS_MARK.not_applicable}: không phát sinh, không áp dụng. ` +
      "Nhiệm vụ và các điểm a, b, c… theo mục II của Báo cáo; dòng cuối là số đơn vị đã hoàn thành từng nhiệm vụ.",
  };
}

function staffTable(catalog: Catalog, c: Consolidation, kind: ReportKind): StaffTableView {
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
    total: kind === "unit" ? null : { cells: catalog.staff.map((s) => staffCells(c.figures.staff[s.key])) },
  };
}

export function buildView(c: Consolidation, options: ViewOptions): ReportView {
  const { catalog, kind } = options;
  const period = catalog.periods[c.period];
  const { phrase, next } = periodPhrase(c.period, c.year);
  const f = c.figures;
  const annual = c.period === "annual";
  const target = catalog.targets.succession_pool_female_share;
  const extraNumber = catalog.groups.length + 1;
  const pool = f.staff.succession_pool;

  const budget: BudgetView = {
    number: String(extraNumber),
    source: catalog.budget_source,
    planned: formatNumber(f.budget.planned),
    spent: formatNumber(f.budget.spent),
    share: f.budget.planned > 0 ? formatPercent(f.budget.spent, f.budget.planned) : "",
  };

  const targetView: TargetView | null = annual
    ? {
        number: String(extraNumber + 1),
        source: target.source,
        by: String(target.by),
        threshold: formatRatioPercent(target.threshold),
        total: formatCount(pool.total),
        female: formatCount(pool.female),
        share: pool.total > 0 ? formatPercent(pool.female, pool.total) : "",
        units: formatCount(f.units),
        reached: formatCount(f.target.reached.length),
        notReachedCount: formatCount(f.target.notReached.length),
        noPoolCount: formatCount(f.target.noPool.length),
        notReached: f.target.notReached.map((u) => ({
          unit: u.name,
          share: formatPercent(u.female, u.total),
        })),
        noPool: f.target.noPool.map((u) => ({ unit: u.name })),
        unitReached: f.target.reached.length > 0,
        unitNoPool: f.target.noPool.length > 0,
      }
    : null;

  const comparison =
    annual && kind === "consolidated" && c.compare
      ? comparisonView(catalog, c.compare, f, extraNumber + 2)
      : null;

  return {
    kind,
    consolidated: kind === "consolidated",
    annual,
    semiAnnual: !annual,
    year: String(c.year),
    issuer: options.issuer,
    unitName: kind === "unit" ? (c.units[0]?.name ?? options.issuer) : "",
    period: {
      key: c.period,
      label: period.label,
      title: period.title,
      phrase,
      next,
      nextUpper: next.toLocaleUpperCase("vi"),
    },
    deadline: formatDateLong(c.deadline),
    letter: {
      date: formatDateLong(catalog.letter.date),
      subject: letterSubject(catalog.letter.subject),
      issuer: catalog.letter.issuer,
    },
    submission: {
      mustReport: formatCount(c.counts.mustReport),
      received: formatCount(c.counts.received),
      valid: formatCount(c.counts.valid),
      onTime: formatCount(c.counts.onTime),
      late: formatCount(c.counts.late),
      missing: formatCount(c.counts.missing),
      rejected: formatCount(c.counts.rejected),
      lateUnits: c.late.map((u) => ({ unit: u.name, days: formatCount(u.days) })),
      missingUnits: c.missing.map((u) => ({ unit: u.name })),
      rejectedUnits: c.rejected.map((u) => ({ unit: u.name })),
    },
    staff: catalog.staff.map((s) => {
      const p = f.staff[s.key];
      return {
        label: s.label,
        short: s.short,
        total: formatCount(p.total),
        female: formatCount(p.female),
        share: p.total > 0 ? formatPercent(p.female, p.total) : "",
      };
    }),
    groups: groupViews(catalog, c, kind),
    budget,
    target: targetView,
    comparison,
    assessment: {
      strengths: items(c.assessment.strengths),
      limitations: items(c.assessment.limitations),
      causes: items(c.assessment.causes),
    },
    nextSteps: items(c.nextSteps),
    recommendations: items(c.recommendations),
    appendix: {
      note: `(Kèm theo Báo cáo số ${options.reference} ${formatDateLong(options.date)} của ${options.issuer})`,
      staff: staffTable(catalog, c, kind),
      submissions: submissionRows(c),
      tasks: taskTable(catalog, c),
    },
  };
}
