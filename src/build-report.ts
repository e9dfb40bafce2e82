import { resolve } from "node:path";
import { loadCatalog } from "./catalog/catalog.js";
import { errorCount, submissionEntry, type SubmissionEntry } from "./consolidate/submissions.js";
import type { Diagnostic, Lang, PeriodKey, UnitReport } from "./model.js";
import {
  periodOfFiles,
  validate,
  type RunProblem,
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
  /** The same year's semi-annual files, for an annual report (`--compare`). */
  compare?: readonly string[];
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
}

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
  // Pinned periods make files of another period errors; otherwise the files must agree on one,
  // so a stray file of another period stops the build instead of joining the report.
  const validation = await validate(paths, { ...options, lang });
  if (!validation.ok) return validation;
  const which = periodOfFiles(validation, options);
  if (!which.ok) return which;
  const { period, year } = which;
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
  if (options.compare?.length) {
    const cmp = await validate(options.compare, { ...options, lang, period: "semi-annual", year });
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
  }

  const catalog = validation.catalog ?? loadCatalog();
  const { buildReportModel, defaultReportName } = await import("./report.js");
  const common = {
    catalog,
    ...(options.date ? { date: options.date } : {}),
    ...(options.number ? { number: options.number } : {}),
    ...(options.templateDir ? { templateDir: options.templateDir } : {}),
  };
  // A file that names no unit is listed under its own name among the rejected ones.
  const entries: SubmissionEntry[] = validation.files.map(
    (f) =>
      submissionEntry(f) ?? { code: f.file, name: f.file, file: f.file, errors: errorCount(f.diagnostics) },
  );
  const result = config
    ? buildReportModel({
        ...common,
        kind: "consolidated",
        config: config.config,
        period,
        year,
        entries,
        ...(compare ? { compare } : {}),
        today: options.today,
      })
    : buildReportModel({ ...common, kind: "unit", report: valid[0]! });
  if (!result.ok) return { ok: false, problem: result.problem, params: result.params };

  const { renderDocx } = await import("./document/render.js");
  const bytes = await renderDocx(result.model);
  const kind = config ? "consolidated" : "unit";
  const unitCode = config ? undefined : valid[0]!.unit.code;
  const inputs = [
    ...validation.files.map((f) => resolve(cwd, f.file)),
    ...(config ? [resolve(cwd, config.file)] : []),
    ...compareInputs,
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
  };
}
