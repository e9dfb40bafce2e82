import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

describe("the npm package", () => {
  it("packs exactly what a user needs", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
    });
    const files: string[] = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const needed of [
      "bin/geq.js",
      "dist/cli.js",
      "dist/index.js",
      "dist/index.d.ts",
      "schemas/unit-report.schema.json",
      "schemas/config.schema.json",
      "schemas/catalog-2022.json",
      "schemas/validators.cjs",
      "templates/consolidated.hbs",
      "templates/unit.hbs",
      "README.md",
      "package.json",
    ]) {
      expect(files).toContain(needed);
    }
    const allowed =
      /^(bin\/geq\.js|dist\/.+\.(js|d\.ts)|schemas\/[^/]+\.(json|cjs)|templates\/.+\.hbs|README\.md|package\.json|LICENSE)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
  });

  it("works as a library from TypeScript: typed, returns values, prints nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "geq-consumer-"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "geq"), "dir");
    symlinkSync(join(root, "node_modules", "@types"), join(dir, "node_modules", "@types"), "dir");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          outDir: "out",
          types: ["node"],
          skipLibCheck: false,
        },
        include: ["main.ts"],
      }),
    );
    const examples = JSON.stringify(join(root, "examples"));
    writeFileSync(
      join(dir, "main.ts"),
      `import { validate, status, buildReport, type Diagnostic } from "geq";
const v = await validate([${examples} + "/2022/semi-annual"], { config: ${examples} + "/geq.yaml" });
if (!v.ok) throw new Error("validate failed");
const first: Diagnostic | undefined = v.diagnostics[0];
const s = await status([${examples} + "/2022/semi-annual"], { config: ${examples} + "/geq.yaml", asOf: "2022-06-20" });
if (!s.ok) throw new Error("status failed");
const b = await buildReport([${examples} + "/2022/annual/vkt.yaml"], { noConfig: true, today: "2022-12-20" });
if (!b.ok) throw new Error("build failed");
console.error(JSON.stringify({ files: v.files.length, rule: first?.rule, missing: s.totals.missing, bytes: b.bytes.length > 1000, name: b.fileName }));
`,
    );
    const tsc = spawnSync("node", [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], {
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    const run = spawnSync("node", [join(dir, "out", "main.js")], { cwd: dir, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(run.stderr)).toEqual({
      files: 17,
      rule: "late-submission",
      missing: 1,
      bytes: true,
      name: "vkt-bao-cao-tong-ket-nam-2022.docx",
    });
  });
});
