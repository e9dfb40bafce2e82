import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkup, readMarkup } from "../../src/document/markup.js";
import type { Appendix, Block } from "../../src/document/model.js";

const P = (text: string): Block => ({ kind: "paragraph", runs: [{ text }], align: "justify", indent: true });

describe("parseMarkup: blocks", () => {
  const cases: Array<[string, string, Block[]]> = [
    ["empty input", "", []],
    ["white space only", "  \n\t  ", []],
    [
      "h1",
      "<h1>I. TÌNH HÌNH CHUNG</h1>",
      [{ kind: "heading", level: 1, runs: [{ text: "I. TÌNH HÌNH CHUNG" }] }],
    ],
    ["h2", "<h2>1. Ưu điểm</h2>", [{ kind: "heading", level: 2, runs: [{ text: "1. Ưu điểm" }] }]],
    ["h3", "<h3>a) Tuyên truyền</h3>", [{ kind: "heading", level: 3, runs: [{ text: "a) Tuyên truyền" }] }]],
    ["p", "<p>Nội dung.</p>", [P("Nội dung.")]],
    [
      "p.center",
      '<p class="center">Giữa</p>',
      [{ kind: "paragraph", runs: [{ text: "Giữa" }], align: "center", indent: false }],
    ],
    [
      "p.noindent",
      '<p class="noindent">Sát lề</p>',
      [{ kind: "paragraph", runs: [{ text: "Sát lề" }], align: "justify", indent: false }],
    ],
    [
      "p.right",
      '<p class="right">Phải</p>',
      [{ kind: "paragraph", runs: [{ text: "Phải" }], align: "right", indent: false }],
    ],
    [
      "bold, italic and their nesting",
      "<p>a <b>đậm <i>cả hai</i></b> <i>nghiêng</i></p>",
      [
        {
          kind: "paragraph",
          runs: [
            { text: "a " },
            { text: "đậm ", bold: true },
            { text: "cả hai", bold: true, italic: true },
            { text: " " },
            { text: "nghiêng", italic: true },
          ],
          align: "justify",
          indent: true,
        },
      ],
    ],
    [
      "strong and em as b and i",
      "<p><strong>x</strong><em>y</em></p>",
      [
        {
          kind: "paragraph",
          runs: [
            { text: "x", bold: true },
            { text: "y", italic: true },
          ],
          align: "justify",
          indent: true,
        },
      ],
    ],
    [
      "br, with the spaces around it dropped",
      "<p>dòng một <br> dòng hai<br/>ba</p>",
      [
        {
          kind: "paragraph",
          runs: [{ text: "dòng một" }, { text: "\n" }, { text: "dòng hai" }, { text: "\n" }, { text: "ba" }],
          align: "justify",
          indent: true,
        },
      ],
    ],
    [
      "list",
      "<ul>\n  <li>Một</li>\n  <li><b>Hai</b> ba</li>\n</ul>",
      [{ kind: "list", items: [[{ text: "Một" }], [{ text: "Hai", bold: true }, { text: " ba" }]] }],
    ],
    [
      "empty list items are dropped",
      "<ul><li> </li><li>x</li></ul>",
      [{ kind: "list", items: [[{ text: "x" }]] }],
    ],
    ["empty list", "<ul> </ul>", []],
    [
      "ol is a list too",
      "<ol><li>a</li><li>b</li></ol>",
      [{ kind: "list", items: [[{ text: "a" }], [{ text: "b" }]] }],
    ],
    ["page break, paired", "<pagebreak></pagebreak>", [{ kind: "page-break" }]],
    ["page break, self-closing", "<p>a</p><pagebreak/><p>b</p>", [P("a"), { kind: "page-break" }, P("b")]],
    [
      "page break without its end tag keeps what follows",
      "<pagebreak><p>b</p>",
      [{ kind: "page-break" }, P("b")],
    ],
    [
      "white space collapses across runs and lines",
      "<p>\n    Một   hai\n\t<b> ba </b>  bốn\n  </p>",
      [
        {
          kind: "paragraph",
          runs: [{ text: "Một hai " }, { text: "ba ", bold: true }, { text: "bốn" }],
          align: "justify",
          indent: true,
        },
      ],
    ],
    ["non-breaking space is not white space", "<p>a&nbsp;&nbsp;b</p>", [P("a\u00a0\u00a0b")]],
    ["empty paragraphs are dropped", "<p>  </p><p></p><h1> </h1>", []],
    [
      "loose text at top level becomes a paragraph",
      "Chữ rời <b>đậm</b>",
      [
        {
          kind: "paragraph",
          runs: [{ text: "Chữ rời " }, { text: "đậm", bold: true }],
          align: "justify",
          indent: true,
        },
      ],
    ],
    ["loose text between blocks", "<p>a</p> giữa <p>b</p>", [P("a"), P("giữa"), P("b")]],
    ["unknown tags are read as their text", "<p>x <span>y</span> <u>z</u></p>", [P("x y z")]],
    ["unknown wrappers keep the blocks inside", "<div><p>a</p><p>b</p></div>", [P("a"), P("b")]],
    ["h4 is not a heading", "<h4>x</h4>", [P("x")]],
    [
      "tags are case-insensitive",
      "<P CLASS='CENTER'>x</P>",
      [{ kind: "paragraph", runs: [{ text: "x" }], align: "center", indent: false }],
    ],
    ["comments are not text", "<p>a<!-- b -->c</p>", [P("ac")]],
    [
      "a table inside a paragraph ends it",
      "<p>a<table><tr><td>x</td></tr></table>b</p>",
      [P("a"), { kind: "table", rows: [{ cells: [{ runs: [{ text: "x" }] }] }] }, P("b")],
    ],
    [
      "a block inside a heading still separates words",
      "<h1>a<p>b</p>c</h1>",
      [{ kind: "heading", level: 1, runs: [{ text: "a b c" }] }],
    ],
    [
      "implied end tags",
      "<ul><li>a<li>b</ul><p>c<p>d",
      [{ kind: "list", items: [[{ text: "a" }], [{ text: "b" }]] }, P("c"), P("d")],
    ],
    ["a stray end tag", "</p>x", [P("x")]],
    ["a lone br", "<br>", []],
    [
      "a break in bold is a plain break",
      "<p><b>a<br>b</b></p>",
      [
        {
          kind: "paragraph",
          runs: [{ text: "a", bold: true }, { text: "\n" }, { text: "b", bold: true }],
          align: "justify",
          indent: true,
        },
      ],
    ],
  ];
  it.each(cases)("%s", (_name, markup, body) => {
    expect(parseMarkup(markup)).toEqual({ body, appendices: [] });
  });
});

