/**
 * Every rule geq knows, one good and at least one bad case each: the rule id, its severity, the
 * JSON path and the line and column a person is sent to. Files go through `validate()` in a
 * temporary folder, as the command line reads them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic, Severity } from "../../src/model.js";
import { MAX_FILE_BYTES, MAX_NODES } from "../../src/source/decode.js";
import { RULES } from "../../src/validate/messages.js";
import { UNIT_RULES } from "../../src/validate/rules/index.js";
import { validate, type ValidateOptions, type ValidateResult } from "../../src/validate/validate.js";
import {
  DELETE,
  catalogYaml,
  configYaml,
  keyPosition,
  textPosition,
  unitYaml,
  valuePosition,
  type Data,
  type Position,
} from "../helpers/unit-yaml.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Content = string | Uint8Array;

interface Run {
  result?: ValidateResult;
  problem?: string;
  diagnostics: Diagnostic[];
}

/** Writes the files to a fresh folder and validates `paths` (default: every file but the configuration). */
async function run(
  files: Record<string, Content>,
  options: ValidateOptions = {},
  paths?: string[],
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "geq-rules-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const targets = paths ?? Object.keys(files).filter((f) => f !== options.config);
  const r = await validate(targets, { noConfig: true, ...options, cwd: dir });
  if (!r.ok) return { problem: r.problem, diagnostics: r.diagnostics ?? [] };
  return { result: r, diagnostics: r.diagnostics };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

/** The valid file with one piece of its text replaced (for what the YAML serialiser would never write). */
function replaced(from: string, to: string, base = unitYaml()): string {
  if (!base.includes(from)) throw new Error(`${JSON.stringify(from)} not in the file`);
  return base.replace(from, to);
}

const CONFIG = "cfg.yaml";

interface Case {
  name: string;
  rule: string;
  severity: Severity;
  /** The unit file `u.yaml`. */
  text: Content;
  path: string;
  at: Position | ((text: string) => Position);
  /** Other rules the case also, rightly, produces. */
  also?: string[];
  message?: RegExp;
  options?: ValidateOptions;
  config?: string;
  /** Only the line is exact; the column may be anywhere from `at` to the end of that line. */
  near?: boolean;
  /** More files in the run, and which file the finding is in. */
  others?: Record<string, Content>;
  file?: string;
}

const summary = "Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.";
const longText = "Đ".repeat(4001);
/** The staff figures as `geq init` writes them. */
const ZERO_STAFF = {
  "staff.employees": { total: 0, female: 0 },
  "staff.unit_leaders": { total: 0, female: 0 },
  "staff.division_leaders": { total: 0, female: 0 },
  "staff.succession_pool": { total: 0, female: 0 },
};

const cases: Case[] = [
  // Reading
  {
    name: "UTF-16 with a byte-order mark",
    rule: "encoding",
    severity: "error",
    text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unitYaml(), "utf16le")]),
    path: "",
    at: { line: 1, column: 1 },
    message: /UTF-16/,
  },
  {
    name: "UTF-16 big-endian with a byte-order mark",
    rule: "encoding",
    severity: "error",
    text: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(unitYaml(), "utf16le").swap16()]),
    path: "",
    at: { line: 1, column: 1 },
    message: /UTF-16/,
  },
  {
    name: "UTF-16 without a byte-order mark (its first 0x00 byte)",
    rule: "encoding",
    severity: "error",
    text: Buffer.from("format: geq/unit-report/v1\n", "utf16le"),
    path: "",
    at: { line: 1, column: 2 },
    message: /0x00.*UTF-16/,
  },
  {
    name: "TCVN3 bytes (x©y dùng), the bad byte after valid Vietnamese on its line",
    rule: "encoding",
    severity: "error",
    text: bytes(
      "format: geq/unit-report/v1\nunit:\n  code: VKT\n  name: Viện Kinh tế x",
      [0xa9],
      "y d",
      [0xf9],
      "ng\nyear: 2022\n",
    ),
    path: "",
    at: { line: 4, column: 23 },
    message: /byte 0xA9 .*TCVN3/,
  },
  {
    name: "VNI bytes (Vieän), the first of a 0xE0-range sequence",
    rule: "encoding",
    severity: "error",
    text: bytes(
      "# Báo cáo\nformat: geq/unit-report/v1\nunit:\n  name: Vie",
      [0xe4],
      "n Kinh te",
      [0xe1],
      "\n",
    ),
    path: "",
    at: { line: 4, column: 12 },
    message: /byte 0xE4 .*VNI/,
  },
  {
    name: "a stray 0xE0 lead byte",
    rule: "encoding",
    severity: "error",
    text: bytes("format: geq/unit-report/v1\nunit:\n  name: Tr", [0xe0], "ng\n"),
    path: "",
    at: { line: 3, column: 11 },
    message: /0xE0/,
  },
  {
    name: "a file of 1 MiB + 1 byte",
    rule: "file-too-large",
    severity: "error",
    text: utf8(unitYaml() + "#".repeat(MAX_FILE_BYTES + 1 - utf8(unitYaml()).length)),
    path: "",
    at: { line: 1, column: 1 },
    message: /1\.048\.577 byte/,
  },
  {
    name: "an empty file",
    rule: "empty-file",
    severity: "error",
    text: "",
    path: "",
    at: { line: 1, column: 1 },
  },
  {
    name: "a file of comments only",
    rule: "empty-file",
    severity: "error",
    text: "# yaml-language-server: $schema=x.json\n# chưa điền\n\n",
    path: "",
    at: { line: 1, column: 1 },
  },
  {
    name: "two documents",
    rule: "multiple-documents",
    severity: "error",
    text: unitYaml() + "---\nformat: geq/unit-report/v1\n",
    path: "",
    at: (t) => textPosition(t, "---\n"),
    message: /2 tài liệu/,
  },
  {
    name: "a tab used for indentation",
    rule: "yaml-syntax",
    severity: "error",
    text: replaced("unit:\n  code: VKT", "unit:\n\tcode: VKT"),
    path: "",
    at: (t) => textPosition(t, "\tcode"),
    message: /tab/,
  },
  {
    name: "a colon and space inside a plain value",
    rule: "text-needs-quotes",
    severity: "error",
    text: replaced(`summary: ${summary}`, "summary: Kết quả: đang tổng hợp"),
    path: "",
    at: (t) => textPosition(t, "Kết quả: đang"),
    message:
      /^đoạn văn có dấu «: » nên YAML hiểu nhầm phần đứng trước là một khóa; hãy đặt cả đoạn trong dấu nháy kép, ví dụ: summary: "Kết quả: đang tổng hợp"$/,
  },
  {
    name: "a sentence ending with a colon, a comment after it",
    rule: "text-needs-quotes",
    severity: "error",
    text: replaced(`summary: ${summary}`, "summary: Kết quả gồm: # chưa xong"),
    path: "",
    at: (t) => textPosition(t, "Kết quả gồm"),
    message: /ví dụ: summary: "Kết quả gồm:"$/,
  },
  {
    name: "a list item opening with a quotation",
    rule: "text-needs-quotes",
    severity: "error",
    text: unitYaml({ next_steps: ['"Nói không với bạo lực" được treo tại trụ sở.'] }).replace(
      /- '"Nói không với bạo lực" được treo tại trụ sở.'/,
      '- "Nói không với bạo lực" được treo tại trụ sở.',
    ),
    path: "",
    at: (t) => textPosition(t, '"Nói không'),
    message:
      /không đọc được phần sau \(«được treo tại trụ sở\.»\); hãy đặt cả đoạn trong dấu nháy kép \(dấu nháy kép bên trong viết thành \\"\), ví dụ: - "\\"Nói không với bạo lực\\" được treo tại trụ sở\."$/,
  },
  {
    name: "a value opening with a bracket",
    rule: "text-needs-quotes",
    severity: "error",
    text: replaced(`summary: ${summary}`, "summary: [Dự thảo] Kế hoạch năm"),
    path: "",
    at: (t) => textPosition(t, "[Dự thảo]"),
    message: /ký tự «\[».*ví dụ: summary: "\[Dự thảo\] Kế hoạch năm"$/,
  },
  {
    name: "prose continued on a deeper line, holding a colon",
    rule: "text-needs-quotes",
    severity: "error",
    text: replaced(`summary: ${summary}`, "summary: Kết quả đạt được\n        gồm: hai hội nghị"),
    path: "",
    at: (t) => textPosition(t, "gồm: hai"),
    message: /ví dụ: summary: "Kết quả đạt được gồm: hai hội nghị"$/,
  },
  {
    name: "a list item of prose holding a colon, which YAML reads as a mapping",
    rule: "text-needs-quotes",
    severity: "error",
    text: unitYaml({ next_steps: ["x"] }).replace("- x", "- Trọng tâm: kiện toàn Ban"),
    path: "next_steps[0]",
    at: (t) => textPosition(t, "Trọng tâm"),
    message: /^Phương hướng.*: đoạn văn có dấu «: ».*ví dụ: - "Trọng tâm: kiện toàn Ban"$/,
  },
  {
    name: "a key indented one space less than its siblings",
    rule: "bad-indent",
    severity: "error",
    text: replaced("      proposals: 0\n", "     proposals: 0\n"),
    path: "",
    at: (t) => textPosition(t, "proposals: 0"),
    message:
      /^dòng này thụt lề 5 dấu cách, .*; hãy thụt lề 6 dấu cách cho thẳng hàng với dòng \d+ \(«summary:»\)$/,
  },
  {
    name: "a key indented deeper than the one before it",
    rule: "bad-indent",
    severity: "error",
    text: replaced(`      summary: ${summary}`, `        summary: ${summary}`),
    path: "",
    at: (t) => textPosition(t, `summary: ${summary}`),
    message: /thụt lề 8 dấu cách, .*; hãy thụt lề 6 dấu cách cho thẳng hàng với dòng \d+ \(«status:»\)$/,
  },
  {
    name: "a quote left open, pointed at where it opens",
    rule: "yaml-syntax",
    severity: "error",
    text: replaced(`summary: ${summary}`, `summary: "${summary}`),
    path: "",
    at: (t) => textPosition(t, `"${summary}`),
    message: /thiếu dấu nháy đóng/,
  },
  {
    name: "a line without its colon",
    rule: "yaml-syntax",
    severity: "error",
    text: replaced("      status: in_progress", "      status in_progress"),
    path: "",
    at: (t) => textPosition(t, "status in_progress"),
    message: /dòng này không có dạng «khóa: giá trị»/,
  },
  {
    name: "a list used as a key (no warning printed by the parser)",
    rule: "yaml-syntax",
    severity: "error",
    text: replaced("year: 2022\n", "year: 2022\n[2022, 2023]: năm\n"),
    path: "",
    at: (t) => textPosition(t, "[2022, 2023]"),
    message: /khóa phải là chữ/,
  },
  {
    name: "a key given twice",
    rule: "duplicate-key",
    severity: "error",
    text: replaced("period: semi-annual\n", "period: semi-annual\nyear: 2023\n"),
    path: "",
    at: (t) => textPosition(t, "year: 2023"),
  },
  {
    name: "a key given twice, once quoted, inside a sub-task",
    rule: "duplicate-key",
    severity: "error",
    text: replaced("      proposals: 0\n", '      proposals: 0\n      "status": done\n'),
    path: "",
    at: (t) => textPosition(t, '"status"'),
  },
  {
    name: "an anchor",
    rule: "yaml-alias",
    severity: "error",
    text: replaced("  unit_leaders:\n", "  unit_leaders: &lanh-dao\n"),
    path: "",
    at: (t) => textPosition(t, "&lanh-dao"),
  },
  {
    name: "an anchor and its alias (both reported)",
    rule: "yaml-alias",
    severity: "error",
    text: replaced(
      "  division_leaders:\n    total: 24\n    female: 10\n",
      "  division_leaders: *lanh-dao\n",
      replaced("  unit_leaders:\n", "  unit_leaders: &lanh-dao\n"),
    ),
    path: "",
    at: (t) => textPosition(t, "*lanh-dao"),
  },
  {
    name: "nesting deeper than any unit file",
    rule: "too-deep",
    severity: "error",
    text: unitYaml() + "x-sau: " + "[".repeat(5000) + "\n",
    path: "",
    at: (t) => textPosition(t, "x-sau: ["),
    near: true,
  },
  {
    name: "more keys, values and items than any progress file",
    rule: "too-many-nodes",
    severity: "error",
    text: unitYaml() + "x-so: [" + "0,".repeat(MAX_NODES) + "]\n",
    path: "",
    at: (t) => textPosition(t, "x-so: ["),
    near: true,
    message: /hơn 250\.000 khóa, giá trị và mục/,
  },
  {
    name: "a list",
    rule: "not-a-mapping",
    severity: "error",
    text: "- format: geq/unit-report/v1\n- year: 2022\n",
    path: "",
    at: { line: 1, column: 1 },
    message: /danh sách/,
  },
  {
    name: "a scalar after a comment",
    rule: "not-a-mapping",
    severity: "error",
    text: "# Báo cáo\nBáo cáo sơ kết 6 tháng\n",
    path: "",
    at: { line: 2, column: 1 },
    message: /giá trị đơn/,
  },
  // Schema
  {
    name: "a missing top-level field",
    rule: "required",
    severity: "error",
    text: unitYaml({ submitted: DELETE }),
    path: "",
    at: { line: 2, column: 1 },
    message: /«Ngày gửi báo cáo» \(submitted\)/,
  },
  {
    name: "a missing nested field, at its parent's key",
    rule: "required",
    severity: "error",
    text: unitYaml({ "unit.name": DELETE }),
    path: "unit",
    at: (t) => keyPosition(t, "unit"),
    message: /^Đơn vị: thiếu trường bắt buộc «Tên đơn vị» \(name\)$/,
  },
  {
    name: "a missing sub-task",
    rule: "required",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning": DELETE }),
    path: "tasks.committee",
    at: (t) => keyPosition(t, "tasks.committee"),
    message: /\(planning\)/,
  },
  {
    name: "an in-progress sub-task without a summary",
    rule: "summary-required",
    severity: "error",
    text: unitYaml({ "tasks.coordination.law_review.summary": DELETE }),
    path: "tasks.coordination.law_review",
    at: (t) => keyPosition(t, "tasks.coordination.law_review"),
  },
  {
    name: "a typo in a key, with a suggestion",
    rule: "unknown-key",
    severity: "error",
    text: replaced(`summary: ${summary}`, `sumary: ${summary}`),
    path: "tasks.coordination.law_review.sumary",
    at: (t) => keyPosition(t, "tasks.coordination.law_review.sumary"),
    also: ["summary-required"],
    message: /khóa «sumary» không có trong định dạng; có phải là «summary»\?/,
  },
  {
    name: "a key at the column of the key it belongs to",
    rule: "unknown-key",
    severity: "error",
    text: replaced("      proposals: 0\n", "    proposals: 0\n"),
    path: "tasks.coordination.proposals",
    at: (t) => textPosition(t, "proposals: 0"),
    message:
      /^khóa «proposals» không có ở cấp này; có lẽ dòng này thụt lề thiếu: «proposals» là khóa của «law_review» ở trên, hãy thụt lề cho thẳng hàng với các khóa của «law_review»$/,
  },
  {
    name: "text where a count belongs",
    rule: "wrong-type",
    severity: "error",
    text: unitYaml({ "staff.employees.total": "nhiều" }),
    path: "staff.employees.total",
    at: (t) => valuePosition(t, "staff.employees.total"),
    message: /phải là số nguyên, không phải văn bản/,
  },
  {
    name: "text where a mapping belongs",
    rule: "wrong-type",
    severity: "error",
    text: unitYaml({ unit: "VKT" }),
    path: "unit",
    at: (t) => valuePosition(t, "unit"),
    message: /bảng khóa: giá trị/,
  },
  {
    name: "money with dots between thousands",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: 21.500.000"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message: /21500000.*21\.500\.000/,
  },
  {
    name: "a count in quotes, with no separator to blame",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", 'spent_vnd: "21500000"'),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message:
      /^[^:]+: hãy viết số không có dấu nháy: 21500000 \(trong dấu nháy, «21500000» là chữ, không phải số\)$/,
  },
  {
    name: "a count written .nan",
    rule: "wrong-type",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: .nan"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message: /phải là số nguyên, không phải giá trị \.nan \(không phải là số\)$/,
  },
  {
    name: "a count with a decimal part",
    rule: "wrong-type",
    severity: "error",
    text: unitYaml({ "staff.employees.total": 142.5 }),
    path: "staff.employees.total",
    at: (t) => valuePosition(t, "staff.employees.total"),
    message: /phải là số nguyên, không phải số thập phân$/,
  },
  {
    name: "money in millions with a decimal point",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: 21.5"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message:
      /^Kinh phí đã sử dụng.*: số tiền là số đồng nguyên, viết liền: «21\.5» có phần thập phân \(dấu chấm\); ví dụ 21,5 triệu đồng viết là 21500000$/,
  },
  {
    name: "money in millions written as a word, with a decimal comma",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: 21,5 triệu"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message: /: hãy viết đủ chữ số, không viết tắt bằng «triệu»: 21500000 \(không phải «21,5 triệu»\)$/,
  },
  {
    name: "money with its currency written after it",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: 21500000 đồng"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message:
      /: chỉ ghi số, không ghi đơn vị «đồng» \(đơn vị đã là đồng\): 21500000 \(không phải «21500000 đồng»\)$/,
  },
  {
    name: "a count with a decimal comma",
    rule: "number-format",
    severity: "error",
    text: replaced("documents_issued: 2\n", "documents_issued: 2,5\n"),
    path: "tasks.coordination.policy.documents_issued",
    at: (t) => valuePosition(t, "tasks.coordination.policy.documents_issued"),
    message: /: phải là số nguyên: «2,5» có phần thập phân \(dấu phẩy\)$/,
  },
  {
    name: "the year in quotes",
    rule: "number-format",
    severity: "error",
    text: replaced("year: 2022", 'year: "2022"'),
    path: "year",
    at: (t) => valuePosition(t, "year"),
    message: /^Năm báo cáo: hãy viết số không có dấu nháy: 2022/,
  },
  {
    name: "money with commas between thousands",
    rule: "number-format",
    severity: "error",
    text: replaced("spent_vnd: 21500000", "spent_vnd: 21,500,000"),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message: /21500000/,
  },
  {
    name: "money with one dot between thousands, which YAML would read as 50.0",
    rule: "number-format",
    severity: "error",
    text: replaced("planned_vnd: 50000000", "planned_vnd: 50.000 # đồng"),
    path: "budget.planned_vnd",
    at: (t) => valuePosition(t, "budget.planned_vnd"),
    message: /hãy viết số liền, không có dấu phân cách: 50000 \(không phải «50\.000»\)/,
  },
  {
    name: "a count with a thousands dot in a flow mapping",
    rule: "number-format",
    severity: "error",
    text: replaced(
      "employees:\n    total: 142\n    female: 77\n",
      "employees: { total: 1.420, female: 77 }\n",
    ),
    path: "staff.employees.total",
    at: (t) => textPosition(t, "1.420"),
    message: /1420/,
  },
  {
    name: "a status that is not one of the four",
    rule: "invalid-value",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning.status": "xong" }),
    path: "tasks.committee.planning.status",
    at: (t) => valuePosition(t, "tasks.committee.planning.status"),
    message: /«xong» không hợp lệ; chọn một trong: not_started \(chưa triển khai\)/,
  },
  {
    name: "another format version",
    rule: "format-version",
    severity: "error",
    text: unitYaml({ format: "geq/unit-report/v2" }),
    path: "format",
    at: (t) => valuePosition(t, "format"),
    message: /geq\/unit-report\/v1/,
  },
  {
    name: "a negative count",
    rule: "out-of-range",
    severity: "error",
    text: unitYaml({ "staff.employees.female": -1 }),
    path: "staff.employees.female",
    at: (t) => valuePosition(t, "staff.employees.female"),
    message: /từ 0 trở lên \(đang là -1\)/,
  },
  {
    name: "a year past 2100",
    rule: "out-of-range",
    severity: "error",
    text: unitYaml({ year: 2202 }),
    path: "year",
    at: (t) => valuePosition(t, "year"),
    message: /không được lớn hơn 2100/,
  },
  {
    name: "a date written dd/mm/yyyy",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml({ submitted: "08/06/2022" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message: /«08\/06\/2022» không phải ngày hợp lệ/,
  },
  {
    name: "30 February",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml({ submitted: "2022-02-30" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
  },
  {
    name: "31 June, after the deadline: not a date, so neither late nor on time",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml({ submitted: "2022-06-31" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
  },
  {
    name: "31 June in an activity: not a date, so not outside the window either",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml({ "activities.1.date": "2022-06-31" }),
    path: "activities[1].date",
    at: (t) => valuePosition(t, "activities.1.date"),
  },
  {
    name: "31 April in an activity",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml({ "activities.1.date": "2022-04-31" }),
    path: "activities[1].date",
    at: (t) => valuePosition(t, "activities.1.date"),
  },
  {
    name: "a unit code in lower case",
    rule: "invalid-code",
    severity: "error",
    text: unitYaml({ "unit.code": "vkt" }),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
  },
  {
    name: "a name of spaces only",
    rule: "text-empty",
    severity: "error",
    text: unitYaml({ "unit.name": "   " }),
    path: "unit.name",
    at: (t) => valuePosition(t, "unit.name"),
    message: /^Tên đơn vị: không được để trống$/,
  },
  {
    name: "an empty summary",
    rule: "text-empty",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning.summary": "" }),
    path: "tasks.committee.planning.summary",
    at: (t) => valuePosition(t, "tasks.committee.planning.summary"),
  },
  {
    name: "a summary of 4,001 characters",
    rule: "text-too-long",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning.summary": longText }),
    path: "tasks.committee.planning.summary",
    at: (t) => valuePosition(t, "tasks.committee.planning.summary"),
    message: /dài 4\.001 ký tự, vượt quá 4\.000 ký tự/,
  },
  {
    name: "a partner unit named twice in a joint activity",
    rule: "duplicate-item",
    severity: "error",
    text: unitYaml({ "activities.0.with": ["DHXD", "DHKT", "DHXD"] }),
    path: "activities[0].with[2]",
    at: (t) => valuePosition(t, "activities.0.with.2"),
    message: /^Đơn vị phối hợp: «DHXD» đã có ở mục thứ 1; mỗi giá trị chỉ ghi một lần$/,
  },
  {
    name: "a joint activity with an empty list of partners",
    rule: "too-few-items",
    severity: "error",
    text: unitYaml({ "activities.0.with": [] }),
    path: "activities[0].with",
    at: (t) => valuePosition(t, "activities.0.with"),
  },
  {
    name: "a partner unit code in lower case",
    rule: "invalid-code",
    severity: "error",
    text: unitYaml({ "activities.0.with": ["dhxd"] }),
    path: "activities[0].with[0]",
    at: (t) => valuePosition(t, "activities.0.with.0"),
  },
  {
    name: "the guidance letter's date, 30 February, in the configuration",
    rule: "invalid-date",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ letter: { number: "1234/BXD-TCCB", date: "2022-02-30" } }),
    file: CONFIG,
    path: "letter.date",
    at: (t) => valuePosition(t, "letter.date"),
  },
  {
    name: "a request without its date in the configuration",
    rule: "required",
    severity: "error",
    text: unitYaml(),
    config: configYaml({
      request: { number: "567/UBQG-TB", issuer: "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam" },
    }),
    file: CONFIG,
    path: "request",
    at: (t) => keyPosition(t, "request"),
    message: /thiếu trường bắt buộc «Ngày văn bản đề nghị» \(date\)/,
  },
  {
    name: "an audience that is neither external nor internal",
    rule: "invalid-value",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ audience: "lanh-dao" }),
    file: CONFIG,
    path: "audience",
    at: (t) => valuePosition(t, "audience"),
    message: /external \(gửi các cơ quan ở dòng Kính gửi/,
  },
  {
    name: "a unit kind that is not one of the two",
    rule: "invalid-value",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ "units.0.kind": "tham-muu" }),
    file: CONFIG,
    path: "units[0].kind",
    at: (t) => valuePosition(t, "units.0.kind"),
  },
  {
    name: "a configuration without recipients",
    rule: "too-few-items",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ recipients: [] }),
    file: CONFIG,
    path: "recipients",
    at: (t) => valuePosition(t, "recipients"),
    message: /cần ít nhất 1 mục/,
  },
  // Rules beyond the schema: errors
  {
    name: "more women than staff in a staff figure",
    rule: "people-female-le-total",
    severity: "error",
    text: unitYaml({ "staff.unit_leaders.female": 5 }),
    path: "staff.unit_leaders.female",
    at: (t) => valuePosition(t, "staff.unit_leaders.female"),
    message: /^Lãnh đạo cấp đơn vị.*: số nữ \(5\) lớn hơn tổng số \(4\)$/,
  },
  {
    name: "more women than participants in an activity",
    rule: "people-female-le-total",
    severity: "error",
    text: unitYaml({ "activities.0.participants.female": 81 }),
    path: "activities[0].participants.female",
    at: (t) => valuePosition(t, "activities.0.participants.female"),
  },
  {
    name: "more cases resolved than reported",
    rule: "cases-resolved-le-reported",
    severity: "error",
    text: unitYaml({
      "tasks.coordination.gbv_response.status": "in_progress",
      "tasks.coordination.gbv_response.cases_reported": 1,
      "tasks.coordination.gbv_response.cases_resolved": 2,
    }),
    path: "tasks.coordination.gbv_response.cases_resolved",
    at: (t) => valuePosition(t, "tasks.coordination.gbv_response.cases_resolved"),
    message:
      /^Bảo vệ, hỗ trợ nạn nhân; .*: số vụ việc đã giải quyết \(2\) lớn hơn số vụ việc phát sinh \(1\)$/,
  },
  {
    name: "a relation a catalogue file declares, broken",
    rule: "indicator-relation",
    severity: "error",
    text: unitYaml({
      "tasks.coordination.gbv_response.status": "in_progress",
      "tasks.coordination.gbv_response.cases_reported": 1,
      "tasks.coordination.gbv_response.cases_resolved": 2,
    }),
    config: configYaml({ catalog: "./cat.yaml" }),
    others: { "cat.yaml": catalogYaml({ "groups.0.tasks.5.relations.0.rule": DELETE }) },
    path: "tasks.coordination.gbv_response.cases_resolved",
    at: (t) => valuePosition(t, "tasks.coordination.gbv_response.cases_resolved"),
    message: /: số vụ việc đã giải quyết \(2\) lớn hơn số vụ việc phát sinh \(1\)$/,
  },
  ...catalogCases(),
  {
    name: "a catalogue that is neither built in nor a YAML file",
    rule: "invalid-catalog",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ catalog: "2O22" }),
    file: CONFIG,
    path: "catalog",
    at: (t) => valuePosition(t, "catalog"),
    message: /«2O22» không phải mã một hướng dẫn có sẵn \(2022\).*có phải là «2022»\?$/,
  },
  {
    name: "a succession pool larger than the staff",
    rule: "leaders-le-employees",
    severity: "error",
    text: unitYaml({ "staff.succession_pool.total": 200 }),
    path: "staff.succession_pool.total",
    at: (t) => valuePosition(t, "staff.succession_pool.total"),
    message: /^Cán bộ trong diện quy hoạch lãnh đạo, quản lý: tổng số \(200\) lớn hơn .*\(142\)$/,
  },
  {
    name: "the year is not the one being checked",
    rule: "period-mismatch",
    severity: "error",
    text: unitYaml(),
    options: { year: 2023 },
    path: "year",
    at: (t) => valuePosition(t, "year"),
    message: /tệp ghi «2022», nhưng kỳ đang kiểm tra là «2023»/,
  },
  {
    name: "the period is not the one being checked",
    rule: "period-mismatch",
    severity: "error",
    text: unitYaml(),
    options: { period: "annual" },
    path: "period",
    at: (t) => valuePosition(t, "period"),
  },
  {
    name: "a year with no guidance catalogue",
    rule: "no-catalog",
    severity: "error",
    text: unitYaml({ year: 2023 }),
    path: "year",
    at: (t) => valuePosition(t, "year"),
    message: /năm 2023/,
  },
  {
    name: "submitted before the window opens",
    rule: "submitted-before-window",
    severity: "error",
    text: unitYaml({ submitted: "2021-12-01", activities: DELETE }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message: /01\/12\/2021 trước ngày bắt đầu kỳ báo cáo \(15\/12\/2021\)/,
  },
  {
    name: "submitted years after the report's year: a typing slip, not a lateness to waive",
    rule: "implausible-date",
    severity: "error",
    text: unitYaml({ submitted: "9999-12-31", waivers: [{ rule: "late-submission", reason: "Chậm." }] }),
    // The waiver excuses nothing: there is no lateness to excuse, only a date to correct.
    also: ["unused-waiver"],
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message: /ngày 31\/12\/9999 không hợp lý: báo cáo năm 2022 gửi chậm nhất trong năm 2023/,
  },
  {
    name: "submitted on the first day of the year after next",
    rule: "implausible-date",
    severity: "error",
    text: unitYaml({ submitted: "2024-01-01" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
  },
  {
    name: "a report date in the configuration before 1990",
    rule: "implausible-date",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ date: "1989-12-31" }),
    file: CONFIG,
    path: "date",
    at: (t) => valuePosition(t, "date"),
    message: /không hợp lý: phải trong khoảng từ năm 1990 đến năm 2100/,
  },
  {
    name: "an activity before the window",
    rule: "activity-outside-window",
    severity: "error",
    text: unitYaml({ "activities.0.date": "2021-12-14" }),
    path: "activities[0].date",
    at: (t) => valuePosition(t, "activities.0.date"),
    message: /14\/12\/2021 nằm ngoài kỳ báo cáo \(từ 15\/12\/2021 đến 14\/06\/2022\)/,
  },
  {
    name: "an activity after the window",
    rule: "activity-outside-window",
    severity: "error",
    text: unitYaml({ submitted: "2022-06-09", "activities.1.date": "2022-06-15" }),
    path: "activities[1].date",
    at: (t) => valuePosition(t, "activities.1.date"),
  },
  {
    name: "an activity after the submission",
    rule: "activity-after-submission",
    severity: "error",
    text: unitYaml({ "activities.1.date": "2022-06-09" }),
    path: "activities[1].date",
    at: (t) => valuePosition(t, "activities.1.date"),
    message: /sau ngày gửi báo cáo \(08\/06\/2022\)/,
  },
  {
    name: "a sub-task not started with a figure",
    rule: "inactive-with-figures",
    severity: "error",
    text: unitYaml({ "tasks.communication.committee_training.classes": 2 }),
    path: "tasks.communication.committee_training.classes",
    at: (t) => valuePosition(t, "tasks.communication.committee_training.classes"),
    message: /«not_started» nhưng chỉ tiêu «classes» khác 0/,
  },
  {
    name: "a sub-task not applicable with people",
    rule: "inactive-with-figures",
    severity: "error",
    text: unitYaml({ "tasks.coordination.gbv_response.victims_supported": 1 }),
    path: "tasks.coordination.gbv_response.victims_supported",
    at: (t) => valuePosition(t, "tasks.coordination.gbv_response.victims_supported"),
  },
  {
    name: "a unit not in the registry",
    rule: "unknown-unit",
    severity: "error",
    text: unitYaml({ "unit.code": "VKTXD" }),
    config: configYaml(),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message: /«VKTXD» không có trong danh sách đơn vị/,
  },
  {
    name: "two files for the same unit and period",
    rule: "duplicate-unit",
    severity: "error",
    text: unitYaml(),
    others: { "v.yaml": unitYaml({ submitted: "2022-06-09" }) },
    file: "v.yaml",
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message: /đơn vị VKT đã có tệp báo cáo cùng kỳ .*: u\.yaml/,
  },
  {
    name: "a unit code twice in the registry",
    rule: "duplicate-unit-code",
    severity: "error",
    text: unitYaml(),
    config: configYaml({ "units.3": { code: "VP", name: "Văn phòng" } }),
    file: CONFIG,
    path: "units[3].code",
    at: (t) => valuePosition(t, "units.3.code"),
  },
  {
    name: "a waiver of a rule that does not exist",
    rule: "unknown-waiver-rule",
    severity: "error",
    text: unitYaml({ waivers: [{ rule: "late-submision", reason: "Lãnh đạo đi công tác." }] }),
    path: "waivers[0].rule",
    at: (t) => valuePosition(t, "waivers.0.rule"),
    message: /«late-submision»; có phải là «late-submission»\?$/,
  },
  {
    name: "a waiver of an error",
    rule: "unwaivable-rule",
    severity: "error",
    text: unitYaml({ waivers: [{ rule: "people-female-le-total", reason: "Số liệu đúng." }] }),
    path: "waivers[0].rule",
    at: (t) => valuePosition(t, "waivers.0.rule"),
    message: /«people-female-le-total» là lỗi, không phải cảnh báo, nên không thể giải trình/,
  },
  {
    name: "a joint activity that names the reporting unit itself",
    rule: "activity-with-self",
    severity: "error",
    text: unitYaml({ "activities.1.with": ["DHXD", "VKT"] }),
    path: "activities[1].with[1]",
    at: (t) => valuePosition(t, "activities.1.with.1"),
    message: /^Mã đơn vị phối hợp: đơn vị phối hợp không được là chính đơn vị báo cáo \(VKT\)/,
  },
  {
    name: "a joint activity's partner that the registry does not list",
    rule: "unknown-partner",
    severity: "warning",
    text: unitYaml({ "activities.1.with": ["DHXDX"] }),
    config: configYaml(),
    path: "activities[1].with[0]",
    at: (t) => valuePosition(t, "activities.1.with.0"),
    message: /«DHXDX» không có trong danh sách đơn vị của cấu hình.*; các mã trong danh sách: VP, VKT, CGD$/,
  },
  {
    name: "a waiver of the warning about unused waivers",
    rule: "unwaivable-rule",
    severity: "error",
    text: unitYaml({ waivers: [{ rule: "unused-waiver", reason: "Để dành cho kỳ sau." }] }),
    path: "waivers[0].rule",
    at: (t) => valuePosition(t, "waivers.0.rule"),
    message: /cảnh báo «unused-waiver» không thể giải trình/,
  },
  // Rules beyond the schema: warnings
  {
    name: "submitted three days late: received on 12/6 when the letter says before 10/6",
    rule: "late-submission",
    severity: "warning",
    text: unitYaml({ submitted: "2022-06-12" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message:
      /^Ngày gửi báo cáo: gửi chậm 3 ngày so với hạn \(trước ngày 10\/06\/2022, tính theo dấu công văn đến\)$/,
  },
  {
    name: "received on the deadline day, which the catalogue's reading of the letter makes late",
    rule: "late-submission",
    severity: "warning",
    text: unitYaml({ submitted: "2022-06-10" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message: /gửi chậm 1 ngày so với hạn \(trước ngày 10\/06\/2022/,
  },
  {
    name: "received on the last day of the next year: late, still a plausible date",
    rule: "late-submission",
    severity: "warning",
    text: unitYaml({ submitted: "2023-12-31" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message: /gửi chậm 570 ngày so với hạn/,
  },
  {
    name: "late under a configuration that keeps the deadline day on time",
    rule: "late-submission",
    severity: "warning",
    text: unitYaml({ submitted: "2022-06-13" }),
    config: configYaml({ deadline_day: "on-time" }),
    path: "submitted",
    at: (t) => valuePosition(t, "submitted"),
    message:
      /^Ngày gửi báo cáo: gửi chậm 3 ngày so với hạn \(chậm nhất ngày 10\/06\/2022, tính theo dấu công văn đến\)$/,
  },
  {
    name: "a late CRLF file with a byte-order mark, positioned as in any other",
    rule: "late-submission",
    severity: "warning",
    text: "\ufeff" + unitYaml({ submitted: "2022-06-11" }).replace(/\n/g, "\r\n"),
    path: "submitted",
    at: (t) => valuePosition(t.replace(/\r\n/g, "\n").slice(1), "submitted"),
    message: /chậm 2 ngày/,
  },
  {
    name: "a waiver of a warning that did not fire (the file was on time)",
    rule: "unused-waiver",
    severity: "warning",
    text: unitYaml({
      "budget.spent_vnd": 60000000,
      waivers: [
        { rule: "overspent", reason: "Bổ sung kinh phí tổ chức hội nghị." },
        { rule: "late-submission", reason: "Lãnh đạo đi công tác." },
      ],
    }),
    path: "waivers[1].rule",
    at: (t) => valuePosition(t, "waivers.1.rule"),
    message: /giải trình cảnh báo «late-submission» nhưng tệp không có cảnh báo này/,
    also: ["overspent"],
  },
  {
    name: "spent more than planned",
    rule: "overspent",
    severity: "warning",
    text: unitYaml({ "budget.spent_vnd": 60000000 }),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
    message: /^Kinh phí: kinh phí đã sử dụng \(60\.000\.000 đồng\) vượt dự toán \(50\.000\.000 đồng\)$/,
  },
  {
    name: "spent with nothing planned",
    rule: "overspent",
    severity: "warning",
    text: unitYaml({ "budget.planned_vnd": DELETE }),
    path: "budget.spent_vnd",
    at: (t) => valuePosition(t, "budget.spent_vnd"),
  },
  {
    name: "done with every figure at 0",
    rule: "done-without-figures",
    severity: "warning",
    text: unitYaml({ "tasks.committee.planning.documents_issued": 0 }),
    path: "tasks.committee.planning.status",
    at: (t) => valuePosition(t, "tasks.committee.planning.status"),
  },
  {
    name: "done with no figures given",
    rule: "done-without-figures",
    severity: "warning",
    text: unitYaml({
      "tasks.coordination.covid_recovery.beneficiaries": DELETE,
      "tasks.coordination.covid_recovery.support_vnd": DELETE,
    }),
    path: "tasks.coordination.covid_recovery.status",
    at: (t) => valuePosition(t, "tasks.coordination.covid_recovery.status"),
  },
  {
    name: "a sub-task not started with a flag set",
    rule: "inactive-with-figures",
    severity: "error",
    text: unitYaml({
      "tasks.inspection.inspection.status": "not_started",
      "tasks.inspection.inspection.summary": DELETE,
      "tasks.inspection.inspection.inspections": 0,
    }),
    path: "tasks.inspection.inspection.plan_issued",
    at: (t) => valuePosition(t, "tasks.inspection.inspection.plan_issued"),
  },
  {
    name: "done with the decision written but no members counted",
    rule: "done-without-figures",
    severity: "warning",
    text: unitYaml({
      "tasks.committee.consolidation.members": { total: 0, female: 0 },
    }),
    path: "tasks.committee.consolidation.status",
    at: (t) => valuePosition(t, "tasks.committee.consolidation.status"),
  },
  {
    name: "an empty assessment",
    rule: "empty-assessment",
    severity: "warning",
    text: unitYaml({ assessment: { strengths: [], limitations: [], causes: [] } }),
    path: "assessment",
    at: (t) => valuePosition(t, "assessment"),
    message: /^Đánh giá chung: chưa có nội dung$/,
  },
  {
    name: "an assessment of empty lists, its causes left out",
    rule: "empty-assessment",
    severity: "warning",
    text: unitYaml({ assessment: { strengths: [], limitations: [] } }),
    path: "assessment",
    at: (t) => valuePosition(t, "assessment"),
  },
  {
    name: "empty next steps",
    rule: "empty-assessment",
    severity: "warning",
    text: unitYaml({ next_steps: [] }),
    path: "next_steps",
    at: (t) => valuePosition(t, "next_steps"),
  },
  {
    name: "the scaffold's signer left in",
    rule: "placeholder",
    severity: "warning",
    text: unitYaml({ "signer.name": "Họ và tên người ký" }),
    path: "signer.name",
    at: (t) => valuePosition(t, "signer.name"),
    message:
      /^Họ và tên người ký: «Họ và tên người ký» là nội dung mẫu của geq init; hãy thay bằng nội dung của đơn vị$/,
  },
  {
    name: "the scaffold's document number left in, after the unit's code",
    rule: "placeholder",
    severity: "warning",
    text: unitYaml({ reference: "…/BC-VKT" }),
    path: "reference",
    at: (t) => valuePosition(t, "reference"),
  },
  {
    name: "the scaffold's zeros left in every staff figure",
    rule: "placeholder",
    severity: "warning",
    text: unitYaml(ZERO_STAFF),
    path: "staff",
    at: (t) => valuePosition(t, "staff"),
  },
  {
    name: "the scaffold's zeros left in every staff figure, a note beside them",
    rule: "placeholder",
    severity: "warning",
    text: unitYaml({
      ...ZERO_STAFF,
      "staff.x-ghi-chu": "Chưa có số liệu của Phòng Tổ chức.",
    }),
    path: "staff",
    at: (t) => valuePosition(t, "staff"),
  },
  {
    name: "no recommendations at all",
    rule: "empty-assessment",
    severity: "warning",
    text: unitYaml({ recommendations: DELETE }),
    path: "recommendations",
    at: { line: 2, column: 1 },
    message: /^Kiến nghị, đề xuất: chưa có nội dung$/,
  },
  {
    name: "a ' #' inside a summary, read line by line",
    rule: "text-cut-by-comment",
    severity: "warning",
    text: replaced(summary, "Đang tổng hợp (xem Kế hoạch số 09 # mục 3) và ý kiến của Công đoàn"),
    path: "tasks.coordination.law_review.summary",
    at: (t) => textPosition(t, "# mục 3"),
    message:
      /^[^:]+: dấu « #» mở đầu một chú thích nên phần «# mục 3\) và ý kiến của Công đoàn» bị bỏ, nội dung chỉ còn «Đang tổng hợp \(xem Kế hoạch số 09»; nếu đó là nội dung, hãy đặt cả đoạn trong dấu nháy kép, ví dụ: summary: "Đang tổng hợp \(xem Kế hoạch số 09 # mục 3\) và ý kiến của Công đoàn"$/,
  },
  {
    name: "a ' #' inside a list item, in a file read with positions",
    rule: "text-cut-by-comment",
    severity: "warning",
    // The block scalar puts the file outside the plain subset the fast reading serves.
    text: replaced("reference: 125/BC-VKT", "reference: |-\n  125/BC-VKT").replace(
      /next_steps:\n {2}- (.*)\n/,
      "next_steps:\n  - $1 # trọng tâm là quý III\n",
    ),
    path: "next_steps[0]",
    at: (t) => textPosition(t, "# trọng tâm"),
    message: /phần «# trọng tâm là quý III» bị bỏ/,
  },
  {
    name: "a status in the wrong case",
    rule: "invalid-value",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning.status": "Done" }),
    path: "tasks.committee.planning.status",
    at: (t) => valuePosition(t, "tasks.committee.planning.status"),
    message: /«Done» không hợp lệ; có phải là «done»\? \(chọn một trong: not_started/,
  },
  {
    name: "a status written as its meaning",
    rule: "invalid-value",
    severity: "error",
    text: unitYaml({ "tasks.committee.planning.status": "Đã hoàn thành" }),
    path: "tasks.committee.planning.status",
    at: (t) => valuePosition(t, "tasks.committee.planning.status"),
    message: /có phải là «done»\?/,
  },
  {
    name: "a unit code in lower case, with the code it must be",
    rule: "invalid-code",
    severity: "error",
    text: unitYaml({ "unit.code": "vkt" }),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message: /«vkt» không đúng dạng mã: .*; có phải là «VKT»\?$/,
  },
  {
    name: "a unit code with Vietnamese letters",
    rule: "invalid-code",
    severity: "error",
    text: unitYaml({ "activities.0.with": ["ĐHXD"] }),
    path: "activities[0].with[0]",
    at: (t) => valuePosition(t, "activities.0.with.0"),
    message: /có phải là «DHXD»\?$/,
  },
  {
    name: "a made-up code for a registered unit's name",
    rule: "unknown-unit",
    severity: "error",
    text: unitYaml({ "unit.code": "VKTQG2" }),
    config: configYaml(),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message:
      /«VKTQG2» không có .*; có phải là «VKT» \(Viện Kinh tế xây dựng\), đơn vị cùng tên trong danh sách\?$/,
  },
  {
    name: "a registered code mistyped",
    rule: "unknown-unit",
    severity: "error",
    text: unitYaml({ "unit.code": "CGĐ".replace("Đ", "DD"), "unit.name": "Cục Giám định" }),
    config: configYaml(),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message: /có phải là «CGD» \(Cục Giám định nhà nước về chất lượng công trình xây dựng\)\?$/,
  },
  {
    name: "a code nothing in the registry is close to",
    rule: "unknown-unit",
    severity: "error",
    text: unitYaml({ "unit.code": "TTTT", "unit.name": "Trung tâm Thông tin" }),
    config: configYaml(),
    path: "unit.code",
    at: (t) => valuePosition(t, "unit.code"),
    message: /; các mã trong danh sách: VP, VKT, CGD$/,
  },
  {
    name: "a waiver of a warning in another case",
    rule: "unknown-waiver-rule",
    severity: "error",
    text: unitYaml({ waivers: [{ rule: "Late-Submission", reason: "Lãnh đạo đi công tác." }] }),
    path: "waivers[0].rule",
    at: (t) => valuePosition(t, "waivers.0.rule"),
    message: /«Late-Submission»; có phải là «late-submission»\?$/,
  },
  {
    name: "a waiver of nothing like a warning",
    rule: "unknown-waiver-rule",
    severity: "error",
    text: unitYaml({ waivers: [{ rule: "cham-gui", reason: "Lãnh đạo đi công tác." }] }),
    path: "waivers[0].rule",
    at: (t) => valuePosition(t, "waivers.0.rule"),
    message: /; các cảnh báo giải trình được: late-submission, overspent, /,
  },
  {
    name: "a raw form feed in a plain value",
    rule: "xml-illegal-char",
    severity: "warning",
    text: replaced(summary, "Đang tổng hợp\fý kiến góp ý."),
    path: "tasks.coordination.law_review.summary",
    at: (t) => textPosition(t, "\f"),
    message: /U\+000C/,
  },
  {
    name: "a raw form feed in a list item",
    rule: "xml-illegal-char",
    severity: "warning",
    text: replaced("Kinh phí cho hoạt động", "Kinh phí\fcho hoạt động"),
    path: "assessment.limitations[0]",
    at: (t) => textPosition(t, "\f"),
  },
  {
    name: "a \\f escape in a double-quoted value",
    rule: "xml-illegal-char",
    severity: "warning",
    text: replaced(summary, '"Đang tổng hợp\\fý kiến góp ý."'),
    path: "tasks.coordination.law_review.summary",
    at: (t) => valuePosition(t, "tasks.coordination.law_review.summary"),
    message: /U\+000C/,
  },
];

/**
 * Files right at the edge of a rule that must pass it: the first and last day of each period's window
 * (semi-annual 15/12/2021 – 14/06/2022, annual 15/12/2021 – 14/12/2022), and equal values above zero for
 * every "at most" rule. A file sent on the window's last day is late, so it waives that warning.
 */
const LATE_WAIVED = { waivers: [{ rule: "late-submission", reason: "Chờ số liệu của các phòng." }] };
const goodCases: { name: string; text: string }[] = [
  ...(
    [
      ["semi-annual", "2021-12-15", "2022-06-14"],
      ["annual", "2021-12-15", "2022-12-14"],
    ] as const
  ).flatMap(([period, from, to]) => [
    {
      name: `${period}: an activity on the window's first day`,
      text: unitYaml({ period, submitted: to, ...LATE_WAIVED, "activities.0.date": from }),
    },
    {
      name: `${period}: an activity on the window's last day, sent that day`,
      text: unitYaml({ period, submitted: to, ...LATE_WAIVED, "activities.1.date": to }),
    },
    {
      name: `${period}: a file sent on the window's first day`,
      text: unitYaml({ period, submitted: from, activities: DELETE }),
    },
  ]),
  {
    name: "as many women as staff in every staff figure",
    text: unitYaml({
      "staff.employees.female": 142,
      "staff.unit_leaders.female": 4,
      "staff.division_leaders.female": 24,
      "staff.succession_pool.female": 30,
    }),
  },
  {
    name: "as many women as participants in an activity",
    text: unitYaml({ "activities.0.participants.female": 80 }),
  },
  {
    name: "every case reported resolved",
    text: unitYaml({
      "tasks.coordination.gbv_response.status": "done",
      "tasks.coordination.gbv_response.cases_reported": 3,
      "tasks.coordination.gbv_response.cases_resolved": 3,
    }),
  },
  {
    name: "unit leaders, division leaders and the succession pool each as many as the staff",
    text: unitYaml({
      "staff.unit_leaders.total": 142,
      "staff.division_leaders.total": 142,
      "staff.succession_pool.total": 142,
    }),
  },
  { name: "spent exactly what was planned", text: unitYaml({ "budget.spent_vnd": 50000000 }) },
  {
    name: "comments after a status, a date, a figure and a quoted text",
    text: replaced(
      `summary: ${summary}`,
      `summary: "${summary} # ghi chú" # đã quán triệt`,
      replaced("      status: in_progress", "      status: in_progress # đang làm")
        .replace("submitted: 2022-06-08", "submitted: 2022-06-08 # ngày gửi")
        .replace("proposals: 0", "proposals: 0 # chưa có"),
    ),
  },
  {
    name: "an assessment of strengths alone",
    text: unitYaml({ "assessment.limitations": [], "assessment.causes": [] }),
  },
  {
    name: "an assessment of causes alone",
    text: unitYaml({ "assessment.strengths": [], "assessment.limitations": [] }),
  },
  {
    name: "an assessment of causes alone, the other lists left out",
    text: unitYaml({ "assessment.strengths": DELETE, "assessment.limitations": DELETE }),
  },
  {
    name: "a unit with no succession pool yet, its other staff figures above zero",
    text: unitYaml({ "staff.succession_pool": { total: 0, female: 0 } }),
  },
  {
    name: "done with people counted and no women among them",
    text: unitYaml({
      "tasks.coordination.covid_recovery.beneficiaries": { total: 5, female: 0 },
      "tasks.coordination.covid_recovery.support_vnd": 0,
    }),
  },
  {
    name: "not started with no people and no flag",
    text: unitYaml({
      "tasks.inspection.inspection.status": "not_started",
      "tasks.inspection.inspection.summary": DELETE,
      "tasks.inspection.inspection.plan_issued": false,
      "tasks.inspection.inspection.inspections": 0,
      "tasks.female_cadres.leadership_training.status": "not_applicable",
      "tasks.female_cadres.leadership_training.classes": 0,
      "tasks.female_cadres.leadership_training.participants": { total: 0, female: 0 },
    }),
  },
];

/** A catalogue file's mistakes, each refused with its place in the catalogue file. */
function catalogCases(): Case[] {
  const CAT = "cat.yaml";
  const bad = (
    name: string,
    rule: string,
    edit: Record<string, unknown>,
    path: string,
    message?: RegExp,
  ): Case => {
    const text = catalogYaml(edit as Parameters<typeof catalogYaml>[0]);
    return {
      name,
      rule,
      severity: "error",
      text: unitYaml(),
      config: configYaml({ catalog: `./${CAT}` }),
      others: { [CAT]: text },
      file: CAT,
      path: path.replace(/\.(\d+)/g, "[$1]"),
      at: () => valuePosition(text, path),
      ...(message ? { message } : {}),
    };
  };
  return [
    bad(
      "a group key in capitals",
      "invalid-key",
      { "groups.0.key": "Phoi_hop" },
      "groups.0.key",
      /chữ thường/,
    ),
    bad(
      "an indicator named status",
      "reserved-key",
      { "groups.0.tasks.0.indicators.0.key": "status" },
      "groups.0.tasks.0.indicators.0.key",
    ),
    bad("the second group numbered 3", "group-number", { "groups.1.number": 3 }, "groups.1.number"),
    bad(
      "a deadline in the next year",
      "date-outside-year",
      { "periods.annual.deadline": "2023-01-10" },
      "periods.annual.deadline",
      /^Hạn gửi báo cáo: ngày 10\/01\/2023 không thuộc năm 2022 của hướng dẫn/,
    ),
    bad(
      "an action month ending before it starts",
      "date-order",
      { "action_months.0.to": "2022-05-31" },
      "action_months.0.to",
    ),
    bad(
      "a relation naming a mistyped indicator",
      "relation-indicator",
      { "groups.0.tasks.5.relations.0.right": "cases_reportd" },
      "groups.0.tasks.5.relations.0.right",
      /có phải là «cases_reported»\?$/,
    ),
    bad(
      "a duplicate sub-task key",
      "duplicate-item",
      { "groups.0.tasks.1.key": "policy" },
      "groups.0.tasks.1.key",
      /«policy» đã có ở mục thứ 1/,
    ),
  ];
}

async function runCase(c: Case): Promise<{ run: Run; text: string }> {
  const files: Record<string, Content> = { "u.yaml": c.text, ...(c.others ?? {}) };
  const options: ValidateOptions = { ...(c.options ?? {}) };
  if (c.config !== undefined) {
    files[CONFIG] = c.config;
    options.config = CONFIG;
  }
  const target = c.file === CONFIG ? c.config! : (c.file ? files[c.file] : c.text)!;
  const text = typeof target === "string" ? target : "";
  return { run: await run(files, options), text };
}

describe("every rule", () => {
  it("names each check beyond the schema, once, by a rule of the messages and of this table", () => {
    const ids = UNIT_RULES.map((r) => r.id);
    const covered = new Set(cases.map((c) => c.rule));
    expect(ids.filter((id) => !(id in RULES) || !covered.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a bad case in this table", () => {
    const covered = new Set(cases.map((c) => c.rule));
    expect(Object.keys(RULES).filter((r) => !covered.has(r))).toEqual([]);
  });

  it("is in the README's table of rules", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("Các quy tắc (mã quy tắc cố định"));
    const listed = new Set(
      [...table.slice(0, table.indexOf("\n\n", table.indexOf("| mã |"))).matchAll(/`([a-z0-9-]+)`/g)].map(
        (m) => m[1],
      ),
    );
    expect(Object.keys(RULES).filter((r) => !listed.has(r))).toEqual([]);
  });

  it("starts from a valid, realistic file without a single finding", async () => {
    const r = await run({ "u.yaml": unitYaml() });
    expect(r.diagnostics).toEqual([]);
    expect(r.result?.files[0]?.report?.tasks.communication?.committee_training?.status).toBe("not_started");
  });

  it("accepts the valid configuration", async () => {
    const r = await run({ "u.yaml": unitYaml(), [CONFIG]: configYaml() }, { config: CONFIG });
    expect(r.problem).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.rule}: ${c.name}`, c] as const))("%s", async (_name, c) => {
    const { run: r, text } = await runCase(c);
    const file = c.file ?? "u.yaml";
    const found = r.diagnostics.filter((d) => d.rule === c.rule && d.file === file);
    expect(found, JSON.stringify(r.diagnostics, null, 1)).not.toHaveLength(0);
    const at = typeof c.at === "function" ? c.at(text) : c.at;
    const d =
      found.find((x) => x.path === c.path && x.line === at.line && x.column === at.column) ??
      found.find((x) => x.path === c.path) ??
      found[0]!;
    const column = c.near && d.column >= at.column && d.line === at.line ? at.column : d.column;
    expect({ rule: d.rule, severity: d.severity, path: d.path, line: d.line, column }).toEqual({
      rule: c.rule,
      severity: c.severity,
      path: c.path,
      ...at,
    });
    expect(RULES[c.rule]?.severity).toBe(c.severity);
    if (c.message) expect(d.message).toMatch(c.message);
    expect(d.message).not.toMatch(/undefined|NaN|\[object Object\]/);
    // Nothing else fires, apart from what the case says it also causes.
    const expected = new Set([c.rule, ...(c.also ?? [])]);
    expect([...new Set(r.diagnostics.map((x) => x.rule))].filter((x) => !expected.has(x))).toEqual([]);
    // Exit code semantics: an error fails the run, a warning alone does not.
    if (r.result) expect(r.result.errors > 0).toBe(c.severity === "error");
    else expect(c.severity).toBe("error");
  });
});

describe("every rule at its edge", () => {
  it.each(goodCases.map((c) => [c.name, c.text] as const))("accepts %s", async (_name, text) => {
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics.filter((d) => d.waived === undefined)).toEqual([]);
  });

  it("accepts a sub-task done whose catalogue gives it nothing but a text to write", async () => {
    const catalog = catalogYaml((c) => {
      const tasks = (c.groups as Data[]).flatMap((g) => g.tasks as Data[]);
      const consolidation = tasks.find((t) => t.key === "consolidation")!;
      consolidation.indicators = (consolidation.indicators as Data[]).filter((i) => i.type === "text");
    });
    const r = await run(
      {
        "u.yaml": unitYaml({ "tasks.committee.consolidation.members": DELETE }),
        [CONFIG]: configYaml({ catalog: "./cat.yaml" }),
        "cat.yaml": catalog,
      },
      { config: CONFIG },
    );
    expect(r.problem).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });
});

describe("a unit's own data under x- keys", () => {
  it("has its people figures compared, even beside a total or a count of women alone", async () => {
    const text = unitYaml({
      "x-theo-phong": {
        tong: { total: 142, phong_to_chuc: { total: 2, female: 3 } },
        nu: { female: 77, phong_ke_toan: { total: 1, female: 2 } },
      },
    });
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics.map((d) => [d.rule, d.path])).toEqual([
      ["people-female-le-total", "x-theo-phong.tong.phong_to_chuc.female"],
      ["people-female-le-total", "x-theo-phong.nu.phong_ke_toan.female"],
    ]);
  });
});

describe("messages in English", () => {
  it("say the same without Vietnamese labels", async () => {
    const r = await run(
      { "u.yaml": unitYaml({ "staff.unit_leaders.female": 5, submitted: "2022-06-13" }) },
      {
        lang: "en",
      },
    );
    expect(r.diagnostics.map((d) => [d.rule, d.path, d.message])).toEqual([
      [
        "late-submission",
        "submitted",
        "submitted 4 day(s) late (due before 2022-06-10, by the arrival stamp)",
      ],
      ["people-female-le-total", "staff.unit_leaders.female", "women (5) exceed the total (4)"],
    ]);
  });

  it("name the missing field of a missing list", async () => {
    const r = await run({ "u.yaml": unitYaml({ next_steps: DELETE }) }, { lang: "en" });
    expect(r.diagnostics.map((d) => [d.rule, d.path, d.message])).toEqual([
      ["empty-assessment", "next_steps", "is empty"],
    ]);
  });
});

describe("waivers", () => {
  it("mark a listed warning as waived, which does not count as a warning", async () => {
    const reason = "Văn bản trình ký chậm do lãnh đạo đi công tác.";
    const text = unitYaml({ submitted: "2022-06-13", waivers: [{ rule: "late-submission", reason }] });
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      rule: "late-submission",
      severity: "warning",
      waived: { reason },
    });
    expect(r.result).toMatchObject({ errors: 0, warnings: 0, waived: 1 });
  });

  it("leave other warnings standing", async () => {
    const text = unitYaml({
      "budget.spent_vnd": 60000000,
      waivers: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
    });
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics.map((d) => [d.rule, d.waived])).toEqual([
      ["overspent", undefined],
      ["unused-waiver", undefined],
    ]);
    expect(r.result).toMatchObject({ errors: 0, warnings: 2, waived: 0 });
  });
});

describe("valid files", () => {
  it("read UTF-8 with a byte-order mark and CRLF line ends", async () => {
    const r = await run({ "u.yaml": "\ufeff" + unitYaml().replace(/\n/g, "\r\n") });
    expect(r.diagnostics).toEqual([]);
    expect(r.result?.files[0]?.report?.unit.name).toBe("Viện Kinh tế xây dựng");
  });

  it("normalise text typed with combining marks (NFD) to NFC", async () => {
    const nfd = "Tiến bộ".normalize("NFD");
    expect(nfd).not.toBe("Tiến bộ");
    const text = unitYaml({
      "unit.name": `Viện Kinh tế xây dựng ${nfd}`.normalize("NFD"),
      "tasks.committee.planning.summary": `  ${nfd} của phụ nữ.  `,
      next_steps: [nfd],
    });
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics).toEqual([]);
    const report = r.result?.files[0]?.report;
    expect(report?.unit.name).toBe("Viện Kinh tế xây dựng Tiến bộ");
    expect(report?.tasks.committee?.planning?.summary).toBe("Tiến bộ của phụ nữ.");
    expect(report?.next_steps).toEqual(["Tiến bộ"]);
    expect(JSON.stringify(report)).toBe(JSON.stringify(report).normalize("NFC"));
  });

  it("keep x- keys anywhere a mapping of the format allows them", async () => {
    const text = unitYaml({
      "x-ghi-chu": "Bản nháp gửi Ban",
      "unit.x-ma-cu": "VKTXD",
      "staff.x-nguon": "Phòng Tổ chức",
      "staff.x-ghi-chu": null,
      "tasks.coordination.policy.x-tai-lieu": ["kh-15.pdf"],
      "tasks.x-nhom-rieng": { a: 1 },
    });
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics).toEqual([]);
  });

  it("accept yes/no as text, not booleans (YAML 1.2 core schema)", async () => {
    const r = await run({ "u.yaml": unitYaml({ "contact.name": "yes", "signer.name": "No" }) });
    expect(r.diagnostics).toEqual([]);
    expect(r.result?.files[0]?.report?.contact?.name).toBe("yes");
  });
});

describe("hostile keys", () => {
  it("report __proto__ and constructor as unknown keys and pollute no prototype", async () => {
    const text = replaced(
      "period: semi-annual\n",
      'period: semi-annual\n__proto__:\n  polluted: yes\n"constructor":\n  prototype:\n    polluted: yes\n',
      replaced(
        "      proposals: 0\n",
        "      proposals: 0\n      __proto__: { status: done, polluted: yes }\n",
      ),
    );
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics.map((d) => [d.rule, d.path, d.line, d.column])).toEqual(
      [
        ["unknown-key", "__proto__", ...Object.values(keyPosition(text, "__proto__"))],
        ["unknown-key", "constructor", ...Object.values(keyPosition(text, "constructor"))],
        [
          "unknown-key",
          "tasks.coordination.law_review.__proto__",
          ...Object.values(keyPosition(text, "tasks.coordination.law_review.__proto__")),
        ],
      ].sort((a, b) => Number(a[2]) - Number(b[2])),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "status")).toBe(false);
  });

  it("do not let a __proto__ key hide a required field", async () => {
    const text = replaced("year: 2022\n", "__proto__:\n  year: 2022\n", unitYaml());
    const r = await run({ "u.yaml": text });
    expect(r.diagnostics.map((d) => d.rule).sort()).toEqual(["required", "unknown-key"]);
  });
});

/**
 * The rules read what the schema accepted, whatever it refused elsewhere; a value it refused is
 * neither zero nor absent to them, so no rule speaks of it.
 */
describe("one pass over a file with schema errors", () => {
  it.each<{ name: string; text: string; rules: string[]; options?: ValidateOptions }>([
    {
      name: "an error elsewhere hides neither a figure, a date, a summary nor the lateness",
      text: replaced(
        "spent_vnd: 21500000",
        "spent_vnd: 21.500.000",
        unitYaml({
          submitted: "2022-06-13",
          "staff.unit_leaders.female": 5,
          "activities.1.date": "2022-06-31",
          "tasks.coordination.law_review.summary": DELETE,
        }),
      ),
      rules: [
        "invalid-date",
        "late-submission",
        "number-format",
        "people-female-le-total",
        "summary-required",
      ],
    },
    {
      name: "a plan refused is not a plan of 0 that the spending exceeds",
      text: replaced("planned_vnd: 50000000", "planned_vnd: 50000000 đồng"),
      rules: ["number-format"],
    },
    {
      name: "a figure refused may be the one above zero of a task done",
      text: unitYaml({ "tasks.coordination.policy.documents_issued": "hai văn bản" }),
      rules: ["wrong-type"],
    },
    {
      name: "an assessment of the wrong type is not an empty one",
      text: unitYaml({ assessment: "Tốt" }),
      rules: ["wrong-type"],
    },
    {
      name: "next steps written as one text, not a list, are not empty ones",
      text: unitYaml({ next_steps: "Tiếp tục tổ chức lớp bồi dưỡng cho cán bộ nữ." }),
      rules: ["wrong-type"],
    },
    {
      name: "staff figures left out are not the scaffold's zeros, nor a total leaders exceed",
      text: unitYaml({ staff: DELETE }),
      rules: ["required"],
    },
    {
      name: "a staff figure refused is not one of the scaffold's zeros",
      text: unitYaml({
        "staff.employees": { total: 0, female: 0 },
        "staff.unit_leaders": { total: 0, female: 0 },
        "staff.division_leaders": { total: 0, female: 0 },
        "staff.succession_pool": "30 người",
      }),
      rules: ["wrong-type"],
    },
    {
      name: "women counted in a sub-task not started are a figure, its total refused",
      text: unitYaml({
        "tasks.female_cadres.leadership_training.status": "not_started",
        "tasks.female_cadres.leadership_training.classes": 0,
        "tasks.female_cadres.leadership_training.participants": { total: "mười hai", female: 3 },
      }),
      rules: ["inactive-with-figures", "wrong-type"],
    },
    {
      name: "cases reported refused are not 0 cases below those resolved",
      text: unitYaml({
        "tasks.coordination.gbv_response.status": "in_progress",
        "tasks.coordination.gbv_response.cases_reported": "1 vụ",
        "tasks.coordination.gbv_response.cases_resolved": 1,
      }),
      rules: ["wrong-type"],
    },
    {
      name: "women are not compared with a total refused",
      text: unitYaml({ "staff.unit_leaders.female": 5, "staff.unit_leaders.total": "4 người" }),
      rules: ["wrong-type"],
    },
    {
      name: "leaders are not compared with a staff total refused",
      text: unitYaml({
        "staff.employees.total": -1,
        "staff.employees.female": 0,
        "staff.succession_pool.total": 200,
      }),
      rules: ["out-of-range"],
    },
    {
      name: "a year without guidance is said alongside the schema's errors, and no deadline is applied",
      text: unitYaml({ year: 2023, submitted: "2022-06-13", "tasks.committee.planning.status": "xong" }),
      rules: ["invalid-value", "no-catalog"],
    },
    {
      name: "a file whose year is refused is not judged by a year's windows and deadline",
      text: replaced(
        "year: 2022",
        'year: "2022"',
        unitYaml({ submitted: "2022-06-13", "activities.0.date": "2021-01-01" }),
      ),
      rules: ["number-format"],
    },
    {
      name: "a year and a period refused are not others than the ones being checked",
      text: replaced("year: 2022", 'year: "2022"', unitYaml({ period: "Semi-annual" })),
      options: { year: 2022, period: "semi-annual" },
      rules: ["invalid-value", "number-format"],
    },
    {
      name: "an activity written as a line of text is left out, and the one after it still checked",
      text: unitYaml({ "activities.0": "Tọa đàm ngày 8/3", "activities.1.date": "2022-07-01" }),
      rules: ["activity-outside-window", "wrong-type"],
    },
    {
      name: "an activity without its date has no date to be invalid or outside the window",
      text: unitYaml({ "activities.1.date": DELETE }),
      rules: ["required"],
    },
    {
      name: "codes written in lower case: a partner refused is not the unit itself, refused too",
      text: unitYaml({ "unit.code": "vkt", "activities.0.with": ["dhxd"] }),
      rules: ["invalid-code"],
    },
    {
      name: "a waiver written as a bare rule name is left out",
      text: unitYaml({ waivers: ["late-submission"] }),
      rules: ["wrong-type"],
    },
    {
      name: "a waiver is not judged unused in a file the schema refused in part",
      text: replaced("spent_vnd: 21500000", "spent_vnd: 21.500.000", unitYaml(LATE_WAIVED)),
      rules: ["number-format"],
    },
  ])("$name", async ({ text, rules, options }) => {
    const r = await run({ "u.yaml": text }, options);
    expect(
      [...new Set(r.diagnostics.map((d) => d.rule))].sort(),
      JSON.stringify(r.diagnostics, null, 1),
    ).toEqual(rules);
  });
});
