import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/document/render.js";
import { docxToPdfText } from "../helpers/office.js";
import { sampleFrame, sampleModel } from "./sample.js";

/** The first line with text on a page: where the page number goes, in the top margin. */
const firstLine = (page: string): string =>
  page
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim() ?? "";

describe("a rendered report in LibreOffice", () => {
  it("opens and reads back with its frame, body and appendices", async () => {
    const text = await docxToPdfText(await renderDocx(sampleModel()));
    const flat = text.replace(/\s+/g, " ");
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 125/BC-TTĐT",
      "Hà Nội, ngày 08 tháng 6 năm 2022",
      "BÁO CÁO",
      sampleFrame.subject,
      "Kính gửi: Bộ Xây dựng (qua Vụ Tổ chức cán bộ).",
      "I. TÌNH HÌNH CHUNG",
      "<b>không in đậm</b> và {{x}}",
      "Cán bộ, công chức, viên chức",
      "Tổng cộng",
      "Nơi nhận",
      "- Lưu: VT, TCCB.",
      "KT. GIÁM ĐỐC",
      "Nguyễn Thị Minh Hạnh",
      "Phụ lục I",
      "SỐ LIỆU CÁN BỘ NỮ",
      "Phụ lục II",
    ]) {
      expect(flat).toContain(expected);
    }

    // The subject on the two lines the renderer chose: had either not fitted, Writer would have wrapped it again.
    expect(text).toMatch(
      / Sơ kết công tác bình đẳng giới và vì sự tiến bộ *\n *của phụ nữ 6 tháng đầu năm 2022 *\n/,
    );

    // Money in a narrow column is set smaller rather than wrapped between its digits.
    expect(text).toMatch(/Dự toán +1\.290\.000\.000 +1\.350\.000\.000 +\+60\.000\.000\n/);

    // pdftotext ends each page with a form feed.
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    const body = pages.findIndex((page) => page.includes("Nơi nhận"));
    const appendixOne = pages.findIndex((page) => page.includes("Phụ lục I") && !page.includes("Phụ lục II"));
    const appendixTwo = pages.findIndex((page) => page.includes("Phụ lục II"));
    expect(body).toBeGreaterThan(0);
    expect(appendixOne).toBe(body + 1);
    expect(appendixTwo).toBe(appendixOne + 2);
    // No number on a section's first page; from the second on, counting from 1 in each section.
    expect(firstLine(pages[0] ?? "")).toMatch(/^BỘ XÂY DỰNG/);
    for (let page = 1; page <= body; page++) expect(firstLine(pages[page] ?? "")).toBe(String(page + 1));
    expect(firstLine(pages[appendixOne] ?? "")).toBe("Phụ lục I");
    expect(firstLine(pages[appendixOne + 1] ?? "")).toBe("2");
    // The header rows repeat on the appendix table's second page.
    expect(pages[appendixOne + 1]).toContain("Cán bộ, công chức, viên chức");
    expect(firstLine(pages[appendixTwo] ?? "")).toBe("Phụ lục II");
  });
});
