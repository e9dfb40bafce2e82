/**
 * `geq validate`, `geq init`, `geq schema` and `--help` as a user runs them: exit codes, the
 * diagnostic line format, JSON and GitHub output, languages, configurations. Needs `npm run build`.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, STACK_TRACE, geq, tempDir, type CliResult } from "./cli.js";
import { configYaml, unitYaml, valuePosition } from "../helpers/unit-yaml.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(files: Record<string, string | Uint8Array> = {}): string {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}

/** Runs geq and checks what every run must: an exit code of 0, 1 or 2 and no stack trace. */
function run(args: string[], cwd: string, env?: Record<string, string>): CliResult {
  const r = geq(args, { cwd, ...(env ? { env } : {}) });
  expect(r.timedOut, `geq ${args.join(" ")} timed out`).toBe(false);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stdout).not.toMatch(STACK_TRACE);
  return r;
}

/** `file:line:col severity  path: message  [rule]` (path and its colon absent for whole-file findings). */
const DIAGNOSTIC_LINE =
  /^(.+?):(\d+):(\d+) (lỗi|cảnh báo|error|warning)(?: \([^)]*\))? {2}(?:(\S+): )?(.+) {2}\[([a-z0-9-]+)\]$/;

const VALID = unitYaml();
const FEMALE = unitYaml({ "staff.unit_leaders.female": 5 });
const LATE = unitYaml({ submitted: "2022-06-13" });
const LATE_WAIVED = unitYaml({
  submitted: "2022-06-13",
  waivers: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
});

beforeAll(() => {
  if (!existsSync(join(dirname(BIN), "..", "dist", "cli.js"))) throw new Error("run npm run build first");
});

