import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdit, toYaml, validConfig, validUnit } from "../helpers/unit-yaml.js";
import { geq, STACK_TRACE, tempDir } from "./cli.js";

/** Cases from a second reading of the code: each once let a wrong result through. */
describe("edge cases", () => {
  it("one file named twice, by two spellings of its path, is one file, not a duplicate unit", () => {
    const dir = tempDir({ "vkt.yaml": toYaml(validUnit()) });
    for (const other of ["./vkt.yaml", resolve(dir, "vkt.yaml"), "."]) {
      const r = geq(["validate", "vkt.yaml", other, "--no-config"], { cwd: dir });
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toBe("1 tệp, 0 lỗi, 0 cảnh báo\n");
    }
  });

  it("refuses money and counts too large to sum exactly", () => {
    const dir = tempDir({
      "vkt.yaml": toYaml(
        applyEdit(validUnit(), {
          "budget.planned_vnd": 1e24,
          "tasks.coordination.policy.documents_issued": 2 ** 53 + 1,
        }),
      ),
    });
    const r = geq(["validate", "vkt.yaml", "--no-config"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /budget\.planned_vnd: .*không được lớn hơn 1\.000\.000\.000\.000 .*\[out-of-range\]/,
    );
    expect(r.stdout).toMatch(
      /tasks\.coordination\.policy\.documents_issued: .*không được lớn hơn 10\.000\.000 .*\[out-of-range\]/,
    );
  });

  it("refuses a configuration whose registry is empty, in every command alike", () => {
    const dir = tempDir({
      "geq.yaml": toYaml(applyEdit(validConfig(), { units: [] }), { modeline: false }),
      "nop/vkt.yaml": toYaml(validUnit()),
    });
    for (const command of ["validate", "status", "build-report"]) {
      const r = geq([command, "nop"], { cwd: dir });
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(
        /geq\.yaml:\d+:\d+ lỗi {2}units: Danh sách đơn vị: cần ít nhất 1 mục {2}\[too-few-items\]/,
      );
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it("counts every checked file under the list of problems when build-report refuses", () => {
    const bad = applyEdit(validUnit(), {
      "unit.code": "VP",
      "unit.name": "Văn phòng Bộ",
      "staff.unit_leaders": { total: 4, female: 5 },
    });
    const dir = tempDir({
      "geq.yaml": toYaml(validConfig(), { modeline: false }),
      "nop/vkt.yaml": toYaml(validUnit()),
      "nop/vp.yaml": toYaml(bad),
    });
    const r = geq(["build-report", "nop"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2 tệp, 1 lỗi, 0 cảnh báo");
  });

  it("words commander's hints in Vietnamese too", () => {
    const r = geq(["status", "x", "--no-config"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(có phải là --config?)");
    expect(r.stderr).not.toContain("Did you mean");
  });
});
