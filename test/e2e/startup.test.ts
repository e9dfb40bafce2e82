import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** The modules a command resolves, as URLs. */
function modulesOf(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), "geq-modules-")), "modules.log");
  const r = spawnSync(
    "node",
    ["--import", join(root, "test/e2e/module-log.mjs"), join(root, "bin/geq.js"), ...args],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GEQ_MODULE_LOG: log, NO_COLOR: "1" },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

describe("start-up loads only what the command needs", () => {
  it("validate on a clean file, with or without a configuration, loads neither docx, Handlebars, Ajv's compiler nor the positions reader", () => {
    const modules = [
      ...modulesOf(["validate", "examples/2022/annual/vkt.yaml", "--no-config"]),
      ...modulesOf(["validate", "examples/2022/annual/vkt.yaml", "--config", "examples/geq.yaml"]),
    ];
    expect(modules.some((m) => m.includes("/dist/validate/validate.js"))).toBe(true);
    for (const heavy of [
      "/node_modules/docx/",
      "/node_modules/handlebars/",
      "/node_modules/ajv/dist/ajv",
      "/dist/catalog/compile.js",
      "/node_modules/yaml/",
      "/dist/form/",
    ]) {
      expect(modules.filter((m) => m.includes(heavy))).toEqual([]);
    }
  });

  it("form loads the form's module and the precompiled validators, neither Ajv's compiler nor docx", () => {
    const out = join(mkdtempSync(join(tmpdir(), "geq-modules-")), "bieu-mau.html");
    const modules = modulesOf(["form", "--config", "examples/geq.yaml", "-o", out]);
    expect(modules.some((m) => m.includes("/dist/form/form.js"))).toBe(true);
    for (const heavy of ["/node_modules/docx/", "/node_modules/handlebars/", "/dist/catalog/compile.js"])
      expect(modules.filter((m) => m.includes(heavy))).toEqual([]);
  });

  it("build-report loads docx and Handlebars", () => {
    const out = join(mkdtempSync(join(tmpdir(), "geq-modules-")), "r.docx");
    const modules = modulesOf(["build-report", "examples/2022/annual/vkt.yaml", "--no-config", "-o", out]);
    expect(modules.some((m) => m.includes("/node_modules/docx/"))).toBe(true);
    expect(modules.some((m) => m.includes("/node_modules/handlebars/"))).toBe(true);
    expect(modules.filter((m) => m.includes("/dist/catalog/compile.js"))).toEqual([]);
  });
});
