import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { join } from "node:path";
import { isIsoDate } from "../dates.js";
import { readInput } from "../io/read-input.js";
import { MAX_FILE_BYTES } from "../source/decode.js";
import { fastValue, plainPositions } from "../source/fast-read.js";
import type { Catalog, Diagnostic, Lang } from "../model.js";
import { PERIOD_KEYS, STAFF_KEYS } from "../model.js";
import { byPosition, toDiagnostic } from "../validate/diagnostics.js";
import type { Finding, JsonPath } from "../validate/finding.js";
import { normalise } from "../validate/normalise.js";
import type { Draft } from "../validate/rules/rule.js";
import { refusedByErrors, schemaFindings } from "../validate/schema-findings.js";
import { suggest } from "../validate/suggest.js";
import type { ValidateFn } from "./compile.js";
import { catalogSchema, unitReportSchema } from "./schema.js";

/**
 * A guidance catalogue written as a file (`geq/catalog/v1`, the configuration's `catalog:
 * ./huong-dan-2023.yaml`): checked with positioned diagnostics like every file geq reads, and its
 * unit-file validators compiled once and kept in a cache folder, keyed by the schema the file
 * derives, so that the next run starts as fast as on a built-in catalogue.
 */

export const CATALOG_FORMAT = "geq/catalog/v1";

const require = createRequire(import.meta.url);

/** The precompiled validators of the formats (`schemas/validators.cjs`), the catalogue's among them. */
export interface FormatValidators {
  unit: ValidateFn;
  config: ValidateFn;
  catalog: ValidateFn;
}
export const formatValidators = () => require("../../schemas/validators.cjs") as FormatValidators;

let schema: Record<string, unknown> | undefined;
/** The catalogue's schema, for field labels. */
export const CATALOG_SCHEMA = () => (schema ??= catalogSchema());

