/**
 * A unit's focal person filling a file by hand, as `geq validate` answers them: every problem of a
 * file in one pass, the YAML pitfalls of office prose in our words with the fix, and "có phải là…?"
 * for codes, statuses and waived rules. Needs `npm run build`.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { STACK_TRACE, geq, tempDir, type CliResult } from "./cli.js";
import { configYaml, textPosition, unitYaml, valuePosition } from "../helpers/unit-yaml.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], files: Record<string, string>): CliResult {
  const cwd = tempDir(files);
  dirs.push(cwd);
  const r = geq(args, { cwd });
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

/** `file:line:col severity  path: message  [rule]`, parsed. */
function diagnostics(stdout: string) {
  return stdout
    .trimEnd()
    .split("\n")
    .filter((l) => /^\S+:\d+:\d+ /.test(l))
    .map((l) => {
      const m = /^(.+?):(\d+):(\d+) (lỗi|cảnh báo|error|warning) {2}(.+) {2}\[([a-z0-9-]+)\]$/.exec(l);
      if (!m) throw new Error(`not a diagnostic line: ${l}`);
      return { line: Number(m[2]), column: Number(m[3]), severity: m[4], text: m[5]!, rule: m[6]! };
    });
}

const SUMMARY = "Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.";

describe("every problem of a file in one pass", () => {
  // One mistake of each kind: a number with separators, women above the total, two dates that do not
  // exist, a missing summary, a status in the wrong case, a text a comment cuts, a mistyped waiver,
  // a made-up unit code, and a late submission.
  const text = unitYaml({
    "unit.code": "VKTQG2",
    submitted: "2022-06-13",
    "staff.unit_leaders.female": 5,
    "activities.0.date": "2022-02-30",
    "activities.1.date": "2022-06-31",
    "tasks.committee.planning.status": "Done",
    waivers: [{ rule: "late-submision", reason: "Lãnh đạo đi công tác." }],
  })
    .replace("spent_vnd: 21500000", "spent_vnd: 21.500.000")
    .replace(`      summary: ${SUMMARY}\n`, "")
    .replace(
      /(national_programs:\n\s+status: done\n\s+summary: )(.*)\n/,
      "$1$2 (xem Kế hoạch số 09 # mục 3) và Công đoàn\n",
    );

  it("reports every one, each at its own line and column", () => {
    const r = run(["validate", "vkt.yaml", "--config", "geq.yaml"], {
      "vkt.yaml": text,
      "geq.yaml": configYaml(),
    });
    expect(r.code).toBe(1);
    const found = diagnostics(r.stdout).map(({ line, column, rule }) => ({ rule, line, column }));
    const at = (rule: string, p: { line: number; column: number }) => ({ rule, ...p });
    expect(found).toEqual(
      [
        at("unknown-unit", valuePosition(text, "unit.code")),
        at("late-submission", valuePosition(text, "submitted")),
        at("people-female-le-total", valuePosition(text, "staff.unit_leaders.female")),
        at("summary-required", textPosition(text, "law_review:")),
        at("text-cut-by-comment", textPosition(text, "# mục 3")),
        at("invalid-value", valuePosition(text, "tasks.committee.planning.status")),
        at("invalid-date", valuePosition(text, "activities.0.date")),
        at("invalid-date", valuePosition(text, "activities.1.date")),
        at("number-format", valuePosition(text, "budget.spent_vnd")),
        at("unknown-waiver-rule", valuePosition(text, "waivers.0.rule")),
      ].sort((a, b) => a.line - b.line || a.column - b.column),
    );
    expect(r.stdout).toMatch(/^1 tệp, 8 lỗi, 2 cảnh báo$/m);
  });

  it("says what each one is and how to fix it", () => {
    const r = run(["validate", "vkt.yaml", "--config", "geq.yaml"], {
      "vkt.yaml": text,
      "geq.yaml": configYaml(),
    });
    const by = Object.fromEntries(diagnostics(r.stdout).map((d) => [`${d.rule}:${d.line}`, d.text]));
    const say = (rule: string, path: string) => by[`${rule}:${valuePosition(text, path).line}`];
    expect(say("unknown-unit", "unit.code")).toMatch(
      /có phải là «VKT» \(Viện Kinh tế xây dựng\), đơn vị cùng tên trong danh sách\?$/,
    );
    expect(say("late-submission", "submitted")).toMatch(/gửi chậm 4 ngày/);
    expect(say("invalid-value", "tasks.committee.planning.status")).toMatch(
      /«Done» không hợp lệ; có phải là «done»\?/,
    );
    expect(say("invalid-date", "activities.0.date")).toMatch(/«2022-02-30» không phải ngày hợp lệ/);
    expect(say("invalid-date", "activities.1.date")).toMatch(/«2022-06-31» không phải ngày hợp lệ/);
    expect(say("number-format", "budget.spent_vnd")).toMatch(/21500000 \(không phải «21\.500\.000»\)/);
    expect(say("unknown-waiver-rule", "waivers.0.rule")).toMatch(/có phải là «late-submission»\?$/);
    expect(by[`text-cut-by-comment:${textPosition(text, "# mục 3").line}`]).toMatch(
      /phần «# mục 3\) và Công đoàn» bị bỏ, nội dung chỉ còn «….*\(xem Kế hoạch số 09»;.*ví dụ: summary: "Ban hành /,
    );
  });
});

describe("the YAML pitfalls of office prose", () => {
  const base = unitYaml();
  const colon = base.replace(`summary: ${SUMMARY}`, "summary: Kết quả: đã quán triệt đến toàn thể viên chức");
  const quoted = unitYaml({ next_steps: ["x"] }).replace(
    "- x",
    '- "Nói không với bạo lực" được treo tại trụ sở',
  );
  const indented = base.replace("      proposals: 0\n", "     proposals: 0\n");

  it.each([
    [
      "a colon inside a sentence",
      colon,
      "Kết quả:",
      /hãy đặt cả đoạn trong dấu nháy kép, ví dụ: summary: "Kết quả: đã quán triệt đến toàn thể viên chức"$/,
      "text-needs-quotes",
    ],
    [
      "a sentence opening with a quotation",
      quoted,
      '"Nói không',
      /ví dụ: - "\\"Nói không với bạo lực\\" được treo tại trụ sở"$/,
      "text-needs-quotes",
    ],
    [
      "a key indented one space short",
      indented,
      "proposals: 0",
      /hãy thụt lề 6 dấu cách cho thẳng hàng với dòng \d+ \(«summary:»\)$/,
      "bad-indent",
    ],
  ] as const)("%s: our words, at the line to fix, in both languages", (_name, text, needle, vi, rule) => {
    const r = run(["validate", "u.yaml"], { "u.yaml": text });
    expect(r.code).toBe(1);
    const [d, ...rest] = diagnostics(r.stdout);
    expect(rest).toEqual([]);
    expect({ rule: d!.rule, line: d!.line, column: d!.column }).toEqual({
      rule,
      ...textPosition(text, needle),
    });
    expect(d!.text).toMatch(vi);
    const en = run(["validate", "u.yaml", "--lang", "en"], { "u.yaml": text });
    const [e] = diagnostics(en.stdout);
    expect(e!.rule).toBe(rule);
    // Neither language carries the parser's English.
    for (const out of [r.stdout, en.stdout])
      expect(out).not.toMatch(/Nested mappings|Unexpected scalar|All mapping items|Implicit keys/);
  });
});
