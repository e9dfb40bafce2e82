import { SUSPECT, XML_ILLEGAL } from "../../document/text.js";
import type { JsonPath } from "../../source/read.js";
import type { Finding } from "../finding.js";
import { RULES } from "../messages.js";
import type { UnitRule } from "./rule.js";

/** Rules about the words a unit writes, and the waivers it claims. */

/** Every string in a value that may hold an XML-illegal character, with its path. */
function suspectStrings(value: unknown, path: JsonPath, out: { path: JsonPath; text: string }[]): void {
  if (typeof value === "string") {
    if (SUSPECT.test(value)) out.push({ path: [...path], text: value });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      suspectStrings(value[i], path, out);
      path.pop();
    }
  } else if (typeof value === "object" && value !== null) {
    for (const k of Object.keys(value)) {
      path.push(k);
      suspectStrings((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
}

export const xmlIllegalChars: UnitRule = {
  id: "xml-illegal-char",
  check: ({ raw }) => {
    const out: Finding[] = [];
    const suspects: { path: JsonPath; text: string }[] = [];
    suspectStrings(raw, [], suspects);
    for (const { path, text } of suspects) {
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
  check: ({ report }) => {
    // An absent field keeps its path, which names it; it is positioned at the mapping that lacks it.
    const out: Finding[] = [];
    const a = report.assessment;
    if (!a || !(a.strengths?.length || a.limitations?.length || a.causes?.length)) {
      out.push({ rule: "empty-assessment", path: ["assessment"], params: {} });
    }
    for (const key of ["next_steps", "recommendations"] as const) {
      if (!report[key]?.length) out.push({ rule: "empty-assessment", path: [key], params: {} });
    }
    return out;
  },
};

export const waiverRules: UnitRule = {
  id: "unknown-waiver-rule",
  check: ({ report }) => {
    const out: Finding[] = [];
    (report.waivers ?? []).forEach((w, i) => {
      const info = RULES[w.rule];
      const path = ["waivers", i, "rule"];
      if (!info) out.push({ rule: "unknown-waiver-rule", path, params: { rule: w.rule } });
      else if (info.severity !== "warning")
        out.push({ rule: "unwaivable-rule", path, params: { rule: w.rule } });
    });
    return out;
  },
};
