import { Command, CommanderError, Help, Option } from "commander";
import { tmpdir, userInfo } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Audience, Diagnostic, Lang, PeriodKey } from "./model.js";
import { t, type TextKey } from "./i18n.js";
import {
  countBySeverity,
  formatGithub,
  formatJson,
  formatText,
  PLAIN,
  type Paint,
} from "./output/diagnostics.js";
import { printable } from "./io/names.js";

/**
 * The shell: the only module that reads argv and the environment, prints, and sets the exit
 * code. Commands load what they need (docx, handlebars, Ajv) only when they run.
 */

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_CANNOT_RUN = 2;

/** A problem that stops the command: printed as a sentence, exit 2 unless said otherwise. */
class Stop extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: Record<string, unknown> = {},
    readonly exitCode = EXIT_CANNOT_RUN,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(key);
  }
}

function detectLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  if (flag) return flag.toLowerCase().startsWith("en") ? "en" : "vi";
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return env.toLowerCase().startsWith("en") ? "en" : "vi";
}

async function makePaint(stream: NodeJS.WriteStream): Promise<Paint> {
  const force = process.env.FORCE_COLOR;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  const wanted = force !== undefined ? force !== "0" && force !== "false" : !noColor && stream.isTTY === true;
  if (!wanted) return PLAIN;
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: 1 });
  return {
    ok: (s) => c.green(s),
    error: (s) => c.red.bold(s),
    warning: (s) => c.yellow(s),
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
  };
}

const out = (s: string) => void process.stdout.write(s);
const err = (s: string) => void process.stderr.write(s);

/**
 * The notes on standard error about files a command left out: of another period (`--year`,
 * `--period` select), or received after the day it speaks of (`--as-of`, the report's date).
 */
async function printLeftOut(
  lang: Lang,
  what: {
    year: number;
    period: PeriodKey;
    skipped: readonly unknown[];
    compareSkipped?: readonly unknown[];
    later: readonly { file: string; code?: string }[];
    receivedBy?: string;
  },
): Promise<void> {
  const { year, period } = what;
  if (what.skipped.length)
    err(t(lang, "skipped-other-period", { count: what.skipped.length, year, period }) + "\n");
  if (what.compareSkipped?.length)
    err(t(lang, "skipped-compare", { count: what.compareSkipped.length, year }) + "\n");
  if (what.later.length && what.receivedBy) {
    const { formatDateFor } = await import("./present/format.js");
    const units = [...new Set(what.later.map((l) => printable(l.code ?? l.file)))].join(", ");
    err(
      t(lang, "later-files", {
        count: what.later.length,
        date: formatDateFor(lang, what.receivedBy),
        units,
      }) + "\n",
    );
  }
}

function parsePeriod(value: string | undefined): PeriodKey | undefined {
  if (value === undefined) return undefined;
  if (value === "semi-annual" || value === "annual") return value;
  throw new Stop("bad-option", { option: "--period", value, expected: "semi-annual | annual" });
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new Stop("bad-option", { option: "--year", value, expected: "YYYY" });
  return Number(value);
}

async function parseDate(option: string, value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const { isIsoDate, isPlausibleDate, PLAUSIBLE_YEARS } = await import("./dates.js");
  if (!isIsoDate(value)) throw new Stop("bad-option", { option, value, expected: "YYYY-MM-DD" });
  if (!isPlausibleDate(value))
    throw new Stop("implausible-option-date", { option, value, ...PLAUSIBLE_YEARS });
  return value;
}

/**
 * Where a catalogue file's compiled validator is kept: the user's cache folder (`XDG_CACHE_HOME`,
 * else `~/.cache`; `LOCALAPPDATA` on Windows), then a folder of this user's in the temporary folder
 * for when that one cannot be written. The library uses the first it can.
 */
function cacheDirs(): string[] {
  const env = process.env;
  const base =
    env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : process.platform === "win32" && env.LOCALAPPDATA
        ? env.LOCALAPPDATA
        : env.HOME
          ? join(env.HOME, ".cache")
          : undefined;
  let user = "user";
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    // No user entry (a container's numeric user): the fallback folder is still checked as owned.
  }
  return [...(base ? [join(base, "geq")] : []), join(tmpdir(), `geq-cache-${user}`)];
}

/** The options every reading command shares: configuration, year, period, working folder, cache. */
function selection(opts: Record<string, unknown>) {
  const year = parseYear(opts.year as string | undefined);
  const period = parsePeriod(opts.period as string | undefined);
  return {
    ...(typeof opts.config === "string" ? { config: opts.config } : {}),
    ...(opts.config === false ? { noConfig: true } : {}),
    ...(typeof opts.catalog === "string" ? { catalogFile: opts.catalog } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(period ? { period } : {}),
    cwd: process.cwd(),
    cacheDirs: cacheDirs(),
  };
}

function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Stop("bad-option", { option: "--format", value, expected: allowed.join(" | ") });
}

/** The counts under a list of diagnostics; `files` when the caller knows how many were checked. */
function summaryOf(diagnostics: Diagnostic[], files?: unknown) {
  return {
    files: typeof files === "number" ? files : new Set(diagnostics.map((d) => d.file)).size,
    ...countBySeverity(diagnostics),
    diagnostics,
    missing: [],
  };
}

