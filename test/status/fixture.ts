/**
 * A submissions folder for `geq status` tests: a registry held out from the examples, and unit
 * files in every state a unit can be in on 20/06/2022 for the semi-annual report due before 10/06/2022.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import type { Config } from "../../src/model.js";
import { makeConfig, makeUnitReport, type UnitReportOverrides } from "../helpers/unit-report.js";

export const REGISTRY: Config["units"] = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
  { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
  { code: "HVCB", name: "Học viện Cán bộ quản lý xây dựng và đô thị" },
  // Typed with combining tone marks (NFD), as some keyboards on some systems produce.
  { code: "TTTT", name: "Trung tâm Thông tin".normalize("NFD") },
];

export function unitFile(code: string, name: string, overrides: UnitReportOverrides = {}): string {
  return stringify(makeUnitReport({ unit: { code, name }, ...overrides }));
}

/** Files by path relative to the folder. */
export function standardFiles(): Record<string, string> {
  return {
    // The last day on time: the letter says "trước ngày 10/6/2022".
    "nop/vp.yaml": unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09", reference: "12/BC-VP" }),
    // Three days late; one day late, received on the deadline day itself.
    "nop/vkt.yaml": unitFile("VKT", "Viện Kinh tế xây dựng", {
      submitted: "2022-06-12",
      reference: "125/BC-VKT",
    }),
    "nop/vqh.yaml": unitFile("VQH", "Viện Quy hoạch đô thị và nông thôn quốc gia", {
      submitted: "2022-06-10",
      reference: undefined,
    }),
    // CGD sent nothing. HVCB: more women than people among the unit leaders, and in the pool.
    "nop/hvcb.yaml": unitFile("HVCB", "Học viện Cán bộ quản lý xây dựng và đô thị", {
      submitted: "2022-06-09",
      staff: {
        employees: { total: 50, female: 20 },
        unit_leaders: { total: 4, female: 5 },
        division_leaders: { total: 10, female: 4 },
        succession_pool: { total: 8, female: 9 },
      },
    }),
    // On time, a few days early.
    "nop/tttt.yaml": unitFile("TTTT", "Trung tâm Thông tin", {
      submitted: "2022-06-07",
      reference: "7/BC-TTTT",
    }),
    // A valid file from a unit that is not in the registry.
    "nop/xyz.yaml": unitFile("XYZ", "Ban Quản lý dự án XYZ", { submitted: "2022-06-08" }),
  };
}

export function makeFolder(
  files: Record<string, string | Uint8Array>,
  config: Config | null = makeConfig(REGISTRY),
): string {
  const dir = mkdtempSync(join(tmpdir(), "geq-status-"));
  if (config) writeFileSync(join(dir, "geq.yaml"), stringify(config));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
