import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { DEFAULT_CATALOG_ID, loadCatalog } from "../catalog/catalog.js";
import { unitReportSchema } from "../catalog/schema.js";
import type { ConfigResult } from "../config.js";
import {
  PERIOD_KEYS,
  type Catalog,
  type Config,
  type Diagnostic,
  type Lang,
  type PeriodKey,
  type RegistryUnit,
  type UnitReport,
} from "../model.js";
import { discover } from "../source/discover.js";
import { MAX_FILE_BYTES } from "../source/decode.js";
import { fileIdentity, isRegularFile, readInput } from "../io/read-input.js";
import { fastValue, plainPositions } from "../source/fast-read.js";
import { checkUnitFast, digestOf, leanOf, type UnitCheckContext, type UnitFileResult } from "./check-fast.js";
import { byPosition, capRepeats, toDiagnostic } from "./diagnostics.js";
import { countBySeverity } from "../output/diagnostics.js";
import type { Finding } from "./finding.js";
import { ruleInfo } from "./messages.js";
import { normalise } from "./normalise.js";
import { registryFindings, registryIndex } from "./registry.js";
import { rememberValidators, validatorsFor } from "./validators.js";

/** A run over many files: discovery, the configuration, each file, then the rules across files. */

export interface ValidateOptions {
  lang?: Lang;
  /** Path of the configuration; when absent, `geq.yaml` in `cwd` is used if it exists. */
  config?: string;
  /** Ignore a `geq.yaml` found in `cwd`. */
  noConfig?: boolean;
  year?: number;
  period?: PeriodKey;
  cwd?: string;
  /**
   * `year` and `period` select files instead of pinning them (status, build-report): a file that says
   * it belongs to another year or period is skipped (listed in `skipped`), neither an error nor a
   * duplicate. A file whose year or period cannot be read stays, and is reported as it is.
   */
  select?: boolean;
  /**
   * Only files received (`submitted`) on or before this ISO day count; later ones are listed in
   * `later` and left out, as not yet received on that day. A function is given the configuration,
   * for a day that depends on it (the report's date).
   */
  receivedBy?: string | ((config: Config | undefined) => string | undefined);
  /** Keep a digest of each valid report instead of the report (see `UnitCheckContext`). */
  digestOnly?: boolean;
  /** Keep each valid report without its summaries (see `UnitCheckContext`); `whole` reads them again. */
  lean?: boolean;
  /** The day a file arrived, when the ministry recorded it (receipts): `receivedBy` compares it, not `submitted`. */
  arrival?: (file: UnitFileResult) => string | undefined;
  /**
   * Folders where a catalogue file's compiled validator is kept, the first usable one first (the
   * user's cache folder, then a fallback); none: compiled on every run.
   */
  cacheDirs?: readonly string[];
  /** The catalogue to check the files against, over the configuration's (last year's files: `--previous`). */
  catalog?: Catalog;
  /**
   * Without a configuration: the catalogue to check the files against, a built-in id or the path of
   * a catalogue file from `cwd` (`--catalog`), e.g. for a unit's own report of a year geq has no
   * guidance of.
   */
  catalogFile?: string;
}

/** A file left out by `select`: it says it belongs to another year or period. */
export interface SkippedFile {
  file: string;
  year?: number;
  period?: PeriodKey;
}

/** A file left out by `receivedBy`: received after that day. */
export interface LaterFile {
  file: string;
  code?: string;
  submitted: string;
  year?: number;
  period?: PeriodKey;
}

/** A valid file's whole report; undefined when the file changed since it was validated. */
export type WholeReport = (file: UnitFileResult) => UnitReport | undefined;

