import { describe, expect, test } from "vitest";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { Consolidation } from "../../src/consolidate/consolidate.js";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { Config, DeadlineDay, RegistryUnit } from "../../src/model.js";
import {
  citeDocument,
  deadlineWords,
  guidanceSentence,
  opening,
  staffLines,
  submissionParagraphs,
} from "../../src/present/general.js";
import { makeConfig, makeUnitReport, testCatalog } from "../helpers/unit-report.js";

const catalog = testCatalog();
const ZERO_ZERO = /(^|[^\d.,])00($|[^\d.,])/u;

const unitsOf = (n: number, prefix = "Đơn vị"): RegistryUnit[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `U${String(i + 1).padStart(2, "0")}`,
    name: `${prefix} ${i + 1}`,
  }));

/** A situation: who must report, who sent what and when. */
interface Situation {
  registry: RegistryUnit[];
  /** code → date received; a unit absent here sent nothing. */
  valid?: Record<string, string>;
  rejected?: string[];
  deadlineDay?: DeadlineDay;
}

function situation(s: Situation): Consolidation {
  const entries: SubmissionEntry[] = [
    ...Object.entries(s.valid ?? {}).map(([code, submitted]) => {
      const unit = s.registry.find((u) => u.code === code) ?? { code, name: code };
      return { ...unit, file: `${code}.yaml`, report: makeUnitReport({ unit, submitted }), errors: 0 };
    }),
    ...(s.rejected ?? []).map((code) => ({ code, name: code, file: `${code}.yaml`, errors: 2 })),
  ];
  return consolidate({
    catalog,
    registry: s.registry,
    period: "semi-annual",
    year: 2022,
    deadline: "2022-06-10",
    ...(s.deadlineDay ? { deadlineDay: s.deadlineDay } : {}),
    entries,
  });
}

const onTime = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, "2022-06-08"]));

const four: RegistryUnit[] = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "CGD", name: "Cục Giám định" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
];