/** Whether a file's text says it is a catalogue, for `geq validate` to check it as one. */
export function isCatalogText(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("utf8");
  return /^format:[ \t]*["']?geq\/catalog\/v1["']?[ \t]*(#.*)?$/m.test(head);
}

type Raw = Draft<Catalog>;
const RESERVED = new Set(["status", "summary"]);
const NUMERIC = new Set(["count", "money"]);

/** Keys that must be unique in a list: the later one is the finding, pointing at the first. */
function duplicates(items: readonly ({ key?: unknown } | undefined)[] | undefined, at: JsonPath): Finding[] {
  const out: Finding[] = [];
  const first = new Map<unknown, number>();
  items?.forEach((item, i) => {
    if (typeof item?.key !== "string") return;
    const seen = first.get(item.key);
    if (seen === undefined) first.set(item.key, i);
    else
      out.push({
        rule: "duplicate-item",
        path: [...at, i, "key"],
        params: { value: item.key, first: seen + 1 },
      });
  });
  return out;
}

function dateRules(c: Raw): Finding[] {
  const out: Finding[] = [];
  const year = c.year;
  const real = (v: unknown): v is string => typeof v === "string" && isIsoDate(v);
  const check = (path: JsonPath, value: unknown, years: number[], letter = false) => {
    if (typeof value !== "string") return false;
    if (!isIsoDate(value)) {
      out.push({ rule: "invalid-date", path, params: { value } });
      return false;
    }
    if (typeof year === "number" && !years.includes(Number(value.slice(0, 4)))) {
      out.push({ rule: "date-outside-year", path, params: { value, year, ...(letter ? { letter } : {}) } });
      return false;
    }
    return true;
  };
  const order = (
    path: JsonPath,
    value: unknown,
    before: unknown,
    beforeLabel: string,
    beforeWhat: string,
  ) => {
    if (real(value) && real(before) && value < before)
      out.push({ rule: "date-order", path, params: { value, before, beforeLabel, beforeWhat } });
  };
  const y = typeof year === "number" ? year : 0;
  // A letter may come out late in the year before; every other date is the year's own, but a window
  // opens in the last weeks of the year before (15 December).
  check(["letter", "date"], c.letter?.date, [y - 1, y], true);
  for (const key of PERIOD_KEYS) {
    const p = c.periods?.[key];
    const at = ["periods", key];
    const from = check([...at, "window", "from"], p?.window?.from, [y - 1, y]);
    const to = check([...at, "window", "to"], p?.window?.to, [y]);
    check([...at, "deadline"], p?.deadline, [y]);
    if (from && to)
      order(
        [...at, "window", "to"],
        p?.window?.to,
        p?.window?.from,
        "ngày bắt đầu kỳ số liệu",
        "the window's start",
      );
  }
  c.action_months?.forEach((m, i) => {
    const from = check(["action_months", i, "from"], m?.from, [y]);
    const to = check(["action_months", i, "to"], m?.to, [y]);
    if (from && to) order(["action_months", i, "to"], m?.to, m?.from, "ngày bắt đầu", "its start");
  });
  return out;
}

/** What the schema cannot say of a catalogue: unique keys, groups in order, relations, dates in its year. */
export function catalogFindings(c: Raw): Finding[] {
  const out: Finding[] = [...duplicates(c.staff, ["staff"]), ...duplicates(c.groups, ["groups"])];
  if (Array.isArray(c.staff) && c.staff.every((s) => typeof s?.key === "string")) {
    const present = new Set(c.staff.map((s) => s?.key));
    for (const key of STAFF_KEYS)
      if (!present.has(key))
        out.push({ rule: "required", path: ["staff"], params: { child: key, childLabel: key } });
  }
  c.groups?.forEach((g, gi) => {
    const at = ["groups", gi];
    if (typeof g?.number === "number" && g.number !== gi + 1)
      out.push({
        rule: "group-number",
        path: [...at, "number"],
        params: { value: g.number, expected: gi + 1 },
      });
    out.push(...duplicates(g?.tasks, [...at, "tasks"]));
    g?.tasks?.forEach((t, ti) => {
      const tat = [...at, "tasks", ti];
      out.push(...duplicates(t?.indicators, [...tat, "indicators"]));
      t?.indicators?.forEach((ind, ii) => {
        if (typeof ind?.key === "string" && RESERVED.has(ind.key))
          out.push({
            rule: "reserved-key",
            path: [...tat, "indicators", ii, "key"],
            params: { value: ind.key },
          });
      });
      const known = (t?.indicators ?? []).flatMap((i) => (typeof i?.key === "string" ? [i] : []));
      t?.relations?.forEach((r, ri) => {
        for (const side of ["left", "right"] as const) {
          const key = r?.[side];
          if (typeof key !== "string") continue;
          const path = [...tat, "relations", ri, side];
          const ind = known.find((i) => i.key === key);
          if (!ind) {
            const keys = known.map((i) => i.key!);
            const suggestion = suggest(key, keys);
            out.push({
              rule: "relation-indicator",
              path,
              params: { value: key, ...(suggestion ? { suggestion } : { known: keys.join(", ") || "—" }) },
            });
          } else if (typeof ind.type === "string" && !NUMERIC.has(ind.type))
            out.push({ rule: "relation-indicator", path, params: { value: key, type: ind.type } });
        }
      });
    });
  });
  return [...out, ...dateRules(c)];
}

/** A catalogue's data against its schema and rules; findings unpositioned, the catalogue when it has none. */
export function checkCatalogData(
  raw: unknown,
  validate: ValidateFn,
): { catalog?: Catalog; findings: Finding[] } {
  const data = normalise(raw);
  const valid = validate(data);
  const errors = valid ? [] : (validate.errors ?? []);
  const findings = schemaFindings(errors, data, CATALOG_SCHEMA());
  // The rules read what the schema did not refuse, so that one pass says everything.
  const refused = refusedByErrors(errors).map((p) => p.join("\u0000"));
  const isRefused = (path: JsonPath) =>
    refused.some((r) => path.join("\u0000") === r || path.join("\u0000").startsWith(r + "\u0000"));
  const rules = typeof data === "object" && data !== null ? catalogFindings(data as Raw) : [];
  findings.push(...rules.filter((f) => !isRefused(f.path)));
  return findings.length === 0 ? { catalog: data as Catalog, findings } : { findings };
}

export interface CatalogCheck {
  catalog?: Catalog;
  diagnostics: Diagnostic[];
}

/** A catalogue file checked, every finding positioned and worded (`geq validate` on it, and loading it). */
export async function checkCatalog(
  file: string,
  bytes: Uint8Array,
  lang: Lang,
  validate: ValidateFn = formatValidators().catalog,
): Promise<CatalogCheck> {
  const word = (findings: Finding[], where: Parameters<typeof toDiagnostic>[2]) =>
    findings.map((f) => toDiagnostic(file, f, where)).sort(byPosition);
  const fast = fastValue(bytes);
  if (fast) {
    const checked = checkCatalogData(fast.value, validate);
    if (checked.catalog) return { catalog: checked.catalog, diagnostics: [] };
    return {
      diagnostics: word(checked.findings, {
        place: plainPositions(fast.text),
        schema: CATALOG_SCHEMA(),
        lang,
      }),
    };
  }
  const { readSource } = await import("../source/read.js");
  const read = readSource(bytes);
  const checked = read.source ? checkCatalogData(read.source.value, validate) : { findings: [] };
  const findings = [...read.findings, ...checked.findings];
  if (checked.catalog && findings.length === 0) return { catalog: checked.catalog, diagnostics: [] };
  return { diagnostics: word(findings, { ...read, schema: CATALOG_SCHEMA(), lang }) };
}

/** The unit-file validator of a catalogue file, compiled, with what it was compiled from. */
export interface CompiledCatalog {
  catalog: Catalog;
  unit: ValidateFn;
  /** The cached module the validator was loaded from, for a helper thread to load it too. */
  module?: string;
}

/** The catalogue could not be used: exit 2 for a command that needed it, with its diagnostics. */
export interface CatalogProblem {
  ok: false;
  problem: "catalog-invalid" | "catalog-unreadable" | "input-not-file" | "input-stalled";
  params: Record<string, unknown>;
  diagnostics?: Diagnostic[];
}

/**
 * Part of every cache key: a catalogue file checked and compiled by another version of geq or of
 * its compiler is checked and compiled again.
 */
const COMPILE_VERSION = [
  "geq-catalog-cache/1",
  (require("../../package.json") as { version: string }).version,
  (require("ajv/package.json") as { version: string }).version,
].join("\u0000");

interface CacheEntry {
  unit: ValidateFn;
  catalog: Catalog;
}

/** Runs a cache entry's code, its `require` resolved from geq's own modules. */
function evaluate(code: string): CacheEntry {
  const exports: Record<string, unknown> = {};
  // The entry's text is geq's own output (below), kept in a folder only this user can write.
  new Function("exports", "require", code)(exports, require);
  return exports as unknown as CacheEntry;
}

/**
 * A cache folder that only this user can write: one that someone else could write (a shared
 * temporary folder) could hand geq code to run.
 */
function usableFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = statSync(dir);
    if (!stats.isDirectory()) return false;
    if ((stats.mode & 0o022) !== 0) return false;
    const uid = currentUid();
    // Without a user entry (a container's numeric user), the folder's mode alone is judged.
    return uid === undefined || uid < 0 || stats.uid === uid;
  } catch {
    return false;
  }
}