export interface ValidateResult {
  ok: true;
  catalog: Catalog;
  config?: LoadedConfig;
  files: UnitFileResult[];
  /** Registered units with no file in this run (a note, never a failure of validate). */
  missing: RegistryUnit[];
  /** Files of another year or period, left out with `select`. */
  skipped: SkippedFile[];
  /** Files received after `receivedBy`, left out. */
  later: LaterFile[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  waived: number;
  /** With `lean`: the whole report of a file, read again. */
  whole?: WholeReport;
}

/** The command could not run: exit code 2. */
export interface RunProblem {
  ok: false;
  problem: string;
  params: Record<string, unknown>;
  diagnostics?: Diagnostic[];
}

/** The single value all items agree on, `undefined` when there is none, `null` when they disagree. */
function agreed<T>(values: readonly T[]): T | undefined | null {
  const distinct = [...new Set(values)];
  return distinct.length > 1 ? null : distinct[0];
}

/**
 * The period and year a run is about: as pinned by the options, else as the files say (those
 * received later than the day the run speaks of included: they still say which period the folder
 * holds), else the catalogue's year; a problem when the files disagree or none says its period.
 */
export function periodOfFiles(
  result: ValidateResult,
  pinned: { period?: PeriodKey; year?: number },
): { ok: true; period: PeriodKey; year: number } | RunProblem {
  const all = [...result.files, ...result.later];
  const filePeriods = all.flatMap((f) => (f.period ? [f.period] : []));
  const period = pinned.period ?? agreed(filePeriods);
  if (period === null) {
    const periods = PERIOD_KEYS.filter((k) => filePeriods.includes(k)).join(", ");
    return { ok: false, problem: "periods-differ", params: { periods } };
  }
  if (period === undefined) return { ok: false, problem: "period-unknown", params: {} };
  const fileYears = all.flatMap((f) => (f.year !== undefined ? [f.year] : []));
  const year = pinned.year ?? agreed(fileYears);
  if (year === null) {
    const years = [...new Set(fileYears)].sort((a, b) => a - b).join(", ");
    return { ok: false, problem: "years-differ", params: { years } };
  }
  return { ok: true, period, year: year ?? result.catalog.year };
}

type Loaded = { bytes: Uint8Array } | { tooLarge: number } | { failed: { problem: string; code: string } };

/**
 * Reads an input file by the input policy (io/read-input.ts): too large is a finding on the file;
 * anything that cannot be read as a file stops the run, naming the path.
 */
function loadFile(path: string): Loaded {
  const read = readInput(path);
  if ("bytes" in read || "tooLarge" in read) return read;
  if ("notAFile" in read) return { failed: { problem: "input-not-file", code: read.notAFile } };
  if ("stalled" in read) return { failed: { problem: "input-stalled", code: String(read.stalled) } };
  return { failed: { problem: "file-unreadable", code: read.unreadable } };
}

/** The run's problem for an input that could not be read; the configuration's own words for it. */
function unreadable(path: string, failed: { problem: string; code: string }, config = false): RunProblem {
  const problem = failed.problem === "file-unreadable" && config ? "config-unreadable" : failed.problem;
  return { ok: false, problem, params: { path, code: failed.code } };
}

export type LoadedConfig = ConfigResult & {
  ok: true;
  config: Config;
  catalog: Catalog;
  /** The catalogue file the configuration names, as given to `validate`, and its compiled validator's cache entry. */
  catalogFile?: { path: string; module?: string };
};

/** A catalogue by name: a built-in one by id, or a file by its path from `folder`. */
async function catalogNamed(
  name: string,
  folder: string,
  cwd: string,
  options: { lang: Lang; cacheDirs?: readonly string[] },
): Promise<{ catalog: Catalog; catalogFile?: { path: string; module?: string } } | RunProblem> {
  const builtIn = loadCatalog(name);
  if (builtIn) return { catalog: builtIn };
  const file = resolve(folder, name);
  const shown = relative(cwd, file) || file;
  const { loadCatalogFile } = await import("../catalog/catalog-file.js");
  const loaded = await loadCatalogFile(file, shown, options);
  if (!loaded.ok) return loaded;
  rememberValidators(loaded.catalog, loaded.unit);
  return {
    catalog: loaded.catalog,
    catalogFile: { path: file, ...(loaded.module ? { module: loaded.module } : {}) },
  };
}

async function loadConfig(
  path: string,
  cwd: string,
  lang: Lang,
  cacheDirs?: readonly string[],
): Promise<LoadedConfig | RunProblem> {
  const loaded = loadFile(resolve(cwd, path));
  if ("failed" in loaded) return unreadable(path, loaded.failed, true);
  const defaultCatalog = loadCatalog(DEFAULT_CATALOG_ID)!;
  const validators = await validatorsFor(defaultCatalog);
  const result =
    "tooLarge" in loaded
      ? {
          file: path,
          diagnostics: [
            toDiagnostic(
              path,
              { rule: "file-too-large", path: [], params: { size: loaded.tooLarge, max: MAX_FILE_BYTES } },
              { schema: {}, lang },
            ),
          ],
        }
      : ((await import("../config.js")).checkConfigFast(path, loaded.bytes, validators) ??
        (await import("./check-config.js")).checkConfig(path, loaded.bytes, { lang, validators }));
  // A registry of 10,000 units can repeat one mistake as often as a unit file can.
  result.diagnostics = capRepeats(result.diagnostics);
  if (!result.config)
    return { ok: false, problem: "config-invalid", params: { path }, diagnostics: result.diagnostics };
  const catalog = await catalogNamed(result.config.catalog, dirname(resolve(cwd, path)), cwd, {
    lang,
    ...(cacheDirs ? { cacheDirs } : {}),
  });
  if ("ok" in catalog)
    return { ...catalog, diagnostics: [...result.diagnostics, ...(catalog.diagnostics ?? [])] };
  return { ok: true, ...result, config: result.config, ...catalog };
}

/** Where the configuration file is looked for when none is named. */
const DEFAULT_CONFIG_FILE = "geq.yaml";

const positioned = () => import("./check-unit.js");

/**
 * The configuration to use: the one named, else `geq.yaml` in the working folder, else none. A
 * `geq.yaml` nobody named must be a regular file: a pipe or a device there is refused, not waited on.
 */
function configPath(options: ValidateOptions, cwd: string): { path?: string } | RunProblem {
  if (options.config) return { path: options.config };
  if (options.noConfig || !existsSync(resolve(cwd, DEFAULT_CONFIG_FILE))) return {};
  if (isRegularFile(resolve(cwd, DEFAULT_CONFIG_FILE))) return { path: DEFAULT_CONFIG_FILE };
  return { ok: false, problem: "config-not-regular", params: { path: DEFAULT_CONFIG_FILE } };
}

/**
 * The configuration a command would use (named, else `./geq.yaml`), loaded with its catalogue; none
 * when there is no configuration. For commands that read no unit file (`init`, `schema unit`).
 */
export async function configured(
  options: Pick<ValidateOptions, "config" | "noConfig" | "cwd" | "lang" | "cacheDirs" | "catalogFile">,
): Promise<{ ok: true; config?: LoadedConfig; catalog?: Catalog } | RunProblem> {
  const cwd = options.cwd ?? ".";
  const which = configPath(options, cwd);
  if ("ok" in which) return which;
  const lang = options.lang ?? "vi";
  if (!which.path) {
    if (options.catalogFile === undefined) return { ok: true };
    const named = await catalogNamed(options.catalogFile, cwd, cwd, { lang, ...cacheOf(options) });
    return "ok" in named ? named : { ok: true, catalog: named.catalog };
  }
  if (options.catalogFile !== undefined)
    return { ok: false, problem: "catalog-and-config", params: { path: which.path } };
  const loaded = await loadConfig(which.path, cwd, lang, options.cacheDirs);
  return loaded.ok ? { ok: true, config: loaded, catalog: loaded.catalog } : loaded;
}

const cacheOf = (o: { cacheDirs?: readonly string[] }) => (o.cacheDirs ? { cacheDirs: o.cacheDirs } : {});

/** Batches from this many files on are checked on several threads (`check-files.ts`). */
const PARALLEL_FILES = 200;

/** A file checked, or the reason it could not be read (which stops the run). */
export type FileOutcome = UnitFileResult | { file: string; failed: { problem: string; code: string } };

/** Reads and checks one unit file. */
export async function checkFile(file: string, cwd: string, ctx: UnitCheckContext): Promise<FileOutcome> {
  const loaded = loadFile(resolve(cwd, file));
  if ("failed" in loaded) return { file, failed: loaded.failed };
  if ("tooLarge" in loaded) {
    const finding: Finding = {
      rule: "file-too-large",
      path: [],
      params: { size: loaded.tooLarge, max: MAX_FILE_BYTES },
    };
    return { file, diagnostics: [toDiagnostic(file, finding, { schema: ctx.schema, lang: ctx.lang })] };
  }
  // The YAML library that keeps positions is loaded only for the first file that needs it.
  const result =
    checkUnitFast(file, loaded.bytes, ctx) ?? (await positioned()).checkUnit(file, loaded.bytes, ctx);
  result.diagnostics = capRepeats(result.diagnostics);
  if (ctx.digestOnly && result.report) {
    result.digest = digestOf(result.report);
    delete result.report;
  } else if (ctx.lean && result.report && isRegularFile(resolve(cwd, file))) {
    // Only a regular file can be read again; a pipe's report is kept whole.
    const lean = leanOf(result.report, await hashOf(loaded.bytes));
    result.report = structuredClone(lean.report);
    result.leftOut = lean.leftOut;
  } else if (result.report) {
    // A copy: the report's strings are cut from the file's text, which they would otherwise keep whole.
    result.report = structuredClone(result.report);
  }
  return result;
}

/** A file's fingerprint: the file read again is the file validated only if they agree. */
async function hashOf(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(bytes).digest("base64");
}

/**
 * The whole report of a file validated with a lean report, read again: undefined when the file is no
 * longer the one validated (changed, gone). The same bytes read the same way give the report that
 * validation accepted, so it is only read, not checked again. Synchronous, since Phụ lục IV is written
 * as it is rendered: what the reading needs is loaded here.
 */
async function wholeReader(cwd: string): Promise<WholeReport> {
  const [{ createHash }, { readSource }] = await Promise.all([
    import("node:crypto"),
    import("../source/read.js"),
  ]);
  return (f) => {
    if (!f.leftOut) return f.report;
    const loaded = loadFile(resolve(cwd, f.file));
    if (!("bytes" in loaded)) return undefined;
    if (createHash("sha256").update(loaded.bytes).digest("base64") !== f.leftOut.hash) return undefined;
    const fast = fastValue(loaded.bytes);
    if (fast) return fast.value as unknown as UnitReport;
    const source = readSource(loaded.bytes).source;
    return source && (normalise(source.value) as UnitReport);
  };
}

/** Checks files in order, up to the first that cannot be read. */
export async function checkFiles(
  files: readonly string[],
  cwd: string,
  ctx: UnitCheckContext,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const file of files) {
    const outcome = await checkFile(file, cwd, ctx);
    out.push(outcome);
    if ("failed" in outcome) break;
  }
  return out;
}

