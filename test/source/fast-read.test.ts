/**
 * The fast reading against the reference, the reading with positions (`parse`, the YAML library):
 * a text it admits reads the same value for value, each node starts where the reference puts it,
 * and each plain text a comment cut is noted the same; any other text is left to the reference.
 */
import { describe, expect, it } from "vitest";
import type { JsonPath } from "../../src/validate/finding.js";
import { fastValue, plainPositions } from "../../src/source/fast-read.js";
import { readSource } from "../../src/source/read.js";
import { normalise } from "../../src/validate/normalise.js";

const encoder = new TextEncoder();
const fast = (text: string) => fastValue(encoder.encode(text));

/** The reference as geq runs it: from the file's bytes (a byte order mark dropped before parsing). */
function reference(text: string) {
  const { source } = readSource(encoder.encode(text));
  if (!source) throw new Error(`the reference does not read ${JSON.stringify(text)}`);
  return source;
}

/** Every path of a value, containers first, each with whether it names a key. */
function paths(value: unknown, at: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof value === "object" && value !== null)
    return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

/** Texts in the plain subset: read fast, as the reference reads them. */
const READ: [string, string][] = [
  ["a mapping of plain values", "a: text\nb: 12\nd: 2022-06-30\ne: 21.500\n"],
  [
    "null, true and false in their spellings",
    "a: ~\nb: null\nc: Null\nd: NULL\ne: true\nf: True\ng: FALSE\nh: false\ni: TRUE\nj: False\n",
  ],
  ["words that are not null or booleans", "a: nil\nb: yes\nc: no\nd: on\ne: truely\nf: Nulls\n"],
  ["empty values", "a:\nb: \nc:   \nd: # later\n"],
  [
    "text that starts like a number",
    "a: 125/BC-VKT\nb: 15 đơn vị\nc: 2022-13-45 giờ\nd: +84 912\ne: .5 ngày\n",
  ],
  ["an integer with leading zeros", "a: 007\n"],
  ["quoted text", "a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: \"back\\\\slash\"\nd: '12'\ne: \"true\"\nf: ''\n"],
  ["quoted text with a comment after", "a: 'x' # note\nb: \"y\"   # note\n"],
  ["plain text cut by a comment", "a: Kế hoạch số 09 # mục 3\nb: done # xong\nc: x#y\nd: a #b #c\n"],
  ["a comment alone and blank lines", "# head\n\na: 1\n   # indented comment\n\nb: 2\n"],
  ["nested mappings", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n"],
  ["lists of values", "a:\n  - 1\n  - two\n  - 'four'\n  - # later\n"],
  [
    "a list of mappings",
    "items:\n  - name: a\n    n: 1\n  - name: b\n    sub:\n      - 1\n  -   wide: 1\n      more: 2\n",
  ],
  [
    "flow mappings of integers",
    "a: { total: 142, female: 77 }\nb: {total: 1,female:  -2}\nc: {}\nd: { }\ne: { x: 1 } # c\n",
  ],
  ["flow lists of double-quoted text", 'a: [ "x", "y z" ]\nb: []\nc: [ ]\nd: ["a\\"b"]\n'],
  ["keys with digits, dashes and underscores", "_a: 1\nb-2: 2\nC_3-x: 3\n"],
  ["a key of 64 characters", `${"k".repeat(64)}: 1\n`],
  ["text with colons and hashes inside", "a: 10:30\nb: http://x.vn/a#b\nc: a:b\n"],
  ["Windows line ends", "a: 1\r\nb:\r\n  c: x\r\n"],
  ["no line end at the end", "a: 1\nb: two"],
  ["a byte order mark", "\uFEFFa: 1\n"],
  ["Vietnamese typed with combining marks", "a: Tie\u0302\u0301ng Vie\u0323\u0302t\n"],
  ["a long plain text", `a: ${"chữ ".repeat(40)}\n`],
  ["trailing spaces", "a: x   \nb:    \nc: 'y'   \n"],
];

/** Texts outside the subset, or that the core schema could read otherwise: left to the reference. */
const LEFT: [string, string][] = [
  ["a negative number", "a: -3\n"],
  ["an empty list item", "a:\n  -\n  - 1\n"],
  ["a list of lists", "a:\n  - - 1\n"],
  ["a list as deep as its key", "b:\n- x\n"],
  ["a flow mapping without a space after a colon", "a: {total:1,female:0}\n"],
  ["a flow mapping with a space before a colon only", "a: { total :1 }\n"],
  ["an anchor", "a: &x 1\n"],
  ["an alias", "a: 1\nb: *x\n"],
  ["a tag", "a: !!str 1\n"],
  ["a block scalar", "a: |\n  x\n"],
  ["a folded scalar", "a: >\n  x\n"],
  ["a plain text over two lines", "a: one\n  two\n"],
  ["a quoted text over two lines", "a: 'one\n  two'\n"],
  ["an escape other than quote and backslash", 'a: "x\\n"\n'],
  ["a tab", "a:\t1\n"],
  ["a tab in quoted text", "a: '\t'\n"],
  ["a control character", "a: x\u0007\n"],
  ["a carriage return inside a line", "a: x\ry\n"],
  ["a float", "a: 1.5\n"],
  ["an exponent", "a: 1e3\n"],
  ["a hexadecimal number", "a: 0x1F\n"],
  ["an octal number", "a: 0o17\n"],
  ["a positive sign", "a: +1\n"],
  ["infinity", "a: .inf\n"],
  ["not a number", "b: -.NaN\n"],
  ["a text ending with a colon", "a: x:\n"],
  ["a colon then a space in a value", "a: b: c\n"],
  ["brackets in a plain value", "a: x [1]\n"],
  ["a closing brace in a plain value", "a: x}\n"],
  ["an opening brace in a plain value", "a: x{\n"],
  ["a closing bracket in a plain value", "a: x]\n"],
  ["a flow mapping of text", "a: { b: x }\n"],
  ["a flow list of plain text", "a: [ x, y ]\n"],
  ["a flow list of single-quoted text", "a: [ 'x' ]\n"],
  ["a flow mapping over two lines", "a: { b: 1,\n  c: 2 }\n"],
  ["a repeated key", "a: 1\na: 2\n"],
  ["a repeated key in a flow mapping", "a: { b: 1, b: 2 }\n"],
  ["a key read as null", "null: 1\n"],
  ["a key read as a boolean", "true: 1\n"],
  ["a key read as a boolean, in a flow mapping", "a: { TRUE: 1 }\n"],
  ["the key __proto__", "__proto__: 1\n"],
  ["the key __proto__ in a flow mapping", "a: { __proto__: 1 }\n"],
  ["a key of 65 characters", `${"k".repeat(65)}: 1\n`],
  ["a quoted key", "'a': 1\n"],
  ["a key that is not ASCII", "khóa: 1\n"],
  ["a key starting with a digit", "1a: 1\n"],
  ["a complex key", "? a\n: 1\n"],
  ["a list at the top", "- 1\n- 2\n"],
  ["a text at the top", "hello\n"],
  ["nothing", ""],
  ["only a comment", "# nothing\n"],
  ["a second document", "a: 1\n---\nb: 2\n"],
  ["a directive", "%YAML 1.2\n---\na: 1\n"],
  ["an indented first line", "  a: 1\n"],
  ["a deeper line under a value", "a: 1\n  b: 2\n"],
  ["a line back at an indentation never opened", "a:\n    b: 1\n  c: 2\n"],
  ["a list item among keys", "a:\n  b: 1\n  - 2\n"],
  ["a key among list items", "a:\n  - 1\n  b: 2\n"],
  ["a dash without a space, at a key's place", "a:\n  b: 1\n  -1\n"],
  ["a value starting with an indicator", "a: @x\n"],
  ["a value starting with a percent sign", "a: %x\n"],
  ["a value starting with a backquote", "a: `x`\n"],
  ["a value starting with an exclamation mark", "a: !x\n"],
  ["a single quote not closed", "a: 'x\n"],
  ["text after a closing quote", "a: 'x' y\n"],
  ["a non-breaking space first", "a: \u00a0x\n"],
  ["bytes that are not UTF-8", "\u0000"],
];

describe("the fast reading", () => {
  it.each(READ)("reads %s as the reference does", (_, text) => {
    expect(fast(text)?.value, "left to the reference").toEqual(normalise(reference(text).value));
  });

  it.each(READ)("puts each node of %s where the reference does", (_, text) => {
    const source = reference(text);
    const place = plainPositions(fast(text)!.text);
    const where = (offset: number) => {
      const { line, col } = source.lines.linePos(offset);
      return { line, column: col };
    };
    for (const path of paths(source.value)) {
      for (const key of path.length && typeof path.at(-1) === "string" ? [false, true] : [false]) {
        const node = source.locate(path, key);
        expect(place(path, key), JSON.stringify({ path, key })).toEqual(where(node!.range![0]));
      }
    }
  });

  it.each(READ)("notes the comment cuts of %s as the reference does", (_, text) => {
    expect(fast(text)!.cuts).toEqual(reference(text).cuts);
  });

  it.each(LEFT)("leaves %s to the reference", (_, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it("leaves bytes that are not UTF-8, and a file above the size limit, to the reference", () => {
    expect(fastValue(new Uint8Array([0x61, 0x3a, 0x20, 0xff]))).toBeUndefined();
    expect(fastValue(encoder.encode(`a: ${"x".repeat(1024 * 1024)}\n`))).toBeUndefined();
  });

  it("reads values as their types, not as text", () => {
    expect(
      fast("a: 12\nc: 2022-06-30\nd: ~\ne: true\nf: 21.500\ng: '12'\nh: { x: 1 }\ni: [\"s\"]\n")!.value,
    ).toEqual({
      a: 12,
      c: "2022-06-30",
      d: null,
      e: true,
      f: "21.500",
      g: "12",
      h: { x: 1 },
      i: ["s"],
    });
  });

  it("a path further than the data points at the deepest node on the way", () => {
    const text = "a:\n  b: 1\nl:\n  - x\n";
    const place = plainPositions(text);
    expect(place(["a", "missing"], false)).toEqual({ line: 2, column: 3 });
    expect(place(["a", "b", "deeper"], false)).toEqual({ line: 2, column: 6 });
    expect(place(["l", 5], false)).toEqual({ line: 4, column: 3 });
    expect(place(["l", "x"], false)).toEqual({ line: 4, column: 3 });
    expect(place([], false)).toEqual({ line: 1, column: 1 });
  });
});
