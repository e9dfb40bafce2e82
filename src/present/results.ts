/**
 * Section II of a report, KẾT QUẢ THỰC HIỆN: the highlights, one khoản per task group and one điểm per
 * sub-task, funding, and (annual) the succession-pool target. The consolidated report words the
 * synthesis (counts, named laggards, at most three examples, at most five activities); a unit's own
 * report keeps its own text.
 */
import { ratioFraction, reachesShare } from "../consolidate/consolidate.js";
import type { Consolidation, IndicatorTotal, TaskTotals, UnitRef } from "../consolidate/consolidate.js";
import { TASK_STATUSES } from "../model.js";
import type { Catalog, Indicator, People, TaskDef } from "../model.js";
import type { PickedActivity, Synthesis } from "../synthesise/synthesis.js";
import { MAX_EXAMPLES, pickedActivity } from "../synthesise/synthesis.js";
import { formatCount, formatDateText, formatNumber, formatPercent, formatRatioPercent } from "./format.js";
import {
  joinNames,
  lowerFirst,
  NAME_LIMIT,
  notApplicableWords,
  pointLetter,
  punctuate,
  quoted,
  sentence,
  STATUS_WORDS,
  statusWords,
  units,
} from "./words.js";

export type ReportKind = "consolidated" | "unit";

export interface TaskView {
  /** `a) Tuyên truyền …`, or the short name alone when the group has one sub-task. */
  heading: string;
  /** Who did it, then the figures in words. */
  text: string;
  /** Consolidated: at most three units' results, `unit` and `text`, list-punctuated. */
  examples: { unit: string; text: string }[];
  /** A unit's own report: its summary and free-text indicators, as written. */
  summaries: { text: string }[];
}

export interface GroupView {
  number: string;
  title: string;
  tasks: TaskView[];
  /** `Các hoạt động tiêu biểu …:`; empty when there are none. */
  activitiesIntro: string;
  activities: { text: string }[];
}

export interface BudgetView {
  number: string;
  text: string;
}

export interface TargetView {
  number: string;
  /** The target, then the whole issuer against it, then the units. */
  paragraphs: string[];
}

/** Phrases that continue the previous one rather than start a clause (`tổ chức 08 lớp` `cho 214 lượt người`). */
const CONTINUATION = /^(cho|với)\s/;

/** `80 người tham gia, trong đó 61 nữ` */
export function participantsText(p: People): string {
  const female = p.female > 0 ? `, trong đó ${formatCount(p.female)} nữ` : "";
  return `${formatCount(p.total)} người tham gia${female}`;
}

/**
 * A sub-task's summed indicators in words, with a subject: `Các đơn vị đã tổ chức 08 lớp bồi dưỡng cho
 * 214 lượt người, trong đó 160 nữ.` Zero figures are left out; a phrase that carries its own subject
 * (upper-case, or the catalogue's `phrase_all`) is a sentence of its own; free text is not summed.
 * `units` is the number of reports summed, the denominator of flags.
 */
export function indicatorSentence(
  indicators: readonly Indicator[],
  totals: readonly IndicatorTotal[],
  kind: ReportKind,
  units = 1,
): string {
  const predicates: string[] = [];
  const standalone: string[] = [];
  let previousPeople = false;
  indicators.forEach((def, i) => {
    const t = totals[i];
    if (!t || t.type === "text") return;
    let figure: string;
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
        if (kind === "unit") {
          // A unit's own report says that it did, not that "01 unit" did.
          predicates.push(lowerFirst(def.label).replace(/^đã\s+/u, ""));
          previousPeople = false;
          return;
        }
        standalone.push(
          sentence(`Có ${def.phrase.split("{n}").join(`${formatCount(t.units)}/${formatCount(units)}`)}`),
        );
        return;
    }
    const phrase = (kind === "consolidated" ? def.phrase_all : undefined) ?? def.phrase;
    if (!phrase.includes("{n}") || /^\p{Lu}/u.test(phrase)) {
      const text = phrase.includes("{n}") ? phrase.split("{n}").join(figure) : `${def.label}: ${figure}`;
      standalone.push(sentence(text + female));
      return;
    }
    const text = phrase.split("{n}").join(figure) + female;
    if (CONTINUATION.test(phrase)) {
      if (predicates.length === 0) {
        standalone.push(sentence(`${def.label}: ${figure}${female}`));
        return;
      }
      const last = predicates.length - 1;
      // `hỗ trợ 40 người, trong đó 25 nữ, với tổng kinh phí …`: still the same clause.
      predicates[last] = `${predicates[last]}${previousPeople ? ", " : " "}${text}`;
    } else predicates.push(text);
    previousPeople = t.type === "people";
  });
  const subject = kind === "consolidated" ? "Các đơn vị đã" : "Đã";
  // After `…, trong đó 1.530 nữ` a comma would splice the next clause onto the women: a semicolon parts them.
  const joined = predicates.reduce(
    (acc, p, k) =>
      k === 0 ? p : `${acc}${/trong đó [\d.]+ nữ$/u.test(predicates[k - 1] ?? "") ? "; " : ", "}${p}`,
    "",
  );
  const first = predicates.length > 0 ? [sentence(`${subject} ${joined}`)] : [];
  return [...first, ...standalone].join(" ");
}

