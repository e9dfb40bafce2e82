import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeOutputFolder, planOutput } from "../../src/io/output-target.js";
import { readInput, takeReadIdentities } from "../../src/io/read-input.js";

let cwd: string;
beforeEach(() => {
  // Forget the files read before: another test file in this process (mutation testing shares modules)
  // may have read a file since deleted, whose inode a file made here then reuses.
  takeReadIdentities();
  // Real path: the temporary folder may itself be reached through a link.
  cwd = realpathSync(mkdtempSync(join(tmpdir(), "geq-out-")));
  mkdirSync(join(cwd, "out"));
  mkdirSync(join(cwd, "real"));
  writeFileSync(join(cwd, "old.docx"), "old");
  writeFileSync(join(cwd, "real", "target.docx"), "old");
  symlinkSync("real", join(cwd, "linked"));
  symlinkSync(join("real", "target.docx"), join(cwd, "link.docx"));
  symlinkSync("nowhere.docx", join(cwd, "dangling.docx"));
  mkdirSync(join(cwd, "out", "bao-cao.docx"));
  mkdirSync(join(cwd, "loop"));
  symlinkSync("bao-cao.docx", join(cwd, "loop", "bao-cao.docx"));
  execFileSync("mkfifo", [join(cwd, "pipe.docx")]);
});

const plan = (target: string, more: { exclusive?: boolean } = {}) =>
  planOutput(target, { cwd, defaultName: "bao-cao.docx", ...more });

describe("planOutput", () => {
  it.each([
    ["a new file", "new.docx", "new.docx", "new.docx"],
    ["an existing file, replaced", "old.docx", "old.docx", "old.docx"],
    ["a file in folders still to be made", "a/b/c.docx", "a/b/c.docx", "a/b/c.docx"],
    ["a folder, with a slash: its default name", "./real/", "./real/bao-cao.docx", "real/bao-cao.docx"],
    ["a folder, without a slash: its default name", "./real", "real/bao-cao.docx", "real/bao-cao.docx"],
    ["a link to a file: the file it points at", "link.docx", "link.docx", "real/target.docx"],
    [
      "a new file under a linked folder: in the real folder",
      "linked/new.docx",
      "linked/new.docx",
      "real/new.docx",
    ],
  ])("%s", (_, target, shown, real) => {
    expect(plan(target)).toEqual({ ok: true, path: join(cwd, real), shown });
  });

  const notFile = "output-not-file";
  it.each<[string, string, string, Record<string, string>]>([
    [
      "a folder where the default name would go",
      "out/",
      notFile,
      { path: "out/bao-cao.docx", kind: "folder" },
    ],
    [
      "a folder named without a slash, its default name a folder",
      "out",
      notFile,
      { path: "out/bao-cao.docx", kind: "folder" },
    ],
    ["a named pipe", "pipe.docx", notFile, { path: "pipe.docx", kind: "pipe" }],
    ["a device", "/dev/null", notFile, { path: "/dev/null", kind: "device" }],
    ["a link to nothing", "dangling.docx", notFile, { path: "dangling.docx", kind: "link" }],
    ["a file named as a folder", "old.docx/", "output-failed", { path: "old.docx/", code: "ENOTDIR" }],
    ["a file under a file", "old.docx/x.docx", "output-failed", { path: "old.docx/x.docx", code: "ENOTDIR" }],
    [
      "a folder whose default name is a link to itself, with the system's reason",
      "loop/",
      "output-failed",
      { path: "loop/bao-cao.docx", code: "ELOOP" },
    ],
  ])("refuses %s", (_, target, problem, params) => {
    expect(plan(target)).toEqual({ ok: false, problem, params });
  });

  it("never replaces a file the run read, even through a link", () => {
    expect(plan("link.docx").ok).toBe(true);
    expect("bytes" in readInput(join(cwd, "real", "target.docx"))).toBe(true);
    expect(plan("link.docx")).toEqual({
      ok: false,
      problem: "output-is-input",
      params: { path: "link.docx" },
    });
  });

  it("exclusive: refuses an existing file, not a new one", () => {
    expect(plan("old.docx", { exclusive: true })).toEqual({
      ok: false,
      problem: "output-exists",
      params: { path: "old.docx" },
    });
    expect(plan("new.docx", { exclusive: true })).toEqual({
      ok: true,
      path: join(cwd, "new.docx"),
      shown: "new.docx",
    });
  });
});

describe("makeOutputFolder", () => {
  it("makes the folders a file goes into, or gives the system's reason", () => {
    expect(makeOutputFolder(join(cwd, "a", "b", "c.docx"))).toEqual({ ok: true });
    expect(realpathSync(join(cwd, "a", "b"))).toBe(join(cwd, "a", "b"));
    expect(makeOutputFolder(join(cwd, "a", "b", "d.docx"))).toEqual({ ok: true });
    expect(makeOutputFolder(join(cwd, "old.docx", "c.docx"))).toEqual({ ok: false, code: "EEXIST" });
  });
});
