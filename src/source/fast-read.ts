import type { JsonPath } from "../validate/finding.js";
import { Buffer, isUtf8 } from "node:buffer";
import { cleanString } from "../validate/normalise.js";
import { MAX_FILE_BYTES, MAX_NESTING, MAX_NODES, THOUSANDS_NUMBER } from "./decode.js";

/*
 * The fast reading serves only texts written in a plain subset of YAML, read line by line into
 * data: block mappings and sequences indented with spaces, ASCII keys, and values that are plain
 * text, simply quoted text, integers, dates, or one-line flow mappings of integers
 * (`{ total: 142, female: 77 }`, a space after each colon: `{total:142}` is the key `total:142`)
 * or lists of double-quoted text. Anything else (anchors, tags,
 * block scalars, multi-line values, escapes, other numbers, odd indentation, repeated keys) is
 * left to the reading with positions, which is the reference: a text the subset admits reads
 * the same there, value for value, and each node starts where that reading says it does.
 */
const KEY = "[A-Za-z_][A-Za-z0-9_-]{0,63}";
const INT = "-?[0-9]+";
const DOUBLE_QUOTED = String.raw`"(?:[^"\\\t]|\\[\\"])*"`;
const QUOTED = new RegExp(String.raw`^(?:${DOUBLE_QUOTED}|'(?:[^'\t]|'')*')(?: +#.*)?$`);
const FLOW = new RegExp(
  String.raw`^(?:\{ *\}|\[ *\]|\{ *(?:${KEY} *: +${INT} *, *)*${KEY} *: +${INT} *\}|\[ *(?:${DOUBLE_QUOTED} *, *)*${DOUBLE_QUOTED} *\])(?: +#.*)?$`,
);
/** One entry of a flow mapping or list that FLOW admitted, and what follows it. */
const FLOW_PAIR = new RegExp(String.raw` *(${KEY}) *: +(${INT}) *([,}])`, "y");
const FLOW_ITEM = new RegExp(String.raw` *(${DOUBLE_QUOTED}) *([,\]])`, "y");
const FLOW_EMPTY = /^[{[] *[}\]]/;
const isKeyStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isKeyChar = (c: number) => isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
/** Keys the core schema reads as null or a boolean, and the one key plain objects treat specially. */
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const reserved = (key: string) => key.length <= 9 && RESERVED_KEY.test(key);
/** Plain text: no indicator first, nothing that would end it early or make it a key. */
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
/** PLAIN_START for each ASCII character. */
const PLAIN_FIRST = Array.from({ length: 0x80 }, (_, c) => PLAIN_START.test(String.fromCharCode(c)));
/** A character no number can hold in either parser (`125/BC-VKT`, `15 đơn vị`): plain text. */
const NOT_A_NUMBER = /[^0-9a-fA-FxXoObB.eE+\-_]/;
const INTEGER = /^-?[0-9]+$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const TRUE_WORD = /^(?:true|True|TRUE)$/;
const FALSE_WORD = /^(?:false|False|FALSE)$/;
/**
 * Characters YAML does not allow in a stream (unpaired surrogates aside, which well-formed UTF-8
 * cannot hold): such a text is left to the reading with positions.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;
/** The same with tab and carriage return: one scan finds whether a text needs a closer look. */
const UNUSUAL = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

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

/**
 * Where the last plain value `scalar` read had its comment start (` #`), or its length when it had
 * none (-1 for a value that is not plain): set as a side result, so that reading a value costs no
 * more for it.
 */
let cutAt = -1;

/**
 * Plain text that a comment (` #`) ended: YAML drops what follows, which in prose is often the
 * rest of a sentence (`Kế hoạch số 09 # mục 3`). `at` is the `#`, 1-based.
 */
export interface CommentCut {
  path: JsonPath;
  kept: string;
  cut: string;
  /** The line's start up to the value (`summary:`, `-`), for an example of the fix. */
  head: string;
  at: { line: number; column: number };
}

/** Without trailing spaces (only spaces: YAML's white space here, unlike `trimEnd`'s). */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

function leadingSpaces(s: string): number {
  let n = 0;
  while (s.charCodeAt(n) === 32) n++;
  return n;
}