/**
 * Who did a sub-task: `Có 12/17 đơn vị đã hoàn thành, 02 đơn vị đang triển khai; 02 đơn vị chưa triển
 * khai (A, B); 01 đơn vị không áp dụng.` Units that have not started it are named up to five.
 */
export function statusSentence(
  totals: TaskTotals,
  task: Pick<TaskDef, "not_applicable">,
  notStarted: readonly UnitRef[],
  reported: number,
): string {
  if (reported === 0) return "Chưa có báo cáo hợp lệ để tổng hợp.";
  const s = totals.status;
  const parts: string[] = [];
  const lead = (n: number) =>
    parts.length === 0 ? `${formatCount(n)}/${formatCount(reported)}` : formatCount(n);
  if (s.done > 0) parts.push(`${lead(s.done)} đơn vị ${STATUS_WORDS.done}`);
  if (s.in_progress > 0) parts.push(`${lead(s.in_progress)} đơn vị ${STATUS_WORDS.in_progress}`);
  if (s.not_started > 0) {
    const names =
      notStarted.length > 0 && notStarted.length <= 5
        ? ` (${joinNames(notStarted.map((u) => u.name))})`
        : " (chi tiết tại Phụ lục III)";
    parts.push(`${lead(s.not_started)} đơn vị ${STATUS_WORDS.not_started}${names}`);
  }
  if (s.not_applicable > 0) parts.push(`${lead(s.not_applicable)} đơn vị ${notApplicableWords(task)}`);
  if (parts.length === 0) return "Chưa có số liệu.";
  if (s.done + s.in_progress === 0) return sentence(`Có ${parts.join("; ")}`);
  return sentence(`Có ${parts.join(", ")}`);
}

/** A unit's own report sums one unit: its status is the one status counted. */
function unitStatusSentence(totals: TaskTotals, task: TaskDef): string {
  const status = TASK_STATUSES.find((s) => totals.status[s] > 0);
  return status ? sentence(statusWords(status, task)) : "Chưa có số liệu.";
}

/** A dated activity in a list: `Ngày 26/4/2022, Cục A phối hợp với Cục B: Kiểm tra chéo … (80 người …)`. */
export function activityText(a: PickedActivity, withUnit: boolean): string {
  const [first, ...partners] = a.units;
  // A partner without a name (no registry, or a code it does not list) is counted, never shown as a code.
  const named = partners.filter((p) => p.name !== "").map((p) => p.name);
  const others = partners.length - named.length;
  const names = [...named, ...(others > 0 ? [`${formatCount(others)} đơn vị khác`] : [])];
  const joint = names.length > 0 ? ` phối hợp với ${joinNames(names)}` : "";
  const who = withUnit && first ? `, ${first.name}${joint}` : joint !== "" ? `,${joint}` : "";
  const people = a.participants ? ` (${participantsText(a.participants)})` : "";
  return `Ngày ${formatDateText(a.date)}${who}: ${a.title}${people}`;
}

/** Free-text indicators of a sub-task (`Quyết định kiện toàn Ban: …`) of one unit. */
function extrasOf(task: TaskDef, totals: TaskTotals, code: string): string[] {
  const out: string[] = [];
  task.indicators.forEach((def, i) => {
    const t = totals.indicators[i];
    if (t?.type !== "text") return;
    for (const v of t.values) if (v.code === code) out.push(`${def.label}: ${v.text}`);
  });
  return out;
}

