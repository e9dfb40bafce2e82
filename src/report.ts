/**
 * From validated unit reports to a DocumentModel:
 * consolidate → view → Handlebars template → markup → blocks, plus the administrative frame.
 *
 * Imports Handlebars (through document/template.ts): the CLI loads this module lazily, for
 * `build-report` only.
 */
import { deadlineRule } from "./catalog/catalog.js";
import { consolidate } from "./consolidate/consolidate.js";
import type { Consolidation } from "./consolidate/consolidate.js";
import type { SubmissionEntry } from "./consolidate/submissions.js";
import { parseMarkup, readMarkup } from "./document/markup.js";
import type { Appendix, Block, DocumentModel, Frame, Signer as FrameSigner } from "./document/model.js";
import {
  defaultTemplateDir,
  renderTemplate,
  type DeferPartial,
  type DeferredMarkup,
  type DeferredPart,
  type TemplateResult,
} from "./document/template.js";
import type { Audience, Catalog, Config, PeriodKey, Signer, UnitReport, Waiver } from "./model.js";
import { buildView, detailsView, type ViewOptions } from "./present/view.js";
import { synthesise } from "./synthesise/synthesis.js";
import { yearOverYear } from "./consolidate/year-over-year.js";
import { yearOverYearView } from "./present/year-over-year.js";
import type { ReportKind, ReportView } from "./present/view.js";

export type { ReportKind } from "./present/view.js";

interface CommonInput {
  catalog: Catalog;
  /** The document's date (`--date`), ISO. */
  date?: string;
  /** The document's number (`--number`): `15`, or a full `15/BC-BXD`. */
  number?: string;
  /** Templates to use (`--template`); the built-in ones fill in whatever it lacks. */
  templateDir?: string;
}

export interface ConsolidatedReportInput extends CommonInput {
  kind: "consolidated";
  config: Config;
  period: PeriodKey;
  year: number;
  /** Every unit file of the period: valid ones with `report`, rejected ones with their error count. */
  entries: readonly SubmissionEntry[];
  /** Files of the period that name no unit: never counted as a unit's submission. */
  unidentified?: readonly string[];
  /** The same year's semi-annual reports (`--compare`), for an annual report. */
  compare?: readonly UnitReport[];
  /** Last year's annual reports and the catalogue they follow (`--previous`), for an annual report. */
  previous?: { catalog: Catalog; reports: readonly UnitReport[] };
  /** Today's ISO date, for when neither `date` nor the configuration gives one. */
  today: string;
  /** Who reads it (`--audience`); the configuration's, else `external`. */
  audience?: Audience;
}

export interface UnitReportInput extends CommonInput {
  kind: "unit";
  /** The unit's own file; its date is `submitted` unless `date` is given. */
  report: UnitReport;
  /** The file's waivers whose warning fired (see `firedWaivers`). */
  waived?: readonly Waiver[];
}

export type ReportInput = ConsolidatedReportInput | UnitReportInput;

export type ReportModelResult<B extends Iterable<Block> = Block[]> =
  | { ok: true; model: DocumentModel<B>; consolidation: Consolidation; view: ReportView; markup: string }
  | Extract<TemplateResult, { ok: false }>;

/**
 * Markup to blocks: every appendix held (`parseMarkup`), or large ones read as they are written, with
 * Phụ lục IV rendered unit by unit meanwhile (`readMarkup`, `defer`).
 */
interface Reading<B extends Iterable<Block>> {
  read(markup: string, deferred?: DeferredMarkup): { body: Block[]; appendices: Appendix<B>[] };
  defer: boolean;
}

const HELD: Reading<Block[]> = { read: parseMarkup, defer: false };
const AS_WRITTEN: Reading<Iterable<Block>> = { read: readMarkup, defer: true };

/** Units whose details make one part of Phụ lục IV, rendered and written before the next. */
const DETAIL_UNITS_PER_PART = 50;

/**
 * Phụ lục IV's partial, deferred when it is called with the whole view: its parts are the view with
 * the details of a few units at a time, computed afresh for each part so that no part's text stays.
 */
function deferDetails(consolidation: Consolidation, options: ViewOptions, view: ReportView): DeferPartial {
  const count = options.kind === "consolidated" ? consolidation.units.length : 0;
  const detailsOf = detailsView(consolidation, options);
  const parts: Iterable<DeferredPart> = {
    *[Symbol.iterator]() {
      for (let from = 0; from < count; from += DETAIL_UNITS_PER_PART) {
        const details = detailsOf(from, from + DETAIL_UNITS_PER_PART);
        yield { context: { ...view, appendix: { ...view.appendix, details } }, data: details };
      }
    },
  };
  return {
    name: "appendix-details",
    parts: (context) => (context === view && count > 0 ? parts : undefined),
  };
}

