import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** A TypeScript project in a temporary folder with geq (this checkout) installed; its code goes in main.ts. */
function consumer(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
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
  return dir;
}

/** Compiles the consumer's main.ts and runs it in its folder. */
function compileAndRun(dir: string) {
  const tsc = spawnSync("node", [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], {
    encoding: "utf8",
  });
  expect(tsc.stdout + tsc.stderr).toBe("");
  return spawnSync("node", [join(dir, "out", "main.js")], { cwd: dir, encoding: "utf8" });
}

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
    const dir = consumer("geq-consumer-");
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
    const run = compileAndRun(dir);
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

  it("has a README library example for every exported function, and the example compiles and runs", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Thư viện"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const exported = Object.keys((await import(join(root, "dist", "index.js"))) as object);
    const imported = /import \{([^}]*)\} from "geq"/
      .exec(code)![1]!
      .split(",")
      .map((n) => n.trim());
    expect(exported.filter((name) => !imported.includes(name))).toEqual([]);
    // Each is used, not only imported.
    for (const name of imported) expect(code.split(name).length - 1, name).toBeGreaterThan(1);

    const dir = consumer("geq-readme-");
    writeFileSync(join(dir, "main.ts"), code);
    cpSync(join(root, "examples", "geq.yaml"), join(dir, "geq.yaml"));
    cpSync(join(root, "examples", "2022"), join(dir, "nop-bao-cao", "2022"), { recursive: true });
    mkdirSync(join(dir, "thu-den"));
    cpSync(join(root, "examples", "2022", "semi-annual", "vkt.yaml"), join(dir, "thu-den", "vkt.yaml"));
    const run = compileAndRun(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Tình hình gửi báo cáo sơ kết 6 tháng đầu năm 2022");
    expect(run.stdout).toMatch(/^filed$/m);
    expect(run.stdout).toMatch(/^2$/m);
    expect(run.stdout).toMatch(/^warning true 3$/m);
    expect(existsSync(join(dir, "bao-cao-so-ket-6-thang-2022.docx"))).toBe(true);
    expect(existsSync(join(dir, "2022", "semi-annual", "receipts.yaml"))).toBe(true);
  }, 60_000);
});