function taskHeading(task: TaskDef, index: number, single: boolean): string {
  return single ? task.short : `${pointLetter(index)}) ${task.short}`;
}

export function consolidatedGroups(catalog: Catalog, c: Consolidation, s: Synthesis): GroupView[] {
  let ti = 0;
  return catalog.groups.map((g, gi) => {
    const single = g.tasks.length === 1;
    const tasks = g.tasks.map((t, i) => {
      const totals = c.figures.tasks[ti];
      const picks = s.tasks[ti];
      ti++;
      if (!totals || !picks || totals.task !== t.key)
        throw new Error(`Consolidation does not match the catalogue at ${g.key}.${t.key}`);
      const text = [
        statusSentence(totals, t, picks.notStarted, c.figures.units),
        indicatorSentence(t.indicators, totals.indicators, "consolidated", c.figures.units),
      ]
        .filter((x) => x !== "")
        .join(" ");
      const texts = punctuate(picks.examples.map((e) => e.text));
      return {
        heading: taskHeading(t, i, single),
        text,
        examples: picks.examples.map((e, k) => ({ unit: e.name, text: texts[k] ?? e.text })),
        summaries: [],
      };
    });
    const picked = s.groups[gi];
    const activities = punctuate((picked?.activities ?? []).map((a) => activityText(a, true)));
    const total = picked?.total ?? 0;
    const activitiesIntro =
      activities.length === 0
        ? ""
        : total > activities.length
          ? `Một số hoạt động tiêu biểu của nhóm nhiệm vụ ${g.number} (${formatCount(activities.length)}/${formatCount(total)} hoạt động; danh sách đầy đủ tại Phụ lục IV):`
          : `Các hoạt động tiêu biểu của nhóm nhiệm vụ ${g.number}:`;
    return {
      number: String(g.number),
      title: g.title,
      tasks,
      activitiesIntro,
      activities: activities.map((text) => ({ text })),
    };
  });
}

export function unitGroups(catalog: Catalog, c: Consolidation): GroupView[] {
  const unit = c.units[0];
  let ti = 0;
  return catalog.groups.map((g) => {
    const single = g.tasks.length === 1;
    const tasks = g.tasks.map((t, i) => {
      const totals = c.figures.tasks[ti++];
      if (!totals || totals.task !== t.key)
        throw new Error(`Consolidation does not match the catalogue at ${g.key}.${t.key}`);
      const own = unit?.report.tasks[g.key]?.[t.key];
      const summaries = [
        ...(own?.summary ? [own.summary] : []),
        ...(unit ? extrasOf(t, totals, unit.code) : []),
      ].map((text) => ({ text }));
      return {
        heading: taskHeading(t, i, single),
        // The unit's own summary says what it did, with its figures: the figures in words only stand in for
        // a missing summary, and "không phát sinh" is not said twice.
        text: own?.summary
          ? own.status === "not_applicable"
            ? ""
            : unitStatusSentence(totals, t)
          : [unitStatusSentence(totals, t), indicatorSentence(t.indicators, totals.indicators, "unit")]
              .filter((x) => x !== "")
              .join(" "),
        examples: [],
        summaries,
      };
    });
    const mine = c.activities
      .filter((a) => a.activity.group === g.key)
      // A unit's own report has no registry to name its partners by.
      .map((a) => pickedActivity(a, a.activity, new Map()));
    const activities = punctuate(mine.map((a) => activityText(a, false)));
    return {
      number: String(g.number),
      title: g.title,
      tasks,
      // Named by its group: after the last điểm, a bare list would read as part of it.
      activitiesIntro:
        activities.length > 0 ? `Các hoạt động đã tổ chức thuộc nhóm nhiệm vụ ${g.number}:` : "",
      activities: activities.map((text) => ({ text })),
    };
  });
}