describe("parseMarkup: text stays text", () => {
  const cases: Array<[string, string, string]> = [
    ["escaped tags", "&lt;b&gt;không đậm&lt;/b&gt;", "<b>không đậm</b>"],
    ["a double-escaped entity", "&amp;amp;", "&amp;"],
    ["an ampersand", "A &amp; B", "A & B"],
    ["Handlebars' escapes of = and `", "a &#x3D; b &#x60;c&#x60;", "a = b `c`"],
    ["quotes", "&quot;x&quot; &#x27;y&#x27;", "\"x\" 'y'"],
    ["template syntax", "{{x}} {{{y}}} {{#if z}}", "{{x}} {{{y}}} {{#if z}}"],
    ["Markdown", "*a* _b_ # c", "*a* _b_ # c"],
    ["decomposed Vietnamese becomes NFC", "Vie\u0323\u0302t Nam", "Việt Nam"],
    ["XML-illegal controls are removed", "a\u0000b\u0008c\u000Bd\u000Ce\u001Ff", "abcdef"],
    ["tab and line feed are white space", "a\tb\nc\r\nd", "a b c d"],
    ["non-characters and lone surrogates are removed", "a\uFFFEb\uFFFFc\uD800d\uDC00e", "abcde"],
    ["paired surrogates stay", "a😀b", "a😀b"],
    ["numeric references to controls", "a&#12;b&#0;c", "ab\uFFFDc"],
  ];
  it.each(cases)("%s", (_name, inner, text) => {
    expect(parseMarkup(`<p>${inner}</p>`).body).toEqual([P(text)]);
  });

  it("keeps escaped text literal inside every element", () => {
    const escaped = "&lt;i&gt;{{x}}&amp;amp;";
    const { body, appendices } = parseMarkup(
      `<h1>${escaped}</h1><ul><li>${escaped}</li></ul><table><tr><td>${escaped}</td></tr></table>` +
        `<appendix label="${escaped}" title="t" note="n"><p>${escaped}</p></appendix>`,
    );
    const literal = "<i>{{x}}&amp;";
    expect(body).toEqual([
      { kind: "heading", level: 1, runs: [{ text: literal }] },
      { kind: "list", items: [[{ text: literal }]] },
      { kind: "table", rows: [{ cells: [{ runs: [{ text: literal }] }] }] },
    ]);
    expect(appendices[0]?.label).toBe(literal);
    expect(appendices[0]?.blocks).toEqual([P(literal)]);
  });
});

