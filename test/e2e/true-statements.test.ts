/**
 * What `status` and `build-report` say about submissions is true for the period and the date they
 * name: other periods' files are skipped with a note, files received later are not yet received, a
 * file naming no registered unit never counts as a unit that reported, an unused waiver explains
 * nothing, and --compare compares an annual report only. The built CLI, as a user runs it.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { documentText } from "../document/docx-xml.js";
import { makeConfig, makeUnitReport } from "../helpers/unit-report.js";
import { unitFile } from "../status/fixture.js";
import { geq, ROOT, STACK_TRACE, tempDir, type CliResult } from "./cli.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = tempDir(files);
  dirs.push(dir);
  return dir;
}

function clean(r: CliResult): void {
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stderr).not.toContain("lỗi nội bộ");
  expect(r.stderr).not.toContain("internal error");
}

const REGISTRY = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  { code: "HVCB", name: "Học viện Cán bộ quản lý xây dựng và đô thị" },
];
const nameOf = (code: string) => REGISTRY.find((u) => u.code === code)!.name;
const semi = (code: string, submitted = "2022-06-08") => unitFile(code, nameOf(code), { submitted });
const annual = (code: string, submitted = "2022-12-05") =>
  unitFile(code, nameOf(code), { period: "annual", submitted });

/** One folder holding both periods: CGD sent only its annual file, HVCB only its semi-annual one. */
function bothPeriods(): string {
  return folder({
    "geq.yaml": stringify(makeConfig(REGISTRY)),
    "nop/6-thang/vp.yaml": semi("VP"),
    "nop/6-thang/vkt.yaml": semi("VKT"),
    "nop/6-thang/hvcb.yaml": semi("HVCB", "2022-06-09"),
    "nop/ca-nam/vp.yaml": annual("VP"),
    "nop/ca-nam/vkt.yaml": annual("VKT", "2022-12-06"),
    "nop/ca-nam/cgd.yaml": annual("CGD", "2022-12-07"),
  });
}

