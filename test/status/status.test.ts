import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { displayWidth, formatStatusJson, formatStatusText } from "../../src/output/status.js";
import { failures, status, type StatusResult, type StatusRow } from "../../src/status.js";
import type { Paint } from "../../src/output/diagnostics.js";
import { makeConfig } from "../helpers/unit-report.js";
import { makeFolder, REGISTRY, standardFiles, unitFile } from "./fixture.js";
import { validate } from "../../src/validate/validate.js";
import { digestOf } from "../../src/validate/check-fast.js";
import { submissionEntry, submissions } from "../../src/consolidate/submissions.js";
import { deadlineRule } from "../../src/catalog/catalog.js";

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function folder(...args: Parameters<typeof makeFolder>): string {
  const dir = makeFolder(...args);
  folders.push(dir);
  return dir;
}

async function ok(paths: string[], cwd: string, asOf: string, extra = {}): Promise<StatusResult> {
  const result = await status(paths, { cwd, asOf, ...extra });
  if (!result.ok) throw new Error(`status failed: ${result.problem} ${JSON.stringify(result.params)}`);
  return result;
}

/** A row by unit code, failing clearly when there is none. */
function row(result: StatusResult, code: string): StatusRow {
  const r = result.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row for ${code}`);
  return r;
}

describe("status of a period's submissions", () => {
  const dir = folder(standardFiles());

  it("gives one row per registered unit in registry order, then unregistered units", async () => {
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(result.rows.map((r) => r.code)).toEqual([...REGISTRY.map((u) => u.code), "XYZ"]);
    expect(result.rows.map((r) => r.registered)).toEqual([true, true, true, true, true, true, false]);
  });

  it("states each unit's submission with its date, document number, days late and errors", async () => {
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(row(result, "VP")).toEqual({
      code: "VP",
      name: "Văn phòng Bộ",
      registered: true,
      state: "on-time",
      submitted: "2022-06-09",
      arrived: "2022-06-09",
      by: "submitted",
      reference: "12/BC-VP",
      file: "nop/vp.yaml",
    });
    expect(row(result, "VKT")).toMatchObject({
      state: "late",
      days: 3,
      submitted: "2022-06-12",
      reference: "125/BC-VKT",
    });
    expect(row(result, "VQH")).toMatchObject({ state: "late", days: 1, submitted: "2022-06-10" });
    expect(row(result, "VQH")).not.toHaveProperty("reference");
    expect(row(result, "CGD")).toEqual({
      code: "CGD",
      name: "Cục Giám định nhà nước về chất lượng công trình xây dựng",
      registered: true,
      state: "missing",
    });
    expect(row(result, "HVCB")).toMatchObject({ state: "invalid", errors: 2, file: "nop/hvcb.yaml" });
    // The registry's name, normalised to NFC when the configuration was read.
    expect(row(result, "TTTT")).toMatchObject({
      name: "Trung tâm Thông tin",
      state: "on-time",
      submitted: "2022-06-07",
      reference: "7/BC-TTTT",
    });
    // Not registered: validate rejects it (unknown-unit), so it is listed as invalid.
    expect(row(result, "XYZ")).toEqual({
      code: "XYZ",
      name: "Ban Quản lý dự án XYZ",
      registered: false,
      state: "invalid",
      errors: 1,
      file: "nop/xyz.yaml",
    });
  });

  it("counts totals over the registered units and reports unregistered ones apart", async () => {
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(result.totals).toEqual({
      mustReport: 6,
      submitted: 4,
      onTime: 2,
      late: 2,
      missing: 1,
      invalid: 1,
      unregistered: 1,
      unidentified: 0,
      duplicates: 0,
    });
    expect(result.files).toBe(6);
    expect(result).toMatchObject({ year: 2022, period: "semi-annual", deadline: "2022-06-10" });
  });

  it("counts days left to the deadline as of the given day, negative once it has passed", async () => {
    expect((await ok(["nop"], dir, "2022-06-05")).daysLeft).toBe(5);
    expect((await ok(["nop"], dir, "2022-06-10")).daysLeft).toBe(0);
    expect((await ok(["nop"], dir, "2022-06-20")).daysLeft).toBe(-10);
    // Across a month and a year end: whole calendar days.
    expect((await ok(["nop"], dir, "2021-12-31")).daysLeft).toBe(161);
  });

  it("keeps a unit's valid file when it sent two for the period", async () => {
    const twice = folder({
      ...standardFiles(),
      // A second, later copy from VP: validate rejects it as a duplicate; VP stays on time.
      "nop/vp-ban-sua.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-15" }),
    });
    const result = await ok(["nop"], twice, "2022-06-20");
    // Files are taken in path order: vp-ban-sua.yaml comes first and counts; vp.yaml is the duplicate.
    expect(row(result, "VP")).toMatchObject({ state: "late", days: 6, file: "nop/vp-ban-sua.yaml" });
    expect(result.rows.filter((r) => r.code === "VP")).toHaveLength(1);
    // The other file does not vanish: it is listed, counted and fails --fail-on invalid.
    expect(result.duplicates).toEqual([{ code: "VP", file: "nop/vp.yaml", errors: 1 }]);
    expect(result.totals).toMatchObject({ duplicates: 1, onTime: 1, late: 3 });
    const text = formatStatusText(result, "vi");
    expect(text).toContain("\nTệp không được tính vì đơn vị đã có tệp khác cho kỳ này: nop/vp.yaml (VP)\n");
    expect(text).toContain("geq validate nop/hvcb.yaml nop/xyz.yaml nop/vp.yaml\n");
    expect(text).toContain("; tệp trùng: 1)\n");
    expect(JSON.parse(formatStatusJson(result)).duplicates).toEqual(result.duplicates);
    expect(failures(result, ["invalid"])).toEqual(["invalid"]);
  });

  it("fails --fail-on invalid on a duplicate file when it is the only file rejected", async () => {
    const dir = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09" }),
      "nop/vp-ban-sua.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09" }),
    });
    const result = await ok(["nop"], dir, "2022-06-09");
    expect(result.totals).toMatchObject({ invalid: 0, unregistered: 0, unidentified: 0, duplicates: 1 });
    expect(failures(result, ["invalid"])).toEqual(["invalid"]);
    expect(failures(result, ["late"])).toEqual([]);
  });

  it("names no condition when every registered unit sent a valid file on time", async () => {
    const files = Object.fromEntries(
      REGISTRY.map((u) => [`nop/${u.code}.yaml`, unitFile(u.code, u.name, { submitted: "2022-06-09" })]),
    );
    const result = await ok(["nop"], folder(files), "2022-06-20");
    expect(result.totals).toMatchObject({ mustReport: 6, submitted: 6, onTime: 6, missing: 0 });
    expect(failures(result, ["missing", "late", "invalid"])).toEqual([]);
  });

  it("names the conditions --fail-on asks about when they occur", async () => {
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(failures(result, [])).toEqual([]);
    expect(failures(result, ["invalid"])).toEqual(["invalid"]);
    expect(failures(result, ["late", "missing", "invalid"])).toEqual(["missing", "late", "invalid"]);
  });
});

describe("the receipts file beside the unit files", () => {
  const files = standardFiles();
  const vp = files["nop/vp.yaml"] ?? "";
  const receipts = (received: string) =>
    [
      "format: geq/receipts/v1",
      "year: 2022",
      "period: semi-annual",
      "receipts:",
      '  - unit: "VP"',
      `    received: ${received}`,
      '    file: "vp.yaml"',
      `    sha256: ${createHash("sha256").update(vp).digest("hex")}`,
      "",
    ].join("\n");

  it("counts a unit late by the day its file arrived, not the date the unit wrote", async () => {
    const dir = folder({ ...files, "nop/receipts.yaml": receipts("2022-06-13") });
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(row(result, "VP")).toMatchObject({
      state: "late",
      submitted: "2022-06-09",
      arrived: "2022-06-13",
      by: "receipt",
    });
  });

  it("stops on a receipts file with an error, naming it, in the language asked for, Vietnamese unless told", async () => {
    const dir = folder({ ...files, "nop/receipts.yaml": receipts("2022-06-31") });
    for (const lang of ["vi", "en", undefined] as const) {
      const result = await status(["nop"], { cwd: dir, asOf: "2022-06-20", ...(lang ? { lang } : {}) });
      expect(result).toMatchObject({
        ok: false,
        problem: "receipts-invalid",
        params: { path: "nop/receipts.yaml" },
      });
      const messages = ("diagnostics" in result ? (result.diagnostics ?? []) : []).map((d) => d.message);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(lang === "en" ? /date/ : /ngày/);
    }
  });
});

describe("text table", () => {
  const dir = folder(standardFiles());

  it("aligns the columns and words every state in Vietnamese", async () => {
    const text = formatStatusText(await ok(["nop"], dir, "2022-06-20"), "vi");
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "Tình hình gửi báo cáo sơ kết 6 tháng đầu năm 2022 (hạn gửi: trước ngày 10/06/2022; tính đến ngày 20/06/2022)",
    );
    const table = lines.slice(2, 10);
    expect(table).toEqual([
      "Mã    Đơn vị                                                    Tình trạng                             Ngày gửi    Số văn bản",
      "VP    Văn phòng Bộ                                              đúng hạn                               09/06/2022  12/BC-VP",
      "VKT   Viện Kinh tế xây dựng                                     chậm 3 ngày                            12/06/2022  125/BC-VKT",
      "VQH   Viện Quy hoạch đô thị và nông thôn quốc gia               chậm 1 ngày                            10/06/2022",
      "CGD   Cục Giám định nhà nước về chất lượng công trình xây dựng  chưa gửi",
      "HVCB  Học viện Cán bộ quản lý xây dựng và đô thị                không hợp lệ (2 lỗi)",
      "TTTT  Trung tâm Thông tin                                       đúng hạn                               07/06/2022  7/BC-TTTT",
      "XYZ   Ban Quản lý dự án XYZ                                     không hợp lệ (1 lỗi), ngoài danh sách",
    ]);
    // Every column starts where its header does: after the widest cell above or below and two spaces.
    const starts = (l: string) =>
      [...l.matchAll(/(?<=^| {2})\S/g)].map((m) => displayWidth(l.slice(0, m.index)));
    const header = starts(table[0]!);
    for (const l of table) expect(header.slice(0, starts(l).length)).toEqual(starts(l));
    expect(lines.slice(10)).toEqual([
      "",
      "Xem chi tiết lỗi: geq validate nop/hvcb.yaml nop/xyz.yaml",
      "Ngày gửi là ngày đơn vị ghi trong tệp (submitted), vì chưa đơn vị nào được vào sổ nhận báo cáo; văn thư vào sổ bằng geq receive để tính theo dấu công văn đến.",
      "Phải báo cáo: 6; đã gửi: 4 (đúng hạn: 2, chậm: 2); chưa gửi: 1; không hợp lệ: 2 (trong đó ngoài danh sách: 1)",
      "Đã quá hạn gửi báo cáo (trước ngày 10/06/2022); báo cáo nhận ngày 20/06/2022 là chậm 11 ngày",
      "",
    ]);
  });

  it("says the days left with a leading zero, the last day on time, or how late a file received that day is", async () => {
    expect(formatStatusText(await ok(["nop"], dir, "2022-06-05"), "vi")).toContain(
      "\nCòn 05 ngày đến hạn gửi báo cáo (trước ngày 10/06/2022)\n",
    );
    // "Trước ngày 10/6": the 9th is the last day on time, and a file received on the 10th is late.
    expect(formatStatusText(await ok(["nop"], dir, "2022-06-09"), "vi")).toContain(
      "\nNgày 09/06/2022 là ngày cuối cùng gửi báo cáo đúng hạn (trước ngày 10/06/2022)\n",
    );
    expect(formatStatusText(await ok(["nop"], dir, "2022-06-10"), "vi")).toContain(
      "\nĐã quá hạn gửi báo cáo (trước ngày 10/06/2022); báo cáo nhận ngày 10/06/2022 là chậm 01 ngày\n",
    );
  });

  it("reads the deadline day as the configuration says: on time when the letter says 'chậm nhất'", async () => {
    const onTime = folder(standardFiles(), makeConfig(REGISTRY, { deadline_day: "on-time" }));
    const text = formatStatusText(await ok(["nop"], onTime, "2022-06-10"), "vi");
    expect(text.split("\n")[0]).toBe(
      "Tình hình gửi báo cáo sơ kết 6 tháng đầu năm 2022 (hạn gửi: chậm nhất ngày 10/06/2022; tính đến ngày 10/06/2022)",
    );
    expect(text).toContain(
      "\nNgày 10/06/2022 là ngày cuối cùng gửi báo cáo đúng hạn (chậm nhất ngày 10/06/2022)\n",
    );
    expect(formatStatusText(await ok(["nop"], onTime, "2022-06-20"), "en")).toContain(
      "\nThe deadline has passed (due on or before 2022-06-10); a report received on 2022-06-20 is 10 days late\n",
    );
  });

  it("speaks English with --lang en, with ISO dates", async () => {
    const text = formatStatusText(await ok(["nop"], dir, "2022-06-20"), "en");
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "Submissions of the semi-annual 2022 reports (due before 2022-06-10; as of 2022-06-20)",
    );
    expect(lines[2]).toMatch(/^Code {2}Unit {2,}Status {2,}Sent {2,}Document no\.$/);
    expect(lines[4]).toContain("late by 3 days       ");
    expect(lines[5]).toContain("late by 1 day ");
    expect(text).toContain("invalid (2 errors)");
    expect(text).toContain("invalid (1 error), not registered");
    expect(text).toContain("missing");
    expect(text).toContain(
      "Must report: 6; submitted: 4 (on time: 2, late: 2); missing: 1; invalid: 2 (of which not registered: 1)\n",
    );
    expect(text).toContain(
      "The deadline has passed (due before 2022-06-10); a report received on 2022-06-20 is 11 days late\n",
    );
    expect(formatStatusText(await ok(["nop"], dir, "2022-06-08"), "en")).toContain(
      "2 days left until the deadline (due before 2022-06-10)\n",
    );
    expect(formatStatusText(await ok(["nop"], dir, "2022-06-09"), "en")).toContain(
      "2022-06-09 is the last day to report on time (due before 2022-06-10)\n",
    );
  });

  it("colours states: green on time, yellow late, red missing and invalid", async () => {
    const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;
    const paint: Paint = {
      ok: tag("green"),
      warning: tag("yellow"),
      error: tag("red"),
      dim: tag("dim"),
      bold: tag("b"),
    };
    const lines = formatStatusText(await ok(["nop"], dir, "2022-06-20"), "vi", paint).split("\n");
    const state = (code: string) => lines.find((l) => l.startsWith(`${code} `))!;
    expect(state("VP")).toContain("<green>đúng hạn</green>");
    expect(state("VKT")).toContain("<yellow>chậm 3 ngày</yellow>");
    expect(state("CGD")).toContain("<red>chưa gửi</red>");
    expect(state("HVCB")).toContain("<red>không hợp lệ (2 lỗi)</red>");
    // Padding stays outside the colour, so the columns line up after the escapes are removed.
    const plain = lines.map((l) => l.replace(/<\/?[a-z]+>/g, ""));
    expect(plain.slice(2, 10)).toEqual(
      formatStatusText(await ok(["nop"], dir, "2022-06-20"), "vi")
        .split("\n")
        .slice(2, 10),
    );
  });

  it("counts characters, not code units or combining marks, when aligning", () => {
    expect(displayWidth("Việt")).toBe(4);
    expect(displayWidth("Việt".normalize("NFD"))).toBe(4);
    expect(displayWidth("x\u0301y")).toBe(2);
    const result: StatusResult = {
      ok: true,
      year: 2022,
      period: "annual",
      deadline: "2022-12-10",
      deadlineDay: "on-time",
      asOf: "2022-12-01",
      daysLeft: 9,
      rows: [
        // A mark with no precomposed form stays a combining mark after NFC.
        { code: "A", name: "Ax\u0301 Đơn vị", registered: true, state: "missing" },
        { code: "BB", name: "Bộ".normalize("NFD"), registered: true, state: "missing" },
        {
          code: "C",
          name: "Line\nbreak\u001b[2J",
          registered: false,
          state: "invalid",
          errors: 1,
          file: "c.yaml",
        },
      ],
      unidentified: [],
      duplicates: [],
      totals: {
        mustReport: 2,
        submitted: 0,
        onTime: 0,
        late: 0,
        missing: 2,
        invalid: 0,
        unregistered: 1,
        unidentified: 0,
        duplicates: 0,
      },
      files: 1,
      skipped: [],
      later: [],
    };
    const lines = formatStatusText(result, "vi").split("\n");
    expect(lines[0]).toBe(
      "Tình hình gửi báo cáo tổng kết năm 2022 (hạn gửi: chậm nhất ngày 10/12/2022; tính đến ngày 01/12/2022)",
    );
    const column = (l: string) => displayWidth(l.slice(0, l.indexOf("chưa gửi")));
    expect(column(lines[3]!)).toBe(column(lines[4]!));
    expect(lines[4]).toContain("Bộ");
    // No control character of a file reaches the terminal.
    expect(lines[5]).toBe("C   Line\uFFFDbreak\uFFFD[2J  không hợp lệ (1 lỗi), ngoài danh sách");
    expect(lines.at(-2)).toBe("Còn 09 ngày đến hạn gửi báo cáo (chậm nhất ngày 10/12/2022)");
  });
});

describe("JSON document", () => {
  const dir = folder(standardFiles());

  it("has every row with the same keys, the totals, the deadline and the days left", async () => {
    const doc = JSON.parse(formatStatusJson(await ok(["nop"], dir, "2022-06-20")));
    expect(doc).toMatchObject({
      year: 2022,
      period: "semi-annual",
      deadline: "2022-06-10",
      as_of: "2022-06-20",
      days_left: -10,
      files: 6,
      unidentified: [],
      duplicates: [],
      totals: {
        must_report: 6,
        submitted: 4,
        on_time: 2,
        late: 2,
        missing: 1,
        invalid: 1,
        unregistered: 1,
        unidentified: 0,
        duplicates: 0,
      },
    });
    const base = { registered: true };
    expect(doc.rows).toEqual([
      {
        ...base,
        code: "VP",
        name: "Văn phòng Bộ",
        state: "on-time",
        submitted: "2022-06-09",
        arrived: "2022-06-09",
        counted_from: "submitted",
        incoming: null,
        reference: "12/BC-VP",
        days_late: 0,
        errors: 0,
        file: "nop/vp.yaml",
      },
      {
        ...base,
        code: "VKT",
        name: "Viện Kinh tế xây dựng",
        state: "late",
        submitted: "2022-06-12",
        arrived: "2022-06-12",
        counted_from: "submitted",
        incoming: null,
        reference: "125/BC-VKT",
        days_late: 3,
        errors: 0,
        file: "nop/vkt.yaml",
      },
      {
        ...base,
        code: "VQH",
        name: "Viện Quy hoạch đô thị và nông thôn quốc gia",
        state: "late",
        submitted: "2022-06-10",
        arrived: "2022-06-10",
        counted_from: "submitted",
        incoming: null,
        reference: null,
        days_late: 1,
        errors: 0,
        file: "nop/vqh.yaml",
      },
      {
        ...base,
        code: "CGD",
        name: "Cục Giám định nhà nước về chất lượng công trình xây dựng",
        state: "missing",
        submitted: null,
        arrived: null,
        counted_from: null,
        incoming: null,
        reference: null,
        days_late: null,
        errors: null,
        file: null,
      },
      {
        ...base,
        code: "HVCB",
        name: "Học viện Cán bộ quản lý xây dựng và đô thị",
        state: "invalid",
        submitted: null,
        arrived: null,
        counted_from: null,
        incoming: null,
        reference: null,
        days_late: null,
        errors: 2,
        file: "nop/hvcb.yaml",
      },
      {
        ...base,
        code: "TTTT",
        name: "Trung tâm Thông tin",
        state: "on-time",
        submitted: "2022-06-07",
        arrived: "2022-06-07",
        counted_from: "submitted",
        incoming: null,
        reference: "7/BC-TTTT",
        days_late: 0,
        errors: 0,
        file: "nop/tttt.yaml",
      },
      {
        code: "XYZ",
        name: "Ban Quản lý dự án XYZ",
        registered: false,
        state: "invalid",
        submitted: null,
        arrived: null,
        counted_from: null,
        incoming: null,
        reference: null,
        days_late: null,
        errors: 1,
        file: "nop/xyz.yaml",
      },
    ]);
  });
});

describe("choosing the period and the deadline", () => {
  it("uses the configuration's deadline over the catalogue's", async () => {
    const dir = folder(standardFiles(), makeConfig(REGISTRY, { deadlines: { "semi-annual": "2022-06-12" } }));
    const result = await ok(["nop"], dir, "2022-06-20");
    expect(result.deadline).toBe("2022-06-12");
    expect(result.deadlineDay).toBe("late");
    expect(result.daysLeft).toBe(-8);
    // Before 12/6: received on the 12th is 1 day late, on the 10th on time.
    expect(row(result, "VKT")).toMatchObject({ state: "late", days: 1 });
    expect(row(result, "VQH")).toMatchObject({ state: "on-time" });
    expect(result.totals).toMatchObject({ onTime: 3, late: 1 });
  });

  it("reads the deadline day as the catalogue says unless the configuration says otherwise", async () => {
    const files = { "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-10" }) };
    // The 2022 letter: "trước ngày 10/6/2022 … (tính theo dấu công văn đến)".
    const literal = await ok(["nop"], folder(files), "2022-06-20");
    expect(literal.deadlineDay).toBe("late");
    expect(row(literal, "VP")).toMatchObject({ state: "late", days: 1 });
    const lenient = await ok(
      ["nop"],
      folder(files, makeConfig(REGISTRY, { deadline_day: "on-time" })),
      "2022-06-20",
    );
    expect(lenient.deadlineDay).toBe("on-time");
    expect(row(lenient, "VP")).toMatchObject({ state: "on-time" });
    expect(JSON.parse(formatStatusJson(lenient)).deadline_day).toBe("on-time");
  });

  it("selects the period's files with --period: a unit whose only file is of the other period has not reported", async () => {
    const dir = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09" }),
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { period: "annual", submitted: "2022-12-09" }),
      "nop/vkt-6t.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { submitted: "2022-06-08" }),
    });
    const result = await ok(["nop"], dir, "2022-12-09", { period: "annual" });
    expect(result.period).toBe("annual");
    expect(result.deadline).toBe("2022-12-10");
    expect(result.daysLeft).toBe(1);
    expect(row(result, "VKT")).toMatchObject({ state: "on-time", submitted: "2022-12-09" });
    expect(row(result, "VP")).toMatchObject({ state: "missing" });
    // Neither invalid nor a duplicate of VKT's annual file: left out, and said so.
    expect(result.skipped).toEqual([
      { file: "nop/vkt-6t.yaml", year: 2022, period: "semi-annual" },
      { file: "nop/vp.yaml", year: 2022, period: "semi-annual" },
    ]);
    expect(result.duplicates).toEqual([]);
    expect(result.totals).toMatchObject({ submitted: 1, missing: 5, invalid: 0, duplicates: 0 });
    expect(result.files).toBe(1);
    expect(failures(result, ["invalid"])).toEqual([]);
  });

  it("keeps a broken file whose period cannot be read: it is invalid, not skipped", async () => {
    const dir = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ").replace("period: semi-annual", "period: 6-thang"),
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { period: "annual", submitted: "2022-12-09" }),
    });
    const result = await ok(["nop"], dir, "2022-12-20", { period: "annual" });
    expect(result.skipped).toEqual([]);
    expect(row(result, "VP")).toMatchObject({ state: "invalid" });
  });

  it("counts as received only the files received by the as-of day", async () => {
    const dir = folder(standardFiles());
    const result = await ok(["nop"], dir, "2022-06-09");
    // VKT (12/6) and VQH (10/6) had not arrived on 9/6: missing then, not late.
    expect(row(result, "VKT")).toMatchObject({ state: "missing" });
    expect(row(result, "VQH")).toMatchObject({ state: "missing" });
    expect(row(result, "VP")).toMatchObject({ state: "on-time" });
    expect(result.later).toEqual([
      { file: "nop/vkt.yaml", code: "VKT", submitted: "2022-06-12", year: 2022, period: "semi-annual" },
      { file: "nop/vqh.yaml", code: "VQH", submitted: "2022-06-10", year: 2022, period: "semi-annual" },
    ]);
    expect(result.totals).toMatchObject({ submitted: 2, onTime: 2, late: 0, missing: 3 });
    expect(JSON.parse(formatStatusJson(result)).later).toEqual(result.later);
  });

  it("takes the period from the files when they agree", async () => {
    const dir = folder({
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { period: "annual", submitted: "2022-12-12" }),
    });
    const result = await ok(["nop"], dir, "2022-12-20");
    expect(result).toMatchObject({ period: "annual", deadline: "2022-12-10", daysLeft: -10 });
    expect(row(result, "VKT")).toMatchObject({ state: "late", days: 3 });
    expect(result.totals).toMatchObject({ mustReport: 6, submitted: 1, missing: 5 });
  });

  it("refuses to guess when the files belong to different periods", async () => {
    const dir = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ"),
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { period: "annual", submitted: "2022-12-09" }),
    });
    expect(await status(["nop"], { cwd: dir, asOf: "2022-12-20" })).toEqual({
      ok: false,
      problem: "periods-differ",
      params: { periods: "semi-annual, annual" },
    });
  });

  it("refuses to guess when the files belong to different years", async () => {
    const dir = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { year: 2023 }),
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng"),
    });
    expect(await status(["nop"], { cwd: dir, asOf: "2022-06-20" })).toEqual({
      ok: false,
      problem: "years-differ",
      params: { years: "2022, 2023" },
    });
    // With the year given, the other year's file is left out: VP has not reported for 2022.
    const result = await ok(["nop"], dir, "2022-06-20", { year: 2022 });
    expect(row(result, "VP")).toMatchObject({ state: "missing" });
    expect(row(result, "VKT")).toMatchObject({ state: "on-time" });
    expect(result.skipped).toEqual([{ file: "nop/vp.yaml", year: 2023, period: "semi-annual" }]);
  });

  it("asks for --period when no file says which period it is", async () => {
    const dir = folder({ "nop/broken.yaml": "unit: [unclosed\n" });
    expect(await status(["nop"], { cwd: dir, asOf: "2022-06-01" })).toMatchObject({
      ok: false,
      problem: "period-unknown",
    });
    const result = await ok(["nop"], dir, "2022-06-01", { period: "semi-annual" });
    expect(result.unidentified).toEqual([{ file: "nop/broken.yaml", errors: 1 }]);
    expect(result.totals).toMatchObject({ missing: 6, unidentified: 1 });
    expect(failures(result, ["invalid"])).toEqual(["invalid"]);
    const text = formatStatusText(result, "vi");
    expect(text).toContain("Tệp không xác định được đơn vị: nop/broken.yaml (không hợp lệ (1 lỗi))\n");
    expect(text).toContain("không rõ đơn vị: 1)\n");
  });

  it("needs a configuration with a registry", async () => {
    const dir = folder(standardFiles(), null);
    expect(await status(["nop"], { cwd: dir, asOf: "2022-06-20" })).toEqual({
      ok: false,
      problem: "config-required",
      params: {},
    });
    // A registry without units is refused by the configuration's schema (units: at least one).
    const empty = folder(standardFiles(), makeConfig([]));
    expect(await status(["nop"], { cwd: empty, asOf: "2022-06-20" })).toMatchObject({
      ok: false,
      problem: "config-invalid",
    });
  });

  it("refuses an as-of day that is not a date", async () => {
    const dir = folder(standardFiles());
    expect(await status(["nop"], { cwd: dir, asOf: "2022-02-30" })).toMatchObject({
      ok: false,
      problem: "bad-option",
      params: { option: "asOf", value: "2022-02-30", expected: "YYYY-MM-DD" },
    });
  });

  it("passes a broken configuration's problem on", async () => {
    const dir = folder(standardFiles(), { ...makeConfig(REGISTRY), recipients: [] });
    const result = await status(["nop"], { cwd: dir, asOf: "2022-06-20" });
    expect(result).toMatchObject({ ok: false, problem: "config-invalid" });
  });
});

describe("keeping digests instead of reports", () => {
  it("gives validation's outcomes with each valid report's digest in place of the report", async () => {
    const dir = folder({
      ...standardFiles(),
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", {
        submitted: "2022-06-12",
        reference: "12/BC-VP",
        activities: [{ date: "2022-03-08", group: "communication", title: "Tọa đàm", with: ["VKT", "XYZ"] }],
        waivers: [{ rule: "late-submission", reason: "Đã báo cáo Lãnh đạo Bộ" }],
      }),
    });
    const full = await validate(["nop"], { cwd: dir, select: true, receivedBy: "2022-06-20" });
    const digests = await validate(["nop"], {
      cwd: dir,
      select: true,
      receivedBy: "2022-06-20",
      digestOnly: true,
    });
    if (!full.ok || !digests.ok) throw new Error("validation failed");
    expect(digests.files.some((f) => f.report)).toBe(false);
    expect(digests.files.map((f) => f.digest)).toEqual(
      full.files.map((f) => (f.report ? digestOf(f.report) : undefined)),
    );
    expect(digests.files.map(({ digest: _, ...f }) => f)).toEqual(full.files.map(({ report: _, ...f }) => f));
    // The digest carries what the rules across files and status read: partners, waivers, the receipt.
    const vp = digests.files.find((f) => f.unit?.code === "VP");
    expect(vp?.digest).toEqual({
      year: 2022,
      period: "semi-annual",
      submitted: "2022-06-12",
      reference: "12/BC-VP",
      activities: [{ with: ["VKT", "XYZ"] }],
      waivers: [{ rule: "late-submission", reason: "Đã báo cáo Lãnh đạo Bộ" }],
    });
    expect(vp?.diagnostics.map((d) => [d.rule, Boolean(d.waived)])).toEqual([
      ["late-submission", true],
      ["unknown-partner", false],
    ]);
    expect(digests.files.filter((f) => f.digest).length).toBeGreaterThan(1);
  });

  it("reads the same rows from digests as from reports", async () => {
    const dir = folder(standardFiles());
    const result = await ok(["nop"], dir, "2022-06-20");
    const entries = await validate(["nop"], { cwd: dir, select: true, receivedBy: "2022-06-20" });
    if (!entries.ok) throw new Error("validation failed");
    const rule = deadlineRule(entries.catalog, "semi-annual", entries.config!.config);
    const fromReports = submissions(
      REGISTRY,
      entries.files.flatMap((f) => submissionEntry(f) ?? []),
      rule,
    );
    // Status shows names as the registry's, composed (NFC).
    const composed = fromReports.map((r) => ({ ...r, name: r.name.normalize("NFC") }));
    expect(result.rows.map(({ registered: _, ...r }) => r)).toEqual(composed);
    expect(result.rows.map((r) => r.state)).toEqual(
      expect.arrayContaining(["on-time", "late", "invalid", "missing"]),
    );
  });
});
