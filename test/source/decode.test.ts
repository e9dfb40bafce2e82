/**
 * Bytes to text: where UTF-8 stops being well-formed (against Node's own check of every prefix),
 * and the one finding that says why a file is not UTF-8 text, at the line and column an editor shows.
 */
import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, firstInvalidUtf8 } from "../../src/source/decode.js";
import { runs } from "../helpers/property.js";

/** The longest prefix that is well-formed UTF-8 ends where the first bad sequence starts. */
function oracle(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let p = bytes.length;
  while (!isUtf8(bytes.subarray(0, p))) p--;
  return p;
}

describe("firstInvalidUtf8", () => {
  it.each<[string, number[], number]>([
    ["ASCII", [0x61, 0x7f], -1],
    ["two bytes, lowest and highest", [0xc2, 0x80, 0xdf, 0xbf], -1],
    ["three bytes, lowest and highest", [0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf], -1],
    ["four bytes, lowest and highest", [0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf], -1],
    ["the last character before the surrogates", [0xed, 0x9f, 0xbf], -1],
    ["the first after them", [0xee, 0x80, 0x80], -1],
    ["a continuation byte alone", [0x61, 0x80], 1],
    ["0xC0 and 0xC1, only ever overlong", [0xc1, 0xbf], 0],
    ["an overlong three-byte form", [0x61, 0xe0, 0x9f, 0xbf], 1],
    ["an overlong four-byte form", [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ["the first surrogate", [0xed, 0xa0, 0x80], 0],
    ["the last surrogate", [0xed, 0xbf, 0xbf], 0],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["0xF5, never a start", [0xf5, 0x80, 0x80, 0x80], 0],
    ["0xFF", [0x61, 0x62, 0xff], 2],
    ["a sequence cut by the end", [0x61, 0xe1, 0xba], 1],
    ["a sequence cut by ASCII", [0xe1, 0x61, 0xa1], 0],
    ["a TCVN3 letter in Vietnamese text", [...Buffer.from("Báo cáo "), 0xb8, 0x61], 10],
  ])("%s", (_, bytes, offset) => {
    const array = new Uint8Array(bytes);
    expect(firstInvalidUtf8(array)).toBe(offset);
    expect(oracle(array)).toBe(offset);
  });

  it("agrees with Node's check on bytes that are mostly sequences, good or bad", () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }).map((b) => [b]),
      fc.integer({ min: 0x80, max: 0x10ffff }).map((cp) => [...Buffer.from(String.fromCodePoint(cp))]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
      fc.tuple(fc.integer({ min: 0xc0, max: 0xff }), fc.integer({ min: 0x80, max: 0xbf })),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (units) => {
        const bytes = new Uint8Array(units.flat());
        expect(firstInvalidUtf8(bytes)).toBe(oracle(bytes));
      }),
      runs(3000),
    );
  });
});

describe("decode", () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

  it.each<[string, Uint8Array, string, string, number, number]>([
    ["UTF-16, little-endian", bytes([0xff, 0xfe], "a"), "utf16", "0xFF", 1, 1],
    ["UTF-16, big-endian", bytes([0xfe, 0xff], "a"), "utf16", "0xFE", 1, 1],
    ["0xFF before a byte other than 0xFE, not UTF-16", bytes([0xff], "a"), "legacy", "0xFF", 1, 1],
    ["0xFE before a byte other than 0xFF, not UTF-16", bytes([0xfe], "a"), "legacy", "0xFE", 1, 1],
    ["0xFE second after a letter, not UTF-16", bytes("a", [0xfe]), "legacy", "0xFE", 1, 2],
    ["0xFF second after a letter, not UTF-16", bytes("a", [0xff]), "legacy", "0xFF", 1, 2],
    ["a NUL on the third line", bytes("a: 1\nb: 2\nc: ", [0]), "nul", "0x00", 3, 4],
    ["a NUL first", bytes([0], "a: 1"), "nul", "0x00", 1, 1],
    [
      "the second and third bytes of a byte order mark after a letter",
      bytes("a", [0xbb, 0xbf], "b"),
      "legacy",
      "0xBB",
      1,
      2,
    ],
    [
      "a byte order mark's first and third bytes around a letter",
      bytes([0xef], "a", [0xbf], "b"),
      "legacy",
      "0xEF",
      1,
      1,
    ],
    [
      "a legacy byte after Vietnamese letters, counted as characters",
      bytes("a: 1\ntên: Báo ", [0xb8]),
      "legacy",
      "0xB8",
      2,
      10,
    ],
    ["a legacy byte first", bytes([0x80], "a"), "legacy", "0x80", 1, 1],
    ["a lead byte cut by a line end", bytes([0xc3, 0x0a]), "legacy", "0xC3", 1, 1],
  ])("refuses %s, saying where", (_, input, kind, byte, line, column) => {
    expect(decode(input)).toEqual({
      finding: { rule: "encoding", path: [], position: { line, column }, params: { kind, byte } },
    });
  });

  it.each<[string, Uint8Array, string]>([
    ["UTF-8", bytes("tên: Báo cáo\n"), "tên: Báo cáo\n"],
    ["UTF-8 after a byte order mark, which is dropped", bytes([0xef, 0xbb, 0xbf], "a: 1\n"), "a: 1\n"],
    ["a byte order mark alone", bytes([0xef, 0xbb, 0xbf]), ""],
    ["a second byte order mark, which is text", bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), "\uFEFF"],
    ["the start of a byte order mark only", bytes([0xef, 0xbb], "a"), "NOT UTF-8"],
    ["nothing", bytes(), ""],
  ])("reads %s", (_, input, text) => {
    const result = decode(input);
    if (text === "NOT UTF-8") expect(result).toMatchObject({ finding: { params: { kind: "legacy" } } });
    else expect(result).toEqual({ text });
  });
});
