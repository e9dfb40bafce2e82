import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it, vi } from "vitest";

/** Paths whose check before opening sees what was there a moment earlier: a regular file. */
const swapped = vi.hoisted(() => ({ paths: new Set<string>(), file: "" }));

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return {
    ...actual,
    statSync: ((path: fs.PathLike, options?: fs.StatSyncOptions) =>
      swapped.paths.has(String(path))
        ? actual.statSync(swapped.file)
        : actual.statSync(path, options)) as typeof actual.statSync,
  };
});

// Test files may share their modules (mutation testing runs them so): load a copy that sees the mock.
vi.resetModules();
const { readInput } = await import("../../src/io/read-input.js");

it("refuses a path that became a folder between the check and the open, by what it opened", () => {
  const dir = mkdtempSync(join(tmpdir(), "geq-swap-"));
  swapped.file = join(dir, "was-a-file.yaml");
  writeFileSync(swapped.file, "a: 1\n");
  const path = join(dir, "now-a-folder.yaml");
  mkdirSync(path);
  swapped.paths.add(path);
  expect(readInput(path)).toEqual({ notAFile: "folder" });
});
