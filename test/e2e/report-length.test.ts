/**
 * The consolidated report a leader reads: its body (up to the page of `Nơi nhận`) stays within 15 A4 pages
 * whatever the number of units, as LibreOffice lays it out, and every unit's own text is in Phụ lục IV.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { documentText } from "../document/docx-xml.js";
import { docxToPdfText } from "../helpers/office.js";
import { generateUnits } from "../bench/report-bench.js";
import { BIN, ROOT, cleanEnv } from "./cli.js";

const MAX_BODY_PAGES = 15;

function build(args: string[], out: string): Uint8Array {
  const r = spawnSync(process.execPath, [BIN, "build-report", ...args, "-o", out], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out);
}

/** The page (1-based) that holds `Nơi nhận`: where the body ends. */
function bodyPages(pdfText: string): number {
  const pages = pdfText.split("\f");
  return pages.findIndex((p) => p.includes("Nơi nhận")) + 1;
}

interface UnitFile {
  unit: { name: string };
  tasks: Record<string, Record<string, { summary?: string }>>;
}

function summariesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((f) => {
      const u = load(readFileSync(join(dir, f), "utf8")) as UnitFile;
      return Object.values(u.tasks).flatMap((g) =>
        Object.values(g).flatMap((t) => (t.summary ? [t.summary] : [])),
      );
    });
}

describe("the body of a consolidated report synthesises", () => {
  const dir = mkdtempSync(join(tmpdir(), "geq-length-"));
  const config = join(ROOT, "examples", "geq.yaml");
  const cases = [
    {
      name: "semi-annual, examples",
      files: join(ROOT, "examples", "2022", "semi-annual"),
      args: [join(ROOT, "examples", "2022", "semi-annual"), "--config", config, "--date", "2022-06-20"],
    },
    {
      name: "annual with --compare, examples",
      files: join(ROOT, "examples", "2022", "annual"),
      args: [
        join(ROOT, "examples", "2022", "annual"),
        "--config",
        config,
        "--compare",
        join(ROOT, "examples", "2022", "semi-annual"),
        "--date",
        "2022-12-20",
      ],
    },
    {
      name: "annual for internal use, with --compare, examples",
      files: join(ROOT, "examples", "2022", "annual"),
      args: [
        join(ROOT, "examples", "2022", "annual"),
        "--config",
        config,
        "--audience",
        "internal",
        "--compare",
        join(ROOT, "examples", "2022", "semi-annual"),
        "--date",
        "2022-12-20",
      ],
    },
  ];

  it.each(cases)(
    "$name: body within 15 pages, every summary in Phụ lục IV, the issuer never asks itself",
    async ({ args, files }) => {
      const docx = build(args, join(dir, "report.docx"));
      const pdf = await docxToPdfText(docx);
      const pages = bodyPages(pdf);
      expect(pages).toBeGreaterThan(3);
      expect(pages).toBeLessThanOrEqual(MAX_BODY_PAGES);

      const text = documentText(docx);
      const appendixIV = text.slice(text.indexOf("KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ"));
      expect(appendixIV.length).toBeGreaterThan(1000);
      for (const summary of summariesOf(files)) expect(appendixIV).toContain(summary.normalize("NFC"));

      const body = text.slice(0, text.indexOf("Nơi nhận"));
      // The units' requests to the ministry are for its own leaders only.
      if (!args.includes("internal")) expect(body).not.toMatch(/Đề nghị Bộ/);
      expect(body).not.toMatch(/\b00 /);
    },
    240_000,
  );

  it("300 generated units: the body still ends by page 15", async () => {
    const cfg = generateUnits(ROOT, join(dir, "u300", "files"), 300);
    const docx = build(
      [join(dir, "u300", "files"), "--config", cfg, "--date", "2022-12-20"],
      join(dir, "u300.docx"),
    );
    const pdf = await docxToPdfText(docx);
    const pages = bodyPages(pdf);
    expect(pages).toBeGreaterThan(3);
    expect(pages).toBeLessThanOrEqual(MAX_BODY_PAGES);
    // Phụ lục IV grows with the units: every one of them is there.
    expect(documentText(docx).match(/^\d+\. Đơn vị thử nghiệm số \d+$/gm)?.length).toBe(300);
  }, 300_000);
});
