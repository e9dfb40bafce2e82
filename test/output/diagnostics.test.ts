import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model.js";
import { capRepeats } from "../../src/validate/diagnostics.js";
import { countBySeverity, formatGithub, formatText } from "../../src/output/diagnostics.js";

function d(file: string, line: number, rule: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const severity = rule.startsWith("w-") ? "warning" : "error";
  return { file, line, column: 1, severity, path: "", rule, message: `${rule} ${line}`, ...extra };
}
const many = (file: string, rule: string, n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => d(file, from + i, rule));
const shown = (ds: Diagnostic[]) =>
  ds.map((x) => `${x.file}:${x.line}:${x.rule}${x.similar ? `+${x.similar}` : ""}`);

describe("capRepeats", () => {
  it.each([
    { name: "ten of a rule: all listed", input: () => many("a", "r", 10), out: 10, last: "a:10:r" },
    { name: "eleven: ten listed, one counted", input: () => many("a", "r", 11), out: 10, last: "a:10:r+1" },
    {
      name: "50,000: ten listed, the rest counted",
      input: () => many("a", "r", 50_000),
      out: 10,
      last: "a:10:r+49990",
    },
    {
      name: "per file: two files of eleven each",
      input: () => [...many("a", "r", 11), ...many("b", "r", 11)],
      out: 20,
      last: "b:10:r+1",
    },
    {
      name: "per rule: two rules of eleven each in one file",
      input: () => [...many("a", "r", 11), ...many("a", "s", 11, 100)],
      out: 20,
      last: "a:109:s+1",
    },
  ])("$name", ({ input, out, last }) => {
    const capped = capRepeats(input());
    expect(capped).toHaveLength(out);
    expect(shown(capped).at(-1)).toBe(last);
    expect(countBySeverity(capped).errors).toBe(input().length);
  });

  it("keeps the order, and changes nothing when applied again", () => {
    const input = [d("a", 1, "r"), d("a", 2, "s"), ...many("a", "r", 12, 3), d("a", 20, "s")];
    const once = capRepeats(input);
    expect(shown(once)).toEqual([
      "a:1:r",
      "a:2:s",
      ...Array.from({ length: 9 }, (_, i) => `a:${3 + i}:r`).map((x, i) => (i === 8 ? `${x}+3` : x)),
      "a:20:s",
    ]);
    expect(shown(capRepeats([...once]))).toEqual(shown(once));
  });

  it("carries the count of left-out ones that had their own", () => {
    const first = capRepeats(many("a", "r", 15));
    // A finding placed among them later (a rule across files) pushes the last one out: its count moves on.
    const again = capRepeats([d("a", 0, "r"), ...first]);
    expect(shown(again).at(-1)).toBe("a:9:r+6");
    expect(countBySeverity(again).errors).toBe(16);
  });
});

describe("countBySeverity", () => {
  it("counts errors, warnings and waived warnings with the similar ones", () => {
    const ds = [
      d("a", 1, "e", { similar: 4 }),
      d("a", 2, "w-x", { similar: 2 }),
      d("a", 3, "w-y", { waived: { reason: "r" }, similar: 1 }),
      d("a", 4, "w-y", { waived: { reason: "r" } }),
    ];
    expect(countBySeverity(ds)).toEqual({ errors: 5, warnings: 3, waived: 3 });
  });
});

describe("the similar line", () => {
  const report = (ds: Diagnostic[]) => ({ files: 1, ...countBySeverity(ds), diagnostics: ds, missing: [] });
  it.each([
    ["vi", "a:10:1 lỗi  … và 12.345 lỗi tương tự  [r]", "1 tệp, 12355 lỗi, 0 cảnh báo"],
    ["en", "a:10:1 error  … and 12,345 similar errors  [r]", "1 file(s), 12355 error(s), 0 warning(s)"],
  ] as const)("%s", (lang, line, summary) => {
    const ds = capRepeats(many("a", "r", 12_355));
    const lines = formatText(report(ds), lang).trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe(line);
    expect(lines[11]).toBe(summary);
  });

  it("says one similar warning in the singular, and joins the GitHub annotation", () => {
    const ds = capRepeats(many("a", "w-r", 11));
    expect(formatText(report(ds), "en")).toContain("a:10:1 warning  … and 1 similar warning  [w-r]");
    expect(formatGithub(report(ds), "vi").split("\n")[9]).toBe(
      "::warning file=a,line=10,col=1,title=w-r::w-r 10 … và 1 cảnh báo tương tự",
    );
  });
});
