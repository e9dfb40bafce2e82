import type { JsonPath } from "../../source/read.js";
import type { Finding } from "../finding.js";
import { RULES } from "../messages.js";
import type { UnitRule } from "./rule.js";

/** Rules about the words a unit writes, and the waivers it claims. */

// C0 controls other than tab, LF and CR; U+FFFE/U+FFFF; lone surrogates: XML 1.0 cannot carry them.
export const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, "g");

function* strings(value: unknown, path: JsonPath = []): Generator<{ path: JsonPath; text: string }> {
  if (typeof value === "string") yield { path, text: value };
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
  }
}

export const xmlIllegalChars: UnitRule = {
  id: "xml-illegal-char",
  check: ({ raw }) => {
    const out: Finding[] = [];
    for (const { path, text } of strings(raw)) {
      const m = XML_ILLEGAL.exec(text);
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
    const out: Finding[] = [];
    const a = report.assessment;
    if (!a || !(a.strengths?.length || a.limitations?.length || a.causes?.length)) {
      out.push({
        rule: "empty-assessment",
        path: a ? ["assessment"] : [],
        labelPath: ["assessment"],
        params: {},
      });
    }
    for (const key of ["next_steps", "recommendations"] as const) {
      if (!report[key]?.length)
        out.push({ rule: "empty-assessment", path: report[key] ? [key] : [], labelPath: [key], params: {} });
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
