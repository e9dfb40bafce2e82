/**
 * Next year's letter as a catalogue file, end to end as a clerk meets it: `geq catalog new`, edit,
 * point geq.yaml at it, init, fill, validate, build the report; a broken catalogue refused with
 * positions; the compiled validator kept in the user's cache, or a fallback; the year over year.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentText } from "../document/docx-xml.js";
import { docxToPdfText } from "../helpers/office.js";
import { toYaml, validConfig } from "../helpers/unit-yaml.js";
import { geq, ROOT, STACK_TRACE, tempDir } from "./cli.js";

/** A folder with its own cache and temporary folders, so that no run touches the user's. */
function workspace(): { dir: string; env: Record<string, string> } {
  const dir = tempDir();
  mkdirSync(join(dir, "tmp"));
  return { dir, env: { XDG_CACHE_HOME: join(dir, "cache"), TMPDIR: join(dir, "tmp") } };
}

const RENAMED = "Tổng kết thi hành Luật Bình đẳng giới, đề xuất sửa đổi, bổ sung Luật";

/** The scaffold as a clerk edits it: the letter's number, one sub-task reworded. */
function edited(text: string): string {
  const short = 'short: "Rà soát, đánh giá 15 năm thi hành Luật Bình đẳng giới"';
  expect(text).toContain(short);
  return text
    .replace(/^ {2}# number: .*$/m, '  number: "1456/BXD-TCCB"')
    .replace(short, `short: "${RENAMED}"`);
}

/** `geq init`'s file as a unit fills it: the date of its document, one sub-task done with its figure. */
function filled(text: string): string {
  const task = /( {4}law_review:\n {6}status: )not_started\n {6}# summary: .*\n( {6}proposals: )0/;
  expect(text).toMatch(task);
  return text
    .replace("submitted: YYYY-MM-DD", "submitted: 2023-12-05")
    .replace(task, '$1done\n      summary: "Đề xuất 02 nội dung sửa đổi Luật."\n$22');
}

describe("a new year's letter as a catalogue file", () => {
  it("goes from geq catalog new to the report, the edited wording in the report", async () => {
    const { dir, env } = workspace();
    const run = (args: string[]) => geq(args, { cwd: dir, env, timeout: 60_000 });
    const created = run(["catalog", "new", "--from", "2022", "--year", "2023", "-o", "huong-dan-2023.yaml"]);
    expect(created.code, created.stderr).toBe(0);
    const file = join(dir, "huong-dan-2023.yaml");
    writeFileSync(file, edited(readFileSync(file, "utf8")));
    const checked = run(["validate", "huong-dan-2023.yaml"]);
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout).toContain("1 tệp, 0 lỗi, 0 cảnh báo");

    writeFileSync(join(dir, "geq.yaml"), toYaml({ ...validConfig(), catalog: "./huong-dan-2023.yaml" }));
    const init = run([
      "init",
      "--unit",
      "VKT",
      "--name",
      "Viện Kinh tế xây dựng",
      "--period",
      "annual",
      "-o",
      "nop/vkt.yaml",
    ]);
    expect(init.code, init.stderr).toBe(0);
    const unit = readFileSync(join(dir, "nop/vkt.yaml"), "utf8");
    expect(unit).toContain("year: 2023");
    expect(unit).toContain("Hạn gửi: trước ngày 10/12/2023");
    writeFileSync(join(dir, "nop/vkt.yaml"), filled(unit));

    const valid = run(["validate", "nop/vkt.yaml"]);
    expect(valid.code, valid.stdout).toBe(0);
    expect(valid.stdout).toMatch(/1 tệp, 0 lỗi, \d+ cảnh báo/);
    // The figure the edited catalogue asks for is checked: a word where a number goes is an error.
    writeFileSync(join(dir, "bad.yaml"), filled(unit).replace("proposals: 2", "proposals: hai"));
    const bad = run(["validate", "bad.yaml"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.yaml:\d+:\d+ lỗi {2}tasks\.coordination\.law_review\.proposals: /m);

    const report = run(["build-report", "nop", "--date", "2023-12-20", "-o", "bao-cao.docx"]);
    expect(report.code, report.stderr).toBe(0);
    const text = documentText(readFileSync(join(dir, "bao-cao.docx")));
    expect(text).toContain(RENAMED);
    expect(text).toContain("Văn bản số 1456/BXD-TCCB");
    expect(text).toContain("Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2023");
    expect(text).not.toContain("Rà soát, đánh giá 15 năm thi hành Luật Bình đẳng giới");

    // The unit schema for editors follows the configuration's catalogue.
    const schema = run(["schema", "unit", "--config", "geq.yaml"]);
    expect(schema.code).toBe(0);
    expect(
      JSON.parse(schema.stdout).properties.tasks.properties.coordination.properties.law_review.title,
    ).toBe(RENAMED);
  });

  it("compiles the validator once, into the user's cache folder, and starts from it afterwards", () => {
    const { dir, env } = workspace();
    geq(["catalog", "new", "--from", "2022", "--year", "2023", "-o", "hd.yaml"], { cwd: dir, env });
    writeFileSync(join(dir, "geq.yaml"), toYaml({ ...validConfig(), catalog: "./hd.yaml" }));
    geq(["init", "--unit", "VKT", "--period", "annual", "-o", "vkt.yaml"], { cwd: dir, env });
    const first = geq(["validate", "vkt.yaml"], { cwd: dir, env });
    expect(first.stdout).toMatch(/1 tệp, 1 lỗi/);
    const folder = join(dir, "cache", "geq");
    const entries = readdirSync(folder).filter((f) => /^catalog-[0-9a-f]{64}\.cjs$/.test(f));
    expect(entries).toHaveLength(1);
    const entry = join(folder, entries[0]!);
    expect(statSync(folder).mode & 0o077).toBe(0);
    const written = statSync(entry).mtimeMs;
    const second = geq(["validate", "vkt.yaml"], { cwd: dir, env });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(entry).mtimeMs).toBe(written);
    // Another wording is another schema: a second entry, the first one kept.
    const hd = join(dir, "hd.yaml");
    writeFileSync(hd, readFileSync(hd, "utf8").replace("Số văn bản đã ban hành", "Số văn bản ban hành"));
    expect(geq(["validate", "vkt.yaml"], { cwd: dir, env }).stdout).toBe(first.stdout);
    expect(readdirSync(folder).filter((f) => f.endsWith(".cjs"))).toHaveLength(2);
  });

  it("falls back to a folder of the user's own in the temporary folder when the cache cannot be written", () => {
    const { dir, env } = workspace();
    // A file where the cache folder should be: nothing can be created under it.
    writeFileSync(join(dir, "cache"), "");
    geq(["catalog", "new", "--from", "2022", "--year", "2023", "-o", "hd.yaml"], { cwd: dir, env });
    writeFileSync(join(dir, "geq.yaml"), toYaml({ ...validConfig(), catalog: "./hd.yaml" }));
    geq(["init", "--unit", "VKT", "--period", "annual", "-o", "vkt.yaml"], { cwd: dir, env });
    const r = geq(["validate", "vkt.yaml"], { cwd: dir, env });
    expect(r.stdout).toMatch(/1 tệp, 1 lỗi/);
    const fallback = join(dir, "tmp", `geq-cache-${userInfo().uid}`);
    expect(readdirSync(fallback).some((f) => f.endsWith(".cjs"))).toBe(true);
    // A fallback folder that others may write is never used: the run still works, compiling anew.
    const shared = join(dir, "tmp2");
    mkdirSync(join(shared, `geq-cache-${userInfo().uid}`), { recursive: true });
    chmodSync(join(shared, `geq-cache-${userInfo().uid}`), 0o777);
    const again = geq(["validate", "vkt.yaml"], { cwd: dir, env: { ...env, TMPDIR: shared } });
    expect(again.stdout).toBe(r.stdout);
    expect(readdirSync(join(shared, `geq-cache-${userInfo().uid}`))).toEqual([]);
  });

  it("refuses a broken catalogue with positioned messages, and a configuration pointing at it", () => {
    const { dir, env } = workspace();
    geq(["catalog", "new", "--from", "2022", "--year", "2023", "-o", "hd.yaml"], { cwd: dir, env });
    const text = readFileSync(join(dir, "hd.yaml"), "utf8");
    const broken = text
      // an indicator without a type
      .replace(/^( {12}type: money # .*\n)/m, "")
      // a duplicate sub-task key
      .replace("      - key: law_review", "      - key: policy")
      // a deadline outside the year
      .replace("deadline: 2023-12-10", "deadline: 2024-01-10");
    writeFileSync(join(dir, "hd.yaml"), broken);
    const lines = broken.split("\n");
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    const r = geq(["validate", "hd.yaml"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `hd.yaml:${lineOf("deadline: 2024-01-10")}:15 lỗi  periods.annual.deadline: Hạn gửi báo cáo: ngày 10/01/2024 không thuộc năm 2023 của hướng dẫn`,
    );
    expect(r.stdout).toMatch(
      /hd\.yaml:\d+:\d+ lỗi {2}groups\[0\]\.tasks\[1\]\.key: Khóa của nhiệm vụ: «policy» đã có ở mục thứ 1/,
    );
    expect(r.stdout).toMatch(
      /hd\.yaml:\d+:\d+ lỗi {2}groups\[0\]\.tasks\[4\]\.indicators\[1\]: Chỉ tiêu: thiếu trường bắt buộc «Kiểu của chỉ tiêu» \(type\) {2}\[required\]/,
    );
    expect(r.stdout).toContain("1 tệp, 3 lỗi, 0 cảnh báo");
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    const second = [...lines.entries()].filter(([, l]) => l.includes("- key: policy"))[1];
    expect(r.stdout).toMatch(
      new RegExp(`^hd\\.yaml:${second![0] + 1}:\\d+ lỗi  groups\\[0\\]\\.tasks\\[1\\]\\.key`, "m"),
    );

    writeFileSync(join(dir, "geq.yaml"), toYaml({ ...validConfig(), catalog: "./hd.yaml" }));
    writeFileSync(join(dir, "vkt.yaml"), "format: geq/unit-report/v1\n");
    const run = geq(["validate", "vkt.yaml"], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hd\.yaml:\d+:15 lỗi {2}periods\.annual\.deadline: /m);
    expect(run.stderr).toContain("geq: tệp hướng dẫn «hd.yaml» không hợp lệ");
    expect(run.stderr).not.toMatch(STACK_TRACE);
    // In English too, still positioned.
    const en = geq(["validate", "hd.yaml", "--lang", "en"], { cwd: dir, env });
    expect(en.stdout).toMatch(
      /hd\.yaml:\d+:15 error {2}periods\.annual\.deadline: 2024-01-10 is not in the guidance's year 2023/,
    );
  });

  it("names a configuration's catalogue that is neither built in nor a YAML file, and tells init how to add a year", () => {
    const { dir, env } = workspace();
    writeFileSync(join(dir, "geq.yaml"), toYaml({ ...validConfig(), catalog: "2023" }));
    const r = geq(["validate", "x.yaml", "--config", "geq.yaml"], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^geq\.yaml:\d+:\d+ lỗi {2}catalog: Hướng dẫn năm: «2023» không phải mã một hướng dẫn có sẵn \(2022\)/m,
    );
    const init = geq(["init", "--year", "2026", "--no-config", "-o", "-"], { cwd: dir, env });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain("chưa có hướng dẫn cho năm 2026");
    expect(init.stderr).toContain("geq catalog new --year 2026 -o huong-dan-2026.yaml");
  });

  it("prints the catalogue's own schema", () => {
    const { dir, env } = workspace();
    const r = geq(["schema", "catalog"], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "schemas/catalog.schema.json"), "utf8"));
    expect(
      JSON.parse(r.stdout).properties.groups.items.properties.tasks.items.properties.relations,
    ).toBeDefined();
  });
});

describe("the 2023 example: a letter that renames, drops and adds a sub-task", () => {
  const examples = join(ROOT, "examples");

  it("checks a relation the 2023 catalogue declares, with its own labels", () => {
    const { dir, env } = workspace();
    const vkt = readFileSync(join(examples, "2023/annual/vkt.yaml"), "utf8");
    expect(vkt).toContain("reports_shared: 1");
    writeFileSync(join(dir, "vkt.yaml"), vkt.replace("reports_shared: 1", "reports_shared: 5"));
    const r = geq(["validate", "vkt.yaml", "--config", join(examples, "2023/geq.yaml")], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^vkt\.yaml:\d+:23 lỗi {2}tasks\.committee\.gender_statistics\.reports_shared: Cập nhật số liệu thống kê giới của cơ quan, đơn vị: số báo cáo thống kê giới đã gửi Vụ Tổ chức cán bộ \(5\) lớn hơn số báo cáo thống kê giới đã lập \(3\) {2}\[indicator-relation\]$/m,
    );
  });

  it("builds the annual report with last year's, under last year's catalogue", async () => {
    const { dir, env } = workspace();
    const r = geq(
      [
        "build-report",
        join(examples, "2023/annual"),
        "--config",
        join(examples, "2023/geq.yaml"),
        "--previous",
        join(examples, "2022/annual"),
        "--date",
        "2023-12-20",
        "-o",
        "bc.docx",
      ],
      { cwd: dir, env, timeout: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const text = (await docxToPdfText(readFileSync(join(dir, "bc.docx")))).replace(/\s+/g, " ");
    expect(text).toContain("8. So sánh với năm 2022");
    expect(text).toContain(
      "So sánh số liệu năm 2023 với năm 2022 của 17 đơn vị có báo cáo tổng kết năm hợp lệ ở cả hai năm",
    );
    // The whole ministry's pool share, both years over the same 17 units.
    expect(text).toMatch(/Quy hoạch 38,8 41,0 \+2,2/);
    expect(text).toContain(
      "Năm 2023, 03 đơn vị đạt tỷ lệ nữ trong diện quy hoạch từ 40% trở lên mà năm 2022 chưa đạt: Vụ Khoa học công nghệ và môi trường (33,3% → 42,9%), Cục Quản lý hoạt động xây dựng (36,4% → 40,9%), Cục Giám định nhà nước về chất lượng công trình xây dựng (33,3% → 42,1%); 02 đơn vị không còn đạt mục tiêu này: Cục Phát triển đô thị (41,2% → 38,9%), Viện Kinh tế xây dựng (43,3% → 37,9%).",
    );
    expect(text).toContain(
      "Không so sánh được nhiệm vụ mới trong hướng dẫn năm 2023: “Cập nhật số liệu thống kê giới của cơ quan, đơn vị”; nhiệm vụ không còn trong hướng dẫn năm 2023: “Giảm thiểu tác động tiêu cực của đại dịch COVID-19”.",
    );
    // A renamed sub-task keeps its key: compared, under its new wording.
    expect(text).toMatch(/1b\. Số nội dung đề xuất sửa đổi, bổ sung 31 31 0/);
    expect(text).toContain(
      "01 đơn vị chỉ có báo cáo tổng kết năm 2022, không đưa vào so sánh: Báo Xây dựng (81 cán bộ, trong đó 37 nữ",
    );
    expect(text).toContain(
      "01 đơn vị chỉ có báo cáo tổng kết năm 2023, không đưa vào so sánh: Viện Quy hoạch đô thị và nông thôn quốc gia (214 cán bộ, trong đó 103 nữ",
    );
    expect(text).toContain("TỶ LỆ NỮ CỦA CÁC ĐƠN VỊ NĂM 2023 SO VỚI NĂM 2022 (%)");
  }, 180_000);

  it("builds a unit's own report under a catalogue file, without a configuration", () => {
    const { dir, env } = workspace();
    const catalogue = join(examples, "2023/huong-dan-2023.yaml");
    const unit = join(examples, "2023/annual/vkt.yaml");
    const r = geq(["build-report", unit, "--no-config", "--catalog", catalogue, "-o", "vkt.docx"], {
      cwd: dir,
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    const text = documentText(readFileSync(join(dir, "vkt.docx")));
    expect(text).toContain("Cập nhật số liệu thống kê giới của cơ quan, đơn vị");
    expect(text).toContain("Đề xuất sửa đổi, bổ sung Luật Bình đẳng giới sau tổng kết thi hành");
    // Without it, the newest built-in guidance is 2022's: the 2023 file has none.
    const without = geq(["validate", unit, "--no-config"], { cwd: dir, env });
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/\[no-catalog\]/);
    const both = geq(
      ["validate", unit, "--config", join(examples, "2023/geq.yaml"), "--catalog", catalogue],
      {
        cwd: dir,
        env,
      },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--catalog chỉ dùng khi không có tệp cấu hình");
  });

  it("refuses --previous for a semi-annual report and when last year's guidance is unknown", () => {
    const { dir, env } = workspace();
    const args = ["build-report", join(examples, "2023/annual"), "--config", join(examples, "2023/geq.yaml")];
    // Last year's configuration names this year's catalogue: no guidance of last year to read its files by.
    const noCatalog = geq(
      [
        ...args,
        "--previous",
        join(examples, "2022/annual"),
        "--previous-config",
        join(examples, "2023/geq.yaml"),
      ],
      { cwd: dir, env },
    );
    expect(noCatalog.code).toBe(2);
    expect(noCatalog.stderr).toContain("không có hướng dẫn năm 2022 để đọc các tệp của --previous");
    const semi = geq(
      [
        "build-report",
        join(examples, "2022/semi-annual"),
        "--config",
        join(examples, "geq.yaml"),
        "--previous",
        join(examples, "2022/annual"),
        "-o",
        "x.docx",
      ],
      { cwd: dir, env },
    );
    expect(semi.code).toBe(2);
    expect(semi.stderr).toContain("--previous chỉ dùng cho báo cáo tổng kết năm");
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  });
});