describe("parseMarkup: tables", () => {
  it("reads header rows, spans, alignment, total rows and widths", () => {
    const markup = `
      <table data-widths="6, 30,8">
        <tr class="header"><th rowspan="2">TT</th><th colspan="2">Cán bộ <i>nữ</i></th></tr>
        <tr><th>Tổng</th><th class="right">Nữ</th></tr>
        <tr><td class="center">1</td><td class="left">Vụ A</td><td class="right">12</td></tr>
        <tr class="total"><td colspan="2"><b>Tổng</b> cộng</td><td>12</td></tr>
      </table>`;
    const expected: Block = {
      kind: "table",
      widths: [6, 30, 8],
      rows: [
        {
          header: true,
          cells: [
            { runs: [{ text: "TT" }], rowspan: 2 },
            { runs: [{ text: "Cán bộ " }, { text: "nữ", italic: true }], colspan: 2 },
          ],
        },
        { header: true, cells: [{ runs: [{ text: "Tổng" }] }, { runs: [{ text: "Nữ" }], align: "right" }] },
        {
          cells: [
            { runs: [{ text: "1" }], align: "center" },
            { runs: [{ text: "Vụ A" }], align: "left" },
            { runs: [{ text: "12" }], align: "right" },
          ],
        },
        {
          total: true,
          cells: [
            { runs: [{ text: "Tổng", bold: true }, { text: " cộng" }], colspan: 2 },
            { runs: [{ text: "12" }] },
          ],
        },
      ],
    };
    expect(parseMarkup(markup).body).toEqual([expected]);
  });

  const cases: Array<[string, string, Block[]]> = [
    [
      "thead and tbody are looked through",
      "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>",
      [
        {
          kind: "table",
          rows: [
            { header: true, cells: [{ runs: [{ text: "a" }] }] },
            { cells: [{ runs: [{ text: "b" }] }] },
          ],
        },
      ],
    ],
    [
      "empty cells are kept",
      "<table><tr><td></td><td> </td></tr></table>",
      [{ kind: "table", rows: [{ cells: [{ runs: [] }, { runs: [] }] }] }],
    ],
    [
      "unusable widths mean equal columns",
      '<table data-widths="6,x,-1"><tr><td>a</td></tr></table>',
      [{ kind: "table", rows: [{ cells: [{ runs: [{ text: "a" }] }] }] }],
    ],
    [
      "bad spans are ignored, huge ones capped",
      '<table><tr><td colspan="abc" rowspan="0">a</td><td colspan="100000">b</td></tr></table>',
      [
        {
          kind: "table",
          rows: [{ cells: [{ runs: [{ text: "a" }] }, { runs: [{ text: "b" }], colspan: 63 }] }],
        },
      ],
    ],
    [
      "a row of th and td is not a header row",
      "<table><tr><th>Tổng</th><td>3</td></tr></table>",
      [{ kind: "table", rows: [{ cells: [{ runs: [{ text: "Tổng" }] }, { runs: [{ text: "3" }] }] }] }],
    ],
    ["a table without cells is dropped", "<table> x </table>", []],
    [
      "cells outside rows make a row",
      "<table><td>a</td><td>b</td></table>",
      [{ kind: "table", rows: [{ cells: [{ runs: [{ text: "a" }] }, { runs: [{ text: "b" }] }] }] }],
    ],
  ];
  it.each(cases)("%s", (_name, markup, body) => {
    expect(parseMarkup(markup).body).toEqual(body);
  });
});

describe("parseMarkup: appendices", () => {
  it("takes appendices out of the body", () => {
    const markup = `
      <h1>I. A</h1>
      <appendix label="Phụ lục I" title="SỐ LIỆU CÁN BỘ NỮ" note="(Kèm theo Báo cáo số …)" landscape>
        <p class="center">x</p>
        <table><tr><td>1</td></tr></table>
      </appendix>
      <appendix label=" Phụ lục  II " title="Tình hình &amp; kết quả" note="">
        <p>y</p>
      </appendix>`;
    const appendices: Appendix[] = [
      {
        label: "Phụ lục I",
        title: "SỐ LIỆU CÁN BỘ NỮ",
        note: "(Kèm theo Báo cáo số …)",
        landscape: true,
        blocks: [
          { kind: "paragraph", runs: [{ text: "x" }], align: "center", indent: false },
          { kind: "table", rows: [{ cells: [{ runs: [{ text: "1" }] }] }] },
        ],
      },
      { label: "Phụ lục II", title: "Tình hình & kết quả", note: "", landscape: false, blocks: [P("y")] },
    ];
    expect(parseMarkup(markup)).toEqual({
      body: [{ kind: "heading", level: 1, runs: [{ text: "I. A" }] }],
      appendices,
    });
  });

  it("treats missing attributes as empty and a nested appendix as a wrapper", () => {
    expect(parseMarkup("<appendix><appendix label='x'><p>a</p></appendix></appendix>")).toEqual({
      body: [],
      appendices: [{ label: "", title: "", note: "", landscape: false, blocks: [P("a")] }],
    });
  });
});