/** The place of a unit's report: units of the ministry sit in the capital unless told otherwise. */
const DEFAULT_PLACE = "Hà Nội";
/** The signature block of a unit file without `signer`: the head of the unit, name written by hand. */
const DEFAULT_UNIT_SIGNER: FrameSigner = { position: "THỦ TRƯỞNG ĐƠN VỊ", name: "" };
const UNIT_RECIPIENTS = ["Như trên", "Lưu: VT"];
/** Room for the number written by hand when the report is registered: `Số:      /BC-BXD`. */
const BLANK_NUMBER = "     ";

/** `{ line: "Số: 15/BC-BXD", reference: "15/BC-BXD" }`, or a blank number while unnumbered. */
function numbering(symbol: string, number: string | undefined): { line: string; reference: string } {
  const given = number?.trim();
  if (!given) return { line: `Số: ${BLANK_NUMBER}/${symbol}`, reference: `…/${symbol}` };
  const reference = given.includes("/") ? given : `${given}/${symbol}`;
  return { line: `Số: ${reference}`, reference };
}

/**
 * Nơi nhận of a unit's own report. A deputy who signs on the head's behalf (`KT. VIỆN TRƯỞNG`) reports to
 * the head too: `Viện trưởng (để b/c)` between `Như trên` and `Lưu: VT`.
 */
function unitRecipients(s: Signer | undefined): string[] {
  const head = /^KT\.\s*(\S.*)$/iu.exec(s?.authority?.trim() ?? "")?.[1]?.toLocaleLowerCase("vi-VN");
  if (!head) return [...UNIT_RECIPIENTS];
  const [addressee = "", ...rest] = UNIT_RECIPIENTS;
  return [addressee, `${head.charAt(0).toLocaleUpperCase("vi-VN")}${head.slice(1)} (để b/c)`, ...rest];
}

function frameSigner(s: Signer | undefined): FrameSigner {
  if (!s) return { ...DEFAULT_UNIT_SIGNER };
  return s.authority
    ? { authority: s.authority, position: s.position, name: s.name }
    : { position: s.position, name: s.name };
}

/**
 * The default output file name: `bao-cao-so-ket-6-thang-2022.docx`, `bao-cao-tong-ket-nam-2022.docx`,
 * `vkt-bao-cao-so-ket-6-thang-2022.docx` for a unit's own report. `period` is the catalogue's period
 * (`catalog.periods[key]`), whose slug names it.
 */
export function defaultReportName(
  kind: ReportKind,
  period: { slug: string },
  year: number,
  unitCode?: string,
): string {
  const base = `bao-cao-${period.slug}-${year}.docx`;
  return kind === "unit" && unitCode ? `${unitCode.toLowerCase()}-${base}` : base;
}

function assemble<B extends Iterable<Block>>(
  consolidation: Consolidation,
  frame: Frame,
  input: ReportInput,
  reference: string,
  reading: Reading<B>,
): ReportModelResult<B> {
  const options: ViewOptions = {
    kind: input.kind,
    catalog: input.catalog,
    issuer: frame.issuer,
    reference,
    date: frame.date,
    ...(input.kind === "consolidated"
      ? {
          config: input.config,
          audience: audienceOf(input),
          synthesis: synthesise(consolidation, input.catalog, input.config.units),
        }
      : {}),
  };
  const view = buildView(consolidation, { ...options, detailsOnDemand: reading.defer });
  if (input.kind === "consolidated" && input.previous && consolidation.period === "annual")
    view.yearOverYear = yearOverYearView(
      input.catalog,
      input.previous.catalog,
      yearOverYear({
        catalog: input.catalog,
        previousCatalog: input.previous.catalog,
        year: consolidation.year,
        units: consolidation.units,
        previous: input.previous.reports,
      }),
      // After the budget, the target and, when there is one, the comparison with the semi-annual report.
      input.catalog.groups.length + 3 + (view.comparison ? 1 : 0),
    );
  const rendered = renderTemplate(
    input.templateDir ?? defaultTemplateDir(),
    input.kind,
    view,
    reading.defer
      ? {
          defer: deferDetails(consolidation, options, view),
          // The details' text, which the view does not hold: the units' reports, which they show, and
          // the summaries that lean reports left out.
          hiddenText: consolidation.units.map((u) => u.report),
          hiddenChars: consolidation.units.reduce((n, u) => n + (u.leftOut?.chars ?? 0), 0),
        }
      : {},
  );
  if (!rendered.ok) return rendered;
  let parsed: ReturnType<Reading<B>["read"]>;
  try {
    parsed = reading.read(rendered.markup, rendered.deferred);
  } catch (e) {
    // The parser is meant never to throw; if a custom template still trips it, that is the template's problem.
    return {
      ok: false,
      problem: "template-error",
      params: {
        path: input.templateDir ?? defaultTemplateDir(),
        detail: e instanceof Error ? e.message : String(e),
      },
    };
  }
  return {
    ok: true,
    model: { frame, body: parsed.body, appendices: parsed.appendices },
    consolidation,
    view,
    markup: rendered.markup,
  };
}

