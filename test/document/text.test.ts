import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, cleanText, collapseSpace } from "../../src/document/text.js";

/**
 * XML 1.0's Char production, code point by code point: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. A lone surrogate is a code point of its own in `for…of`, and falls outside it.
 */
const xmlChar = (cp: number): boolean =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);
const keepXmlChars = (value: string): string => [...value].filter((c) => xmlChar(c.codePointAt(0)!)).join("");

/** HTML's white space is space, tab, LF, FF and CR; a run of it becomes one space. */
const collapseByHand = (value: string): string => {
  let out = "";
  for (const c of value) {
    const space = c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
    if (!space) out += c;
    else if (!out.endsWith(" ")) out += " ";
  }
  return out;
};

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    // White space, combining marks, surrogates, and the edges of the ranges XML 1.0 leaves out.
    unit: fc.constantFrom(
      ...[" ", "\t", "\n", "\r", "\f", "\u00A0", "a", "\u0323", "e", "\uD83D", "\uDE00"],
      ...["\u0000", "\u0008", "\u000B", "\u001F", "\u0020", "\uD7FF", "\uE000", "\uFFFD", "\uFFFE", "\uFFFF"],
    ),
    maxLength: 30,
  }),
);

describe("text", () => {
  it("keeps exactly the characters XML 1.0 can carry, then normalises to NFC", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(cleanText(value)).toBe(keepXmlChars(value).normalize("NFC"));
      }),
      { numRuns: 500 },
    );
    expect(cleanText("Vie\u0323\u0302t 😀\uD800\u000C")).toBe("Việt 😀");
  });

  it("collapses HTML white space, and gives back the same string when there is none to collapse", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(collapseSpace(value)).toBe(collapseByHand(value));
        expect(cleanLine(value)).toBe(collapseByHand(keepXmlChars(value).normalize("NFC")).trim());
      }),
      { numRuns: 500 },
    );
    const plain = "một hai\u00A0 ba";
    expect(collapseSpace(plain)).toBe(plain);
  });
});
