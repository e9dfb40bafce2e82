import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { consolidate } from "../../src/consolidate/consolidate.js";
import type { Consolidation } from "../../src/consolidate/consolidate.js";
import type {
  Activity,
  Catalog,
  Config,
  PeriodKey,
  RegistryUnit,
  TaskReport,
  UnitReport,
} from "../../src/model.js";
import {
  exampleText,
  MAX_ACTIVITIES,
  MAX_EXAMPLES,
  MAX_THEMES,
  synthesise,
  type Synthesis,
  type ThemeList,
} from "../../src/synthesise/synthesis.js";
import { DEFAULT_THEME_THRESHOLD, themeFeatures, themeSimilarity } from "../../src/synthesise/themes.js";
import { makeUnitReport, testCatalog, entriesOf } from "../helpers/unit-report.js";
import { leanOf } from "../../src/validate/check-fast.js";
import { atScale } from "../helpers/at-scale.js";
import { runs } from "../helpers/property.js";

const catalog = testCatalog();
const ROOT = new URL("../../", import.meta.url).pathname;

function consolidation(
  registry: readonly RegistryUnit[],
  reports: readonly UnitReport[],
  period: PeriodKey = "semi-annual",
  guidance: Catalog = catalog,
): Consolidation {
  return consolidate({
    catalog: guidance,
    registry,
    period,
    year: 2022,
    deadline: guidance.periods[period].deadline,
    entries: entriesOf(reports),
  });
}

function synthesisOf(registry: readonly RegistryUnit[], reports: readonly UnitReport[]): Synthesis {
  return synthesise(consolidation(registry, reports), catalog, registry);
}

/** The synthesis of reports held without their summaries, each read again (whole) when asked for. */
function leanSynthesisOf(registry: readonly RegistryUnit[], reports: readonly UnitReport[]): Synthesis {
  const entries = entriesOf(reports).map((e) => {
    if (!e.report) return e;
    const whole = e.report;
    const { report, leftOut } = leanOf(whole, "");
    return { ...e, report, leftOut, whole: () => whole };
  });
  const c = consolidate({
    catalog,
    registry,
    period: "semi-annual",
    year: 2022,
    deadline: catalog.periods["semi-annual"].deadline,
    entries,
  });
  return synthesise(c, catalog, registry);
}

/** The index of a sub-task in `Synthesis.tasks` (catalogue order). */
function taskIndex(path: string): number {
  const i = catalog.groups.flatMap((g) => g.tasks.map((t) => `${g.key}.${t.key}`)).indexOf(path);
  if (i < 0) throw new Error(path);
  return i;
}

/** The example set: every unit done with a summary of its own, and given tasks overridden. */
function report(
  unit: RegistryUnit,
  tasks: Record<string, Partial<TaskReport>> = {},
  extra: Partial<UnitReport> = {},
) {
  const overrides: Record<string, Record<string, Partial<TaskReport>>> = {};
  for (const [path, t] of Object.entries(tasks)) {
    const [g = "", k = ""] = path.split(".");
    (overrides[g] ??= {})[k] = t;
  }
  return makeUnitReport({
    unit: { code: unit.code, name: unit.name },
    tasks: overrides,
    activities: [],
    ...extra,
  });
}

const FIGURE = /\d+(?:[.,/]\d+)*%?/gu;
const figures = (text: string): string[] => text.match(FIGURE) ?? [];

/** Brackets and quotes opened and not closed. */
function openBrackets(text: string): number {
  let depth = 0;
  for (const c of text) {
    if ("([“".includes(c)) depth++;
    else if (")]”".includes(c)) depth = Math.max(0, depth - 1);
  }
  return depth;
}

