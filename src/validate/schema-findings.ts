import type { AjvError } from "../catalog/compile.js";
import { CATALOG_KEY_PATTERN, SLUG_PATTERN } from "../catalog/schema.js";
import { doubleQuoted } from "../source/yaml-errors.js";
import type { Finding, JsonPath } from "./finding.js";
import { unknownWaiver } from "./messages.js";
import { asCode, fold, suggest } from "./suggest.js";

/** Turns Ajv's errors into findings with the rule ids and parameters users read. */

type Schema = Record<string, unknown>;

const DATE_PATTERN_HINT = "[0-9]{4}-";

function parsePointer(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** The subschema describing the node at `path`, following properties and items. */
export function schemaAt(schema: Schema, path: JsonPath): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === "number") node = node.items as Schema | undefined;
    else node = (node.properties as Record<string, Schema> | undefined)?.[step];
  }
  return node;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = Object.prototype.hasOwnProperty.call(node, step)
      ? (node as Record<string, unknown>)[step]
      : undefined;
  }
  return node;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isNaN(value)
      ? "nan"
      : !Number.isFinite(value)
        ? "infinity"
        : Number.isInteger(value)
          ? "integer"
          : "decimal";
  return typeof value;
}

export function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Separators people put between thousands: dot, comma, space, no-break space. */
const GROUPED = /^[0-9]{1,3}(?:[.,\u00a0 ][0-9]{3})+$/;
const CURRENCY = /^(.+?)\s*(đồng|đ|vnđ|vnd)\.?$/iu;
const SCALES: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tr: 1e6, tỷ: 1e9, tỉ: 1e9 };
const SCALED = /^([0-9]+(?:[.,][0-9]+)?)\s*(nghìn|ngàn|triệu|tr|tỷ|tỉ)\.?$/iu;

/** Digits with or without thousands separators, as an integer's digits. */
function digitsOf(text: string): string | undefined {
  if (/^[0-9]+$/.test(text)) return text;
  return GROUPED.test(text) ? text.replace(/[^0-9]/g, "") : undefined;
}

/**
 * Why a value meant as a whole number is not one, and the number to write instead when it can be
 * told: quotes around digits, separators between thousands, the currency written after it,
 * millions written as a word, a decimal part (`21,5`, `21.5`).
 */
function numberHint(value: unknown, money: boolean): Record<string, unknown> | undefined {
  if (typeof value === "number")
    return money && Number.isFinite(value) && !Number.isInteger(value)
      ? { reason: "decimal", mark: ".", money }
      : undefined;
  if (typeof value !== "string") return undefined;
  let t = value.trim();
  const currency = CURRENCY.exec(t);
  if (currency) t = currency[1]!.trim();
  const unit = currency?.[2];
  const scaled = SCALED.exec(t);
  if (scaled) {
    const amount = Number(scaled[1]!.replace(",", ".")) * SCALES[scaled[2]!.toLowerCase()]!;
    const fixed = Number.isSafeInteger(Math.round(amount)) ? String(Math.round(amount)) : undefined;
    return fixed ? { reason: "scale", unit: scaled[2], fixed } : undefined;
  }
  const digits = digitsOf(t);
  if (digits !== undefined) {
    if (unit) return money ? { reason: "currency", unit, fixed: digits } : undefined;
    return { reason: digits === t ? "quoted" : "separators", fixed: digits };
  }
  if (/^[0-9]+[.,][0-9]+$/.test(t)) return { reason: "decimal", mark: /,/.test(t) ? "," : ".", money };
  return undefined;
}

/** A list item or value typed as `words: more words`: prose the reader took for a mapping. */
function proseAsMapping(value: unknown, path: JsonPath): Finding | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, rest] = entries[0]!;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) || (rest !== null && typeof rest !== "string")) return undefined;
  const text = rest === null ? `${key}:` : `${key}: ${rest}`;
  const last = path[path.length - 1];
  const head = typeof last === "number" ? "-" : `${String(last)}:`;
  return {
    rule: "text-needs-quotes",
    path,
    params: { reason: "colon", example: `${head} ${doubleQuoted(text)}` },
  };
}

/**
 * The key just above an unknown one, in the file's order, when the unknown key is one of its own
 * (`status:` written at the column of `policy:`): the line lacks indentation.
 */
function ownerAbove(data: unknown, schema: Schema, path: JsonPath, key: string): string | undefined {
  const parent = valueAt(data, path);
  if (typeof parent !== "object" || parent === null || Array.isArray(parent)) return undefined;
  const keys = Object.keys(parent);
  const above = keys[keys.indexOf(key) - 1];
  if (above === undefined) return undefined;
  const owner = schemaAt(schema, [...path, above]);
  return owner?.properties && Object.hasOwn(owner.properties, key) ? above : undefined;
}

/** Keywords about a node's children or its presence: the node itself stays readable. */
const KEEPS_VALUE = new Set(["required", "if", "then", "minItems", "uniqueItems", "additionalProperties"]);

/**
 * The values the schema refused: each a node whose own type, value or form is wrong, and each key
 * the format does not know. What remains is what the rules can read.
 */
export function refusedByErrors(errors: readonly AjvError[]): JsonPath[] {
  const out: JsonPath[] = [];
  for (const e of errors) {
    const path = parsePointer(e.instancePath);
    if (e.keyword === "additionalProperties") out.push([...path, String(e.params.additionalProperty)]);
    else if (!KEEPS_VALUE.has(e.keyword)) out.push(path);
  }
  return out;
}

