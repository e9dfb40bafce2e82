import type { Finding } from "../validate/finding.js";

/**
 * The YAML reader's errors in our own terms: what a person typing office prose did (a ": " inside a
 * sentence, a sentence opening with a quotation, a line indented one space off) and how to write it
 * instead. The reader's own messages are only read here, to tell its kinds of missing character
 * apart; none reaches a person.
 */

export interface YamlError {
  code: string;
  pos: [number, number];
  message: string;
}

interface Line {
  /** 1-based. */
  number: number;
  start: number;
  text: string;
  indent: number;
}

/** A line whose indentation is wrong, and the line it must align with. */
interface BadIndent {
  line: Line;
  expected: number;
  align: Line;
}

/** A key of the format: ASCII, as every key geq knows is written. */
const FORMAT_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `key: value` (the key possibly quoted), or `key:` alone; the value excludes the separating spaces. */
const KEY_LINE = /^((?:"[^"]*"|'[^']*'|[^\s"'#\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)):(?: +(.*))?$/;
/** Where a plain value's comment starts. */
const COMMENT = / +#/;
/** Characters that cannot open a plain value: each means something else to YAML. */
const INDICATORS = new Set(["[", "{", "*", "&", "!", "@", "`", "%", "|", ">"]);
/** What a block scalar's header looks like (`|`, `>-`, `|2`, with an optional comment). */
const BLOCK_HEADER = /^[|>][-+0-9]*(?: +#.*)?$/;

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, "");
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    out.push({ number: n, start, text: raw, indent });
    start = end + 1;
  }
  return out;
}

/** The parts of a content line: its dashes (`- `), its key when it has one, and its value. */
interface Parts {
  /** Characters from the indentation to the key or value (`- ` is 2). */
  dash: number;
  key?: string;
  /** The value as written, comment included; "" when there is none. */
  value: string;
  /** Column (0-based) where the value starts. */
  valueAt: number;
}

function partsOf(line: Line): Parts {
  let i = line.indent;
  const t = line.text;
  while (t[i] === "-" && (t[i + 1] === " " || i + 1 === t.length)) {
    i++;
    while (t[i] === " ") i++;
  }
  const dash = i - line.indent;
  const rest = t.slice(i);
  const m = KEY_LINE.exec(rest);
  if (!m) return { dash, value: rest, valueAt: i };
  const value = m[2] ?? "";
  return { dash, key: m[1]!, value, valueAt: t.length - value.length };
}

/** The value without its comment and trailing spaces. */
function withoutComment(value: string): string {
  const c = COMMENT.exec(value);
  return (c ? value.slice(0, c.index) : value).trimEnd();
}

/** A value in double quotes, as a person can paste it back into the file. */
export function doubleQuoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The line with its value in double quotes: the example a fix shows. */
function rewritten(line: Line, parts: Parts, value: string): string {
  const head = line.text.slice(line.indent, parts.valueAt).trimEnd();
  return `${head}${head ? " " : ""}${doubleQuoted(value)}`;
}