describe("exampleText: the summary, or its first sentence when long", () => {
  const long = (s: string) => s.padEnd(200, " thêm nội dung");
  test.each([
    [
      "short: whole",
      "Tổ chức 02 lớp bồi dưỡng. Đạt kết quả tốt.",
      "Tổ chức 02 lớp bồi dưỡng. Đạt kết quả tốt.",
      false,
    ],
    ["trimmed", "  Tổ chức 02 lớp bồi dưỡng.  ", "Tổ chức 02 lớp bồi dưỡng.", false],
    [
      "long: the first sentence",
      long("Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người. Ngoài ra còn"),
      "Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người.",
      true,
    ],
    [
      "a sentence may start with a figure",
      long("Ban đã tổ chức 02 lớp bồi dưỡng. 45 lượt người tham gia"),
      "Ban đã tổ chức 02 lớp bồi dưỡng.",
      true,
    ],
    [
      "two spaces after the full stop end the sentence too",
      long("Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người.  Ngoài ra còn"),
      "Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người.",
      true,
    ],
    ...["“", '"', "("].map((mark): [string, string, string, boolean] => [
      `a sentence may start with \`${mark}\``,
      long(`Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người. ${mark}Tháng hành động vì bình đẳng giới`),
      "Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người.",
      true,
    ]),
    [
      "a full stop inside a date or a number is no sentence end",
      long("Ban hành Kế hoạch số 15/KH-VKT ngày 22.4.2022 về bình đẳng giới. Sau đó"),
      "Ban hành Kế hoạch số 15/KH-VKT ngày 22.4.2022 về bình đẳng giới.",
      true,
    ],
    [
      "a full stop inside brackets is no sentence end",
      "Tổ chức 02 lớp bồi dưỡng (khai giảng ngày 15/3. Bế giảng ngày 20/3) cho 45 lượt người tham gia. Đồng thời phối hợp với Công đoàn tổ chức nhiều hoạt động khác cho nữ cán bộ dịp 8/3 và 20/10.",
      "Tổ chức 02 lớp bồi dưỡng (khai giảng ngày 15/3. Bế giảng ngày 20/3) cho 45 lượt người tham gia.",
      true,
    ],
    [
      "a long first sentence is cut at its last clause, the semicolon, with no ellipsis",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Viện; trong kỳ đã ban hành Kế hoạch số 15/KH-VKT ngày 22/4/2022 triển khai văn bản hướng dẫn của Bộ Xây dựng tới toàn thể viên chức, người lao động của Viện.",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Viện",
      true,
    ],
    [
      "a first sentence of fair length is kept whole",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Viện; trong kỳ đã ban hành 02 văn bản. Chi tiết như sau: Kế hoạch số 15/KH-VKT.",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Viện; trong kỳ đã ban hành 02 văn bản.",
      true,
    ],
    [
      "never cut inside brackets: at a clause before them",
      "Ban đã phối hợp với cấp ủy, lãnh đạo Viện rà soát tình hình cán bộ nữ tham gia lãnh đạo, quản lý (lãnh đạo cấp đơn vị có 01/04 người là nữ, lãnh đạo cấp phòng có 10/24 người là nữ, quy hoạch có 13/30 người là nữ, đạt 43,3%) và tham mưu ban hành kế hoạch đào tạo, bồi dưỡng cán bộ nữ giai đoạn 2022 - 2025.",
      "Ban đã phối hợp với cấp ủy, lãnh đạo Viện rà soát tình hình cán bộ nữ tham gia lãnh đạo…",
      true,
    ],
  ])("%s", (_name, summary, text, shortened) => expect(exampleText(summary)).toEqual({ text, shortened }));

  // A sentence that announces a list ("02 văn bản gồm:") and is cut after its first item would tell the reader
  // that item is all there is. Texts from examples/2022 and 2023, where not stated otherwise.
  const KTXD =
    "Trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản gồm: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022; Thông báo số 11/TB-KTXD ngày 05/5/2022 về việc quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới và chế độ đối với lao động nữ. Các chế độ, chính sách đối với lao động nữ được thực hiện đầy đủ.";
  test.each([
    [
      "a list announced with `gồm` and a count, cut after its first item: cut before the announcement",
      KTXD,
      "Trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản",
    ],
    ...[", bao gồm:", " như sau:", " sau đây:", " sau:", " gồm :"].map((announced) => [
      `…announced with \`${announced}\`, alike`,
      KTXD.replace(" gồm:", announced),
      "Trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản",
    ]),
    [
      "…typed with combining marks, alike",
      KTXD.normalize("NFD"),
      "Trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản".normalize("NFD"),
    ],
    [
      "a count before the colon announces a list too",
      "Trong năm 2022, Thanh tra Bộ đã ban hành 02 kế hoạch: Kế hoạch số 06/KH-TTr ngày 11/3/2022 triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030; Kế hoạch số 17/KH-TTr ngày 06/9/2022 thực hiện Chương trình truyền thông về bình đẳng giới đến năm 2030 và Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 - 2025. Các nội dung được triển khai gắn với nhiệm vụ chuyên môn.",
      "Trong năm 2022, Thanh tra Bộ đã ban hành 02 kế hoạch",
    ],
    [
      "a count that opens the sentence, two spaces before its noun (invented text)",
      "02  kế hoạch: Kế hoạch số 06/KH-TTr ngày 11/3/2022 triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030; Kế hoạch số 17/KH-TTr ngày 06/9/2022 thực hiện Chương trình truyền thông về bình đẳng giới đến năm 2030 và Chương trình Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 - 2025. Các nội dung được triển khai gắn với nhiệm vụ chuyên môn.",
      "02  kế hoạch",
    ],
    [
      "two items kept of three announced: still short, cut before the announcement",
      "Ban đã tham mưu ban hành 03 văn bản gồm: Kế hoạch số 86/KH-ĐHXDHN ngày 21/02/2022 hoạt động năm 2022 của Ban; Thông báo số 90/TB-ĐHXDHN ngày 25/02/2022 phân công nhiệm vụ thành viên Ban; Kế hoạch số 210/KH-ĐHXDHN ngày 08/7/2022 công tác 6 tháng cuối năm 2022 của Ban, bám sát văn bản hướng dẫn của Bộ và chương trình công tác của Nhà trường.",
      "Ban đã tham mưu ban hành 03 văn bản",
    ],
    [
      "a list without a count (`như sau`) is short wherever it is cut",
      "Ban đã phối hợp với Công đoàn tổ chức các hoạt động như sau: gặp mặt, tặng hoa nữ công chức, viên chức nhân Ngày Quốc tế Phụ nữ 8/3; thăm hỏi, tặng quà nữ người lao động có hoàn cảnh khó khăn; tọa đàm về vai trò của phụ nữ trong gia đình và xã hội; giao lưu văn nghệ, thể thao chào mừng Ngày Phụ nữ Việt Nam 20/10.",
      "Ban đã phối hợp với Công đoàn tổ chức các hoạt động",
    ],
    [
      "cut at a comma inside the list: before the announcement too, with no ellipsis",
      "Trong năm 2022, Ban đã tham mưu ban hành 03 văn bản gồm: Quyết định số 24/QĐ-TTr ngày 06/01/2022 ban hành Quy chế chi tiêu nội bộ năm 2022, trong đó quy định mức hỗ trợ lao động nữ nhân dịp 8/3 và 20/10, Kế hoạch số 07/KH-TTr ngày 23/3/2022 hoạt động năm 2022 của Ban, Kế hoạch số 13/KH-TTr ngày 13/7/2022 công tác 6 tháng cuối năm 2022 của Ban.",
      "Trong năm 2022, Ban đã tham mưu ban hành 03 văn bản",
    ],
    [
      "an uncounted list with too little before it to stand alone (`Cụ thể`) is cut as any sentence",
      "Cụ thể: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022; Thông báo số 11/TB-KTXD ngày 05/5/2022 về việc quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới và chế độ đối với lao động nữ. Các chế độ được thực hiện đầy đủ.",
      "Cụ thể: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022",
    ],
    [
      "…but five words before it stand alone",
      "Ban tổ chức hoạt động như sau: gặp mặt, tặng hoa nữ công chức, viên chức nhân Ngày Quốc tế Phụ nữ 8/3; thăm hỏi, tặng quà nữ người lao động có hoàn cảnh khó khăn; tọa đàm về vai trò của phụ nữ trong gia đình và xã hội; giao lưu văn nghệ, thể thao.",
      "Ban tổ chức hoạt động",
    ],
    ...[
      ["a double space before the announcing word", "Kết quả cụ thể  như sau"],
      ["a double space between the words before it", "Kết quả  cụ thể như sau"],
    ].map(([where, lead]) => [
      `…and with ${where}, still four words: cut as any sentence`,
      `${lead}: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022; Thông báo số 11/TB-KTXD ngày 05/5/2022 về việc quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới.`,
      `${lead}: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022`,
    ]),
    [
      "a space typed before the comma ahead of `gồm` is left out with the comma",
      KTXD.replace(" gồm:", " , gồm:"),
      "Trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản",
    ],
    [
      "…and `cụ thể` after five words announces a list too",
      "Ban đã tổ chức nhiều hoạt động cụ thể: gặp mặt, tặng hoa nữ công chức, viên chức nhân Ngày Quốc tế Phụ nữ 8/3; thăm hỏi, tặng quà nữ người lao động có hoàn cảnh khó khăn; tọa đàm về vai trò của phụ nữ trong gia đình và xã hội; giao lưu văn nghệ, thể thao chào mừng Ngày Phụ nữ Việt Nam 20/10.",
      "Ban đã tổ chức nhiều hoạt động",
    ],
    [
      "…and `Kết quả cụ thể như sau`, alike",
      "Kết quả cụ thể như sau: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022; Thông báo số 11/TB-KTXD ngày 05/5/2022 về việc quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới.",
      "Kết quả cụ thể như sau: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022",
    ],
    [
      "the items counted are those after the colon, not a clause before it",
      "Ban họp định kỳ hằng quý; trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản gồm: Kế hoạch số 04/KH-KTXD ngày 21/01/2022 về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022; Thông báo số 11/TB-KTXD ngày 05/5/2022 về việc quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới.",
      "Ban họp định kỳ hằng quý; trong 6 tháng đầu năm 2022, Ban đã tham mưu ban hành 02 văn bản",
    ],
    [
      "as many items kept as announced: the list is whole, cut after it as before",
      "Ban hành 02 văn bản gồm: Kế hoạch số 46/KH-ĐHKT ngày 28/01/2023 hoạt động năm 2023 của Ban; Kế hoạch số 142/KH-ĐHKT ngày 06/7/2023 công tác 6 tháng cuối năm 2023 của Ban; Ban duy trì họp định kỳ hằng quý để đánh giá kết quả và triển khai nhiệm vụ.",
      "Ban hành 02 văn bản gồm: Kế hoạch số 46/KH-ĐHKT ngày 28/01/2023 hoạt động năm 2023 của Ban; Kế hoạch số 142/KH-ĐHKT ngày 06/7/2023 công tác 6 tháng cuối năm 2023 của Ban",
    ],
    [
      "…and with the count four syllables before the colon, after another number (invented text)",
      "Trong 6 tháng đầu năm 2022, Ban ban hành 02 văn bản hướng dẫn gồm: Kế hoạch số 46/KH-ĐHKT ngày 28/01/2022 hoạt động năm 2022 của Ban; Kế hoạch số 142/KH-ĐHKT ngày 06/7/2022 công tác 6 tháng cuối năm của Ban; Ban duy trì họp định kỳ hằng quý để đánh giá kết quả.",
      "Trong 6 tháng đầu năm 2022, Ban ban hành 02 văn bản hướng dẫn gồm: Kế hoạch số 46/KH-ĐHKT ngày 28/01/2022 hoạt động năm 2022 của Ban; Kế hoạch số 142/KH-ĐHKT ngày 06/7/2022 công tác 6 tháng cuối năm của Ban",
    ],
    [
      "the announcement after the cut: cut as before",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Cục; trong năm đã ban hành 02 văn bản gồm: Kế hoạch số 17/KH-HĐXD ngày 28/4/2023 triển khai văn bản hướng dẫn của Bộ Xây dựng về công tác bình đẳng giới năm 2023; Thông báo số 38/TB-HĐXD ngày 18/11/2023 về việc phổ biến Luật Phòng, chống bạo lực gia đình.",
      "Tiếp tục triển khai các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về bình đẳng giới gắn với nhiệm vụ chính trị của Cục",
    ],
    [
      "a colon that announces no list (no count, no `gồm`): cut as before",
      "Hai Tháng hành động năm 2022 được triển khai với các hình thức: phát động, treo khẩu hiệu tại trụ sở, đăng tin trên Báo Xây dựng điện tử, sinh hoạt chuyên đề về phòng, chống bạo lực gia đình; 06 hoạt động đã được tổ chức với 205 lượt người tham gia (120 lượt nữ).",
      "Hai Tháng hành động năm 2022 được triển khai với các hình thức: phát động, treo khẩu hiệu tại trụ sở, đăng tin trên Báo Xây dựng điện tử, sinh hoạt chuyên đề về phòng, chống bạo lực gia đình",
    ],
    [
      "a year before the colon is no count (invented text)",
      "Các hoạt động tiếp tục được triển khai theo kế hoạch năm 2022 của Ban: phát động, treo khẩu hiệu tại trụ sở, đăng tin trên Báo Xây dựng điện tử, sinh hoạt chuyên đề về phòng, chống bạo lực gia đình; 06 hoạt động đã được tổ chức với 205 lượt người tham gia (120 lượt nữ).",
      "Các hoạt động tiếp tục được triển khai theo kế hoạch năm 2022 của Ban: phát động, treo khẩu hiệu tại trụ sở, đăng tin trên Báo Xây dựng điện tử, sinh hoạt chuyên đề về phòng, chống bạo lực gia đình",
    ],
    [
      "a list announced and closed inside brackets: cut as before (invented text)",
      "Ban đã tham mưu ban hành các văn bản về công tác bình đẳng giới (02 văn bản gồm: Kế hoạch số 04/KH-KTXD và Thông báo số 11/TB-KTXD) tới các phòng chuyên môn, công chức, viên chức, người lao động của Cục; tổ chức quán triệt, thực hiện các chính sách, pháp luật về bình đẳng giới và chế độ đối với lao động nữ trong toàn Cục.",
      "Ban đã tham mưu ban hành các văn bản về công tác bình đẳng giới (02 văn bản gồm: Kế hoạch số 04/KH-KTXD và Thông báo số 11/TB-KTXD) tới các phòng chuyên môn, công chức, viên chức, người lao động của Cục",
    ],
  ])("a list the sentence announces is never cut short: %s", (_name, summary, text) =>
    expect(exampleText(summary)).toEqual({ text, shortened: true }),
  );

  test("a mark with nothing before it ends no sentence: the example is the sentence after it", () => {
    const summary = `… Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người. ${"Nội dung chi tiết của lớp học. ".repeat(6)}`;
    expect(exampleText(summary)).toEqual({
      text: "… Ban đã tổ chức 02 lớp bồi dưỡng cho 45 lượt người.",
      shortened: true,
    });
  });

  test("160 characters are kept whole, 161 give the first sentence; a first sentence of 240 is not cut", () => {
    const first = "Ban đã tổ chức 02 lớp bồi dưỡng.";
    const of = (length: number) => `${first} ${"Nội dung ".repeat(40)}`.slice(0, length - 1) + ".";
    expect(exampleText(of(160))).toEqual({ text: of(160), shortened: false });
    expect(exampleText(of(161))).toEqual({ text: first, shortened: true });
    const sentence = "Ban đã tổ chức lớp bồi dưỡng, ".repeat(10).slice(0, 239) + ".";
    expect(sentence).toHaveLength(240);
    expect(exampleText(`${sentence} Sau đó còn nhiều nội dung.`)).toEqual({
      text: sentence,
      shortened: true,
    });
  });

  test("a clause boundary counts only past the first third of 240 characters and outside brackets", () => {
    // One first sentence of 253 characters (past 240), its only clause boundary at a given index.
    const sentence = (at: number) => `${"x".repeat(at)}, ${"y".repeat(250 - at)}.`;
    const summary = (first: string) => `${first} Sau đó còn nhiều nội dung khác.`;
    expect(exampleText(summary(sentence(80)))).toEqual({ text: sentence(80), shortened: true });
    expect(exampleText(summary(sentence(81)))).toEqual({ text: `${"x".repeat(81)}…`, shortened: true });
    // No clause boundary at all: the first sentence whole, however long.
    const plain = `${"x".repeat(252)}.`;
    expect(exampleText(summary(plain))).toEqual({ text: plain, shortened: true });
    // A bracket opened at the very start and still open at the comma: no boundary there.
    const bracketed = `(${"x".repeat(100)}, ${"y".repeat(150)}) z.`;
    expect(exampleText(summary(bracketed))).toEqual({ text: bracketed, shortened: true });
  });

  test("for summaries of every length and bracket placement: a prefix, nothing left open, long only when a whole sentence", () => {
    const words = "Ban đã tổ chức lớp bồi dưỡng cho cán bộ nữ trong diện quy hoạch của đơn vị".split(" ");
    for (let n = 5; n < 80; n += 3)
      for (const open of [0, 1, 7, 20, 40])
        for (const stop of [-1, 4, 12, 30]) {
          const parts = Array.from({ length: n }, (_, i) => words[i % words.length] ?? "");
          if (open < n) {
            parts[open] = `(${parts[open]}`;
            const close = Math.min(n - 1, open + 6);
            parts[close] = `${parts[close]})`;
          }
          if (stop >= 0 && stop < n) parts[stop] = `${parts[stop]}. Kết`;
          const summary = `${parts.join(" ")}.`;
          const { text, shortened } = exampleText(summary);
          const where = `${summary} → ${text}`;
          // Beyond a cut's length only a whole first sentence, which no clause could shorten.
          if (text.length > 241) expect(text.endsWith("."), where).toBe(true);
          expect(openBrackets(text), where).toBe(0);
          expect(shortened, where).toBe(text !== summary);
          // A prefix of the summary, but for a leading bracket that was dropped.
          const stem = text.replace(/…$/u, "");
          expect(summary.startsWith(stem) || summary.slice(1).startsWith(stem), where).toBe(true);
        }
  });
});