/**
 * Findings kept per file: more than any real file has, and a bound on the work and output a hostile
 * file (200,000 unknown keys) can cause, since each finding is then positioned in the document.
 */
const MAX_SCHEMA_FINDINGS = 100;

export function schemaFindings(errors: readonly AjvError[], data: unknown, schema: Schema): Finding[] {
  const findings: Finding[] = [];
  for (const e of errors) {
    if (findings.length >= MAX_SCHEMA_FINDINGS) break;
    const path = parsePointer(e.instancePath);
    const value = valueAt(data, path);
    const sub = schemaAt(schema, path);
    switch (e.keyword) {
      case "required": {
        const child = String(e.params.missingProperty);
        const childSchema = schemaAt(schema, [...path, child]);
        const rule = e.schemaPath.includes("/then/") ? "summary-required" : "required";
        findings.push({
          rule,
          path,
          key: path.length > 0,
          params: { child, childLabel: (childSchema?.title as string | undefined) ?? child },
        });
        break;
      }
      case "additionalProperties": {
        const key = String(e.params.additionalProperty);
        const known = Object.keys((sub?.properties as object | undefined) ?? {});
        const suggestion = suggest(key, known);
        findings.push({
          rule: "unknown-key",
          path: [...path, key],
          key: true,
          params: { key, suggestion, ...(suggestion ? {} : { under: ownerAbove(data, schema, path, key) }) },
        });
        break;
      }
      case "type": {
        const expected = String(e.params.type);
        const last = path[path.length - 1];
        const money = typeof last === "string" && last.endsWith("_vnd");
        const hint = expected === "integer" ? numberHint(value, money) : undefined;
        const prose = expected === "string" ? proseAsMapping(value, path) : undefined;
        if (hint) findings.push({ rule: "number-format", path, params: { value: show(value), ...hint } });
        else if (prose) findings.push(prose);
        else findings.push({ rule: "wrong-type", path, params: { expected, actual: jsonType(value) } });
        break;
      }
      case "enum": {
        const values = (sub?.enum as string[] | undefined) ?? [];
        const meanings = (sub?.enumDescriptions as string[] | undefined) ?? [];
        const allowed = values.map((v, i) => (meanings[i] ? `${v} (${meanings[i]})` : v)).join(", ");
        const text = typeof value === "string" ? value : String(value);
        // `Done`, `don`, or the meaning written out (`đã hoàn thành`).
        const byMeaning = values.filter((_, i) => meanings[i] && fold(meanings[i]!) === fold(text));
        const suggestion = suggest(text, values) ?? (byMeaning.length === 1 ? byMeaning[0] : undefined);
        findings.push({
          rule: "invalid-value",
          path,
          params: { value: show(value), allowed, ...(suggestion ? { suggestion } : {}) },
        });
        break;
      }
      case "const":
        findings.push({ rule: "format-version", path, params: { expected: String(e.params.allowedValue) } });
        break;
      case "minimum":
        findings.push({ rule: "out-of-range", path, params: { min: e.params.limit, value } });
        break;
      case "maximum":
        findings.push({ rule: "out-of-range", path, params: { max: e.params.limit, value } });
        break;
      case "pattern": {
        const pattern = String(e.params.pattern);
        // A catalogue's keys and names of files: lower case, unlike a unit's code.
        if ((pattern === CATALOG_KEY_PATTERN || pattern === SLUG_PATTERN) && path[0] !== "waivers") {
          const form = pattern === SLUG_PATTERN ? "slug" : "key";
          findings.push({ rule: "invalid-key", path, params: { value: show(value), form } });
          break;
        }
        const isDate = pattern.includes(DATE_PATTERN_HINT);
        // `vkt`, `ĐHXD`, `VKT ` : the code it must be, when that is one.
        const code = !isDate && typeof value === "string" ? asCode(value) : "";
        const suggestion =
          code && code !== value && new RegExp(String(e.params.pattern)).test(code) ? code : undefined;
        // A rule id is kebab-case: one that is not names no rule.
        if (path[0] === "waivers" && path[2] === "rule" && typeof value === "string") {
          findings.push({ rule: "unknown-waiver-rule", path, params: unknownWaiver(value) });
          break;
        }
        findings.push({
          rule: isDate ? "invalid-date" : "invalid-code",
          path,
          params: { value: show(value), ...(suggestion ? { suggestion } : {}) },
        });
        break;
      }
      case "minLength":
        findings.push({ rule: "text-empty", path, params: {} });
        break;
      case "maxLength":
        findings.push({
          rule: "text-too-long",
          path,
          params: { length: typeof value === "string" ? [...value].length : 0, max: e.params.limit },
        });
        break;
      case "minItems":
        findings.push({ rule: "too-few-items", path, params: { min: e.params.limit } });
        break;
      case "uniqueItems": {
        // Ajv scans from the end: `j` is the later of two equal items, `i` the earlier; point at the later one.
        const earlier = Math.min(Number(e.params.i), Number(e.params.j));
        const later = Math.max(Number(e.params.i), Number(e.params.j));
        findings.push({
          rule: "duplicate-item",
          path: [...path, later],
          labelPath: path,
          params: { value: show(valueAt(data, [...path, later])), first: earlier + 1 },
        });
        break;
      }
      case "if":
        // Reported through the `then` branch's own error.
        break;
      default:
        findings.push({ rule: "wrong-type", path, params: { expected: e.keyword, actual: jsonType(value) } });
    }
  }
  return findings;
}
