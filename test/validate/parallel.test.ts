/**
 * A large batch checked on several threads gives exactly what one thread gives, in the same order:
 * clean files, files with warnings and errors, files only the reading with positions serves, files
 * refused before reading, and a run stopped by a file that cannot be read. Runs the built code
 * (`dist/`), since a helper thread loads the compiled module.
 */
import { tmpdir } from "node:os";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CATALOG_ID, loadCatalog } from "../../dist/catalog/catalog.js";
import { unitReportSchema } from "../../dist/catalog/schema.js";
import { checkFilesInParallel } from "../../dist/validate/check-files.js";
import { checkFilesInParallel as fromSources } from "../../src/validate/check-files.js";
import { checkFiles } from "../../dist/validate/validate.js";
import { validatorsFor } from "../../dist/validate/validators.js";
import { takeReadIdentities, wasRead } from "../../dist/io/read-input.js";
import { unitText, WARNINGS } from "../bench/units.js";
import { loadCatalogFile } from "../../dist/catalog/catalog-file.js";
import { catalogYaml } from "../helpers/unit-yaml.js";

const dir = mkdtempSync(join(tmpdir(), "geq-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** File `i` of the batch: mostly generated unit files, some broken in ways each reading handles. */
function content(i: number): string | Uint8Array {
  const text = unitText(i, i % 25 < 4 ? WARNINGS[i % 3] : undefined);
  if (i % 97 === 0) return text.replace(/female: \d+/, "female: 100000"); // an error
  if (i % 101 === 0) return text.replace("unit:", "unit: &u"); // an anchor: the reading with positions
  if (i % 103 === 0) return text.replace("\n  name: ", "\n\tname: "); // a tab: the reading with positions
  if (i === 500) return new Uint8Array([0xff, 0xfe, 0x41, 0x00]); // UTF-16
  if (i === 600) return "x".repeat(1024 * 1024 + 1); // too large
  return text;
}

const files = Array.from({ length: 1000 }, (_, k) => {
  const name = `dv${String(k + 1).padStart(4, "0")}.yaml`;
  writeFileSync(join(dir, name), content(k + 1));
  return name;
});

const catalog = loadCatalog(DEFAULT_CATALOG_ID)!;
const spec = {
  catalog,
  lang: "vi" as const,
  expected: { year: 2022 },
  config: { deadlines: { annual: "2022-12-05" }, deadline_day: "late" as const },
};
const ctx = {
  lang: spec.lang,
  catalog,
  validators: await validatorsFor(catalog),
  schema: unitReportSchema(catalog),
  expected: spec.expected,
  config: spec.config,
};

describe("checking on several threads", () => {
  it("gives one thread's outcomes in the files' order", async () => {
    const one = await checkFiles(files, dir, ctx);
    const several = await checkFilesInParallel(files, dir, ctx, spec, 1);
    expect(several.outcomes.map((o) => o.file)).toEqual(files);
    expect(several.outcomes).toEqual(one);
    // Not vacuous: helpers did check files, and the batch holds every kind of outcome.
    expect(several.byHelpers).toBeGreaterThan(0);
    const rules = new Set(one.flatMap((o) => ("diagnostics" in o ? o.diagnostics.map((d) => d.rule) : [])));
    for (const rule of [
      "late-submission",
      "people-female-le-total",
      "yaml-alias",
      "encoding",
      "file-too-large",
    ])
      expect(rules).toContain(rule);
    expect(one.filter((o) => "report" in o && o.report).length).toBeGreaterThan(900);
  });

  it("checks against a catalogue file on the helpers too, loading its cached validator", async () => {
    // The built-in catalogue written as a file: another id, its validator compiled and cached.
    const catalogFile = join(dir, "catalogue.yaml.txt");
    writeFileSync(catalogFile, catalogYaml({ "periods.annual.deadline": "2022-12-09" }));
    const loaded = await loadCatalogFile(catalogFile, "catalogue.yaml", {
      lang: "vi",
      cacheDirs: [join(dir, "cache")],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    expect(loaded.catalog.id).not.toBe(catalog.id);
    expect(loaded.module).toBeDefined();
    // No configuration's deadlines: the catalogue file's own apply.
    const noConfig = {
      lang: ctx.lang,
      catalog: loaded.catalog,
      validators: { unit: loaded.unit, config: ctx.validators.config },
      schema: ctx.schema,
      expected: ctx.expected,
      catalogModule: loaded.module!,
    };
    const fileSpec = {
      catalog: loaded.catalog,
      catalogModule: loaded.module!,
      lang: spec.lang,
      expected: spec.expected,
    };
    const one = await checkFiles(files, dir, noConfig);
    const several = await checkFilesInParallel(files, dir, noConfig, fileSpec, 1);
    expect(several.byHelpers).toBeGreaterThan(0);
    expect(several.outcomes).toEqual(one);
    // The file's own deadline, not the built-in one, judged lateness on both sides.
    const late = one
      .flatMap((o) => ("diagnostics" in o ? o.diagnostics : []))
      .find((d) => d.rule === "late-submission");
    expect(late?.message).toContain("trước ngày 09/12/2022");
  });

  it("notes here every file a helper read, so that no output of the run replaces it", async () => {
    takeReadIdentities();
    const several = await checkFilesInParallel(files, dir, ctx, spec, 1);
    expect(several.byHelpers).toBeGreaterThan(0);
    const unread = files.filter((f) => !wasRead(statSync(join(dir, f))));
    expect(unread).toEqual([]);
  });

  it("stops at the same file that cannot be read", async () => {
    const withMissing = [...files.slice(0, 430), "missing.yaml", ...files.slice(430)];
    const one = await checkFiles(withMissing, dir, ctx);
    const several = await checkFilesInParallel(withMissing, dir, ctx, spec, 1);
    expect(one).toHaveLength(431);
    expect(one.at(-1)).toEqual({
      file: "missing.yaml",
      failed: { problem: "file-unreadable", code: "ENOENT" },
    });
    expect(several.outcomes).toEqual(one);
  });

  it("checks here the chunks of a helper that fails", async () => {
    // From the TypeScript sources a helper thread cannot even load its module.
    const several = await fromSources(files.slice(0, 300), dir, ctx, spec, 1);
    expect(several.byHelpers).toBe(0);
    expect(several.outcomes).toEqual(await checkFiles(files.slice(0, 300), dir, ctx));
  });
});
