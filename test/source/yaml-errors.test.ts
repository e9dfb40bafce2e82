/**
 * The reader's errors in our words: every kind of error the YAML library can raise has our sentence
 * in both languages, and malformed texts of every sort are reported without a word of the library's.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parse } from "../../src/source/read.js";
import { toDiagnostic } from "../../src/validate/diagnostics.js";
import { YAML_EN, YAML_VI } from "../../src/validate/messages.js";

const require = createRequire(import.meta.url);

/** The error codes the installed YAML library declares. */
function libraryCodes(): string[] {
  const dir = dirname(require.resolve("yaml/package.json"));
  const dts = readFileSync(join(dir, "dist", "errors.d.ts"), "utf8");
  const union = /export type ErrorCode = ([^;]+);/.exec(dts)![1]!;
  return [...union.matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]!);
}

const MISSING_KINDS = ["quote", "colon", "dash", "comment", "anchor", "flow", "other"];

describe("every error the YAML library can raise", () => {
  const codes = libraryCodes();

  it("is a list the library declares", () => {
    expect(codes).toContain("BAD_INDENT");
    expect(codes.length).toBeGreaterThan(15);
  });

  it.each([...codes.filter((c) => c !== "MISSING_CHAR"), ...MISSING_KINDS.map((k) => `MISSING_CHAR:${k}`)])(
    "%s has our sentence in Vietnamese and English",
    (code) => {
      expect(YAML_VI[code], code).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
      expect(YAML_EN[code], code).toMatch(/^[\x20-\x7e…]+$/);
    },
  );
});

