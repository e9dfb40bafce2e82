import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Block, Run, TableCell, TableRow } from "../../src/document/model.js";
import { blocksXml, escapeXml, lastParagraphOf, numberSize, numberText } from "../../src/document/wordml.js";
import type { BlockOptions } from "../../src/document/wordml.js";
import { referenceXml } from "./docx-reference.js";
import { paragraphs } from "./docx-xml.js";
import { xmlErrors } from "./xml-check.js";

const BODY: BlockOptions = { textWidth: 9355, tableSize: 13, keepLastWithNext: true };
const APPENDIX: BlockOptions = { textWidth: 14287, tableSize: 12, keepLastWithNext: false };
const SECTION_END = '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/></w:sectPr>';

const P = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });
const cell = (text: string, more: Partial<TableCell> = {}): TableCell => ({ runs: [{ text }], ...more });
const rowsOf = (xml: string): string[] => [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => row);
const cellsOf = (row: string): string[] => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => tc);
const texts = (xml: string): string[] => paragraphs(xml).map((paragraph) => paragraph.text);

describe("escapeXml", () => {
  it("escapes the five characters XML reserves, as docx does, and leaves other text as it is", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
    const plain = "Tiếng Việt\tcó dấu, 100%";
    expect(escapeXml(plain)).toBe(plain);
    expect(escapeXml("")).toBe("");
  });
});

describe("blocksXml: text", () => {
  it("writes text literally, escaped, with every space kept", () => {
    const xml = blocksXml([P(`  <b>không in đậm</b> & {{x}} "trích" 'dẫn'  `)], BODY);
    expect(xml).toContain(
      '<w:t xml:space="preserve">  &lt;b&gt;không in đậm&lt;/b&gt; &amp; {{x}} &quot;trích&quot; &apos;dẫn&apos;  </w:t>',
    );
    expect(texts(xml)).toEqual([`  <b>không in đậm</b> & {{x}} "trích" 'dẫn'  `]);
    expect(xmlErrors(`<w:body>${xml}</w:body>`)).toEqual([]);
  });

  it("removes what XML 1.0 cannot carry and normalises to NFC, keeping tabs and surrogate pairs", () => {
    const dirty = "a\u0000\u0008\u000B\u000C\u001Fb\uD800c\uDC00d\uFFFE\uFFFFe\tf😀 Vie\u0323\u0302t";
    const xml = blocksXml(
      [
        P(dirty),
        { kind: "heading", level: 1, runs: [{ text: dirty }] },
        { kind: "list", items: [[{ text: dirty }]] },
        { kind: "table", rows: [{ cells: [cell(dirty)] }] },
      ],
      BODY,
    );
    expect(xmlErrors(`<w:body>${xml}</w:body>`)).toEqual([]);
    expect(texts(xml)).toEqual([
      "abcde\tf😀 Việt",
      "ABCDE\tF😀 VIỆT",
      "- abcde\tf😀 Việt",
      "abcde\tf😀 Việt",
      "",
    ]);
  });

  it("turns line breaks into w:br, each in a run of its own with the run's style", () => {
    const xml = blocksXml(
      [
        {
          kind: "paragraph",
          runs: [{ text: "một\r\nhai\rba" }, { text: "\n" }, { text: "bốn", bold: true }],
        },
      ],
      BODY,
    );
    expect(texts(xml)).toEqual(["một\nhai\nba\nbốn"]);
    // "\n" alone is two empty pieces around a break.
    expect(xml.match(/<w:r>/g)).toHaveLength(6);
    expect(xml.match(/<w:br\/>/g)).toHaveLength(3);
    expect(xml).toMatch(/<w:b\/><w:bCs\/>[^]*?<w:t xml:space="preserve">bốn<\/w:t>/);
  });

  it("sets every run in black Times New Roman of the block's size, bold and italic as the run says", () => {
    const xml = blocksXml(
      [
        { kind: "paragraph", runs: [{ text: "a", bold: true, italic: true }] },
        { kind: "table", rows: [{ cells: [cell("b")] }] },
      ],
      APPENDIX,
    );
    const [a, b] = [...xml.matchAll(/<w:rPr>[\s\S]*?<\/w:rPr>/g)].map(([rPr]) => rPr);
    const fonts =
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>';
    expect(a).toBe(
      `<w:rPr>${fonts}<w:b/><w:bCs/><w:i/><w:iCs/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`,
    );
    expect(b).toBe(`<w:rPr>${fonts}<w:color w:val="000000"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>`);
  });
});

