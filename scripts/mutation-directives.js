// Checks the `// Stryker disable` directives: a directive names a kind of change (a mutator), which may
// cover a change that is not equivalent. In a copy of the project with the directives made inert (line
// numbers kept), Stryker tests every mutant on the lines they cover; the survivors are printed beside
// the directive's reason, for a reader to confirm each one is what the reason says. Mutants killed
// there were covered by a directive without need, but hide no gap. Run by `npm run mutation:directives`.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const config = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8"));
/** The globs of stryker.config.json's `mutate` (`**` and `*` only) as regular expressions. */
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split("**/")
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
      .join("(?:.*/)?")}$`,
  );
const globs = config.mutate.map(globToRegExp);
const mutated = (file) => globs.some((re) => re.test(file));

const DIRECTIVE = /\/\/\s*Stryker (disable|restore)( next-line)?\s*([^:]*)(?::\s*(.*))?$/;
const copy = mkdtempSync(join(tmpdir(), "geq-directives-"));
const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
/** Per file: [first line, last line, reason] of each directive's reach, 1-based. */
const reaches = new Map();
for (const file of files) {
  mkdirSync(dirname(join(copy, file)), { recursive: true });
  cpSync(join(root, file), join(copy, file));
  if (!file.endsWith(".ts") || !mutated(file)) continue;
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const spans = [];
  let open;
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    // Kept as a comment, so that every other line keeps its number.
    lines[i] = line.replace("Stryker", "Directive");
    if (m[1] === "disable" && m[2]) spans.push([i + 2, i + 2, m[4] ?? ""]);
    else if (m[1] === "disable") open = [i + 2, m[4] ?? ""];
    else if (open) {
      spans.push([open[0], i, open[1]]);
      open = undefined;
    }
  });
  if (open) spans.push([open[0], lines.length, open[1]]);
  if (spans.length === 0) continue;
  writeFileSync(join(copy, file), lines.join("\n"));
  reaches.set(file, spans);
}
symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));

const mutate = [...reaches].flatMap(([file, spans]) => spans.map(([from, to]) => `${file}:${from}-${to}`));
const run = spawnSync(
  "npx",
  [
    "stryker",
    "run",
    "--mutate",
    mutate.join(","),
    "--incrementalFile",
    "reports/directives-incremental.json",
    "--reporters",
    "json,progress-append-only",
  ],
  { cwd: copy, stdio: ["ignore", "inherit", "inherit"] },
);
if (run.status === null) throw new Error(`stryker did not run: ${run.error?.message ?? run.signal}`);

const report = JSON.parse(readFileSync(join(copy, "reports/mutation/mutation.json"), "utf8"));
let killed = 0;
let left = 0;
for (const [file, spans] of reaches) {
  const source = readFileSync(join(root, file), "utf8").split("\n");
  for (const m of report.files[file]?.mutants ?? []) {
    const line = m.location.start.line;
    const span = spans.find(([from, to]) => line >= from && line <= to);
    if (!span || m.status === "Ignored") continue;
    if (m.status === "Killed" || m.status === "Timeout") {
      killed++;
      continue;
    }
    left++;
    console.log(`${file}:${line}: ${m.mutatorName} → ${JSON.stringify(m.replacement)} (${m.status})`);
    console.log(`    ${source[line - 1]?.trim()}`);
    console.log(`    reason: ${span[2]}`);
  }
}
console.log(`\n${killed} mutants under a directive are killed once it is removed; ${left} survive (above).`);
rmSync(copy, { recursive: true, force: true });