describe("submissionParagraphs: who reported, as of the report's date", () => {
  const situations: [string, Situation, boolean, string[]][] = [
    [
      "everyone on time",
      { registry: four, valid: onTime(["VP", "VKT", "CGD", "VQH"]) },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 04/04 đơn vị phải báo cáo; tất cả đều hợp lệ và được đưa vào tổng hợp.",
        "Về thời hạn, có 04 đơn vị gửi đúng hạn.",
        "Không có đơn vị nào chưa gửi báo cáo.",
      ],
    ],
    [
      "late with days, missing and rejected named",
      { registry: four, valid: { VP: "2022-06-13", VKT: "2022-06-08" }, rejected: ["CGD"] },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 03/04 đơn vị phải báo cáo, trong đó 02 báo cáo hợp lệ được đưa vào tổng hợp.",
        "Về thời hạn, có 01 đơn vị gửi đúng hạn; 01 đơn vị gửi chậm: Văn phòng Bộ (chậm 03 ngày).",
        "Còn 01 đơn vị chưa gửi báo cáo: Viện Quy hoạch đô thị và nông thôn quốc gia.",
        "Có 01 đơn vị gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp: Cục Giám định.",
      ],
    ],
    [
      "`trước ngày`: the deadline day itself is a day late",
      { registry: four.slice(0, 1), valid: { VP: "2022-06-10" }, deadlineDay: "late" },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 01/01 đơn vị phải báo cáo.",
        "Về thời hạn, có 01 đơn vị gửi chậm: Văn phòng Bộ (chậm 01 ngày).",
        "Không có đơn vị nào chưa gửi báo cáo.",
      ],
    ],
    [
      "nothing received yet: said in words",
      { registry: four.slice(0, 2) },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng chưa nhận được báo cáo của đơn vị nào trong số 02 đơn vị phải báo cáo.",
        "Còn 02 đơn vị chưa gửi báo cáo: Văn phòng Bộ, Viện Kinh tế xây dựng.",
      ],
    ],
    [
      "everything received was rejected",
      { registry: four.slice(0, 2), rejected: ["VP", "VKT"] },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 02/02 đơn vị phải báo cáo, trong đó không có báo cáo nào hợp lệ để đưa vào tổng hợp.",
        "Không có đơn vị nào chưa gửi báo cáo.",
        "Có 02 đơn vị gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp: Văn phòng Bộ, Viện Kinh tế xây dựng.",
      ],
    ],
    [
      "ten missing are named",
      { registry: unitsOf(11), valid: onTime(["U01"]) },
      true,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 01/11 đơn vị phải báo cáo.",
        "Về thời hạn, có 01 đơn vị gửi đúng hạn.",
        `Còn 10 đơn vị chưa gửi báo cáo: ${unitsOf(11)
          .slice(1)
          .map((u) => u.name)
          .join(", ")}.`,
        "Tình hình gửi báo cáo của từng đơn vị tại Phụ lục II.",
      ],
    ],
    [
      "eleven missing are counted; internal readers are pointed at Phụ lục II",
      { registry: unitsOf(12), valid: onTime(["U01"]) },
      true,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 01/12 đơn vị phải báo cáo.",
        "Về thời hạn, có 01 đơn vị gửi đúng hạn.",
        "Còn 11 đơn vị chưa gửi báo cáo.",
        "Tình hình gửi báo cáo của từng đơn vị tại Phụ lục II.",
      ],
    ],
    [
      "eleven missing are counted; the report sent outside has no Phụ lục II to point at",
      { registry: unitsOf(12), valid: onTime(["U01"]) },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 01/12 đơn vị phải báo cáo.",
        "Về thời hạn, có 01 đơn vị gửi đúng hạn.",
        "Còn 11 đơn vị chưa gửi báo cáo.",
      ],
    ],
    [
      "eleven late are counted",
      {
        registry: unitsOf(11),
        valid: Object.fromEntries(unitsOf(11).map((u) => [u.code, "2022-06-12"])),
      },
      true,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 11/11 đơn vị phải báo cáo; tất cả đều hợp lệ và được đưa vào tổng hợp.",
        "Về thời hạn, có 11 đơn vị gửi chậm.",
        "Không có đơn vị nào chưa gửi báo cáo.",
        "Tình hình gửi báo cáo của từng đơn vị tại Phụ lục II.",
      ],
    ],
    [
      "eleven rejected are counted",
      { registry: unitsOf(11), rejected: unitsOf(11).map((u) => u.code) },
      false,
      [
        "Đến ngày 20/6/2022, Bộ Xây dựng đã nhận được báo cáo của 11/11 đơn vị phải báo cáo, trong đó không có báo cáo nào hợp lệ để đưa vào tổng hợp.",
        "Không có đơn vị nào chưa gửi báo cáo.",
        "Có 11 đơn vị gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp.",
      ],
    ],
  ];

  test.each(situations)("%s", (_name, s, internal, expected) =>
    expect(submissionParagraphs(situation(s), "Bộ Xây dựng", "2022-06-20", internal)).toEqual(expected),
  );

  test("no `00` in any situation of up to three units, each on time, late, rejected or missing", () => {
    const registry = unitsOf(3);
    const states = ["on-time", "late", "rejected", "missing"] as const;
    for (const a of states)
      for (const b of states)
        for (const c of states) {
          const s: Situation = { registry, valid: {}, rejected: [] };
          [a, b, c].forEach((state, i) => {
            const code = registry[i]?.code ?? "";
            if (state === "on-time") s.valid![code] = "2022-06-08";
            if (state === "late") s.valid![code] = "2022-06-15";
            if (state === "rejected") s.rejected!.push(code);
          });
          for (const internal of [false, true]) {
            const text = submissionParagraphs(situation(s), "Bộ Xây dựng", "2022-06-20", internal);
            const where = `${a} ${b} ${c}: ${text.join(" ")}`;
            for (const p of text) {
              expect(p, where).not.toMatch(ZERO_ZERO);
              expect(p, where).toMatch(/\.$/);
            }
            // Phụ lục II is cited exactly when the report has it.
            expect(text.join(" ").includes("Phụ lục II"), where).toBe(internal);
          }
        }
  });
});

