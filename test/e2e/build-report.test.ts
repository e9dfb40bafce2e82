import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { docxToPdfText } from "../helpers/office.js";
import { applyEdit, toYaml, validConfig, validUnit, type Data } from "../helpers/unit-yaml.js";
import { documentText } from "../document/docx-xml.js";

const root = resolve(import.meta.dirname, "../..");
const geq = join(root, "bin", "geq.js");
const examples = join(root, "examples");

function run(args: string[], cwd = root) {
  const r = spawnSync("node", [geq, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);

describe("geq build-report on the examples", () => {
  const dir = mkdtempSync(join(tmpdir(), "geq-build-"));
  const kinds = [
    {
      name: "semi-annual",
      args: [
        "build-report",
        join(examples, "2022/semi-annual"),
        "--config",
        join(examples, "geq.yaml"),
        "--date",
        "2022-06-20",
      ],
      out: "bao-cao-so-ket-6-thang-2022.docx",
      subject: "Sơ kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022",
      signer: "Phạm Minh Đức",
      appendices: ["Phụ lục I", "Phụ lục III", "Phụ lục IV", "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ"],
    },
    {
      name: "annual",
      args: [
        "build-report",
        join(examples, "2022/annual"),
        "--config",
        join(examples, "geq.yaml"),
        "--compare",
        join(examples, "2022/semi-annual"),
        "--date",
        "2022-12-20",
        "--number",
        "215",
      ],
      out: "bao-cao-tong-ket-nam-2022.docx",
      subject: "Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022",
      signer: "Phạm Minh Đức",
      appendices: ["Phụ lục I", "Phụ lục III", "Phụ lục IV", "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ"],
    },
    {
      name: "unit",
      args: ["build-report", join(examples, "2022/annual/vkt.yaml"), "--no-config"],
      out: "vkt-bao-cao-tong-ket-nam-2022.docx",
      subject: "Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2022",
      signer: undefined,
      appendices: [],
    },
  ];

  for (const kind of kinds) {
    it(`builds the ${kind.name} report under its default name, and LibreOffice reads it back`, async () => {
      const cwd = join(dir, kind.name);
      mkdirSync(cwd, { recursive: true });
      const r = run(kind.args, cwd);
      expect(r.code, r.stderr).toBe(0);
      noStack(r.stderr);
      expect(r.stdout).toContain(kind.out);
      const docx = new Uint8Array(readFileSync(join(cwd, kind.out)));
      const text = (await docxToPdfText(docx)).replace(/\s+/g, " ");
      for (const expected of [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Nơi nhận",
        "I. TÌNH HÌNH CHUNG",
        "II. KẾT QUẢ THỰC HIỆN",
        ...kind.appendices,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toContain(kind.subject.slice(0, 40));
      if (kind.signer) expect(text).toContain(kind.signer);
      if (kind.name === "annual") {
        expect(text).toContain("Số: 215/BC-BXD");
        expect(text).toContain("2282/QĐ-TTg");
      }
      if (kind.name === "unit") {
        expect(text).toContain("Kính gửi");
        expect(text).toContain("VIỆN KINH TẾ XÂY DỰNG");
        // Its figures are in section I: a one-row appendix would only repeat them.
        expect(text).not.toContain("Phụ lục");
      } else {
        // The report sent outside (the examples' audience) leaves the list of submissions out.
        expect(text).not.toContain("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ");
      }
    });
  }

  it("gives byte-identical files for the same inputs and --date", () => {
    const a = join(dir, "a.docx");
    const b = join(dir, "b.docx");
    expect(run([...kinds[0]!.args, "-o", a]).code).toBe(0);
    expect(run([...kinds[0]!.args, "-o", b]).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});

/** A held-out set: random figures, summed here independently of geq. */
function randomUnits(seed: number, n: number): Data[] {
  let state = seed;
  const rnd = (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % (max + 1);
  };
  return Array.from({ length: n }, (_, i) => {
    const employees = 20 + rnd(900);
    const female = rnd(employees);
    const leaders = 1 + rnd(Math.min(6, employees - 1));
    const pool = rnd(Math.min(60, employees));
    const classes = 1 + rnd(9);
    const participants = rnd(300);
    return applyEdit(validUnit(), {
      "unit.code": `U${String(i + 1).padStart(3, "0")}`,
      "unit.name": `Đơn vị kiểm thử số ${i + 1}`,
      submitted: i % 7 === 3 ? "2022-06-14" : "2022-06-09",
      "staff.employees": { total: employees, female },
      "staff.unit_leaders": { total: leaders, female: rnd(leaders) },
      "staff.division_leaders": { total: Math.min(employees, 10 + rnd(30)), female: rnd(10) },
      "staff.succession_pool": { total: pool, female: rnd(pool) },
      "tasks.female_cadres.leadership_training": {
        status: "done",
        summary: `Tổ chức ${classes} lớp bồi dưỡng.`,
        classes,
        participants: { total: participants, female: rnd(participants) },
      },
      budget: { planned_vnd: 10_000_000 + rnd(90) * 1_000_000, spent_vnd: rnd(10) * 1_000_000 },
    });
  });
}

const vn = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const share = (part: number, whole: number) => {
  const tenths = Math.floor((part * 2000) / whole + 1) >> 1;
  return `${Math.floor(tenths / 10)},${tenths % 10}%`;
};

describe("figures of a consolidated report equal sums computed independently", () => {
  const dir = mkdtempSync(join(tmpdir(), "geq-figures-"));
  const units = randomUnits(20220610, 23);
  let text = "";
  beforeAll(() => {
    mkdirSync(join(dir, "files"));
    for (const u of units) {
      const code = (u.unit as Data).code as string;
      writeFileSync(join(dir, "files", `${code.toLowerCase()}.yaml`), toYaml(u));
    }
    const registry = [...units.map((u) => u.unit as Data), { code: "MISS", name: "Đơn vị chưa gửi" }];
    writeFileSync(
      join(dir, "geq.yaml"),
      toYaml(applyEdit(validConfig(), { units: registry }), { modeline: false }),
    );
    const r = run(["build-report", "files", "--date", "2022-06-20", "-o", "r.docx"], dir);
    expect(r.code, r.stderr).toBe(0);
    text = documentText(new Uint8Array(readFileSync(join(dir, "r.docx"))));
  });

  it("sums staff figures and computes shares from the totals", () => {
    const sum = (key: string, field: "total" | "female") =>
      units.reduce((s, u) => s + (((u.staff as Data)[key] as Data)[field] as number), 0);
    for (const key of ["employees", "unit_leaders", "division_leaders", "succession_pool"]) {
      const total = sum(key, "total");
      const female = sum(key, "female");
      expect(text).toContain(
        `${vn(total)} người, trong đó nữ ${vn(female)} người (chiếm ${share(female, total)})`,
      );
    }
  });

  it("sums indicators, people and funding", () => {
    const tasks = units.map((u) => ((u.tasks as Data).female_cadres as Data).leadership_training as Data);
    const classes = tasks.reduce((s, t) => s + (t.classes as number), 0);
    const people = tasks.reduce((s, t) => s + ((t.participants as Data).total as number), 0);
    const women = tasks.reduce((s, t) => s + ((t.participants as Data).female as number), 0);
    expect(text).toContain(
      `${vn(classes)} lớp bồi dưỡng cho ${vn(people)} lượt người, trong đó ${vn(women)} nữ`,
    );
    const planned = units.reduce((s, u) => s + ((u.budget as Data).planned_vnd as number), 0);
    const spent = units.reduce((s, u) => s + ((u.budget as Data).spent_vnd as number), 0);
    expect(text).toContain(
      `Tổng kinh phí dự toán của các đơn vị là ${vn(planned)} đồng; kinh phí đã sử dụng là ${vn(spent)} đồng`,
    );
  });

  it("names the missing unit and the late ones with their days", () => {
    expect(text).toContain("Đơn vị chưa gửi");
    const late = units
      .filter((u) => u.submitted === "2022-06-14")
      .map((u) => (u.unit as Data).name as string);
    expect(late.length).toBeGreaterThan(0);
    // Received on 14/6 when the letter says "trước ngày 10/6": 5 days late.
    for (const name of late) expect(text).toMatch(new RegExp(`${name} \\(chậm 05 ngày\\)`));
  });
});

describe("build-report refuses bad input and loses nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "geq-refuse-"));
  beforeAll(() => {
    mkdirSync(join(dir, "files"));
    writeFileSync(join(dir, "geq.yaml"), toYaml(validConfig(), { modeline: false }));
    writeFileSync(join(dir, "files", "vkt.yaml"), toYaml(validUnit()));
    const bad = applyEdit(validUnit(), {
      "unit.code": "VP",
      "unit.name": "Văn phòng Bộ",
      "staff.unit_leaders": { total: 4, female: 5 },
    });
    writeFileSync(join(dir, "files", "vp.yaml"), toYaml(bad));
  });

  it("exits 1, lists why, and leaves an existing report untouched", () => {
    const existing = join(dir, "bao-cao.docx");
    writeFileSync(existing, "previous report");
    const r = run(["build-report", "files", "-o", "bao-cao.docx"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/files\/vp\.yaml:\d+:\d+ lỗi .*people-female-le-total/);
    noStack(r.stderr);
    expect(readFileSync(existing, "utf8")).toBe("previous report");
  });

  it("with --skip-invalid builds from the valid files and names the rejected unit", () => {
    const r = run(
      ["build-report", "files", "--skip-invalid", "--date", "2022-06-20", "-o", "skip.docx"],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const text = documentText(new Uint8Array(readFileSync(join(dir, "skip.docx"))));
    expect(text).toContain("Văn phòng Bộ");
    expect(text).toMatch(/không hợp lệ/);
  });

  it("refuses to write over an input file", () => {
    const before = readFileSync(join(dir, "files", "vkt.yaml"), "utf8");
    const r = run(["build-report", "files/vkt.yaml", "--no-config", "-o", "files/vkt.yaml"], dir);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(readFileSync(join(dir, "files", "vkt.yaml"), "utf8")).toBe(before);
  });

  it("exits 2 for a broken template folder, writing nothing", () => {
    mkdirSync(join(dir, "tpl"));
    writeFileSync(join(dir, "tpl", "unit.hbs"), "{{#if}}broken");
    const r = run(
      ["build-report", "files/vkt.yaml", "--no-config", "--template", "tpl", "-o", "t.docx"],
      dir,
    );
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(existsSync(join(dir, "t.docx"))).toBe(false);
  });

  it("keeps hostile unit text literal, NFC, without control characters, and the file opens", async () => {
    const hostile = applyEdit(validUnit(), {
      "tasks.coordination.policy.summary":
        "<b>đậm</b> {{x}} &amp; *a* " + "Tiến bộ".normalize("NFD") + " trang\fmới",
    });
    writeFileSync(join(dir, "hostile.yaml"), toYaml(hostile));
    const r = run(["build-report", "hostile.yaml", "--no-config", "-o", "hostile.docx"], dir);
    expect(r.code, r.stderr).toBe(0);
    const docx = new Uint8Array(readFileSync(join(dir, "hostile.docx")));
    const text = documentText(docx);
    expect(text).toContain("<b>đậm</b> {{x}} &amp; *a* Tiến bộ trangmới");
    expect(text).not.toContain("Tiến bộ".normalize("NFD"));
    expect(await docxToPdfText(docx)).toContain("{{x}}");
  });
});
