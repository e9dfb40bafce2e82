import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { makeOutputFolder, planOutput } from "./io/output-target.js";
import { readInput } from "./io/read-input.js";
import { writeAtomic } from "./io/write-atomic.js";
import type { Diagnostic, Lang, PeriodKey } from "./model.js";
import {
  checkReceipts,
  latestReceipts,
  readOwnFile,
  readReceiptsFile,
  receiptsHead,
  receiptText,
  RECEIPTS_FILE,
  type Receipt,
} from "./receipts.js";
import { validate, type RunProblem } from "./validate/validate.js";

/**
 * `geq receive`: the clerk's step when a unit's report arrives. Each file is validated, filed as
 * `<root>/<year>/<period>/<code>.yaml` and entered in that folder's receipts file. Files are written
 * through the output policy and atomically; a unit's different earlier file is replaced only when
 * asked, and then kept as a numbered copy (`vkt.yaml.~1~`, a name no folder reading takes for a unit file).
 */

export interface ReceiveOptions {
  lang?: Lang;
  /** Path of the configuration; when absent, `geq.yaml` in `cwd`. The registry is required. */
  config?: string;
  cwd?: string;
  /** The receipt date (the incoming stamp), ISO. */
  date: string;
  /** The incoming number; with several files, each gets it. */
  number?: string;
  /** Replace a unit's different earlier file, keeping it as a numbered copy. */
  replace?: boolean;
  /** The folder holding the periods' folders; default: the configuration's folder. */
  into?: string;
  /** Where a catalogue file's compiled validator is cached (see `ValidateOptions`). */
  cacheDirs?: readonly string[];
}

export type ReceiveOutcome =
  | { state: "invalid"; file: string; errors: number }
  | { state: "refused"; file: string; code: string; target: string }
  | { state: "unchanged"; file: string; code: string; target: string; receipt: Receipt }
  | {
      state: "filed";
      file: string;
      code: string;
      target: string;
      /** Where the unit's earlier, different file was kept. */
      kept?: string;
      /** The file was already in place, identical; only its receipt was missing. */
      inPlace?: boolean;
      receipt: Receipt;
      receipts: string;
    };