describe("citing documents: never without the number when it is known", () => {
  test.each([
    [
      { number: "1234/BXD-TCCB", date: "2022-04-18", issuer: "Bộ Xây dựng" },
      undefined,
      "Văn bản số 1234/BXD-TCCB ngày 18/4/2022 của Bộ Xây dựng",
    ],
    [
      { number: "1234/BXD-TCCB", date: "2022-04-18", issuer: "Bộ Xây dựng" },
      "Bộ Xây dựng",
      "Văn bản số 1234/BXD-TCCB ngày 18/4/2022",
    ],
    [
      { number: "", date: "2022-04-18", issuer: "Bộ Xây dựng" },
      undefined,
      "Văn bản ngày 18/4/2022 của Bộ Xây dựng",
    ],
    [{ number: "15/UBQG" }, undefined, "Văn bản số 15/UBQG"],
  ])("%j as cited by %s", (doc, issuer, expected) => expect(citeDocument(doc, issuer)).toBe(expected));

  test.each([
    ["late", "trước ngày 10/6/2022"],
    ["on-time", "chậm nhất ngày 10/6/2022"],
  ] as const)("deadline read %s: %s", (day, words) => expect(deadlineWords("2022-06-10", day)).toBe(words));
});

describe("opening: what the report answers, with number and date", () => {
  const registry = four;
  const phrase = "6 tháng đầu năm 2022";
  const letter = { number: "1234/BXD-TCCB" };
  const request = {
    number: "45/UBQG-VP",
    date: "2022-05-20",
    issuer: "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
    subject: "V/v báo cáo sơ kết công tác bình đẳng giới 6 tháng đầu năm 2022",
  };
  test.each([
    [
      "the guidance letter with its number",
      makeConfig(registry, { letter }),
      "Căn cứ Văn bản số 1234/BXD-TCCB ngày 18/4/2022 hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022 và báo cáo của các cơ quan, đơn vị thuộc Bộ, Bộ Xây dựng báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022 như sau:",
    ],
    [
      "the request it answers, first",
      makeConfig(registry, { letter, request }),
      "Thực hiện Văn bản số 45/UBQG-VP ngày 20/5/2022 của Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam về việc báo cáo sơ kết công tác bình đẳng giới 6 tháng đầu năm 2022, trên cơ sở báo cáo của các cơ quan, đơn vị thuộc Bộ, Bộ Xây dựng báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022 như sau:",
    ],
    [
      "no number when none is known",
      makeConfig(registry),
      "Căn cứ Văn bản ngày 18/4/2022 hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022 và báo cáo của các cơ quan, đơn vị thuộc Bộ, Bộ Xây dựng báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022 như sau:",
    ],
  ] as [string, Config, string][])("%s", (_name, config, expected) =>
    expect(opening(catalog, config, "Bộ Xây dựng", phrase, true)).toBe(expected),
  );

  test("a request without a subject is cited by number and date", () => {
    const { subject: _subject, ...bare } = request;
    const o = opening(catalog, makeConfig(registry, { letter, request: bare }), "Bộ Xây dựng", phrase, true);
    expect(o).toMatch(
      /^Thực hiện Văn bản số 45\/UBQG-VP ngày 20\/5\/2022 của Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam, trên cơ sở/,
    );
    expect(o).not.toContain("1234/BXD-TCCB");
  });

  test("a unit's own report cites the ministry's letter", () => {
    expect(opening(catalog, undefined, "Viện Kinh tế xây dựng", phrase, false)).toBe(
      "Thực hiện Văn bản ngày 18/4/2022 của Bộ Xây dựng về việc hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022, Viện Kinh tế xây dựng báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022 như sau:",
    );
  });
});