describe("geq validate: exit codes and text output", () => {
  it("exits 0 on a valid file and says so in the summary", () => {
    const r = run(["validate", "vkt.yaml"], dir({ "vkt.yaml": VALID }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("1 tệp, 0 lỗi, 0 cảnh báo\n");
  });

  it("exits 1 on an error, one line per diagnostic in the documented format", () => {
    const r = run(["validate", "nop/vkt.yaml"], dir({ "nop/vkt.yaml": FEMALE }));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const { line, column } = valuePosition(FEMALE, "staff.unit_leaders.female");
    expect(lines).toEqual([
      `nop/vkt.yaml:${line}:${column} lỗi  staff.unit_leaders.female: Lãnh đạo cấp đơn vị (cấp vụ, cục, viện và tương đương): số nữ (5) lớn hơn tổng số (4)  [people-female-le-total]`,
      "1 tệp, 1 lỗi, 0 cảnh báo",
    ]);
    expect(lines[0]).toMatch(DIAGNOSTIC_LINE);
  });

  it("sorts by file then position, across files", () => {
    const d = dir({
      "b.yaml": unitYaml({ "unit.code": "VP", "staff.unit_leaders.female": 5, submitted: "2022-06-13" }),
      "a.yaml": unitYaml({ "unit.code": "CGD", format: "geq/v2" }),
    });
    const r = run(["validate", "."], d);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const parsed = lines.slice(0, -1).map((l) => {
      const m = DIAGNOSTIC_LINE.exec(l);
      expect(m, l).not.toBeNull();
      return { file: m![1]!, line: Number(m![2]), rule: m![7]! };
    });
    expect(parsed.map((p) => [p.file, p.rule])).toEqual([
      ["a.yaml", "format-version"],
      ["b.yaml", "late-submission"],
      ["b.yaml", "people-female-le-total"],
    ]);
    expect(lines.at(-1)).toBe("2 tệp, 2 lỗi, 1 cảnh báo");
  });

  it("exits 0 on warnings, 1 with --strict, 0 with --strict when the warning is waived", () => {
    const d = dir({ "late.yaml": LATE, "waived.yaml": LATE_WAIVED });
    const plain = run(["validate", "late.yaml"], d);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /late\.yaml:\d+:\d+ cảnh báo {2}submitted: .*gửi chậm 4 ngày so với hạn \(trước ngày 10\/06\/2022, tính theo dấu công văn đến\) {2}\[late-submission\]/,
    );
    expect(run(["validate", "late.yaml", "--strict"], d).code).toBe(1);
    const waived = run(["validate", "waived.yaml", "--strict"], d);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toMatch(/cảnh báo \(đã giải trình: Lãnh đạo đi công tác\.\) {2}submitted: /);
    expect(waived.stdout).toMatch(/1 tệp, 0 lỗi, 0 cảnh báo, 1 cảnh báo đã giải trình\n$/);
  });

  it("exits 1 on a file that cannot be read as UTF-8, with one sentence and the byte's position", () => {
    const d = dir({
      "tcvn3.yaml": Buffer.from("format: geq/unit-report/v1\nunit:\n  name: x\xa9y\n", "latin1"),
    });
    const r = run(["validate", "tcvn3.yaml"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^tcvn3\.yaml:3:10 lỗi {2}byte 0xA9 không hợp lệ trong UTF-8.*\[encoding\]$/m);
  });
});

describe("geq validate: formats and languages", () => {
  it("--format json prints one document with every field", () => {
    const r = run(["validate", "vkt.yaml", "--format", "json"], dir({ "vkt.yaml": FEMALE }));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ files: 1, errors: 1, warnings: 0, waived: 0, missing: [] });
    const { line, column } = valuePosition(FEMALE, "staff.unit_leaders.female");
    expect(doc.diagnostics).toEqual([
      {
        file: "vkt.yaml",
        line,
        column,
        severity: "error",
        path: "staff.unit_leaders.female",
        rule: "people-female-le-total",
        message: expect.stringContaining("số nữ (5) lớn hơn tổng số (4)") as unknown,
      },
    ]);
  });

  it("--format json on a valid file still parses", () => {
    const r = run(["validate", "vkt.yaml", "--format", "json"], dir({ "vkt.yaml": VALID }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, errors: 0, diagnostics: [] });
  });

  it("--format github prints workflow commands", () => {
    const d = dir({ "nop/vkt.yaml": unitYaml({ "staff.unit_leaders.female": 5, submitted: "2022-06-13" }) });
    const r = run(["validate", "nop", "--format", "github"], d);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^::warning file=nop\/vkt\.yaml,line=\d+,col=\d+,title=late-submission::submitted: /,
    );
    expect(lines[1]).toMatch(
      /^::error file=nop\/vkt\.yaml,line=\d+,col=\d+,title=people-female-le-total::staff\.unit_leaders\.female: .*số nữ \(5\)/,
    );
    expect(lines).toHaveLength(3);
  });

  it("--lang en speaks English", () => {
    const r = run(["validate", "vkt.yaml", "--lang", "en"], dir({ "vkt.yaml": FEMALE }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^vkt\.yaml:\d+:\d+ error {2}staff\.unit_leaders\.female: women \(5\) exceed the total \(4\) {2}\[people-female-le-total\]\n1 file\(s\), 1 error\(s\), 0 warning\(s\)\n$/,
    );
  });

  it("LANG=en_US.UTF-8 speaks English, --lang vi overrides it", () => {
    const d = dir({ "vkt.yaml": FEMALE });
    expect(run(["validate", "vkt.yaml"], d, { LANG: "en_US.UTF-8" }).stdout).toMatch(/ error {2}/);
    expect(run(["validate", "vkt.yaml", "--lang", "vi"], d, { LANG: "en_US.UTF-8" }).stdout).toMatch(
      / lỗi {2}/,
    );
  });

  it("prints no colour codes when NO_COLOR is set", () => {
    const r = run(["validate", "vkt.yaml"], dir({ "vkt.yaml": FEMALE }));
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe("geq validate: paths", () => {
  it("a missing path exits 2 with a sentence", () => {
    const r = run(["validate", "khong-co.yaml"], dir());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("geq: không tìm thấy tệp hoặc thư mục «khong-co.yaml»\n");
  });

  it("a folder without YAML files exits 2", () => {
    const r = run(["validate", "trong"], dir({ "trong/ghi-chu.txt": "không phải YAML" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("geq: không có tệp YAML (*.yaml, *.yml) nào trong «trong»\n");
  });

  it("no path at all exits 2", () => {
    expect(run(["validate"], dir()).code).toBe(2);
  });

  it("a folder is searched recursively for .yaml and .yml", () => {
    const d = dir({
      "nop/2022/a.yaml": VALID,
      "nop/2022/sub/b.yml": unitYaml({ "unit.code": "VP" }),
      "nop/x.txt": "",
    });
    const r = run(["validate", "nop"], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("2 tệp, 0 lỗi, 0 cảnh báo\n");
  });

  it("a quoted glob is expanded by geq", () => {
    const d = dir({
      "nop/2022/a.yaml": VALID,
      "nop/2022/b.yaml": unitYaml({ "unit.code": "VP", "staff.unit_leaders.female": 5 }),
      "nop/2021/c.yml": unitYaml({ "unit.code": "CGD" }),
    });
    const r = run(["validate", "nop/**/*.yaml"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^nop\/2022\/b\.yaml:\d+:\d+ lỗi /m);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("2 tệp, 1 lỗi, 0 cảnh báo");
    expect(run(["validate", "nop/2021/*.yml"], d).stdout).toBe("1 tệp, 0 lỗi, 0 cảnh báo\n");
    expect(run(["validate", "nop/*/khong-co-*.yaml"], d).code).toBe(2);
  });

  it("an unreadable or oversized file is an error in that file, not a crash", () => {
    const d = dir({ "big.yaml": "#".repeat(1024 * 1024 + 1) });
    const r = run(["validate", "big.yaml"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^big\.yaml:1:1 lỗi {2}tệp có 1\.048\.577 byte, vượt giới hạn 1\.048\.576 byte/);
  });
});

describe("geq validate: configuration and registry", () => {
  it("an unknown unit is an error", () => {
    const d = dir({ "cfg.yaml": configYaml(), "nop/x.yaml": unitYaml({ "unit.code": "VKTXD" }) });
    const r = run(["validate", "nop", "--config", "cfg.yaml"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^nop\/x\.yaml:\d+:\d+ lỗi {2}unit\.code: .*«VKTXD» không có trong danh sách đơn vị.*\[unknown-unit\]$/m,
    );
  });

  it("registered units with no file are a note, and the run still exits 0", () => {
    const d = dir({ "cfg.yaml": configYaml(), "nop/vkt.yaml": VALID });
    const r = run(["validate", "nop", "--config", "cfg.yaml"], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Ghi chú: 2 đơn vị chưa có tệp: VP (Văn phòng Bộ), CGD (Cục Giám định nhà nước về chất lượng công trình xây dựng)\n" +
        "1 tệp, 0 lỗi, 0 cảnh báo\n",
    );
    const json = JSON.parse(run(["validate", "nop", "-c", "cfg.yaml", "--format", "json"], d).stdout) as {
      missing: { code: string }[];
    };
    expect(json.missing.map((u) => u.code)).toEqual(["VP", "CGD"]);
  });

  it("uses geq.yaml in the current folder, and never reads it as a unit file", () => {
    const d = dir({
      "geq.yaml": configYaml(),
      "vkt.yaml": VALID,
      "x.yaml": unitYaml({ "unit.code": "ABC" }),
    });
    const r = run(["validate", "."], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\.yaml:.*\[unknown-unit\]$/m);
    expect(r.stdout).toMatch(/2 tệp, 1 lỗi/);
  });

  it("a broken configuration exits 2, with its own positioned diagnostics", () => {
    const broken = configYaml({ recipients: [] });
    const d = dir({ "cfg.yaml": broken, "vkt.yaml": VALID });
    const r = run(["validate", "vkt.yaml", "--config", "cfg.yaml"], d);
    expect(r.code).toBe(2);
    const { line, column } = valuePosition(broken, "recipients");
    expect(r.stderr).toMatch(
      new RegExp(`^cfg\\.yaml:${line}:${column} lỗi  recipients: .*\\[too-few-items\\]$`, "m"),
    );
    expect(r.stderr).toMatch(/^geq: tệp cấu hình «cfg\.yaml» không hợp lệ$/m);
  });

  it("a configuration that is not YAML at all, or is missing, exits 2", () => {
    const d = dir({ "cfg.yaml": "units: [\n", "vkt.yaml": VALID });
    const r = run(["validate", "vkt.yaml", "--config", "cfg.yaml"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[yaml-syntax\]/);
    const missing = run(["validate", "vkt.yaml", "--config", "khong-co.yaml"], d);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^geq: không đọc được tệp cấu hình «khong-co\.yaml» \(ENOENT\)\n$/);
  });

  it("--year and --period pin the period", () => {
    const d = dir({ "vkt.yaml": VALID });
    expect(run(["validate", "vkt.yaml", "--year", "2022", "--period", "semi-annual"], d).code).toBe(0);
    const r = run(["validate", "vkt.yaml", "--period", "annual"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[period-mismatch\]/);
    const bad = run(["validate", "vkt.yaml", "--period", "quy-1"], d);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^geq: giá trị không hợp lệ cho --period: «quy-1»/);
    expect(run(["validate", "vkt.yaml", "--year", "22"], d).code).toBe(2);
    expect(run(["validate", "vkt.yaml", "--format", "xml"], d).code).toBe(2);
    expect(run(["validate", "vkt.yaml", "--khong-co"], d).code).toBe(2);
  });
});

describe("geq init", () => {
  it("writes a file whose schema modeline resolves from its folder, creating the folders it needs", () => {
    const d = dir();
    const r = run(["init", "--unit", "VKT", "--name", "Viện Kinh tế xây dựng", "-o", "nop/2022/vkt.yaml"], d);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Đã ghi nop/2022/vkt.yaml\n");
    const text = readFileSync(join(d, "nop/2022/vkt.yaml"), "utf8");
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
    expect(modeline).not.toBeNull();
    const schemaPath = resolve(d, "nop/2022", modeline![1]!);
    expect(existsSync(schemaPath)).toBe(true);
    expect((JSON.parse(readFileSync(schemaPath, "utf8")) as { title: string }).title).toMatch(
      /Báo cáo tiến độ/,
    );
  });

  it("leaves the document's date to the unit, and warns about every placeholder left in", () => {
    const d = dir();
    expect(run(["init", "--unit", "VKT", "--name", "Viện Kinh tế xây dựng"], d).code).toBe(0);
    const text = readFileSync(join(d, "vkt.yaml"), "utf8");
    // Every field a unit fills in is there; the activity is an example to uncomment.
    for (const key of ["reference", "signer", "contact", "staff", "tasks", "budget", "assessment"])
      expect(text).toMatch(new RegExp(`^${key}:`, "m"));
    expect(text).toMatch(/^# activities:\n# {3}- date: 2022-03-08/m);

    const fresh = run(["validate", "vkt.yaml"], d);
    expect(fresh.code).toBe(1);
    const at = valuePosition(text, "submitted");
    expect(fresh.stdout).toMatch(
      new RegExp(
        `^vkt\\.yaml:${at.line}:${at.column} lỗi {2}submitted: .*«YYYY-MM-DD».*\\[invalid-date\\]$`,
        "m",
      ),
    );

    const dated = text.replace("submitted: YYYY-MM-DD", "submitted: 2022-06-08");
    writeFileSync(join(d, "vkt.yaml"), dated);
    const v = run(["validate", "vkt.yaml", "--format", "json"], d);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout) as {
      errors: number;
      diagnostics: { rule: string; path: string; message: string; line: number }[];
    };
    const placeholders = report.diagnostics.filter((x) => x.rule === "placeholder");
    expect(placeholders.map((x) => x.path)).toEqual([
      "reference",
      "signer.position",
      "signer.name",
      "contact.name",
      "contact.position",
      "contact.phone",
      "contact.email",
      "staff",
    ]);
    expect(placeholders[1]!.message).toBe(
      "Chức vụ người ký: «CHỨC VỤ NGƯỜI KÝ» là nội dung mẫu của geq init; hãy thay bằng nội dung của đơn vị",
    );
    expect(placeholders[1]!.line).toBe(valuePosition(dated, "signer.position").line);
    // --strict does not let a placeholder through.
    expect(run(["validate", "vkt.yaml", "--strict"], d).code).toBe(1);
  });

  it("names the code and name placeholders when no --unit or --name is given", () => {
    const d = dir();
    expect(run(["init"], d).code).toBe(0);
    const text = readFileSync(join(d, "donvi.yaml"), "utf8").replace("YYYY-MM-DD", "2022-06-08");
    writeFileSync(join(d, "donvi.yaml"), text);
    const v = run(["validate", "donvi.yaml", "--lang", "en"], d);
    expect(v.stdout).toContain(
      'unit.code: "DONVI" is a geq init placeholder; replace it with the unit\'s own  [placeholder]',
    );
    expect(v.stdout).toContain('unit.name: "Tên đơn vị" is a geq init placeholder');
  });

  it("defaults to the newest guidance year and lists the years there are when asked for another", () => {
    const d = dir();
    const r = run(["init", "--unit", "VKT", "-o", "-"], d);
    expect(r.stdout).toMatch(/^year: 2022$/m);
    // The calendar has moved past the newest guidance: the file's year is said aloud.
    if (new Date().getFullYear() > 2022)
      expect(r.stderr).toBe(
        `Tệp được tạo cho năm 2022, năm của hướng dẫn mới nhất mà geq có; chưa có hướng dẫn năm ${new Date().getFullYear()}.\n`,
      );
    const other = run(["init", "--unit", "VKT", "--year", "2026"], d);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      "geq: chưa có hướng dẫn cho năm 2026; geq có hướng dẫn các năm: 2022. Khi có văn bản hướng dẫn năm 2026: geq catalog new --year 2026 -o huong-dan-2026.yaml, sửa tệp theo văn bản, rồi ghi catalog: ./huong-dan-2026.yaml trong geq.yaml\n",
    );
  });

  it("writes an annual file for a year, named after the unit by default", () => {
    const d = dir();
    const r = run(["init", "--unit", "VP", "--period", "annual", "--year", "2022"], d);
    expect(r.code).toBe(0);
    const text = readFileSync(join(d, "vp.yaml"), "utf8");
    expect(text).toMatch(/^period: annual/m);
    writeFileSync(join(d, "vp.yaml"), text.replace("YYYY-MM-DD", "2022-12-08"));
    expect(run(["validate", "vp.yaml", "--period", "annual", "--year", "2022"], d).code).toBe(0);
  });

  it("refuses to overwrite without --force", () => {
    const d = dir({ "vkt.yaml": "# của tôi\n" });
    const r = run(["init", "--unit", "VKT", "-o", "vkt.yaml"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("geq: tệp «vkt.yaml» đã tồn tại; dùng --force để ghi đè\n");
    expect(readFileSync(join(d, "vkt.yaml"), "utf8")).toBe("# của tôi\n");
    expect(run(["init", "--unit", "VKT", "-o", "vkt.yaml", "--force"], d).code).toBe(0);
    expect(readFileSync(join(d, "vkt.yaml"), "utf8")).toMatch(/^format: geq\/unit-report\/v1$/m);
  });

  it("refuses a bad unit code or a year with no catalogue", () => {
    const d = dir();
    expect(run(["init", "--unit", "vkt"], d).code).toBe(2);
    expect(run(["init", "--unit", "VKT", "--year", "2031"], d).code).toBe(2);
    expect(existsSync(join(d, "vkt.yaml"))).toBe(false);
  });

  it("prints to stdout with -o -", () => {
    const r = run(["init", "--unit", "VKT", "-o", "-"], dir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}code: VKT$/m);
  });
});

describe("geq schema", () => {
  it("prints the unit schema as JSON", () => {
    const r = run(["schema"], dir());
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toContain("tasks");
    expect(Object.keys(schema.properties)).toContain("waivers");
    expect(run(["schema", "unit"], dir()).stdout).toBe(r.stdout);
    // The very text committed for editors.
    expect(r.stdout).toBe(readFileSync(join(ROOT, "schemas", "unit-report.schema.json"), "utf8"));
  });

  it("prints the configuration schema as JSON", () => {
    const r = run(["schema", "config"], dir());
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { required: string[] }).required).toContain("units");
    expect(r.stdout).toBe(readFileSync(join(ROOT, "schemas", "config.schema.json"), "utf8"));
  });

  it("refuses another kind", () => {
    expect(run(["schema", "khac"], dir()).code).toBe(2);
  });
});

describe("--help", () => {
  it("is Vietnamese by default", () => {
    const d = dir();
    const top = run(["--help"], d);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Cách dùng: geq/);
    expect(top.stdout).toMatch(/Lệnh:/);
    const v = run(["validate", "--help"], d);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Cách dùng: geq validate/);
    expect(v.stdout).toMatch(/Ví dụ:\n {2}\$ geq validate /);
    expect(run(["init", "--help"], d).stdout).toMatch(/Ví dụ:\n {2}\$ geq init /);
    expect(run(["schema", "--help"], d).stdout).toMatch(/Ví dụ:\n {2}\$ geq schema /);
  });

  it("is English with --lang en or an English locale", () => {
    const d = dir();
    const v = run(["validate", "--help", "--lang", "en"], d);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Usage: geq validate/);
    expect(v.stdout).toMatch(/Examples:\n {2}\$ geq validate /);
    expect(run(["--help"], d, { LC_ALL: "en_GB.UTF-8" }).stdout).toMatch(/^Usage: geq/);
  });

  it("geq with no arguments prints the help and exits 0", () => {
    const r = run([], dir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: geq/);
  });
});