describe("examples: at most three per sub-task, chosen by the stated rule", () => {
  const path = "female_cadres.leadership_training";
  const i = taskIndex(path);
  let serial = 0;
  const training = (classes: number, total: number, summary?: string): Partial<TaskReport> => ({
    status: "done",
    classes,
    participants: { total, female: 0 },
    // Distinct openings, so that only the tests about copied wording have any.
    summary: summary ?? `Lần ${++serial}: tổ chức ${classes} lớp cho ${total} lượt người.`,
  });
  const picked = (registry: RegistryUnit[], tasks: Record<string, Partial<TaskReport>>) => {
    const reports = registry.map((u) => report(u, tasks[u.code] ? { [path]: tasks[u.code] ?? {} } : {}));
    const examples = synthesisOf(registry, reports).tasks[i]?.examples;
    // Held lean, as a build holds them, with the summaries read again: the same examples, the same words.
    expect(leanSynthesisOf(registry, reports).tasks[i]?.examples).toEqual(examples);
    return examples?.map((e) => e.code);
  };

  const units = (...codes: string[]): RegistryUnit[] =>
    codes.map((code) => ({ code, name: `Đơn vị ${code}` }));
  const advisory = (code: string): RegistryUnit => ({ code, name: `Vụ ${code}`, kind: "advisory" });

  test.each([
    [
      "the largest figures first (classes and people summed)",
      units("A", "B", "C", "D"),
      { A: training(1, 10), B: training(2, 200), C: training(1, 50), D: training(5, 100) },
      ["B", "D", "C"],
    ],
    [
      "advisory units first, however small their figures; then the largest",
      [
        ...units("A", "B"),
        advisory("V1"),
        { code: "S", name: "Viện S", kind: "service" as const },
        advisory("V2"),
      ],
      { A: training(9, 900), B: training(1, 1), V1: training(1, 1), S: training(8, 800), V2: training(1, 5) },
      ["V2", "V1", "A"],
    ],
    [
      "results before the rest: an advisory unit with no figures or still at work comes after those done with figures",
      [...units("A", "B"), advisory("V1"), advisory("V2"), advisory("V3")],
      {
        A: training(1, 10),
        B: training(2, 20),
        V1: training(0, 0),
        V2: { ...training(3, 30), status: "in_progress" },
        V3: training(1, 1),
      },
      ["V3", "B", "A"],
    ],
    [
      "a figure left out counts as nothing, not against the rest",
      units("B", "A"),
      {
        B: training(1, 10),
        // No number of classes given.
        A: {
          status: "done",
          classes: undefined,
          participants: { total: 100, female: 0 },
          summary: "Cử 100 lượt người dự lớp.",
        },
      },
      ["A", "B"],
    ],
    [
      "ties keep the registry order",
      units("Z", "Y", "X", "W"),
      { Z: training(1, 10), Y: training(1, 10), X: training(1, 10), W: training(1, 10) },
      ["Z", "Y", "X"],
    ],
    [
      "only units that did it or are doing it, with a summary",
      units("A", "B", "C", "D", "E"),
      {
        A: { status: "not_started" },
        B: { status: "not_applicable", summary: "Không có nội dung để triển khai." },
        C: { ...training(1, 10), summary: "" },
        D: { ...training(1, 1), status: "in_progress" },
        E: training(2, 20),
      },
      ["E", "D"],
    ],
    [
      "units whose summaries open with the same eight words count once, the first in the rule's order",
      units("A", "B", "C", "D"),
      {
        A: training(1, 10, "Ban đã tham mưu tổ chức lớp bồi dưỡng kỹ năng cho nữ cán bộ của Vụ."),
        B: training(3, 300, "Ban đã tham mưu tổ chức lớp bồi dưỡng kỹ năng cho nữ cán bộ của Viện."),
        C: training(2, 200, "BAN ĐÃ THAM MƯU TỔ CHỨC LỚP BỒI DƯỠNG kỹ năng lãnh đạo."),
        // The eighth word differs: another opening.
        D: training(1, 5, "Ban đã tham mưu tổ chức lớp tập huấn nghiệp vụ riêng."),
      },
      ["B", "D"],
    ],
    [
      "the same opening typed with combining marks counts once too",
      units("A", "B"),
      {
        A: training(2, 20, "Ban đã tham mưu tổ chức lớp bồi dưỡng kỹ năng A."),
        B: training(1, 10, "Ban đã tham mưu tổ chức lớp bồi dưỡng kỹ năng B.".normalize("NFD")),
      },
      ["A"],
    ],
    ["no unit with a summary: no example", units("A"), { A: { ...training(1, 1), summary: "" } }, []],
  ] as [string, RegistryUnit[], Record<string, Partial<TaskReport>>, string[]][])(
    "%s",
    (_name, registry, tasks, expected) => expect(picked(registry, tasks)).toEqual(expected),
  );

  // Unit B answers no to the plan and A yes, each with the same number of inspections; B comes first in the registry.
  test.each([
    ["a flag answered yes is a result; a flag answered no, with every count at zero, is not", 0],
    ["the unit with more results leads: a flag answered yes weighs one, a flag answered no nothing", 1],
  ])("%s", (_name, inspections) => {
    const registry = units("B", "A");
    const inspection = (flag: boolean): Partial<TaskReport> => ({
      status: "done",
      plan_issued: flag,
      inspections,
      cross_inspections: 0,
      summary: `Kế hoạch kiểm tra ${flag ? "đã ban hành" : "chưa có"}; đã kiểm tra ${inspections} lượt.`,
    });
    const s = synthesisOf(registry, [
      report(registry[0]!, { "inspection.inspection": inspection(false) }),
      report(registry[1]!, { "inspection.inspection": inspection(true) }),
    ]);
    expect(s.tasks[taskIndex("inspection.inspection")]?.examples.map((e) => e.code)).toEqual(["A", "B"]);
  });

  test("names and texts: the registry's name, a long summary shortened to its first sentence", () => {
    const registry = [{ code: "VKT", name: "Viện Kinh tế xây dựng" }];
    const long = `Viện đã tổ chức 01 lớp bồi dưỡng cho nữ lãnh đạo, quản lý. ${"Nội dung chi tiết của lớp học. ".repeat(8)}`;
    const s = synthesisOf(registry, [report(registry[0]!, { [path]: training(1, 37, long) })]);
    expect(s.tasks[i]?.examples).toEqual([
      {
        code: "VKT",
        name: "Viện Kinh tế xây dựng",
        text: "Viện đã tổ chức 01 lớp bồi dưỡng cho nữ lãnh đạo, quản lý.",
        shortened: true,
      },
    ]);
  });

  test("units that have not started are listed in registry order", () => {
    const registry = units("A", "B", "C");
    const s = synthesisOf(registry, [
      report(registry[0]!, { [path]: { status: "not_started" } }),
      report(registry[1]!),
      report(registry[2]!, { [path]: { status: "not_started" } }),
    ]);
    expect(s.tasks[i]?.notStarted).toEqual([
      { code: "A", name: "Đơn vị A" },
      { code: "C", name: "Đơn vị C" },
    ]);
    expect(s.tasks[i]).toMatchObject({ group: "female_cadres", task: "leadership_training" });
  });

  test("never more than three, whatever the number of units", () => {
    const registry = Array.from({ length: 30 }, (_, k) => ({
      code: `U${k}`,
      name: `Đơn vị ${k}`,
      ...(k % 3 ? {} : { kind: "advisory" as const }),
    }));
    const s = synthesisOf(
      registry,
      registry.map((u, k) =>
        report(u, { [path]: training(1, k, `Đơn vị số ${k} tổ chức lớp bồi dưỡng riêng của mình.`) }),
      ),
    );
    expect(MAX_EXAMPLES).toBe(3);
    for (const t of s.tasks) expect(t.examples.length).toBeLessThanOrEqual(3);
    expect(s.tasks[i]?.examples.map((e) => e.code)).toEqual(["U27", "U24", "U21"]);
  });
});

