import { LineCounter, parseAllDocuments, isAlias, isMap, isScalar, isSeq, visit } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
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
    const parsed = parseAllDocuments(text, {
      lineCounter: lines,
      uniqueKeys: true,
      schema: "core",
      prettyErrors: false,
      strict: true,
    });
    docs = Array.isArray(parsed) ? parsed : [];
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
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (findings.length >= MAX_SYNTAX_FINDINGS) break;
    const rule =
      error.code === "DUPLICATE_KEY"
        ? "duplicate-key"
        : error.code === "RESOURCE_EXHAUSTION"
          ? "too-deep"
          : "yaml-syntax";
    // One resource-exhaustion finding says it all; the parser's follow-up errors are noise.
    if (rule === "too-deep")
      return { lines, findings: [{ rule, path: [], offset: error.pos[0], params: {} }] };
    findings.push({
      rule,
      path: [],
      offset: error.pos[0],
      params: { code: error.code, detail: error.message },
    });
  }
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
      findings.push({
        rule: "yaml-alias",
        path: [],
        offset: node.range?.[0] ?? 0,
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
 * anchors, aliases and tags (`&`, `*`, `!` starting a node), binary integers, complex keys,
 * directives. A text containing none of them reads the same with both parsers.
 */
const SLOW_PATH_ONLY = /(?:^|[\s[{,])[&*!]|\b0b[01]|^[ \t]*\?(?:\s|$)|^%/m;
/** A cheap first look: most files contain none of these characters at all. */
const MAYBE_SLOW = /[&*!?%]|0b/;

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
    value = jsYaml.load(decoded.text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return { value: value as Record<string, unknown> };
}
