import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type WriteResult = { ok: true } | { ok: false; code: string };

/** Temporary files being written now, for a signal handler to remove before the process ends. */
const live = new Set<string>();

/** Removes the temporary files of the writes under way; the CLI calls it when SIGINT or SIGTERM ends a run. */
export function removeTemporaryFiles(): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
}

const CHUNK = 256 * 1024;
/** Lets the event loop run, so that a signal that came during the write is handled before the rename. */
const turn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Writes through a temporary file in the same folder, then renames it into place, so that a
 * reader never sees half a file and a failed or interrupted write leaves any existing file
 * untouched: the target itself is never opened for writing, and the temporary file is synced to
 * disk before the rename. `exclusive` refuses to replace an existing file, at the last step
 * (a hard link fails if the name exists), so that no file appearing meanwhile is lost either.
 */
export async function writeAtomic(
  path: string,
  data: Uint8Array | string,
  { exclusive = false }: { exclusive?: boolean } = {},
): Promise<WriteResult> {
  const tmp = join(dirname(path), `.${basename(path)}.${RUN_TOKEN}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o666);
    live.add(tmp);
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(fd, bytes, written, Math.min(CHUNK, bytes.length - written));
      await turn();
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    await turn();
    if (exclusive) linkInto(tmp, path);
    else renameSync(tmp, path);
    live.delete(tmp);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    live.delete(tmp);
    // Stryker disable next-line StringLiteral: unreachable, every error of the file system carries a code
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? "EIO" };
  }
}

/** Puts the temporary file at `path` only if nothing is there; hard links where the file system has them. */
function linkInto(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
    // Stryker disable next-line StringLiteral: a trace's wording; callers read `code`
    if (existsSync(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, path);
    return;
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the temporary file is there, just linked
  rmSync(tmp, { force: true });
}

// Keeps concurrent writers' temporary names apart.
const RUN_TOKEN = Math.random().toString(36).slice(2, 10);
