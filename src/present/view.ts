/**
 * The view model handed to the Handlebars templates: every sentence that depends on the figures already
 * worded, every figure and date formatted in Vietnamese, every label taken from the catalogue. Templates
 * choose the fixed wording and the structure; each part of the report is worded by its own module.
 *
 * Unit text (summaries, assessments, names) is passed through as plain strings: the template's `{{ }}`
 * escapes it once, and the markup parser turns it back into the same text.
 */
import type { Consolidation } from "../consolidate/consolidate.js";
import type { Audience, Catalog, Config, PeriodKey } from "../model.js";
import type { Synthesis } from "../synthesise/synthesis.js";
import { formatCount, formatDateLong } from "./format.js";
import {
  nextStepsIntro,
  ownView,
  proposalsView,
  themeView,
  type ListView,
  type ProposalsView,
} from "./assessment.js";
import {
  staffTable,
  submissionTable,
  taskTable,
  detailUnits,
  unitDetails,
  type StaffTableView,
  type SubmissionTableView,
  type TaskTableView,
  type UnitDetailView,
} from "./appendices.js";
import { comparisonView, type ComparisonView } from "./comparison.js";
import type { YearOverYearView } from "./year-over-year.js";
import {
  guidanceSentence,
  opening,
  staffLines,
  submissionParagraphs,
  type StaffLineView,
} from "./general.js";
import {
  budgetView,
  consolidatedGroups,
  examplesRule,
  highlightSentences,
  targetView,
  unitGroups,
  type BudgetView,
  type GroupView,
  type ReportKind,
  type TargetView,
} from "./results.js";

export type { ReportKind } from "./results.js";

export interface ViewOptions {
  kind: ReportKind;
  catalog: Catalog;
  /** The issuing body as named in running text: `Bộ Xây dựng`, or the unit's name. */
  issuer: string;
  /** Number and symbol of this report (`15/BC-BXD`), or the symbol alone (`…/BC-BXD`) while unnumbered. */
  reference: string;
  /** ISO date of this report. */
  date: string;
  /** The configuration of a consolidated report: letter, request, proposals, registry. */
  config?: Config;
  /** A consolidated report's readers; `external` unless told. */
  audience?: Audience;
  /** What the body of a consolidated report says; required for one. */
  synthesis?: Synthesis;
  /**
   * Phụ lục IV's details computed only if a template reads them, and not enumerable: when they are
   * rendered part by part (`detailsView`), the view need not hold every unit's text a second time.
   */
  detailsOnDemand?: boolean;
}

export interface ReportView {
  kind: ReportKind;
  consolidated: boolean;
  /** For the ministry's own leaders: Phụ lục II and the units' requests. */
  internal: boolean;
  annual: boolean;
  semiAnnual: boolean;
  year: string;
  issuer: string;
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
  opening: string;
  /** I.1 of a consolidated report: the guidance the issuer gave. */
  guidance: string;
  /** I.2 of a consolidated report: who reported. */
  submission: string[];
  staffIntro: string;
  staff: StaffLineView[];
  resultsIntro: string;
  highlights: { text: string }[];
  groups: GroupView[];
  budget: BudgetView;
  target: TargetView | null;
  comparison: ComparisonView | null;
  /** This year against last (`--previous`), set by the report after the view is built. */
  yearOverYear: YearOverYearView | null;
  assessment: { strengths: ListView; limitations: ListView; causes: ListView };
  nextStepsIntro: string;
  nextSteps: ListView;
  /** Consolidated: the issuer's own proposals, and the units' requests when internal. */
  proposals: ProposalsView | null;
  /** A unit's own report: its recommendations. */
  recommendations: ListView;
  appendix: {
    note: string;
    staff: StaffTableView | null;
    submissions: SubmissionTableView | null;
    tasks: TaskTableView | null;
    details: UnitDetailView[];
  };
}

/** The synthesis' lists of themes, one per heading of sections III–V. */
type ThemeKey = "strengths" | "limitations" | "causes" | "nextSteps" | "recommendations";

function periodPhrase(period: PeriodKey, year: number): { phrase: string; next: string } {
  return period === "semi-annual"
    ? { phrase: `6 tháng đầu năm ${year}`, next: `6 tháng cuối năm ${year}` }
    : { phrase: `năm ${year}`, next: `năm ${year + 1}` };
}

const isInternal = (o: ViewOptions) => o.kind === "consolidated" && o.audience === "internal";
const unitNames = (o: ViewOptions) => new Map((o.config?.units ?? []).map((u) => [u.code, u.name]));