function currentUid(): number | undefined {
  try {
    return userInfo().uid;
  } catch {
    return undefined;
  }
}

function readCached(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Writes a cache entry whole or not at all; a folder that refuses it is simply not used. */
function writeCached(path: string, text: string): boolean {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: "wx" });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

/**
 * A catalogue file's cache entry: its unit-file validator and the catalogue itself, as checked;
 * named by a SHA-256 of the file's bytes (and of the versions that made it), so that a later run
 * on the same file neither reads its YAML again nor compiles anything.
 */
function entryName(bytes: Uint8Array): { name: string; key: string } {
  const key = createHash("sha256").update(COMPILE_VERSION).update("\u0000").update(bytes).digest("hex");
  return { name: `catalog-${key}.cjs`, key };
}

function fromCache(folders: readonly string[], name: string, key: string): CompiledCatalog | undefined {
  for (const dir of folders) {
    const code = readCached(join(dir, name));
    // An entry names its key at its end: a file cut short is compiled again, not run.
    if (!code?.endsWith(`//${key}\n`)) continue;
    const entry = evaluate(code);
    return { catalog: entry.catalog, unit: entry.unit, module: join(dir, name) };
  }
  return undefined;
}

/** Compiles a checked catalogue's unit-file validator and keeps it, with the catalogue, in the first folder that takes it. */
export async function compileCatalog(
  catalog: Catalog,
  folders: readonly string[],
  entry: { name: string; key: string },
): Promise<CompiledCatalog> {
  const { compileStandalone } = await import("./compile.js");
  const code = [
    compileStandalone(unitReportSchema(catalog)),
    `exports.catalog = ${JSON.stringify(catalog)};`,
    `//${entry.key}`,
    "",
  ].join("\n");
  const kept = folders.find((dir) => writeCached(join(dir, entry.name), code));
  return { catalog, unit: evaluate(code).unit, ...(kept ? { module: join(kept, entry.name) } : {}) };
}