/** Help and descriptions in the user's language. */
function words(lang: Lang) {
  const vi = lang === "vi";
  return {
    program: vi
      ? "Kiểm tra tệp tiến độ của đơn vị, theo dõi tình hình gửi báo cáo và lập báo cáo công tác bình đẳng giới, vì sự tiến bộ của phụ nữ."
      : "Checks units' progress files, tracks submissions and builds the gender-equality reports.",
    help: vi ? "hiển thị trợ giúp" : "display help",
    version: vi ? "hiển thị phiên bản" : "display the version",
    lang: vi ? "ngôn ngữ thông báo: vi (mặc định) hoặc en" : "language of messages: vi (default) or en",
    debug: vi ? "hiển thị chi tiết khi có lỗi nội bộ" : "show details of internal errors",
    config: vi
      ? "tệp cấu hình (mặc định: geq.yaml trong thư mục hiện tại nếu có)"
      : "configuration file (default: geq.yaml in the current folder, if any)",
    year: vi ? "năm báo cáo cần kiểm tra" : "reporting year to check",
    initYear: vi
      ? "năm báo cáo (mặc định: năm của hướng dẫn mới nhất mà geq có)"
      : "reporting year (default: the year of the newest guidance geq has)",
    period: vi
      ? "kỳ báo cáo: semi-annual (sơ kết 6 tháng) hoặc annual (tổng kết năm)"
      : "period: semi-annual or annual",
    validate: vi
      ? "kiểm tra tệp tiến độ của đơn vị (tệp, thư mục hoặc mẫu glob)"
      : "check unit progress files (files, folders or globs)",
    paths: vi ? "tệp, thư mục hoặc mẫu glob" : "files, folders or globs",
    strict: vi ? "coi cảnh báo (chưa giải trình) là lỗi" : "fail on warnings that are not waived",
    format: vi ? "định dạng kết quả" : "output format",
    init: vi ? "tạo tệp tiến độ đầy đủ cho một đơn vị" : "write a complete progress file for a unit",
    unit: vi ? "mã đơn vị, ví dụ VKT" : "unit code, e.g. VKT",
    name: vi ? "tên đơn vị" : "unit name",
    output: vi ? "tệp kết quả" : "output file",
    force: vi ? "ghi đè tệp đã có" : "overwrite an existing file",
    schema: vi
      ? "in JSON Schema của tệp tiến độ (unit) hoặc tệp cấu hình (config)"
      : "print the JSON Schema of unit files (unit) or the configuration (config)",
    schemaKind: vi
      ? "unit (tệp tiến độ), config (tệp cấu hình) hoặc catalog (tệp hướng dẫn năm)"
      : "unit, config or catalog",
    schemaConfig: vi
      ? "với unit: lược đồ theo hướng dẫn năm của tệp cấu hình này (mặc định: geq.yaml trong thư mục hiện tại nếu có)"
      : "with unit: the schema of this configuration's guidance (default: ./geq.yaml, if any)",
    initConfig: vi
      ? "tệp cấu hình: tệp mới theo hướng dẫn năm mà cấu hình trỏ tới (mặc định: geq.yaml trong thư mục hiện tại nếu có)"
      : "configuration: the new file follows its guidance (default: ./geq.yaml, if any)",
    catalog: vi ? "hướng dẫn năm: tạo tệp hướng dẫn cho năm mới" : "guidance catalogues: write next year's",
    catalogOption: vi
      ? "khi không dùng tệp cấu hình: hướng dẫn năm, là mã hướng dẫn có sẵn hoặc tệp hướng dẫn .yaml (ví dụ báo cáo riêng của đơn vị theo huong-dan-2023.yaml)"
      : "without a configuration: the guidance, a built-in id or a .yaml catalogue file (e.g. a unit's own report under huong-dan-2023.yaml)",
    catalogNew: vi
      ? "tạo tệp hướng dẫn năm mới (YAML, có chú thích) từ hướng dẫn của năm trước để sửa theo văn bản mới"
      : "write a new year's guidance catalogue (commented YAML) from last year's, to edit",
    catalogFrom: vi
      ? "hướng dẫn gốc: mã hướng dẫn có sẵn (ví dụ 2022) hoặc tệp hướng dẫn .yaml (mặc định: hướng dẫn mới nhất mà geq có)"
      : "the catalogue to start from: a built-in id (e.g. 2022) or a .yaml catalogue file (default: the newest built-in)",
    catalogYear: vi
      ? "năm của hướng dẫn mới (mặc định: năm sau năm của hướng dẫn gốc)"
      : "the new catalogue's year (default: the year after)",
    status: vi
      ? "tình hình gửi báo cáo của các đơn vị trong danh sách: đúng hạn, chậm, chưa gửi, không hợp lệ"
      : "submissions of the registered units: on time, late, missing, invalid",
    statusPaths: vi
      ? "thư mục, tệp hoặc mẫu glob chứa báo cáo của các đơn vị"
      : "folders, files or globs of unit files",
    asOf: vi
      ? "tính đến ngày YYYY-MM-DD (mặc định: hôm nay)"
      : "take the status as of this day, YYYY-MM-DD (default: today)",
    failOn: vi
      ? "trả mã thoát 1 khi có đơn vị thuộc trường hợp: missing (chưa gửi), late (chậm), invalid (không hợp lệ); nhiều giá trị cách nhau bằng dấu phẩy hoặc lặp lại tùy chọn"
      : "exit 1 when a unit is missing, late or invalid; several values comma-separated or by repeating the option",
    examples: vi ? "Ví dụ:" : "Examples:",
    noConfig: vi
      ? "không dùng tệp cấu hình (kể cả geq.yaml trong thư mục hiện tại)"
      : "use no configuration (not even ./geq.yaml)",
    buildReport: vi
      ? "lập báo cáo .docx: báo cáo tổng hợp của các đơn vị (có cấu hình) hoặc báo cáo riêng của một đơn vị (một tệp)"
      : "build the .docx report: consolidated (with a configuration) or one unit's own report (one file)",
    date: vi
      ? "ngày ban hành, YYYY-MM-DD (mặc định: ngày trong cấu hình, hoặc hôm nay)"
      : "document date, YYYY-MM-DD (default: the configuration's, else today)",
    number: vi
      ? "số văn bản, ví dụ 125 (mặc định để trống)"
      : "document number, e.g. 125 (default: left blank)",
    skipInvalid: vi
      ? "lập báo cáo từ các tệp hợp lệ, nêu tên đơn vị bị loại"
      : "build from the valid files and name the rejected units",
    compare: vi
      ? "các tệp sơ kết 6 tháng cùng năm để so sánh (báo cáo năm)"
      : "the same year's semi-annual files, for comparison (annual report)",
    previous: vi
      ? "các tệp tổng kết năm của năm trước để so sánh năm này với năm trước (báo cáo năm)"
      : "last year's annual files, to compare this year with last (annual report)",
    previousConfig: vi
      ? "tệp cấu hình của năm trước, có hướng dẫn năm mà các tệp --previous theo (mặc định: hướng dẫn có sẵn của năm đó)"
      : "last year's configuration, whose guidance the --previous files follow (default: geq's built-in one for that year)",
    template: vi
      ? "thư mục mẫu báo cáo thay cho mẫu có sẵn"
      : "folder of templates to use instead of the built-in ones",
    audience: vi
      ? "người đọc báo cáo tổng hợp: external (gửi cơ quan cấp trên, mặc định) hoặc internal (dùng nội bộ: thêm Phụ lục II và kiến nghị của các đơn vị)"
      : "readers of a consolidated report: external (to the bodies it reports to, the default) or internal (adds Phụ lục II and the units' requests)",
    receive: vi
      ? "nhận báo cáo của đơn vị (văn thư): kiểm tra tệp, lưu vào thư mục của kỳ báo cáo và ghi vào sổ nhận báo cáo"
      : "receive a unit's report (the clerk's step): check it, file it in the period's folder and enter it in the receipts file",
    receiveFiles: vi ? "tệp báo cáo của đơn vị vừa nhận" : "the unit files received",
    receiveDate: vi
      ? "ngày nhận theo dấu công văn đến, YYYY-MM-DD (mặc định: hôm nay)"
      : "receipt date, from the incoming stamp, YYYY-MM-DD (default: today)",
    receiveNumber: vi ? "số đến ghi trên dấu công văn đến" : "incoming number from the incoming stamp",
    replace: vi
      ? "thay tệp khác của đơn vị đã nhận trước đó (tệp cũ được giữ lại thành bản đánh số)"
      : "replace the unit's different earlier file (kept as a numbered copy)",
    into: vi
      ? "thư mục chứa các thư mục kỳ báo cáo <năm>/<kỳ> (mặc định: thư mục của tệp cấu hình)"
      : "folder holding the periods' folders <year>/<period> (default: the configuration's folder)",
    form: vi
      ? "tạo biểu mẫu (một tệp HTML dùng được không cần mạng) để đơn vị điền, kiểm tra và lưu tệp báo cáo .yaml"
      : "write the form (one offline HTML file) in which a unit fills, checks and saves its .yaml report file",
    formUnit: vi
      ? "mã đơn vị: biểu mẫu chỉ dành cho đơn vị này"
      : "unit code: the form is for this unit only",
    formYear: vi
      ? "năm báo cáo (mặc định: năm của hướng dẫn trong cấu hình, hoặc hướng dẫn mới nhất)"
      : "reporting year (default: the configuration's guidance year, else the newest)",
    formPeriod: vi
      ? "kỳ báo cáo cố định: semi-annual (sơ kết 6 tháng) hoặc annual (tổng kết năm)"
      : "fixed period: semi-annual or annual",
    formOutput: vi
      ? "tệp HTML kết quả (mặc định: bieu-mau.html)"
      : "output HTML file (default: bieu-mau.html)",
    titles: vi
      ? {
          "Usage:": "Cách dùng:",
          "Options:": "Tùy chọn:",
          "Commands:": "Lệnh:",
          "Arguments:": "Tham số:",
          "Global Options:": "Tùy chọn chung:",
        }
      : {},
  };
}