function unquoteDouble(quoted: string): string {
  const inner = quoted.slice(1, -1);
  return cleanString(inner.includes("\\") ? inner.replace(/\\([\\"])/g, "$1") : inner);
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
    // An entry starts after the spaces its match begins with (worked out only for positions).
    if (Array.isArray(out)) {
      slots?.set(out.length, [-1, at + from + leadingSpaces(m[0])]);
      out.push(unquoteDouble(m[1]!));
    } else {
      const key = m[1]!;
      if (reserved(key) || Object.hasOwn(out, key)) return REFUSED;
      out[key] = parseInt(m[2]!, 10);
      slots?.set(key, [
        at + from + leadingSpaces(m[0]),
        at + from + m[0].lastIndexOf(m[2]!, m[0].length - 1),
      ]);
    }
    if (m[m.length - 1] === "}" || m[m.length - 1] === "]") break;
  }
  if (slots) offsets!.slots.set(out, slots);
  return out;
}

/**
 * A value written on one line (after `key: ` or `- `), or REFUSED when it is outside the subset or
 * the core schema could read it otherwise.
 */
function scalar(value: string, at: number, offsets: PlainOffsets | undefined): unknown {
  const first = value.charCodeAt(0);
  cutAt = -1;
  if (first === 0x23 /* # */) return null;
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    if (!QUOTED.test(value)) return REFUSED;
    return first === 0x22
      ? unquoteDouble(/^"(?:[^"\\\t]|\\[\\"])*"/.exec(value)![0])
      : cleanString(/^'((?:[^'\t]|'')*)'/.exec(value)![1]!.replace(/''/g, "'"));
  }
  if (first === 0x7b /* { */ || first === 0x5b /* [ */)
    return FLOW.test(value) ? flow(value, at, offsets) : REFUSED;
  if (first >= 0x80 ? !PLAIN_START.test(value) : !PLAIN_FIRST[first]) return REFUSED;
  // One pass: where a comment starts (` #`), and nothing that would end the text early or make it
  // a key (`: `, a `:` at its end, a bracket).
  let end = value.length;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20 /*   */) {
      if (value.charCodeAt(i + 1) === 0x23 /* # */) end = i;
    } else if (c === 0x3a /* : */) {
      if (i + 1 === end || value.charCodeAt(i + 1) === 0x20) return REFUSED;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) return REFUSED;
  }
  const body = end === value.length ? value : value.slice(0, end);
  const text = trimSpaces(body);
  cutAt = end;
  // A plain value that starts like a number must be an integer, a date, thousands or clearly
  // text; only a short text can be one of the core schema's words.
  const lead = text.charCodeAt(0);
  if ((lead >= 0x30 && lead <= 0x39) || lead === 0x2b || lead === 0x2d || lead === 0x2e) {
    if (INTEGER.test(text)) return parseInt(text, 10);
    if (DATE.test(text) || THOUSANDS_NUMBER.test(text)) return text;
    return NOT_A_NUMBER.test(text) && !SPECIAL_FLOAT.test(text) ? cleanString(text) : REFUSED;
  }
  if (text.length > 5) return cleanString(text);
  if (NULL_WORD.test(text)) return null;
  if (TRUE_WORD.test(text)) return true;
  if (FALSE_WORD.test(text)) return false;
  return cleanString(text);
}

/** The cut of a plain value `scalar` just read, with the value's path from the open levels. */
function commentCut(
  levels: readonly Level[],
  key: string | number,
  kept: string,
  text: string,
  valueAt: number,
  lineStart: number,
  line: number,
): CommentCut {
  const path: JsonPath = levels.slice(1).map((l) => l.at!);
  const hash = text.indexOf("#", valueAt + cutAt);
  let end = text.indexOf("\n", hash);
  if (end < 0) end = text.length;
  return {
    path: [...path, key],
    kept,
    cut: text.slice(hash, end).trim(),
    head: text.slice(lineStart, valueAt).trim(),
    at: { line, column: hash - lineStart + 1 },
  };
}

interface Level {
  indent: number;
  kind?: "map" | "seq";
  container: Container;
  /** Where the container sits in the one above (the root has none). */
  at?: string | number;
}

/**
 * Reads a text in the plain subset into data, and with `offsets` where each node starts.
 * Undefined when the text is outside the subset, is not one mapping, or comes anywhere near the
 * full reading's limits (MAX_NODES, MAX_NESTING), which count the text's marks rather than
 * values: such a text is left to the full reading to judge. The text is well-formed (decoded
 * from UTF-8).
 */
