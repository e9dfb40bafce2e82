// Runs `geq` in this process, as bin/geq.js does, and on exit writes the process's peak resident
// memory (maxRSS, in KiB) to the file named by GEQ_RSS_FILE: a memory measurement that needs no
// /usr/bin/time and works wherever Node runs.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = process.env.GEQ_RSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
process.argv = [
  process.argv[0],
  fileURLToPath(new URL("../../bin/geq.js", import.meta.url)),
  ...process.argv.slice(2),
];
await import("../../dist/cli.js");
