import { lstatSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { kindOf, wasRead, type NotAFile } from "./read-input.js";

/**
 * Where a command may write (`build-report`, `init`, `schema`), decided before anything is
 * written: the file the name leads to after links, never one the run read, never anything but a
 * regular file or nothing. A name ending in `/`, or naming a folder, means the default file name
 * in that folder.
 */

export type OutputProblem = "output-failed" | "output-not-file" | "output-is-input" | "output-exists";

export type OutputPlan =
  | {
      ok: true;
      /** The real path to write: links followed, so that a link to a file keeps pointing at it. */
      path: string;
      /** The name to show the user: as given, with the default name added for a folder. */
      shown: string;
    }
  | {
      ok: false;
      problem: OutputProblem;
      params: { path: string; code?: string; kind?: NotAFile | "pipe" | "link" };
    };

// Stryker disable next-line StringLiteral: unreachable, every error of the file system carries a code
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? "EIO";

/** The real path of a path that may not exist yet: the real path of its deepest existing folder, plus the rest. */
function realPathOf(abs: string): string {
  try {
    return realpathSync(abs);
  } catch (e) {
    if (code(e) !== "ENOENT") throw e;
  }
  // A link whose target is missing is something, not nothing: neither replaced nor written through.
  // (Any other reason lstat could fail, realpath has already thrown.)
  if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink())
    // Stryker disable next-line StringLiteral: a trace's wording; the caller words the problem from `code`
    throw Object.assign(new Error("dangling link"), { code: "DANGLING" });
  // The root always exists, so the walk up ends at an existing folder before reaching it.
  return join(realPathOf(dirname(abs)), basename(abs));
}

export function planOutput(
  target: string,
  { cwd, defaultName, exclusive = false }: { cwd: string; defaultName: string; exclusive?: boolean },
): OutputPlan {
  const named = resolve(cwd, target);
  // Stryker disable next-line LogicalOperator: on POSIX `sep` is "/"; the second test is for Windows
  const intoFolder = target.endsWith("/") || target.endsWith(sep);
  let shown = target;
  try {
    let abs = named;
    const there = statSync(named, { throwIfNoEntry: false });
    if (intoFolder && there && !there.isDirectory())
      return { ok: false, problem: "output-failed", params: { path: target, code: "ENOTDIR" } };
    if (intoFolder || there?.isDirectory()) {
      abs = join(named, defaultName);
      shown = intoFolder ? `${target}${defaultName}` : join(target, defaultName);
    }
    const path = realPathOf(abs);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats) {
      const kind = kindOf(stats);
      if (kind !== "file") return { ok: false, problem: "output-not-file", params: { path: shown, kind } };
      if (wasRead(stats)) return { ok: false, problem: "output-is-input", params: { path: shown } };
      if (exclusive) return { ok: false, problem: "output-exists", params: { path: shown } };
    }
    return { ok: true, path, shown };
  } catch (e) {
    if (code(e) === "DANGLING")
      return { ok: false, problem: "output-not-file", params: { path: shown, kind: "link" } };
    return { ok: false, problem: "output-failed", params: { path: shown, code: code(e) } };
  }
}

/** Creates the folder the output goes into, when it does not exist yet. */
export function makeOutputFolder(path: string): { ok: true } | { ok: false; code: string } {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return { ok: true };
  } catch (e) {
    return { ok: false, code: code(e) };
  }
}
