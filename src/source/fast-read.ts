import jsYaml from "js-yaml";
import { decode, MAX_FILE_BYTES, MAX_NESTING, MAX_NODES, THOUSANDS_NUMBER } from "./decode.js";

/**
 * Constructs js-yaml reads differently from the `yaml` package, or that the reading rules refuse:
 * anchors, aliases and tags (`&`, `*`, `!` starting a node), binary integers, complex keys (`? `, or
 * a flow collection before `:`), directives, a
 * carriage return that does not end a line (a line break for js-yaml, a character for `yaml`),
 * `---` or `...` run into the next word (a marker for js-yaml, text for `yaml`). A text containing
 * none of them reads the same with both parsers.
 */
const SLOW_PATH_ONLY =
  /(?:^|[\s[{,])[&*!]|\b0b[01]|^[ \t]*\?(?:\s|$)|^%|\r(?!\n)|^(?:---|\.\.\.)\S|[\]}][ \t]*:(?:[ \t]|$)/m;
/** A cheap first look: most files contain none of these characters at all. */
const MAYBE_SLOW = /[&*!?%]|0b|\r(?!\n)|(?:^|\n)(?:---|\.\.\.)\S|[\]}][ \t]*:/;

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
  if (MAYBE_SLOW.test(decoded.text) && SLOW_PATH_ONLY.test(decoded.text)) return undefined;
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
