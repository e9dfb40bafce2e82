// Measures what the README's performance section claims. Run with `npm run bench` (builds first).
//  1. `geq validate` on one unit file against ajv-cli 5 on the same file with an equivalent plain
//     schema: alternating runs, medians, and their ratio.
//  2. The same on 3,000 generated unit files (16% with a warning) in one folder.
//  3. Grouping 5,000 points (1,000 units) into themes.
//  4. `geq build-report` on 100 and 1,000 generated units: wall time, ratio, peak memory.
//  5. validate, status and build-report on 10,000 units: peak memory, growth of time from 1,000
//     (BENCH_SCALE=off leaves it out: it takes a few minutes).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generateUnitFiles } from "./units.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const geq = join(root, "bin", "geq.js");
const ajvCli = join(root, "node_modules", "ajv-cli", "dist", "index.js");
const work = mkdtempSync(join(tmpdir(), "geq-bench-"));
const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(cmd, args, expectOk = true) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (expectOk && r.status !== 0) {
    throw new Error(`${[cmd, ...args].join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return ms;
}

function stripVocabulary(node) {
  if (Array.isArray(node)) return node.map(stripVocabulary);
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => k !== "enumDescriptions")
        .map(([k, v]) => [k, stripVocabulary(v)]),
    );
  }
  return node;
}

/** The unit schema without geq's vocabulary (`enumDescriptions`), which ajv-cli would refuse. */
function plainSchema() {
  const schema = stripVocabulary(
    JSON.parse(readFileSync(join(root, "schemas", "unit-report.schema.json"), "utf8")),
  );
  const schemaFile = join(work, "unit-report.plain.schema.json");
  writeFileSync(schemaFile, JSON.stringify(schema));
  return schemaFile;
}

/** Alternating runs of two commands after one warm-up each: their medians. */
function alternate(first, second, n) {
  time("node", first);
  time("node", second);
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    a.push(time("node", first));
    b.push(time("node", second));
  }
  return [median(a), median(b)];
}

function validateBench() {
  const dir = join(root, "examples", "2022", "annual");
  const sample = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()[0];
  // js-yaml (ajv-cli) reads unquoted dates as Date objects; quoting them keeps both tools on the same data.
  const text = readFileSync(join(dir, sample), "utf8").replace(
    /^(\s*-?\s*(?:submitted|date): )(\d{4}-\d{2}-\d{2})/gm,
    '$1"$2"',
  );
  const file = join(work, sample);
  writeFileSync(file, text);
  const schemaFile = plainSchema();

  const geqArgs = [geq, "validate", file];
  const ajvArgs = [ajvCli, "validate", "-s", schemaFile, "-d", file];
  const [mg, ma] = alternate(geqArgs, ajvArgs, runs);
  console.log(`validate, one unit file (${sample}, ${runs} alternating runs, medians):`);
  console.log(`  geq validate      ${mg.toFixed(0)} ms`);
  console.log(`  ajv-cli validate  ${ma.toFixed(0)} ms`);
  console.log(`  ratio geq/ajv-cli ${(mg / ma).toFixed(2)} (target at most 0.60)`);
  return mg / ma;
}

/** Many files: geq validates a folder, ajv-cli the same files by a glob; dates are quoted for js-yaml. */
function validateManyBench() {
  const n = 3000;
  const manyRuns = Number(process.env.BENCH_MANY_RUNS ?? 5);
  const dir = join(work, "units-validate");
  generateUnitFiles(dir, n);
  const [mg, ma] = alternate(
    [geq, "validate", dir],
    [ajvCli, "validate", "-s", plainSchema(), "-d", join(dir, "*.yaml")],
    manyRuns,
  );
  console.log(
    `validate, ${n.toLocaleString("en")} unit files, 16% with a warning (${manyRuns} alternating runs, medians):`,
  );
  console.log(`  geq validate      ${mg.toFixed(0)} ms`);
  console.log(`  ajv-cli validate  ${ma.toFixed(0)} ms`);
  console.log(`  ratio geq/ajv-cli ${(mg / ma).toFixed(2)} (target at most 1.00)`);
  return mg / ma;
}

const ratio = validateBench();
let failed = ratio > 0.6;
failed = validateManyBench() > 1 || failed;

{
  const { themesBench } = await import("./themes-bench.js");
  failed = (await themesBench({ root, median })) || failed;
}

if (existsSync(join(root, "test", "bench", "report-bench.js"))) {
  const { reportBench } = await import("./report-bench.js");
  failed = (await reportBench({ root, geq, work, time, median })) || failed;
  if (process.env.BENCH_SCALE !== "off") {
    const { scaleBench } = await import("./report-bench.js");
    failed = (await scaleBench({ root, geq, work })) || failed;
  }
}
rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