describe("parseMarkup: any input", () => {
  it("never throws and yields only clean text", () => {
    const pieces = fc.constantFrom(
      "<p>",
      "</p>",
      "<h1>",
      "</h2>",
      "<b>",
      "</i>",
      "<br>",
      "<ul><li>",
      "</li>",
      "<table data-widths='1,x'>",
      "<tr class='total'>",
      "<td colspan='3' rowspan='9'>",
      "<th>",
      "</table>",
      "<pagebreak/>",
      "<appendix landscape label='&amp;'>",
      "</appendix>",
      "&lt;",
      "&#0;",
      "&#xD800;",
      "<!--",
      "<![CDATA[",
      "<script>",
      "<",
      ">",
      "\u0000",
      "\uD800",
      "\f",
      " ",
      "\n",
    );
    const markup = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(markup, (input) => {
        const { body, appendices } = parseMarkup(input);
        const text = JSON.stringify([body, appendices]);
        expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 500 },
    );
  });

  it("reads any Handlebars-escaped text back as that text", () => {
    const escapes: Record<string, string> = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&quot;",
      "'": "&#x27;",
      "`": "&#x60;",
      "=": "&#x3D;",
    };
    const escape = (value: string): string => value.replace(/[&<>"'`=]/g, (char) => escapes[char] ?? char);
    const expected = (value: string): string =>
      value
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
        .normalize("NFC")
        .replace(/[ \t\n\r]+/g, " ")
        .trim();
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({
        unit: fc.constantFrom("<", ">", "&", "a", " ", "\n", "{", "}", "=", "`", "e\u0301", "#", ";"),
      }),
    );
    fc.assert(
      fc.property(text, (value) => {
        const { body } = parseMarkup(`<p>${escape(value)}</p>`);
        const read = body
          .flatMap((block) => (block.kind === "paragraph" ? block.runs : []))
          .map((run) => run.text);
        expect(read.join("")).toBe(expected(value));
      }),
      { numRuns: 1000 },
    );
  });

  it("survives nesting deeper than it recurses, keeping the text", () => {
    const depth = 5_000;
    const markup = "<b>".repeat(depth) + "x" + "</b>".repeat(depth) + "<div>".repeat(depth) + "<p>y</p>";
    const { body } = parseMarkup(markup);
    // Past the recursion limit structure is given up (the <p> joins the loose text), never the text.
    expect(body).toEqual([
      {
        kind: "paragraph",
        runs: [{ text: "x", bold: true }, { text: "y" }],
        align: "justify",
        indent: true,
      },
    ]);
  });

  it("handles a large flat input", () => {
    const markup = "<p>" + "a<br>".repeat(200_000) + "</p>";
    const [block] = parseMarkup(markup).body;
    expect(block?.kind === "paragraph" && block.runs.length).toBe(400_000);
  });
});

describe("readMarkup: a large appendix read by parts", () => {
  /** Phụ lục IV's shape: a heading per unit, italic labels, paragraphs, lists; loose text and a table now and then. */
  function bigAppendix(units: number, quirk: (i: number) => string = () => ""): string {
    const parts: string[] = [
      "<p>Thân báo cáo.</p>",
      '<appendix label="Phụ lục I" title="Nhỏ"><p>a</p></appendix>',
    ];
    parts.push('<appendix label="Phụ lục IV" title="Kết quả chi tiết" note="(Kèm theo)">');
    for (let i = 0; i < units; i++) {
      parts.push(
        `<h2>${i + 1}. Đơn vị số ${i + 1}</h2>`,
        `<p class="noindent"><i>Nhóm ${i % 5}</i></p>`,
        `<p>Nội dung &amp; kết quả của đơn vị ${i}: ${"chữ ".repeat(40 + (i % 17))}</p>`,
        `<ul><li>Hoạt động ${i}</li><li>Hoạt động <b>${i + 1}</b></li></ul>`,
        i % 97 === 0 ? `Chữ rời ${i} <b>đậm</b> rồi tiếp` : "",
        i % 131 === 0 ? `<table><tr><td>${i}</td><td>x</td></tr></table>` : "",
        quirk(i),
      );
    }
    parts.push("</appendix><p>Sau phụ lục.</p>");
    return parts.join("\n");
  }

  const materialise = (r: ReturnType<typeof readMarkup>) => ({
    body: r.body,
    appendices: r.appendices.map((a) => ({ ...a, blocks: [...a.blocks] })),
  });

  it("gives the blocks a whole reading gives, over and over, without holding them", () => {
    const markup = bigAppendix(3000);
    expect(markup.length).toBeGreaterThan(1_000_000);
    const read = readMarkup(markup);
    // The large appendix is not an array: it is read when iterated, each time afresh.
    expect(Array.isArray(read.appendices[1]?.blocks)).toBe(false);
    expect(Array.isArray(read.appendices[0]?.blocks)).toBe(true);
    const whole = parseMarkup(markup);
    expect(materialise(read)).toEqual(whole);
    expect([...read.appendices[1]!.blocks]).toEqual(whole.appendices[1]!.blocks);
  });

  it("reads an appendix whole when a part would end at an end tag the parser had to imply", () => {
    const markup = bigAppendix(3000, (i) => (i === 1500 ? "<p>không đóng <ul><li>x</li></ul>" : ""));
    expect(materialise(readMarkup(markup))).toEqual(parseMarkup(markup));
  });
});