function consolidatedModel<B extends Iterable<Block>>(
  input: ConsolidatedReportInput,
  reading: Reading<B>,
): ReportModelResult<B> {
  const { catalog, config, period, year } = input;
  const deadline = deadlineRule(catalog, period, config);
  const consolidation = consolidate({
    catalog,
    registry: config.units,
    period,
    year,
    deadline: deadline.date,
    deadlineDay: deadline.day,
    entries: input.entries,
    ...(input.unidentified ? { unidentified: input.unidentified } : {}),
    ...(input.compare ? { compare: input.compare } : {}),
  });
  const { line, reference } = numbering(`BC-${config.issuer.abbreviation}`, input.number);
  const frame: Frame = {
    parent: config.issuer.parent ?? "",
    issuer: config.issuer.name,
    number: line,
    place: config.issuer.place,
    date: input.date ?? config.date ?? input.today,
    type: "BÁO CÁO",
    subject: catalog.periods[period].title,
    ...(audienceOf(input) === "internal"
      ? { addressee: "", recipients: internalRecipients(config) }
      : { addressee: config.addressee ?? "", recipients: [...config.recipients] }),
    signer: frameSigner(config.signer),
  };
  return assemble(consolidation, frame, input, reference, reading);
}

function audienceOf(input: ConsolidatedReportInput): Audience {
  return input.audience ?? input.config.audience ?? "external";
}

/**
 * A report for internal use goes to the ministry's own leaders, not to the bodies it reports to: no
 * `Kính gửi:` line, and the configuration's internal recipients, else the leaders and its `Lưu` line.
 */
function internalRecipients(config: Config): string[] {
  if (config.internal_recipients?.length) return [...config.internal_recipients];
  const file = config.recipients.find((r) => /^Lưu\b/u.test(r)) ?? "Lưu: VT";
  return ["Bộ trưởng (để b/c)", "Các Thứ trưởng", file];
}

function unitModel<B extends Iterable<Block>>(
  input: UnitReportInput,
  reading: Reading<B>,
): ReportModelResult<B> {
  const { catalog, report } = input;
  const { code, name } = report.unit;
  const deadline = deadlineRule(catalog, report.period);
  const consolidation = consolidate({
    catalog,
    registry: [{ code, name }],
    period: report.period,
    year: report.year,
    deadline: deadline.date,
    deadlineDay: deadline.day,
    entries: [
      {
        code,
        name,
        file: "",
        report,
        errors: 0,
        ...(input.waived?.length ? { waived: [...input.waived] } : {}),
      },
    ],
  });
  const { line, reference } = numbering(`BC-${code}`, input.number ?? report.reference);
  const frame: Frame = {
    parent: catalog.parent,
    issuer: name,
    number: line,
    place: DEFAULT_PLACE,
    date: input.date ?? report.submitted,
    type: "BÁO CÁO",
    subject: catalog.periods[report.period].title,
    addressee: catalog.receiver,
    recipients: unitRecipients(report.signer),
    signer: frameSigner(report.signer),
  };
  return assemble(consolidation, frame, input, reference, reading);
}

/** Builds the document model of a consolidated report or of one unit's own report. */
export function buildReportModel(input: ReportInput): ReportModelResult {
  return input.kind === "consolidated" ? consolidatedModel(input, HELD) : unitModel(input, HELD);
}

/**
 * The document model alone, for writing: large appendices are read as they are written, and nothing
 * else of the way there (consolidation, view) is kept, so that a report of 10,000 units fits in memory.
 */
export function buildReportDocument(
  input: ReportInput,
): { ok: true; model: DocumentModel<Iterable<Block>> } | Extract<TemplateResult, { ok: false }> {
  const result =
    input.kind === "consolidated" ? consolidatedModel(input, AS_WRITTEN) : unitModel(input, AS_WRITTEN);
  return result.ok ? { ok: true, model: result.model } : result;
}