/** Eight activities of one unit, each of its own kind (no two alike enough to stand for each other). */
const ACTIVITY_TITLES = [
  "Tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ",
  "Hội nghị quán triệt Quyết định số 2282/QĐ-TTg",
  "Kiểm tra việc thực hiện kế hoạch bình đẳng giới tại các phòng",
  "Giao lưu với nữ lãnh đạo tiêu biểu ngành Xây dựng",
  "Phát động Tháng hành động phòng, chống bạo lực gia đình",
  "Lớp bồi dưỡng kỹ năng lãnh đạo cho nữ cán bộ trong diện quy hoạch",
  "Thăm hỏi, tặng quà nữ lao động có hoàn cảnh khó khăn",
  "Tập huấn nghiệp vụ cho thành viên Ban",
];

/** Two titles exactly as alike as two points that share a theme (DEFAULT_THEME_THRESHOLD): events of a kind. */
const ALIKE_AT_THRESHOLD = [
  "Hội nghị triển khai kế hoạch bình đẳng giới cho cán bộ nữ",
  "Tọa đàm về bình đẳng giới cho người lao động và triển khai kế hoạch năm 2023",
] as const;

describe("activities: at most five per group, joint ones once", () => {
  const registry: RegistryUnit[] = [
    { code: "CGD", name: "Cục Giám định" },
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
    { code: "VQH", name: "Viện Quy hoạch" },
  ];
  const act = (date: string, title: string, extra: Partial<Activity> = {}): Activity => ({
    date,
    group: "inspection",
    title,
    ...extra,
  });
  const groupOf = (s: Synthesis, key: string) => s.groups.find((g) => g.group === key);

  test.each([
    [
      "the first partner gives no count: the other's",
      undefined,
      { total: 12, female: 5 },
      { total: 12, female: 5 },
    ],
    [
      "both give the same count: that count",
      { total: 12, female: 5 },
      { total: 12, female: 5 },
      { total: 12, female: 5 },
    ],
    ["their totals differ: no count", { total: 12, female: 5 }, { total: 13, female: 5 }, undefined],
    ["the women differ: no count", { total: 12, female: 5 }, { total: 12, female: 6 }, undefined],
  ])("a joint activity's participants: %s", (_name, first, second, shown) => {
    const s = synthesisOf(registry, [
      report(
        registry[0]!,
        {},
        {
          activities: [
            act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"], ...(first ? { participants: first } : {}) }),
          ],
        },
      ),
      report(
        registry[1]!,
        {},
        {
          activities: [act("2022-04-26", "Kiểm tra chéo", { with: ["CGD"], participants: second })],
        },
      ),
    ]);
    const [only, ...others] = groupOf(s, "inspection")?.activities ?? [];
    expect(others).toEqual([]);
    expect(only?.participants).toEqual(shown);
  });

  test("a joint activity reported by both partners is shown once, naming both, and counted once", () => {
    const s = synthesisOf(registry, [
      report(
        registry[0]!,
        {},
        {
          activities: [
            act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"], participants: { total: 12, female: 5 } }),
          ],
        },
      ),
      report(
        registry[1]!,
        {},
        { activities: [act("2022-04-26", "Kiểm tra chéo giữa hai đơn vị", { with: ["CGD"] })] },
      ),
      report(registry[2]!),
    ]);
    expect(groupOf(s, "inspection")).toEqual({
      group: "inspection",
      total: 1,
      activities: [
        {
          date: "2022-04-26",
          group: "inspection",
          title: "Kiểm tra chéo",
          participants: { total: 12, female: 5 },
          units: [
            { code: "CGD", name: "Cục Giám định" },
            { code: "VKT", name: "Viện Kinh tế xây dựng" },
          ],
        },
      ],
    });
  });

  test.each([
    [
      "reported by one partner only: once, naming both",
      [[act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"] })], [], []],
      1,
      [["CGD", "VKT"]],
    ],
    [
      "the same partners on another day: two activities",
      [
        [act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"] })],
        [act("2022-05-26", "Trao đổi kinh nghiệm sau kiểm tra", { with: ["CGD"] })],
        [],
      ],
      2,
      [
        ["CGD", "VKT"],
        ["VKT", "CGD"],
      ],
    ],
    [
      "the same day in another group: two activities",
      [
        [act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"] })],
        [act("2022-04-26", "Tọa đàm", { with: ["CGD"], group: "communication" })],
        [],
      ],
      1,
      [["CGD", "VKT"]],
    ],
    [
      "two activities of one unit on one day in one group are two, not one joint activity",
      [
        [act("2022-03-08", "Tọa đàm nhân Ngày Quốc tế Phụ nữ"), act("2022-03-08", "Gặp mặt nữ cán bộ")],
        [],
        [],
      ],
      2,
      [["CGD"], ["CGD"]],
    ],
    [
      "one partner names the other, the other lists the same event without `with`: once, naming both",
      [
        [act("2022-04-26", "Kiểm tra chéo công tác bình đẳng giới", { with: ["VKT"] })],
        [act("2022-04-26", "Kiểm tra chéo công tác bình đẳng giới với Cục Giám định")],
        [],
      ],
      1,
      [["CGD", "VKT"]],
    ],
    [
      "…but a different event of the partner's on that day stays its own",
      [
        [act("2022-04-26", "Kiểm tra chéo công tác bình đẳng giới", { with: ["VKT"] })],
        [act("2022-04-26", "Tọa đàm về phòng, chống bạo lực gia đình")],
        [],
      ],
      2,
      [["CGD", "VKT"], ["VKT"]],
    ],
    [
      "…and one titled exactly as alike as a theme's points is that event",
      [
        [act("2022-04-26", ALIKE_AT_THRESHOLD[0], { with: ["VKT"] })],
        [act("2022-04-26", ALIKE_AT_THRESHOLD[1])],
        [],
      ],
      1,
      [["CGD", "VKT"]],
    ],
    [
      "a unit naming itself as partner is no partner",
      [[act("2022-04-26", "Kiểm tra", { with: ["CGD", "CGD"] })], [], []],
      1,
      [["CGD"]],
    ],
    [
      "the same day with different partners: two activities",
      [
        [
          act("2022-04-26", "Kiểm tra chéo", { with: ["VKT"] }),
          act("2022-04-26", "Tọa đàm chuyên đề về phòng, chống bạo lực gia đình", { with: ["VQH"] }),
        ],
        [],
        [],
      ],
      2,
      [
        ["CGD", "VKT"],
        ["CGD", "VQH"],
      ],
    ],
    [
      "three partners: once, all named",
      [
        [act("2022-04-26", "Kiểm tra liên ngành", { with: ["VKT", "VQH"] })],
        [act("2022-04-26", "Kiểm tra liên ngành", { with: ["VQH", "CGD"] })],
        [act("2022-04-26", "Kiểm tra liên ngành", { with: ["CGD", "VKT"] })],
      ],
      1,
      [["CGD", "VKT", "VQH"]],
    ],
  ] as [string, Activity[][], number, string[][]][])("%s", (_name, lists, total, units) => {
    const s = synthesisOf(
      registry,
      registry.map((u, k) => report(u, {}, { activities: lists[k] ?? [] })),
    );
    const g = groupOf(s, "inspection");
    expect(g?.total).toBe(total);
    expect(g?.activities.map((a) => a.units.map((u) => u.code))).toEqual(units);
  });

  test("at most five in the body: advisory units' first, then the most people; shown by date; the total counts all", () => {
    const reg: RegistryUnit[] = [
      { code: "A", name: "Đơn vị A" },
      { code: "V", name: "Vụ V", kind: "advisory" },
    ];
    const titles = ACTIVITY_TITLES;
    const many = titles.map((title, k) =>
      act(`2022-0${k + 1}-15`, title, { participants: { total: (k + 1) * 10, female: 0 } }),
    );
    const s = synthesisOf(reg, [
      report(reg[0]!, {}, { activities: many }),
      report(
        reg[1]!,
        {},
        { activities: [act("2022-01-02", "Hoạt động của Vụ", { participants: { total: 1, female: 1 } })] },
      ),
    ]);
    const g = groupOf(s, "inspection");
    expect(MAX_ACTIVITIES).toBe(5);
    expect(g?.total).toBe(9);
    expect(g?.activities.map((a) => a.title)).toEqual(["Hoạt động của Vụ", ...titles.slice(4)]);
    // Every group, even one without activities, is there in catalogue order.
    expect(s.groups.map((x) => x.group)).toEqual(catalog.groups.map((x) => x.key));
    expect(groupOf(s, "coordination")).toEqual({ group: "coordination", activities: [], total: 0 });
  });
});

test("activities: a joint activity with an advisory unit ranks as the advisory unit's own", () => {
  const reg: RegistryUnit[] = [
    { code: "A", name: "Đơn vị A" },
    { code: "V", name: "Vụ V", kind: "advisory" },
  ];
  const titles = ACTIVITY_TITLES;
  const own = titles.map((title, k): Activity => ({
    date: `2022-0${k + 1}-15`,
    group: "inspection",
    title,
    participants: { total: 100 + k * 10, female: 0 },
  }));
  const joint: Activity = {
    date: "2022-09-20",
    group: "inspection",
    title: "Trao đổi kinh nghiệm giữa hai đơn vị",
    with: ["V"],
    participants: { total: 3, female: 1 },
  };
  // Before every own activity and after them: the report lists activities by date.
  for (const activities of [
    [{ ...joint, date: "2022-01-02" }, ...own],
    [...own, joint],
  ]) {
    const s = synthesisOf(reg, [report(reg[0]!, {}, { activities }), report(reg[1]!)]);
    const g = s.groups.find((x) => x.group === "inspection");
    expect(g?.activities.map((a) => a.title).sort()).toEqual([joint.title, ...titles.slice(4)].sort());
  }
});

test("activities: among as many participants, the first reported are shown", () => {
  const reg: RegistryUnit[] = [{ code: "A", name: "Đơn vị A" }];
  const titles = ACTIVITY_TITLES.slice(0, 7);
  const activities = titles.map((title, k): Activity => ({
    date: `2022-0${k + 1}-15`,
    group: "inspection",
    title,
    participants: { total: 40, female: 20 },
  }));
  const s = synthesisOf(reg, [report(reg[0]!, {}, { activities })]);
  expect(s.groups.find((x) => x.group === "inspection")?.activities.map((a) => a.title)).toEqual(
    titles.slice(0, 5),
  );
});

describe("activities: partners' figures and names", () => {
  const reg: RegistryUnit[] = [
    { code: "CGD", name: "Cục Giám định" },
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
  ];
  const joint = (partner: string, total: number, female: number): Activity => ({
    date: "2022-04-26",
    group: "inspection",
    title: "Kiểm tra chéo",
    with: [partner],
    participants: { total, female },
  });
  test.each([
    [
      "the partners agree: their count",
      [joint("VKT", 60, 50), joint("CGD", 60, 50)],
      { total: 60, female: 50 },
    ],
    [
      "they count differently: no count rather than one side's",
      [joint("VKT", 60, 50), joint("CGD", 60, 39)],
      undefined,
    ],
  ] as const)("%s", (_name, [a, b], participants) => {
    const s = synthesisOf(reg, [
      report(reg[0]!, {}, { activities: [a] }),
      report(reg[1]!, {}, { activities: [b] }),
    ]);
    const shown = s.groups.find((g) => g.group === "inspection")?.activities;
    expect(shown).toHaveLength(1);
    expect(shown?.[0]?.participants).toEqual(participants);
  });

  test("a partner the registry does not list is counted by the presenter, never shown by its code", () => {
    const s = synthesisOf(reg, [report(reg[0]!, {}, { activities: [joint("XYZ", 5, 1)] })]);
    const units = s.groups.find((g) => g.group === "inspection")?.activities[0]?.units;
    expect(units).toEqual([
      { code: "CGD", name: "Cục Giám định" },
      { code: "XYZ", name: "" },
    ]);
  });
});

test("activities: joint activities of other partners on the same day are two, whatever their codes spell run together", () => {
  // "A" with "BC" and "AB" with "C": both pairs read "ABC" without a separator.
  const reg: RegistryUnit[] = ["A", "BC", "AB", "C"].map((code) => ({ code, name: `Đơn vị ${code}` }));
  const joint = (title: string, partner: string): Activity => ({
    date: "2022-04-26",
    group: "inspection",
    title,
    with: [partner],
  });
  const s = synthesisOf(reg, [
    report(reg[0]!, {}, { activities: [joint("Kiểm tra chéo", "BC")] }),
    report(reg[1]!),
    report(reg[2]!, {}, { activities: [joint("Tọa đàm về phòng, chống bạo lực gia đình", "C")] }),
    report(reg[3]!),
  ]);
  const g = s.groups.find((x) => x.group === "inspection");
  expect(g?.total).toBe(2);
  expect(g?.activities.map((a) => a.units.map((u) => u.code))).toEqual([
    ["A", "BC"],
    ["AB", "C"],
  ]);
});

describe("activities: one of a kind", () => {
  test("titles exactly as alike as a theme's points are of a kind: the first chosen is shown", () => {
    expect(themeSimilarity(...ALIKE_AT_THRESHOLD)).toBe(DEFAULT_THEME_THRESHOLD);
    const reg: RegistryUnit[] = [
      { code: "A", name: "Đơn vị A" },
      { code: "B", name: "Đơn vị B" },
    ];
    const s = synthesisOf(
      reg,
      ALIKE_AT_THRESHOLD.map((title, k) =>
        report(reg[k]!, {}, { activities: [{ date: `2022-0${k + 3}-10`, group: "committee", title }] }),
      ),
    );
    const g = s.groups.find((x) => x.group === "committee");
    expect(g?.total).toBe(2);
    expect(g?.activities.map((a) => a.title)).toEqual([ALIKE_AT_THRESHOLD[0]]);
  });

  test("units' events of the same kind (each its own year-end meeting) are shown once, by the first chosen", () => {
    const reg: RegistryUnit[] = Array.from({ length: 4 }, (_, k) => ({ code: `U${k}`, name: `Đơn vị ${k}` }));
    const meeting = (date: string, people: number): Activity => ({
      date,
      group: "committee",
      title: "Hội nghị tổng kết hoạt động vì sự tiến bộ của phụ nữ năm 2021, triển khai nhiệm vụ năm 2022",
      participants: { total: people, female: 1 },
    });
    const s = synthesisOf(reg, [
      report(reg[0]!, {}, { activities: [meeting("2022-01-10", 30)] }),
      report(reg[1]!, {}, { activities: [meeting("2022-01-12", 50)] }),
      report(reg[2]!, {}, { activities: [meeting("2022-01-14", 40)] }),
      report(
        reg[3]!,
        {},
        {
          activities: [{ date: "2022-03-08", group: "committee", title: "Họp Ban rà soát Quy chế làm việc" }],
        },
      ),
    ]);
    const g = s.groups.find((x) => x.group === "committee");
    expect(g?.total).toBe(4);
    expect(g?.activities.map((a) => [a.date, a.units[0]?.code])).toEqual([
      ["2022-01-12", "U1"],
      ["2022-03-08", "U3"],
    ]);
  });
});

describe("themes: stated once, true of every unit named", () => {
  const two: RegistryUnit[] = [
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
    { code: "VKH", name: "Viện Khoa học công nghệ xây dựng" },
  ];
  const limitationsOf = (registry: RegistryUnit[], points: string[][]): ThemeList =>
    synthesisOf(
      registry,
      registry.map((u, k) => report(u, {}, { assessment: { limitations: points[k] ?? [] } })),
    ).limitations;
  const stated = (list: ThemeList) => list.themes.map((t) => [t.text, t.units.map((u) => u.code)]);

  test.each([
    ["31,3%", "33,3%"],
    ["33,3%", "31,3%"],
    ["3,3%", "33,3%"],
    ["33,3%", "3,3%"],
    ["1/5", "11/5"],
  ])("%s and %s: never one theme stated with one unit's figure for both", (a, b) => {
    const list = limitationsOf(two, [
      [`Tỷ lệ nữ trong diện quy hoạch mới đạt ${a}.`],
      [`Tỷ lệ nữ trong diện quy hoạch mới đạt ${b}.`],
    ]);
    expect(stated(list)).toEqual([
      [`Tỷ lệ nữ trong diện quy hoạch mới đạt ${a}.`, ["VKT"]],
      [`Tỷ lệ nữ trong diện quy hoạch mới đạt ${b}.`, ["VKH"]],
    ]);
    expect(list.total).toBe(2);
    expect(list.points).toBe(2);
  });

  test("the same figure given by both: one theme", () => {
    const list = limitationsOf(two, [
      ["Tỷ lệ nữ trong diện quy hoạch mới đạt 25%."],
      ["Tỷ lệ nữ trong diện quy hoạch mới đạt 25%."],
    ]);
    expect(stated(list)).toEqual([["Tỷ lệ nữ trong diện quy hoạch mới đạt 25%.", ["VKT", "VKH"]]]);
  });

  test("a figure only one unit gave is not stated for two: the wording without it is", () => {
    const list = limitationsOf(two, [
      ["Thành viên Ban đều kiêm nhiệm, thời gian dành cho công tác còn hạn chế (05 người)."],
      ["Thành viên Ban đều kiêm nhiệm, thời gian dành cho công tác còn hạn chế."],
    ]);
    // The two share the wording without the figure: one theme, stated without "05 người".
    expect(stated(list)).toEqual([
      ["Thành viên Ban đều kiêm nhiệm, thời gian dành cho công tác còn hạn chế.", ["VKT", "VKH"]],
    ]);
  });

  test.each([
    [
      "Lãnh đạo Viện chưa dành nhiều thời gian cho công tác bình đẳng giới.",
      "Lãnh đạo đơn vị chưa dành nhiều thời gian cho công tác bình đẳng giới.",
    ],
    ["Sự quan tâm của lãnh đạo Viện còn hạn chế.", "Sự quan tâm của lãnh đạo đơn vị còn hạn chế."],
    ["Phối hợp với Công đoàn Trường chưa thường xuyên.", "Phối hợp với Công đoàn đơn vị chưa thường xuyên."],
    // A capital after the noun makes a proper name: left alone.
    [
      "Chưa phối hợp thường xuyên với Vụ Tổ chức cán bộ.",
      "Chưa phối hợp thường xuyên với Vụ Tổ chức cán bộ.",
    ],
  ])("a self-naming noun becomes `đơn vị` in a theme of several units: %s", (point, expected) => {
    const list = limitationsOf(two, [[point], [point]]);
    expect(stated(list)).toEqual([[expected, ["VKT", "VKH"]]]);
    // One unit's own theme keeps its wording.
    expect(stated(limitationsOf(two.slice(0, 1), [[point]]))).toEqual([[point, ["VKT"]]]);
  });

  test("a point that says no and one that does not are never one theme, however alike their words", () => {
    const list = limitationsOf(two, [
      ["Tỷ lệ nữ trong diện quy hoạch đã đạt chỉ tiêu của Quyết định số 2282/QĐ-TTg."],
      ["Tỷ lệ nữ trong diện quy hoạch chưa đạt chỉ tiêu của Quyết định số 2282/QĐ-TTg."],
    ]);
    expect(stated(list)).toEqual([
      ["Tỷ lệ nữ trong diện quy hoạch đã đạt chỉ tiêu của Quyết định số 2282/QĐ-TTg.", ["VKT"]],
      ["Tỷ lệ nữ trong diện quy hoạch chưa đạt chỉ tiêu của Quyết định số 2282/QĐ-TTg.", ["VKH"]],
    ]);
  });

  test("points without a word to compare, written alike, are one theme", () => {
    const list = limitationsOf(two, [["…"], ["…"]]);
    expect(stated(list)).toEqual([["…", ["VKT", "VKH"]]]);
  });

  test("split by what they say no to, each part is still stated by its plainest wording", () => {
    const three: RegistryUnit[] = [...two, { code: "PTDT", name: "Cục Phát triển đô thị" }];
    // The first two say the same ("rất" is no evidence); the shorter states it, though the longer came first.
    const list = limitationsOf(three, [
      ["Kinh phí dành cho công tác bình đẳng giới của đơn vị còn rất hạn chế."],
      ["Kinh phí dành cho công tác bình đẳng giới của đơn vị còn hạn chế."],
      ["Kinh phí dành cho công tác bình đẳng giới của đơn vị chưa được bố trí riêng."],
    ]);
    expect(stated(list)).toEqual([
      ["Kinh phí dành cho công tác bình đẳng giới của đơn vị còn hạn chế.", ["VKT", "VKH"]],
      ["Kinh phí dành cho công tác bình đẳng giới của đơn vị chưa được bố trí riêng.", ["PTDT"]],
    ]);
  });

  test("a wording with a claim of its own (an extra clause) never speaks for units whose points lack it", () => {
    const three: RegistryUnit[] = [...two, { code: "PTDT", name: "Cục Phát triển đô thị" }];
    const list = limitationsOf(three, [
      [
        "Tỷ lệ nữ trong diện quy hoạch và nữ lãnh đạo cấp khoa, phòng duy trì ở mức cao, vượt chỉ tiêu của Quyết định số 2282/QĐ-TTg.",
      ],
      [
        "Tỷ lệ nữ trong diện quy hoạch và nữ lãnh đạo cấp khoa, phòng duy trì ở mức cao, vượt chỉ tiêu theo Quyết định số 2282/QĐ-TTg.",
      ],
      ["Tỷ lệ nữ trong diện quy hoạch duy trì ở mức cao, vượt chỉ tiêu của Quyết định số 2282/QĐ-TTg."],
    ]);
    for (const t of list.themes) {
      if (t.units.length < 2) continue;
      // Said of several units, the claim about the heads of divisions must be each one's own.
      if (t.text.includes("khoa, phòng")) for (const p of t.points) expect(p.text).toContain("khoa, phòng");
    }
    expect(list.themes.flatMap((t) => t.units.map((u) => u.code)).sort()).toEqual(["PTDT", "VKH", "VKT"]);
    // The two that make the claim share a theme: grouping still happens.
    expect(list.themes.some((t) => t.units.length > 1)).toBe(true);
  });

  test("a theme of several units is worded by a point that names no organisation of its own", () => {
    const list = limitationsOf(two, [
      ["Tiếp tục phối hợp với Công đoàn Cục Giám định chăm lo quyền lợi, sức khỏe của lao động nữ."],
      ["Tiếp tục phối hợp với Công đoàn Viện chăm lo quyền lợi, sức khỏe của lao động nữ."],
    ]);
    expect(stated(list)).toEqual([
      ["Tiếp tục phối hợp với Công đoàn đơn vị chăm lo quyền lợi, sức khỏe của lao động nữ.", ["VKT", "VKH"]],
    ]);
  });

  test("a wording that opens with its unit's name opens with a capital once the name is generalised", () => {
    const list = limitationsOf(two, [
      ["Viện Kinh tế xây dựng chưa bố trí kinh phí riêng cho hoạt động của Ban."],
      ["Viện Khoa học công nghệ xây dựng chưa bố trí kinh phí riêng cho hoạt động của Ban."],
    ]);
    expect(stated(list)).toEqual([
      ["Đơn vị chưa bố trí kinh phí riêng cho hoạt động của Ban.", ["VKT", "VKH"]],
    ]);
  });

  test.each([
    [
      "a capital that makes a proper name of `Công đoàn cơ quan`",
      two,
      "Tiếp tục phối hợp với Công đoàn Cơ quan chăm lo quyền lợi, sức khỏe của lao động nữ.",
      "Tiếp tục phối hợp với Công đoàn cơ quan chăm lo quyền lợi, sức khỏe của lao động nữ.",
    ],
    [
      "the unit's own name",
      [{ code: "TCXD", name: "Tạp chí Xây dựng" }, two[0]!],
      "Ban vì sự tiến bộ của phụ nữ Tạp chí Xây dựng chưa có kinh phí hoạt động riêng.",
      "Ban vì sự tiến bộ của phụ nữ chưa có kinh phí hoạt động riêng.",
    ],
  ])(
    "of two wordings true of the same units, the one without %s is stated, though the other came first",
    (_name, registry, named, plain) => {
      // Each point holds the other's words: only how much each names decides the wording.
      const list = limitationsOf(registry, [[named], [plain]]);
      expect(stated(list)).toEqual([[plain, registry.map((u) => u.code)]]);
    },
  );

  test("a figure of its own makes a wording more specific than a self-naming noun", () => {
    const three: RegistryUnit[] = [...two, { code: "PTDT", name: "Cục Phát triển đô thị" }];
    // The third unit's point holds both other wordings, neither of which holds the other: whichever is
    // stated takes the third unit with it. The one without a figure is.
    const list = limitationsOf(three, [
      ["Kinh phí cho hoạt động của Ban còn hạn chế (25%)."],
      ["Kinh phí cho hoạt động của Ban còn hạn chế, phụ thuộc vào lãnh đạo Viện."],
      ["Kinh phí cho hoạt động của Ban còn hạn chế (25%), phụ thuộc vào lãnh đạo Cục."],
    ]);
    expect(stated(list)).toEqual([
      ["Kinh phí cho hoạt động của Ban còn hạn chế, phụ thuộc vào lãnh đạo đơn vị.", ["VKH", "PTDT"]],
      ["Kinh phí cho hoạt động của Ban còn hạn chế (25%).", ["VKT"]],
    ]);
  });

  test("a point holding exactly 85% of a wording's weighted words is spoken for by it", () => {
    const wording = "Kinh phí còn hạn chế cho hoạt động của Ban.";
    // The figure makes the other point the more specific, so the wording is weighed first; 0.85 is the share
    // a unit's own point must hold for a wording to speak for it.
    const other = "Kinh phí còn hạn chế (30%).";
    const held = (a: string, b: string) => {
      const fb = themeFeatures(b);
      let all = 0;
      let kept = 0;
      for (const [f, w] of themeFeatures(a)) {
        all += w;
        if (fb.has(f)) kept += w;
      }
      return kept / all;
    };
    expect(held(wording, other)).toBe(0.85);
    expect(stated(limitationsOf(two, [[wording], [other]]))).toEqual([[wording, ["VKT", "VKH"]]]);
  });

  test.each([
    [64, [["Sự quan tâm của lãnh đạo đơn vị đến công tác bình đẳng giới còn hạn chế.", 64]]],
    [
      65,
      [
        ["Sự quan tâm của lãnh đạo đơn vị đến công tác bình đẳng giới còn hạn chế.", 63],
        [
          "Sự quan tâm của lãnh đạo đơn vị đến công tác bình đẳng giới còn hạn chế, nhất là bố trí thời gian.",
          2,
        ],
      ],
    ],
  ] as const)(
    "a theme of %i points: up to 64, the wording most of them hold is stated; beyond, the plainest is weighed alone (a bound on the work)",
    (n, expected) => {
      const registry = Array.from({ length: n }, (_, k) => ({ code: `U${k}`, name: `Đơn vị ${k}` }));
      const c = consolidation(registry, []);
      const plain = "Sự quan tâm của lãnh đạo Viện đến công tác bình đẳng giới còn hạn chế.";
      const longer =
        "Sự quan tâm của lãnh đạo đơn vị đến công tác bình đẳng giới còn hạn chế, nhất là bố trí thời gian.";
      // The longer wording names no unit (`đơn vị`), so it ranks plainest, yet only its copy naming `Viện`
      // holds it; the shorter wording, weighed next, is held by every point.
      c.assessment.limitations = registry.map((u, k) => ({
        ...u,
        text: k === 0 ? longer : k === 1 ? longer.replace("đơn vị", "Viện") : plain,
      }));
      const list = synthesise(c, catalog, registry).limitations;
      expect(list.themes.map((t) => [t.text, t.units.length])).toEqual(expected);
    },
  );

  test("a unit's own name becomes `đơn vị` in a theme of several units", () => {
    const list = limitationsOf(two, [
      ["Ban vì sự tiến bộ của phụ nữ Viện Kinh tế xây dựng chưa có kinh phí riêng."],
      ["Ban vì sự tiến bộ của phụ nữ Viện Khoa học công nghệ xây dựng chưa có kinh phí riêng."],
    ]);
    expect(stated(list)).toEqual([
      ["Ban vì sự tiến bộ của phụ nữ đơn vị chưa có kinh phí riêng.", ["VKT", "VKH"]],
    ]);
  });

  test("at most six in the body, the most widely shared first; total and points count all", () => {
    const topics = [
      "Kinh phí hoạt động của Ban còn hạn chế",
      "Thành viên Ban đều kiêm nhiệm nên thời gian dành cho công tác chưa nhiều",
      "Số liệu tách biệt theo giới chưa được cập nhật định kỳ",
      "Hình thức tuyên truyền chưa phong phú, chưa khai thác mạng xã hội",
      "Chưa tổ chức được lớp bồi dưỡng nghiệp vụ cho thành viên Ban",
      "Cơ sở vật chất phục vụ hoạt động của nữ công nhân còn thiếu",
      "Tỷ lệ nữ lãnh đạo cấp phòng còn thấp so với mục tiêu",
      "Việc kiểm tra hoạt động vì sự tiến bộ của phụ nữ ở đơn vị trực thuộc chưa thường xuyên",
      "Nhận thức của một bộ phận người lao động về giới còn hạn chế",
      "Chế độ thông tin, báo cáo đôi khi chưa đúng hạn",
    ];
    const registry = Array.from({ length: 10 }, (_, k) => ({ code: `U${k}`, name: `Đơn vị ${k}` }));
    // Topic k is raised by the units 0…(9 − k): topic 0 by ten units, topic 9 by one.
    const list = limitationsOf(
      registry,
      registry.map((_, u) => topics.filter((_, k) => u <= 9 - k)),
    );
    expect(MAX_THEMES).toBe(6);
    expect(list.themes).toHaveLength(6);
    expect(list.total).toBe(10);
    expect(list.points).toBe(55);
    expect(list.themes.map((t) => t.units.length)).toEqual([10, 9, 8, 7, 6, 5]);
    expect(list.themes.map((t) => t.text)).toEqual(topics.slice(0, 6));
  });

  atScale(
    "a thousand units each with its own figure: a theme each, quickly (no quadratic re-reading, no deep recursion)",
    () => {
      const registry = Array.from({ length: 2000 }, (_, k) => ({ code: `U${k}`, name: `Đơn vị ${k}` }));
      const c = consolidation(registry, []);
      c.assessment.limitations = registry.map((u, k) => ({
        ...u,
        text: `Mới hoàn thành ${k + 1} nội dung của kế hoạch năm.`,
      }));
      const start = performance.now();
      const list = synthesise(c, catalog, registry).limitations;
      const elapsed = performance.now() - start;
      expect(list.total).toBe(2000);
      expect(list.themes).toHaveLength(6);
      for (const t of list.themes) expect(t.units).toHaveLength(1);
      expect(list.themes[0]?.text).toBe("Mới hoàn thành 1 nội dung của kế hoạch năm.");
      expect(elapsed).toBeLessThan(1000);
    },
  );

  atScale("a thousand units sharing a wording, each with its own tail: within its time bound", () => {
    const syllables = "xanh đỏ tím vàng cam lam chàm nâu xám hồng bạc ngọc".split(" ");
    const registry = Array.from({ length: 1000 }, (_, k) => ({ code: `U${k}`, name: `Đơn vị ${k}` }));
    const c = consolidation(registry, []);
    c.assessment.limitations = registry.map((u, k) => ({
      ...u,
      // Words, not figures: every point differs, none carries a figure to split on.
      text: `Kinh phí dành cho công tác bình đẳng giới còn hạn chế ${syllables[k % 12]} ${syllables[Math.floor(k / 12) % 12]} ${syllables[Math.floor(k / 144) % 12]}.`,
    }));
    synthesise(c, catalog, registry);
    const start = process.cpuUsage();
    const list = synthesise(c, catalog, registry).limitations;
    const used = process.cpuUsage(start);
    expect(list.points).toBe(1000);
    expect(list.themes.reduce((n, t) => n + t.units.length, 0)).toBeGreaterThan(0);
    expect((used.user + used.system) / 1000).toBeLessThan(1500);
  });

  test("themes raised by as many units come in the order their first point was given", () => {
    const money = "Kinh phí hoạt động của Ban còn hạn chế.";
    const data = "Số liệu tách biệt theo giới chưa được cập nhật định kỳ.";
    // The first unit names money first, the second names it last.
    const list = limitationsOf(two, [
      [money, data],
      [data, money],
    ]);
    expect(stated(list)).toEqual([
      [money, ["VKT", "VKH"]],
      [data, ["VKT", "VKH"]],
    ]);
  });

  test("no points: no themes", () => {
    expect(limitationsOf(two, [[], []])).toEqual({ themes: [], total: 0, points: 0 });
  });
});

describe("themes of generated points: every wording true of the units it names", () => {
  const registry: RegistryUnit[] = [
    { code: "VKT", name: "Viện Kinh tế xây dựng" },
    { code: "VKH", name: "Viện Khoa học công nghệ xây dựng" },
    { code: "DHXD", name: "Trường Đại học Xây dựng Hà Nội" },
    { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  ];
  // Ideas with the places where units' wordings differ: a figure, how the unit names itself, a negation.
  const IDEAS = [
    "Tỷ lệ nữ trong diện quy hoạch của {self} {neg} đạt chỉ tiêu{fig}.",
    "Kinh phí dành cho công tác bình đẳng giới của {self} còn hạn chế{fig}.",
    "Thành viên Ban {neg} được tập huấn nghiệp vụ{fig}.",
    "Phối hợp với Công đoàn {self} {neg} thường xuyên{fig}.",
  ];
  const FIGURES = ["", " (25%)", " (31,3%)", " (33,3%)", " (05 người)", " (25%; 3/5)", " (31,3%; 3/5)"];
  // A clause some units add: a claim of its own, which a wording may state only for units that made it.
  const TAILS = ["", ", nhất là vào dịp cuối năm khi khối lượng công việc chuyên môn tăng cao"];
  const SELVES = ["Viện", "Trường", "đơn vị", "Cục Giám định", "{name}"];
  const pointArb = fc.record({
    unit: fc.nat(registry.length - 1),
    idea: fc.nat(IDEAS.length - 1),
    fig: fc.constantFrom(...FIGURES),
    self: fc.constantFrom(...SELVES),
    neg: fc.constantFrom("chưa", "đã", "không"),
    tail: fc.constantFrom(...TAILS),
  });
  const said = /(?:^|[^\p{L}])(?:chưa|không)(?:[^\p{L}]|$)/iu;

  test("the themes part the points; a theme of several units states only what each gave, in one polarity", () => {
    let several = 0;
    let checked = 0;
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 10 }), (drawn) => {
        const c = consolidation(registry, []);
        c.assessment.limitations = drawn.map((d) => {
          const { code, name } = registry[d.unit]!;
          const text = IDEAS[d.idea]!.replace("{self}", d.self)
            .replace("{name}", name)
            .replace("{neg}", d.neg)
            .replace("{fig}", d.fig + d.tail);
          return { code, name, text };
        });
        const list = synthesise(c, catalog, registry).limitations;
        expect(list.points).toBe(drawn.length);
        expect(list.themes).toHaveLength(Math.min(list.total, MAX_THEMES));
        const sizes = list.themes.map((t) => t.units.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        if (list.total <= MAX_THEMES) {
          const key = (p: { code: string; text: string }) => `${p.code}\u0000${p.text}`;
          expect(list.themes.flatMap((t) => t.points.map(key)).sort()).toEqual(
            c.assessment.limitations.map(key).sort(),
          );
          checked++;
        }
        if (list.themes.some((t) => t.units.length > 1)) several++;
        for (const t of list.themes) {
          expect(t.units).toEqual(
            [...new Map(t.points.map((p) => [p.code, p.name]))].map(([code, name]) => ({ code, name })),
          );
          expect(new Set(t.points.map((p) => said.test(p.text))).size, t.text).toBe(1);
          if (t.units.length === 1) {
            expect(t.points.map((p) => p.text)).toContain(t.text);
            continue;
          }
          for (const p of t.points) {
            for (const f of figures(t.text)) expect(figures(p.text), `${t.text} ← ${p.text}`).toContain(f);
            if (t.text.includes(TAILS[1]!)) expect(p.text).toContain(TAILS[1]);
            expect(t.text).not.toContain(p.name);
          }
        }
      }),
      runs(300),
    );
    // Most cases are checked whole, and many group several units.
    expect(checked).toBeGreaterThan(runs(300).numRuns * 0.7);
    expect(several).toBeGreaterThan(runs(300).numRuns * 0.25);
  });
});

/** The examples' units, read as validation leaves them (YAML 1.2: dates stay strings). */
function exampleSet(period: PeriodKey): { config: Config; reports: UnitReport[] } {
  const config = parse(readFileSync(join(ROOT, "examples", "geq.yaml"), "utf8")) as Config;
  const dir = join(ROOT, "examples", "2022", period);
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), "utf8")) as UnitReport);
  return { config, reports };
}