function readPlain(
  text: string,
  offsets?: PlainOffsets,
  cuts?: CommentCut[],
): Record<string, unknown> | undefined {
  // Tabs and control characters are refused; carriage returns only end lines.
  const unusual = UNUSUAL.test(text);
  if (unusual && (NON_PRINTABLE.test(text) || text.includes("\t"))) return undefined;
  const crs = unusual && text.includes("\r");
  const root: Record<string, unknown> = {};
  // Open block levels, each a mapping or a list; a line goes deeper only under a line that
  // opened a block (`key:` or `- ` with nothing after), and comes back only to a level that is open.
  const levels: Level[] = [{ indent: 0, container: root }];
  // Where a block on the next, deeper line goes: after `key:` or `- ` with nothing after.
  let openIn: Container | undefined;
  let openAt: string | number = 0;
  let empty = true;
  let nodes = 0;
  const slot = (container: Container, key: string | number, at: [number, number]) => {
    let slots = offsets!.slots.get(container);
    if (!slots) offsets!.slots.set(container, (slots = new Map()));
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
    if (value === undefined || value === "") {
      openIn = container;
      openAt = key;
    } else if ((read = scalar(value, valueAt, offsets)) === REFUSED) return false;
    else if (cutAt >= 0 && cutAt < value.length && typeof read === "string" && cuts)
      cuts.push(commentCut(levels, key, read, text, valueAt, lineStart, lineNumber));
    else if (typeof read === "object" && read !== null)
      nodes += Array.isArray(read) ? read.length : Object.keys(read).length;
    if (++nodes > MAX_NODES / 4) return false;
    if (Array.isArray(container)) container.push(read);
    else if (reserved(key as string) || Object.hasOwn(container, key)) return false;
    else container[key] = read;
    // An empty value sits where its line ends, after any trailing spaces.
    if (offsets) slot(container, key, [keyAt, value === "" || value === undefined ? end : valueAt]);
    return true;
  };
  let lineStart = 0;
  let lineNumber = 0;
  for (let next = 0; next <= text.length; lineStart = next) {
    lineNumber++;
    let end = text.indexOf("\n", lineStart);
    if (end < 0) end = text.length;
    next = end + 1;
    if (crs) {
      if (end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;
      const cr = text.indexOf("\r", lineStart);
      if (cr >= 0 && cr < end) return undefined;
    }
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    const indent = i - lineStart;
    if (i === end || text.charCodeAt(i) === 0x23 /* # */) continue;
    let dash = 0;
    if (text.charCodeAt(i) === 0x2d /* - */ && i + 1 < end && text.charCodeAt(i + 1) === 0x20) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) === 0x20) j++;
      dash = j - i;
      i = j;
    }
    // A key is ASCII, at most 64 characters, followed by `:` and a space or the line's end.
    let key: string | undefined;
    let rest: string | undefined;
    let k = i;
    if (k < end && isKeyStart(text.charCodeAt(k))) while (++k < end && isKeyChar(text.charCodeAt(k)));
    if (
      k > i &&
      k < end &&
      text.charCodeAt(k) === 0x3a /* : */ &&
      (k + 1 === end || text.charCodeAt(k + 1) === 0x20)
    ) {
      if (k - i > 64) return undefined;
      key = text.slice(i, k);
      if (k + 1 < end) {
        let v = k + 1;
        while (v < end && text.charCodeAt(v) === 0x20) v++;
        rest = text.slice(v, end);
      }
    } else {
      if (!dash || text.charCodeAt(i) === 0x2d) return undefined;
      rest = text.slice(i, end);
    }

    let level = levels[levels.length - 1]!;
    if (indent > level.indent) {
      if (!openIn) return undefined;
      const container: Container = dash ? [] : {};
      if (Array.isArray(openIn)) openIn[openAt as number] = container;
      else openIn[openAt] = container;
      if (offsets) offsets.slots.get(openIn)!.get(openAt)![1] = lineStart + indent;
      levels.push((level = { indent, container, at: openAt }));
    } else {
      while (levels.length > 1 && levels[levels.length - 1]!.indent > indent) levels.pop();
      level = levels[levels.length - 1]!;
      if (level.indent !== indent) return undefined;
    }
    openIn = undefined;
    const kind = dash ? "seq" : "map";
    if ((level.kind ?? kind) !== kind || (empty && dash)) return undefined;
    level.kind = kind;
    // Two more levels fit under the deepest block: a `- key:` mapping, then a flow collection.
    if (levels.length + 2 > MAX_NESTING / 4) return undefined;
    if (empty && offsets) offsets.root = lineStart;
    empty = false;
    if (dash && key !== undefined) {
      // `- key: value` starts a mapping whose further keys stand under `key`.
      const item: Record<string, unknown> = {};
      const list = level.container as unknown[];
      if (offsets) slot(list, list.length, [-1, lineStart + indent + dash]);
      list.push(item);
      levels.push({ indent: indent + dash, kind: "map", container: item, at: list.length - 1 });
      if (!put(item, key, rest, lineStart + indent + dash, end)) return undefined;
    } else if (dash) {
      const list = level.container as unknown[];
      if (!put(list, list.length, rest, -1, end)) return undefined;
    } else if (!put(level.container, key!, rest, lineStart + indent, end)) return undefined;
  }
  return empty ? undefined : root;
}

/**
 * The fast reading: a text in the plain subset read into data in one pass over its lines, about
 * ten times faster than the reading with positions, its text already as `normalise` keeps it
 * (and free of any character XML cannot carry: the subset refuses them all). Undefined when the text needs the full
 * reading (anything unusual, anything but a mapping, anything near the full reading's limits).
 */
export function fastValue(
  bytes: Uint8Array,
): { value: Record<string, unknown>; text: string; cuts: CommentCut[] } | undefined {
  // Bytes that are not UTF-8 (UTF-16 among them) are left to `decode` to explain; a NUL is refused
  // with the other control characters. Well-formed UTF-8 decodes to what `decode` gives.
  if (bytes.length > MAX_FILE_BYTES || !isUtf8(bytes)) return undefined;
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cuts: CommentCut[] = [];
  const value = readPlain(text, undefined, cuts);
  return value && { value, text, cuts };
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
