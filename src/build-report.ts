import { resolve } from "node:path";
import { catalogForYear, deadlineRule, loadCatalog } from "./catalog/catalog.js";
import { daysBetween } from "./dates.js";
import {
  errorCount,
  firedWaivers,
  submissionEntry,
  type SubmissionEntry,
} from "./consolidate/submissions.js";
import { InputChangedError } from "./consolidate/consolidate.js";
import { arrivalBy, receiptsFor, withReceipt } from "./receipts.js";
import type { UnitFileResult } from "./validate/check-fast.js";
import type { buildReportDocument as BuildReportDocument } from "./report.js";
import type { Audience, Catalog, Config, Diagnostic, Lang, PeriodKey, UnitReport } from "./model.js";
import {
  configured,
  periodOfFiles,
  validate,
  type LaterFile,
  type RunProblem,
  type SkippedFile,
  type ValidateOptions,
  type ValidateResult,
} from "./validate/validate.js";

/**
 * `build-report` as a function: validate the inputs, decide the report's kind and period, build
 * the document and its bytes. Returns values; writing the file is the caller's (the CLI writes
 * atomically). Loads Handlebars and docx only when it gets that far.
 */

export interface BuildReportOptions extends ValidateOptions {
  /** The document's date, ISO (`--date`); else the configuration's, else `today`. */
  date?: string;
  /** The document's number (`--number`). */
  number?: string;
  templateDir?: string;
  /** Build from the valid files and name the rejected units in the report. */
  skipInvalid?: boolean;
  /** Who reads a consolidated report (`--audience`); else the configuration's, else `external`. */
  audience?: Audience;
  /** The same year's semi-annual files, for an annual report (`--compare`). */
  compare?: readonly string[];
  /** Last year's annual files, for an annual report (`--previous`). */
  previous?: readonly string[];
  /**
   * The configuration of last year, whose catalogue last year's files follow (`--previous-config`);
   * without it, the built-in catalogue of that year.
   */
  previousConfig?: string;
  /** Today's ISO date, for a document date when nothing else gives one. */
  today: string;
}

export interface BuiltReport {
  ok: true;
  kind: "consolidated" | "unit";
  bytes: Uint8Array;
  /** The default file name, saying what the report is. */
  fileName: string;
  period: PeriodKey;
  year: number;
  /** Absolute paths of every input file, which the output must never overwrite. */
  inputs: string[];
  validation: ValidateResult;
  /** Files left out with `--skip-invalid`. */
  rejected: { file: string; code?: string; errors: number }[];
  /** Files of another year or period, left out (`--year`, `--period` select). */
  skipped: SkippedFile[];
  /** `--compare` files that are not the same year's semi-annual files, left out. */
  compareSkipped: SkippedFile[];
  /** Files received after the report's date, left out: the report speaks as of its date. */
  later: LaterFile[];
  /** The day the report counts submissions by: its date, for a consolidated report. */
  receivedBy?: string;
  /**
   * Today's date, when a consolidated report took it for want of `--date` or a configured date,
   * though its period's deadline is long past: the caller tells the user.
   */
  datedToday?: string;
}

/** Days after a period's deadline from which a report dated today is worth a notice. */
const PAST_PERIOD_DAYS = 60;