/** The rule by which examples were chosen, stated where the results begin. */
export function examplesRule(issuer: string): string {
  return (
    `Kết quả thực hiện từng nhiệm vụ theo hướng dẫn như sau; mỗi nhiệm vụ nêu tối đa ${formatCount(MAX_EXAMPLES)} kết quả tiêu biểu, ` +
    `ưu tiên kết quả đã hoàn thành và có số liệu; trong đó trước hết của các cơ quan tham mưu giúp việc ${issuer.startsWith("Bộ ") ? "Bộ trưởng" : issuer}, sau đó của các đơn vị có số liệu lớn nhất. ` +
    "Tình hình thực hiện từng nhiệm vụ của các đơn vị tại Phụ lục III, kết quả chi tiết của từng đơn vị tại Phụ lục IV."
  );
}

/** Up to this many tied sub-tasks are named in a highlight; beyond, they are counted. */
const TIED_NAMED = 4;

/** `Nhiệm vụ “A” … ` for one, `Các nhiệm vụ “A”, “B” … ` for a few, `Có 08 nhiệm vụ …` for many. */
function tiedTasks(names: readonly string[], predicate: string): string {
  if (names.length === 1) return sentence(`Nhiệm vụ ${quoted(names[0] ?? "")} ${predicate}`);
  if (names.length <= TIED_NAMED)
    return sentence(`Các nhiệm vụ ${joinNames(names.map(quoted))} ${predicate}`);
  return sentence(`Có ${formatCount(names.length)} nhiệm vụ ${predicate}`);
}

/** The highlights of section II in words, from the synthesis' picks. */
export function highlightSentences(catalog: Catalog, c: Consolidation, s: Synthesis): string[] {
  const f = c.figures;
  const tasks = catalog.groups.flatMap((g) => g.tasks);
  const out: string[] = [];
  for (const h of s.highlights) {
    switch (h.kind) {
      case "staff": {
        const e = f.staff.employees;
        const u = f.staff.unit_leaders;
        const d = f.staff.division_leaders;
        const leaders: string[] = [];
        if (u.total > 0) leaders.push(`lãnh đạo cấp đơn vị là ${formatPercent(u.female, u.total)}`);
        if (d.total > 0) leaders.push(`lãnh đạo cấp phòng là ${formatPercent(d.female, d.total)}`);
        out.push(
          sentence(
            `Nữ chiếm ${formatPercent(e.female, e.total)} tổng số cán bộ, công chức, viên chức, người lao động của các đơn vị` +
              (leaders.length ? `; tỷ lệ nữ ${leaders.join(", ")}` : ""),
          ),
        );
        break;
      }
      case "most-done": {
        const done = f.tasks[h.tasks[0] ?? -1]?.status.done ?? 0;
        const all = done === f.units && f.units > 1;
        out.push(
          tiedTasks(
            h.tasks.map((i) => tasks[i]?.short ?? ""),
            all
              ? `được tất cả ${units(f.units)} hoàn thành`
              : `được nhiều đơn vị hoàn thành nhất (${formatCount(done)}/${formatCount(f.units)} đơn vị)`,
          ),
        );
        break;
      }
      case "widest-reach": {
        const t = tasks[h.task];
        const totals = f.tasks[h.task];
        if (!t || !totals) break;
        const words = indicatorSentence(t.indicators, totals.indicators, "consolidated", f.units);
        out.push(`Về ${lowerFirst(t.short)}: ${lowerFirst(words)}`);
        break;
      }
      case "lagging": {
        const lag = f.tasks[h.tasks[0] ?? -1]?.status.not_started ?? 0;
        out.push(
          tiedTasks(
            h.tasks.map((i) => tasks[i]?.short ?? ""),
            `còn nhiều đơn vị chưa triển khai nhất (${units(lag)})`,
          ),
        );
        break;
      }
      case "budget":
        out.push(
          sentence(
            `Các đơn vị đã sử dụng ${formatNumber(f.budget.spent)} đồng kinh phí cho công tác bình đẳng giới` +
              (f.budget.planned > 0
                ? `, đạt ${formatPercent(f.budget.spent, f.budget.planned)} dự toán`
                : ""),
          ),
        );
        break;
      case "target": {
        const pool = f.staff.succession_pool;
        const goal = catalog.targets.succession_pool_female_share;
        out.push(
          sentence(
            `Tỷ lệ nữ trong diện quy hoạch lãnh đạo, quản lý của các đơn vị là ${formatPercent(pool.female, pool.total)}, ` +
              `${h.reached ? "đã đạt" : "chưa đạt"} mục tiêu từ ${formatRatioPercent(goal.threshold)} trở lên đến năm ${goal.by}`,
          ),
        );
        break;
      }
    }
  }
  return out;
}

