/**
 * `geq status` as a user runs it: the built CLI (`npm run build` first), in a folder of
 * submissions, checking exit codes, output formats, language and colour.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysBetween, isoDateOf } from "../../src/dates.js";
import { makeConfig } from "../helpers/unit-report.js";
import { makeFolder, REGISTRY, standardFiles, unitFile } from "../status/fixture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/geq.js");
const ESC = "\u001b[";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a plain user: no colour or language forced by whoever runs the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "LANG", "LC_ALL", "LC_MESSAGES"]) delete env[k];
  return { ...env, ...extra };
}

function geq(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`), where colour depends on NO_COLOR. */
function geqOnTerminal(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd,
    env: cleanEnv(env),
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hasScript = spawnSync("script", ["-qec", "true", "/dev/null"]).status === 0;

function noStack(r: Run) {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).not.toContain("lỗi nội bộ");
}

const folders: string[] = [];
function folder(...args: Parameters<typeof makeFolder>): string {
  const dir = makeFolder(...args);
  folders.push(dir);
  return dir;
}

beforeAll(() => {
  for (const f of ["dist/cli.js", "dist/status.js", "dist/output/status.js"]) {
    if (!existsSync(join(ROOT, f)))
      throw new Error(`${f} is missing: run \`npm run build\` before the e2e tests`);
  }
});
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe("geq status", () => {
  const dir = folder(standardFiles());

  it("prints the table and exits 0 even with missing and invalid units", () => {
    const r = geq(["status", "nop", "--as-of", "2022-06-20"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Tình hình gửi báo cáo sơ kết 6 tháng đầu năm 2022 (hạn gửi: trước ngày 10/06/2022; tính đến ngày 20/06/2022)",
    );
    expect(lines[3]).toMatch(/^VP {4}Văn phòng Bộ {2,}đúng hạn {2,}09\/06\/2022 {2}12\/BC-VP$/);
    expect(lines[4]).toMatch(
      /^VKT {3}Viện Kinh tế xây dựng {2,}chậm 3 ngày {2,}12\/06\/2022 {2}125\/BC-VKT$/,
    );
    expect(lines[6]).toMatch(/^CGD {3}Cục Giám định .* {2}chưa gửi$/);
    expect(r.stdout).toContain(
      "\nPhải báo cáo: 6; đã gửi: 4 (đúng hạn: 2, chậm: 2); chưa gửi: 1; không hợp lệ: 2 (trong đó ngoài danh sách: 1)\n",
    );
    expect(r.stdout).toContain(
      "\nĐã quá hạn gửi báo cáo (trước ngày 10/06/2022); báo cáo nhận ngày 20/06/2022 là chậm 11 ngày\n",
    );
    // Piped: no colour.
    expect(r.stdout).not.toContain(ESC);
  });

  it("exits 1 when a condition named by --fail-on occurs, and says which", () => {
    const invalid = geq(["status", "nop", "--as-of", "2022-06-20", "--fail-on", "invalid"], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe("geq: có đơn vị thuộc trường hợp nêu ở --fail-on: invalid\n");
    expect(invalid.stdout).toContain("Phải báo cáo: 6");

    const several = geq(
      ["status", "nop", "--as-of", "2022-06-20", "--fail-on", "missing,late", "--fail-on", "invalid"],
      dir,
    );
    expect(several.code).toBe(1);
    expect(several.stderr).toBe("geq: có đơn vị thuộc trường hợp nêu ở --fail-on: missing, late, invalid\n");
  });

  it("exits 0 with --fail-on when every unit sent a valid file on time", () => {
    const registry = REGISTRY.slice(0, 2);
    const done = folder(
      {
        "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09" }),
        "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { submitted: "2022-06-01" }),
      },
      makeConfig(registry),
    );
    const r = geq(["status", "nop", "--as-of", "2022-06-09", "--fail-on", "missing,late,invalid"], done);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      "\nNgày 09/06/2022 là ngày cuối cùng gửi báo cáo đúng hạn (trước ngày 10/06/2022)\n",
    );
    // Before the last day, the days left to the deadline.
    const early = geq(["status", "nop", "--as-of", "2022-06-05"], done);
    expect(early.stdout).toContain("\nCòn 05 ngày đến hạn gửi báo cáo (trước ngày 10/06/2022)\n");
    // A file received after the as-of day is not yet received, and the note says so.
    expect(early.stdout).toMatch(/^VP {2,}Văn phòng Bộ {2,}chưa gửi$/m);
    expect(early.stderr).toBe(
      "Không tính 1 tệp nhận sau ngày 05/06/2022; tính đến ngày đó, các đơn vị sau được coi là chưa gửi: VP.\n",
    );
    // Late alone fails only when asked about.
    const late = folder(
      { "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-11" }) },
      makeConfig(registry.slice(0, 1)),
    );
    expect(geq(["status", "nop", "--as-of", "2022-06-12", "--fail-on", "missing,invalid"], late).code).toBe(
      0,
    );
    expect(geq(["status", "nop", "--as-of", "2022-06-12", "--fail-on", "late"], late).code).toBe(1);
  });

  it("prints one JSON document with --format json", () => {
    const r = geq(["status", "nop", "--as-of", "2022-06-20", "--format", "json", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      deadline: "2022-06-10",
      as_of: "2022-06-20",
      days_left: -10,
      period: "semi-annual",
    });
    expect(doc.totals).toEqual({
      must_report: 6,
      submitted: 4,
      on_time: 2,
      late: 2,
      missing: 1,
      invalid: 1,
      unregistered: 1,
      unidentified: 0,
      duplicates: 0,
    });
    expect(
      doc.rows.map((row: { code: string; state: string; days_late: number | null }) => [
        row.code,
        row.state,
        row.days_late,
      ]),
    ).toEqual([
      ["VP", "on-time", 0],
      ["VKT", "late", 3],
      ["VQH", "late", 1],
      ["CGD", "missing", null],
      ["HVCB", "invalid", null],
      ["TTTT", "on-time", 0],
      ["XYZ", "invalid", null],
    ]);
    // The --fail-on sentence goes to stderr, so stdout stays one JSON document.
    const failing = geq(
      ["status", "nop", "--as-of", "2022-06-20", "--format", "json", "--fail-on", "missing"],
      dir,
    );
    expect(failing.code).toBe(1);
    expect(() => JSON.parse(failing.stdout)).not.toThrow();
  });

  it("takes the status as of today without --as-of", () => {
    const r = geq(["status", "nop", "--format", "json"], dir);
    const today = isoDateOf(new Date());
    const doc = JSON.parse(r.stdout);
    expect(doc.as_of).toBe(today);
    expect(doc.days_left).toBe(daysBetween(today, "2022-06-10"));
  });

  it("speaks English with --lang en or an English locale", () => {
    const r = geq(["status", "nop", "--as-of", "2022-06-20", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Submissions of the semi-annual 2022 reports (due before 2022-06-10; as of 2022-06-20)",
    );
    expect(r.stdout).toMatch(
      /^VKT {3}Viện Kinh tế xây dựng {2,}late by 3 days {2,}2022-06-12 {2}125\/BC-VKT$/m,
    );
    expect(r.stdout).toContain(
      "\nThe deadline has passed (due before 2022-06-10); a report received on 2022-06-20 is 11 days late\n",
    );
    const before = geq(["status", "nop", "--as-of", "2022-06-08", "--lang", "en"], dir);
    expect(before.stdout).toContain("\n2 days left until the deadline (due before 2022-06-10)\n");
    expect(before.stderr).toMatch(
      /^Not counted: 4 files received after 2022-06-08; as of that day these units had not reported: HVCB, VKT, VP, VQH\.\n$/,
    );
    const env = geq(["status", "nop", "--as-of", "2022-06-20", "--fail-on", "late"], dir, {
      LANG: "en_GB.UTF-8",
    });
    expect(env.stdout).toContain("late by 1 day");
    expect(env.stderr).toBe("geq: conditions named by --fail-on occur: late\n");
  });

  it("reads the configuration given with --config from another folder", () => {
    const r = geq(
      ["status", join(dir, "nop"), "--config", join(dir, "geq.yaml"), "--as-of", "2022-06-20"],
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Phải báo cáo: 6");
  });

  it("pins the period with --period and refuses to guess between periods", () => {
    const mixed = folder({
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ"),
      "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", { period: "annual", submitted: "2022-12-09" }),
    });
    const guess = geq(["status", "nop"], mixed);
    expect(guess.code).toBe(2);
    expect(guess.stderr).toBe(
      "geq: các tệp thuộc nhiều kỳ báo cáo (semi-annual, annual); chọn một kỳ bằng --period\n",
    );
    const pinned = geq(
      ["status", "nop", "--period", "annual", "--as-of", "2022-12-01", "--format", "json"],
      mixed,
    );
    expect(pinned.code).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({
      period: "annual",
      deadline: "2022-12-10",
      days_left: 9,
    });
  });

  it("shows the help with an example in Vietnamese and English", () => {
    const vi = geq(["status", "--help"], dir);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("Ví dụ:");
    expect(vi.stdout).toContain("$ geq status nop-bao-cao/2022/semi-annual --fail-on missing,invalid");
    expect(vi.stdout).toContain("--fail-on <conditions>");
    const en = geq(["status", "--help", "--lang", "en"], dir);
    expect(en.stdout).toContain("Examples:");
    expect(en.stdout).toContain("submissions of the registered units");
  });
});