/** The inputs are invalid: exit 1, nothing written. */
export interface InvalidInput {
  ok: false;
  problem: "input-invalid" | "no-valid-files";
  params: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export async function buildReport(
  paths: readonly string[],
  options: BuildReportOptions,
): Promise<BuiltReport | InvalidInput | RunProblem> {
  const lang: Lang = options.lang ?? "vi";
  const cwd = options.cwd ?? ".";
  // `--year`/`--period` select the files; without them the files must agree on one period, so a
  // stray file of another period stops the build instead of joining the report. A consolidated
  // report counts the files received by the date it carries, so that "đã nhận được" is true then.
  let receivedBy: string | undefined;
  const byReportDate = (config: Config | undefined) =>
    (receivedBy = config ? (options.date ?? config.date ?? options.today) : undefined);
  const receipts = await receiptsFor(paths, cwd, lang);
  if (!receipts.ok) return receipts;
  // Reports are held without their summaries, which are read again where the report shows them: a
  // report of 10,000 units never holds every unit's text at once.
  const validation = await validate(paths, {
    ...options,
    lang,
    select: true,
    lean: true,
    receivedBy: byReportDate,
    arrival: arrivalBy(receipts.lookup),
  });
  if (!validation.ok) return validation;
  const which = periodOfFiles(validation, options);
  if (!which.ok) return which;
  const { period, year } = which;
  if (options.compare?.length && period !== "annual")
    return { ok: false, problem: "compare-not-annual", params: { period } };
  const config = validation.config;
  const invalid = validation.files.filter((f) => !f.report);
  if (invalid.length && !options.skipInvalid) {
    return {
      ok: false,
      problem: "input-invalid",
      params: { count: invalid.length, files: validation.files.length },
      diagnostics: validation.diagnostics,
    };
  }
  const valid = validation.files.flatMap((f) => (f.report ? [f.report] : []));
  if (!config && valid.length !== 1) {
    if (valid.length === 0)
      return { ok: false, problem: "no-valid-files", params: {}, diagnostics: validation.diagnostics };
    return { ok: false, problem: "config-required", params: {} };
  }

  let compare: UnitReport[] | undefined;
  const compareInputs: string[] = [];
  const compareSkipped: SkippedFile[] = [];
  const later: LaterFile[] = [...validation.later];
  if (options.compare?.length) {
    const cmp = await validate(options.compare, {
      ...options,
      lean: true,
      lang,
      period: "semi-annual",
      year,
      select: true,
      ...(receivedBy !== undefined ? { receivedBy } : {}),
    });
    if (!cmp.ok) return cmp;
    const bad = cmp.files.filter((f) => !f.report);
    if (bad.length && !options.skipInvalid) {
      return {
        ok: false,
        problem: "input-invalid",
        params: { count: bad.length },
        diagnostics: cmp.diagnostics,
      };
    }
    compare = cmp.files.flatMap((f) => (f.report ? [f.report] : []));
    compareInputs.push(...cmp.files.map((f) => resolve(cwd, f.file)));
    compareSkipped.push(...cmp.skipped);
    const noted = new Set(later.map((x) => x.file));
    later.push(...cmp.later.filter((l) => !noted.has(l.file)));
  }

  const previous = options.previous?.length
    ? await previousYear(options.previous, { ...options, lang, cwd }, period, year)
    : undefined;
  if (previous && !previous.ok) return previous;

  const catalog = validation.catalog ?? loadCatalog();
  const { buildReportDocument, defaultReportName } = await import("./report.js");
  const common = {
    catalog,
    ...(options.date ? { date: options.date } : {}),
    ...(options.number ? { number: options.number } : {}),
    ...(options.templateDir ? { templateDir: options.templateDir } : {}),
  };
  // A file that names no unit is never a unit's submission: the consolidation lists it apart.
  const entries: SubmissionEntry[] = [];
  const unidentified: string[] = [];
  const wholeOf = (f: UnitFileResult): UnitReport => {
    if (!f.leftOut) return f.report!;
    const report = validation.whole?.(f);
    if (!report) throw new InputChangedError(f.file);
    return report;
  };
  for (const f of validation.files) {
    const entry = submissionEntry(f);
    if (entry && f.leftOut) entry.whole = () => wholeOf(f);
    if (entry) entries.push(withReceipt(entry, receipts.lookup));
    else unidentified.push(f.file);
  }
  const kind = config ? "consolidated" : "unit";
  const unitCode = config ? undefined : valid[0]!.unit.code;
  const built = await documentBytes(
    () =>
      config
        ? buildReportDocument({
            ...common,
            kind: "consolidated",
            config: config.config,
            period,
            year,
            entries,
            unidentified,
            ...(compare ? { compare } : {}),
            ...(previous ? { previous: { catalog: previous.catalog, reports: previous.reports } } : {}),
            ...(options.audience ? { audience: options.audience } : {}),
            today: options.today,
          })
        : buildReportDocument({
            ...common,
            kind: "unit",
            report: wholeOf(validation.files.find((f) => f.report)!),
            waived: unitWaivers(validation),
          }),
    // The model holds all the document needs; nothing else may keep a report while it is written.
    () => {
      entries.length = 0;
      valid.length = 0;
      compare = undefined;
      for (const f of validation.files) delete f.report;
    },
  );
  if (!built.ok) return built;
  const { bytes } = built;

  const inputs = [
    ...validation.files.map((f) => resolve(cwd, f.file)),
    ...(config ? [resolve(cwd, config.file)] : []),
    ...compareInputs,
    ...(previous?.inputs ?? []),
  ];
  return {
    ok: true,
    kind,
    bytes,
    fileName: defaultReportName(kind, catalog.periods[period], year, unitCode),
    period,
    year,
    inputs,
    validation,
    rejected: invalid.map((f) => ({
      file: f.file,
      ...(f.unit ? { code: f.unit.code } : {}),
      errors: errorCount(f.diagnostics),
    })),
    skipped: validation.skipped,
    compareSkipped,
    later,
    ...(receivedBy !== undefined ? { receivedBy } : {}),
    ...(config && pastPeriodToday(options, config.config, catalog, period)
      ? { datedToday: options.today }
      : {}),
  };
}

/**
 * The document's bytes: its model built, the inputs let go (`release`), the document written. A unit's
 * file that changes meanwhile (its summaries are read again as they are written) stops the build.
 */
async function documentBytes(
  model: () => ReturnType<typeof BuildReportDocument>,
  release: () => void,
): Promise<{ ok: true; bytes: Uint8Array } | RunProblem> {
  try {
    const result = model();
    if (!result.ok) return { ok: false, problem: result.problem, params: result.params };
    release();
    const { renderDocx } = await import("./document/render.js");
    return { ok: true, bytes: await renderDocx(result.model) };
  } catch (e) {
    if (e instanceof InputChangedError)
      return { ok: false, problem: "input-changed", params: { file: e.file } };
    throw e;
  }
}

/** Whether the report was dated today by default, long after its period's deadline. */
function pastPeriodToday(
  options: BuildReportOptions,
  config: Config,
  catalog: Catalog,
  period: PeriodKey,
): boolean {
  if (options.date !== undefined || config.date !== undefined) return false;
  return daysBetween(deadlineRule(catalog, period, config).date, options.today) > PAST_PERIOD_DAYS;
}

/** The waivers that explained a warning on the single valid file of a unit's own report. */
function unitWaivers(validation: ValidateResult) {
  const file = validation.files.find((f) => f.report);
  return file ? firedWaivers(file) : [];
}

/**
 * Last year's annual files (`--previous`), checked against the catalogue they follow: the one of
 * last year's configuration when given, else the built-in one of that year. Without the registry of
 * this year: a unit that reported then and not now is no error, it is named apart.
 */
async function previousYear(
  paths: readonly string[],
  options: BuildReportOptions & { lang: Lang; cwd: string },
  period: PeriodKey,
  year: number,
): Promise<
  { ok: true; catalog: Catalog; reports: UnitReport[]; inputs: string[] } | InvalidInput | RunProblem
> {
  if (period !== "annual") return { ok: false, problem: "previous-not-annual", params: { period } };
  const last = year - 1;
  let catalog = catalogForYear(last);
  if (options.previousConfig) {
    const loaded = await configured({
      config: options.previousConfig,
      cwd: options.cwd,
      lang: options.lang,
      ...(options.cacheDirs ? { cacheDirs: options.cacheDirs } : {}),
    });
    if (!loaded.ok) return loaded;
    catalog = loaded.config?.catalog;
  }
  if (!catalog || catalog.year !== last)
    return { ok: false, problem: "previous-no-catalog", params: { year: last } };
  const checked = await validate(paths, {
    lang: options.lang,
    cwd: options.cwd,
    noConfig: true,
    catalog,
    period: "annual",
    year: last,
    select: true,
    // Figures only: last year's summaries are never shown.
    lean: true,
  });
  if (!checked.ok) return checked;
  const bad = checked.files.filter((f) => !f.report);
  if (bad.length && !options.skipInvalid)
    return {
      ok: false,
      problem: "input-invalid",
      params: { count: bad.length, files: checked.files.length },
      diagnostics: checked.diagnostics,
    };
  return {
    ok: true,
    catalog,
    reports: checked.files.flatMap((f) => (f.report ? [f.report] : [])),
    inputs: checked.files.map((f) => resolve(options.cwd, f.file)),
  };
}
