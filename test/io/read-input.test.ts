import { spawn, execFileSync } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { fsPath, nameFromBytes, printable } from "../../src/io/names.js";
import {
  fileIdentity,
  isRegularFile,
  noteRead,
  readInput,
  takeReadIdentities,
  wasRead,
} from "../../src/io/read-input.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "geq-read-"));
});

const fifo = (name: string) => {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return path;
};
const text = (r: ReturnType<typeof readInput>) =>
  "bytes" in r ? new TextDecoder().decode(r.bytes) : `not read: ${JSON.stringify(r)}`;

describe("readInput", () => {
  it("reads a regular file and remembers it as read", () => {
    const path = join(dir, "a.yaml");
    writeFileSync(path, "a: 1\n");
    // Files read by earlier tests are forgotten: a deleted file's inode may come back as this one's.
    takeReadIdentities();
    expect(wasRead(statSync(path))).toBe(false);
    expect(text(readInput(path))).toBe("a: 1\n");
    expect(wasRead(statSync(path))).toBe(true);
  });

  it("hands the files read to another thread once, which notes them as read there", () => {
    const path = join(dir, "a.yaml");
    writeFileSync(path, "a: 1\n");
    symlinkSync(path, join(dir, "link.yaml"));
    takeReadIdentities();
    readInput(join(dir, "link.yaml"));
    const ids = takeReadIdentities();
    expect(ids).toEqual([fileIdentity(path)]);
    expect(fileIdentity(join(dir, "link.yaml"))).toBe(fileIdentity(path));
    expect(wasRead(statSync(path))).toBe(false);
    expect(takeReadIdentities()).toEqual([]);
    noteRead(ids);
    expect(wasRead(statSync(path))).toBe(true);
    expect(fileIdentity(join(dir, "missing.yaml"))).toBeUndefined();
  });

  it("does not note a pipe as a file read", () => {
    const path = fifo("piped.yaml");
    takeReadIdentities();
    expect(readInput(path)).toEqual({ bytes: new Uint8Array() });
    expect(takeReadIdentities()).toEqual([]);
  });

  it("leaves no descriptor open, whatever the outcome", () => {
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    writeFileSync(join(dir, "a.yaml"), "a: 1\n");
    writeFileSync(join(dir, "big.yaml"), "x".repeat(200));
    for (let i = 0; i < 20; i++) {
      readInput(join(dir, "a.yaml"));
      readInput(join(dir, "big.yaml"), { limit: 100 });
      readInput(fifo(`p${i}.yaml`));
      readInput("/proc/self/mem");
    }
    expect(open()).toBe(before);
  });

  it("gives the system's reason for a file that opens but cannot be read", () => {
    // The kernel refuses to read this process's own memory at address 0.
    expect(readInput("/proc/self/mem", { idleMs: 5000 })).toEqual({ unreadable: "EIO" });
  });

  it("refuses a file above the limit from its size, without reading it", () => {
    const path = join(dir, "huge.yaml");
    writeFileSync(path, "x".repeat(200_000));
    expect(readInput(path, { limit: 100 })).toEqual({ tooLarge: 200_000 });
  });

  it("refuses a file above the limit from its size, and reads one at the limit", () => {
    const path = join(dir, "big.yaml");
    writeFileSync(path, "x".repeat(101));
    expect(readInput(path, { limit: 100 })).toEqual({ tooLarge: 101 });
    expect(text(readInput(path, { limit: 101 }))).toHaveLength(101);
  });

  it("reads a named FIFO with no writer as empty, at once", () => {
    const path = fifo("none.yaml");
    const started = Date.now();
    expect(readInput(path)).toEqual({ bytes: new Uint8Array() });
    expect(Date.now() - started).toBeLessThan(1000);
  }, 5000);

  it("reads what a writer sends through a FIFO in bursts, to its end", async () => {
    const path = fifo("sent.yaml");
    // The writer opens first and waits for a reader; it sends, pauses, sends again, and closes.
    const writer = spawn("sh", ["-c", `exec > '${path}'; printf 'a: 1\\n'; sleep 0.5; printf 'b: 2\\n'`]);
    await new Promise((done) => setTimeout(done, 300));
    const result = readInput(path, { idleMs: 5000 });
    writer.kill();
    expect(text(result)).toBe("a: 1\nb: 2\n");
  }, 10_000);

  it("gives up on a pipe whose writer stays silent, after the idle limit", () => {
    const path = fifo("silent.yaml");
    const holder = openSync(path, "r+");
    try {
      const started = Date.now();
      expect(readInput(path, { idleMs: 300 })).toEqual({ stalled: 0 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      closeSync(holder);
    }
  }, 5000);

  it("stops reading a pipe past the limit", () => {
    const path = fifo("flood.yaml");
    const holder = openSync(path, "r+");
    try {
      writeSync(holder, "y".repeat(5000));
      const result = readInput(path, { idleMs: 300, limit: 1000 });
      expect(result).toEqual({ tooLarge: 5000 });
    } finally {
      closeSync(holder);
    }
  }, 5000);

  it("refuses a folder, a device and a socket without reading them", async () => {
    mkdirSync(join(dir, "folder.yaml"));
    expect(readInput(join(dir, "folder.yaml"))).toEqual({ notAFile: "folder" });
    expect(readInput("/dev/null")).toEqual({ notAFile: "device" });
    const socket = join(dir, "sock.yaml");
    const server = createServer();
    await new Promise<void>((done) => server.listen(socket, done));
    try {
      expect(readInput(socket)).toEqual({ notAFile: "socket" });
    } finally {
      server.close();
    }
  });

  it("gives the system's reason for a file it cannot open", () => {
    expect(readInput(join(dir, "missing.yaml"))).toEqual({ unreadable: "ENOENT" });
    writeFileSync(join(dir, "plain"), "");
    expect(readInput(join(dir, "plain", "x.yaml"))).toEqual({ unreadable: "ENOTDIR" });
  });

  it("isRegularFile: a file, or a link to one; not a FIFO, a folder or nothing", () => {
    writeFileSync(join(dir, "f"), "");
    expect(isRegularFile(join(dir, "f"))).toBe(true);
    expect(isRegularFile(fifo("p"))).toBe(false);
    expect(isRegularFile(dir)).toBe(false);
    expect(isRegularFile(join(dir, "nothing"))).toBe(false);
  });
});

describe("file names that are not UTF-8", () => {
  const raw = Buffer.from([0x6e, 0xff, 0x2d, 0xc3, 0xa1, 0x2e, 0x79, 0x61, 0x6d, 0x6c]); // n\xff-á.yaml

  it("keeps every byte: the name read as bytes opens the same file", () => {
    writeFileSync(Buffer.concat([Buffer.from(dir + "/"), raw]), "a: 1\n");
    const [entry] = readdirSync(dir, { encoding: "buffer" });
    const name = nameFromBytes(entry!);
    expect(name).toBe("n\uDCFF-á.yaml");
    expect(
      Buffer.compare(fsPath(join(dir, name)) as Buffer, Buffer.concat([Buffer.from(dir + "/"), raw])),
    ).toBe(0);
    expect(text(readInput(join(dir, name)))).toBe("a: 1\n");
  });

  it.each([
    ["a byte that is not UTF-8 first", [0xff, 0x61], "\uDCFFa"],
    ["the lowest byte that is never UTF-8 alone", [0x80], "\uDC80"],
    ["a cut-off sequence, then Vietnamese", [0xc3, 0x2d, 0xc3, 0xa1], "\uDCC3-á"],
    ["a full-width character beside a bad byte", [0xef, 0xbc, 0x88, 0xfe], "（\uDCFE"],
    ["an emoji beside a bad byte", [0xf0, 0x9f, 0x98, 0x80, 0xfe], "😀\uDCFE"],
  ])("%s: read as text and given back as the same bytes", (_, bytes, name) => {
    expect(nameFromBytes(Buffer.from(bytes))).toBe(name);
    expect(Buffer.compare(fsPath(name) as Buffer, Buffer.from(bytes))).toBe(0);
  });

  it("leaves a UTF-8 name a plain string, astral characters included", () => {
    expect(nameFromBytes(Buffer.from("báo-cáo-😀.yaml"))).toBe("báo-cáo-😀.yaml");
    expect(fsPath("báo-cáo-😀.yaml")).toBe("báo-cáo-😀.yaml");
  });
});

describe("printable", () => {
  it("escapes controls, direction marks and undecodable bytes; keeps Vietnamese and emoji", () => {
    expect(printable("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
    expect(printable("x\u0007\u007f\u009by")).toBe("x\\x07\\x7f\\x9by");
    expect(printable("gpj.\u202eexe")).toBe("gpj.\\u202eexe");
    expect(printable("n\uDCFF.yaml")).toBe("n\\xff.yaml");
    expect(printable("Báo cáo 😀")).toBe("Báo cáo 😀");
    expect(printable("a\nb\tc")).toBe("a\\x0ab\\x09c");
    expect(printable("a\nb\tc\u001b", true)).toBe("a\nb\tc\\x1b");
  });

  it.each([
    ["\u0000", "\\x00"],
    ["\u009f", "\\x9f"],
    ["\u200e", "\\u200e"],
    ["\u2069", "\\u2069"],
    ["\uDC80", "\\x80"],
    ["\uDCFF", "\\xff"],
    // Surrogates that stand for no byte: text from outside, not a file name.
    ["\uD800", "\\ud800"],
    ["\uDD00", "\\udd00"],
    ["\uDFFF", "\\udfff"],
  ])("writes %j as %s", (ch, escaped) => {
    expect(printable(`<${ch}>`)).toBe(`<${escaped}>`);
  });
});
