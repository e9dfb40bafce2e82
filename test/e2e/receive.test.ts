/**
 * `geq receive` as the ministry's clerk runs it, and `geq status` reading what it recorded: the
 * filing layout, the receipts file, refusals, replacements, and lateness by the incoming stamp.
 * Needs `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { STACK_TRACE, geq, tempDir, type CliResult } from "./cli.js";
import { configYaml, textPosition, unitYaml } from "../helpers/unit-yaml.js";
import { documentText } from "../document/docx-xml.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A ministry's folder: its configuration and an inbox holding what arrived. */
function office(inbox: Record<string, string> = {}): string {
  const files: Record<string, string> = { "bo/geq.yaml": configYaml() };
  for (const [name, text] of Object.entries(inbox)) files[`thu-den/${name}`] = text;
  const d = tempDir(files);
  dirs.push(d);
  return d;
}

function run(args: string[], cwd: string): CliResult {
  const r = geq(args, { cwd });
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

const VKT = unitYaml();
const FILED = "bo/2022/semi-annual/vkt.yaml";
const RECEIPTS = "bo/2022/semi-annual/receipts.yaml";

interface ReceiptsDoc {
  format: string;
  year: number;
  period: string;
  receipts: Record<string, string>[];
}
const receipts = (d: string) => parse(readFileSync(join(d, RECEIPTS), "utf8")) as ReceiptsDoc;

describe("geq receive", () => {
  it("files the unit's file in its period's folder and enters it in the receipts file", () => {
    const d = office({ "VKT bao cao 6 thang.yaml": VKT });
    const r = run(
      [
        "receive",
        "thu-den/VKT bao cao 6 thang.yaml",
        "--config",
        "bo/geq.yaml",
        "--date",
        "2022-06-09",
        "--number",
        "215",
      ],
      d,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Đã nhận báo cáo của VKT: lưu tại ${FILED}; vào sổ ngày 09/06/2022, số đến 215 (${RECEIPTS})\n`,
    );
    expect(readFileSync(join(d, FILED), "utf8")).toBe(VKT);
    const doc = receipts(d);
    expect(doc).toMatchObject({ format: "geq/receipts/v1", year: 2022, period: "semi-annual" });
    expect(doc.receipts).toEqual([
      {
        unit: "VKT",
        received: "2022-06-09",
        number: "215",
        file: "vkt.yaml",
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown as string,
        submitted: "2022-06-08",
        reference: "125/BC-VKT",
      },
    ]);
  });

  it("receiving the same file again changes nothing and says so", () => {
    const d = office({ "vkt.yaml": VKT });
    const args = ["receive", "thu-den/vkt.yaml", "--config", "bo/geq.yaml", "--date", "2022-06-09"];
    expect(run(args, d).code).toBe(0);
    const before = readFileSync(join(d, RECEIPTS), "utf8");
    const again = run([...args.slice(0, -1), "2022-06-15"], d);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `Báo cáo của VKT đã được nhận ngày 09/06/2022 với đúng nội dung này (${FILED}); không ghi gì thêm\n`,
    );
    expect(readFileSync(join(d, RECEIPTS), "utf8")).toBe(before);
  });

  it("enters a file already in place without copying it", () => {
    const d = office();
    mkdirSync(join(d, "bo/2022/semi-annual"), { recursive: true });
    writeFileSync(join(d, FILED), VKT);
    const r = run(["receive", FILED, "-c", "bo/geq.yaml", "--date", "2022-06-09", "--number", "7"], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Tệp ${FILED} của VKT đã nằm đúng chỗ, không cần chép; nay vào sổ ngày 09/06/2022, số đến 7 (${RECEIPTS})\n`,
    );
    expect(receipts(d).receipts.map((e) => [e.unit, e.number])).toEqual([["VKT", "7"]]);
    expect(readFileSync(join(d, FILED), "utf8")).toBe(VKT);
  });

  it("refuses a different file for the unit without --replace; with it, keeps the old one as a numbered copy", () => {
    const fixed = unitYaml({ "staff.employees.total": 143 });
    const d = office({ "vkt.yaml": VKT, "vkt-sua.yaml": fixed });
    expect(run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d).code).toBe(0);
    const refused = run(["receive", "thu-den/vkt-sua.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-12"], d);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `geq: không nhận «thu-den/vkt-sua.yaml»: đơn vị VKT đã có tệp khác tại ${FILED}; nếu đây là bản thay thế, chạy lại với --replace (tệp cũ được giữ lại thành bản đánh số)\n`,
    );
    expect(readFileSync(join(d, FILED), "utf8")).toBe(VKT);
    expect(receipts(d).receipts).toHaveLength(1);

    const replaced = run(
      ["receive", "thu-den/vkt-sua.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-12", "--replace"],
      d,
    );
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`Tệp nhận trước của VKT được giữ lại là ${FILED}.~1~\n`);
    expect(readFileSync(join(d, FILED), "utf8")).toBe(fixed);
    expect(readFileSync(join(d, `${FILED}.~1~`), "utf8")).toBe(VKT);
    const entries = receipts(d).receipts;
    expect(entries.map((e) => [e.received, e.replaced])).toEqual([
      ["2022-06-09", undefined],
      ["2022-06-12", "vkt.yaml.~1~"],
    ]);
    // The copy is not a second file of the unit for status.
    const s = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20"], d);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^VKT +Viện Kinh tế xây dựng +chậm 3 ngày +12\/06\/2022 +125\/BC-VKT$/m);
  });

  it("refuses an invalid file, with its diagnostics, and files nothing", () => {
    const d = office({ "vkt.yaml": unitYaml({ "staff.unit_leaders.female": 5 }) });
    const r = run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^thu-den\/vkt\.yaml:\d+:\d+ lỗi {2}staff\.unit_leaders\.female: .*\[people-female-le-total\]$/m,
    );
    expect(r.stderr).toBe(
      "geq: không nhận «thu-den/vkt.yaml» vì tệp có 1 lỗi; đề nghị đơn vị sửa và gửi lại\n",
    );
    expect(existsSync(join(d, "bo/2022"))).toBe(false);
  });

  it("notes a receipt date before the unit's own date, which is usually a slip", () => {
    const d = office({ "vkt.yaml": VKT });
    const r = run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-07"], d);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "Lưu ý: ngày nhận 07/06/2022 trước ngày 08/06/2022 mà VKT ghi trong tệp (submitted); xin kiểm tra lại --date\n",
    );
    const later = office({ "vkt.yaml": VKT });
    expect(
      run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-08"], later).stderr,
    ).toBe("");
  });

  it("refuses a unit the registry does not list", () => {
    const d = office({ "abc.yaml": unitYaml({ "unit.code": "ABC" }) });
    const r = run(["receive", "thu-den/abc.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[unknown-unit\]$/m);
  });

  it("files into --into, and speaks English with --lang en", () => {
    const d = office({ "vkt.yaml": VKT });
    const r = run(
      [
        "receive",
        "thu-den/vkt.yaml",
        "-c",
        "bo/geq.yaml",
        "--into",
        "nop",
        "--date",
        "2022-06-09",
        "--lang",
        "en",
      ],
      d,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Received VKT's report: filed as nop/2022/semi-annual/vkt.yaml; entered on 2022-06-09 (nop/2022/semi-annual/receipts.yaml)\n",
    );
  });

  it("needs a configuration, and a plausible --date", () => {
    const d = office({ "vkt.yaml": VKT });
    const none = run(["receive", "thu-den/vkt.yaml", "--date", "2022-06-09"], d);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^geq: cần tệp cấu hình/);
    const bad = run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-31"], d);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--date: «2022-06-31»/);
  });
});

