import { SUSPECT, XML_ILLEGAL } from "../../document/text.js";
import type { UnitReport } from "../../model.js";
import type { Finding } from "../finding.js";
import { RULES, unknownWaiver } from "../messages.js";
import { findValues } from "./find-values.js";
import type { UnitRule } from "./rule.js";

/** Rules about the words a unit writes, and the waivers it claims. */

const suspect = (value: unknown): value is string => typeof value === "string" && SUSPECT.test(value);

export const xmlIllegalChars: UnitRule = {
  id: "xml-illegal-char",
  check: ({ raw }) => {
    const out: Finding[] = [];
    for (const { path, value: text } of findValues(raw, suspect)) {
      const m = text.match(XML_ILLEGAL);
      if (!m) continue;
      const code = m[0].charCodeAt(0);
      const char = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      out.push({ rule: "xml-illegal-char", path, needle: m[0], params: { char } });
    }
    return out;
  },
};

export const emptyAssessment: UnitRule = {
  id: "empty-assessment",
  check: ({ report, refused }) => {
    // An absent field keeps its path, which names it; it is positioned at the mapping that lacks it.
    const out: Finding[] = [];
    const a = report.assessment;
    const empty = !a || !(a.strengths?.length || a.limitations?.length || a.causes?.length);
    if (empty && !refused(["assessment"]))
      out.push({ rule: "empty-assessment", path: ["assessment"], params: {} });
    for (const key of ["next_steps", "recommendations"] as const) {
      if (!report[key]?.length && !refused([key]))
        out.push({ rule: "empty-assessment", path: [key], params: {} });
    }
    return out;
  },
};

export const waiverRules: UnitRule = {
  id: "unknown-waiver-rule",
  check: ({ report }) => {
    const out: Finding[] = [];
    report.waivers?.forEach((w, i) => {
      if (w?.rule === undefined) return;
      const info = Object.hasOwn(RULES, w.rule) ? RULES[w.rule] : undefined;
      const path = ["waivers", i, "rule"];
      if (!info) {
        out.push({ rule: "unknown-waiver-rule", path, params: unknownWaiver(w.rule) });
      } else if (info.severity !== "warning" || info.waivable === false)
        out.push({
          rule: "unwaivable-rule",
          path,
          params: { rule: w.rule, warning: info.severity === "warning" },
        });
    });
    return out;
  },
};

/**
 * A waiver of a warning that did not fire: an explanation of nothing, which must not reach the
 * report. `findings` are every other finding about the file.
 */
export function unusedWaivers(report: UnitReport, findings: readonly Finding[]): Finding[] {
  const fired = new Set(findings.map((f) => f.rule));
  const out: Finding[] = [];
  report.waivers?.forEach((w, i) => {
    const info = RULES[w.rule];
    if (info?.severity !== "warning" || info.waivable === false || fired.has(w.rule)) return;
    out.push({ rule: "unused-waiver", path: ["waivers", i, "rule"], params: { rule: w.rule } });
  });
  return out;
}
