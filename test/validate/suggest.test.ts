import { describe, expect, it } from "vitest";
import { suggest } from "../../src/validate/suggest.js";
import { atScale } from "../helpers/at-scale.js";

describe("suggest", () => {
  it.each([
    ["the same but for case and marks", "vkt", ["VP", "VKT", "VQH"], "VKT"],
    ["đ as d", "ĐHXD", ["DHXD", "DHKT"], "DHXD"],
    ["one slip", "VKTT", ["VP", "VKT", "TTTT"], "VKT"],
    ["nothing close enough", "ABCDEF", ["VP", "VKT"], undefined],
    ["two equally close", "VK", ["VKT", "VKH"], undefined],
    ["an exact match among near ones", "VKT", ["VKT", "VKH", "VKTT"], "VKT"],
    ["a third of the length", "HOCVIENX", ["HOCVIEN", "HVCB"], "HOCVIEN"],
    ["farther than a third", "HOCVXYZ", ["HOCVIEN"], undefined],
  ])("%s", (_name, value, known, expected) => {
    expect(suggest(value, known)).toBe(expected);
  });

  // A run asks once per distinct unknown code (validate keeps the answers); 200 is many mistyped codes.
  atScale("200 codes against a registry of 10,000 in well under two seconds", () => {
    const known = Array.from({ length: 10_000 }, (_, i) => `DV${String(i + 1).padStart(4, "0")}`);
    const started = performance.now();
    const found = Array.from({ length: 200 }, (_, i) =>
      suggest(`DV${String(i + 1).padStart(4, "0")}X`, known),
    );
    expect(found.slice(0, 3)).toEqual(["DV0001", "DV0002", "DV0003"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