describe("status and the receipts", () => {
  it("counts lateness from the receipt date, not the unit's own date, and says so", () => {
    // Dated 8 June by the unit (on time), stamped 11 June on arrival: late, by the letter's rule.
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-11", "--number", "230"], d);
    const s = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20"], d);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^VKT +Viện Kinh tế xây dựng +chậm 2 ngày +11\/06\/2022 +125\/BC-VKT$/m);
    expect(s.stdout).toContain("\nNgày gửi là ngày đến ghi trong sổ nhận báo cáo (dấu công văn đến).\n");
    const json = JSON.parse(
      run(
        ["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20", "--format", "json"],
        d,
      ).stdout,
    ) as { rows: Record<string, unknown>[] };
    expect(json.rows.find((r) => r.code === "VKT")).toMatchObject({
      submitted: "2022-06-08",
      arrived: "2022-06-11",
      counted_from: "receipt",
      incoming: "230",
      days_late: 2,
    });
    // As of the day before it arrived, the unit had not reported.
    const before = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-10"], d);
    expect(before.stdout).toMatch(/^VKT +Viện Kinh tế xây dựng +chưa gửi$/m);
    expect(before.stderr).toContain("các đơn vị sau được coi là chưa gửi: VKT");
  });

  it("marks the units with no receipt when others have one", () => {
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    writeFileSync(
      join(d, "bo/2022/semi-annual/vp.yaml"),
      unitYaml({ "unit.code": "VP", "unit.name": "Văn phòng Bộ" }),
    );
    const s = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20"], d);
    expect(s.stdout).toMatch(/^VP +Văn phòng Bộ +đúng hạn +08\/06\/2022 \* +125\/BC-VKT$/m);
    expect(s.stdout).toContain(
      "Ngày gửi là ngày đến ghi trong sổ nhận báo cáo cho 1 đơn vị; 1 đơn vị chưa vào sổ (đánh dấu *) tính theo ngày ghi trong tệp (submitted).",
    );
  });

  it("refuses a receipts file that is not a regular file, without waiting on it", () => {
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    rmSync(join(d, RECEIPTS));
    expect(spawnSync("mkfifo", [join(d, RECEIPTS)]).status).toBe(0);
    const s = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20"], d);
    expect(s.code).toBe(2);
    expect(s.stderr).toBe(
      `geq: «${RECEIPTS}» là một đường ống (FIFO), không phải tệp thông thường; sổ nhận báo cáo và tệp đã nhận phải là tệp thông thường\n`,
    );
    const again = run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-10"], d);
    expect(again.code).toBe(2);
  });

  it("stops on a broken receipts file, pointing at the line", () => {
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    const text = readFileSync(join(d, RECEIPTS), "utf8").replace(
      "received: 2022-06-09",
      "received: 2022-06-31",
    );
    writeFileSync(join(d, RECEIPTS), text);
    const s = run(["status", "bo/2022/semi-annual", "-c", "bo/geq.yaml", "--as-of", "2022-06-20"], d);
    expect(s.code).toBe(2);
    const at = textPosition(text, "2022-06-31");
    expect(s.stderr).toContain(
      `${RECEIPTS}:${at.line}:${at.column} lỗi  receipts[0].received: Ngày nhận (dấu công văn đến): «2022-06-31» không phải ngày hợp lệ`,
    );
    expect(s.stderr).toMatch(/geq: sổ nhận báo cáo «bo\/2022\/semi-annual\/receipts\.yaml» không hợp lệ/);
  });

  it("validate checks a receipts file, named or beside the unit files, with its positions", () => {
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-09"], d);
    const clean = run(["validate", "bo/2022/semi-annual", "-c", "bo/geq.yaml"], d);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^2 tệp, 0 lỗi, 0 cảnh báo$/m);
    const text = readFileSync(join(d, RECEIPTS), "utf8").replace(
      'file: "vkt.yaml"',
      'file: "vkt.yaml"\n    nguoi_nhan: "Lan"',
    );
    writeFileSync(join(d, RECEIPTS), text);
    const at = textPosition(text, "nguoi_nhan");
    const named = run(["validate", RECEIPTS], d);
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(
      new RegExp(
        `^${RECEIPTS}:${at.line}:${at.column} lỗi {2}receipts\\[0\\]\\.nguoi_nhan: .*\\[unknown-key\\]$`,
        "m",
      ),
    );
    expect(named.stdout).toMatch(/^1 tệp, 1 lỗi, 0 cảnh báo$/m);
    expect(run(["validate", "bo/2022/semi-annual", "-c", "bo/geq.yaml"], d).stdout).toMatch(/^2 tệp, 1 lỗi/m);
  });

  it("the internal report's Phụ lục II gives the receipt date, the incoming number and the rule used", () => {
    const d = office({ "vkt.yaml": VKT });
    run(["receive", "thu-den/vkt.yaml", "-c", "bo/geq.yaml", "--date", "2022-06-11", "--number", "230"], d);
    const b = run(
      [
        "build-report",
        "bo/2022/semi-annual",
        "-c",
        "bo/geq.yaml",
        "--audience",
        "internal",
        "--date",
        "2022-06-20",
        "-o",
        "bc.docx",
      ],
      d,
    );
    expect(b.code, b.stderr).toBe(0);
    const text = documentText(new Uint8Array(readFileSync(join(d, "bc.docx"))));
    expect(text).toContain("Ngày nhận theo sổ nhận báo cáo.");
    expect(text).toMatch(/11\/6\/2022.*125\/BC-VKT.*chậm 02 ngày.*Số đến: 230/s);
    expect(text).toContain("Viện Kinh tế xây dựng (chậm 02 ngày)");
  });
});