/** A helper thread's copy of the validator the main thread loaded or compiled. */
export function loadCompiled(module: string): ValidateFn | undefined {
  const code = readCached(module);
  return code ? evaluate(code).unit : undefined;
}

/**
 * Reads, checks and compiles the catalogue file the configuration names. `shown` is how messages
 * name it; `id` is derived from its content, so that no built-in catalogue's validators are taken for it.
 */
export async function loadCatalogFile(
  path: string,
  shown: string,
  options: { lang: Lang; cacheDirs?: readonly string[] },
): Promise<({ ok: true } & CompiledCatalog) | CatalogProblem> {
  const read = readInput(path);
  if ("notAFile" in read)
    return { ok: false, problem: "input-not-file", params: { path: shown, code: read.notAFile } };
  if ("stalled" in read)
    return { ok: false, problem: "input-stalled", params: { path: shown, code: String(read.stalled) } };
  if ("unreadable" in read)
    return { ok: false, problem: "catalog-unreadable", params: { path: shown, code: read.unreadable } };
  if ("tooLarge" in read) {
    const finding = {
      rule: "file-too-large",
      path: [],
      params: { size: read.tooLarge, max: MAX_FILE_BYTES },
    };
    const diagnostics = [toDiagnostic(shown, finding, { schema: {}, lang: options.lang })];
    return { ok: false, problem: "catalog-invalid", params: { path: shown }, diagnostics };
  }
  const bytes = read.bytes;
  const id = `file-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`;
  const folders = (options.cacheDirs ?? []).filter(usableFolder);
  const entry = entryName(bytes);
  const cached = fromCache(folders, entry.name, entry.key);
  if (cached) return { ok: true, ...cached, catalog: { ...cached.catalog, id, file: shown } };
  const checked = await checkCatalog(shown, bytes, options.lang);
  if (!checked.catalog)
    return {
      ok: false,
      problem: "catalog-invalid",
      params: { path: shown },
      diagnostics: checked.diagnostics,
    };
  const compiled = await compileCatalog(checked.catalog, folders, entry);
  return { ok: true, ...compiled, catalog: { ...checked.catalog, id, file: shown } };
}
