import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, visit } from "yaml";
import type { CST, Document, Node as YamlNode, ScalarTag } from "yaml";
import jsYaml from "js-yaml";
import type { Finding } from "../validate/finding.js";

/** Reading a YAML input file into a document that keeps positions, refusing what cannot be read safely. */

/** Files above this size are refused before parsing: no unit file comes near it. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type JsonPath = (string | number)[];

export interface Source {
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data, strings as written (not yet normalised). */
  value: Record<string, unknown>;
}

export interface ReadResult {
  source?: Source;
  /** Line counter of the decoded text when there is one, to position findings. */
  lines?: LineCounter;
  findings: Finding[];
}

const MAX_SYNTAX_FINDINGS = 20;

/**
 * Open collections the parser may hold at once. A unit file nests six deep; the limit stops a
 * hostile file before the parser's stack costs memory and before the composer recurses near the
 * end of the call stack (where V8 can abort the process instead of throwing).
 */
export const MAX_NESTING = 100;

/**
 * `50.000` and `21.500` are Vietnamese thousands separators, not decimals: they are read as text, so
 * that the schema says how to write the number (number-format) instead of taking 50.000 for 50.
 */
const THOUSANDS_NUMBER = /^[0-9]{1,3}(?:\.[0-9]{3})+$/;
const THOUSANDS: ScalarTag = {
  tag: "tag:geq,2022:thousands",
  default: true,
  test: THOUSANDS_NUMBER,
  resolve: (source) => source,
};

/**
 * Keys, values and items a file may hold (counted by the marks that open them: a plain or quoted
 * scalar, `:`, `,`, `-`, `?`, `[`, `{`). A unit file holds about a thousand; 1 MiB of activities
 * (8,000 of them) some 175,000. Each costs the YAML reader a few hundred bytes twice over (its
 * syntax tree, then its document), so 200,000 one-letter keys would take 400 MB.
 */
export const MAX_NODES = 250_000;
const NODE_MARKS = new Set(["\u001f", ":", ",", "-", "?", "[", "{"]);

type Tokenized = { tokens: CST.Token[] } | { tooDeep: number } | { tooMany: number };

/** The CST of the text, or the offset where it nests deeper than MAX_NESTING or holds more than MAX_NODES. */
function tokenize(text: string, lines: LineCounter): Tokenized {
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  let nodes = 0;
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    if ((NODE_MARKS.has(lexeme) || lexeme[0] === '"' || lexeme[0] === "'") && ++nodes > MAX_NODES)
      return { tooMany: parser.offset };
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_NESTING) return { tooDeep: parser.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/**
 * Keys repeated in one mapping, found in one pass (the parser's own check compares every key with
 * every other: minutes for a file of many keys). `a`, `"a"` and `1`/`"1"` are the same key once read.
 * A list or mapping used as a key is refused too (the parser would print a warning and stringify it).
 */
function keyProblems(doc: Document.Parsed): Finding[] {
  const findings: Finding[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) {
          const node = pair.key as YamlNode | null;
          if (node?.range)
            findings.push({
              rule: "yaml-syntax",
              path: [],
              offset: node.range[0],
              params: { code: "NON_STRING_KEY", detail: "A key must be a scalar, not a list or mapping" },
            });
          continue;
        }
        const key = String(pair.key.value);
        if (seen.has(key))
          findings.push({
            rule: "duplicate-key",
            path: [],
            offset: pair.key.range?.[0] ?? 0,
            params: { code: "DUPLICATE_KEY", detail: "Map keys must be unique" },
          });
        seen.add(key);
      }
    },
  });
  return findings;
}

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset, for files that could not be decoded. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