/** Phụ lục IV's details of the units from `from` up to `to`, exactly as `buildView` gives them. */
export function detailsView(
  c: Consolidation,
  options: ViewOptions,
): (from: number, to: number) => UnitDetailView[] {
  const internal = isInternal(options);
  const names = unitNames(options);
  const units = detailUnits(c);
  return (from, to) => unitDetails(options.catalog, units, internal, names, from, to);
}

export function buildView(c: Consolidation, options: ViewOptions): ReportView {
  const { catalog, kind, config, issuer } = options;
  const consolidated = kind === "consolidated";
  const synthesis = options.synthesis;
  if (consolidated && !synthesis) throw new Error("A consolidated report needs its synthesis");
  const internal = isInternal(options);
  const period = catalog.periods[c.period];
  const { phrase, next } = periodPhrase(c.period, c.year);
  const annual = c.period === "annual";
  const extraNumber = catalog.groups.length + 1;
  const names = unitNames(options);
  const noPoints = consolidated ? "Các đơn vị chưa nêu nội dung này." : "Không có.";
  const list = (themes: ThemeKey, own: readonly string[] | undefined) =>
    synthesis ? themeView(synthesis[themes], noPoints) : ownView(own ?? [], noPoints);
  const unit = c.units[0]?.report;

  const view: ReportView = {
    kind,
    consolidated,
    internal,
    annual,
    semiAnnual: !annual,
    year: String(c.year),
    issuer,
    period: {
      key: c.period,
      label: period.label,
      title: period.title,
      phrase,
      next,
      nextUpper: next.toLocaleUpperCase("vi"),
    },
    opening: opening(catalog, config, issuer, phrase, consolidated),
    guidance: consolidated
      ? guidanceSentence(catalog, config, issuer, c.period, c.deadline, c.deadlineDay)
      : "",
    submission: consolidated ? submissionParagraphs(c, issuer, options.date, internal) : [],
    staffIntro: !consolidated
      ? "Tại thời điểm báo cáo, tình hình cán bộ nữ của đơn vị như sau:"
      : c.counts.valid > 0
        ? `Tổng hợp số liệu từ báo cáo của ${formatCount(c.counts.valid)} đơn vị tại thời điểm báo cáo:`
        : "Chưa có báo cáo hợp lệ để tổng hợp số liệu tại thời điểm báo cáo:",
    staff: staffLines(catalog, c),
    resultsIntro: consolidated ? examplesRule(issuer) : "",
    highlights: synthesis ? highlightSentences(catalog, c, synthesis).map((text) => ({ text })) : [],
    groups: synthesis ? consolidatedGroups(catalog, c, synthesis) : unitGroups(catalog, c),
    budget: budgetView(catalog, c, kind, extraNumber),
    target: annual ? targetView(catalog, c, kind, issuer, extraNumber + 1) : null,
    comparison:
      annual && consolidated && c.compare
        ? comparisonView(catalog, c.compare, c.year, extraNumber + 2)
        : null,
    yearOverYear: null,
    assessment: {
      strengths: list("strengths", unit?.assessment?.strengths),
      limitations: list("limitations", unit?.assessment?.limitations),
      causes: list("causes", unit?.assessment?.causes),
    },
    nextStepsIntro: nextStepsIntro(c.period, c.year, issuer, consolidated),
    nextSteps: list("nextSteps", unit?.next_steps),
    proposals: synthesis ? proposalsView(config, synthesis.recommendations, issuer, internal) : null,
    // Only a unit's own report has them: in a consolidated view they would be the first unit's requests.
    recommendations: consolidated
      ? { items: [], note: "" }
      : ownView(unit?.recommendations ?? [], "Đơn vị không có kiến nghị, đề xuất."),
    appendix: {
      note: `(Kèm theo Báo cáo số ${options.reference} ${formatDateLong(options.date)} của ${issuer})`,
      staff: consolidated ? staffTable(catalog, c) : null,
      submissions: internal ? submissionTable(c) : null,
      tasks: consolidated ? taskTable(catalog, c) : null,
      details: [] as UnitDetailView[],
    },
  };
  const units = consolidated ? detailUnits(c) : [];
  const details = () => unitDetails(catalog, units, internal, names);
  if (!options.detailsOnDemand) view.appendix.details = details();
  else {
    let computed: UnitDetailView[] | undefined;
    Object.defineProperty(view.appendix, "details", {
      get: () => (computed ??= details()),
      enumerable: false,
    });
  }
  return view;
}
