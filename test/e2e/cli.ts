/** Running the built command line (`bin/geq.js`, which imports dist/) as a user would. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "geq.js");
/** Runs the CLI in-process and writes its peak resident memory (maxRSS, KiB) to GEQ_RSS_FILE. */
export const RSS_WRAPPER = fileURLToPath(new URL("./rss-wrapper.mjs", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory in MiB, when run through the wrapper. */
  rssMiB?: number;
  timedOut: boolean;
}

/** A stack frame line as Node prints them: `    at fn (file:line:col)`. */
export const STACK_TRACE = /\n\s+at /;

/** Vietnamese by default, no colour, whatever the machine running the tests has set. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "", LC_ALL: "", LC_MESSAGES: "" };
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}

export function geq(
  args: string[],
  {
    cwd,
    env,
    timeout = 20_000,
    measure = false,
  }: { cwd: string; env?: Record<string, string>; timeout?: number; measure?: boolean },
): CliResult {
  const rssFile = measure ? join(cwd, `.rss-${process.pid}-${Date.now()}`) : undefined;
  const started = Date.now();
  const r = spawnSync(process.execPath, measure ? [RSS_WRAPPER, ...args] : [BIN, ...args], {
    cwd,
    env: cleanEnv({ ...(env ?? {}), ...(rssFile ? { GEQ_RSS_FILE: rssFile } : {}) }),
    encoding: "utf8",
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  let rssMiB: number | undefined;
  if (rssFile) {
    try {
      rssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
      rmSync(rssFile);
    } catch {
      rssMiB = undefined;
    }
  }
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
    ms,
    ...(rssMiB !== undefined ? { rssMiB } : {}),
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT",
  };
}

/** A temporary folder holding the given files (paths may have folders); removed by `cleanup`. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "geq-e2e-"));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}
