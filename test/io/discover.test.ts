import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import type * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

/** Folders whose listing fails as if permission were denied: root reads any folder, so it is simulated. */
const denied = vi.hoisted(() => new Set<string>());

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return {
    ...actual,
    readdirSync: ((path: fs.PathLike, options?: unknown) => {
      if (denied.has(String(path))) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
      return (actual.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(path, options);
    }) as typeof actual.readdirSync,
  };
});

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
    denied.clear();
    expect(discover(["units"], dir)).toEqual({
      files: [join("units", "a.yaml"), join("units", "locked", "b.yaml")],
    });
  });

  it("follows links to files and folders, and names each real file once", () => {
    const dir = tree();
    symlinkSync("units", join(dir, "link"));
    symlinkSync(join("..", "a.yaml"), join(dir, "units", "locked", "c.yaml"));
    // A link back up the tree is walked once, not forever.
    symlinkSync("..", join(dir, "units", "locked", "up"));
    expect(discover(["units", "link", "units/a.yaml", "./link/a.yaml"], dir)).toEqual({
      files: [join("units", "a.yaml"), join("units", "locked", "b.yaml")],
    });
    expect(discover(["link/**/*.yaml"], dir)).toEqual({
      files: ["link/a.yaml", "link/locked/b.yaml"],
    });
  });
});