describe("geq status refusals", () => {
  const dir = folder(standardFiles());

  it.each([
    [
      ["--fail-on", "sometimes"],
      "geq: giá trị không hợp lệ cho --fail-on: «sometimes» (missing | late | invalid)\n",
    ],
    [["--as-of", "2022-02-30"], "geq: giá trị không hợp lệ cho --as-of: «2022-02-30» (YYYY-MM-DD)\n"],
    [
      ["--period", "quarterly"],
      "geq: giá trị không hợp lệ cho --period: «quarterly» (semi-annual | annual)\n",
    ],
    [["--format", "github"], "geq: giá trị không hợp lệ cho --format: «github» (text | json)\n"],
  ])("exits 2 on a bad option %j", (args, message) => {
    const r = geq(["status", "nop", ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(message);
  });

  it("exits 2 without a configuration, saying what is needed", () => {
    const bare = folder(standardFiles(), null);
    const r = geq(["status", "nop"], bare);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "geq: cần tệp cấu hình (--config hoặc geq.yaml trong thư mục hiện tại) có danh sách đơn vị\n",
    );
    const en = geq(["status", "nop", "--lang", "en"], bare);
    expect(en.stderr).toContain("a configuration with a registry of units is needed");
  });

  it("exits 2 on a broken configuration, with its diagnostics", () => {
    const broken = folder(standardFiles(), null);
    writeFileSync(join(broken, "geq.yaml"), "format: geq/config/v1\nunits: [\n");
    const r = geq(["status", "nop"], broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^geq\.yaml:\d+:\d+ lỗi/m);
    expect(r.stderr).toContain("geq: tệp cấu hình «geq.yaml» không hợp lệ\n");
    noStack(r);
  });

  it("exits 2 on a path that does not exist", () => {
    const r = geq(["status", "khong-co"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("geq: không tìm thấy tệp hoặc thư mục «khong-co»\n");
  });

  it("lists broken files without a stack trace", () => {
    const broken = folder({
      "nop/binary.yaml": "\u0000\u0001\u00ff garbage",
      // TCVN3-era bytes: not UTF-8.
      "nop/legacy.yaml": new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0x3a, 0x20, 0xb8, 0xd6, 0xff, 0xfe, 0x0a]),
      "nop/list.yaml": "- 1\n- 2\n",
      "nop/alias.yaml": "a: &x [1]\nb: *x\n",
      "nop/half.yaml": "format: geq/unit-report/v1\nunit: { code: VKT }\nperiod: semi-annual\n",
      "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ"),
    });
    for (const extra of [[], ["--format", "json"], ["--lang", "en"], ["--fail-on", "invalid"]]) {
      const r = geq(["status", "nop", "--as-of", "2022-06-20", ...extra], broken);
      noStack(r);
      expect(r.code).toBe(extra.includes("--fail-on") ? 1 : 0);
    }
    const text = geq(["status", "nop", "--as-of", "2022-06-20"], broken).stdout;
    expect(text).toMatch(/^VKT {3}Viện Kinh tế xây dựng {2,}không hợp lệ \(\d+ lỗi\)$/m);
    expect(text).toContain("Tệp không xác định được đơn vị: nop/alias.yaml");
  });
});

describe("geq status colour", () => {
  const dir = folder(standardFiles());
  const args = ["status", "nop", "--as-of", "2022-06-20"];

  it("colours states with FORCE_COLOR even when piped", () => {
    const r = geq(args, dir, { FORCE_COLOR: "1" });
    expect(r.stdout).toContain(`${ESC}32mđúng hạn${ESC}39m`);
    expect(r.stdout).toContain(`${ESC}33mchậm 3 ngày${ESC}39m`);
    expect(r.stdout).toContain(`${ESC}31m`);
  });

  it("colours on a terminal, and not with NO_COLOR", (ctx) => {
    if (!hasScript) ctx.skip("util-linux `script` is not installed: cannot open a pseudo-terminal");
    const tty = geqOnTerminal(args, dir);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain(`${ESC}32mđúng hạn${ESC}39m`);
    const plain = geqOnTerminal(args, dir, { NO_COLOR: "1" });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("đúng hạn");
    expect(plain.stdout).not.toContain(ESC);
  });
});
