/**
 * Whatever bytes arrive, checking them never throws and every diagnostic can be acted on: a known
 * rule with its severity, a message, a line and column inside the file. Arbitrary bytes and text,
 * and valid files broken the ways editors and people break them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG_ID, loadCatalog } from "../../src/catalog/catalog.js";
import { unitReportSchema } from "../../src/catalog/schema.js";
import { checkConfig } from "../../src/validate/check-config.js";
import { fastValue } from "../../src/source/fast-read.js";
import { readSource } from "../../src/source/read.js";
import type { Diagnostic, Lang } from "../../src/model.js";
import { checkUnit, checkWithPositions, type UnitCheckContext } from "../../src/validate/check-unit.js";
import { readFileSync } from "node:fs";
import { RULES } from "../../src/validate/messages.js";
import { normalise } from "../../src/validate/normalise.js";
import { validatorsFor } from "../../src/validate/validators.js";
import { runs } from "../helpers/property.js";
import { configYaml, unitYaml } from "../helpers/unit-yaml.js";

const catalog = loadCatalog(DEFAULT_CATALOG_ID)!;
const validators = await validatorsFor(catalog);
const schema = unitReportSchema(catalog);
const context = (lang: Lang): UnitCheckContext => ({ lang, catalog, validators, schema, expected: {} });

const encoder = new TextEncoder();
const VALID = unitYaml({
  submitted: "2022-06-13",
  waivers: [{ rule: "late-submission", reason: "Đi công tác." }],
});
const VALID_LINES = VALID.split("\n");
const CONFIG = configYaml();

/** Characters that mean something to YAML, to encodings or to XML, more likely than chance would pick. */
const NASTY = [
  ":",
  ": ",
  "-",
  "- ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "!",
  "!!str ",
  "#",
  "|",
  ">",
  "?",
  "%",
  "@",
  "`",
  '"',
  "'",
  "\\",
  "\t",
  "\r",
  "\r\n",
  "\n",
  " ",
  "\0",
  "\f",
  "\u0085",
  "\u2028",
  "\ufeff",
  "\ufffe",
  "\ud800",
  "\udc00",
  "---",
  "...",
  "<<",
  "~",
  "0x1F",
  "1e3",
  ".inf",
  "21.500.000",
  "__proto__",
  "x-",
  "ề",
  "e\u0302\u0300",
];
const char = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", minLength: 1, maxLength: 2 }));

