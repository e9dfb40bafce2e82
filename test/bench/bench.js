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

function time(cmd, args, expectOk = true, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
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
function alternate(first, second, n, env = {}) {
  time("node", first, true, env);
  time("node", second, true, env);
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    a.push(time("node", first, true, env));
    b.push(time("node", second, true, env));
  }
  return [median(a), median(b)];
}

/**
 * Cold start on a catalogue file against the built-in catalogue: the same guidance (a file written
 * by `geq catalog new` from the built-in one, for its own year), one unit file, its configuration
 * naming either. The file's validator is compiled by the first run and taken from the cache after.
 */
function catalogueBench() {
  const env = { XDG_CACHE_HOME: join(work, "cache") };
  const dir = join(root, "examples", "2022", "annual");
  const unit = join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort()[0],
  );
  const catalogue = join(work, "huong-dan-2022.yaml");
  time(
    "node",
    [geq, "catalog", "new", "--from", "2022", "--year", "2022", "-o", catalogue, "--force"],
    true,
    env,
  );
  const config = readFileSync(join(root, "examples", "geq.yaml"), "utf8");
  const builtIn = join(work, "geq-built-in.yaml");
  const fromFile = join(work, "geq-file.yaml");
  writeFileSync(builtIn, config);
  writeFileSync(fromFile, config.replace(/^catalog: .*$/m, "catalog: ./huong-dan-2022.yaml"));
  const compile = time("node", [geq, "validate", unit, "--config", fromFile], true, env);
  const [mb, mf] = alternate(
    [geq, "validate", unit, "--config", builtIn],
    [geq, "validate", unit, "--config", fromFile],
    runs,
    env,
  );
  console.log(
    `cold start, one unit file, built-in catalogue against a catalogue file (${runs} alternating runs, medians):`,
  );
  console.log(`  first run on the file (compiles, fills the cache)  ${compile.toFixed(0)} ms`);
  console.log(`  built-in catalogue                                 ${mb.toFixed(0)} ms`);
  console.log(`  catalogue file, cached                             ${mf.toFixed(0)} ms`);
  console.log(`  ratio file/built-in ${(mf / mb).toFixed(2)} (target at most 1.10)`);
  return mf / mb;
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
failed = catalogueBench() > 1.1 || failed;
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