async function checkInParallel(
  files: readonly string[],
  cwd: string,
  ctx: UnitCheckContext,
): Promise<FileOutcome[]> {
  const { checkFilesInParallel } = await import("./check-files.js");
  const spec = {
    catalog: ctx.catalog,
    ...(ctx.catalogModule ? { catalogModule: ctx.catalogModule } : {}),
    lang: ctx.lang,
    expected: ctx.expected,
    ...(ctx.config
      ? { config: { deadlines: ctx.config.deadlines, deadline_day: ctx.config.deadline_day } }
      : {}),
    ...(ctx.digestOnly ? { digestOnly: true } : {}),
    ...(ctx.lean ? { lean: true } : {}),
  };
  return (await checkFilesInParallel(files, cwd, ctx, spec)).outcomes;
}

/** True when the file says it belongs to a year or period other than the selected one. */
function belongsElsewhere(f: UnitFileResult, selected: { year?: number; period?: PeriodKey }): boolean {
  if (selected.year !== undefined && f.year !== undefined && f.year !== selected.year) return true;
  return selected.period !== undefined && f.period !== undefined && f.period !== selected.period;
}

function crossFileFindings(
  files: UnitFileResult[],
  registry: RegistryUnit[] | undefined,
): Map<UnitFileResult, Finding[]> {
  const out = new Map<UnitFileResult, Finding[]>();
  const add = (r: UnitFileResult, f: Finding) => out.set(r, [...(out.get(r) ?? []), f]);
  const index = registry && registryIndex(registry);
  const seen = new Map<string, UnitFileResult>();
  for (const r of files) {
    if (!r.unit) continue;
    if (index) for (const f of registryFindings(r, index)) add(r, f);
    const key = `${r.unit.code}\u0000${r.year}\u0000${r.period}`;
    const first = seen.get(key);
    if (first)
      add(r, {
        rule: "duplicate-unit",
        path: ["unit", "code"],
        params: { code: r.unit.code, other: first.file },
      });
    else seen.set(key, r);
  }
  return out;
}

