// Realistic unit files in quantity, for the many-files validation bench and the tests that compare
// the fast positions with the full reading: every group and sub-task, figures and texts varied by a
// seeded generator, a chosen share of files with one warning each.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A seeded linear congruential generator, so that a run's files are the same every time. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => (a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const UNITS = [
  "Viện Kinh tế xây dựng",
  "Văn phòng Bộ",
  "Trường Đại học Xây dựng Hà Nội",
  "Học viện Cán bộ quản lý xây dựng và đô thị",
  "Cục Quản lý hoạt động xây dựng",
  "Báo Xây dựng",
  "Vụ Tổ chức cán bộ",
  "Trường Cao đẳng Xây dựng số 1",
];
const PEOPLE = [
  "Nguyễn Thị Lan",
  "Trần Văn Minh",
  "Lê Thị Hồng Hạnh",
  "Phạm Quốc Hùng",
  "Đỗ Thị Thanh Hương",
];
const SUMMARIES = [
  "Ban hành Kế hoạch số {n}/KH ngày {d}/4/2022 triển khai công tác bình đẳng giới năm 2022.",
  "Lồng ghép chỉ tiêu bình đẳng giới vào kế hoạch công tác năm; {n} văn bản được ban hành.",
  "Tổ chức {n} hoạt động tuyên truyền với sự tham gia của cán bộ, viên chức, người lao động.",
  "Rà soát đội ngũ cán bộ nữ lãnh đạo, quản lý; ban hành kế hoạch đào tạo, bồi dưỡng giai đoạn 2022 - 2025.",
  "Hưởng ứng Tháng hành động quốc gia về phòng, chống bạo lực gia đình; treo khẩu hiệu tại trụ sở.",
  "Phổ biến Luật Bình đẳng giới; đăng {n} tin, bài trên cổng thông tin điện tử của đơn vị.",
  "Kiện toàn Ban vì sự tiến bộ của phụ nữ; chế độ thông tin, báo cáo được thực hiện đầy đủ.",
];
const TITLES = [
  "Tọa đàm kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8/3",
  "Hội nghị tuyên truyền về bình đẳng giới",
  "Phát động Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
  "Tập huấn nghiệp vụ công tác bình đẳng giới cho thành viên Ban",
  "Tọa đàm “Xây dựng gia đình hạnh phúc, tiến bộ” nhân Ngày Gia đình Việt Nam 28/6",
];
const POINTS = [
  "Lãnh đạo đơn vị quan tâm, chỉ đạo sát sao công tác bình đẳng giới.",
  "Kinh phí cho hoạt động còn hạn chế.",
  "Nhiệm vụ chuyên môn nhiều, thời gian dành cho hoạt động của Ban chưa nhiều.",
  "Tiếp tục tổ chức lớp bồi dưỡng cho cán bộ nữ trong diện quy hoạch.",
  "Đề nghị Bộ bố trí kinh phí tập huấn nghiệp vụ cho thành viên Ban.",
  "Nhận thức của cán bộ, viên chức về bình đẳng giới từng bước được nâng lên.",
];

/** The warnings a generated file may carry, one per file that has any. */
export const WARNINGS = ["overspent", "late-submission", "done-without-figures"];

/**
 * The text of unit file `i` (1-based): `warning` is one of WARNINGS or undefined. Dates are quoted
 * so that js-yaml (ajv-cli) reads them as text, as geq does.
 */
