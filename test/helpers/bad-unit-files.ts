/**
 * Unit files with the mistakes people make, one or a few each: figures, dates, statuses, the
 * YAML pitfalls of office prose, encodings. For tests that compare two ways of checking a file
 * (the command line and the form page): each must say the same of every one of them.
 */
import { unitYaml, DELETE } from "./unit-yaml.js";

const VALID = unitYaml();

/** The valid file with one line's text replaced (the edit must apply). */
function replaced(from: string, to: string): string {
  if (!VALID.includes(from)) throw new Error(`no ${from} in the valid unit file`);
  return VALID.replace(from, to);
}

export const BAD_UNIT_FILES: Record<string, string | Uint8Array> = {
  "female-over-total.yaml": unitYaml({ "staff.unit_leaders.female": 5 }),
  "leaders-over-employees.yaml": unitYaml({ "staff.division_leaders": { total: 500, female: 10 } }),
  "late.yaml": unitYaml({ submitted: "2022-06-13" }),
  "late-waived.yaml": unitYaml({
    submitted: "2022-06-13",
    waivers: [{ rule: "late-submission", reason: "Lãnh đạo đi công tác." }],
  }),
  "unknown-waiver.yaml": unitYaml({ waivers: [{ rule: "late-submision", reason: "Gõ nhầm mã." }] }),
  "format-version.yaml": unitYaml({ format: "geq/v2" }),
  "money-separators.yaml": replaced("spent_vnd: 21500000", "spent_vnd: 21.500.000"),
  "money-words.yaml": replaced("planned_vnd: 50000000", "planned_vnd: 50 triệu đồng"),
  "money-quoted.yaml": replaced("spent_vnd: 21500000", 'spent_vnd: "21500000"'),
  "typo-key.yaml": unitYaml((d) => {
    const policy = (
      (d.tasks as Record<string, unknown>).coordination as Record<string, Record<string, unknown>>
    ).policy!;
    policy.sumary = policy.summary!;
    delete policy.summary;
  }),
  "status-capital.yaml": unitYaml({ "tasks.coordination.policy.status": "Done" }),
  "summary-missing.yaml": unitYaml({ "tasks.communication.dissemination.summary": DELETE }),
  "inactive-with-figures.yaml": unitYaml({ "tasks.communication.committee_training.classes": 2 }),
  "cases-resolved.yaml": unitYaml({
    "tasks.coordination.gbv_response": {
      status: "done",
      summary: "Giải quyết vụ việc.",
      cases_reported: 1,
      cases_resolved: 3,
    },
  }),
  "activity-outside.yaml": unitYaml({ "activities.0.date": "2022-07-20" }),
  "activity-bad-date.yaml": unitYaml({ "activities.1.date": "2022-02-30" }),
  "missing-staff-and-unit-name.yaml": unitYaml({ staff: DELETE, "unit.name": DELETE }),
  "overspent-and-empty.yaml": unitYaml({ "budget.spent_vnd": 60000000, next_steps: [], recommendations: [] }),
  "code-lowercase.yaml": unitYaml({ "unit.code": "vkt" }),
  "other-year.yaml": unitYaml({ year: 2023 }),
  "placeholder.yaml": unitYaml({ "signer.name": "Họ và tên người ký" }),
  "control-character.yaml": unitYaml({
    "tasks.committee.planning.summary": "Ban hành kế hoạch\u0007 năm 2022.",
  }),
  "prose-colon.yaml": replaced(
    "summary: Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.",
    "summary: Kết quả: đang tổng hợp ý kiến góp ý của các phòng chuyên môn.",
  ),
  "comment-cut.yaml": replaced(
    "summary: Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.",
    "summary: Đang tổng hợp ý kiến #2 của các phòng chuyên môn.",
  ),
  "bad-indent.yaml": replaced("  position: PHÓ VIỆN TRƯỞNG", "   position: PHÓ VIỆN TRƯỞNG"),
  "tab-indent.yaml": replaced("  position: PHÓ VIỆN TRƯỞNG", "\tposition: PHÓ VIỆN TRƯỞNG"),
  "duplicate-key.yaml": replaced("year: 2022\n", "year: 2022\nyear: 2022\n"),
  "alias.yaml": replaced("reference: 125/BC-VKT", "reference: &ref 125/BC-VKT\nx-again: *ref"),
  "a-list.yaml": "- format: geq/unit-report/v1\n- year: 2022\n",
  "empty.yaml": "",
  "legacy-encoding.yaml": new Uint8Array([...new TextEncoder().encode("unit:\n  name: "), 0xb8, 0xd6, 0x0a]),
  "utf16.yaml": new Uint8Array([0xff, 0xfe, 0x66, 0x00, 0x3a, 0x00]),
};
