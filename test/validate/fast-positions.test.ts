/**
 * The fast reading positions what it finds itself, from the lines it read: for many generated files,
 * broken in the ways people break them, its diagnostics (file, line, column, rule, message, waiver)
 * and report are those of the full reading with positions, or it leaves the file to that reading.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG_ID, loadCatalog } from "../../src/catalog/catalog.js";
import { unitReportSchema } from "../../src/catalog/schema.js";
import type { Lang } from "../../src/model.js";
import { checkUnitFast } from "../../src/validate/check-fast.js";
import { checkWithPositions, type UnitCheckContext } from "../../src/validate/check-unit.js";
import { validatorsFor } from "../../src/validate/validators.js";
import { unitText, WARNINGS } from "../bench/units.js";
import { runs } from "../helpers/property.js";

const catalog = loadCatalog(DEFAULT_CATALOG_ID)!;
const validators = await validatorsFor(catalog);
const schema = unitReportSchema(catalog);
const context = (lang: Lang): UnitCheckContext => ({ lang, catalog, validators, schema, expected: {} });
const encoder = new TextEncoder();

/** Values a person may type, or leave, after a key or a dash. */
const VALUES = [
  "",
  "   ",
  "# left for later",
  "~",
  "null",
  "true",
  "-3",
  "0",
  "007",
  "999999",
  "12 # counted twice",
  "21.500.000",
  "2022-13-45",
  "2021-01-01",
  "2023-01-05",
  "abc",
  "Kế hoạch số 09 # mục 3) và Công đoàn",
  "done # xong",
  "done",
  "not_started",
  "15 đơn vị",
  "'Quyết định số 12/QĐ'",
  '"với dấu \\" ngoặc"',
  '"Tiếng Việt có dấu"',
  "{ total: 3, female: 5 }",
  "{ total: 0, female: 0 }",
  "{ total: 10 }",
  "{}",
  "[]",
  '[ "a", "b" ]',
  "[ x, y ]",
  "1.5",
  ".inf",
];
const KEYS = ["summary", "status", "total", "female", "title", "extra_key", "x-note", "waivers", "rule"];

type Edit =
  | { kind: "value"; line: number; value: string }
  | { kind: "key"; line: number; key: string }
  | { kind: "delete"; line: number }
  | { kind: "duplicate"; line: number }
  | { kind: "insert"; line: number; text: string }
  | { kind: "crlf" };

function edit(text: string, e: Edit): string {
  if (e.kind === "crlf") return text.replace(/\r?\n/g, "\r\n");
  const lines = text.split("\n");
  const at = e.line % lines.length;
  const line = lines[at]!;
  switch (e.kind) {
    case "value": {
      const m = /^( *(?:- +)?(?:[A-Za-z_][A-Za-z0-9_-]*:)?)/.exec(line)!;
      lines[at] = `${m[1]}${m[1]!.endsWith(":") ? " " : ""}${e.value}`;
      break;
    }
    case "key":
      lines[at] = line.replace(/^( *(?:- +)?)[A-Za-z_][A-Za-z0-9_-]*:/, `$1${e.key}:`);
      break;
    case "delete":
      lines.splice(at, 1);
      break;
    case "duplicate":
      lines.splice(at, 0, line);
      break;
    case "insert":
      lines.splice(at, 0, `${/^ */.exec(line)![0]}${e.text}`);
      break;
  }
  return lines.join("\n");
}

const line = fc.nat({ max: 200 });
const edits = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("value" as const), line, value: fc.constantFrom(...VALUES) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("key" as const), line, key: fc.constantFrom(...KEYS) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), line }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), line }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      line,
      text: fc.constantFrom(
        "",
        "# a note",
        "- ",
        "extra_key: 1",
        "waivers:",
        "- rule: late-submission",
        "  reason: Đi công tác.",
        "- rule: overspent",
        "- rule: no-such-rule",
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "crlf" as const }) },
);

/** Both readings of one text; the fast one may decline (undefined). */
function both(text: string, lang: Lang) {
  const bytes = encoder.encode(text);
  return {
    fast: checkUnitFast("u.yaml", bytes, context(lang)),
    full: checkWithPositions("u.yaml", bytes, context(lang)),
  };
}

describe("positions from the fast reading", () => {
  it("are those of the full reading on generated files with and without warnings", () => {
    let positioned = 0;
    for (let i = 1; i <= 120; i++) {
      const { fast, full } = both(unitText(i, WARNINGS[i % 4]), i % 2 ? "vi" : "en");
      expect(fast).toEqual(full);
      if (full.diagnostics.length) positioned++;
    }
    expect(positioned).toBe(90);
  });

  it("are those of the full reading on generated files after edits", () => {
    let compared = 0;
    let withFindings = 0;
    let cut = 0;
    const { numRuns } = runs(3000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(undefined, ...WARNINGS),
        fc.array(edits, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<Lang>("vi", "en"),
        (seed, warning, es, lang) => {
          const text = es.reduce(edit, unitText(seed, warning));
          const { fast, full } = both(text, lang);
          if (!fast) return;
          compared++;
          if (fast.diagnostics.length) withFindings++;
          if (fast.diagnostics.some((d) => d.rule === "text-cut-by-comment")) cut++;
          expect(fast.diagnostics).toEqual(full.diagnostics);
          expect(fast).toEqual(full);
        },
      ),
      { numRuns },
    );
    // Many edited files stay in the plain subset, and most of those have something to report.
    expect(compared).toBeGreaterThan(numRuns * 0.3);
    expect(withFindings).toBeGreaterThan(numRuns * 0.26);
    // Both readings note a text a comment cut short, at the same place.
    expect(cut).toBeGreaterThan(numRuns / 300);
  });
});
