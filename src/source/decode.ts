import type { Finding } from "../validate/finding.js";

/** Bytes to text, and the limits every way of reading a file shares. */

/** Files above this size are refused before parsing: no unit file comes near it. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Open collections the parser may hold at once. A unit file nests six deep; the limit stops a
 * hostile file before the parser's stack costs memory and before the composer recurses near the
 * end of the call stack (where V8 can abort the process instead of throwing).
 */
export const MAX_NESTING = 100;

/**
 * Keys, values and items a file may hold (counted by the marks that open them: a plain or quoted
 * scalar, `:`, `,`, `-`, `?`, `[`, `{`). A unit file holds about a thousand; 1 MiB of activities
 * (8,000 of them) some 175,000. Each costs the YAML reader a few hundred bytes twice over (its
 * syntax tree, then its document), so 200,000 one-letter keys would take 400 MB.
 */
export const MAX_NODES = 250_000;
/**
 * `50.000` and `21.500` are Vietnamese thousands separators, not decimals: they are read as text, so
 * that the schema says how to write the number (number-format) instead of taking 50.000 for 50.
 */
export const THOUSANDS_NUMBER = /^[0-9]{1,3}(?:\.[0-9]{3})+$/;
/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      // Past the end there is no continuation byte: 0 is not one either.
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset, for files that could not be decoded. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i !== offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

function hex(b: number): string {
  return "0x" + b.toString(16).toUpperCase().padStart(2, "0");
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 (a BOM is dropped) or explains in one finding why the bytes are not UTF-8 text. */
export function decode(bytes: Uint8Array): { text: string } | { finding: Finding } {
  const at = (offset: number, params: Record<string, unknown>): { finding: Finding } => ({
    finding: { rule: "encoding", path: [], position: bytePosition(bytes, offset), params },
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at(0, { kind: "utf16", byte: hex(bytes[0]) });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return at(nul, { kind: "nul", byte: hex(0) });
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: STRICT_UTF8.decode(bytes.subarray(start)) };
  } catch {
    // Only now is it worth finding where the bytes stop being UTF-8.
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    return at(bad, { kind: "legacy", byte: hex(bytes[bad] ?? 0) });
  }
}

/** Parses decoded text: one YAML mapping, no aliases, no duplicate keys, nothing the core schema cannot say. */