describe("blocksXml: tables", () => {
  const merged: Block = {
    kind: "table",
    widths: [1, 3, 2, 2],
    rows: [
      {
        header: true,
        cells: [cell("TT", { rowspan: 2 }), cell("Đơn vị", { rowspan: 2 }), cell("Số", { colspan: 2 })],
      },
      { header: true, cells: [cell("Tổng"), cell("Nữ")] },
      { cells: [cell("1", { align: "center" }), cell("A"), cell("3", { align: "right" }), cell("1")] },
      { header: true, cells: [cell("Nhóm 2", { colspan: 4 })] },
      { total: true, cells: [cell("Cộng", { colspan: 2, rowspan: 5 }), cell("3"), cell("1")] },
    ],
  };

  it("writes the grid, widths filling the text width, and a spacer paragraph after the table", () => {
    const xml = blocksXml([merged], BODY);
    expect(xml).toContain(
      '<w:tblGrid><w:gridCol w:w="1169"/><w:gridCol w:w="3508"/><w:gridCol w:w="2338"/><w:gridCol w:w="2340"/></w:tblGrid>',
    );
    expect(xml).toContain('<w:tblW w:type="dxa" w:w="9355"/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toMatch(/<w:insideV w:val="single" w:color="000000" w:sz="4"\/>/);
    expect(xml).toContain('<w:left w:type="dxa" w:w="80"/>');
    expect(xml.endsWith('<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>')).toBe(true);
    expect(xmlErrors(`<w:body>${xml}</w:body>`)).toEqual([]);
  });

  it("merges down with restart and continue, across with gridSpan, every row covering the grid", () => {
    const rows = rowsOf(blocksXml([merged], BODY));
    expect(rows).toHaveLength(5);
    const [first, second, , , total] = rows;
    expect(cellsOf(first ?? "").map((tc) => /<w:vMerge w:val="(\w+)"/.exec(tc)?.[1])).toEqual([
      "restart",
      "restart",
      undefined,
    ]);
    expect(first).toContain(
      '<w:tcW w:type="dxa" w:w="4678"/><w:gridSpan w:val="2"/><w:vAlign w:val="center"/>',
    );
    expect(cellsOf(second ?? "").map((tc) => /<w:vMerge w:val="(\w+)"/.exec(tc)?.[1])).toEqual([
      "continue",
      "continue",
      undefined,
      undefined,
    ]);
    // A merge down from the last row merges nothing.
    expect(total).toContain('<w:gridSpan w:val="2"/><w:vAlign w:val="center"/>');
    expect(total).not.toContain("w:vMerge");
    for (const row of rows) {
      const widths = cellsOf(row).map((tc) => Number(/<w:tcW w:type="dxa" w:w="(\d+)"/.exec(tc)?.[1]));
      expect(widths.reduce((sum, width) => sum + width, 0)).toBe(9355);
    }
  });

  it("merges a block of cells both ways", () => {
    const rows = rowsOf(
      blocksXml(
        [
          {
            kind: "table",
            rows: [{ cells: [cell("a", { colspan: 2, rowspan: 2 }), cell("b")] }, { cells: [cell("c")] }],
          },
        ],
        BODY,
      ),
    );
    expect(cellsOf(rows[0] ?? "")[0]).toContain('<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>');
    expect(cellsOf(rows[1] ?? "")[0]).toContain('<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>');
    expect(paragraphs(rows[1] ?? "").map((paragraph) => paragraph.text)).toEqual(["", "c"]);
  });

  it("repeats only the leading header rows, keeps every row whole, and sets header and total bold", () => {
    const rows = rowsOf(blocksXml([merged], BODY));
    expect(rows.map((row) => /<w:trPr>.*?<\/w:trPr>/.exec(row)?.[0])).toEqual([
      "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
      "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
      "<w:trPr><w:cantSplit/></w:trPr>",
      "<w:trPr><w:cantSplit/></w:trPr>",
      "<w:trPr><w:cantSplit/></w:trPr>",
    ]);
    const [head, , body, group, total] = rows.map((row) => paragraphs(row));
    expect(head?.[0]?.xml).toMatch(/<w:jc w:val="center"\/>[^]*<w:b\/>/);
    expect(body?.map((paragraph) => /<w:jc w:val="(\w+)"/.exec(paragraph.xml)?.[1])).toEqual([
      "center",
      "left",
      "right",
      "left",
    ]);
    expect(body?.some((paragraph) => paragraph.xml.includes("<w:b/>"))).toBe(false);
    expect(group?.[0]?.xml).toContain("<w:b/>");
    expect(total?.filter((paragraph) => paragraph.text !== "").every((p) => p.xml.includes("<w:b/>"))).toBe(
      true,
    );
  });

  it("writes nothing for a table without cells, and keeps a page break for what follows", () => {
    const xml = blocksXml([{ kind: "page-break" }, { kind: "table", rows: [{ cells: [] }] }, P("sau")], BODY);
    expect(xml).not.toContain("<w:tbl>");
    expect(paragraphs(xml)).toHaveLength(1);
    expect(xml).toContain("<w:pageBreakBefore/>");
  });
});

describe("blocksXml: what stays with what follows", () => {
  const keeps = (xml: string): Array<[string, boolean]> =>
    paragraphs(xml).map((paragraph) => [paragraph.text, paragraph.xml.includes("<w:keepNext/>")]);
  const list: Block = {
    kind: "list",
    items: [[{ text: "Ngày 21/01/2022: Trao quà" }], [{ text: "Ngày 08/3" }]],
  };
  const table: Block = { kind: "table", rows: [{ cells: [cell("a")] }, { cells: [cell("b")] }] };

  it("keeps a label ending with a colon with the list or table it introduces", () => {
    const xml = blocksXml(
      [
        P("Các hoạt động tiêu biểu:"),
        list,
        {
          kind: "paragraph",
          runs: [{ text: "Số liệu ", bold: true }, { text: "như sau: " }, { text: "\n" }],
        },
        table,
        P("Không có gì:"),
        P("Vì vậy"),
        P("Danh sách sau"),
        list,
        P("Sang trang:"),
        { kind: "page-break" },
        list,
      ],
      APPENDIX,
    );
    expect(keeps(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/, ""))).toEqual([
      ["Các hoạt động tiêu biểu:", true],
      ["- Ngày 21/01/2022: Trao quà", false],
      ["- Ngày 08/3", false],
      ["Số liệu như sau: \n", true],
      ["", false],
      ["Không có gì:", false],
      ["Vì vậy", false],
      ["Danh sách sau", false],
      ["- Ngày 21/01/2022: Trao quà", false],
      ["- Ngày 08/3", false],
      ["Sang trang:", false],
      ["- Ngày 21/01/2022: Trao quà", false],
      ["- Ngày 08/3", false],
    ]);
  });

  it("keeps a short label wholly in bold or italics with what follows, as a heading", () => {
    const italic = (text: string): Block => ({ kind: "paragraph", runs: [{ text, italic: true }] });
    const xml = blocksXml(
      [
        italic("1. Phối hợp thực hiện bình đẳng giới"),
        P("a) Triển khai chủ trương"),
        { kind: "paragraph", runs: [{ text: "Kết quả nổi bật", bold: true, italic: true }, { text: " " }] },
        P("Các đơn vị đã tổ chức 08 lớp."),
        { kind: "paragraph", runs: [{ text: "Ghi chú", italic: true }, { text: ": x là đã hoàn thành" }] },
        P("b"),
        italic("Một đoạn trích dài ".repeat(12)),
        P("c"),
        italic("Cuối trang"),
        { kind: "page-break" },
        P("d"),
        italic("Cuối cùng"),
      ],
      APPENDIX,
    );
    expect(keeps(xml).map(([, keep]) => keep)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("keeps a list's last item ending with a colon with the list or table after it", () => {
    const xml = blocksXml(
      [{ kind: "list", items: [[{ text: "một" }], [{ text: "gồm:" }]] }, table],
      APPENDIX,
    );
    expect(keeps(xml).slice(0, 2)).toEqual([
      ["- một", false],
      ["- gồm:", true],
    ]);
  });

  it("keeps every heading with what follows", () => {
    const xml = blocksXml(
      ([1, 2, 3] as const).map((level) => ({ kind: "heading", level, runs: [{ text: `h${level}` }] })),
      APPENDIX,
    );
    expect(keeps(xml)).toEqual([
      ["H1", true],
      ["h2", true],
      ["h3", true],
    ]);
  });

  it("keeps the header rows and a group's row (one cell across the table) with the row under them", () => {
    const comparison: Block = {
      kind: "table",
      rows: [
        { header: true, cells: [cell("Nội dung"), cell("6 tháng"), cell("Cả năm")] },
        { cells: [cell("1. Phối hợp", { colspan: 3 })] },
        { cells: [cell("a) Triển khai", { colspan: 3 })] },
        { cells: [cell("Số đơn vị"), cell("17"), cell("18")] },
        { cells: [cell("Ghi chú", { colspan: 2 }), cell("")] },
        { cells: [cell("d) Lồng ghép", { colspan: 3 })] },
      ],
    };
    const rows = rowsOf(blocksXml([comparison], APPENDIX));
    expect(rows.map((row) => paragraphs(row).every((p) => p.xml.includes("<w:keepNext/>")))).toEqual([
      true,
      true,
      true,
      false,
      false,
      // The last row has nothing under it to stay with.
      false,
    ]);
    expect(rows[3]).not.toContain("<w:keepNext/>");
  });
});

describe("blocksXml: numbers in narrow cells", () => {
  const sizeOf = (xml: string): number => Number(/<w:sz w:val="(\d+)"/.exec(xml)?.[1]) / 2;

  it("never lets a number wrap: no wrapping asked, and a number too long for its column set smaller", () => {
    const xml = blocksXml(
      [
        {
          kind: "table",
          widths: [30, 16, 10, 16, 8, 12, 8],
          rows: [
            {
              cells: [
                cell("Dự toán (đồng)"),
                cell("1.290.000.000", { align: "right" }),
                cell("−68", { align: "right" }),
                cell("+808.850.000", { align: "right" }),
                cell("54,2"),
                cell("12 người"),
                cell(""),
              ],
            },
          ],
        },
      ],
      BODY,
    );
    const [label, money, negative, change, share, words, empty] = cellsOf(rowsOf(xml)[0] ?? "");
    for (const tc of [money, negative, change, share]) {
      expect(tc).toMatch(/<w:noWrap\/><w:vAlign w:val="center"\/><\/w:tcPr>/);
    }
    for (const tc of [label, words, empty]) expect(tc).not.toContain("<w:noWrap/>");
    // A column of 1,496 twips, 1,336 inside its margins: 10 digits and 3 dots at 13 pt take 1,495.
    expect(sizeOf(money ?? "")).toBeLessThan(13);
    expect(((10 * 500 + 3 * 250) / 1000) * 20 * sizeOf(money ?? "")).toBeLessThanOrEqual(1336);
    expect(sizeOf(change ?? "")).toBeLessThan(13);
    for (const tc of [negative, share, label, words]) expect(sizeOf(tc ?? "")).toBe(13);
  });

  it("measures a number for its column and keeps the table's size when it fits", () => {
    expect(numberSize("1.290.000.000", 13, 4000)).toBe(13);
    const size = numberSize("1.290.000.000", 13, 1200);
    expect(size).toBeLessThan(13);
    expect(size * 2).toBe(Math.round(size * 2));
    // 10 digits of 500 and 3 dots of 250 per 1000 em, with room to spare.
    expect(((10 * 500 + 3 * 250) / 1000) * 20 * size * 1.05).toBeLessThanOrEqual(1200);
    // Never so small it cannot be read: such a column must be widened.
    expect(numberSize("1.290.000.000.000.000", 13, 300)).toBe(8);
  });

  it("takes only a single number for a number", () => {
    for (const text of ["1.290.000.000", "−68", "-5", "+0,3", "45,8", "100%", " 17 "]) {
      expect(numberText([{ text }]), text).toBe(text.trim());
    }
    expect(numberText([{ text: "1.290" }, { text: ".000" }])).toBe("1.290.000");
    for (const text of ["", "12 người", "Tổng số", "2021 - 2030", "-", "x", "III"]) {
      expect(numberText([{ text }]), text).toBeUndefined();
    }
  });
});

describe("blocksXml: paragraphs and the end of a section", () => {
  it("carries a page break on the next paragraph, or on an empty one before a table or at the end", () => {
    const xml = blocksXml(
      [
        { kind: "page-break" },
        P("một"),
        { kind: "page-break" },
        { kind: "table", rows: [{ cells: [cell("x")] }] },
        { kind: "page-break" },
      ],
      BODY,
    );
    const all = paragraphs(xml.replace(/<w:tbl>[\s\S]*<\/w:tbl>/, ""));
    expect(all.map((paragraph) => [paragraph.text, paragraph.xml.includes("<w:pageBreakBefore/>")])).toEqual([
      ["một", true],
      ["", true],
      ["", false],
      ["", true],
    ]);
  });

  it("keeps only the last paragraph of the body with the signature", () => {
    const xml = blocksXml([P("một"), { kind: "list", items: [[{ text: "a" }], [{ text: "b" }]] }], BODY);
    expect(paragraphs(xml).map((paragraph) => paragraph.xml.includes("<w:keepNext/>"))).toEqual([
      false,
      false,
      true,
    ]);
    expect(blocksXml([P("một")], APPENDIX)).toContain('<w:keepNext w:val="false"/>');
  });

  const ends: Array<[string, Block[], number | "break" | undefined]> = [
    ["a paragraph", [P("a"), P("b")], 1],
    ["a list", [P("a"), { kind: "list", items: [[{ text: "a" }], [{ text: "b" }]] }], 1],
    [
      "a table",
      [
        { kind: "table", rows: [{ cells: [cell("x")] }] },
        { kind: "table", rows: [] },
      ],
      0,
    ],
    ["a page break", [P("a"), { kind: "page-break" }], "break"],
    ["a heading", [{ kind: "heading", level: 2, runs: [{ text: "h" }] }], 0],
    [
      "nothing",
      [
        { kind: "table", rows: [{ cells: [] }] },
        { kind: "list", items: [] },
      ],
      undefined,
    ],
    ["a break taken by an empty list", [P("a"), { kind: "page-break" }, { kind: "list", items: [] }], 0],
    ["no blocks", [], undefined],
  ];
  it.each(ends)(
    "puts the section's properties into the last paragraph when the blocks end with %s",
    (_, blocks, last) => {
      expect(lastParagraphOf(blocks)).toBe(last);
      const xml = blocksXml(blocks, APPENDIX, SECTION_END);
      if (last === undefined) {
        expect(xml).not.toContain("<w:sectPr>");
        return;
      }
      expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
      const final = paragraphs(xml).at(-1)?.xml ?? "";
      expect(final).toContain(`${SECTION_END}</w:pPr>`);
      expect(blocksXml(blocks, APPENDIX)).toBe(xml.replace(SECTION_END, ""));
    },
  );
});

// ---------------------------------------------------------------------------------------------------------
// Random models

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  fc.constantFrom("\n", "\r\n", " ", "&<>\"'", "Vie\u0323\u0302t", "a\tb", "ǰ ΐ ß ﬁ", "i ı İ"),
);
const run: fc.Arbitrary<Run> = fc.record(
  { text, bold: fc.boolean(), italic: fc.boolean() },
  { requiredKeys: ["text"] },
);
const runs = fc.array(run, { maxLength: 4 });
const span = fc.option(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(Number.NaN, 70, Infinity)), {
  nil: undefined,
});
const tableCell: fc.Arbitrary<TableCell> = fc.record(
  {
    runs,
    colspan: span,
    rowspan: span,
    align: fc.constantFrom("left" as const, "center" as const, "right" as const),
  },
  { requiredKeys: ["runs"] },
);
const tableRow: fc.Arbitrary<TableRow> = fc.record(
  { cells: fc.array(tableCell, { maxLength: 5 }), header: fc.boolean(), total: fc.boolean() },
  { requiredKeys: ["cells"] },
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    kind: fc.constant("heading" as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const),
    runs,
  }),
  fc.record(
    {
      kind: fc.constant("paragraph" as const),
      runs,
      align: fc.constantFrom("left" as const, "center" as const, "right" as const, "justify" as const),
      indent: fc.boolean(),
    },
    { requiredKeys: ["kind", "runs"] },
  ),
  fc.record({ kind: fc.constant("list" as const), items: fc.array(runs, { maxLength: 3 }) }),
  fc.record(
    {
      kind: fc.constant("table" as const),
      rows: fc.array(tableRow, { maxLength: 5 }),
      widths: fc.array(fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant(Number.NaN)), { maxLength: 6 }),
    },
    { requiredKeys: ["kind", "rows"] },
  ),
  fc.constant({ kind: "page-break" as const }),
);
const blocks = fc.array(block, { maxLength: 8 });
const options = fc.constantFrom(BODY, APPENDIX);

