import fc from "fast-check";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMarkup } from "../../src/document/markup.js";
import type { Block, DocumentModel, Frame } from "../../src/document/model.js";
import { boldWidth, renderDocx, titleLines } from "../../src/document/render.js";
import { paragraphs, paragraphWith, part, readZip, sections } from "./docx-xml.js";
import { sampleFrame, sampleModel } from "./sample.js";
import { xmlErrors } from "./xml-check.js";

const model = (
  frame: Partial<Frame> = {},
  body: Block[] = [],
  appendices: DocumentModel["appendices"] = [],
) => ({
  frame: { ...sampleFrame, ...frame },
  body,
  appendices,
});

const documentXml = async (input: DocumentModel): Promise<string> =>
  part(await renderDocx(input), "word/document.xml");

const P = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });

let sample: Uint8Array;
let xml: string;
beforeAll(async () => {
  sample = await renderDocx(sampleModel());
  xml = part(sample, "word/document.xml");
});

describe("renderDocx: page and fonts", () => {
  it("lays out A4 portrait with the decree's margins, and landscape appendices", () => {
    const [main, landscape, portrait] = sections(xml);
    expect(main?.properties).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(main?.properties).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(landscape?.properties).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(portrait?.properties).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it("numbers pages from 1 in every section, not on a section's first page", () => {
    const all = sections(xml);
    expect(all).toHaveLength(3);
    for (const { properties } of all) {
      expect(properties).toContain('<w:pgNumType w:start="1" w:fmt="decimal"/>');
      expect(properties).toContain("<w:titlePg/>");
      const defaultId = /<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(properties)?.[1];
      const firstId = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(properties)?.[1];
      const rels = part(sample, "word/_rels/document.xml.rels");
      const target = (id: string | undefined) =>
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const numbered = part(sample, `word/${target(defaultId)}`);
      expect(numbered).toContain("PAGE");
      expect(numbered).toContain('<w:jc w:val="center"/>');
      expect(numbered).toContain('<w:sz w:val="28"/>');
      expect(part(sample, `word/${target(firstId)}`)).not.toContain("PAGE");
    }
  });

  it("controls widows and orphans in every paragraph, as Word's own Normal style does", () => {
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(part(sample, "word/styles.xml"))?.[0];
    expect(defaults).toBe(
      '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
    );
    expect(xml).not.toContain('<w:widowControl w:val="false"/>');
  });

  it("sets Times New Roman, black, on every run and as the default", () => {
    const styles = part(sample, "word/styles.xml");
    const tnr =
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>';
    expect(/<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0]).toContain(tnr);
    const fonts = [...xml.matchAll(/<w:rFonts [^>]*\/>/g)].map(([tag]) => tag);
    expect(fonts.length).toBeGreaterThan(50);
    expect(new Set(fonts)).toEqual(new Set([tnr]));
    expect(new Set([...xml.matchAll(/<w:color w:val="(\w+)"/g)].map((match) => match[1]))).toEqual(
      new Set(["000000"]),
    );
  });
});

describe("renderDocx: the frame", () => {
  it("writes the header table: parent, issuer, number; national title, motto, place and date", () => {
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? "";
    expect(header).toContain('<w:gridCol w:w="3742"/><w:gridCol w:w="5613"/>');
    expect(header).toMatch(/<w:tblBorders><w:top w:val="none"/);
    const texts = paragraphs(header).map((paragraph) => paragraph.text);
    expect(texts).toEqual([
      "BỘ XÂY DỰNG",
      // Broken where its phrases begin, not wherever the narrow column runs out.
      "TRUNG TÂM THÔNG TIN\nVÀ ĐÀO TẠO NGHIỆP VỤ\nQUẢN LÝ ĐÔ THỊ",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Số: 125/BC-TTĐT",
      "Hà Nội, ngày 08 tháng 6 năm 2022",
    ]);
    const [parent, issuer, issuerRule, national, motto, mottoRule, number, date] = paragraphs(header);
    expect(parent?.xml).not.toContain("<w:b/>");
    expect(parent?.xml).toContain('<w:sz w:val="26"/>');
    expect(issuer?.xml).toContain("<w:b/>");
    expect(national?.xml).toContain('<w:sz w:val="24"/>');
    expect(motto?.xml).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(number?.xml).toContain('<w:sz w:val="26"/>');
    expect(date?.xml).toContain("<w:i/>");
    expect(date?.xml).toContain('<w:sz w:val="28"/>');
    for (const rule of [issuerRule, mottoRule]) {
      expect(rule?.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    }
    // The motto's rule is as long as the motto (about 3,250 twips at 13 pt bold), the issuer's shorter.
    const side = (rule: string | undefined) => Number(/<w:ind w:left="(\d+)"/.exec(rule ?? "")?.[1]);
    expect(5613 - 2 * side(mottoRule?.xml)).toBeGreaterThan(3000);
    expect(5613 - 2 * side(mottoRule?.xml)).toBeLessThan(3500);
    expect(3742 - 2 * side(issuerRule?.xml)).toBeLessThan(3742 / 2);
  });

  it("sets a long issuer at 12 pt where that saves it a line, else at 13 pt", async () => {
    const issuerOf = async (issuer: string) =>
      paragraphs(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(await documentXml(model({ issuer })))?.[0] ?? "")[1];
    const long = await issuerOf("Cục Giám định nhà nước về chất lượng công trình xây dựng");
    expect(long?.text).toBe("CỤC GIÁM ĐỊNH NHÀ NƯỚC\nVỀ CHẤT LƯỢNG\nCÔNG TRÌNH XÂY DỰNG");
    expect(long?.xml).toContain('<w:sz w:val="24"/>');
    const short = await issuerOf("Viện Kinh tế xây dựng");
    expect(short?.text).toBe("VIỆN KINH TẾ XÂY DỰNG");
    expect(short?.xml).toContain('<w:sz w:val="26"/>');
  });

  it("leaves the parent out when there is none", async () => {
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(await documentXml(model({ parent: "" })))?.[0] ?? "";
    expect(paragraphs(header)[0]?.text).toBe("TRUNG TÂM THÔNG TIN\nVÀ ĐÀO TẠO NGHIỆP VỤ\nQUẢN LÝ ĐÔ THỊ");
  });

  it("keeps the blank number as given", async () => {
    const out = await documentXml(model({ number: "Số:      /BC-BXD" }));
    expect(paragraphs(out).map((paragraph) => paragraph.text)).toContain("Số:      /BC-BXD");
  });

  it("writes type and subject, centred and bold, with a rule, then the addressee", () => {
    const type = paragraphWith(xml, "BÁO CÁO");
    expect(type.xml).toContain('<w:jc w:val="center"/>');
    expect(type.xml).toContain("<w:b/>");
    const all = paragraphs(xml);
    const at = all.findIndex((paragraph) => paragraph.text.replace(/\n/g, " ") === sampleFrame.subject);
    expect(all[at]?.xml).toContain("<w:b/>");
    expect(all[at + 1]?.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(all[at + 2]?.text).toBe("Kính gửi: Bộ Xây dựng (qua Vụ Tổ chức cán bộ).");
  });

  it("closes a single addressee with a full stop", async () => {
    const texts = paragraphs(
      await documentXml(model({ addressee: "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam" })),
    );
    expect(texts.map((p) => p.text)).toContain(
      "Kính gửi: Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam.",
    );
  });

  it("has no Kính gửi line without an addressee", async () => {
    expect(await documentXml(model({ addressee: "" }))).not.toContain("Kính gửi");
  });

  it("writes recipients and signature", () => {
    const texts = paragraphs(xml).map((paragraph) => paragraph.text);
    const at = texts.indexOf("Nơi nhận:");
    expect(texts.slice(at, at + 8)).toEqual([
      "Nơi nhận:",
      "- Như trên;",
      "- Lãnh đạo Trung tâm;",
      "- Lưu: VT, TCCB.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Thị Minh Hạnh",
      // then the appendices' section break
      "",
    ]);
    const label = paragraphWith(xml, "Nơi nhận:").xml;
    expect(label).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphWith(xml, "- Như trên;").xml).toContain('<w:sz w:val="22"/>');
    expect(paragraphWith(xml, "Nguyễn Thị Minh Hạnh").xml).toContain("<w:b/>");
  });

  it("tidies recipients given with their punctuation, and signs without an authority", async () => {
    const out = await documentXml(
      model({
        recipients: ["- Như trên;", "Lưu: VT."],
        signer: { position: "Viện trưởng", name: "Trần Văn B" },
      }),
    );
    const texts = paragraphs(out).map((paragraph) => paragraph.text);
    const at = texts.indexOf("Nơi nhận:");
    expect(texts.slice(at, at + 5)).toEqual([
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "VIỆN TRƯỞNG",
      "Trần Văn B",
    ]);
  });

  it("keeps the signature row whole and the last paragraph with it", async () => {
    const out = await documentXml(model({}, [P("Một."), P("Cuối cùng.")]));
    expect(paragraphWith(out, "Cuối cùng.").xml).toContain("<w:keepNext/>");
    expect(paragraphWith(out, "Một.").xml).not.toContain("<w:keepNext/>");
    const signature = [...out.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)?.[0] ?? "";
    expect(signature).toContain("<w:cantSplit/>");
  });
});

describe("renderDocx: the subject line", () => {
  const SEMI_ANNUAL = "Sơ kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022";
  const ANNUAL = "Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022";
  const OTHERS = [
    "Kết quả thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng, chống bạo lực gia đình trong 6 tháng đầu năm 2022 của Bộ Xây dựng",
    "Tình hình thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030 tại các cơ quan, đơn vị thuộc Bộ",
  ];
  /** The portrait text width, and narrower ones that force more lines. */
  const WIDTHS = [9355, 7000, 5000];
  const PAIRS = ["tiến bộ", "bình đẳng", "phụ nữ", "công tác", "bạo lực", "gia đình", "cơ quan"];
  const cases = [SEMI_ANNUAL, ANNUAL, ...OTHERS].flatMap((subject) =>
    WIDTHS.map((width) => [subject, width] as const),
  );

  it.each(cases)("breaks %j in %d twips between phrases, every line fitting", (subject, width) => {
    const lines = titleLines(subject, 14, width);
    expect(lines.join(" ")).toBe(subject);
    for (const line of lines) expect(boldWidth(line, 14) * 1.05).toBeLessThanOrEqual(width);
    const broken = lines.join("\n");
    for (const pair of PAIRS) expect(broken).not.toContain(pair.replace(" ", "\n"));
    // No line left hanging on a word that leads into the next.
    for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/ (và|của|vì|các)$/);
  });

  it("sets the 2022 titles as a clerk would: the annual one on a line, the semi-annual one on two", () => {
    expect(titleLines(ANNUAL, 14, 9355)).toEqual([ANNUAL]);
    expect(titleLines(SEMI_ANNUAL, 14, 9355)).toEqual([
      "Sơ kết công tác bình đẳng giới và vì sự tiến bộ",
      "của phụ nữ 6 tháng đầu năm 2022",
    ]);
  });

  it("keeps a break the subject already has, and white space collapsed", () => {
    expect(titleLines("Báo cáo  nhanh\nnăm 2022", 14, 9355)).toEqual(["Báo cáo nhanh", "năm 2022"]);
  });

  it("writes the lines with w:br, centred over the whole text width, without side indents", async () => {
    const out = await documentXml(model({ subject: SEMI_ANNUAL }));
    const subject = paragraphWith(
      out,
      "Sơ kết công tác bình đẳng giới và vì sự tiến bộ\ncủa phụ nữ 6 tháng đầu năm 2022",
    ).xml;
    expect(subject.match(/<w:br\/>/g)).toHaveLength(1);
    expect(subject).toContain('<w:jc w:val="center"/>');
    expect(subject).not.toContain("<w:ind");
  });
});

describe("renderDocx: blocks", () => {
  it("writes body paragraphs 14 pt, justified, indented 1.27 cm, 6 pt after", () => {
    const paragraph = paragraphs(xml).find((candidate) => candidate.text.startsWith("Thực hiện Công văn"));
    expect(paragraph?.xml).toContain('<w:jc w:val="both"/>');
    expect(paragraph?.xml).toContain('<w:ind w:firstLine="720"/>');
    expect(paragraph?.xml).toMatch(/<w:spacing w:after="120"[^>]*w:line="276"/);
    expect(paragraph?.xml).toContain('<w:sz w:val="28"/>');
    // Escaped markup stays literal text.
    expect(paragraph?.text).toContain("<b>không in đậm</b> và {{x}}");
  });

  it("writes headings by level: upper bold, bold, italic", async () => {
    const out = await documentXml(
      model({}, [
        { kind: "heading", level: 1, runs: [{ text: "I. Tình hình chung" }] },
        { kind: "heading", level: 2, runs: [{ text: "1. Ưu điểm" }] },
        { kind: "heading", level: 3, runs: [{ text: "a) Tuyên truyền" }] },
      ]),
    );
    expect(paragraphWith(out, "I. TÌNH HÌNH CHUNG").xml).toContain("<w:b/>");
    expect(paragraphWith(out, "1. Ưu điểm").xml).toContain("<w:b/>");
    const third = paragraphWith(out, "a) Tuyên truyền").xml;
    expect(third).not.toContain("<w:b/>");
    // A sub-task's heading set apart from the plain text under it.
    expect(third).toContain("<w:i/><w:iCs/>");
    expect(paragraphWith(out, "1. Ưu điểm").xml).not.toContain("<w:i/>");
    for (const text of ["I. TÌNH HÌNH CHUNG", "1. Ưu điểm", "a) Tuyên truyền"]) {
      const heading = paragraphWith(out, text).xml;
      expect(heading).toContain("<w:keepNext/>");
      expect(heading).not.toContain("<w:numPr>");
    }
  });

  it("writes paragraph alignments, breaks, lists and page breaks", async () => {
    const out = await documentXml(
      model({}, [
        { kind: "paragraph", runs: [{ text: "giữa" }], align: "center", indent: false },
        { kind: "paragraph", runs: [{ text: "phải" }], align: "right", indent: false },
        { kind: "paragraph", runs: [{ text: "một" }, { text: "\n" }, { text: "hai", bold: true }] },
        { kind: "list", items: [[{ text: "Mục một" }], [{ text: "Mục ", italic: true }, { text: "hai" }]] },
        { kind: "page-break" },
        P("Trang mới"),
      ]),
    );
    const center = paragraphWith(out, "giữa").xml;
    expect(center).toContain('<w:jc w:val="center"/>');
    expect(center).not.toContain("w:firstLine");
    expect(paragraphWith(out, "phải").xml).toContain('<w:jc w:val="right"/>');
    expect(paragraphWith(out, "một\nhai").xml).toContain("<w:br/>");
    expect(paragraphWith(out, "- Mục một").xml).toContain('<w:ind w:firstLine="720"/>');
    expect(paragraphWith(out, "- Mục hai").xml).toContain("<w:i/>");
    expect(paragraphWith(out, "Trang mới").xml).toContain("<w:pageBreakBefore/>");
  });

  it("writes tables on a grid: widths, merged headers repeated, total row bold", () => {
    const [, table] = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([match]) => match);
    const grid = [...(table ?? "").matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(grid).toHaveLength(8);
    expect(grid.reduce((sum, width) => sum + width, 0)).toBe(9355);
    expect(grid[1]).toBe(Math.floor((34 / 100) * 9355));
    const rows = [...(table ?? "").matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => row);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[1]).toContain("<w:tblHeader/>");
    expect(rows[2]).not.toContain("<w:tblHeader/>");
    expect(rows[0]?.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(rows[0]?.match(/<w:gridSpan w:val="3"\/>/g)).toHaveLength(2);
    expect(rows[1]?.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    // Every row covers the eight columns.
    for (const row of rows) {
      const spans = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([cell]) =>
        Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
      );
      expect(spans.reduce((sum, span) => sum + span, 0)).toBe(8);
    }
    expect(paragraphs(rows[0] ?? "")[0]?.xml).toContain('<w:jc w:val="center"/>');
    expect(paragraphs(rows[0] ?? "")[0]?.xml).toContain("<w:b/>");
    expect(paragraphs(rows[2] ?? "")[0]?.xml).not.toContain("<w:b/>");
    const total = rows[8] ?? "";
    expect(paragraphs(total).map((paragraph) => paragraph.text)).toContain("Tổng cộng");
    expect(
      paragraphs(total)
        .filter((paragraph) => paragraph.text !== "")
        .every((p) => p.xml.includes("<w:b/>")),
    ).toBe(true);
    expect(paragraphWith(table ?? "", "41").xml).toContain('<w:sz w:val="26"/>');
    expect(paragraphWith(table ?? "", "41").xml).toContain('<w:jc w:val="right"/>');
    expect(table).toMatch(/<w:insideH w:val="single"/);
  });

  it("makes a rectangular grid of odd tables", async () => {
    const out = await documentXml(
      model({}, [
        {
          kind: "table",
          widths: [1, 2],
          rows: [
            {
              cells: [
                { runs: [{ text: "a" }], rowspan: 9 },
                { runs: [{ text: "b" }], colspan: 4 },
              ],
            },
            { cells: [] },
            { cells: [{ runs: [{ text: "c" }] }] },
          ],
        },
        { kind: "table", rows: [{ cells: [{ runs: [{ text: "x" }] }] }] },
      ]),
    );
    const tables = [...out.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([match]) => match);
    const odd = tables[1] ?? "";
    expect(odd.match(/<w:gridCol /g)).toHaveLength(5);
    const rows = [...odd.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => row);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(1);
    expect(rows[2]?.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(1);
    for (const row of rows) {
      const spans = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([cell]) =>
        Number(/<w:gridSpan w:val="(\d+)"/.exec(cell)?.[1] ?? 1),
      );
      expect(spans.reduce((sum, span) => sum + span, 0)).toBe(5);
    }
    // Two tables in a row are kept apart, or Word would merge them.
    expect(out).not.toContain("</w:tbl><w:tbl>");
  });

  it("copes with hand-made tables: bad spans and widths, no cells at all", async () => {
    const out = await documentXml(
      model({}, [
        {
          kind: "table",
          widths: [Number.NaN, -1],
          rows: [
            {
              cells: [{ runs: [{ text: "a" }], colspan: Number.NaN, rowspan: -3 }, { runs: [{ text: "b" }] }],
            },
          ],
        },
        { kind: "table", rows: [{ cells: [] }] },
        { kind: "table", rows: [] },
      ]),
    );
    const tables = [...out.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([match]) => match);
    expect(tables).toHaveLength(3);
    expect([...(tables[1] ?? "").matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => match[1])).toEqual([
      "4677",
      "4678",
    ]);
    expect(tables[1]).not.toContain("w:vMerge");
    expect(tables[1]).not.toContain("w:gridSpan");
  });

  it("writes the date alone, capitalised, without a place", async () => {
    const out = await documentXml(model({ place: "" }));
    expect(paragraphs(out).map((paragraph) => paragraph.text)).toContain("Ngày 08 tháng 6 năm 2022");
  });

  it("starts each appendix with its label, title and note", () => {
    const [, landscape] = sections(xml);
    const texts = paragraphs(landscape?.content ?? "").map((paragraph) => paragraph.text);
    expect(texts.slice(0, 3)).toEqual([
      "Phụ lục I",
      "SỐ LIỆU CÁN BỘ NỮ",
      "(Kèm theo Báo cáo số 125/BC-TTĐT ngày 08 tháng 6 năm 2022 của Trung tâm)",
    ]);
    expect(paragraphWith(xml, "Phụ lục I").xml).toContain("<w:b/>");
    expect(paragraphWith(xml, "(Kèm theo Báo cáo số 125/BC-TTĐT)").xml).toContain("<w:i/>");
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(landscape?.content ?? "")?.[0] ?? "";
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(grid.reduce((sum, width) => sum + width, 0)).toBe(16838 - 1701 - 850);
    expect(paragraphWith(table, "41").xml).toContain('<w:sz w:val="24"/>');
  });
});

describe("renderDocx: safety and reproducibility", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps XML-illegal characters out of every part, wherever they come from", async () => {
    const dirty = "a\u0000\u000Cb\uD800c\uFFFE";
    const bytes = await renderDocx(
      model(
        {
          parent: dirty,
          issuer: dirty,
          number: dirty,
          place: dirty,
          subject: dirty,
          addressee: dirty,
          type: dirty,
          recipients: [dirty],
          signer: { authority: dirty, position: dirty, name: dirty },
        },
        [
          P(dirty),
          { kind: "table", rows: [{ cells: [{ runs: [{ text: dirty }] }] }] },
          { kind: "list", items: [[{ text: dirty }]] },
        ],
        [{ label: dirty, title: dirty, note: dirty, landscape: false, blocks: [P(dirty)] }],
      ),
    );
    for (const entry of readZip(bytes)) {
      if (!entry.name.endsWith(".xml") && !entry.name.endsWith(".rels")) continue;
      const text = new TextDecoder("utf-8", { fatal: true }).decode(entry.data);
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]/);
    }
    expect(paragraphs(part(bytes, "word/document.xml")).map((paragraph) => paragraph.text)).toContain("abc");
  });

  it("renders whatever the parser gives and whatever the frame holds", async () => {
    const markup = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            "<p>",
            "<h1>",
            "<b>",
            "<br>",
            "<ul><li>",
            "<table><tr><td rowspan=3 colspan=2>",
            "<th>",
          ),
          fc.constantFrom(
            "</td><td>",
            "<tr>",
            "</table>",
            "<pagebreak/>",
            "<appendix landscape>",
            "</appendix>",
          ),
          fc.string({ unit: "binary", maxLength: 8 }),
        ),
        { maxLength: 30 },
      )
      .map((pieces) => pieces.join(""));
    const text = fc.string({ unit: "binary", maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(markup, text, text, async (source, issuer, name) => {
        const { body, appendices } = parseMarkup(source);
        const bytes = await renderDocx(
          model({ issuer, parent: issuer, signer: { position: name, name } }, body, appendices),
        );
        const xml = part(bytes, "word/document.xml");
        expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(xml.match(/<w:tbl>/g)?.length).toBe(xml.match(/<\/w:tbl>/g)?.length);
        expect(xmlErrors(xml)).toEqual([]);
        expect(sections(xml)).toHaveLength(1 + appendices.length);
      }),
      { numRuns: 40 },
    );
  });

  it("writes well-formed XML, a section per appendix, for any model", async () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }));
    const runs = fc.array(fc.record({ text, bold: fc.boolean() }, { requiredKeys: ["text"] }), {
      maxLength: 3,
    });
    const span = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined });
    const cell = fc.record({ runs, colspan: span, rowspan: span }, { requiredKeys: ["runs"] });
    const row = fc.record({ cells: fc.array(cell, { maxLength: 3 }), header: fc.boolean() });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({
        kind: fc.constant("heading" as const),
        level: fc.constantFrom(1 as const, 3 as const),
        runs,
      }),
      fc.record({ kind: fc.constant("paragraph" as const), runs }),
      fc.record({ kind: fc.constant("list" as const), items: fc.array(runs, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant("table" as const), rows: fc.array(row, { maxLength: 3 }) }),
      fc.constant({ kind: "page-break" as const }),
    );
    const blocks = fc.array(block, { maxLength: 5 });
    const appendix = fc.record({ label: text, title: text, note: text, landscape: fc.boolean(), blocks });
    await fc.assert(
      fc.asyncProperty(blocks, fc.array(appendix, { maxLength: 3 }), async (body, appendices) => {
        const xml = await documentXml(model({}, body, appendices));
        expect(xmlErrors(xml)).toEqual([]);
        const all = sections(xml);
        expect(all).toHaveLength(1 + appendices.length);
        // Every section but the last ends in its last paragraph's properties; the last, in the body's.
        for (const { content } of all.slice(0, -1))
          expect(content).toMatch(/<w:p><w:pPr>(?:(?!<\/?w:p>)[\s\S])*$/);
        expect(xml).toMatch(/<\/w:sectPr><\/w:body><\/w:document>$/);
        expect(xml).not.toContain("\uFFFF");
      }),
      { numRuns: 60 },
    );
  });

  it("ends an appendix whose blocks write nothing on its heading, as docx does", async () => {
    const out = await documentXml(
      model(
        {},
        [P("a")],
        [
          { label: "Phụ lục I", title: "", note: "", landscape: true, blocks: [{ kind: "table", rows: [] }] },
          { label: "Phụ lục II", title: "", note: "", landscape: false, blocks: [P("b")] },
        ],
      ),
    );
    const [, first, second] = sections(out);
    // The section's properties split its last paragraph, the empty one under the heading.
    expect(paragraphs(first?.content ?? "").map((paragraph) => paragraph.text)).toEqual(["Phụ lục I"]);
    expect(first?.content).toMatch(/<w:p><w:pPr><w:spacing w:after="120" w:before="0" w:line="240"\/>$/);
    expect(first?.properties).toContain('w:orient="landscape"');
    expect(paragraphs(second?.content ?? "").map((paragraph) => paragraph.text)).toEqual([
      "Phụ lục II",
      "",
      "b",
    ]);
  });

  it("normalises to NFC", async () => {
    const out = await documentXml(
      model({ subject: "Vie\u0323\u0302t Nam" }, [P("Tie\u0302\u0301ng Vie\u0323\u0302t")]),
    );
    expect(out).toContain("Việt Nam");
    expect(out).toContain("Tiếng Việt");
    expect(out).not.toContain("\u0323");
  });

  it("gives the same bytes for the same model, whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-04T05:06:07Z"));
    const first = await renderDocx(sampleModel());
    vi.setSystemTime(new Date("2044-12-30T23:59:59Z"));
    const second = await renderDocx(sampleModel());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(sample))).toBe(true);
  });

  it("dates the package with the document's date", () => {
    const entries = readZip(sample);
    // 2022-06-08 00:00 in MS-DOS form.
    const dosDate = ((2022 - 1980) << 9) | (6 << 5) | 8;
    for (const entry of entries) {
      expect(entry).toMatchObject({ dosDate, dosTime: 0, method: 8 });
    }
    const core = part(sample, "docProps/core.xml");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-06-08T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-06-08T00:00:00Z</dcterms:modified>',
    );
    expect(core).toContain(`<dc:title>${sampleFrame.subject}</dc:title>`);
  });

  it("clamps only the package's own date: the page and the properties show a date before 1980 as given", async () => {
    const bytes = await renderDocx(model({ date: "1975-04-30" }));
    expect(readZip(bytes)[0]?.dosDate).toBe((0 << 9) | (1 << 5) | 1);
    const text = paragraphs(part(bytes, "word/document.xml")).map((p) => p.text);
    expect(text.some((t) => t.includes("ngày 30 tháng 4 năm 1975"))).toBe(true);
    expect(text.join(" ")).not.toContain("1980");
    expect(part(bytes, "docProps/core.xml")).toContain(">1975-04-30T00:00:00Z</dcterms:created>");
  });

  it("keeps &, <, > and quotes in the document properties' title and author, read back as written", async () => {
    const subject = `Báo cáo "Sơ kết" & <tổng hợp> của 'Ban' vì sự tiến bộ của phụ nữ`;
    const issuer = `Trung tâm "Thông tin" & <Đào tạo> 'nghiệp vụ'`;
    const core = part(await renderDocx(model({ subject, issuer })), "docProps/core.xml");
    expect(xmlErrors(core)).toEqual([]);
    const dom = parseDocument(core, { xmlMode: true, decodeEntities: true });
    const text = (name: string) =>
      DomUtils.getElementsByTagName(name, dom).map((e) => DomUtils.textContent(e));
    expect(text("dc:title")).toEqual([subject]);
    expect(text("dc:creator")).toEqual([issuer]);
    expect(text("cp:lastModifiedBy")).toEqual([issuer]);
  });

  it("still renders with a date that is not an ISO date", async () => {
    const bytes = await renderDocx(model({ date: "08/06/2022" }));
    expect(readZip(bytes)[0]?.dosDate).toBe((0 << 9) | (1 << 5) | 1);
  });
});
