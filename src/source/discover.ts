import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";
import { fsPath, nameFromBytes } from "../io/names.js";

/**
 * From command-line paths (files, folders, globs) to the YAML files to read, in a stable order.
 * Links are followed; a file reached twice (a folder named twice, a link to a file also found
 * directly) is read once. A folder that cannot be listed stops the run: its units are not "missing".
 */

export type DiscoverProblem =
  | { problem: "path-not-found"; params: { path: string } }
  | { problem: "no-yaml-files"; params: { path: string } }
  | { problem: "no-paths"; params: Record<string, never> }
  | { problem: "folder-unreadable"; params: { path: string; code: string } };

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
/** Configuration and receipts files live beside submissions; they are not unit files. */
const NOT_UNIT_FILES = new Set(["geq.yaml", "geq.yml", "receipts.yaml"]);

class Unreadable extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(code);
  }
}

// Stryker disable next-line StringLiteral: unreachable, every error of the file system carries a code
const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? "EIO";

/**
 * The real path, or the path itself when it cannot be resolved (a dangling link: its reading will say
 * so). As bytes, so that names that are not UTF-8 stay apart; by the system's realpath, as Node's own
 * resolves a path of bytes as UTF-8 text, and so fails on such a name.
 */
function realOf(path: string): string {
  try {
    return realpathSync.native(fsPath(path), { encoding: "buffer" }).toString("latin1");
  } catch {
    return path;
  }
}

/** Whether an entry is a folder to walk into: a folder, or a link to one. */
function isFolder(entry: Dirent<Buffer>, full: string): boolean {
  if (entry.isDirectory()) return true;
  // Stryker disable next-line ConditionalExpression: a shortcut; of anything but a link, the stat below says the same
  if (!entry.isSymbolicLink()) return false;
  let target: Stats;
  try {
    target = statSync(fsPath(full));
  } catch {
    // A link to nothing or in a loop: listed as a file, whose reading says what it is.
    return false;
  }
  return target.isDirectory();
}

/**
 * The YAML files under a folder. Names are read as bytes, so that a name that is not UTF-8 is
 * still found and opened (see names.ts); `seen` holds the real paths of the folders walked, so
 * that a link back up the tree is not followed forever.
 */
function walk(dir: string, out: string[], seen = new Set<string>()): void {
  const real = realOf(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(fsPath(dir), { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    throw new Unreadable(dir, errorCode(e));
  }
  for (const e of entries) {
    const name = nameFromBytes(e.name);
    if (name.startsWith(".") || name === "node_modules") continue;
    const full = join(dir, name);
    if (isFolder(e, full)) walk(full, out, seen);
    // Anything else with a YAML name is read, and the reading says if it is not a file.
    else if (YAML_FILE.test(name) && !NOT_UNIT_FILES.has(name)) out.push(full);
  }
}

/** A glob as a regular expression over `/`-separated paths: `*`, `?`, `**`, `[...]`, `{a,b}`. */
function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      // Stryker disable next-line EqualityOperator: the closing mark is found after the opening one, never at 0
      if (end < 0) re += "\\{";
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(",")
          .map((alt) => alt.replace(/[.+^$()|\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
          .join("|")})`;
        i = end;
      }
    } else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      // Stryker disable next-line EqualityOperator: the closing mark is found after the opening one, never at 0
      if (end < 0) re += "\\[";
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    // A range out of order (`[z-a]`), a brace that is no pattern (`{?}`): as in a shell, nothing matches.
    return /(?!)/;
  }
}

function expandGlob(pattern: string, cwd: string): string[] {
  const glob = pattern.split(sep).join("/");
  // The folder to walk: up to the last `/` before the first glob mark ("" is the current folder).
  const base = glob.slice(0, glob.lastIndexOf("/", glob.search(GLOB_CHARS)) + 1);
  // The paths found are joined, so in normal form; the glob too, for `./a`, `a/./b`, `a/../a` or `a//b`.
  const regex = globToRegExp(posix.normalize(glob));
  const found: string[] = [];
  let baseIsFolder: boolean | undefined;
  try {
    baseIsFolder = statSync(resolve(cwd, base)).isDirectory();
  } catch {
    // Nothing there, or nothing this process may read: no folder to walk.
  }
  if (baseIsFolder) walk(resolve(cwd, base), found);
  return found
    .map((abs) =>
      join(base, relative(resolve(cwd, base), abs))
        .split(sep)
        .join("/"),
    )
    .filter((p) => regex.test(p));
}

export function discover(paths: readonly string[], cwd: string): { files: string[] } | DiscoverProblem {
  if (paths.length === 0) return { problem: "no-paths", params: {} };
  // By real path, so that `a.yaml ./a.yaml`, a folder and a file inside it, or a folder and a link
  // to it name one file once.
  const files = new Map<string, string>();
  const add = (file: string) => {
    const key = realOf(resolve(cwd, file));
    if (!files.has(key)) files.set(key, file);
  };
  try {
    for (const p of paths) {
      let stat: Stats | undefined;
      try {
        stat = statSync(resolve(cwd, p));
      } catch {
        // Nothing there (a glob, perhaps), or nothing this process may reach: no file or folder to read.
      }
      if (stat?.isDirectory()) {
        const found: string[] = [];
        walk(resolve(cwd, p), found);
        if (found.length === 0) return { problem: "no-yaml-files", params: { path: p } };
        for (const f of found) add(join(p, relative(resolve(cwd, p), f)));
      } else if (stat) {
        // A file, or a pipe or anything else named on purpose: the reading decides.
        add(p);
      } else if (GLOB_CHARS.test(p)) {
        const found = expandGlob(p, cwd);
        if (found.length === 0) return { problem: "no-yaml-files", params: { path: p } };
        for (const f of found) add(f);
      } else {
        return { problem: "path-not-found", params: { path: p } };
      }
    }
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: nothing else is thrown here but the engine's own errors, and on those relative() throws too
    if (e instanceof Unreadable)
      return { problem: "folder-unreadable", params: { path: relative(cwd, e.path) || ".", code: e.code } };
    throw e;
  }
  return { files: [...files.values()].sort() };
}
