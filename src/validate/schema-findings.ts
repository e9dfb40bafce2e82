import type { AjvError } from "../catalog/compile.js";
import type { Finding, JsonPath } from "./finding.js";

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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known key closest to a mistyped one, if it is close enough to be a typo. */
function suggestKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const dist = editDistance(key.toLowerCase(), k.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [k, dist];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/** `21.500.000`, `21,500,000`, `"1500"`: a number typed as text, with the digits to write instead. */
function numberTypedAsText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  if (/^[0-9]{1,3}([.,  ][0-9]{3})+$/.test(t) || /^[0-9]+$/.test(t)) return t.replace(/[^0-9]/g, "");
  return undefined;
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
        findings.push({
          rule: "unknown-key",
          path: [...path, key],
          key: true,
          params: { key, suggestion: suggestKey(key, known) },
        });
        break;
      }
      case "type": {
        const expected = String(e.params.type);
        const fixed = expected === "integer" ? numberTypedAsText(value) : undefined;
        if (fixed !== undefined)
          findings.push({
            rule: "number-format",
            path,
            // `"142"` holds no separator: it is a number written as text, and the quotes are what to drop.
            params: {
              value: show(value),
              fixed,
              ...(fixed === String(value).trim() ? { quoted: true } : {}),
            },
          });
        else findings.push({ rule: "wrong-type", path, params: { expected, actual: jsonType(value) } });
        break;
      }
      case "enum": {
        const values = (sub?.enum as string[] | undefined) ?? [];
        const meanings = (sub?.enumDescriptions as string[] | undefined) ?? [];
        const allowed = values.map((v, i) => (meanings[i] ? `${v} (${meanings[i]})` : v)).join(", ");
        findings.push({ rule: "invalid-value", path, params: { value: show(value), allowed } });
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
        const isDate = String(e.params.pattern).includes(DATE_PATTERN_HINT);
        findings.push({
          rule: isDate ? "invalid-date" : "invalid-code",
          path,
          params: { value: show(value) },
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