describe("blocksXml: any model", () => {
  it("is well-formed XML that only a w:body can hold", () => {
    fc.assert(
      fc.property(blocks, options, fc.boolean(), (input, opts, ends) => {
        const xml = blocksXml(input, opts, ends ? SECTION_END : "");
        expect(xmlErrors(`<w:body>${xml}</w:body>`)).toEqual([]);
        // Only paragraphs and tables at the top, and Word's rule that a cell holds a paragraph.
        expect(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>/g, "")).toBe("");
        expect(xml).not.toMatch(/<w:tc><w:tcPr>[\s\S]*?<\/w:tcPr><\/w:tc>/);
        if (input.length > 0 && lastParagraphOf(input) !== undefined) {
          expect(xml.endsWith("</w:p>")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is exactly what the docx objects it replaces wrote", async () => {
    await fc.assert(
      fc.asyncProperty(blocks, options, async (input, opts) => {
        const reference = await referenceXml(input, opts);
        const xml = blocksXml(input, opts, reference.sectionEnd);
        // docx ends a section that has no paragraph with an empty one; renderDocx leaves such blocks to docx.
        const expected =
          lastParagraphOf(input) === undefined
            ? reference.body.replace(`<w:p><w:pPr>${reference.sectionEnd}</w:pPr></w:p>`, "")
            : reference.body;
        expect(xml).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the well-formedness check itself", () => {
  it("finds what htmlparser2 would repair", () => {
    expect(xmlErrors('<?xml version="1.0"?><a x="1"><b/><c>t &amp; &#233; &lt;</c><d></d></a>')).toEqual([]);
    for (const bad of [
      "<a><b></a>",
      "<a><b>",
      "<a></b></a>",
      "<a>x & y</a>",
      "<a>x < y</a>",
      "<a>\u0001</a>",
      "x",
    ]) {
      expect(xmlErrors(bad), bad).not.toEqual([]);
    }
  });
});
