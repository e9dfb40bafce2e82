/**
 * `normalise` skips the cleaning of text that cleaning would not change: for every character of the
 * Basic Multilingual Plane alone, and every decomposed form NFC would compose, the result is the
 * cleaned text itself.
 */
import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/document/text.js";
import { normalise } from "../../src/validate/normalise.js";

const reference = (s: string) => cleanText(s).trim();

describe("normalise", () => {
  it("reads every character as cleaning does", () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const s = `a${String.fromCharCode(cp)}b`;
      if (normalise(s) !== reference(s)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("composes every decomposed form NFC composes", () => {
    let decomposed = 0;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const d = String.fromCharCode(cp).normalize("NFD");
      if (d.length < 2) continue;
      decomposed++;
      if (normalise(d) !== reference(d)) differ.push(cp.toString(16));
    }
    expect(decomposed).toBeGreaterThan(10_000);
    expect(differ).toEqual([]);
  });

  it("keeps Vietnamese, trims, and keeps __proto__ an own key", () => {
    const out = normalise(JSON.parse('{"__proto__": " Tiê\u0301ng Việt ", "a": [" x "]}')) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(out["__proto__"]).toBe("Tiếng Việt");
    expect(out.a).toEqual(["x"]);
  });
});
