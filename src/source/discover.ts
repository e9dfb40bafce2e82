import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

/** From command-line paths (files, folders, globs) to the YAML files to read, in a stable order. */

export type DiscoverProblem =
  | { problem: "path-not-found"; params: { path: string } }
  | { problem: "no-yaml-files"; params: { path: string } }
  | { problem: "no-paths"; params: Record<string, never> };

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
/** Configuration files live beside submissions; they are not unit files. */
const NOT_UNIT_FILES = new Set(["geq.yaml", "geq.yml"]);

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile() && YAML_FILE.test(e.name) && !NOT_UNIT_FILES.has(e.name)) out.push(full);
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
  return new RegExp(`^${re}$`);
}

function expandGlob(pattern: string, cwd: string): string[] {
  const posix = pattern.split(sep).join("/");
  const parts = posix.split("/");
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join("/") || (posix.startsWith("/") ? "/" : ".");
  const regex = globToRegExp(posix.replace(/^\.\//, ""));
  const found: string[] = [];
  walk(resolve(cwd, base), found);
  return found
    .map((abs) => {
      const rel = base === "." ? relative(cwd, abs) : join(base, relative(resolve(cwd, base), abs));
      return rel.split(sep).join("/");
    })
    .filter((p) => regex.test(p));
}

export function discover(paths: readonly string[], cwd: string): { files: string[] } | DiscoverProblem {
  if (paths.length === 0) return { problem: "no-paths", params: {} };
  // By resolved path, so that `a.yaml ./a.yaml` or a folder and a file inside it name one file once.
  const files = new Map<string, string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!files.has(key)) files.set(key, file);
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(resolve(cwd, p));
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(p);
    } else if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(resolve(cwd, p), found);
      if (found.length === 0) return { problem: "no-yaml-files", params: { path: p } };
      for (const f of found) add(join(p, relative(resolve(cwd, p), f)));
    } else if (GLOB_CHARS.test(p)) {
      const found = expandGlob(p, cwd);
      if (found.length === 0) return { problem: "no-yaml-files", params: { path: p } };
      for (const f of found) add(f);
    } else {
      return { problem: "path-not-found", params: { path: p } };
    }
  }
  return { files: [...files.values()].sort() };
}