/** Where a quoted value closes, or -1 when it does not close on its line. */
function closingQuote(value: string): number {
  const q = value[0];
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === "\\") i++;
    else if (value[i] === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * The value as the example quotes it: without its comment, unless the ` #` falls inside brackets the
 * text opened (`(xem Kế hoạch số 09 # mục 3)`), where it is text, and an example that dropped it
 * would lose words.
 */
function quotable(value: string): string {
  const plain = withoutComment(value);
  const open = (plain.match(/\(/g) ?? []).length - (plain.match(/\)/g) ?? []).length;
  return open > 0 ? value.trimEnd() : plain;
}

/** A finding asking for double quotes around a value, with the line rewritten as the example. */
function needsQuotes(line: Line, parts: Parts, reason: string, extra: Record<string, unknown> = {}): Finding {
  const value = quotable(parts.value);
  return {
    rule: "text-needs-quotes",
    path: [],
    offset: line.start + parts.valueAt,
    params: { reason, example: rewritten(line, parts, value), ...extra },
  };
}

/** The pitfall a line of prose falls into on its own, if any. */
function proseOnLine(line: Line): Finding | undefined {
  const parts = partsOf(line);
  const value = parts.value;
  if (!value) return undefined;
  const first = value[0]!;
  if (first === '"' || first === "'") {
    const close = closingQuote(value);
    if (close < 0) return undefined;
    const after = withoutComment(value.slice(close + 1)).trim();
    if (!after) return undefined;
    return needsQuotes(line, parts, "quote", { after });
  }
  if (INDICATORS.has(first)) {
    if ((first === "|" || first === ">") && BLOCK_HEADER.test(value)) return undefined;
    // `[Dự thảo] Kế hoạch`: a closed bracket with text after it; one left open is a flow of its own.
    if ((first === "[" || first === "{") && !textAfterFlow(value)) return undefined;
    return needsQuotes(line, parts, "indicator", { char: first });
  }
  const plain = withoutComment(value);
  if (/: |:$/.test(plain)) return needsQuotes(line, parts, "colon");
  return undefined;
}

/**
 * Lines whose indentation does not fit the structure above them, read leniently line by line:
 * block scalars, quoted and flow values running over several lines, and plain text continued on
 * a deeper line are passed over. Also the continuation lines of prose holding ": ".
 */
function indentation(lines: Line[]): {
  bad: BadIndent[];
  colons: Map<number, Finding>;
  unclosed: { line: Line; at: number }[];
  openFlows: { line: Line; at: number }[];
} {
  const bad: BadIndent[] = [];
  const unclosed: { line: Line; at: number }[] = [];
  const openFlows: { line: Line; at: number }[] = [];
  const colons = new Map<number, Finding>();
  // Open levels: the indentation of their entries and the last line written at it.
  const levels: { indent: number; line: Line }[] = [];
  // The previous line opened a block (`key:` or `- ` with nothing after): its indentation.
  let opened: { indent: number; key: boolean } | undefined;
  // The previous line held plain text, which may continue on deeper lines.
  let text: { line: Line; parts: Parts } | undefined;
  let skipDeeperThan: number | undefined;
  let quote: string | undefined;
  for (const line of lines) {
    const trimmed = line.text.slice(line.indent);
    if (quote) {
      if (closesQuote(line.text, quote)) quote = undefined;
      continue;
    }
    if (trimmed === "" || trimmed[0] === "#") continue;
    if (skipDeeperThan !== undefined) {
      if (line.indent > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    if (/^(?:---|\.\.\.)(?: |$)/.test(trimmed) || trimmed[0] === "%") continue;
    const parts = partsOf(line);
    const top = levels[levels.length - 1];
    if (text && line.indent > text.line.indent && !parts.dash) {
      // A deeper line after plain text continues it; one that looks like `words: more` is prose
      // holding ": ", unless it names a key of the format (then it is a key indented too far).
      if (parts.key === undefined) continue;
      if (!FORMAT_KEY.test(parts.key)) {
        const joined = `${withoutComment(text.parts.value)} ${line.text.slice(line.indent).trim()}`;
        colons.set(line.number, {
          rule: "text-needs-quotes",
          path: [],
          offset: line.start + line.indent,
          params: { reason: "colon", example: rewritten(text.line, text.parts, withoutComment(joined)) },
        });
        continue;
      }
    }
    if (
      opened &&
      (line.indent > opened.indent || (line.indent === opened.indent && parts.dash && opened.key))
    ) {
      levels.push({ indent: line.indent, line });
    } else if (!top) {
      levels.push({ indent: line.indent, line });
    } else if (line.indent > top.indent) {
      bad.push({ line, expected: top.indent, align: top.line });
      top.line = line;
    } else {
      let popped: { indent: number; line: Line } | undefined;
      while (levels.length > 1 && levels[levels.length - 1]!.indent > line.indent) popped = levels.pop();
      const level = levels[levels.length - 1]!;
      if (level.indent === line.indent) level.line = line;
      else {
        // Between two levels: most often meant for the deeper one, the lines just above.
        const meant = popped ?? level;
        if (popped) levels.push(popped);
        bad.push({ line, expected: meant.indent, align: meant.line });
        meant.line = line;
      }
    }
    const here = levels[levels.length - 1]!;
    const value = parts.value;
    // `- key: value` opens a mapping at the key's column.
    if (parts.dash && parts.key !== undefined) levels.push({ indent: line.indent + parts.dash, line });
    opened =
      value === ""
        ? {
            indent: parts.key !== undefined ? line.indent + parts.dash : here.indent,
            key: parts.key !== undefined,
          }
        : undefined;
    text = undefined;
    if (value) {
      const first = value[0]!;
      if ((first === "|" || first === ">") && BLOCK_HEADER.test(value)) skipDeeperThan = line.indent;
      else if (first === '"' || first === "'") {
        if (closingQuote(value) < 0) {
          quote = first;
          unclosed.push({ line, at: parts.valueAt });
        }
      } else if (first === "[" || first === "{") {
        if (!balanced(value)) {
          skipDeeperThan = line.indent;
          openFlows.push({ line, at: parts.valueAt });
        }
      } else text = { line, parts };
    }
  }
  return { bad, colons, unclosed, openFlows };
}

function closesQuote(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) return true;
  }
  return false;
}

/** True when a `[…]` or `{…}` closes on its line and text other than a comment follows it. */
function textAfterFlow(value: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && --depth === 0)
      return withoutComment(value.slice(i + 1)).trim() !== "";
  }
  return false;
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const c of withoutComment(value)) {
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
  }
  return depth <= 0;
}