describe("guidanceSentence: I.1, what the ministry itself did", () => {
  test.each([
    [
      "its own letter, numbered; the catalogue's `trước ngày`",
      makeConfig(four, { letter: { number: "1234/BXD-TCCB" } }),
      "semi-annual",
      "2022-06-10",
      "late",
      "Ngày 18/4/2022, Bộ Xây dựng ban hành Văn bản số 1234/BXD-TCCB hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022, trong đó yêu cầu các cơ quan, đơn vị thuộc Bộ gửi báo cáo sơ kết 6 tháng đầu năm trước ngày 10/6/2022 (tính theo dấu công văn đến).",
    ],
    [
      "no number when none is known; the configuration's `chậm nhất ngày`",
      makeConfig(four, { deadline_day: "on-time" }),
      "annual",
      "2022-12-10",
      "on-time",
      "Ngày 18/4/2022, Bộ Xây dựng ban hành Văn bản hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022, trong đó yêu cầu các cơ quan, đơn vị thuộc Bộ gửi báo cáo tổng kết năm chậm nhất ngày 10/12/2022 (tính theo dấu công văn đến).",
    ],
    [
      "the rule the consolidation applied, when given",
      makeConfig(four),
      "semi-annual",
      "2022-06-10",
      "on-time",
      "Ngày 18/4/2022, Bộ Xây dựng ban hành Văn bản hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022, trong đó yêu cầu các cơ quan, đơn vị thuộc Bộ gửi báo cáo sơ kết 6 tháng đầu năm chậm nhất ngày 10/6/2022 (tính theo dấu công văn đến).",
    ],
    [
      "another issuer's letter, passed on to the units",
      makeConfig(four, {
        letter: { number: "99/LĐTBXH-BĐG", issuer: "Bộ Lao động - Thương binh và Xã hội" },
      }),
      "semi-annual",
      "2022-06-10",
      "late",
      "Bộ Xây dựng đã triển khai Văn bản số 99/LĐTBXH-BĐG ngày 18/4/2022 của Bộ Lao động - Thương binh và Xã hội hướng dẫn triển khai công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ năm 2022 tới các đơn vị, yêu cầu các đơn vị gửi báo cáo sơ kết 6 tháng đầu năm trước ngày 10/6/2022 (tính theo dấu công văn đến).",
    ],
  ] as [string, Config, "semi-annual" | "annual", string, DeadlineDay, string][])(
    "%s",
    (_name, config, period, deadline, day, expected) =>
      expect(guidanceSentence(catalog, config, "Bộ Xây dựng", period, deadline, day)).toBe(expected),
  );
});

describe("staffLines: summed over units, the share from the totals", () => {
  test("two units: (1 + 77) / (3 + 142), not the mean of the shares", () => {
    const a = makeUnitReport({ unit: { code: "VP", name: "Văn phòng Bộ" } });
    a.staff = {
      employees: { total: 3, female: 1 },
      unit_leaders: { total: 1, female: 0 },
      division_leaders: { total: 0, female: 0 },
      succession_pool: { total: 3, female: 1 },
    };
    const c = situation({ registry: four.slice(0, 2), valid: onTime(["VKT"]) });
    const both = consolidate({
      catalog,
      registry: four.slice(0, 2),
      period: "semi-annual",
      year: 2022,
      deadline: "2022-06-10",
      entries: [
        { code: "VP", name: "Văn phòng Bộ", file: "vp.yaml", report: a, errors: 0 },
        ...c.units.map((u) => ({
          code: u.code,
          name: u.name,
          file: "vkt.yaml",
          report: u.report,
          errors: 0,
        })),
      ],
    });
    expect(staffLines(catalog, both)).toEqual([
      { label: "Cán bộ, công chức, viên chức, người lao động", total: "145", female: "78", share: "53,8%" },
      {
        label: "Lãnh đạo cấp đơn vị (cấp vụ, cục, viện và tương đương)",
        total: "05",
        female: "01",
        share: "20,0%",
      },
      { label: "Lãnh đạo cấp phòng và tương đương", total: "24", female: "10", share: "41,7%" },
      { label: "Cán bộ trong diện quy hoạch lãnh đạo, quản lý", total: "33", female: "14", share: "42,4%" },
    ]);
  });
});
