import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, visit } from "yaml";
import type { CST, Document, Node as YamlNode, ScalarTag } from "yaml";
import type { Finding, JsonPath } from "../validate/finding.js";
import type { CommentCut } from "./fast-read.js";
import { explainYamlErrors } from "./yaml-errors.js";
import { decode, MAX_FILE_BYTES, MAX_NESTING, MAX_NODES, THOUSANDS_NUMBER } from "./decode.js";

/** Reading a YAML input file into a document that keeps positions, refusing what cannot be read safely. */

export interface Source {
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data, strings as written (not yet normalised). */
  value: Record<string, unknown>;
  /**
   * The node at a path (see `locate`). A method of the source, so that code positioning findings
   * needs no import of the YAML library, which only the reading with positions loads.
   */
  locate(path: JsonPath, key?: boolean): YamlNode | undefined;
  /** Plain text a comment ended, as the fast reading notes it too. */
  cuts: CommentCut[];
}

export interface ReadResult {
  source?: Source;
  /** Line counter of the decoded text when there is one, to position findings. */
  lines?: LineCounter;
  findings: Finding[];
}

const MAX_SYNTAX_FINDINGS = 20;

const THOUSANDS: ScalarTag = {
  tag: "tag:geq,2022:thousands",
  default: true,
  test: THOUSANDS_NUMBER,
  resolve: (source) => source,
};

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
              params: { code: "NON_STRING_KEY" },
            });
          continue;
        }
        const key = String(pair.key.value);
        if (seen.has(key))
          findings.push({
            rule: "duplicate-key",
            path: [],
            offset: pair.key.range?.[0] ?? 0,
            params: {},
          });
        seen.add(key);
      }
    },
  });
  return findings;
}

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
  const errors = [...doc.errors, ...doc.warnings];
  // One resource-exhaustion finding says it all; the parser's follow-up errors are noise.
  const exhausted = errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (exhausted)
    return { lines, findings: [{ rule: "too-deep", path: [], offset: exhausted.pos[0], params: {} }] };
  // Only the first errors are explained: a hostile text can hold thousands, on one long line.
  const first = errors.sort((a, b) => a.pos[0] - b.pos[0]).slice(0, 2 * MAX_SYNTAX_FINDINGS);
  const problems = first.length ? explainYamlErrors(text, first) : [];
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
  const source: Source = {
    text,
    doc,
    lines,
    value: value as Record<string, unknown>,
    locate: (path, key) => locate(doc, path, key),
    cuts: text.includes(" #") ? commentCuts(doc, text, lines) : [],
  };
  return { lines, findings, source };
}

/** Plain text values that a comment on their last line ended, with their paths. */
function commentCuts(doc: Document.Parsed, text: string, lines: LineCounter): CommentCut[] {
  const cuts: CommentCut[] = [];
  const walk = (node: unknown, path: JsonPath): void => {
    if (isMap(node)) {
      for (const pair of node.items)
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && node.type === "PLAIN" && typeof node.value === "string" && node.range) {
      const [start, end] = node.range;
      const comment = / +#/y;
      comment.lastIndex = end;
      if (!comment.test(text)) return;
      const hash = text.indexOf("#", end);
      let eol = text.indexOf("\n", hash);
      if (eol < 0) eol = text.length;
      const lineStart = text.lastIndexOf("\n", start - 1) + 1;
      const at = lines.linePos(hash);
      cuts.push({
        path,
        kept: node.value,
        cut: text.slice(hash, eol).trim(),
        head: text.slice(lineStart, start).trim(),
        at: { line: at.line, column: at.col },
      });
    }
  };
  walk(doc.contents, []);
  return cuts;
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