/** The kind of a missing character the reader reports, for our sentence about it. */
function missingKind(message: string): string {
  if (/closing ["']?quote/i.test(message)) return "quote";
  if (/followed by map values/.test(message)) return "colon";
  if (/without - indicator/.test(message)) return "dash";
  if (/Comments must be separated/.test(message)) return "comment";
  if (/Tags and anchors/.test(message)) return "anchor";
  if (/flow|, or|between/.test(message)) return "flow";
  return "other";
}

/** A syntax error of a kind our sentences name (`YAML_VI` in messages.ts). */
const syntax = (offset: number, code: string): Finding => ({
  rule: "yaml-syntax",
  path: [],
  offset,
  params: { code },
});

/**
 * Our findings for the reader's errors, in the order of the text: each error becomes the pitfall it
 * comes from when one is recognised (one finding for all the errors one mistake causes), else our
 * sentence for its kind.
 */
export function explainYamlErrors(text: string, errors: readonly YamlError[]): Finding[] {
  const lines = splitLines(text);
  const lineAt = (offset: number): Line => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!;
  };
  let analysed: ReturnType<typeof indentation> | undefined;
  const out = new Map<string, Finding>();
  const add = (f: Finding) => {
    const key = `${f.rule}\u0000${f.offset}`;
    if (!out.has(key)) out.set(key, f);
  };
  // A tab in a line's indentation says it all about that line.
  const tabbed = new Set(
    errors.filter((e) => e.code === "TAB_AS_INDENT").map((e) => lineAt(e.pos[0]).number),
  );
  for (const error of errors) {
    const line = lineAt(error.pos[0]);
    if (tabbed.has(line.number) && error.code !== "TAB_AS_INDENT") continue;
    if (
      error.code === "TAB_AS_INDENT" ||
      error.code === "BAD_DQ_ESCAPE" ||
      error.code === "TAG_RESOLVE_FAILED"
    ) {
      add(syntax(error.pos[0], error.code));
      continue;
    }
    const prose = proseOnLine(line);
    if (prose) {
      add(prose);
      continue;
    }
    analysed ??= indentation(lines);
    const colon = [line.number, line.number + 1].map((n) => analysed!.colons.get(n)).find((f) => f);
    if (colon) {
      add(colon);
      continue;
    }
    // A `[` or `{` left open: the reader stumbles on the lines after it.
    const flow = analysed.openFlows
      .filter((f) => f.line.number <= line.number && line.number - f.line.number <= 2)
      .pop();
    if (flow) {
      add(syntax(flow.line.start + flow.at, "MISSING_CHAR:flow"));
      continue;
    }
    // The reader notices a wrong indentation on the line itself, the line before it (a value the
    // deeper line seemed to continue) or up to two lines after (where the structure breaks).
    const indent = [0, 1, -1, -2]
      .map((d) => analysed!.bad.find((b) => b.line.number === line.number + d))
      .find((b) => b);
    if (indent) {
      const align = partsOf(indent.align);
      add({
        rule: "bad-indent",
        path: [],
        offset: indent.line.start + indent.line.indent,
        params: {
          indent: indent.line.indent,
          expected: indent.expected,
          line: indent.align.number,
          start: (align.key !== undefined
            ? indent.align.text.slice(indent.align.indent, indent.align.indent + align.dash) + align.key + ":"
            : indent.align.text.slice(indent.align.indent, indent.align.indent + 30)
          ).trim(),
        },
      });
      continue;
    }
    const kind = error.code === "MISSING_CHAR" ? missingKind(error.message) : undefined;
    // A quote left open is reported where the text ends: point at where it opens.
    const open =
      kind === "quote" ? analysed.unclosed.filter((u) => u.line.number <= line.number).pop() : undefined;
    if (open) {
      add(syntax(open.line.start + open.at, "MISSING_CHAR:quote"));
      continue;
    }
    const noColon = error.code === "MULTILINE_IMPLICIT_KEY" && !partsOf(line).key;
    add(syntax(error.pos[0], noColon ? "NO_COLON" : kind ? `MISSING_CHAR:${kind}` : error.code));
  }
  return [...out.values()];
}
