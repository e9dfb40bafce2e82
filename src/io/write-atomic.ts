import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type WriteResult = { ok: true } | { ok: false; code: string };

/**
 * Writes through a temporary file in the same folder, then renames it into place, so that a
 * reader never sees half a file and a failed write leaves any existing file untouched.
 * `exclusive` refuses to replace an existing file (the rename still happens only at the end).
 */
export function writeAtomic(path: string, data: Uint8Array | string): WriteResult {
  const tmp = join(dirname(path), `.${basename(path)}.${RUN_TOKEN}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx");
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? "EIO" };
  }
}

// Keeps concurrent writers' temporary names apart.
const RUN_TOKEN = Math.random().toString(36).slice(2, 10);
