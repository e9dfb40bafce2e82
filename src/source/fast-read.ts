import type { JsonPath } from "../validate/finding.js";
import { decode, MAX_FILE_BYTES, MAX_NESTING, MAX_NODES, THOUSANDS_NUMBER } from "./decode.js";

/*
 * The fast reading serves only texts written in a plain subset of YAML, read line by line into
 * data: block mappings and sequences indented with spaces, ASCII keys, and values that are plain
 * text, simply quoted text, integers, dates, or one-line flow mappings of integers
 * (`{ total: 142, female: 77 }`) or lists of double-quoted text. Anything else (anchors, tags,
 * block scalars, multi-line values, escapes, other numbers, odd indentation, repeated keys) is
 * left to the reading with positions, which is the reference: a text the subset admits reads
 * the same there, value for value, and each node starts where that reading says it does.
 */
const KEY = "[A-Za-z_][A-Za-z0-9_-]{0,63}";
const INT = "-?[0-9]+";
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\t]|\\[\\"])*"`;
const QUOTED = new RegExp(String.raw`^(?:${DOUBLE_QUOTED}|'(?:[^'\t]|'')*')(?: +#.*)?$`);
const FLOW = new RegExp(
  String.raw`^(?:\{ *\}|\[ *\]|\{ *(?:${KEY} *: *${INT} *, *)*${KEY} *: *${INT} *\}|\[ *(?:${DOUBLE_QUOTED} *, *)*${DOUBLE_QUOTED} *\])(?: +#.*)?$`,
);
/** One entry of a flow mapping or list that FLOW admitted, and what follows it. */
const FLOW_PAIR = new RegExp(String.raw` *(${KEY}) *: *(${INT}) *([,}])`, "y");
const FLOW_ITEM = new RegExp(String.raw` *(${DOUBLE_QUOTED}) *([,\]])`, "y");
const FLOW_EMPTY = /^[{[] *[}\]]/;
const LINE = new RegExp(String.raw`^( *)((?:- +)?)(?:(${KEY}):(?: +(.*))?|(.*))$`);
/** Keys the core schema reads as null or a boolean, and the one key plain objects treat specially. */
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
/** Plain text: no indicator first, nothing that would end it early or make it a key. */
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_BREAKS = /: |:$| #|\t|[[\]{}]/;
/** A plain value that starts like a number must be an integer, a date or clearly text. */
const NUMBERISH = /^[0-9+\-.]/;
/** A character no number can hold in either parser (`125/BC-VKT`, `15 đơn vị`): plain text. */
const NOT_A_NUMBER = /[^0-9a-fA-FxXoObB.eE+\-_]/;
const SAFE_NUMBERISH = /^(?:-?[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2})(?: +#.*)?$/;
const INTEGER = /^-?[0-9]+$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const TRUE_WORD = /^(?:true|True|TRUE)$/;
const FALSE_WORD = /^(?:false|False|FALSE)$/;
/** Characters YAML does not allow in a stream: such a text is left to the reading with positions. */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

function simpleValue(value: string): boolean {
  if (value.startsWith("#")) return true;
  if (value[0] === '"' || value[0] === "'") return QUOTED.test(value);
  if (value[0] === "{" || value[0] === "[") return FLOW.test(value);
  if (NUMBERISH.test(value) && !SAFE_NUMBERISH.test(value) && !NOT_A_NUMBER.test(value)) return false;
  if (!PLAIN_START.test(value)) return false;
  const comment = value.indexOf(" #");
  return !PLAIN_BREAKS.test(comment < 0 ? value : value.slice(0, comment));
}

type Container = Record<string, unknown> | unknown[];

/**
 * Where each node of a plain reading starts in its text, as the reading with positions puts it:
 * for each mapping or list, its keys' and values' offsets (a list item has no key: -1).
 */
export interface PlainOffsets {
  root: number;
  slots: Map<Container, Map<string | number, [key: number, value: number]>>;
}

const REFUSED = Symbol("refused");

/** Without trailing spaces (only spaces: YAML's white space here, unlike `trimEnd`'s). */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

function unquoteDouble(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\([\\"])/g, "$1");
}

/** A flow mapping of integers or list of double-quoted text, as FLOW admitted it. */
function flow(value: string, at: number, offsets: PlainOffsets | undefined): unknown {
  const map = value[0] === "{";
  const out: Container = map ? {} : [];
  if (FLOW_EMPTY.test(value)) return out;
  const slots = offsets && new Map<string | number, [number, number]>();
  const entry = map ? FLOW_PAIR : FLOW_ITEM;
  entry.lastIndex = 1;
  for (;;) {
    const from = entry.lastIndex;
    const m = entry.exec(value)!;
    const first = at + from + m[0].indexOf(m[1]!.charAt(0));
    if (Array.isArray(out)) {
      slots?.set(out.length, [-1, first]);
      out.push(unquoteDouble(m[1]!));
    } else {
      const key = m[1]!;
      if (RESERVED_KEY.test(key) || Object.hasOwn(out, key)) return REFUSED;
      out[key] = parseInt(m[2]!, 10);
      slots?.set(key, [first, at + from + m[0].lastIndexOf(m[2]!, m[0].length - 1)]);
    }
    if (m[m.length - 1] === "}" || m[m.length - 1] === "]") break;
  }
  if (slots) offsets!.slots.set(out, slots);
  return out;
}

/** A value written on one line (after `key: ` or `- `), or REFUSED when the core schema could read it otherwise. */
function scalar(value: string, at: number, offsets: PlainOffsets | undefined): unknown {
  if (value[0] === "#") return null;
  if (value[0] === '"') return unquoteDouble(/^"(?:[^"\\\t]|\\[\\"])*"/.exec(value)![0]);
  if (value[0] === "'") return /^'((?:[^'\t]|'')*)'/.exec(value)![1]!.replace(/''/g, "'");
  if (value[0] === "{" || value[0] === "[") return flow(value, at, offsets);
  const comment = value.indexOf(" #");
  const text = trimSpaces(comment < 0 ? value : value.slice(0, comment));
  if (NUMBERISH.test(text)) {
    if (INTEGER.test(text)) return parseInt(text, 10);
    if (DATE.test(text) || THOUSANDS_NUMBER.test(text)) return text;
    return NOT_A_NUMBER.test(text) && !SPECIAL_FLOAT.test(text) ? text : REFUSED;
  }
  if (NULL_WORD.test(text)) return null;
  if (TRUE_WORD.test(text)) return true;
  if (FALSE_WORD.test(text)) return false;
  return text;
}

