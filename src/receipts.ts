import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { SCHEMAS_DIR } from "./catalog/catalog.js";
import type { ValidateFn } from "./catalog/compile.js";
import { isIsoDate, isPlausibleDate, PLAUSIBLE_YEARS } from "./dates.js";
import type { Diagnostic, Lang, PeriodKey } from "./model.js";
import { MAX_FILE_BYTES } from "./source/decode.js";
import { discover } from "./source/discover.js";
import { byPosition, toDiagnostic } from "./validate/diagnostics.js";
import type { Finding } from "./validate/finding.js";
import { normalise } from "./validate/normalise.js";
import { schemaFindings } from "./validate/schema-findings.js";
import type { RunProblem } from "./validate/validate.js";

/**
 * The receipts file of a period (`geq/receipts/v1`, docs/receipts.md): the ministry's register of
 * the unit files it received, written by `geq receive` one entry at a time at the end, never
 * rewritten. Status and the report count lateness from a unit's last receipt date.
 */

/** The name of the receipts file in a period's folder; discovery never takes it for a unit file. */
export const RECEIPTS_FILE = "receipts.yaml";
export const RECEIPTS_FORMAT = "geq/receipts/v1";

export interface Receipt {
  unit: string;
  /** The incoming stamp's date, ISO: lateness counts from it. */
  received: string;
  /** The incoming number (số đến) the clerk gave the document. */
  number?: string;
  /** The unit file's name in the period's folder. */
  file: string;
  /** SHA-256 of the file received, hexadecimal. */
  sha256: string;
  /** The date the unit wrote in its file. */
  submitted?: string;
  reference?: string;
  /** The name under which the unit's earlier file was kept, when this one replaced it. */
  replaced?: string;
}

export interface Receipts {
  format: typeof RECEIPTS_FORMAT;
  year: number;
  period: PeriodKey;
  receipts: Receipt[];
}

let schema: Record<string, unknown> | undefined;
/** The committed schema: the format's source of truth, for checking and for field labels. */
export function receiptsSchema(): Record<string, unknown> {
  schema ??= JSON.parse(readFileSync(new URL("receipts.schema.json", SCHEMAS_DIR), "utf8")) as Record<
    string,
    unknown
  >;
  return schema;
}

let validator: ValidateFn | undefined;
async function receiptsValidator(): Promise<ValidateFn> {
  if (validator) return validator;
  const { Ajv } = await import("ajv");
  validator = new Ajv({ allErrors: true, strict: true }).compile(receiptsSchema()) as ValidateFn;
  return validator;
}

function dateFindings(receipts: Receipts): Finding[] {
  const out: Finding[] = [];
  receipts.receipts.forEach((r, i) => {
    for (const key of ["received", "submitted"] as const) {
      const value = r[key];
      if (value === undefined) continue;
      const path = ["receipts", i, key];
      if (!isIsoDate(value)) out.push({ rule: "invalid-date", path, params: { value } });
      else if (!isPlausibleDate(value))
        out.push({ rule: "implausible-date", path, params: { value, ...PLAUSIBLE_YEARS } });
    }
  });
  return out;
}

/** Checks a receipts file's bytes, with positioned diagnostics like a unit file's; `receipts` when it has no error. */
export async function checkReceipts(
  file: string,
  bytes: Uint8Array,
  lang: Lang,
): Promise<{ receipts?: Receipts; diagnostics: Diagnostic[] }> {
  // The reading with positions (and the YAML library) is loaded only when a receipts file is there.
  const { readSource } = await import("./source/read.js");
  const read = readSource(bytes);
  const findings: Finding[] = [...read.findings];
  let receipts: Receipts | undefined;
  if (read.source) {
    const data = normalise(read.source.value);
    const valid = await receiptsValidator();
    if (valid(data)) {
      receipts = data as Receipts;
      findings.push(...dateFindings(receipts));
    } else findings.push(...schemaFindings(valid.errors ?? [], data, receiptsSchema()));
  }
  const diagnostics = findings
    .map((f) => toDiagnostic(file, f, { ...read, schema: receiptsSchema(), lang }))
    .sort(byPosition);
  return receipts && !diagnostics.some((d) => d.severity === "error")
    ? { receipts, diagnostics }
    : { diagnostics };
}

const q = (s: string) => JSON.stringify(s);

/**
 * Reads a file `geq receive` keeps (a receipts file, a unit's filed file): it may be written again
 * in the same run, which the input policy's record of files read would forbid, so it is read here,
 * with the same guards: a regular file only (a pipe or a device is never waited on), within the size
 * of a unit file.
 */
export function readOwnFile(path: string, shown: string): { ok: true; bytes: Uint8Array } | RunProblem {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      const kind = stats.isDirectory() ? "folder" : stats.isSocket() ? "socket" : "device";
      return {
        ok: false,
        problem: "kept-not-file",
        params: { path: shown, kind: stats.isFIFO() ? "pipe" : kind },
      };
    }
    if (stats.size > MAX_FILE_BYTES)
      return { ok: false, problem: "file-unreadable", params: { path: shown, code: "EFBIG" } };
    return { ok: true, bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    return { ok: false, problem: "file-unreadable", params: { path: shown, code } };
  }
}