function assertUsable<R extends { diagnostics: Diagnostic[] }>(
  bytes: Uint8Array,
  check: (b: Uint8Array) => R,
): R {
  let result: R;
  try {
    result = check(bytes);
  } catch (e) {
    throw new Error(
      `checking threw on ${JSON.stringify(Buffer.from(bytes).toString("latin1").slice(0, 300))}: ${String(e)}`,
    );
  }
  let newlines = 0;
  for (const b of bytes) if (b === 0x0a) newlines++;
  let previous: { line: number; column: number } | undefined;
  for (const d of result.diagnostics) {
    // An unknown rule has no severity to match.
    expect(d.severity, d.rule).toBe(RULES[d.rule]?.severity);
    expect(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`).toBe(true);
    expect(d.line).toBeLessThanOrEqual(newlines + 1);
    expect(typeof d.message === "string" && d.message.length > 0).toBe(true);
    expect(d.message).not.toMatch(/undefined|NaN|\[object Object\]/);
    if (previous) expect(d.line - previous.line || d.column - previous.column).toBeGreaterThanOrEqual(0);
    previous = d;
  }
  return result;
}

const unitCheck = (lang: Lang) => (bytes: Uint8Array) => checkUnit("u.yaml", bytes, context(lang));
const lang = fc.constantFrom<Lang>("vi", "en");

type Mutation =
  | { kind: "delete-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "change-char"; at: number; to: string }
  | { kind: "insert-char"; at: number; to: string }
  | { kind: "truncate-bytes"; at: number };

function mutate(text: string, m: Mutation): string | Uint8Array {
  const lines = text.split("\n");
  const line = m.at % lines.length;
  const pos = m.at % (text.length + 1);
  switch (m.kind) {
    case "delete-line":
      return lines.filter((_, i) => i !== line).join("\n");
    case "duplicate-line":
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join("\n");
    case "change-char":
      return text.slice(0, pos) + m.to + text.slice(pos + 1);
    case "insert-char":
      return text.slice(0, pos) + m.to + text.slice(pos);
    case "truncate-bytes": {
      const bytes = encoder.encode(text);
      return bytes.subarray(0, m.at % (bytes.length + 1));
    }
  }
}

const anywhere = fc.nat({ max: 1_000_000 });
const mutationsAt = (at: fc.Arbitrary<number>) => ({
  "delete-line": at.map((n): Mutation => ({ kind: "delete-line", at: n })),
  "duplicate-line": at.map((n): Mutation => ({ kind: "duplicate-line", at: n })),
  "change-char": fc.tuple(at, char).map(([n, to]): Mutation => ({ kind: "change-char", at: n, to })),
  "insert-char": fc.tuple(at, char).map(([n, to]): Mutation => ({ kind: "insert-char", at: n, to })),
  "truncate-bytes": at.map((n): Mutation => ({ kind: "truncate-bytes", at: n })),
});
const mutations = mutationsAt(anywhere);

function apply(text: string, ms: Mutation[]): Uint8Array {
  let current: string | Uint8Array = text;
  for (const m of ms) {
    current = mutate(typeof current === "string" ? current : Buffer.from(current).toString("utf8"), m);
  }
  return typeof current === "string" ? encoder.encode(current) : current;
}

describe("checkUnit never throws and positions every diagnostic", () => {
  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), lang, (bytes, l) => {
        assertUsable(bytes, unitCheck(l));
      }),
      runs(1000),
    );
  });

  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), lang, (text, l) => {
        assertUsable(encoder.encode(text), unitCheck(l));
      }),
      runs(1000),
    );
  });

  it("on text made of YAML's own punctuation", () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 200 }), lang, (parts, l) => {
        assertUsable(encoder.encode(parts.join("")), unitCheck(l));
      }),
      runs(1000),
    );
  });

  it("starts from a file with no errors", () => {
    const r = assertUsable(encoder.encode(VALID), unitCheck("vi"));
    expect(r.diagnostics.map((d) => [d.rule, d.waived !== undefined])).toEqual([["late-submission", true]]);
    expect(VALID_LINES.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(mutations))("on a valid file after %s", (_name, mutation) => {
    fc.assert(
      fc.property(mutation, lang, (m, l) => {
        const r = assertUsable(apply(VALID, [m]), unitCheck(l));
        // A report comes back exactly when there is no error.
        expect(r.report !== undefined).toBe(!r.diagnostics.some((d) => d.severity === "error"));
      }),
      runs(400),
    );
  });

  it("on a valid file after several mutations at once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(...Object.values(mutations)), { minLength: 2, maxLength: 6 }),
        lang,
        (ms, l) => {
          assertUsable(apply(VALID, ms), unitCheck(l));
        },
      ),
      runs(500),
    );
  });
});

/**
 * Where a piece of syntax changes what a line means: the start of a line, after its indentation,
 * where its value starts (after `key: ` or `- `), and its end. An offset anywhere else mostly lands
 * inside a long text value, where most pieces are plain text to both parsers.
 */
function structuralOffsets(text: string): number[] {
  const offsets: number[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    const value = /^ *(?:- +)?(?:[A-Za-z_][\w-]*: +)?/.exec(line)![0].length;
    offsets.push(lineStart, lineStart + indent, lineStart + value, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return [...new Set(offsets)];
}

/** Where a text value of several words starts and ends: a character put there mostly leaves a valid file. */
function textValueOffsets(text: string): number[] {
  const offsets: number[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const m = /^( *(?:- +)?[A-Za-z_][\w-]*: +)(\S+ \S.*)$/.exec(line);
    if (m) offsets.push(lineStart + m[1]!.length, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return offsets;
}

/** The data without `x-` keys, which are kept but never read: the parsers may differ there harmlessly. */
function withoutPrivate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrivate);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith("x-"))
      .map(([k, v]) => [k, withoutPrivate(v)]),
  );
}

describe("the fast reading", () => {
  it("accepts a file only when the full reading reads the same valid data", () => {
    // One edit or two, mostly where a line's meaning can change: more edits leave little that is valid.
    const at = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...textValueOffsets(VALID)) },
      { weight: 1, arbitrary: fc.constantFrom(...structuralOffsets(VALID)) },
      { weight: 1, arbitrary: anywhere },
    );
    const m = mutationsAt(at);
    // Mostly a character put into or over a value, which a file can take and stay valid.
    const edit = fc.oneof(
      { weight: 3, arbitrary: m["insert-char"] },
      { weight: 3, arbitrary: m["change-char"] },
      ...[m["delete-line"], m["duplicate-line"], m["truncate-bytes"]].map((arbitrary) => ({
        weight: 1,
        arbitrary,
      })),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 2 }), (ms) => {
        const bytes = apply(VALID, ms);
        const fast = fastValue(bytes);
        if (!fast || !validators.unit(normalise(fast.value))) return;
        accepted++;
        const full = readSource(bytes);
        expect(full.findings).toEqual([]);
        // Compared as JSON: `-0` reads as 0 in one parser and -0 in the other, which no report shows.
        const json = (v: unknown) => JSON.stringify(withoutPrivate(normalise(v)));
        expect(json(fast.value)).toBe(json(full.source?.value));
      }),
      runs(1000),
    );
    // The comparison ran on a good share of the files, not on a handful that got past the guard.
    expect(accepted).toBeGreaterThan(runs(1000).numRuns / 10);
  });
});

/** Pieces of YAML syntax that one parser may read differently from the other, or refuse. */
const TRICKY = [
  "{",
  "}",
  "[",
  "]",
  ",",
  "#",
  " #",
  '"',
  "'",
  "\t",
  "-.5",
  "+.5",
  ".5",
  ": ",
  ":",
  "&a ",
  "*a",
  "!t ",
  "|",
  ">",
  "\r",
  "\n",
  "\n  ",
  "\n    ",
  "\n- ",
  "- ",
  "? ",
  "---",
  "...",
  "%",
  "@",
  "`",
  "0x1",
  "0o7",
  "1e3",
  "1.500",
  "~",
  "null",
  "yes",
  "\\",
  "\\n",
  '"a"#b',
  "{ a: 1,\n",
  "'x\n'",
  "\u00a0",
  "x".repeat(1100),
];

describe("the fast reading on tricky syntax", () => {
  const example = readFileSync(new URL("../../examples/2022/semi-annual/vkt.yaml", import.meta.url), "utf8");
  // Four edits in five where a line's meaning can change; the fifth anywhere in the text.
  const offset = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...structuralOffsets(example)) },
    { weight: 1, arbitrary: fc.nat({ max: example.length }) },
  );
  // Half the pieces are indicators that give a node a meaning of its own where a value starts.
  const piece = fc.oneof(
    fc.constantFrom(...TRICKY),
    fc.constantFrom("&a ", "*a", "!t ", "!!str ", "|", ">", "? ", "- ", "{", "[", '"', "'", "#", "%", "@"),
  );
  /** The example with pieces inserted, the later offsets first so that each lands where it was drawn. */
  const edited = fc
    .array(fc.tuple(offset, piece), { minLength: 1, maxLength: 2 })
    .map((edits) =>
      [...edits]
        .sort(([a], [b]) => b - a)
        .reduce((text, [at, piece]) => text.slice(0, at) + piece + text.slice(at), example),
    );

  it("never accepts a text that the reading with positions reports on or reads differently", () => {
    let accepted = 0;
    fc.assert(
      fc.property(edited, (text) => {
        const bytes = encoder.encode(text);
        const fast = checkUnit("u.yaml", bytes, context("vi"));
        if (fast.diagnostics.length > 0) return;
        accepted++;
        const full = checkWithPositions("u.yaml", bytes, context("vi"));
        expect(full.diagnostics).toEqual([]);
        expect(JSON.stringify(fast.report)).toBe(JSON.stringify(full.report));
      }),
      runs(3000),
    );
    // The comparison ran on a good share of the texts, not on a handful that got past the guard.
    expect(accepted).toBeGreaterThan(runs(3000).numRuns / 10);
  });

  it.each([
    ["an anchor on a value", "  code: VKT\n", "  code: &c VKT\n"],
    ["an anchor on a mapping", "unit:\n", "unit: &u\n"],
    ["a tag on a value", "  code: VKT\n", "  code: !!str VKT\n"],
    ["a block scalar", "  code: VKT\n", "  code: |\n    VKT\n"],
  ])("leaves %s to the reading with positions", (_name, from, to) => {
    expect(fastValue(encoder.encode(example.replace(from, to)))).toBeUndefined();
  });
});

describe("checkConfig never throws and positions every diagnostic", () => {
  const check = (bytes: Uint8Array) => checkConfig("geq.yaml", bytes, { lang: "vi", validators });

  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        assertUsable(bytes, check);
      }),
      runs(300),
    );
  });

  it("on a valid configuration after mutations", () => {
    expect(check(encoder.encode(CONFIG)).diagnostics).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.oneof(...Object.values(mutations)), { minLength: 1, maxLength: 4 }), (ms) => {
        assertUsable(apply(CONFIG, ms), check);
      }),
      runs(300),
    );
  });
});
