/**
 * The reading with positions refuses what cannot be read safely, each time with one finding that
 * points at the place (the offset of the mark named in each case), and reads the rest as written.
 */
import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_NODES } from "../../src/source/decode.js";
import { parse, readSource } from "../../src/source/read.js";
import { atScale } from "../helpers/at-scale.js";

/** The findings' rules, offsets (where `mark` first appears, after `from`) and parameters. */
const at = (text: string, mark: string, from = 0) => text.indexOf(mark, from);

describe("parse", () => {
  it.each<[string, string, string, string, number, Record<string, unknown>]>([
    ["a repeated key", "a: 1\na: 2\n", "duplicate-key", "a: 2", 0, {}],
    ["a repeated key, once quoted", 'a: 1\n"a": 2\n', "duplicate-key", '"a"', 0, {}],
    ["a repeated number key, once quoted", "1: x\n'1': y\n", "duplicate-key", "'1'", 0, {}],
    ["a list as a key", "? [a]\n: 1\n", "yaml-syntax", "[a]", 0, { code: "NON_STRING_KEY" }],
    ["a mapping as a key", "? {a: 1}\n: 2\n", "yaml-syntax", "{a", 0, { code: "NON_STRING_KEY" }],
    ["three documents", "a: 1\n---\nb: 2\n---\nc: 3\n", "multiple-documents", "---", 0, { count: 3 }],
    ["an anchor on a value", "a: &x 1\n", "yaml-alias", "&x", 0, { kind: "anchor" }],
    ["an anchor on a mapping", "a: &m\n  b: 1\n", "yaml-alias", "&m", 0, { kind: "anchor" }],
    ["an anchor on a list", "a: &l\n  - 1\n", "yaml-alias", "&l", 0, { kind: "anchor" }],
    ["a list", "- 1\n", "not-a-mapping", "-", 0, { kind: "list" }],
    ["a flow list", "# c\n[a, b]\n", "not-a-mapping", "[", 0, { kind: "list" }],
    ["a text", "\nhello\n", "not-a-mapping", "hello", 0, { kind: "scalar" }],
    ["nothing", "", "empty-file", "", 0, {}],
    ["only comments", "# c\n# d\n", "empty-file", "#", 0, {}],
  ])("refuses %s, pointing at it", (_, text, rule, mark, from, params) => {
    expect(parse(text)).toEqual({
      lines: expect.anything(),
      findings: [{ rule, path: [], offset: at(text, mark, from), params }],
    });
  });

  it("names an anchor and the alias to it, each where it is", () => {
    const text = "a: &x 1\nb: *x\n";
    expect(parse(text).findings).toEqual([
      { rule: "yaml-alias", path: [], offset: at(text, "&x"), params: { kind: "anchor" } },
      { rule: "yaml-alias", path: [], offset: at(text, "*x"), params: { kind: "alias" } },
    ]);
  });

  it("names every repeated key, in nested mappings and list items, in the text's order", () => {
    const text = "a:\n  b: 1\n  b: 2\nc:\n  - d: 1\n    d: 2\nc: 3\n";
    expect(parse(text).findings.map((f) => [f.rule, f.offset])).toEqual([
      ["duplicate-key", at(text, "b: 2")],
      ["duplicate-key", at(text, "d: 2")],
      ["duplicate-key", at(text, "c: 3")],
    ]);
  });

  it("stops at twenty syntax findings, the first ones", () => {
    const text = Array.from({ length: 30 }, () => "a: 1\n").join("");
    const findings = parse(text).findings;
    expect(findings).toHaveLength(20);
    expect(findings[0]!.offset).toBe(5);
    expect(findings[19]!.offset).toBe(100);
  });

  it("refuses nesting deeper than the limit at the bracket past it, and reads it at the limit", () => {
    // The document and its mapping are two levels; each bracket opens one more.
    const nested = (brackets: number) => `a: ${"[".repeat(brackets)}${"]".repeat(brackets)}\n`;
    const deepest = parse(nested(MAX_NESTING - 2));
    expect(deepest.findings).toEqual([]);
    let lists: unknown = [];
    for (let i = 1; i < MAX_NESTING - 2; i++) lists = [lists];
    expect(deepest.source!.value).toEqual({ a: lists });
    expect(parse(nested(MAX_NESTING - 1)).findings).toEqual([
      { rule: "too-deep", path: [], offset: "a: ".length + MAX_NESTING - 1, params: {} },
    ]);
  });

  atScale("refuses more marks of keys, values and items than the limit, at the first one over", () => {
    // `a`, `:`, `[`, then each item and each comma: 2n + 2 marks for n items.
    const items = (n: number) => `a: [${Array.from({ length: n }, () => "1").join(",")}]\n`;
    const most = (MAX_NODES - 2) / 2;
    expect((parse(items(most)).source!.value.a as unknown[]).length).toBe(most);
    expect(parse(items(most + 1)).findings).toEqual([
      { rule: "too-many-nodes", path: [], offset: "a: [".length + 2 * most - 1, params: { max: MAX_NODES } },
    ]);
  });

  it("reads Vietnamese thousands as text, and the rest as the core schema does", () => {
    expect(
      parse("n: 1.000\nm: 21.500.000\nf: 1.5\ni: 12\nt: true\nz: ~\nd: 2022-06-30\n").source!.value,
    ).toEqual({
      n: "1.000",
      m: "21.500.000",
      f: 1.5,
      i: 12,
      t: true,
      z: null,
      d: "2022-06-30",
    });
  });
});

describe("readSource", () => {
  it("refuses a file above the size limit before reading it, and reads one at the limit", () => {
    const max = 1024 * 1024;
    expect(readSource(new Uint8Array(max + 1)).findings).toEqual([
      { rule: "file-too-large", path: [], params: { size: max + 1, max } },
    ]);
    const atLimit = new TextEncoder().encode(`a: ${"x".repeat(max - 4)}\n`);
    expect(readSource(atLimit).source!.value).toEqual({ a: "x".repeat(max - 4) });
  });

  it("refuses bytes that are not UTF-8 with the encoding finding alone", () => {
    expect(readSource(new Uint8Array([0x61, 0x3a, 0x20, 0xff])).findings).toMatchObject([
      { rule: "encoding", params: { kind: "legacy" } },
    ]);
  });
});

describe("locate", () => {
  const text = "a:\n  b: 1\n  c:\nl:\n  - x\n  - k: v\n";
  const source = parse(text).source!;
  const offset = (path: (string | number)[], key = false) => source.locate(path, key)?.range?.[0];

  it.each<[string, (string | number)[], boolean, string, number]>([
    ["the whole document", [], false, "a:", 0],
    ["a value", ["a", "b"], false, "1", 0],
    ["a key", ["a", "b"], true, "b:", 0],
    ["an empty value: the end of its line", ["a", "c"], false, "\nl:", 0],
    ["a list item", ["l", 1], false, "k: v", 0],
    ["a key in a list item", ["l", 1, "k"], true, "k: v", 0],
    ["a missing key: its mapping", ["a", "missing"], false, "b: 1", 0],
    ["a missing item: its list", ["l", 5], false, "- x", 0],
    ["a name on a list: the list", ["l", "x"], false, "- x", 0],
    ["past a value: the value", ["a", "b", "deeper"], false, "1", 0],
  ])("%s", (_, path, key, mark, from) => {
    expect(offset(path, key)).toBe(at(text, mark, from));
  });
});
