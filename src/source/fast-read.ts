import jsYaml from "js-yaml";
import { decode, MAX_FILE_BYTES, MAX_NESTING, MAX_NODES, THOUSANDS_NUMBER } from "./decode.js";

/*
 * The fast reading serves only texts written in a plain subset of YAML that both parsers read the
 * same way, checked line by line: block mappings and sequences indented with spaces, ASCII keys,
 * and values that are plain text, simply quoted text, integers, dates, or one-line flow mappings
 * of integers (`{ total: 142, female: 77 }`). Anything else (anchors, tags, block scalars,
 * multi-line values, escapes, other numbers, odd indentation) goes to the reading with positions,
 * which is the reference: a text the subset admits cannot read differently there.
 */
const KEY = "[A-Za-z_][A-Za-z0-9_-]{0,63}";
const INT = "-?[0-9]+";
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\t]|\\[\\"])*"`;
const QUOTED = new RegExp(String.raw`^(?:${DOUBLE_QUOTED}|'(?:[^'\t]|'')*')(?: +#.*)?$`);
const FLOW = new RegExp(
  String.raw`^(?:\{ *\}|\[ *\]|\{ *(?:${KEY} *: *${INT} *, *)*${KEY} *: *${INT} *\}|\[ *(?:${DOUBLE_QUOTED} *, *)*${DOUBLE_QUOTED} *\])(?: +#.*)?$`,
);
const LINE = new RegExp(String.raw`^( *)((?:- +)?)(?:(${KEY}):(?: +(.*))?|(.*))$`);
/** Plain text: no indicator first, nothing that would end it early or make it a key. */
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_BREAKS = /: |:$| #|\t|[[\]{}]/;
/** A plain value that starts like a number must be an integer, a date or clearly text. */
const NUMBERISH = /^[0-9+\-.]/;
/** A character no number can hold in either parser (`125/BC-VKT`, `15 đơn vị`): plain text. */
const NOT_A_NUMBER = /[^0-9a-fA-FxXoObB.eE+\-_]/;
const SAFE_NUMBERISH = /^(?:-?[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2})(?: +#.*)?$/;

function simpleValue(value: string): boolean {
  if (value.startsWith("#")) return true;
  if (value[0] === '"' || value[0] === "'") return QUOTED.test(value);
  if (value[0] === "{" || value[0] === "[") return FLOW.test(value);
  if (NUMBERISH.test(value) && !SAFE_NUMBERISH.test(value) && !NOT_A_NUMBER.test(value)) return false;
  if (!PLAIN_START.test(value)) return false;
  const comment = value.indexOf(" #");
  return !PLAIN_BREAKS.test(comment < 0 ? value : value.slice(0, comment));
}

/** Whether the whole text is in the plain subset both parsers read alike. */
function inPlainSubset(text: string): boolean {
  // Open block levels, each a mapping or a sequence; a line goes deeper only under a line that
  // opened a block, and comes back only to a level that is open.
  const levels: { indent: number; kind?: "map" | "seq" }[] = [{ indent: 0 }];
  let opened = false;
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.includes("\r") || line.includes("\t")) return false;
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m) return false;
    const indent = m[1]!.length;
    const dash = m[2]!;
    const key = m[3];
    const value = (key !== undefined ? m[4] : m[5])?.trimEnd();
    if (key === undefined && (dash === "" || value?.startsWith("-"))) return false;
    if (value !== undefined && value !== "" && !simpleValue(value)) return false;

    if (indent > levels[levels.length - 1]!.indent) {
      if (!opened) return false;
      levels.push({ indent });
    } else {
      while (levels.length > 1 && levels[levels.length - 1]!.indent > indent) levels.pop();
      if (levels[levels.length - 1]!.indent !== indent) return false;
    }
    const level = levels[levels.length - 1]!;
    const kind = dash ? "seq" : "map";
    if (level.kind !== undefined && level.kind !== kind) return false;
    level.kind = kind;
    // `- key: value` starts a mapping whose further keys stand under `key`.
    if (dash && key !== undefined) levels.push({ indent: indent + dash.length, kind: "map" });
    opened = value === undefined || value === "";
  }
  return true;
}

/** The core schema, with thousands-dot numbers kept as text first, as THOUSANDS does for `yaml`. */
// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const { types } = jsYaml as unknown as { types: Record<"null" | "bool" | "int" | "float", jsYaml.Type> };
const FAST_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type("tag:geq,2022:thousands", {
      kind: "scalar",
      resolve: (data: unknown) => typeof data === "string" && THOUSANDS_NUMBER.test(data),
      construct: (data: string) => data,
    }),
    types.null,
    types.bool,
    types.int,
    types.float,
  ],
});

/**
 * The fast reading: js-yaml parses about ten times faster than `yaml` but keeps no positions, so
 * it only serves files that turn out to have nothing to report. Undefined when the text needs
 * the full reading (anything unusual, any parse error, anything but a mapping).
 */
export function fastValue(bytes: Uint8Array): { value: Record<string, unknown> } | undefined {
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const decoded = decode(bytes);
  if ("finding" in decoded) return undefined;
  if (!inPlainSubset(decoded.text)) return undefined;
  let value: unknown;
  try {
    value = jsYaml.load(decoded.text, { schema: FAST_SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  if (!modest(value)) return undefined;
  return { value: value as Record<string, unknown> };
}

/**
 * Whether a value is well within the full reading's limits (MAX_NODES, MAX_NESTING), which count
 * the text's marks rather than values: a file near them is left to the full reading to judge.
 */
function modest(root: object): boolean {
  let nodes = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (++nodes > MAX_NODES / 4 || depth > MAX_NESTING / 4) return false;
    if (typeof value === "object" && value !== null)
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}
