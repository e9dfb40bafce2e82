import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { MAX_FILE_BYTES } from "../source/decode.js";
import { fsPath } from "./names.js";

/**
 * The one way geq reads an input file (unit files, the configuration, templates). Regular files
 * only, except pipes (a named FIFO, `/dev/stdin`, `<(…)`), which are read as a stream up to the
 * size limit and never waited on forever; devices, sockets and folders are refused unopened.
 */

/** What a path is, when it is not something geq reads. */
export type NotAFile = "folder" | "device" | "socket";

export type InputRead =
  | { bytes: Uint8Array }
  /** Above `MAX_FILE_BYTES`: the size, or for a pipe the bytes received before giving up. */
  | { tooLarge: number }
  | { notAFile: NotAFile }
  /** A pipe that sent nothing for this many seconds while its writer kept it open. */
  | { stalled: number }
  /** The system's reason (`ENOENT`, `EACCES`, …). */
  | { unreadable: string };

/** How long a pipe may stay silent, its writer still there, before the read gives up. */
export const PIPE_IDLE_MS = 10_000;

const CHUNK = 64 * 1024;
const POLL_MS = 10;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);

/** Identities (device and inode) of the files read so far, which no output may replace. */
const read = new Set<string>();
const identity = (s: Stats) => `${s.dev}:${s.ino}`;

/** The file a path leads to (through links), as device and inode; undefined when there is none. */
export function fileIdentity(path: string): string | undefined {
  try {
    return identity(statSync(fsPath(path)));
  } catch {
    // No file there, or none this process may see: no identity.
  }
  return undefined;
}

/**
 * The identities noted since the last call, forgotten here: a helper thread hands the files it
 * read to the thread that writes the outputs, which notes them with `noteRead`.
 */
export function takeReadIdentities(): string[] {
  const ids = [...read];
  read.clear();
  return ids;
}

export function noteRead(ids: readonly string[]): void {
  for (const id of ids) read.add(id);
}

/** Whether this file (followed through links) was read as an input in this process. */
export function wasRead(stats: Stats): boolean {
  return read.has(identity(stats));
}

export function kindOf(stats: Stats): NotAFile | "file" | "pipe" {
  if (stats.isFile()) return "file";
  if (stats.isFIFO()) return "pipe";
  if (stats.isDirectory()) return "folder";
  if (stats.isSocket()) return "socket";
  return "device";
}

/** Whether the path is a regular file (through links): what a file picked up without being named must be. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(fsPath(path)).isFile();
  } catch {
    return false;
  }
}

/** Reads to the end, or up to the limit: a regular file may grow while read, and a pipe has no size. */
function readAll(fd: number, idleMs: number, limit: number): InputRead {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let idle = 0;
  for (;;) {
    const chunk = new Uint8Array(CHUNK);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, CHUNK, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      // The writer is there but silent: wait a little, up to the idle limit.
      // Stryker disable next-line EqualityOperator: `>` waits one poll (10 ms) longer, with the same outcome
      if (idle >= idleMs) return { stalled: Math.round(idleMs / 1000) };
      sleep(POLL_MS);
      idle += POLL_MS;
      continue;
    }
    if (n === 0) break;
    idle = 0;
    total += n;
    if (total > limit) return { tooLarge: total };
    chunks.push(chunk.subarray(0, n));
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes };
}

/**
 * Reads one input file. The type is checked before opening (a device is never opened) and again
 * on the open descriptor (the path may have changed in between); the open never blocks, so a FIFO
 * with no writer reads as empty instead of waiting for one.
 */
export function readInput(
  path: string,
  { idleMs = PIPE_IDLE_MS, limit = MAX_FILE_BYTES }: { idleMs?: number; limit?: number } = {},
): InputRead {
  const target = fsPath(path);
  let fd: number | undefined;
  try {
    const before = kindOf(statSync(target));
    if (before !== "file" && before !== "pipe") return { notAFile: before };
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = fstatSync(fd);
    const kind = kindOf(stats);
    if (kind !== "file" && kind !== "pipe") return { notAFile: kind };
    if (kind === "pipe") return readAll(fd, idleMs, limit);
    read.add(identity(stats));
    return stats.size > limit ? { tooLarge: stats.size } : readAll(fd, idleMs, limit);
  } catch (e) {
    // Stryker disable next-line StringLiteral: unreachable, every error of the file system carries a code
    return { unreadable: (e as NodeJS.ErrnoException).code ?? "EIO" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
