import { STAFF_KEYS } from "../../model.js";
import type { Finding } from "../finding.js";
import { findValues } from "./find-values.js";
import type { UnitRule } from "./rule.js";

/**
 * The words `geq init` writes where only the unit knows what goes (its code, name, signer,
 * contact, document number): a file that still holds one was not finished, and its report would
 * print "Họ và tên người ký". Kept here so that the scaffold and the rule cannot drift apart.
 */
export const PLACEHOLDERS = {
  code: "DONVI",
  name: "Tên đơn vị",
  reference: "…/BC-",
  signerPosition: "CHỨC VỤ NGƯỜI KÝ",
  signerName: "Họ và tên người ký",
  contactName: "Họ và tên người đầu mối",
  contactPosition: "Chức vụ người đầu mối",
  phone: "Số điện thoại",
  email: "Thư điện tử",
} as const;

const WORDS = new Set<string>(Object.values(PLACEHOLDERS));

const isPlaceholder = (value: unknown): value is string =>
  typeof value === "string" && (WORDS.has(value) || value.startsWith(PLACEHOLDERS.reference));

export const placeholder: UnitRule = {
  id: "placeholder",
  check: ({ report }) => {
    const out: Finding[] = findValues(report, isPlaceholder).map(({ path, value }) => ({
      rule: "placeholder",
      path,
      params: { value },
    }));
    // The scaffold's staff figures are all zeros; a unit with no staff at all does not report. A figure
    // missing, or refused by the schema (left out of the draft), does not count as a zero; a note under
    // an x- key beside them is no figure.
    if (STAFF_KEYS.every((key) => report.staff?.[key]?.total === 0))
      out.push({ rule: "placeholder", path: ["staff"], params: { zeros: true } });
    return out;
  },
};