/**
 * Commander's help in the user's language: its titles, the `[options]` of usages and the
 * `(default: …)`, `(choices: …)` it adds to descriptions, which it words in English only.
 */
function helpConfig(lang: Lang): Partial<Help> {
  const titles = words(lang).titles as Record<string, string>;
  if (lang !== "vi") return { styleTitle: (s: string) => s };
  const usage = (s: string) => s.replace(/\[options\]/g, "[tùy chọn]").replace(/\[command\]/g, "[lệnh]");
  const extras = (s: string) =>
    s
      .replace(/\(choices: (.*?)\)$/, (_, list: string) => `(chọn một trong: ${list.replace(/"/g, "")})`)
      .replace(/\(default: "?(.*?)"?\)$/, "(mặc định: $1)")
      .replace(/choices: (.*?), default: "?([^"]*)"?\)$/, "chọn một trong: $1; mặc định: $2)");
  return {
    styleTitle: (s: string) => titles[s] ?? s,
    commandUsage(this: Help, cmd: Command) {
      return usage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return usage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(this: Help, option: Option) {
      return extras(Help.prototype.optionDescription.call(this, option));
    },
  };
}

function exampleText(lang: Lang, lines: string[]): string {
  return `\n${words(lang).examples}\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
}

async function runValidate(
  paths: string[],
  opts: Record<string, string | boolean | undefined>,
  lang: Lang,
): Promise<number> {
  const format = parseFormat(String(opts.format ?? "text"), ["text", "json", "github"] as const);
  const cwd = process.cwd();
  const { statSync } = await import("node:fs");
  const isFile = (p: string) => {
    try {
      return statSync(resolve(cwd, p)).isFile();
    } catch {
      return false;
    }
  };
  // A receipts file is checked as one, whether named or beside the unit files checked.
  const { RECEIPTS_FILE, receiptsFilesNear, checkReceiptsFiles } = await import("./receipts.js");
  const named = paths.filter((p) => basename(p) === RECEIPTS_FILE && isFile(p));
  const catalogs = await catalogFiles(paths.filter((p) => !named.includes(p) && isFile(p)));
  const unitPaths = paths.filter((p) => !named.includes(p) && !catalogs.has(p));
  const { validate } = await import("./validate/validate.js");
  const result = unitPaths.length
    ? await validate(unitPaths, { lang, ...selection(opts), digestOnly: true })
    : undefined;
  if (result && !result.ok)
    throw new Stop(result.problem as TextKey, result.params, EXIT_CANNOT_RUN, result.diagnostics);
  const near = receiptsFilesNear(result?.files.map((f) => f.file) ?? [], cwd);
  const receiptsFiles = [...new Set([...named.map((p) => relative(cwd, resolve(cwd, p))), ...near])];
  const receipts = await checkReceiptsFiles(receiptsFiles, cwd, lang);
  if (!receipts.ok) throw new Stop(receipts.problem as TextKey, receipts.params);
  const { byPosition } = await import("./validate/diagnostics.js");
  const { checkCatalog } = await import("./catalog/catalog-file.js");
  const catalogDiagnostics: Diagnostic[] = [];
  for (const [path, bytes] of catalogs)
    catalogDiagnostics.push(...(await checkCatalog(path, bytes, lang)).diagnostics);
  const diagnostics = [...(result?.diagnostics ?? []), ...receipts.diagnostics, ...catalogDiagnostics].sort(
    byPosition,
  );
  const checkedFiles = (result?.files.length ?? 0) + receiptsFiles.length + catalogs.size;
  const counted = summaryOf(diagnostics, checkedFiles);
  // Units without a file are news only when a folder (or glob) was read: one file checked before
  // sending says nothing about the others.
  const report = { ...counted, missing: unitPaths.every(isFile) ? [] : (result?.missing ?? []) };
  if (format === "json") out(formatJson(report));
  else if (format === "github") out(formatGithub(report, lang));
  else out(formatText(report, lang, await makePaint(process.stdout)));
  if (report.errors > 0) return EXIT_INVALID;
  if (opts.strict && report.warnings > 0) {
    err(`geq: ${t(lang, "strict-failed", { count: report.warnings })}\n`);
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

/**
 * The files named that say they are guidance catalogues (`format: geq/catalog/v1`), with their
 * bytes. Only regular files are named here, and only their first bytes are looked at.
 */
async function catalogFiles(paths: string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (paths.length === 0) return out;
  const { closeSync, openSync, readSync } = await import("node:fs");
  const { readInput } = await import("./io/read-input.js");
  const { isCatalogText } = await import("./catalog/catalog-file.js");
  for (const path of paths) {
    const head = new Uint8Array(4096);
    let length = 0;
    try {
      const fd = openSync(resolve(process.cwd(), path), "r");
      try {
        length = readSync(fd, head, 0, head.length, 0);
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // validate names the file it cannot read
    }
    if (!isCatalogText(head.subarray(0, length))) continue;
    const read = readInput(resolve(process.cwd(), path));
    if ("bytes" in read) out.set(path, read.bytes);
  }
  return out;
}

/** `--fail-on a,b --fail-on c` → `[a, b, c]`. */
function collectList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  ];
}

async function runStatus(
  paths: string[],
  opts: Record<string, string | string[] | boolean | undefined>,
  lang: Lang,
): Promise<number> {
  const format = parseFormat(String(opts.format ?? "text"), ["text", "json"] as const);
  const { status, failures, FAIL_CONDITIONS } = await import("./status.js");
  type Condition = (typeof FAIL_CONDITIONS)[number];
  const failOn = (opts.failOn as string[] | undefined) ?? [];
  for (const c of failOn) {
    if (!(FAIL_CONDITIONS as readonly string[]).includes(c))
      throw new Stop("bad-option", { option: "--fail-on", value: c, expected: FAIL_CONDITIONS.join(" | ") });
  }
  const { isoDateOf } = await import("./dates.js");
  const asOf = (await parseDate("--as-of", opts.asOf as string | undefined)) ?? isoDateOf(new Date());
  const result = await status(paths, { lang, asOf, ...selection(opts) });
  if (!result.ok)
    throw new Stop(result.problem as TextKey, result.params, EXIT_CANNOT_RUN, result.diagnostics);
  await printLeftOut(lang, { ...result, receivedBy: asOf });
  const { formatStatusJson, formatStatusText } = await import("./output/status.js");
  if (format === "json") out(formatStatusJson(result));
  else out(formatStatusText(result, lang, await makePaint(process.stdout)));
  const failed = failures(result, failOn as Condition[]);
  if (failed.length === 0) return EXIT_OK;
  err(`geq: ${t(lang, "status-fail-on", { conditions: failed.join(", ") })}\n`);
  return EXIT_INVALID;
}

/** Where a command writes, by the output policy (io/output-target.ts); a refusal stops the run. */
async function outputPlan(target: string, options: { defaultName: string; exclusive?: boolean }) {
  const { planOutput } = await import("./io/output-target.js");
  const plan = planOutput(target, { cwd: process.cwd(), ...options });
  if (!plan.ok) throw new Stop(plan.problem, plan.params);
  return plan;
}

/** Exit codes of a run ended by a signal while writing: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * Writes a planned output. While the write is under way, SIGINT, SIGTERM and SIGHUP remove the
 * temporary file and end the run (the previous file, if any, stays as it was); outside it they
 * keep their default action, so that Ctrl-C stops a long check at once.
 */
async function writeOutput(
  plan: { path: string; shown: string },
  data: Uint8Array | string,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  const { makeOutputFolder } = await import("./io/output-target.js");
  const folder = makeOutputFolder(plan.path);
  if (!folder.ok) throw new Stop("output-failed", { path: plan.shown, code: folder.code });
  const { writeAtomic } = await import("./io/write-atomic.js");
  await whileWriting(async () => {
    const written = await writeAtomic(plan.path, data, options);
    if (!written.ok) {
      const key = written.code === "EEXIST" && options.exclusive ? "output-exists" : "output-failed";
      throw new Stop(key, { path: plan.shown, code: written.code });
    }
  });
}

/** Runs writes with SIGINT, SIGTERM and SIGHUP removing their temporary files and ending the run. */
async function whileWriting<T>(write: () => Promise<T>): Promise<T> {
  const { removeTemporaryFiles } = await import("./io/write-atomic.js");
  const handlers = Object.entries(SIGNAL_EXIT).map(([signal, code]) => {
    const handler = () => {
      removeTemporaryFiles();
      process.exit(code);
    };
    process.on(signal as NodeJS.Signals, handler);
    return () => process.off(signal as NodeJS.Signals, handler);
  });
  try {
    return await write();
  } finally {
    for (const remove of handlers) remove();
  }
}

async function runReceive(
  files: string[],
  opts: Record<string, string | boolean | undefined>,
  lang: Lang,
): Promise<number> {
  const { isoDateOf } = await import("./dates.js");
  const date = (await parseDate("--date", opts.date as string | undefined)) ?? isoDateOf(new Date());
  const { receive } = await import("./receive.js");
  const result = await whileWriting(() =>
    receive(files, {
      lang,
      cwd: process.cwd(),
      date,
      ...(typeof opts.config === "string" ? { config: opts.config } : {}),
      ...(typeof opts.number === "string" ? { number: opts.number } : {}),
      ...(typeof opts.into === "string" ? { into: opts.into } : {}),
      ...(opts.replace ? { replace: true } : {}),
      cacheDirs: cacheDirs(),
    }),
  );
  if (!result.ok)
    throw new Stop(result.problem as TextKey, result.params, EXIT_CANNOT_RUN, result.diagnostics ?? []);
  if (result.diagnostics.length)
    out(formatText(summaryOf(result.diagnostics, files.length), lang, await makePaint(process.stdout)));
  const { formatDateFor } = await import("./present/format.js");
  let code = EXIT_OK;
  for (const o of result.outcomes) {
    const p = printableParams({ ...o, ...("receipt" in o ? o.receipt : {}) });
    switch (o.state) {
      case "filed":
        if (o.receipt.submitted !== undefined && o.receipt.received < o.receipt.submitted)
          err(
            t(lang, "receive-before-submitted", {
              ...p,
              date: formatDateFor(lang, o.receipt.received),
              submitted: formatDateFor(lang, o.receipt.submitted),
            }) + "\n",
          );
        out(
          t(lang, o.inPlace ? "receive-in-place" : "receive-filed", {
            ...p,
            date: formatDateFor(lang, o.receipt.received),
          }) + "\n",
        );
        if (o.kept) out(t(lang, "receive-kept", p) + "\n");
        break;
      case "unchanged":
        out(t(lang, "receive-unchanged", { ...p, date: formatDateFor(lang, o.receipt.received) }) + "\n");
        break;
      case "refused":
        err(`geq: ${t(lang, "receive-refused", p)}\n`);
        code = EXIT_CANNOT_RUN;
        break;
      case "invalid":
        err(`geq: ${t(lang, "receive-invalid", p)}\n`);
        if (code !== EXIT_CANNOT_RUN) code = EXIT_INVALID;
        break;
    }
  }
  return code;
}

async function runInit(opts: Record<string, string | boolean | undefined>, lang: Lang): Promise<number> {
  const { catalogForYear, CATALOG_IDS, loadCatalog, SCHEMAS_DIR } = await import("./catalog/catalog.js");
  const { isoDateOf } = await import("./dates.js");
  const { PLACEHOLDERS } = await import("./validate/rules/placeholder.js");
  const asked = parseYear(opts.year as string | undefined);
  // The configuration's catalogue when there is one: a catalogue file is how a new year's letter arrives.
  const configuredCatalog = await catalogOfConfig(opts, lang);
  const years = [
    ...new Set([
      ...CATALOG_IDS.map((id) => loadCatalog(id)!.year),
      ...(configuredCatalog ? [configuredCatalog.year] : []),
    ]),
  ].sort((a, b) => a - b);
  // Without --year, the configuration's guidance, else the newest geq knows; said aloud when the
  // calendar has moved past it.
  const year = asked ?? configuredCatalog?.year ?? Math.max(...years);
  const catalog = configuredCatalog?.year === year ? configuredCatalog : catalogForYear(year);
  if (!catalog) throw new Stop("unknown-catalog", { year, years: years.join(", ") });
  const thisYear = Number(isoDateOf(new Date()).slice(0, 4));
  const notice =
    asked === undefined && !configuredCatalog && thisYear > year
      ? t(lang, "init-newest-year", { year, thisYear }) + "\n"
      : "";
  const period = parsePeriod(opts.period as string | undefined) ?? "semi-annual";
  const code = String(opts.unit ?? PLACEHOLDERS.code);
  const { UNIT_CODE_PATTERN } = await import("./catalog/schema.js");
  if (!new RegExp(UNIT_CODE_PATTERN).test(code)) {
    throw new Stop("bad-option", { option: "--unit", value: code, expected: UNIT_CODE_PATTERN });
  }
  const defaultName = `${code.toLowerCase()}.yaml`;
  const target = String(opts.output ?? defaultName);
  const toStdout = target === "-";
  const plan = toStdout
    ? undefined
    : await outputPlan(target, { defaultName, ...(opts.force ? {} : { exclusive: true }) });
  const abs = plan?.path ?? "";
  // A catalogue file's schema is the clerk's to write (`geq schema unit --config`); the built-in one ships.
  const schemaFile = fileURLToPath(new URL("unit-report.schema.json", SCHEMAS_DIR));
  const schemaRef = catalog.file
    ? undefined
    : toStdout
      ? schemaFile
      : relative(dirname(abs), schemaFile).split("\\").join("/");
  const { scaffold } = await import("./init.js");
  const text = scaffold(catalog, {
    code,
    name: String(opts.name ?? PLACEHOLDERS.name),
    year: catalog.year,
    period,
    schemaRef,
  });
  if (!plan) {
    out(text);
    err(notice);
    return EXIT_OK;
  }
  await writeOutput(plan, text, { exclusive: !opts.force });
  err(notice + t(lang, "written", { path: printable(plan.shown) }) + "\n");
  return EXIT_OK;
}

/** The catalogue of the configuration named (`--config`), or of `./geq.yaml`; none without one. */
async function catalogOfConfig(opts: Record<string, unknown>, lang: Lang) {
  const { configured } = await import("./validate/validate.js");
  const loaded = await configured({ ...selection({ config: opts.config, catalog: opts.catalog }), lang });
  if (!loaded.ok)
    throw new Stop(loaded.problem as TextKey, loaded.params, EXIT_CANNOT_RUN, loaded.diagnostics);
  return loaded.catalog;
}

const SCHEMA_KINDS = ["unit", "config", "catalog"] as const;

async function runSchema(
  kind: string | undefined,
  opts: Record<string, string | boolean | undefined>,
  lang: Lang,
): Promise<number> {
  const which = kind ?? "unit";
  if (!(SCHEMA_KINDS as readonly string[]).includes(which))
    throw new Stop("bad-option", { option: "schema", value: which, expected: SCHEMA_KINDS.join(" | ") });
  const { loadCatalog, DEFAULT_CATALOG_ID, CATALOG_IDS } = await import("./catalog/catalog.js");
  const { unitReportSchema, configSchema, catalogSchema, schemaText } = await import("./catalog/schema.js");
  const catalog =
    which === "unit" ? ((await catalogOfConfig(opts, lang)) ?? loadCatalog(DEFAULT_CATALOG_ID)!) : undefined;
  const schema = catalog
    ? unitReportSchema(catalog)
    : which === "config"
      ? configSchema(CATALOG_IDS)
      : catalogSchema();
  const text = schemaText(schema);
  if (typeof opts.output !== "string" || opts.output === "-") {
    out(text);
    return EXIT_OK;
  }
  const defaultName = `${which === "unit" ? "unit-report" : which}.schema.json`;
  await writeOutput(await outputPlan(opts.output, { defaultName }), text);
  return EXIT_OK;
}

async function runForm(opts: Record<string, string | boolean | undefined>, lang: Lang): Promise<number> {
  const { form } = await import("./form/form.js");
  const result = await form({
    lang,
    ...selection(opts),
    ...(typeof opts.unit === "string" ? { unit: opts.unit } : {}),
  });
  if (!result.ok)
    throw new Stop(result.problem as TextKey, result.params, EXIT_CANNOT_RUN, result.diagnostics ?? []);
  const target = typeof opts.output === "string" ? opts.output : result.fileName;
  if (target === "-") {
    out(result.html);
    return EXIT_OK;
  }
  const plan = await outputPlan(target, { defaultName: result.fileName });
  await writeOutput(plan, result.html);
  out(t(lang, "written", { path: printable(plan.shown) }) + "\n");
  return EXIT_OK;
}

/** `geq catalog new`: next year's catalogue file, from a built-in catalogue or a catalogue file. */
async function runCatalogNew(
  opts: Record<string, string | boolean | undefined>,
  lang: Lang,
): Promise<number> {
  const { CATALOG_IDS, loadCatalog } = await import("./catalog/catalog.js");
  const source = typeof opts.from === "string" ? opts.from : CATALOG_IDS[CATALOG_IDS.length - 1]!;
  let from = loadCatalog(source);
  if (!from) {
    const { readInput } = await import("./io/read-input.js");
    const read = readInput(resolve(process.cwd(), source));
    if (!("bytes" in read))
      throw new Stop("catalog-from-unknown", { value: source, known: CATALOG_IDS.join(", ") });
    const { checkCatalog } = await import("./catalog/catalog-file.js");
    const checked = await checkCatalog(source, read.bytes, lang);
    if (!checked.catalog)
      throw new Stop("catalog-invalid", { path: source }, EXIT_INVALID, checked.diagnostics);
    from = checked.catalog;
  }
  const year = parseYear(opts.year as string | undefined) ?? from.year + 1;
  const { catalogScaffold } = await import("./catalog/catalog-new.js");
  const text = catalogScaffold(from, year);
  const target = String(opts.output ?? `huong-dan-${year}.yaml`);
  if (target === "-") {
    out(text);
    return EXIT_OK;
  }
  const plan = await outputPlan(target, {
    defaultName: `huong-dan-${year}.yaml`,
    ...(opts.force ? {} : { exclusive: true }),
  });
  await writeOutput(plan, text, { exclusive: !opts.force });
  err(t(lang, "catalog-written", { path: printable(plan.shown), from: source, year }) + "\n");
  return EXIT_OK;
}

function audienceOption(value: unknown): { audience?: Audience } {
  if (value === undefined) return {};
  if (value === "external" || value === "internal") return { audience: value };
  throw new Stop("bad-option", {
    option: "--audience",
    value: String(value),
    expected: "external | internal",
  });
}

/**
 * How much the heap may grow past what a full collection left alive. V8's own choice, up to four times
 * that, suits short-lived bursts; a build reads, holds and writes for a long while, and on 10,000 units
 * would take over a gigabyte for some 200 MB of live data. Costs a few per cent of the build's time.
 */
const BUILD_HEAP_GROWTH_PERCENT = 30;

async function runBuildReport(paths: string[], opts: Record<string, unknown>, lang: Lang): Promise<number> {
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString(`--heap-growing-percent=${BUILD_HEAP_GROWTH_PERCENT}`);
  const date = await parseDate("--date", opts.date as string | undefined);
  const { isoDateOf } = await import("./dates.js");
  const { buildReport } = await import("./build-report.js");
  const cwd = process.cwd();
  const result = await buildReport(paths, {
    lang,
    ...selection(opts),
    today: isoDateOf(new Date()),
    ...(date ? { date } : {}),
    ...(typeof opts.number === "string" ? { number: opts.number } : {}),
    ...(typeof opts.template === "string" ? { templateDir: resolve(cwd, opts.template) } : {}),
    ...(opts.skipInvalid ? { skipInvalid: true } : {}),
    ...(Array.isArray(opts.compare) ? { compare: opts.compare as string[] } : {}),
    ...(Array.isArray(opts.previous) ? { previous: opts.previous as string[] } : {}),
    ...(typeof opts.previousConfig === "string" ? { previousConfig: opts.previousConfig } : {}),
    ...audienceOption(opts.audience),
  });
  if (!result.ok) {
    const invalid = result.problem === "input-invalid" || result.problem === "no-valid-files";
    throw new Stop(
      result.problem as TextKey,
      result.params,
      invalid ? EXIT_INVALID : EXIT_CANNOT_RUN,
      result.diagnostics ?? [],
    );
  }
  await printLeftOut(lang, result);
  if (result.rejected.length) {
    const units = result.rejected.map((r) => printable(r.code ?? r.file)).join(", ");
    err(t(lang, "skip-invalid-excluded", { count: result.rejected.length, units }) + "\n");
  }
  if (result.datedToday) {
    const { formatDateFor } = await import("./present/format.js");
    err(
      t(lang, "dated-today", {
        date: formatDateFor(lang, result.datedToday),
        period: result.period,
        year: result.year,
      }) + "\n",
    );
  }
  const target = typeof opts.output === "string" ? opts.output : result.fileName;
  const plan = await outputPlan(target, { defaultName: result.fileName });
  await writeOutput(plan, result.bytes);
  const { diagnostics, files } = result.validation;
  if (result.rejected.length || diagnostics.some((d) => d.severity === "warning" && !d.waived)) {
    err(formatText(summaryOf(diagnostics, files.length), lang, await makePaint(process.stderr)));
  }
  out(t(lang, "written", { path: printable(plan.shown) }) + "\n");
  return EXIT_OK;
}

/** Commander words its own usage errors in English; Vietnamese users get them in Vietnamese. */
const COMMANDER_VI: [RegExp, string][] = [
  [/^error: unknown command '(.*)'/, "lỗi: không có lệnh «$1» (xem geq --help)"],
  [/^error: unknown option '(.*)'/, "lỗi: không có tùy chọn «$1» (xem --help của lệnh)"],
  [/^error: missing required argument '(.*)'/, "lỗi: thiếu tham số «$1»"],
  [/^error: option '(.*)' argument missing/, "lỗi: tùy chọn «$1» cần một giá trị"],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
    "lỗi: giá trị «$2» không hợp lệ cho «$1»; chọn một trong: $3",
  ],
  [/^error: too many arguments(.*)/, "lỗi: thừa tham số$1"],
  [/\(Did you mean (.*)\?\)/, "(có phải là $1?)"],
];

function translateCommander(message: string, lang: Lang): string {
  if (lang !== "vi") return message;
  let out = message;
  for (const [re, vi] of COMMANDER_VI) out = out.replace(re, vi);
  return out;
}

function buildProgram(lang: Lang, setExit: (code: number) => void): Command {
  const w = words(lang);
  const program = new Command("geq");
  program
    .description(w.program)
    .version("0.1.0", "-V, --version", w.version)
    .helpOption("-h, --help", w.help)
    .helpCommand(false)
    .addOption(new Option("--lang <lang>", w.lang).choices(["vi", "en"]))
    .option("--debug", w.debug)
    .configureHelp({ ...helpConfig(lang), showGlobalOptions: true })
    .showHelpAfterError(false)
    .addHelpText(
      "after",
      exampleText(lang, [
        'geq init --unit VKT --name "Viện Kinh tế xây dựng" -o vkt.yaml',
        "geq validate nop-bao-cao --config geq.yaml",
        "geq receive thu-den/vkt.yaml --config geq.yaml --date 2022-06-09 --number 215",
        "geq status nop-bao-cao/2022/semi-annual --config geq.yaml",
        "geq build-report nop-bao-cao/2022/semi-annual --config geq.yaml --date 2022-06-20",
        "geq form --config geq.yaml -o bieu-mau.html",
      ]),
    )
    .exitOverride()
    .configureOutput({
      writeOut: out,
      writeErr: err,
      outputError: (m, write) => write(translateCommander(m, lang)),
    });

  const run = (fn: () => Promise<number>) => async () => setExit(await fn());

  program
    .command("validate")
    .description(w.validate)
    .argument("<paths...>", w.paths)
    .option("-c, --config <file>", w.config)
    .option("--no-config", w.noConfig)
    .option("--catalog <file>", w.catalogOption)
    .option("--year <year>", w.year)
    .option("--period <period>", w.period)
    .option("--strict", w.strict)
    .option("--format <format>", `${w.format}: text | json | github`, "text")
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq validate vkt.yaml",
        "geq validate nop-bao-cao/2022/semi-annual --config geq.yaml --period semi-annual --strict",
        "geq validate 'nop-bao-cao/**/*.yaml' --format github",
      ]),
    )
    .action((paths: string[], opts) => run(() => runValidate(paths, opts, lang))());

  program
    .command("build-report")
    .description(w.buildReport)
    .argument("<paths...>", w.paths)
    .option("-c, --config <file>", w.config)
    .option("--no-config", w.noConfig)
    .option("--catalog <file>", w.catalogOption)
    .option("-o, --output <file>", w.output)
    .option("--year <year>", w.year)
    .option("--period <period>", w.period)
    .option("--date <date>", w.date)
    .option("--number <number>", w.number)
    .option("--skip-invalid", w.skipInvalid)
    .option("--compare <paths...>", w.compare)
    .option("--previous <paths...>", w.previous)
    .option("--previous-config <file>", w.previousConfig)
    .option("--template <dir>", w.template)
    .option("--audience <audience>", w.audience)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq build-report nop-bao-cao/2022/semi-annual --config geq.yaml --date 2022-06-20 --number 125",
        "geq build-report nop-bao-cao/2022/annual --config geq.yaml --compare nop-bao-cao/2022/semi-annual",
        "geq build-report nop-bao-cao/2023/annual --config geq.yaml --previous nop-bao-cao/2022/annual",
        "geq build-report vkt.yaml --no-config -o vkt-bao-cao.docx",
      ]),
    )
    .action((paths: string[], opts) => run(() => runBuildReport(paths, opts, lang))());

  program
    .command("status")
    .description(w.status)
    .argument("<paths...>", w.statusPaths)
    .option("-c, --config <file>", w.config)
    .option("--year <year>", w.year)
    .option("--period <period>", w.period)
    .option("--as-of <date>", w.asOf)
    .option("--format <format>", `${w.format}: text | json`, "text")
    .option("--fail-on <conditions>", w.failOn, collectList)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq status nop-bao-cao/2022/semi-annual --config geq.yaml",
        "geq status nop-bao-cao/2022/annual --period annual --as-of 2022-12-20 --format json",
        "geq status nop-bao-cao/2022/semi-annual --fail-on missing,invalid",
      ]),
    )
    .action((paths: string[], opts) => run(() => runStatus(paths, opts, lang))());

  program
    .command("receive")
    .description(w.receive)
    .argument("<files...>", w.receiveFiles)
    .option("-c, --config <file>", w.config)
    .option("--date <date>", w.receiveDate)
    .option("--number <number>", w.receiveNumber)
    .option("--replace", w.replace)
    .option("--into <dir>", w.into)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq receive thu-den/vkt.yaml --config geq.yaml --date 2022-06-09 --number 215",
        "geq receive thu-den/vkt-sua.yaml --config geq.yaml --date 2022-06-12 --number 231 --replace",
      ]),
    )
    .action((files: string[], opts) => run(() => runReceive(files, opts, lang))());

  program
    .command("init")
    .description(w.init)
    .option("--unit <code>", w.unit)
    .option("--name <name>", w.name)
    .option("--year <year>", w.initYear)
    .option("--period <period>", w.period, "semi-annual")
    .option("-o, --output <file>", w.output)
    .option("-c, --config <file>", w.initConfig)
    .option("--no-config", w.noConfig)
    .option("--catalog <file>", w.catalogOption)
    .option("-f, --force", w.force)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, ['geq init --unit VKT --name "Viện Kinh tế xây dựng" --period annual -o vkt.yaml']),
    )
    .action((opts) => run(() => runInit(opts, lang))());

  program
    .command("schema")
    .description(w.schema)
    .argument("[kind]", w.schemaKind)
    .option("-o, --output <file>", w.output)
    .option("-c, --config <file>", w.schemaConfig)
    .option("--no-config", w.noConfig)
    .option("--catalog <file>", w.catalogOption)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq schema unit -o unit-report.schema.json",
        "geq schema unit --config geq.yaml -o unit-report-2023.schema.json",
        "geq schema config",
        "geq schema catalog -o catalog.schema.json",
      ]),
    )
    .action((kind: string | undefined, opts) => run(() => runSchema(kind, opts, lang))());

  program
    .command("form")
    .description(w.form)
    .option("-c, --config <file>", w.config)
    .option("--no-config", w.noConfig)
    .option("--catalog <file>", w.catalogOption)
    .option("--unit <code>", w.formUnit)
    .option("--year <year>", w.formYear)
    .option("--period <period>", w.formPeriod)
    .option("-o, --output <file>", w.formOutput)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq form --config geq.yaml -o bieu-mau.html",
        "geq form --config geq.yaml --unit VKT --year 2022 --period semi-annual -o vkt-bieu-mau.html",
      ]),
    )
    .action((opts) => run(() => runForm(opts, lang))());

  const catalog = program
    .command("catalog")
    .description(w.catalog)
    .helpOption("-h, --help", w.help)
    .helpCommand(false);
  catalog
    .command("new")
    .description(w.catalogNew)
    .option("--from <catalog>", w.catalogFrom)
    .option("--year <year>", w.catalogYear)
    .option("-o, --output <file>", w.output)
    .option("-f, --force", w.force)
    .helpOption("-h, --help", w.help)
    .addHelpText(
      "after",
      exampleText(lang, [
        "geq catalog new --from 2022 --year 2023 -o huong-dan-2023.yaml",
        "geq catalog new --from huong-dan-2023.yaml --year 2024 -o huong-dan-2024.yaml",
      ]),
    )
    .action((opts) => run(() => runCatalogNew(opts, lang))());

  for (const cmd of [...program.commands, ...catalog.commands])
    cmd.exitOverride().configureHelp(helpConfig(lang));
  return program;
}

/** A stopping problem's words made safe to print: file names and values come from outside. */
function printableParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? printable(v, k === "detail") : v]),
  );
}

async function main(argv: string[]): Promise<number> {
  const lang = detectLang(argv);
  let code = EXIT_OK;
  const program = buildProgram(lang, (c) => (code = c));
  const debug = argv.includes("--debug");
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end the run successfully; anything else commander refuses is a usage error.
      return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version"
        ? EXIT_OK
        : EXIT_CANNOT_RUN;
    }
    if (e instanceof Stop) {
      if (e.diagnostics.length) err(formatText(summaryOf(e.diagnostics, e.params.files), lang));
      err(`geq: ${t(lang, e.key, printableParams(e.params))}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`geq: ${t(lang, "internal-error", { message })}\n`);
    if (debug && e instanceof Error && e.stack) err(e.stack + "\n");
    return EXIT_CANNOT_RUN;
  }
}

// A reader that stops early (`geq … | head`) closes the pipe: that ends the output, it is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
  });
}

process.exitCode = await main(process.argv);
