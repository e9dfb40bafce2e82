import type * as fs from "node:fs";
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** Every call writeAtomic makes to the file system, in order, and a way to make one fail. */
const fsLog = vi.hoisted(() => ({
  calls: [] as { name: string; path?: string; flags?: unknown }[],
  failWriteAfter: Infinity,
  /** Descriptors opened and not yet closed. */
  open: new Set<number>(),
  /** The code a hard link fails with, as on a file system without them. */
  linkFails: undefined as string | undefined,
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
    openSync: record("openSync", ((...args: Parameters<typeof actual.openSync>) => {
      const fd = actual.openSync(...args);
      fsLog.open.add(fd);
      return fd;
    }) as typeof actual.openSync),
    fsyncSync: record("fsyncSync", actual.fsyncSync),
    closeSync: record("closeSync", ((fd: number) => {
      fsLog.open.delete(fd);
      actual.closeSync(fd);
    }) as typeof actual.closeSync),
    renameSync: record("renameSync", actual.renameSync),
    linkSync: record("linkSync", ((...args: Parameters<typeof actual.linkSync>) => {
      if (fsLog.linkFails) throw Object.assign(new Error("no hard links"), { code: fsLog.linkFails });
      actual.linkSync(...args);
    }) as typeof actual.linkSync),
    writeSync: record("writeSync", ((...args: Parameters<typeof actual.writeSync>) => {
      if (++writes > fsLog.failWriteAfter)
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      return (actual.writeSync as (...a: unknown[]) => number)(...args);
    }) as typeof actual.writeSync),
  };
});

// Test files may share their modules (mutation testing runs them so): load a copy that sees the mock.
vi.resetModules();
const { writeAtomic, removeTemporaryFiles } = await import("../../src/io/write-atomic.js");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "geq-write-"));
  fsLog.calls.length = 0;
  fsLog.failWriteAfter = Infinity;
  fsLog.open.clear();
});
afterEach(() => {
  fsLog.failWriteAfter = Infinity;
  fsLog.linkFails = undefined;
  // Whatever happened, every descriptor the write opened is closed.
  expect(fsLog.open).toEqual(new Set());
});

const leftovers = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));
/** Several chunks, so that the write yields to the event loop in between. */
const BIG = new Uint8Array(3 * 1024 * 1024).fill(0x61);
/** Not a whole number of chunks, and not the same byte everywhere. */
const BIG_ODD = Uint8Array.from({ length: 600_001 }, (_, i) => i % 251);

describe("writeAtomic", () => {
  it.each([
    ["text, as UTF-8", "Báo cáo bình đẳng giới\n", Buffer.from("Báo cáo bình đẳng giới\n")],
    [
      "bytes, as they are",
      new Uint8Array([0x50, 0x4b, 0x00, 0xff, 0x0a]),
      Buffer.from([0x50, 0x4b, 0x00, 0xff, 0x0a]),
    ],
    ["bytes over several chunks, the last one short", BIG_ODD, Buffer.from(BIG_ODD)],
    ["nothing", "", Buffer.alloc(0)],
  ])("writes %s", async (_, data, expected) => {
    const target = join(dir, "out.bin");
    writeFileSync(target, "old content, longer than the new");
    expect(await writeAtomic(target, data)).toEqual({ ok: true });
    expect(Buffer.compare(readFileSync(target), expected)).toBe(0);
    expect(leftovers()).toEqual([]);
  });

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

  it.each([
    ["bytes", BIG],
    ["text", "ả".repeat(BIG.length / 3)],
  ])(
    "removeTemporaryFiles, called during a write of %s (as the signal handler does), leaves the old file and no temporary file",
    async (_, data) => {
      const target = join(dir, "report.docx");
      writeFileSync(target, "old");
      const writing = writeAtomic(target, data);
      // The write yields between chunks, text as much as bytes: by now the temporary file holds only part of it.
      await new Promise((done) => setImmediate(done));
      expect(leftovers()).toHaveLength(1);
      expect(statSync(join(dir, leftovers()[0]!)).size).toBeLessThan(BIG.length);
      removeTemporaryFiles();
      expect(leftovers()).toEqual([]);
      const result = await writing;
      expect(result.ok).toBe(false);
      expect(readFileSync(target, "utf8")).toBe("old");
      expect(statSync(target).size).toBe(3);
      expect(leftovers()).toEqual([]);
    },
  );
  it("removeTemporaryFiles does not fail when a temporary file is already gone", async () => {
    const target = join(dir, "report.docx");
    const writing = writeAtomic(target, BIG);
    await new Promise((done) => setImmediate(done));
    for (const name of leftovers()) rmSync(join(dir, name));
    expect(() => removeTemporaryFiles()).not.toThrow();
    expect((await writing).ok).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  describe.each(["EPERM", "ENOTSUP", "EOPNOTSUPP"])(
    "exclusive, on a file system without hard links (%s)",
    (code) => {
      it("writes a new file and refuses an existing one", async () => {
        fsLog.linkFails = code;
        const fresh = join(dir, "new.yaml");
        expect(await writeAtomic(fresh, "ours", { exclusive: true })).toEqual({ ok: true });
        expect(readFileSync(fresh, "utf8")).toBe("ours");
        const taken = join(dir, "taken.yaml");
        writeFileSync(taken, "theirs");
        expect(await writeAtomic(taken, "ours", { exclusive: true })).toEqual({ ok: false, code: "EEXIST" });
        expect(readFileSync(taken, "utf8")).toBe("theirs");
        expect(leftovers()).toEqual([]);
      });
    },
  );

  it("exclusive: any other failure of the hard link is the write's failure, writing nothing", async () => {
    fsLog.linkFails = "EACCES";
    const target = join(dir, "new.yaml");
    expect(await writeAtomic(target, "ours", { exclusive: true })).toEqual({ ok: false, code: "EACCES" });
    expect(readdirSync(dir)).toEqual([]);
  });
});