interface Level {
  indent: number;
  kind?: "map" | "seq";
  container: Container;
}

/**
 * Reads a text in the plain subset into data, and with `offsets` where each node starts.
 * Undefined when the text is outside the subset or is not one mapping.
 */
export function readPlain(text: string, offsets?: PlainOffsets): Record<string, unknown> | undefined {
  // The quick test has no lookaround; only a text it matches is searched for unpaired surrogates.
  if (SUSPECT.test(text) && NON_PRINTABLE.test(text)) return undefined;
  const root: Record<string, unknown> = {};
  // Open block levels, each a mapping or a list; a line goes deeper only under a line that
  // opened a block (`key:` or `- ` with nothing after), and comes back only to a level that is open.
  const levels: Level[] = [{ indent: 0, container: root }];
  let opener: { container: Container; slot: string | number } | undefined;
  let empty = true;
  let start = 0;
  const slot = (container: Container, key: string | number, at: [number, number]) => {
    if (!offsets) return;
    let slots = offsets.slots.get(container);
    if (!slots) offsets.slots.set(container, (slots = new Map()));
    slots.set(key, at);
  };
  // One value at its place: null for an empty value, which a deeper block may replace.
  const put = (
    container: Container,
    key: string | number,
    raw: string | undefined,
    at: number,
    end: number,
  ) => {
    const value = raw === undefined ? raw : trimSpaces(raw);
    const keyAt = typeof key === "number" ? -1 : at;
    const valueAt = raw === undefined ? end : end - raw.length;
    let read: unknown = null;
    if (value === undefined || value === "") opener = { container, slot: key };
    else if (!simpleValue(value) || (read = scalar(value, valueAt, offsets)) === REFUSED) return false;
    if (Array.isArray(container)) container.push(read);
    else if (RESERVED_KEY.test(key as string) || Object.hasOwn(container, key)) return false;
    else container[key] = read;
    // An empty value sits where its line ends, after any trailing spaces.
    slot(container, key, [keyAt, value === "" || value === undefined ? end : valueAt]);
    return true;
  };
  for (const raw of text.split("\n")) {
    const lineStart = start;
    start += raw.length + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.includes("\r") || line.includes("\t")) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const indent = m[1]!.length;
    const dash = m[2]!;
    const key = m[3];
    const rest = key !== undefined ? m[4] : m[5];
    if (dash === "" && key === undefined && (rest === "" || rest!.startsWith("#"))) continue;
    if (key === undefined && (dash === "" || rest?.startsWith("-"))) return undefined;
    const end = lineStart + line.length;

    let level = levels[levels.length - 1]!;
    if (indent > level.indent) {
      if (!opener) return undefined;
      const container: Container = dash ? [] : {};
      const { container: parent, slot: at } = opener;
      if (Array.isArray(parent)) parent[at as number] = container;
      else parent[at] = container;
      if (offsets) offsets.slots.get(parent)!.get(at)![1] = lineStart + indent;
      levels.push((level = { indent, container }));
    } else {
      while (levels.length > 1 && levels[levels.length - 1]!.indent > indent) levels.pop();
      level = levels[levels.length - 1]!;
      if (level.indent !== indent) return undefined;
    }
    opener = undefined;
    const kind = dash ? "seq" : "map";
    if ((level.kind ?? kind) !== kind || (empty && dash)) return undefined;
    level.kind = kind;
    if (empty && offsets) offsets.root = lineStart;
    empty = false;
    if (dash && key !== undefined) {
      // `- key: value` starts a mapping whose further keys stand under `key`.
      const item: Record<string, unknown> = {};
      const list = level.container as unknown[];
      slot(list, list.length, [-1, lineStart + indent + dash.length]);
      list.push(item);
      levels.push({ indent: indent + dash.length, kind: "map", container: item });
      if (!put(item, key, rest, lineStart + indent + dash.length, end)) return undefined;
    } else if (dash) {
      const list = level.container as unknown[];
      if (!put(list, list.length, rest, -1, end)) return undefined;
    } else if (!put(level.container, key!, rest, lineStart + indent, end)) return undefined;
  }
  return empty ? undefined : root;
}