function hex(b: number): string {
  return "0x" + b.toString(16).toUpperCase().padStart(2, "0");
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 (a BOM is dropped) or explains in one finding why the bytes are not UTF-8 text. */
export function decode(bytes: Uint8Array): { text: string } | { finding: Finding } {
  const at = (offset: number, params: Record<string, unknown>): { finding: Finding } => ({
    finding: { rule: "encoding", path: [], position: bytePosition(bytes, offset), params },
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at(0, { kind: "utf16", byte: hex(bytes[0]) });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return at(nul, { kind: "nul", byte: hex(0) });
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: STRICT_UTF8.decode(bytes.subarray(start)) };
  } catch {
    // Only now is it worth finding where the bytes stop being UTF-8.
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    return at(bad, { kind: "legacy", byte: hex(bytes[bad] ?? 0) });
  }
}

/** Parses decoded text: one YAML mapping, no aliases, no duplicate keys, nothing the core schema cannot say. */
export function parse(text: string): ReadResult {
  const lines = new LineCounter();
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    const cst = tokenize(text, lines);
    if ("tooDeep" in cst)
      return { lines, findings: [{ rule: "too-deep", path: [], offset: cst.tooDeep, params: {} }] };
    if ("tooMany" in cst)
      return {
        lines,
        findings: [{ rule: "too-many-nodes", path: [], offset: cst.tooMany, params: { max: MAX_NODES } }],
      };
    // Duplicate keys, and lists or mappings used as keys, are found below in one pass.
    const composer = new Composer({
      uniqueKeys: false,
      schema: "core",
      customTags: (tags) => [THOUSANDS, ...tags],
      prettyErrors: false,
      strict: true,
      logLevel: "error",
    });
    docs = Array.from(composer.compose(cst.tokens)) as Document.Parsed[];
  } catch (e) {
    if (e instanceof RangeError)
      return { lines, findings: [{ rule: "too-deep", path: [], offset: 0, params: {} }] };
    throw e;
  }
  const doc = docs[0];
  if (!doc || doc.contents === null) {
    return { lines, findings: [{ rule: "empty-file", path: [], offset: 0, params: {} }] };
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    findings.push({
      rule: "multiple-documents",
      path: [],
      offset: second.range[0],
      params: { count: docs.length },
    });
  }
  const problems: Finding[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    // One resource-exhaustion finding says it all; the parser's follow-up errors are noise.
    if (error.code === "RESOURCE_EXHAUSTION")
      return { lines, findings: [{ rule: "too-deep", path: [], offset: error.pos[0], params: {} }] };
    problems.push({
      rule: "yaml-syntax",
      path: [],
      offset: error.pos[0],
      params: { code: error.code, detail: error.message },
    });
  }
  problems.push(...keyProblems(doc));
  problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  findings.push(...problems.slice(0, MAX_SYNTAX_FINDINGS - findings.length));
  if (findings.length) return { lines, findings };

  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      findings.push({
        rule: "yaml-alias",
        path: [],
        offset: node.range?.[0] ?? 0,
        params: { kind: "alias" },
      });
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      // The node's range starts after its `&name`: point at the anchor itself.
      const start = node.range?.[0] ?? 0;
      const at = text.lastIndexOf(`&${node.anchor}`, start);
      findings.push({
        rule: "yaml-alias",
        path: [],
        offset: at >= 0 ? at : start,
        params: { kind: "anchor" },
      });
    }
  });
  if (findings.length) return { lines, findings };

  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? "list" : "scalar";
    return {
      lines,
      findings: [{ rule: "not-a-mapping", path: [], offset: doc.contents.range?.[0] ?? 0, params: { kind } }],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    if (e instanceof RangeError)
      return { lines, findings: [{ rule: "too-deep", path: [], offset: 0, params: {} }] };
    throw e;
  }
  return { lines, findings, source: { text, doc, lines, value: value as Record<string, unknown> } };
}

/** Reads bytes into a source; the caller has already refused files above MAX_FILE_BYTES. */
export function readSource(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      findings: [{ rule: "file-too-large", path: [], params: { size: bytes.length, max: MAX_FILE_BYTES } }],
    };
  }
  const decoded = decode(bytes);
  if ("finding" in decoded) return { findings: [decoded.finding] };
  return parse(decoded.text);
}

/**
 * The node a JSON path points at, or the deepest node on the way when the path goes further than
 * the document (a missing property points at its parent). `key` selects the key of a map entry.
 */
export function locate(doc: Document, path: JsonPath, key = false): YamlNode | undefined {
  let node: unknown = doc.contents;
  let found = node as YamlNode | undefined;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return found;
      if (last && key && isScalar(pair.key)) return pair.key;
      node = pair.value;
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step];
      if (!item) return found;
      node = item;
      found = item as YamlNode;
    } else {
      return found;
    }
  }
  return found;
}

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
