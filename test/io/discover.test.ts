import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import type * as fs from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";

/** Folders whose listing fails as if permission were denied: root reads any folder, so it is simulated. */
const denied = vi.hoisted(() => new Set<string>());
/** Every folder listed, so that a walk in circles fails here rather than running until the system refuses it. */
const listed = vi.hoisted(() => [] as string[]);

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return {
    ...actual,
    readdirSync: ((path: fs.PathLike, options?: unknown) => {
      listed.push(String(path));
      if (listed.length > 1000) throw new Error("walked in circles");
      if (denied.has(String(path))) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
      return (actual.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(path, options);
    }) as typeof actual.readdirSync,
  };
});

// Test files may share their modules (mutation testing runs them so): load a copy that sees the mock.
vi.resetModules();
const { discover } = await import("../../src/source/discover.js");

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), "geq-discover-"));
  mkdirSync(join(dir, "units", "locked"), { recursive: true });
  writeFileSync(join(dir, "units", "a.yaml"), "");
  writeFileSync(join(dir, "units", "locked", "b.yaml"), "");
  return dir;
}

describe("discover", () => {
  it("stops at a folder it cannot list, naming it, by folder and by glob", () => {
    const dir = tree();
    denied.add(join(dir, "units", "locked"));
    const problem = {
      problem: "folder-unreadable",
      params: { path: join("units", "locked"), code: "EACCES" },
    };
    expect(discover(["units"], dir)).toEqual(problem);
    expect(discover(["units/**/*.yaml"], dir)).toEqual(problem);
    // The current folder itself is named as such, not by an empty name.
    denied.add(dir);
    expect(discover(["*.yaml"], dir)).toEqual({
      problem: "folder-unreadable",
      params: { path: ".", code: "EACCES" },
    });
    denied.clear();
    expect(discover(["units"], dir)).toEqual({
      files: [join("units", "a.yaml"), join("units", "locked", "b.yaml")],
    });
  });

  it("follows links to files and folders, and names each real file once", () => {
    const dir = tree();
    symlinkSync("units", join(dir, "link"));
    symlinkSync(join("..", "a.yaml"), join(dir, "units", "locked", "c.yaml"));
    // Links back up the tree are walked once, not forever: each folder of a walk is listed once.
    symlinkSync("..", join(dir, "units", "locked", "up"));
    symlinkSync("..", join(dir, "units", "locked", "up2"));
    listed.length = 0;
    expect(discover(["units"], dir)).toEqual({
      files: [join("units", "a.yaml"), join("units", "locked", "b.yaml")],
    });
    expect(listed).toHaveLength(2);
    expect(discover(["units", "link", "units/a.yaml", "./link/a.yaml"], dir)).toEqual({
      files: [join("units", "a.yaml"), join("units", "locked", "b.yaml")],
    });
    expect(discover(["link/**/*.yaml"], dir)).toEqual({
      files: ["link/a.yaml", "link/locked/b.yaml"],
    });
  });
});

