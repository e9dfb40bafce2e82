import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { UnitReport } from "../../src/model.js";
import { validate, type ValidateResult } from "../../src/validate/validate.js";

/**
 * A consolidated build holds each report without its sub-tasks' summaries and reads them again where
 * the report shows them: what it holds and what it reads again must be the report validation accepted.
 */

const ROOT = new URL("../../", import.meta.url).pathname;
const CONFIG = join(ROOT, "examples", "geq.yaml");

async function run(dir: string, lean: boolean): Promise<ValidateResult> {
  const r = await validate([dir], { config: CONFIG, select: true, lean });
  if (!r.ok) throw new Error(r.problem);
  return r;
}

function withoutSummaries(report: UnitReport): UnitReport {
  const copy = structuredClone(report);
  for (const byTask of Object.values(copy.tasks)) for (const t of Object.values(byTask)) delete t.summary;
  return copy;
}

function summariesOf(report: UnitReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const [g, byTask] of Object.entries(report.tasks))
    for (const [k, t] of Object.entries(byTask)) if (t.summary) out.set(`${g}.${k}`, t.summary);
  return out;
}

describe("a lean report", () => {
  test.each(["semi-annual", "annual"])(
    "of every %s example: the report without its summaries, their openings and length, and the whole read again",
    async (period) => {
      const dir = join(ROOT, "examples", "2022", period);
      const [whole, lean] = await Promise.all([run(dir, false), run(dir, true)]);
      expect(lean.files.map((f) => f.file)).toEqual(whole.files.map((f) => f.file));
      let checked = 0;
      whole.files.forEach((w, i) => {
        const l = lean.files[i]!;
        expect(l.diagnostics).toEqual(w.diagnostics);
        if (!w.report) return expect(l.report).toBeUndefined();
        const summaries = summariesOf(w.report);
        expect(summaries.size, w.file).toBeGreaterThan(0);
        expect(l.report).toEqual(withoutSummaries(w.report));
        expect(Object.keys(l.leftOut!.openings).sort()).toEqual([...summaries.keys()].sort());
        for (const [key, summary] of summaries) {
          const words = summary.split(/\s+/u).slice(0, 8).join(" ");
          expect(l.leftOut!.openings[key]).toBe(words.toLocaleLowerCase("vi"));
        }
        expect(l.leftOut!.chars).toBe([...summaries.values()].reduce((n, s) => n + s.length, 0));
        expect(lean.whole!(l)).toEqual(w.report);
        checked++;
      });
      expect(checked).toBeGreaterThan(10);
    },
  );

  test("a file changed or removed after validation is never read as the one validated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "geq-lean-"));
    try {
      cpSync(join(ROOT, "examples", "2022", "annual"), dir, { recursive: true });
      const r = await run(dir, true);
      const [a, b] = r.files.filter((f) => f.report);
      const text = readFileSync(join(dir, a!.file.replace(/^.*\//, "")), "utf8");
      // One letter of one summary: the same size, still valid, but not the file validated.
      writeFileSync(join(dir, a!.file.replace(/^.*\//, "")), text.replace("Ban", "Bạn"));
      expect(r.whole!(a!)).toBeUndefined();
      rmSync(join(dir, b!.file.replace(/^.*\//, "")));
      expect(r.whole!(b!)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a file outside the plain subset (read with positions) reads again the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "geq-lean-"));
    try {
      const source = readFileSync(join(ROOT, "examples", "2022", "annual", "vkt.yaml"), "utf8");
      // A folded block scalar: the fast reading leaves it to the reading with positions.
      const folded = source.replace(
        /^( +)summary: (.*)$/m,
        (_m, indent: string, text: string) => `${indent}summary: >-\n${indent}  ${text}`,
      );
      expect(folded).toContain("summary: >-");
      writeFileSync(join(dir, "vkt.yaml"), folded);
      const [whole, lean] = await Promise.all([run(dir, false), run(dir, true)]);
      const w = whole.files[0]!;
      expect(w.report, JSON.stringify(w.diagnostics)).toBeDefined();
      expect(lean.whole!(lean.files[0]!)).toEqual(w.report);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
