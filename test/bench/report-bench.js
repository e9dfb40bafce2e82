// The build-report half of `npm run bench`: consolidated reports of 100 and 1,000 generated units.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Unit files for `n` units, cycling through the examples with fresh codes and names. */
export function generateUnits(root, dir, n) {
  const src = join(root, "examples", "2022", "annual");
  const samples = readdirSync(src)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readFileSync(join(src, f), "utf8"));
  mkdirSync(dir, { recursive: true });
  const units = [];
  for (let i = 1; i <= n; i++) {
    const code = `DV${String(i).padStart(4, "0")}`;
    const name = `Đơn vị thử nghiệm số ${i}`;
    const text = samples[(i - 1) % samples.length]
      .replace(/^(\s+code: ).*$/m, `$1${code}`)
      .replace(/^(unit:\n\s+code: .*\n\s+name: ).*$/m, `$1${name}`);
    writeFileSync(join(dir, `${code.toLowerCase()}.yaml`), text);
    units.push({ code, name });
  }
  const config = [
    "format: geq/config/v1",
    'catalog: "2022"',
    "issuer: { name: Bộ Xây dựng, abbreviation: BXD, place: Hà Nội }",
    "signer: { authority: KT. BỘ TRƯỞNG, position: THỨ TRƯỞNG, name: Nguyễn Văn Sinh }",
    "recipients: [Bộ trưởng (để b/c), 'Lưu: VT, TCCB']",
    "units:",
    ...units.map((u) => `  - { code: ${u.code}, name: ${u.name} }`),
    "",
  ].join("\n");
  writeFileSync(join(dir, "..", `geq-${n}.yaml`), config);
  return join(dir, "..", `geq-${n}.yaml`);
}

/** Wall time and peak resident memory of one geq run, measured inside the child process. */
function run(geq, args, out, expectOk = true) {
  const rssFile = `${out}.rss`;
  const script = [
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
    `process.argv = [process.argv[0], ${JSON.stringify(geq)}, ...${JSON.stringify(args)}];`,
    `import(${JSON.stringify(geq)});`,
  ].join("\n");
  const t = process.hrtime.bigint();
  const r = spawnSync("node", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (expectOk && r.status !== 0) throw new Error(`geq ${args[0]} exited ${r.status}\n${r.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

function build(geq, dir, config, out) {
  return run(geq, ["build-report", dir, "--config", config, "--date", "2022-12-20", "-o", out], out);
}

/**
 * validate, status and build-report on 1,000 and 10,000 generated units (the examples' files, about
 * 12 KB each): peak memory of each at 10,000, and how time grows from 1,000 to 10,000.
 */
export async function scaleBench({ root, geq, work }) {
  const commands = {
    validate: (dir, config) => ["validate", dir, "--config", config],
    status: (dir, config) => ["status", dir, "--config", config, "--as-of", "2022-12-20"],
    "build-report": (dir, config, out) => [
      "build-report",
      dir,
      "--config",
      config,
      "--date",
      "2022-12-20",
      "-o",
      out,
    ],
  };
  const results = {};
  for (const n of [1000, 10000]) {
    const dir = join(work, `scale-${n}`, "files");
    const config = generateUnits(root, dir, n);
    for (const [name, args] of Object.entries(commands)) {
      const out = join(work, `scale-${n}-${name}.docx`);
      (results[name] ??= {})[n] = run(geq, args(dir, config, out), out);
    }
  }
  console.log(
    "10,000 units (files of about 12 KB, 124 MB in all): peak memory, and time against 1,000 units:",
  );
  let failed = false;
  for (const [name, r] of Object.entries(results)) {
    const growth = r[10000].ms / r[1000].ms;
    console.log(
      `  ${name.padEnd(13)} ${r[10000].rssMb.toFixed(0).padStart(5)} MB, ${(r[10000].ms / 1000).toFixed(1)} s` +
        ` (1,000 units: ${(r[1000].ms / 1000).toFixed(1)} s, ×${growth.toFixed(1)})`,
    );
    failed ||= r[10000].rssMb >= 500 || growth > 12;
  }
  console.log("  targets: under 500 MB each, time at most 12 times that of 1,000 units");
  return failed;
}

export async function reportBench({ root, geq, work, median }) {
  const runs = Number(process.env.BENCH_REPORT_RUNS ?? 3);
  const results = {};
  for (const n of [100, 1000]) {
    const dir = join(work, `units-${n}`, "files");
    const config = generateUnits(root, dir, n);
    const out = join(work, `report-${n}.docx`);
    const samples = Array.from({ length: runs }, () => build(geq, dir, config, out));
    results[n] = { ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
  }
  const ratio = results[1000].ms / results[100].ms;
  console.log(`build-report, consolidated annual report (${runs} runs each, medians):`);
  console.log(
    `  100 units    ${results[100].ms.toFixed(0)} ms, peak memory ${results[100].rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  1,000 units  ${results[1000].ms.toFixed(0)} ms, peak memory ${results[1000].rssMb.toFixed(0)} MB`,
  );
  console.log(`  ratio 1,000/100 ${ratio.toFixed(2)} (target at most 6), peak memory target under 400 MB`);
  return ratio > 6 || results[1000].rssMb >= 400;
}