describe("readMarkup: a deferred output read as it is rendered", () => {
  const MARKER = "<geq-deferred></geq-deferred>";
  const unit = (i: number) =>
    `<h2>${i + 1}. Đơn vị ${i + 1}</h2>\n<p class="noindent"><i>Nhóm</i></p>\n<p>Nội dung ${i} &amp; ${"chữ ".repeat(i % 7)}</p>\n<ul><li>Hoạt động ${i}</li></ul>\n`;
  /** The parts of a deferred output, counting how often they are rendered. */
  function deferred(units: number, per: number) {
    const rendered: number[] = [];
    return {
      rendered,
      markup: {
        marker: MARKER,
        *parts() {
          for (let from = 0; from < units; from += per) {
            rendered.push(from);
            yield Array.from({ length: Math.min(per, units - from) }, (_, k) => unit(from + k)).join("");
          }
        },
      },
    };
  }
  const whole = (markup: string, d: ReturnType<typeof deferred>) =>
    markup.replace(MARKER, [...d.markup.parts()].join(""));
  const materialise = (r: ReturnType<typeof readMarkup>) => ({
    body: r.body,
    appendices: r.appendices.map((a) => ({ ...a, blocks: [...a.blocks] })),
  });

  it("gives the blocks of the whole markup, rendering each part only as the appendix is read", () => {
    const markup = [
      "<p>Thân.</p>",
      '<appendix label="Phụ lục I" title="Nhỏ"><p>a</p></appendix>',
      '<appendix label="Phụ lục IV" title="Chi tiết">',
      '<p class="noindent">Trước.</p>',
      MARKER,
      "<p>Sau.</p>",
      "</appendix>",
      "<p>Cuối.</p>",
    ].join("\n");
    const d = deferred(120, 50);
    const read = readMarkup(markup, d.markup);
    expect(d.rendered).toEqual([]);
    const expected = parseMarkup(whole(markup, deferred(120, 50)));
    expect(materialise(read)).toEqual(expected);
    expect(d.rendered).toEqual([0, 50, 100]);
    // Read again, rendered again: nothing of it is held.
    expect([...read.appendices[1]!.blocks]).toEqual(expected.appendices[1]!.blocks);
    expect(d.rendered).toEqual([0, 50, 100, 0, 50, 100]);
    expect(expected.appendices[1]!.blocks.filter((b) => b.kind === "heading")).toHaveLength(120);
  });

  it.each([
    ["inside a list", '<appendix label="Phụ lục IV" title="x"><ul><li>a</li>MARK</ul></appendix>'],
    ["inside a paragraph", '<appendix label="Phụ lục IV" title="x"><p>Mở MARK</p></appendix>'],
    ["in the body", "<p>a</p>MARK<p>b</p>"],
    [
      "in an appendix inside another element",
      '<b><appendix label="Phụ lục IV" title="x">MARK</appendix></b>',
    ],
  ])("puts the output in place when the marker stands %s", (_where, template) => {
    const markup = template.replace("MARK", MARKER);
    const d = deferred(7, 3);
    expect(materialise(readMarkup(markup, d.markup))).toEqual(parseMarkup(whole(markup, deferred(7, 3))));
  });

  it("reads markup without the marker as it is", () => {
    const markup = '<appendix label="Phụ lục IV" title="x"><p>a</p></appendix>';
    const d = deferred(3, 1);
    expect(materialise(readMarkup(markup, d.markup))).toEqual(parseMarkup(markup));
    expect(d.rendered).toEqual([]);
  });
});