export interface ReceiveResult {
  ok: true;
  outcomes: ReceiveOutcome[];
  /** Every file's diagnostics (errors of the refused ones, warnings of the filed ones). */
  diagnostics: Diagnostic[];
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Writes a file by the output policy and atomically; a problem to stop on otherwise. */
async function put(
  path: string,
  data: Uint8Array | string,
  cwd: string,
  exclusive: boolean,
): Promise<RunProblem | undefined> {
  const shown = relative(cwd, path) || path;
  const plan = planOutput(path, { cwd, defaultName: basename(path), exclusive });
  if (!plan.ok) return { ok: false, problem: plan.problem, params: { ...plan.params, path: shown } };
  const folder = makeOutputFolder(plan.path);
  if (!folder.ok) return { ok: false, problem: "output-failed", params: { path: shown, code: folder.code } };
  const written = await writeAtomic(plan.path, data, { exclusive });
  if (written.ok) return undefined;
  const problem = written.code === "EEXIST" && exclusive ? "output-exists" : "output-failed";
  return { ok: false, problem, params: { path: shown, code: written.code } };
}

/** The first free numbered-copy name of a file: `vkt.yaml.~1~`, `vkt.yaml.~2~`, … */
function numberedCopy(path: string): string {
  for (let n = 1; ; n++) if (!existsSync(`${path}.~${n}~`)) return `${path}.~${n}~`;
}

/** The period's receipts file as it stands: its text (empty when there is none yet) and entries. */
async function loadReceipts(
  path: string,
  shown: string,
  year: number,
  period: PeriodKey,
  lang: Lang,
): Promise<{ text: string; latest: Map<string, Receipt> } | RunProblem> {
  if (!existsSync(path)) return { text: "", latest: new Map() };
  const checked = await readReceiptsFile(path, shown, lang);
  if (!checked.ok) return checked;
  if (checked.receipts.year !== year || checked.receipts.period !== period)
    return {
      ok: false,
      problem: "receipts-other-period",
      params: { path: shown, year: checked.receipts.year, period: checked.receipts.period },
    };
  return {
    text: checked.text,
    latest: latestReceipts(checked.receipts),
  };
}

/** Appends an entry, and checks that the result still reads as the same entries plus the new one. */
async function appendReceipt(
  path: string,
  shown: string,
  before: { text: string; latest: Map<string, Receipt> },
  receipt: Receipt,
  where: { year: number; period: PeriodKey; cwd: string; lang: Lang },
): Promise<RunProblem | undefined> {
  const head = before.text === "" ? receiptsHead(where.year, where.period) : before.text;
  const text = (head.endsWith("\n") ? head : head + "\n") + receiptText(receipt);
  const after = await checkReceipts(shown, new TextEncoder().encode(text), where.lang);
  const last = after.receipts?.receipts.at(-1);
  if (!last || last.unit !== receipt.unit || last.sha256 !== receipt.sha256)
    return { ok: false, problem: "receipts-not-appendable", params: { path: shown } };
  return put(path, text, where.cwd, false);
}

export async function receive(
  files: readonly string[],
  options: ReceiveOptions,
): Promise<ReceiveResult | RunProblem> {
  const lang = options.lang ?? "vi";
  const cwd = options.cwd ?? ".";
  const outcomes: ReceiveOutcome[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const result = await validate([file], {
      lang,
      cwd,
      ...(options.config ? { config: options.config } : {}),
      ...(options.cacheDirs ? { cacheDirs: options.cacheDirs } : {}),
    });
    if (!result.ok) return result;
    if (!result.config) return { ok: false, problem: "config-required", params: {} };
    const checked = result.files[0];
    if (!checked) return { ok: false, problem: "no-yaml-files", params: { path: file } };
    diagnostics.push(...checked.diagnostics);
    const report = checked.report;
    if (!report) {
      outcomes.push({
        state: "invalid",
        file,
        errors: checked.diagnostics.filter((d) => d.severity === "error").length,
      });
      continue;
    }
    const read = readInput(resolve(cwd, file));
    if (!("bytes" in read))
      return { ok: false, problem: "file-unreadable", params: { path: file, code: "EIO" } };
    const bytes = read.bytes;
    const hash = sha256(bytes);

    const root = options.into ? resolve(cwd, options.into) : dirname(resolve(cwd, result.config.file));
    const folder = join(root, String(report.year), report.period);
    const name = `${report.unit.code.toLowerCase()}.yaml`;
    const targetPath = join(folder, name);
    const target = relative(cwd, targetPath) || targetPath;
    const receiptsPath = join(folder, RECEIPTS_FILE);
    const receiptsShown = relative(cwd, receiptsPath) || receiptsPath;
    const register = await loadReceipts(receiptsPath, receiptsShown, report.year, report.period, lang);
    if ("ok" in register) return register;

    const receipt: Receipt = {
      unit: report.unit.code,
      received: options.date,
      ...(options.number !== undefined ? { number: options.number } : {}),
      file: name,
      sha256: hash,
      submitted: report.submitted,
      ...(report.reference !== undefined ? { reference: report.reference } : {}),
    };
    const where = { year: report.year, period: report.period, cwd, lang };
    let earlier: Uint8Array | undefined;
    if (existsSync(targetPath)) {
      const read = readOwnFile(targetPath, target);
      if (!read.ok) return read;
      earlier = read.bytes;
    }
    const same = earlier !== undefined && sha256(earlier) === hash;
    const inForce = register.latest.get(report.unit.code);
    if (same && inForce?.sha256 === hash) {
      outcomes.push({ state: "unchanged", file, code: report.unit.code, target, receipt: inForce });
      continue;
    }
    if (earlier && !same && !options.replace) {
      outcomes.push({ state: "refused", file, code: report.unit.code, target });
      continue;
    }
    let kept: string | undefined;
    if (earlier && !same) {
      const copy = numberedCopy(targetPath);
      const problem = await put(copy, earlier, cwd, true);
      if (problem) return problem;
      kept = relative(cwd, copy) || copy;
      receipt.replaced = basename(copy);
    }
    // A file already in place with these very bytes is only entered in the register.
    const problem =
      (same ? undefined : await put(targetPath, bytes, cwd, !earlier)) ??
      (await appendReceipt(receiptsPath, receiptsShown, register, receipt, where));
    if (problem) return problem;
    outcomes.push({
      state: "filed",
      file,
      code: report.unit.code,
      target,
      ...(same ? { inPlace: true } : {}),
      ...(kept ? { kept } : {}),
      receipt,
      receipts: receiptsShown,
    });
  }
  return { ok: true, outcomes, diagnostics };
}
