import type { Finding } from "../finding.js";
import type { UnitRule } from "./rule.js";

/** Rules about the activities a unit lists. */

/** A joint activity's partners are other units: the file's own unit is the one reporting it. */
export const activityWithSelf: UnitRule = {
  id: "activity-with-self",
  check: ({ report }) => {
    const out: Finding[] = [];
    const self = report.unit?.code;
    if (self === undefined) return out;
    report.activities?.forEach((a, i) => {
      a?.with?.forEach((code, j) => {
        if (code === self)
          out.push({ rule: "activity-with-self", path: ["activities", i, "with", j], params: { code } });
      });
    });
    return out;
  },
};