describe("on the examples (17–18 units, a realistic set)", () => {
  test.each(["semi-annual", "annual"] as const)(
    "%s: every choice within its bounds, every theme true",
    (period) => {
      const { config, reports } = exampleSet(period);
      const c = consolidation(config.units, reports, period);
      const s = synthesise(c, catalog, config.units);

      expect(s.highlights.length).toBeGreaterThanOrEqual(4);
      expect(s.highlights.length).toBeLessThanOrEqual(6);
      expect(new Set(s.highlights.map((h) => h.kind)).size).toBe(s.highlights.length);

      expect(s.tasks).toHaveLength(catalog.groups.flatMap((g) => g.tasks).length);
      for (const t of s.tasks) {
        expect(t.examples.length).toBeLessThanOrEqual(MAX_EXAMPLES);
        expect(new Set(t.examples.map((e) => e.code)).size).toBe(t.examples.length);
        for (const e of t.examples) {
          expect(openBrackets(e.text), e.text).toBe(0);
          const own = reports.find((r) => r.unit.code === e.code)?.tasks[t.group]?.[t.task];
          expect(own?.status === "done" || own?.status === "in_progress").toBe(true);
          expect((own?.summary ?? "").startsWith(e.text.replace(/…$/u, ""))).toBe(true);
        }
      }
      for (const g of s.groups) {
        expect(g.activities.length).toBeLessThanOrEqual(MAX_ACTIVITIES);
        expect(g.total).toBeGreaterThanOrEqual(g.activities.length);
        const dates = g.activities.map((a) => a.date);
        expect(dates).toEqual([...dates].sort());
      }
      // Joint activities that both partners reported count once: every other activity counts.
      const twice = c.activities.filter((a) =>
        (a.activity.with ?? []).some((p) =>
          c.activities.some(
            (b) =>
              b.code === p &&
              p < a.code &&
              b.activity.date === a.activity.date &&
              b.activity.group === a.activity.group &&
              (b.activity.with ?? []).includes(a.code),
          ),
        ),
      ).length;
      expect(twice).toBeGreaterThan(0);
      expect(s.groups.reduce((n, g) => n + g.total, 0)).toBe(c.activities.length - twice);

      for (const key of ["strengths", "limitations", "causes", "nextSteps", "recommendations"] as const) {
        const list = s[key];
        expect(list.themes.length).toBeLessThanOrEqual(MAX_THEMES);
        expect(list.total).toBeGreaterThanOrEqual(list.themes.length);
        const sizes = list.themes.map((t) => t.units.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        for (const t of list.themes)
          if (t.units.length > 1)
            for (const p of t.points)
              for (const f of figures(t.text)) expect(figures(p.text), `${t.text} ← ${p.text}`).toContain(f);
      }
      expect(s.limitations.points).toBe(c.assessment.limitations.length);
    },
  );

  test("deterministic: the order in which files are found changes nothing", () => {
    const { config, reports } = exampleSet("annual");
    const a = synthesise(consolidation(config.units, reports, "annual"), catalog, config.units);
    const b = synthesise(
      consolidation(config.units, [...reports].reverse(), "annual"),
      catalog,
      config.units,
    );
    expect(b).toEqual(a);
  });

  test("no valid report: nothing stands out, nothing to choose", () => {
    const s = synthesise(consolidation([{ code: "A", name: "A" }], []), catalog, [{ code: "A", name: "A" }]);
    expect(s.highlights).toEqual([]);
    expect(s.tasks.every((t) => t.examples.length === 0 && t.notStarted.length === 0)).toBe(true);
    expect(s.groups.every((g) => g.total === 0)).toBe(true);
    expect(s.strengths).toEqual({ themes: [], total: 0, points: 0 });
  });
});

describe("highlights: the figures that stand out", () => {
  test("staff, the most completed, the widest reach, the most lagging, funding and the target", () => {
    const registry = [
      { code: "A", name: "Đơn vị A" },
      { code: "B", name: "Đơn vị B" },
    ];
    const s = synthesisOf(registry, [
      report(registry[0]!, {
        "coordination.policy": { status: "not_started" },
        "communication.dissemination": {
          status: "done",
          events: 1,
          participants: { total: 900, female: 1 },
          online_items: 0,
        },
      }),
      report(registry[1]!, {
        "coordination.policy": { status: "not_started" },
        "coordination.law_review": { status: "not_started" },
      }),
    ]);
    expect(s.highlights).toEqual([
      { kind: "staff" },
      // Both units completed every other sub-task: all of them, a tie is no pick.
      {
        kind: "most-done",
        tasks: catalog.groups
          .flatMap((g) => g.tasks.map((t) => `${g.key}.${t.key}`))
          .filter((k) => k !== "coordination.policy" && k !== "coordination.law_review")
          .map(taskIndex),
      },
      { kind: "widest-reach", task: taskIndex("communication.dissemination") },
      { kind: "lagging", tasks: [taskIndex("coordination.policy")] },
      { kind: "budget" },
      // 13/30 in each unit's pool: 43,3%.
      { kind: "target", reached: true },
    ]);
  });

  test("nothing lags, nothing spent, nobody in the pool: fewer highlights", () => {
    const registry = [{ code: "A", name: "Đơn vị A" }];
    const r = report(registry[0]!, {}, { budget: {} });
    r.staff.succession_pool = { total: 0, female: 0 };
    const kinds = synthesisOf(registry, [r]).highlights.map((h) => h.kind);
    expect(kinds).toEqual(["staff", "most-done", "widest-reach"]);
  });
});

describe("highlights: each one only when its figures are there", () => {
  const registry = [{ code: "A", name: "Đơn vị A" }];
  const everyTask = catalog.groups.flatMap((g) => g.tasks.map((t) => `${g.key}.${t.key}`));
  const kindsOf = (r: UnitReport) => synthesisOf(registry, [r]).highlights.map((h) => h.kind);
  const all = ["staff", "most-done", "widest-reach", "budget", "target"];
  test.each<[string, Partial<UnitReport>, Record<string, Partial<TaskReport>>, string[]]>([
    ["the default unit", {}, {}, all],
    [
      "nobody employed: no staff",
      {
        staff: {
          employees: { total: 0, female: 0 },
          unit_leaders: { total: 0, female: 0 },
          division_leaders: { total: 0, female: 0 },
          succession_pool: { total: 30, female: 13 },
        },
      },
      {},
      ["most-done", "widest-reach", "budget", "target"],
    ],
    ["planned only: funding", { budget: { planned_vnd: 5_000_000 } }, {}, all],
    ["spent only: funding", { budget: { spent_vnd: 5_000_000 } }, {}, all],
    ["neither: no funding", { budget: {} }, {}, ["staff", "most-done", "widest-reach", "target"]],
    [
      "nothing done yet: no most completed",
      {},
      Object.fromEntries(everyTask.map((k) => [k, { status: "in_progress" as const }])),
      ["staff", "widest-reach", "budget", "target"],
    ],
  ])("%s", (_name, extra, tasks, kinds) => {
    expect(kindsOf(report(registry[0]!, tasks, extra))).toEqual(kinds);
  });

  test("the widest reach may be the first sub-task", () => {
    // The letter's order with the sub-task counting beneficiaries first.
    const [first, ...rest] = catalog.groups;
    const covid = first!.tasks.find((t) => t.key === "covid_recovery")!;
    const reordered = {
      ...catalog,
      groups: [{ ...first!, tasks: [covid, ...first!.tasks.filter((t) => t !== covid)] }, ...rest],
    };
    const unit = makeUnitReport(
      {
        unit: { code: "A", name: "Đơn vị A" },
        tasks: { coordination: { covid_recovery: { beneficiaries: { total: 5_000, female: 10 } } } },
      },
      reordered,
    );
    const c = consolidation(registry, [unit], "semi-annual", reordered);
    expect(synthesise(c, reordered, registry).highlights).toContainEqual({ kind: "widest-reach", task: 0 });
  });
});

describe("examples: a sub-task with nothing to count", () => {
  // The letter's last sub-task with only a text, or only an amount, to report: nothing makes a result
  // "measured", so a unit that has done it has a result, before one still at work, advisory or not.
  const registry: RegistryUnit[] = [
    { code: "V", name: "Vụ V", kind: "advisory" },
    { code: "B", name: "Đơn vị B" },
  ];
  test.each([
    ["a text only", "text"],
    ["an amount only", "money"],
  ] as const)("%s: done comes first", (_name, type) => {
    const groups = catalog.groups.map((g) =>
      g.key !== "committee"
        ? g
        : {
            ...g,
            tasks: g.tasks.map((t) =>
              t.key !== "consolidation"
                ? t
                : { ...t, indicators: [{ ...t.indicators[0]!, key: "decision", type }] },
            ),
          },
    );
    const variant = { ...catalog, groups };
    const unit = (u: RegistryUnit, status: "done" | "in_progress") =>
      makeUnitReport(
        {
          unit: { code: u.code, name: u.name },
          tasks: { committee: { consolidation: { status, summary: `Đơn vị ${u.code} kiện toàn Ban.` } } },
        },
        variant,
      );
    const c = consolidation(
      registry,
      [unit(registry[0]!, "in_progress"), unit(registry[1]!, "done")],
      "semi-annual",
      variant,
    );
    const task = synthesise(c, variant, registry).tasks.find((t) => t.task === "consolidation");
    expect(task?.examples.map((e) => e.code)).toEqual(["B", "V"]);
  });
});

test("examples: a sub-task counting people and an amount is measured by its people", () => {
  // Beneficiaries and support in đồng: an advisory unit done with nobody supported has no result to show.
  const registry: RegistryUnit[] = [
    { code: "V", name: "Vụ V", kind: "advisory" },
    { code: "B", name: "Đơn vị B" },
  ];
  const path = "coordination.covid_recovery";
  const s = synthesisOf(registry, [
    report(registry[0]!, {
      [path]: {
        beneficiaries: { total: 0, female: 0 },
        support_vnd: 9_000_000,
        summary: "Vụ đã vận động ủng hộ.",
      },
    }),
    report(registry[1]!, {
      [path]: {
        beneficiaries: { total: 5, female: 2 },
        support_vnd: 0,
        summary: "Đơn vị hỗ trợ 05 người lao động.",
      },
    }),
  ]);
  expect(s.tasks[taskIndex(path)]?.examples.map((e) => e.code)).toEqual(["B", "V"]);
});