/** Reads and checks a receipts file; its text (a byte-order mark kept) to append to, or the problem. */
export async function readReceiptsFile(
  path: string,
  shown: string,
  lang: Lang,
): Promise<{ ok: true; receipts: Receipts; text: string } | RunProblem> {
  const read = readOwnFile(path, shown);
  if (!read.ok) return read;
  const bytes = read.bytes;
  const checked = await checkReceipts(shown, bytes, lang);
  if (!checked.receipts)
    return {
      ok: false,
      problem: "receipts-invalid",
      params: { path: shown },
      diagnostics: checked.diagnostics,
    };
  return {
    ok: true,
    receipts: checked.receipts,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
  };
}

/** The head of a new receipts file, up to its `receipts:` key. */
export function receiptsHead(year: number, period: PeriodKey): string {
  return [
    "# Sổ nhận báo cáo của kỳ: geq receive ghi thêm một mục ở cuối mỗi lần nhận tệp của một đơn vị.",
    "# Không sửa, không xóa các mục đã ghi; mục sau cùng của một đơn vị là mục có hiệu lực.",
    `format: ${RECEIPTS_FORMAT}`,
    `year: ${year}`,
    `period: ${period}`,
    "receipts:",
    "",
  ].join("\n");
}

/** One entry as the YAML lines appended to the file; every string quoted, whatever it holds. */
export function receiptText(r: Receipt): string {
  const lines = [`  - unit: ${q(r.unit)}`, `    received: ${r.received}`];
  if (r.number !== undefined) lines.push(`    number: ${q(r.number)}`);
  lines.push(`    file: ${q(r.file)}`, `    sha256: ${r.sha256}`);
  if (r.submitted !== undefined) lines.push(`    submitted: ${r.submitted}`);
  if (r.reference !== undefined) lines.push(`    reference: ${q(r.reference)}`);
  if (r.replaced !== undefined) lines.push(`    replaced: ${q(r.replaced)}`);
  return lines.join("\n") + "\n";
}

/** Each unit's last entry: the one in force. */
export function latestReceipts(receipts: Receipts): Map<string, Receipt> {
  const out = new Map<string, Receipt>();
  for (const r of receipts.receipts) out.set(r.unit, r);
  return out;
}

/** A unit's receipt in force for a year and period, if the clerk recorded one. */
export type ReceiptLookup = (code: string, year: number, period: PeriodKey) => Receipt | undefined;

/**
 * The receipts of the folders the given paths lead to (the folders holding their unit files): a
 * receipts file that does not check stops the run, since lateness would be counted wrong without it.
 */
export async function receiptsFor(
  paths: readonly string[],
  cwd: string,
  lang: Lang,
): Promise<{ ok: true; lookup: ReceiptLookup; count: number } | RunProblem> {
  const found = discover(paths, cwd);
  const byKey = new Map<string, Receipt>();
  const key = (code: string, year: number, period: string) => `${code}\u0000${year}\u0000${period}`;
  // Discovery's own problem is reported by the validation that follows.
  for (const path of receiptsFilesNear("problem" in found ? [] : found.files, cwd)) {
    const checked = await readReceiptsFile(resolve(cwd, path), path, lang);
    if (!checked.ok) return checked;
    const { year, period } = checked.receipts;
    for (const [code, r] of latestReceipts(checked.receipts)) byKey.set(key(code, year, period), r);
  }
  return {
    ok: true,
    lookup: (code, year, period) => byKey.get(key(code, year, period)),
    count: byKey.size,
  };
}

/** The receipts files beside the given unit files, as paths from `cwd`, once each. */
export function receiptsFilesNear(unitFiles: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const folder of new Set(unitFiles.map((f) => dirname(resolve(cwd, f))))) {
    const path = join(folder, RECEIPTS_FILE);
    if (existsSync(path)) out.push(relative(cwd, path) || path);
  }
  return out;
}

/** Checks receipts files as `geq validate` checks unit files: their diagnostics, or the problem reading one. */
export async function checkReceiptsFiles(
  files: readonly string[],
  cwd: string,
  lang: Lang,
): Promise<{ ok: true; diagnostics: Diagnostic[] } | RunProblem> {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const read = readOwnFile(resolve(cwd, file), file);
    if (!read.ok) return read;
    diagnostics.push(...(await checkReceipts(file, read.bytes, lang)).diagnostics);
  }
  return { ok: true, diagnostics };
}

/** The receipt date of a checked file, for validation's `arrival`. */
export function arrivalBy(
  lookup: ReceiptLookup,
): (f: { unit?: { code: string }; year?: number; period?: PeriodKey }) => string | undefined {
  return (f) =>
    f.unit && f.year !== undefined && f.period ? lookup(f.unit.code, f.year, f.period)?.received : undefined;
}

/** A submission entry with its unit's receipt, when the clerk recorded one for the file's period. */
export function withReceipt<
  T extends {
    code: string;
    report?: { year: number; period: PeriodKey };
    digest?: { year: number; period: PeriodKey };
  },
>(entry: T, lookup: ReceiptLookup): T & { received?: { date: string; number?: string } } {
  const valid = entry.report ?? entry.digest;
  const r = valid && lookup(entry.code, valid.year, valid.period);
  if (!r) return entry;
  return {
    ...entry,
    received: { date: r.received, ...(r.number !== undefined ? { number: r.number } : {}) },
  };
}
