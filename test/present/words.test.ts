import { describe, expect, test } from "vitest";
import {
  joinNames,
  NAME_LIMIT,
  notApplicableWords,
  pointLetter,
  punctuate,
  sentence,
  units,
} from "../../src/present/words.js";

describe("punctuate: administrative list punctuation", () => {
  test.each([
    [[], []],
    [["Một"], ["Một."]],
    [
      ["Một", "Hai", "Ba"],
      ["Một;", "Hai;", "Ba."],
    ],
    // The item's own end punctuation is replaced, never doubled.
    [
      ["Một.", "Hai;", "Ba;"],
      ["Một;", "Hai;", "Ba."],
    ],
    [
      ["Một,", "Hai:", "Ba .  "],
      ["Một;", "Hai;", "Ba."],
    ],
    // An ellipsis is the item's end: kept, nothing added, wherever the item stands.
    [
      ["Cắt ngắn…", "Hai", "Cuối…"],
      ["Cắt ngắn…", "Hai;", "Cuối…"],
    ],
    [["Cắt ngắn… ;"], ["Cắt ngắn…"]],
    // Closing brackets and quotes are not end punctuation.
    [
      ["(xem Phụ lục IV)", "“Tết sum vầy”"],
      ["(xem Phụ lục IV);", "“Tết sum vầy”."],
    ],
  ])("%j → %j", (items, expected) => expect(punctuate(items)).toEqual(expected));
});

describe("pointLetter: the Vietnamese alphabet without f, j, w, z; đ after d", () => {
  test("the 23 letters in order", () => {
    expect(Array.from({ length: 23 }, (_, i) => pointLetter(i)).join(" ")).toBe(
      "a b c d đ e g h i k l m n o p q r s t u v x y",
    );
  });
  test.each([
    [0, "a"],
    [4, "đ"],
    [5, "e"],
    [22, "y"],
    [23, "aa"],
    [27, "đđ"],
    [46, "aaa"],
  ])("%d → %s", (i, letter) => expect(pointLetter(i)).toBe(letter));
  test("never f, j, w or z", () => {
    for (let i = 0; i < 100; i++) expect(pointLetter(i)).not.toMatch(/[fjwz]/);
  });
});

describe("sentence: one full stop, upper-case first letter", () => {
  test.each([
    ["có 03 đơn vị", "Có 03 đơn vị."],
    ["Có 03 đơn vị.", "Có 03 đơn vị."],
    ["Có 03 đơn vị;  ", "Có 03 đơn vị."],
    ["đang cập nhật…", "đang cập nhật…"],
    ["đã làm gì?", "đã làm gì?"],
  ])("%s → %s", (text, expected) => expect(sentence(text)).toBe(expected));
});

describe("counted units and not_applicable wording", () => {
  test.each([
    [1, "01 đơn vị"],
    [9, "09 đơn vị"],
    [10, "10 đơn vị"],
    [1234, "1.234 đơn vị"],
  ])("units(%d) → %s", (n, text) => expect(units(n)).toBe(text));

  test("`không áp dụng` unless the catalogue words it", () => {
    expect(notApplicableWords({})).toBe("không áp dụng");
    expect(notApplicableWords({ not_applicable: "không phát sinh vụ việc" })).toBe("không phát sinh vụ việc");
  });

  test("names are joined with commas: unit names hold `và` themselves", () => {
    expect(joinNames(["Vụ Khoa học công nghệ và môi trường", "Thanh tra Bộ"])).toBe(
      "Vụ Khoa học công nghệ và môi trường, Thanh tra Bộ",
    );
    expect(NAME_LIMIT).toBe(10);
  });
});