export function budgetView(catalog: Catalog, c: Consolidation, kind: ReportKind, number: number): BudgetView {
  const b = c.figures.budget;
  const who = kind === "consolidated" ? "các đơn vị" : "đơn vị";
  const share = b.planned > 0 ? ` (đạt ${formatPercent(b.spent, b.planned)} dự toán)` : "";
  return {
    number: String(number),
    text:
      `Kinh phí hoạt động bình đẳng giới và vì sự tiến bộ của phụ nữ được lập dự toán, quản lý và sử dụng theo ${catalog.budget_source}. ` +
      `Tổng kinh phí dự toán của ${who} là ${formatNumber(b.planned)} đồng; kinh phí đã sử dụng là ${formatNumber(b.spent)} đồng${share}.`,
  };
}

/** The whole issuer against the national target, then its units: reached, not reached (with shares), no pool. */
export function targetView(
  catalog: Catalog,
  c: Consolidation,
  kind: ReportKind,
  issuer: string,
  number: number,
): TargetView {
  const goal = catalog.targets.succession_pool_female_share;
  const threshold = formatRatioPercent(goal.threshold);
  const f = c.figures;
  const pool = f.staff.succession_pool;
  const paragraphs = [
    `Theo ${goal.source}, đến năm ${goal.by} tỷ lệ nữ trong diện quy hoạch chức danh lãnh đạo, quản lý đạt từ ${threshold} trở lên.`,
  ];
  const reached = f.target.reached.length > 0;
  if (kind === "unit") {
    paragraphs.push(
      pool.total === 0
        ? "Đơn vị chưa có cán bộ trong diện quy hoạch."
        : `Số cán bộ trong diện quy hoạch của đơn vị là ${formatCount(pool.total)} người, trong đó nữ ${formatCount(pool.female)} người (chiếm ${formatPercent(pool.female, pool.total)}); ${reached ? "đã đạt" : "chưa đạt"} mục tiêu từ ${threshold} trở lên.`,
    );
    return { number: String(number), paragraphs };
  }
  const whole = issuer.startsWith("Bộ ") ? "toàn Bộ" : `toàn ${issuer}`;
  const high = reachesShare(pool, ratioFraction(goal.threshold));
  if (pool.total > 0)
    paragraphs.push(
      `Tỷ lệ nữ trong diện quy hoạch của ${whole} là ${formatPercent(pool.female, pool.total)} (${formatNumber(pool.female)}/${formatNumber(pool.total)} người), ${high ? "đã đạt" : "chưa đạt"} mục tiêu ${threshold}.`,
    );
  const t = f.target;
  if (f.units === 0) {
    paragraphs.push("Chưa có báo cáo hợp lệ để đánh giá.");
    return { number: String(number), paragraphs };
  }
  // A clause about no unit is said in words, never `00/17 đơn vị`.
  const parts = [
    t.reached.length > 0
      ? `Có ${formatCount(t.reached.length)}/${formatCount(f.units)} đơn vị đạt tỷ lệ từ ${threshold} trở lên`
      : `Không có đơn vị nào đạt tỷ lệ từ ${threshold} trở lên`,
  ];
  if (t.notReached.length > 0) {
    const named = t.notReached.length <= NAME_LIMIT;
    parts.push(
      `${units(t.notReached.length)} chưa đạt` +
        (named
          ? `: ${t.notReached.map((u) => `${u.name} (${formatPercent(u.female, u.total)})`).join(", ")}`
          : ""),
    );
  }
  if (t.noPool.length > 0)
    parts.push(
      `${units(t.noPool.length)} chưa có cán bộ trong diện quy hoạch` +
        (t.noPool.length <= NAME_LIMIT ? `: ${t.noPool.map((u) => u.name).join(", ")}` : ""),
    );
  paragraphs.push(`${parts.join("; ")}. Tỷ lệ của từng đơn vị tại Phụ lục I.`);
  return { number: String(number), paragraphs };
}