export function unitText(i, warning, random = seeded(i)) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const people = (max) => {
    const total = int(1, max);
    return `{ total: ${total}, female: ${int(0, total)} }`;
  };
  const summary = () =>
    pick(SUMMARIES)
      .replace("{n}", String(int(1, 40)))
      .replace("{d}", String(int(1, 28)));
  const code = `DV${String(i).padStart(4, "0")}`;
  const employees = int(40, 600);
  const planned = int(10, 90) * 1_000_000;
  const spent =
    warning === "overspent" ? planned + int(1, 20) * 100_000 : int(0, planned / 100_000) * 100_000;
  const submitted = warning === "late-submission" ? `2022-12-${int(11, 20)}` : `2022-12-0${int(1, 9)}`;
  const done = (key, figures) => [
    `    ${key}:`,
    "      status: done",
    `      summary: ${summary()}`,
    ...figures.map(([k, v]) => `      ${k}: ${v}`),
  ];
  const policyCount = warning === "done-without-figures" ? 0 : int(1, 5);
  const lines = [
    "# yaml-language-server: $schema=../../schemas/unit-report.schema.json",
    "format: geq/unit-report/v1",
    "unit:",
    `  code: ${code}`,
    `  name: ${pick(UNITS)} ${i}`,
    "year: 2022",
    "period: annual",
    `submitted: "${submitted}"`,
    `reference: ${int(10, 400)}/BC-${code}`,
    "signer:",
    `  position: ${pick(["VIỆN TRƯỞNG", "CHÁNH VĂN PHÒNG", "HIỆU TRƯỞNG", "VỤ TRƯỞNG"])}`,
    `  name: ${pick(PEOPLE)}`,
    "contact:",
    `  name: ${pick(PEOPLE)}`,
    "  position: Phó Trưởng Ban vì sự tiến bộ của phụ nữ",
    `  phone: "024 39${int(10, 99)} ${String(int(0, 9999)).padStart(4, "0")}"`,
    `  email: ban.bdg@${code.toLowerCase()}.example.vn`,
    "",
    "staff:",
    `  employees: { total: ${employees}, female: ${int(0, employees)} }`,
    `  unit_leaders: ${people(5)}`,
    `  division_leaders: ${people(30)}`,
    `  succession_pool: ${people(35)}`,
    "",
    "tasks:",
    "  coordination:",
    ...done("policy", [["documents_issued", policyCount]]),
    "    law_review:",
    "      status: in_progress",
    "      summary: Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.",
    `      proposals: ${int(0, 3)}`,
    ...done("national_programs", [["plans_issued", int(1, 4)]]),
    ...done("mainstreaming", [["plans_mainstreamed", int(1, 6)]]),
    ...done("covid_recovery", [
      ["beneficiaries", people(60)],
      ["support_vnd", int(1, 50) * 1_000_000],
    ]),
    "    gbv_response:",
    "      status: not_applicable",
    "      summary: Không phát sinh vụ việc.",
    "      cases_reported: 0",
    "      cases_resolved: 0",
    "      victims_supported: 0",
    "  female_cadres:",
    ...done("leadership_review", [["plans_issued", int(1, 3)]]),
    "    leadership_training:",
    "      status: in_progress",
    `      summary: ${summary()}`,
    `      classes: ${int(0, 3)}`,
    `      participants: ${people(20)}`,
    ...done("political_communication", [
      ["events", int(1, 6)],
      ["participants", people(150)],
    ]),
    "  communication:",
    ...done("dissemination", [
      ["events", int(1, 8)],
      ["participants", people(250)],
      ["online_items", int(0, 60)],
    ]),
    "    committee_training:",
    "      status: not_started",
    "      classes: 0",
    "      forums: 0",
    ...done("action_months", [
      ["events", int(1, 6)],
      ["participants", people(200)],
    ]),
    "  inspection:",
    "    inspection:",
    "      status: in_progress",
    `      summary: ${summary()}`,
    "      plan_issued: true",
    `      inspections: ${int(0, 3)}`,
    "      cross_inspections: 0",
    "  committee:",
    ...done("planning", [["documents_issued", int(1, 3)]]),
    ...done("consolidation", [
      ["decision", `Quyết định số ${int(1, 99)}/QĐ-${code} ngày 15/3/2022`],
      ["members", people(12)],
    ]),
    "",
    "activities:",
    ...Array.from({ length: int(1, 4) }, () => [
      `  - date: "2022-${String(int(1, 11)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}"`,
      `    group: ${pick(["communication", "female_cadres", "committee"])}`,
      `    title: ${pick(TITLES)}`,
      `    participants: ${people(120)}`,
    ]).flat(),
    "",
    "budget:",
    `  planned_vnd: ${planned}`,
    `  spent_vnd: ${spent}`,
    "",
    "assessment:",
    "  strengths:",
    `    - ${pick(POINTS)}`,
    "  limitations:",
    `    - ${pick(POINTS)}`,
    "  causes:",
    `    - ${pick(POINTS)}`,
    "next_steps:",
    `  - ${pick(POINTS)}`,
    "recommendations:",
    `  - ${pick(POINTS)}`,
    "",
  ];
  return lines.join("\n");
}

/**
 * Writes `n` unit files into `dir`; `warned` of every 25 files (4 → 16%) carry one warning each,
 * the warnings taken in turn. Returns the files' names.
 */
export function generateUnitFiles(dir, n, warned = 4) {
  mkdirSync(dir, { recursive: true });
  const names = [];
  let w = 0;
  for (let i = 1; i <= n; i++) {
    const warning = i % 25 < warned ? WARNINGS[w++ % WARNINGS.length] : undefined;
    const name = `dv${String(i).padStart(4, "0")}.yaml`;
    writeFileSync(join(dir, name), unitText(i, warning));
    names.push(name);
  }
  return names;
}