describe("discover: which files a run reads", () => {
  /** A submissions folder as units send it: YAML files, their own folders, and what is not a unit file. */
  function submissions(): string {
    const dir = mkdtempSync(join(tmpdir(), "geq-discover-"));
    for (const file of [
      "units/bxd.yaml",
      "units/bct.YML",
      "units/notes.txt",
      "units/bxd.yaml.bak",
      "units/2022/a.yml.orig",
      "units/geq.yaml",
      "units/geq.yml",
      "units/receipts.yaml",
      "units/.hidden.yaml",
      "units/.git/x.yaml",
      "units/node_modules/y.yaml",
      "units/2022/a.yaml",
      "units/2022/b.yaml",
      "units/2022/c-d.yaml",
      "units/2022/sub/e.yaml",
      "units/[x].yaml",
      "units/a+b.yaml",
      "units/a.b.yaml",
      "units/axb.yaml",
      "marks/!.yaml",
      "marks/\\.yaml",
      "empty/readme.md",
    ]) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), "");
    }
    return dir;
  }
  const u = (...names: string[]) => names.map((n) => `units/${n}`);
  const ALL_UNITS = u(
    "2022/a.yaml",
    "2022/b.yaml",
    "2022/c-d.yaml",
    "2022/sub/e.yaml",
    "[x].yaml",
    "a+b.yaml",
    "a.b.yaml",
    "axb.yaml",
    "bct.YML",
    "bxd.yaml",
  );

  it.each<[string, string[], string[]]>([
    [
      "a folder: its YAML files at any depth, not configuration, receipts, copies (`.yaml.bak`), hidden or node_modules",
      ["units"],
      ALL_UNITS,
    ],
    ["`*` stays in its folder", ["units/2022/*.yaml"], u("2022/a.yaml", "2022/b.yaml", "2022/c-d.yaml")],
    ["`**/` crosses folders, none included", ["units/**/e.yaml"], u("2022/sub/e.yaml")],
    ["`**/` ends at a slash, never inside a name", ["units/**/b.yaml"], u("2022/b.yaml")],
    [
      "`**` alone crosses folders",
      ["units/2022/**"],
      u("2022/a.yaml", "2022/b.yaml", "2022/c-d.yaml", "2022/sub/e.yaml"),
    ],
    ["`?` is one character, never a slash", ["units/2022/?.yaml"], u("2022/a.yaml", "2022/b.yaml")],
    ["`[...]` is one of its characters", ["units/2022/[ac].yaml"], u("2022/a.yaml")],
    ["`[!...]` is none of them", ["units/2022/[!ac].yaml"], u("2022/b.yaml")],
    ["a `!` further in `[...]` is itself", ["marks/[a!].yaml"], ["marks/!.yaml"]],
    ["a `\\` in `[...]` is itself", ["marks/[\\].yaml"], ["marks/\\.yaml"]],
    ["a range out of order matches nothing, as in a shell", ["units/2022/[b-a].yaml"], []],
    ["a `{...}` that is no pattern matches nothing", ["units/{?}.yaml"], []],
    ["two `[...]` in a row, each one character", ["units/2022/[ab][.]yaml"], u("2022/a.yaml", "2022/b.yaml")],
    ["`[a-c]` is a range", ["units/2022/[a-b].yaml"], u("2022/a.yaml", "2022/b.yaml")],
    ["`{a,b}` is either", ["units/2022/{a,c-d}.yaml"], u("2022/a.yaml", "2022/c-d.yaml")],
    ["`{…*}` with a star inside", ["units/{a*,bxd}.yaml"], u("a+b.yaml", "a.b.yaml", "axb.yaml", "bxd.yaml")],
    ["`.` is a dot, not any character", ["units/a.b.*"], u("a.b.yaml")],
    ["`.` is a dot inside braces too", ["units/{a.b,none}.yaml"], u("a.b.yaml")],
    ["`+` is a plus", ["units/a+b.*"], u("a+b.yaml")],
    ["a `[` that closes nothing is itself", ["units/[x*"], u("[x].yaml")],
    ["a `{` that closes nothing is itself", ["units/{*"], []],
    ["`./` in front changes nothing", ["./units/2022/?.yaml"], u("2022/a.yaml", "2022/b.yaml")],
    [
      "`./`, `x/..` and `//` inside change nothing",
      ["units/./2022/../2022//?.yaml"],
      u("2022/a.yaml", "2022/b.yaml"),
    ],
    ["a glob from the current folder", ["*/2022/a.yaml"], u("2022/a.yaml")],
    [
      "`**` alone: every YAML file below the current folder",
      ["**"],
      ["marks/!.yaml", "marks/\\.yaml", ...ALL_UNITS],
    ],
    ["a file and a glob naming it: once", ["units/bxd.yaml", "units/b*.yaml"], u("bxd.yaml")],
    [
      "a folder and a file in it: once",
      ["units/2022", "units/2022/a.yaml"],
      u("2022/a.yaml", "2022/b.yaml", "2022/c-d.yaml", "2022/sub/e.yaml"),
    ],
  ])("%s", (_, paths, files) => {
    const dir = submissions();
    if (files.length === 0)
      expect(discover(paths, dir)).toEqual({ problem: "no-yaml-files", params: { path: paths[0] } });
    else expect(discover(paths, dir)).toEqual({ files });
  });

  it("an absolute glob keeps its absolute paths", () => {
    const dir = submissions();
    expect(discover([`${dir}/units/2022/?.yaml`], "/")).toEqual({
      files: [`${dir}/units/2022/a.yaml`, `${dir}/units/2022/b.yaml`],
    });
  });

  it.each<[string, string[], unknown]>([
    ["no path at all", [], { problem: "no-paths", params: {} }],
    [
      "a path that does not exist",
      ["units", "missing.yaml"],
      { problem: "path-not-found", params: { path: "missing.yaml" } },
    ],
    ["a folder without YAML files", ["empty"], { problem: "no-yaml-files", params: { path: "empty" } }],
    [
      "a glob matching nothing",
      ["units/*.json"],
      { problem: "no-yaml-files", params: { path: "units/*.json" } },
    ],
    [
      "a glob under a folder that does not exist",
      ["nowhere/*.yaml"],
      { problem: "no-yaml-files", params: { path: "nowhere/*.yaml" } },
    ],
  ])("refuses %s, naming it", (_, paths, problem) => {
    expect(discover(paths, submissions())).toEqual(problem);
  });

  it("walks into a linked folder found inside a folder", () => {
    const dir = submissions();
    mkdirSync(join(dir, "elsewhere"));
    writeFileSync(join(dir, "elsewhere", "far.yaml"), "");
    symlinkSync(join("..", "..", "elsewhere"), join(dir, "units", "2022", "far"));
    expect(discover(["units/2022"], dir)).toEqual({
      files: u("2022/a.yaml", "2022/b.yaml", "2022/c-d.yaml", "2022/far/far.yaml", "2022/sub/e.yaml"),
    });
  });

  it("lists each link to nothing found in a folder, for its reading to say so", () => {
    const dir = submissions();
    symlinkSync("nowhere.yaml", join(dir, "units", "2022", "gone.yaml"));
    symlinkSync("elsewhere.yaml", join(dir, "units", "2022", "lost.yaml"));
    symlinkSync("loop.yaml", join(dir, "units", "2022", "loop.yaml"));
    expect(discover(["units/2022"], dir)).toEqual({
      files: u(
        "2022/a.yaml",
        "2022/b.yaml",
        "2022/c-d.yaml",
        "2022/gone.yaml",
        "2022/loop.yaml",
        "2022/lost.yaml",
        "2022/sub/e.yaml",
      ),
    });
  });

  it("reads files whose names are not UTF-8 (from a Latin-1 system), each once, however reached", () => {
    const dir = mkdtempSync(join(tmpdir(), "geq-discover-"));
    mkdirSync(join(dir, "units"));
    // "báo-cáo" and "bào-cào" in Latin-1: as UTF-8 text both would read "b\ufffdo-c\ufffdo".
    for (const name of ["b\xe1o-c\xe1o.yaml", "b\xe0o-c\xe0o.yaml"])
      writeFileSync(Buffer.from(join(dir, "units", name), "latin1"), "");
    symlinkSync("units", join(dir, "link"));
    // An undecodable byte is carried as a lone surrogate, 0xE1 as U+DCE1 (see names.ts).
    expect(discover(["units", "link"], dir)).toEqual({
      files: ["units/b\udce0o-c\udce0o.yaml", "units/b\udce1o-c\udce1o.yaml"],
    });
  });

  it("reads a file named on purpose whatever its name", () => {
    const dir = submissions();
    expect(discover(["units/notes.txt", "units/geq.yaml"], dir)).toEqual({
      files: u("geq.yaml", "notes.txt"),
    });
  });
});