/** Texts a person might type, each with the rule and sentence expected at its first finding. */
const cases: { name: string; text: string; rule: string; line: number; column: number; vi: RegExp }[] = [
  {
    name: "prose with a colon after a key",
    text: "a:\n  summary: Kết quả: đã quán triệt\n  b: 1\n",
    rule: "text-needs-quotes",
    line: 2,
    column: 12,
    vi: /ví dụ: summary: "Kết quả: đã quán triệt"$/,
  },
  {
    name: "prose with a colon and a ` #` that is part of it",
    text: "a:\n  summary: Kết quả: đã quán triệt (xem Kế hoạch số 09 # mục 3) và Công đoàn\n  b: 1\n",
    rule: "text-needs-quotes",
    line: 2,
    column: 12,
    vi: /ví dụ: summary: "Kết quả: đã quán triệt \(xem Kế hoạch số 09 # mục 3\) và Công đoàn"$/,
  },
  {
    name: "a list item opening with a quotation",
    text: 'a:\n  - "Nói không với bạo lực" được treo\n  - x\n',
    rule: "text-needs-quotes",
    line: 2,
    column: 5,
    vi: /ví dụ: - "\\"Nói không với bạo lực\\" được treo"$/,
  },
  {
    name: "a value opening with single quotes",
    text: "a:\n  summary: 'Nói không' được treo\n  b: 1\n",
    rule: "text-needs-quotes",
    line: 2,
    column: 12,
    vi: /ví dụ: summary: "'Nói không' được treo"$/,
  },
  {
    name: "a value opening with @",
    text: "a:\n  summary: @Ban vì sự tiến bộ\n  b: 1\n",
    rule: "text-needs-quotes",
    line: 2,
    column: 12,
    vi: /ký tự «@»/,
  },
  {
    name: "a list item opening with *",
    text: "a:\n  - * Nội dung\n  - x\n",
    rule: "text-needs-quotes",
    line: 2,
    column: 5,
    vi: /ký tự «\*»/,
  },
  {
    name: "a key between two levels",
    text: "t:\n  policy:\n    summary: abc\n   status: done\n  law:\n    status: x\n",
    rule: "bad-indent",
    line: 4,
    column: 4,
    vi: /thụt lề 3 dấu cách, .*thụt lề 4 dấu cách cho thẳng hàng với dòng 3 \(«summary:»\)$/,
  },
  {
    name: "a key at the column of the level above",
    text: "t:\n  policy:\n    summary: abc\n status: done\n  law:\n    status: x\n",
    rule: "bad-indent",
    line: 4,
    column: 2,
    vi: /thẳng hàng với dòng 2 \(«policy:»\)$/,
  },
  {
    name: "a key deeper than the value before it",
    text: "t:\n  policy:\n    status: done\n      summary: abc\n  law:\n    status: x\n",
    rule: "bad-indent",
    line: 4,
    column: 7,
    vi: /thụt lề 4 dấu cách cho thẳng hàng với dòng 3 \(«status:»\)$/,
  },
  {
    name: "an item of a list deeper than the one before",
    text: "t:\n  - date: 2022-01-01\n    title: a\n      group: b\n",
    rule: "bad-indent",
    line: 4,
    column: 7,
    vi: /thẳng hàng với dòng 3 \(«title:»\)$/,
  },
  {
    name: "a tab for indentation",
    text: "t:\n\tb: Kết quả: x\n",
    rule: "yaml-syntax",
    line: 2,
    column: 1,
    vi: /ký tự tab/,
  },
  {
    name: "a quote never closed",
    text: 't:\n  summary: "abc\n  b: 1\n',
    rule: "yaml-syntax",
    line: 2,
    column: 12,
    vi: /thiếu dấu nháy đóng/,
  },
  {
    name: "a key without its colon",
    text: "t:\n  policy:\n    status done\n    summary: x\n",
    rule: "yaml-syntax",
    line: 3,
    column: 5,
    vi: /không có dạng «khóa: giá trị»/,
  },
  {
    name: "a flow list never closed",
    text: "t:\n  with: [DHXD, VKT\n  b: 1\n",
    rule: "yaml-syntax",
    line: 2,
    column: 9,
    vi: /\{…\} hoặc \[…\]/,
  },
  {
    name: "a flow mapping missing its closing brace, on a line of its own",
    text: "staff:\n  employees: { total: 10, female: 5\n  unit_leaders: { total: 1, female: 1 }\n",
    rule: "yaml-syntax",
    line: 2,
    column: 14,
    vi: /\{…\} hoặc \[…\]/,
  },
  {
    name: "a bad escape in double quotes",
    text: 't:\n  summary: "C:\\Tài liệu"\n',
    rule: "yaml-syntax",
    line: 2,
    column: 15,
    vi: /chuỗi thoát không hợp lệ/,
  },
  {
    name: "a tag",
    text: "t:\n  summary: !tag abc\n",
    rule: "yaml-syntax",
    line: 2,
    column: 12,
    vi: /thẻ YAML/,
  },
];

describe("malformed texts", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const read = parse(c.text);
    expect(read.source).toBeUndefined();
    const vi = read.findings.map((f) =>
      toDiagnostic("x.yaml", f, { lines: read.lines!, schema: {}, lang: "vi" }),
    );
    const en = read.findings.map((f) =>
      toDiagnostic("x.yaml", f, { lines: read.lines!, schema: {}, lang: "en" }),
    );
    expect(vi[0], JSON.stringify(vi, null, 1)).toMatchObject({
      rule: c.rule,
      line: c.line,
      column: c.column,
    });
    expect(vi[0]!.message).toMatch(c.vi);
    // Not a word of the library's own messages, in either language.
    const doc = parseDocument(c.text, { prettyErrors: false });
    const library = [...doc.errors, ...doc.warnings].map((e) => e.message);
    expect(library.length).toBeGreaterThan(0);
    for (const d of [...vi, ...en]) {
      for (const m of library) expect(d.message).not.toContain(m.slice(0, 20));
      expect(d.message).not.toMatch(/undefined|\[object/);
    }
    expect(en.every((d) => /^[\x20-\x7e…«»À-ỹ]+$/u.test(d.message))).toBe(true);
  });
});
