import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLine, cleanText, collapseSpace, HTML_SPACE } from "../../src/document/text.js";

const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(" ", "\t", "\n", "\r", "\f", "\u00A0", "a", "\u0323", "e", "\uD83D", "\uDE00"),
    maxLength: 30,
  }),
);

describe("text", () => {
  it("cleans as the one regular expression does, quick path or not", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(cleanText(value)).toBe(value.replace(XML_ILLEGAL, "").normalize("NFC"));
      }),
      { numRuns: 500 },
    );
    expect(cleanText("Vie\u0323\u0302t 😀\uD800\u000C")).toBe("Việt 😀");
  });

  it("collapses HTML white space, and gives back the same string when there is none to collapse", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(collapseSpace(value)).toBe(value.replace(HTML_SPACE, " "));
        expect(cleanLine(value)).toBe(cleanText(value).replace(HTML_SPACE, " ").trim());
      }),
      { numRuns: 500 },
    );
    const plain = "một hai\u00A0 ba";
    expect(collapseSpace(plain)).toBe(plain);
  });
});