describe("--year/--period select the period's files", () => {
  const dir = bothPeriods();

  it("status: a unit whose only file is of the other period has not reported; the skipped files are noted", () => {
    const r = geq(
      ["status", "nop", "--period", "semi-annual", "--as-of", "2022-06-20", "--fail-on", "invalid"],
      {
        cwd: dir,
      },
    );
    clean(r);
    expect(r.code).toBe(0);
    const cgd = r.stdout.split("\n").find((l) => l.startsWith("CGD "));
    expect(cgd).toMatch(/ chưa gửi$/);
    expect(r.stdout).not.toContain("không hợp lệ (");
    expect(r.stdout).not.toContain("tệp trùng");
    expect(r.stdout).toContain(
      "Phải báo cáo: 4; đã gửi: 3 (đúng hạn: 3, chậm: 0); chưa gửi: 1; không hợp lệ: 0\n",
    );
    expect(r.stderr).toBe("Bỏ qua 3 tệp của kỳ khác (không thuộc sơ kết 6 tháng đầu năm 2022).\n");
  });

  it("status: the note in English with --lang en", () => {
    const r = geq(["status", "nop", "--period", "annual", "--as-of", "2022-12-20", "--lang", "en"], {
      cwd: dir,
    });
    clean(r);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").find((l) => l.startsWith("HVCB "))).toMatch(/ missing$/);
    expect(r.stderr).toBe("Skipped 3 files of another period (not part of the annual 2022 report).\n");
  });

  it("validate still treats --period as a pin: the other period's files are errors", () => {
    const r = geq(["validate", "nop", "--period", "semi-annual"], { cwd: dir });
    clean(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[period-mismatch]");
  });

  it("build-report: the semi-annual-only unit is neither received nor invalid in the annual report", () => {
    const out = join(dir, "bao-cao.docx");
    const r = geq(
      ["build-report", "nop", "--period", "annual", "--skip-invalid", "--date", "2022-12-20", "-o", out],
      { cwd: dir },
    );
    clean(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Bỏ qua 3 tệp của kỳ khác (không thuộc tổng kết năm 2022).\n");
    const text = documentText(readFileSync(out));
    expect(text).toContain("đã nhận được báo cáo của 03/04 đơn vị");
    expect(text).not.toContain("không hợp lệ");
    expect(text).toContain(nameOf("CGD"));
  });
});

describe("status --as-of counts only the files received by that day", () => {
  it("on the examples, a unit whose file arrived after 01/06/2022 had not reported then", () => {
    const r = geq(
      ["status", "examples/2022/semi-annual", "--config", "examples/geq.yaml", "--as-of", "2022-06-01"],
      { cwd: ROOT },
    );
    clean(r);
    expect(r.code).toBe(0);
    const row = (code: string) => r.stdout.split("\n").find((l) => l.startsWith(`${code} `)) ?? "";
    // DHKT's file arrived on 01/06, DHXD's on 16/06.
    expect(row("DHKT")).toMatch(/đúng hạn {2,}01\/06\/2022/);
    expect(row("DHXD")).toMatch(/ chưa gửi$/);
    expect(row("GDNN")).toMatch(/ chưa gửi$/);
    expect(r.stdout).toContain("đã gửi: 4 (đúng hạn: 4, chậm: 0); chưa gửi: 14;");
    expect(r.stderr).toMatch(
      /^Không tính 13 tệp nhận sau ngày 01\/06\/2022; tính đến ngày đó, các đơn vị sau được coi là chưa gửi: DHXD, GDNN, .*\.\n$/,
    );
  });

  it("build-report speaks as of its date: a file received after it is not received", () => {
    const dir = folder({
      "geq.yaml": stringify(makeConfig(REGISTRY)),
      "nop/vp.yaml": semi("VP", "2022-06-08"),
      "nop/vkt.yaml": semi("VKT", "2022-06-15"),
    });
    const out = join(dir, "bao-cao.docx");
    const r = geq(["build-report", "nop", "--date", "2022-06-12", "-o", out], { cwd: dir });
    clean(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Không tính 1 tệp nhận sau ngày 12/06/2022");
    expect(documentText(readFileSync(out))).toContain("đã nhận được báo cáo của 01/04 đơn vị");
  });
});

describe("a file naming no registered unit never counts as a unit that reported", () => {
  it("with --skip-invalid, the report never says more received than registered", () => {
    const registry = REGISTRY.slice(0, 3);
    const dir = folder({
      "geq.yaml": stringify(makeConfig(registry)),
      "nop/vp.yaml": semi("VP"),
      "nop/vkt.yaml": semi("VKT"),
      "nop/cgd.yaml": semi("CGD"),
      // No unit at all, and a valid file of a unit outside the registry.
      "nop/khong-ro.yaml": "format: geq/unit-report/v1\nyear: 2022\nperiod: semi-annual\n",
      "nop/xyz.yaml": unitFile("XYZ", "Ban Quản lý dự án XYZ"),
    });
    const out = join(dir, "bao-cao.docx");
    const r = geq(["build-report", "nop", "--skip-invalid", "--date", "2022-06-20", "-o", out], { cwd: dir });
    clean(r);
    expect(r.code).toBe(0);
    const text = documentText(readFileSync(out));
    expect(text).toContain("đã nhận được báo cáo của 03/03 đơn vị");
    expect(text).not.toMatch(/0[4-9]\/03 đơn vị/);
    expect(text).not.toContain("khong-ro.yaml");
    expect(text).not.toContain("Ban Quản lý dự án XYZ");

    // For the ministry's own leaders, Phụ lục II names the files left out, and why, without counting them.
    const inside = join(dir, "noi-bo.docx");
    const again = geq(
      [
        "build-report",
        "nop",
        "--skip-invalid",
        "--audience",
        "internal",
        "--date",
        "2022-06-20",
        "-o",
        inside,
      ],
      { cwd: dir },
    );
    clean(again);
    const internal = documentText(readFileSync(inside));
    expect(internal).toContain("đã nhận được báo cáo của 03/03 đơn vị");
    expect(internal).toMatch(/khong-ro\.yaml \(không xác định được đơn vị\)/);
    expect(internal).toMatch(/xyz\.yaml \(mã XYZ, Ban Quản lý dự án XYZ không có trong danh sách/);
  });
});

describe("unused waivers", () => {
  const late = "Văn bản trình ký chậm do lãnh đạo Viện đi công tác.";
  const unused = "Phòng trường hợp văn bản đến chậm.";
  const files = () => ({
    "geq.yaml": stringify(makeConfig(REGISTRY.slice(0, 2), { audience: "internal" })),
    "nop/vkt.yaml": stringify(
      makeUnitReport({
        unit: { code: "VKT", name: nameOf("VKT") },
        submitted: "2022-06-13",
        waivers: [{ rule: "late-submission", reason: late }],
      }),
    ),
    "nop/vp.yaml": stringify(
      makeUnitReport({
        unit: { code: "VP", name: nameOf("VP") },
        submitted: "2022-06-08",
        waivers: [{ rule: "late-submission", reason: unused }],
      }),
    ),
  });

  it("are a warning at the waiver, which --strict fails on", () => {
    const dir = folder(files());
    const r = geq(["validate", "nop"], { cwd: dir });
    clean(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^nop\/vp\.yaml:\d+:\d+ cảnh báo {2}waivers\[0\]\.rule: Mã cảnh báo: giải trình cảnh báo «late-submission» nhưng tệp không có cảnh báo này; .*\[unused-waiver\]$/m,
    );
    expect(r.stdout).toContain("2 tệp, 0 lỗi, 1 cảnh báo, 1 cảnh báo đã giải trình\n");
    expect(geq(["validate", "nop", "--strict"], { cwd: dir }).code).toBe(1);
  });

  it("never reach the report: only the reason of a warning that fired is stated", () => {
    const dir = folder(files());
    const out = join(dir, "bao-cao.docx");
    const r = geq(["build-report", "nop", "--date", "2022-06-20", "-o", out], { cwd: dir });
    clean(r);
    expect(r.code).toBe(0);
    const text = documentText(readFileSync(out));
    expect(text).toContain(`Đã giải trình: ${late}`);
    expect(text).not.toContain(unused);
  });
});

describe("--compare", () => {
  it("is refused on a semi-annual report, in Vietnamese and in English (exit 2)", () => {
    const args = [
      "build-report",
      "examples/2022/semi-annual",
      "--config",
      "examples/geq.yaml",
      "--compare",
      "examples/2022/semi-annual",
      "-o",
      "out/khong-duoc-ghi.docx",
    ];
    const vi = geq(args, { cwd: ROOT });
    clean(vi);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain("geq: --compare chỉ dùng cho báo cáo tổng kết năm");
    const en = geq([...args, "--lang", "en"], { cwd: ROOT });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("geq: --compare is for the annual report only");
  });

  it("selects the same year's semi-annual files among what it is given, with a note", () => {
    const dir = bothPeriods();
    const out = join(dir, "bao-cao.docx");
    const r = geq(["build-report", "nop/ca-nam", "--compare", "nop", "--date", "2022-12-20", "-o", out], {
      cwd: dir,
    });
    clean(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Bỏ qua 3 tệp so sánh (--compare) không phải báo cáo sơ kết 6 tháng đầu năm 2022.\n",
    );
  });
});