/**
 * The fast reading: a text in the plain subset read into data in one pass over its lines, about
 * ten times faster than the reading with positions. Undefined when the text needs the full
 * reading (anything unusual, anything but a mapping, anything near the full reading's limits).
 */
export function fastValue(bytes: Uint8Array): { value: Record<string, unknown>; text: string } | undefined {
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const decoded = decode(bytes);
  if ("finding" in decoded) return undefined;
  const value = readPlain(decoded.text);
  if (!value || !modest(value)) return undefined;
  return { value, text: decoded.text };
}

/**
 * Where the node at a path starts, as `locate` in the reading with positions finds it: the node,
 * its key with `key`, or the deepest node on the way when the path goes further than the data.
 */
function offsetAt(
  root: Record<string, unknown>,
  offsets: PlainOffsets,
  path: JsonPath,
  key: boolean,
): number {
  let node: unknown = root;
  let found = offsets.root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const slots = offsets.slots.get(node as Container);
    let at: [number, number] | undefined;
    if (Array.isArray(node)) {
      if (typeof step !== "number" || step >= node.length) return found;
      at = slots?.get(step);
      node = node[step];
    } else if (typeof node === "object" && node !== null) {
      const name = String(step);
      if (!Object.hasOwn(node, name)) return found;
      at = slots?.get(name);
      if (i === path.length - 1 && key) return at![0];
      node = (node as Record<string, unknown>)[name];
    } else return found;
    found = at![1];
  }
  return found;
}

/**
 * Line and column (1-based, in characters) of nodes in a text the fast reading admitted, read
 * again to note where each node starts: only for a file with something to report.
 */
export function plainPositions(
  text: string,
): (path: JsonPath, key: boolean) => { line: number; column: number } {
  const offsets: PlainOffsets = { root: 0, slots: new Map() };
  const root = readPlain(text, offsets)!;
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (path, key) => {
    const offset = offsetAt(root, offsets, path, key);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
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
