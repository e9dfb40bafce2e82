/**
 * Test fixtures: a complete, valid unit report built from the catalogue, with overrides.
 * Every sub-task is `done` with a summary and non-zero indicators unless told otherwise; a sub-task
 * overridden to `not_started` or `not_applicable` drops the indicators it was not given, as a valid
 * file must (a non-zero indicator there is an error).
 */
import { readFileSync } from "node:fs";
import type { SubmissionEntry } from "../../src/consolidate/submissions.js";
import type { Catalog, Config, IndicatorValue, TaskReport, UnitReport } from "../../src/model.js";

let cached: Catalog | undefined;

export function testCatalog(): Catalog {
  cached ??= JSON.parse(
    readFileSync(new URL("../../schemas/catalog-2022.json", import.meta.url), "utf8"),
  ) as Catalog;
  return cached;
}

/** A default value for an indicator of the given type, small but not zero. */
export function defaultIndicator(type: string): IndicatorValue {
  switch (type) {
    case "count":
      return 1;
    case "people":
      return { total: 10, female: 6 };
    case "money":
      return 1_000_000;
    case "flag":
      return true;
    default:
      return "Quyết định số 01/QĐ-VKT ngày 15/3/2022";
  }
}

export type TaskOverrides = Record<string, Record<string, Partial<TaskReport>>>;

export type UnitReportOverrides = Partial<Omit<UnitReport, "unit" | "tasks">> & {
  unit?: Partial<UnitReport["unit"]>;
  tasks?: TaskOverrides;
};

export function makeUnitReport(
  overrides: UnitReportOverrides = {},
  catalog: Catalog = testCatalog(),
): UnitReport {
  const { unit, tasks: taskOverrides, ...rest } = overrides;
  const tasks: UnitReport["tasks"] = {};
  for (const group of catalog.groups) {
    const g: Record<string, TaskReport> = {};
    for (const task of group.tasks) {
      const given = taskOverrides?.[group.key]?.[task.key] ?? {};
      const status = given.status ?? "done";
      const active = status === "done" || status === "in_progress";
      const t: TaskReport = { status };
      if (active) t.summary = `Thực hiện nhiệm vụ: ${task.short}.`;
      if (active) for (const i of task.indicators) t[i.key] = defaultIndicator(i.type);
      Object.assign(t, given);
      g[task.key] = t;
    }
    tasks[group.key] = g;
  }
  return {
    format: "geq/unit-report/v1",
    unit: { code: "VKT", name: "Viện Kinh tế xây dựng", ...unit },
    year: 2022,
    period: "semi-annual",
    submitted: "2022-06-08",
    reference: "125/BC-VKT",
    signer: { authority: "KT. VIỆN TRƯỞNG", position: "PHÓ VIỆN TRƯỞNG", name: "Trần Văn Minh" },
    staff: {
      employees: { total: 142, female: 77 },
      unit_leaders: { total: 4, female: 1 },
      division_leaders: { total: 24, female: 10 },
      succession_pool: { total: 30, female: 13 },
    },
    tasks,
    activities: [
      {
        date: "2022-03-08",
        group: "communication",
        title: "Tọa đàm kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8/3",
        participants: { total: 80, female: 61 },
      },
    ],
    budget: { planned_vnd: 50_000_000, spent_vnd: 21_500_000 },
    assessment: {
      strengths: ["Lãnh đạo đơn vị quan tâm, chỉ đạo sát sao."],
      limitations: ["Kinh phí còn hạn chế."],
      causes: ["Nhiệm vụ chuyên môn nhiều."],
    },
    next_steps: ["Tiếp tục tổ chức lớp bồi dưỡng cho cán bộ nữ."],
    recommendations: ["Đề nghị Bộ bố trí kinh phí tập huấn."],
    ...rest,
  };
}

export function makeConfig(units: Config["units"], overrides: Partial<Config> = {}): Config {
  return {
    format: "geq/config/v1",
    catalog: "2022",
    issuer: { parent: "", name: "Bộ Xây dựng", abbreviation: "BXD", place: "Hà Nội" },
    signer: { authority: "KT. BỘ TRƯỞNG", position: "THỨ TRƯỞNG", name: "Nguyễn Văn Sinh" },
    recipients: ["Bộ trưởng (để b/c)", "Các đơn vị thuộc Bộ", "Lưu: VT, TCCB"],
    units,
    ...overrides,
  };
}

/** Submission entries of valid reports, each in its own file, then rejected units' files with their errors. */
export function entriesOf(
  reports: readonly UnitReport[],
  rejected: readonly string[] = [],
): SubmissionEntry[] {
  return [
    ...reports.map((report) => ({
      code: report.unit.code,
      name: report.unit.name,
      file: `${report.unit.code}.yaml`,
      report,
      errors: 0,
    })),
    ...rejected.map((code) => ({ code, name: code, file: `${code}.yaml`, errors: 3 })),
  ];
}
