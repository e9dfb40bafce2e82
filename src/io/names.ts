import { firstInvalidUtf8 } from "../source/decode.js";

/**
 * File names as text. POSIX names are bytes: one that is not UTF-8 is carried as a string whose
 * undecodable bytes are lone surrogates U+DC80–U+DCFF (as Python's "surrogateescape" does), so that
 * it can be sorted, matched and printed like any name and still opened by its exact bytes.
 */

const ESCAPED_BYTE = /[\uDC80-\uDCFF]/;

/** A name read as bytes (`readdir` with `encoding: "buffer"`) as a string that keeps every byte. */
export function nameFromBytes(bytes: Uint8Array): string {
  let out = "";
  let rest = bytes;
  for (;;) {
    const bad = firstInvalidUtf8(rest);
    if (bad < 0) return out + Buffer.from(rest).toString("utf8");
    out += Buffer.from(rest.subarray(0, bad)).toString("utf8") + String.fromCharCode(0xdc00 + rest[bad]!);
    rest = rest.subarray(bad + 1);
  }
}

/** The path to give the file system: its exact bytes when the name carries undecodable bytes. */
export function fsPath(path: string): string | Buffer {
  if (!ESCAPED_BYTE.test(path)) return path;
  const parts: Buffer[] = [];
  for (const ch of path) {
    // A lone surrogate comes out of the iteration alone; a pair is one code point above U+FFFF.
    const cp = ch.codePointAt(0)!;
    // Stryker disable next-line ArithmeticOperator: cp + 0xdc00 is the same byte, 0xdc00 twice being a multiple of 256
    if (cp >= 0xdc80 && cp <= 0xdcff) parts.push(Buffer.from([cp - 0xdc00]));
    else parts.push(Buffer.from(ch));
  }
  return Buffer.concat(parts);
}

/**
 * Characters that must not reach a terminal as they are: controls (C0, DEL, C1), which can move
 * the cursor or rewrite the screen; the marks that reverse the direction of text, which can make a
 * name read as another; lone surrogates, which stand for bytes that are not UTF-8.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/gu;

/** Bytes escaped here are 0x80 and above, other characters past C1 U+200E and above: no padding needed. */
function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xdc80 && cp <= 0xdcff) return `\\x${(cp - 0xdc00).toString(16)}`;
  if (cp <= 0x9f) return `\\x${cp.toString(16).padStart(2, "0")}`;
  return `\\u${cp.toString(16)}`;
}

/**
 * A file name, or any text from outside, made safe to print: each unsafe character is written as
 * its escape (`\x1b`, `\u202e`, `\xff` for a byte that is not UTF-8). `keepLines` keeps line breaks
 * and tabs, for multi-line details such as a template's syntax error.
 */
export function printable(text: string, keepLines = false): string {
  return text.replace(UNSAFE, (ch) => (keepLines && (ch === "\n" || ch === "\t") ? ch : escapeChar(ch)));
}