export async function validate(
  paths: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidateResult | RunProblem> {
  const lang = options.lang ?? "vi";
  const cwd = options.cwd ?? ".";
  const which = configPath(options, cwd);
  if ("ok" in which) return which;
  const cfgPath = which.path;
  let config: LoadedConfig | undefined;
  let named: { catalog: Catalog; catalogFile?: { path: string; module?: string } } | undefined;
  if (cfgPath && options.catalogFile !== undefined)
    return { ok: false, problem: "catalog-and-config", params: { path: cfgPath } };
  if (cfgPath) {
    const loaded = await loadConfig(cfgPath, cwd, lang, options.cacheDirs);
    if (!loaded.ok) return loaded;
    config = loaded;
  } else if (options.catalogFile !== undefined) {
    const loaded = await catalogNamed(options.catalogFile, cwd, cwd, { lang, ...cacheOf(options) });
    if ("ok" in loaded) return loaded;
    named = loaded;
  }
  const chosen = config ?? named;
  const found = discover(paths, cwd);
  if ("problem" in found) return { ok: false, problem: found.problem, params: found.params };

  const catalog = options.catalog ?? chosen?.catalog ?? loadCatalog(DEFAULT_CATALOG_ID)!;
  const catalogModule = options.catalog ? undefined : chosen?.catalogFile?.module;
  const validators = await validatorsFor(catalog, catalogModule);
  const schema = unitReportSchema(catalog);
  const expected = {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.period ? { period: options.period } : {}),
  };
  const ctx = {
    lang,
    catalog,
    validators,
    schema,
    expected,
    ...(config ? { config: config.config } : {}),
    ...(options.digestOnly ? { digestOnly: true } : {}),
    ...(options.lean ? { lean: true } : {}),
    ...(catalogModule ? { catalogModule } : {}),
  };
  // The configuration and its catalogue are no unit files, however they are named (a link, another path).
  const ownIds = new Set(
    [cfgPath && resolve(cwd, cfgPath), chosen?.catalogFile?.path].flatMap((p) => {
      const id = p ? fileIdentity(p) : undefined;
      return id === undefined ? [] : [id];
    }),
  );

  const targets =
    ownIds.size === 0
      ? found.files
      : found.files.filter((file) => !ownIds.has(fileIdentity(resolve(cwd, file)) ?? ""));
  // A large batch is spread over the machine's cores; a small one keeps its quick start.
  const outcomes =
    targets.length >= PARALLEL_FILES
      ? await checkInParallel(targets, cwd, ctx)
      : await checkFiles(targets, cwd, ctx);
  const checked: UnitFileResult[] = [];
  for (const outcome of outcomes) {
    if ("failed" in outcome) return unreadable(outcome.file, outcome.failed);
    checked.push(outcome);
  }

  // Which files the run is about, decided once, before any rule across files: a skipped or later
  // file is neither a duplicate nor a unit's file.
  const receivedBy =
    typeof options.receivedBy === "function" ? options.receivedBy(config?.config) : options.receivedBy;
  const arrived = (f: UnitFileResult) => options.arrival?.(f) ?? f.submitted;
  const files: UnitFileResult[] = [];
  const skipped: SkippedFile[] = [];
  const later: LaterFile[] = [];
  for (const f of checked) {
    const day = arrived(f);
    if (options.select && belongsElsewhere(f, expected)) {
      skipped.push({
        file: f.file,
        ...(f.year !== undefined ? { year: f.year } : {}),
        ...(f.period ? { period: f.period } : {}),
      });
    } else if (receivedBy !== undefined && day !== undefined && day > receivedBy) {
      later.push({
        file: f.file,
        ...(f.unit ? { code: f.unit.code } : {}),
        submitted: day,
        ...(f.year !== undefined ? { year: f.year } : {}),
        ...(f.period ? { period: f.period } : {}),
      });
    } else files.push(f);
  }

  for (const [result, findings] of crossFileFindings(files, config?.config.units)) {
    // Read again for positions, only in this rare case: keeping every file's positions costs memory.
    // A file in the plain subset has them from its lines; any other is read with positions.
    const again = loadFile(resolve(cwd, result.file));
    const fast = "bytes" in again ? fastValue(again.bytes) : undefined;
    const source =
      "bytes" in again && !fast
        ? (await import("../source/read.js")).readSource(again.bytes).source
        : undefined;
    const where = { ...(fast ? { place: plainPositions(fast.text) } : {}), ...(source ? { source } : {}) };
    for (const f of findings)
      result.diagnostics.push(toDiagnostic(result.file, f, { ...where, schema, lang }));
    result.diagnostics = capRepeats(result.diagnostics.sort(byPosition));
    // Only an error rejects the file; a warning leaves its report in.
    if (findings.some((f) => ruleInfo(f.rule).severity === "error")) {
      delete result.report;
      delete result.digest;
      delete result.leftOut;
    }
  }

  const present = new Set(files.flatMap((r) => (r.unit ? [r.unit.code] : [])));
  const missing = (config?.config.units ?? []).filter((u) => !present.has(u.code));
  const diagnostics = [...(config?.diagnostics ?? []), ...files.flatMap((r) => r.diagnostics)].sort(
    byPosition,
  );
  const { errors, warnings, waived } = countBySeverity(diagnostics);
  return {
    ok: true,
    catalog,
    ...(config ? { config } : {}),
    files,
    missing,
    skipped,
    later,
    diagnostics,
    errors,
    warnings,
    waived,
    ...(options.lean ? { whole: await wholeReader(cwd) } : {}),
  };
}
