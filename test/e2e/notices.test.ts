/**
 * What the command line says around its results, as a user reads it: help in the user's language,
 * why `--strict` failed, which units a build left out, a report dated today for a past period,
 * template errors with the template's line, and no missing-unit note for a single file.
 * Needs `npm run build`.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STACK_TRACE, geq, tempDir, type CliResult } from "./cli.js";
import { configYaml, unitYaml } from "../helpers/unit-yaml.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(files: Record<string, string> = {}): string {
  const d = tempDir(files);
  dirs.push(d);
  return d;
}
function run(args: string[], cwd: string): CliResult {
  const r = geq(args, { cwd, timeout: 60_000 });
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

describe("help", () => {
  it("is Vietnamese throughout, commander's own words included", () => {
    const d = dir();
    const top = run(["--help"], d).stdout;
    expect(top).toMatch(/^Cách dùng: geq \[tùy chọn\] \[lệnh\]$/m);
    expect(top).toContain("(chọn một trong: vi, en)");
    expect(top).toMatch(/^ {2}receive \[tùy chọn\] <files\.\.\.> +nhận báo cáo của đơn vị/m);
    const init = run(["init", "--help"], d).stdout;
    expect(init).toMatch(/^Cách dùng: geq init \[tùy chọn\]$/m);
    expect(init).toContain("(mặc định: semi-annual)");
    for (const help of [top, init, run(["receive", "--help"], d).stdout, run(["status", "-h"], d).stdout]) {
      expect(help).not.toMatch(/default:|choices:|\[options\]|\[command\]|Usage|Options|Arguments/);
    }
  });

  it("is English with --lang en", () => {
    const init = run(["init", "--help", "--lang", "en"], dir()).stdout;
    expect(init).toMatch(/^Usage: geq init \[options\]$/m);
    expect(init).toContain('(default: "semi-annual")');
  });
});

describe("validate", () => {
  it("--strict says it failed because of the warnings", () => {
    const d = dir({ "vkt.yaml": unitYaml({ submitted: "2022-06-13" }) });
    const r = run(["validate", "vkt.yaml", "--strict"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 tệp, 0 lỗi, 1 cảnh báo\n$/);
    expect(r.stderr).toBe("geq: không đạt vì có 1 cảnh báo chưa giải trình (--strict coi cảnh báo là lỗi)\n");
    expect(run(["validate", "vkt.yaml"], d).stderr).toBe("");
    expect(run(["validate", "vkt.yaml", "--strict", "--lang", "en"], d).stderr).toBe(
      "geq: failed because of 1 warning not waived (--strict fails on warnings)\n",
    );
  });

  it("names the units without a file only when a folder was checked, not for a single file", () => {
    const d = dir({ "geq.yaml": configYaml(), "nop/vkt.yaml": unitYaml() });
    const one = run(["validate", "nop/vkt.yaml"], d);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe("1 tệp, 0 lỗi, 0 cảnh báo\n");
    const folder = run(["validate", "nop"], d);
    expect(folder.stdout).toContain("Ghi chú: 2 đơn vị chưa có tệp: VP (Văn phòng Bộ), CGD (");
  });
});

describe("build-report", () => {
  const files = {
    "geq.yaml": configYaml(),
    "nop/vkt.yaml": unitYaml(),
    "nop/vp.yaml": unitYaml({
      "unit.code": "VP",
      "unit.name": "Văn phòng Bộ",
      "staff.unit_leaders.female": 9,
    }),
  };

  it("names on standard error the units --skip-invalid left out", () => {
    const d = dir(files);
    const r = run(["build-report", "nop", "--skip-invalid", "--date", "2022-06-20", "-o", "bc.docx"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Không đưa vào báo cáo 1 tệp không hợp lệ (--skip-invalid): VP.\n");
    expect(r.stdout).toBe("Đã ghi bc.docx\n");
  });

  it("says when a report for a long past period is dated today, and not when a date is given", () => {
    const d = dir({ "geq.yaml": configYaml(), "nop/vkt.yaml": unitYaml() });
    const today = run(["build-report", "nop", "-o", "a.docx"], d);
    expect(today.code, today.stderr).toBe(0);
    expect(today.stderr).toMatch(
      /^Báo cáo sơ kết 6 tháng đầu năm 2022 được ghi ngày hôm nay \(\d\d\/\d\d\/\d{4}\) và chỉ tính các tệp nhận đến ngày này; dùng --date để ghi ngày ban hành của báo cáo\.$/m,
    );
    const dated = run(["build-report", "nop", "--date", "2022-06-20", "-o", "b.docx"], d);
    expect(dated.stderr).not.toContain("hôm nay");
  });

  it("reports a template's errors at the template's line, in the user's words", () => {
    const d = dir({
      "vkt.yaml": unitYaml(),
      "tpl/unit.hbs": "<p>Báo cáo</p>\n{{#each units}}\n<p>{{name}}</p>\n{{/if}}\n",
      "tpl2/unit.hbs": "<p>Báo cáo</p>\n\n<p>{{khong_co}}</p>\n",
      "tpl3/unit.hbs": "<p>Báo cáo</p>\n<p>{{name</p>\n",
    });
    const mismatch = run(["build-report", "vkt.yaml", "--no-config", "--template", "tpl", "-o", "t.docx"], d);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toBe(
      `geq: mẫu báo cáo «${join(d, "tpl", "unit.hbs")}:2:4» bị lỗi: khối {{#each}} được đóng bằng {{/if}}; khối này phải đóng bằng {{/each}}\n`,
    );
    const unknown = run(["build-report", "vkt.yaml", "--no-config", "--template", "tpl2", "-o", "t.docx"], d);
    expect(unknown.stderr).toMatch(
      /tpl2\/unit\.hbs:3:6» bị lỗi: không có trường «khong_co» trong dữ liệu của báo cáo/,
    );
    const syntax = run(["build-report", "vkt.yaml", "--no-config", "--template", "tpl3", "-o", "t.docx"], d);
    expect(syntax.stderr).toMatch(/tpl3\/unit\.hbs:2» bị lỗi: sai cú pháp Handlebars ở dòng 2/);
    for (const r of [mismatch, unknown, syntax])
      expect(r.stderr).not.toMatch(/Parse error|Expecting|not defined in|doesn't match/);
    expect(existsSync(join(d, "t.docx"))).toBe(false);
  });
});
