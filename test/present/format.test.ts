import { describe, expect, test } from "vitest";
import {
  formatCount,
  formatDateFor,
  formatDateLong,
  formatDateShort,
  formatDateText,
  formatMillions,
  formatNumber,
  formatPercent,
  formatRatioPercent,
  formatShare,
  formatShareChange,
  formatSignedNumber,
} from "../../src/present/format.js";

describe("formatNumber", () => {
  test.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1.000"],
    [21_500_000, "21.500.000"],
    [1_234_567_890, "1.234.567.890"],
    [-1200, "-1.200"],
  ])("%d → %s", (n, text) => expect(formatNumber(n)).toBe(text));
});

describe("formatCount: leading zero below 10 in running text", () => {
  test.each([
    [0, "00"],
    [8, "08"],
    [9, "09"],
    [10, "10"],
    [214, "214"],
    [1500, "1.500"],
    [-3, "-3"], // only 0 to 9 take the zero
  ])("%d → %s", (n, text) => expect(formatCount(n)).toBe(text));
});

describe("formatPercent: exact half-up rounding on the ratio of integers", () => {
  test.each([
    [77, 142, "54,2%"],
    [1, 8, "12,5%"],
    [2, 3, "66,7%"],
    [1, 3, "33,3%"],
    [1, 16, "6,3%"], // 6.25 rounds up
    [3, 16, "18,8%"], // 18.75
    [1, 200, "0,5%"],
    [1, 2001, "0,0%"],
    [0, 5, "0,0%"],
    [5, 5, "100,0%"],
    [13, 30, "43,3%"],
    [0, 0, "-"],
  ])("%d/%d → %s", (part, whole, text) => expect(formatPercent(part, whole)).toBe(text));

  test("exact halves round up where binary floating point would land just below", () => {
    // 23 / 80 is exactly 28.75%, but (23 / 80) * 100 is 28.749999… as a float, which would round down to 28,7.
    expect(formatPercent(23, 80)).toBe("28,8%");
    expect(formatPercent(29, 400)).toBe("7,3%"); // 7.25%
    expect(formatPercent(1, 2000)).toBe("0,1%"); // 0.05%
  });

  test("large totals keep their precision", () => {
    expect(formatPercent(1_000_000_000_001, 2_000_000_000_000)).toBe("50,0%");
  });
});

describe("formatShare (table cells under `Tỷ lệ %`)", () => {
  test.each([
    [77, 142, "54,2"],
    [0, 0, "-"],
    [1, 8, "12,5"],
  ])("%d/%d → %s", (part, whole, text) => expect(formatShare(part, whole)).toBe(text));
});

describe("formatShareChange: percentage points, exact", () => {
  test.each([
    [3, 10, 1, 2, "+20,0"],
    [1, 2, 3, 10, "-20,0"],
    [1, 3, 1, 3, "0,0"],
    [1, 3, 2, 3, "+33,3"],
    [77, 142, 154, 284, "0,0"],
    [0, 0, 1, 2, "-"],
    [1, 2, 0, 0, "-"],
  ])("%d/%d → %d/%d: %s", (pb, wb, pa, wa, text) => expect(formatShareChange(pb, wb, pa, wa)).toBe(text));
});

describe("formatSignedNumber", () => {
  test.each([
    [3, "+3"],
    [-1200, "-1.200"],
    [0, "0"],
  ])("%d → %s", (n, text) => expect(formatSignedNumber(n)).toBe(text));
});

describe("formatRatioPercent", () => {
  test.each([
    [0.4, "40%"],
    [0.35, "35%"],
    [0.355, "35,5%"],
    [0.07, "7%"],
    [1, "100%"],
  ])("%d → %s", (ratio, text) => expect(formatRatioPercent(ratio)).toBe(text));
});

describe("dates (Nghị định 30/2020/NĐ-CP)", () => {
  test.each([
    ["2022-06-08", "ngày 08 tháng 6 năm 2022"],
    ["2022-02-05", "ngày 05 tháng 02 năm 2022"],
    ["2022-01-15", "ngày 15 tháng 01 năm 2022"],
    ["2022-12-10", "ngày 10 tháng 12 năm 2022"],
    ["2022-03-31", "ngày 31 tháng 3 năm 2022"],
  ])("%s → %s", (iso, text) => expect(formatDateLong(iso)).toBe(text));

  test.each([
    ["2022-06-01", "ngày 01 tháng 6 năm 2022"],
    ["2022-06-09", "ngày 09 tháng 6 năm 2022"],
    ["2022-06-10", "ngày 10 tháng 6 năm 2022"],
    ["2022-01-20", "ngày 20 tháng 01 năm 2022"],
    ["2022-02-20", "ngày 20 tháng 02 năm 2022"],
    ["2022-03-20", "ngày 20 tháng 3 năm 2022"],
    ["2022-12-20", "ngày 20 tháng 12 năm 2022"],
  ])("a leading zero on a day below 10 and on the months 1 and 2, on nothing else: %s → %s", (iso, text) =>
    expect(formatDateLong(iso)).toBe(text),
  );

  test.each([
    ["2022-06-08", "08/06/2022"],
    ["2022-12-10", "10/12/2022"],
    ["2022-01-01", "01/01/2022"],
    ["2022-11-09", "09/11/2022"],
  ])("short %s → %s", (iso, text) => expect(formatDateShort(iso)).toBe(text));

  test("in messages: day/month/year for a Vietnamese reader, ISO for an English one", () => {
    expect(formatDateFor("vi", "2022-06-08")).toBe("08/06/2022");
    expect(formatDateFor("en", "2022-06-08")).toBe("2022-06-08");
  });
});

describe("formatDateText: running text, lists and tables, the leading zeros of the place-and-date line", () => {
  test.each([
    ["2022-04-26", "26/4/2022"],
    ["2022-06-08", "08/6/2022"],
    ["2022-06-09", "09/6/2022"],
    ["2022-06-10", "10/6/2022"],
    ["2022-01-05", "05/01/2022"],
    ["2022-02-28", "28/02/2022"],
    ["2022-03-01", "01/3/2022"],
    ["2022-12-10", "10/12/2022"],
    ["2021-12-31", "31/12/2021"],
  ])("%s → %s", (iso, text) => expect(formatDateText(iso)).toBe(text));
});

describe("formatMillions: đồng in millions, one decimal, half up on the integer", () => {
  test.each([
    [0, "0,0"],
    [1_000_000, "1,0"],
    [1_249_950, "1,2"], // 1,24995 million: below the half
    [1_249_999, "1,2"],
    [1_250_000, "1,3"], // exactly the half rounds up
    [1_290_000_000, "1.290,0"],
    [21_500_000, "21,5"],
    [49_999, "0,0"],
    [50_000, "0,1"],
    [999_950_000, "1.000,0"], // the carry reaches the thousands
    [-1_250_000, "-1,3"], // half away from zero
    [-1_249_999, "-1,2"],
    [-40_000, "0,0"], // rounds to zero: no "-0,0"
    [1_234_567_890_123, "1.234.567,9"], // large totals keep their precision
  ])("%d → %s", (vnd, text) => expect(formatMillions(vnd)).toBe(text));

  test("never breaks inside a number: no space of any kind", () => {
    for (const n of [0, 1, 999_999, 12_345_678, 9_876_543_210])
      expect(formatMillions(n)).toMatch(/^[\d.,-]+$/);
  });
});
