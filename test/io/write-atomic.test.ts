import type * as fs from "node:fs";
import { linkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** Every call writeAtomic makes to the file system, in order, and a way to make one fail. */
const fsLog = vi.hoisted(() => ({
  calls: [] as { name: string; path?: string; flags?: unknown }[],
  failWriteAfter: Infinity,
}));

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      const [first, second] = args;
      fsLog.calls.push({
        name,
        ...(typeof first === "string" ? { path: first } : {}),
        ...(name === "openSync" ? { flags: second } : {}),
      });
      return fn(...args);
    };
  let writes = 0;
  return {
    ...actual,
    openSync: record("openSync", actual.openSync),
    fsyncSync: record("fsyncSync", actual.fsyncSync),
    closeSync: record("closeSync", actual.closeSync),
    renameSync: record("renameSync", actual.renameSync),
    linkSync: record("linkSync", actual.linkSync),
    writeSync: record("writeSync", ((...args: Parameters<typeof actual.writeSync>) => {
      if (++writes > fsLog.failWriteAfter)
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      return (actual.writeSync as (...a: unknown[]) => number)(...args);
    }) as typeof actual.writeSync),
  };
});

const { writeAtomic, removeTemporaryFiles } = await import("../../src/io/write-atomic.js");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "geq-write-"));
  fsLog.calls.length = 0;
  fsLog.failWriteAfter = Infinity;
});
afterEach(() => {
  fsLog.failWriteAfter = Infinity;
});

const leftovers = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));
/** Several chunks, so that the write yields to the event loop in between. */
const BIG = new Uint8Array(3 * 1024 * 1024).fill(0x61);

describe("writeAtomic", () => {
  it("never opens the target for writing: a hard link to the old file keeps the old content", async () => {
    const target = join(dir, "report.docx");
    writeFileSync(target, "old");
    linkSync(target, join(dir, "keep.docx"));
    const result = await writeAtomic(target, "new");
    expect(result).toEqual({ ok: true });
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readFileSync(join(dir, "keep.docx"), "utf8")).toBe("old");
    expect(fsLog.calls.filter((c) => c.name === "openSync" && c.path === target)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it("writes a temporary file in the target's folder and syncs it before the rename", async () => {
    const target = join(dir, "out.json");
    await writeAtomic(target, "{}");
    const names = fsLog.calls.map((c) => c.name);
    const open = fsLog.calls.find((c) => c.name === "openSync")!;
    expect(open.path!.startsWith(join(dir, "."))).toBe(true);
    expect(open.flags).toBe("wx");
    expect(names.indexOf("fsyncSync")).toBeGreaterThan(names.indexOf("writeSync"));
    expect(names.indexOf("renameSync")).toBeGreaterThan(names.indexOf("fsyncSync"));
    expect(names.indexOf("renameSync")).toBeGreaterThan(names.indexOf("closeSync"));
  });

  it("keeps the old file and leaves no temporary file when the disk fills during the write", async () => {
    const target = join(dir, "report.docx");
    writeFileSync(target, "old");
    fsLog.failWriteAfter = 1;
    const result = await writeAtomic(target, BIG);
    expect(result).toEqual({ ok: false, code: "ENOSPC" });
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(leftovers()).toEqual([]);
    expect(fsLog.calls.some((c) => c.name === "renameSync")).toBe(false);
  });

  it("exclusive: refuses a file that exists at the last step, keeping it and removing the temporary file", async () => {
    const target = join(dir, "vkt.yaml");
    writeFileSync(target, "theirs");
    const result = await writeAtomic(target, "ours", { exclusive: true });
    expect(result).toEqual({ ok: false, code: "EEXIST" });
    expect(readFileSync(target, "utf8")).toBe("theirs");
    expect(leftovers()).toEqual([]);
    const fresh = join(dir, "new.yaml");
    expect(await writeAtomic(fresh, "ours", { exclusive: true })).toEqual({ ok: true });
    expect(readFileSync(fresh, "utf8")).toBe("ours");
    expect(leftovers()).toEqual([]);
  });

  it("fails with the system's reason when the folder does not exist, creating nothing", async () => {
    const result = await writeAtomic(join(dir, "no-such-folder", "x.docx"), "x");
    expect(result).toEqual({ ok: false, code: "ENOENT" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeTemporaryFiles, called during a write (as the signal handler does), leaves the old file and no temporary file", async () => {
    const target = join(dir, "report.docx");
    writeFileSync(target, "old");
    const writing = writeAtomic(target, BIG);
    // The write yields between chunks: by now the temporary file exists.
    await new Promise((done) => setImmediate(done));
    expect(leftovers()).toHaveLength(1);
    removeTemporaryFiles();
    expect(leftovers()).toEqual([]);
    const result = await writing;
    expect(result.ok).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(statSync(target).size).toBe(3);
    expect(leftovers()).toEqual([]);
  });
});
