import type { Lang, Severity } from "../model.js";
import { formatDateShort, formatNumber } from "../present/format.js";

/**
 * Every rule geq knows, with its severity and its sentences in Vietnamese and English.
 * Rule ids are stable: users name them in `waivers` and CI scripts grep for them.
 * `label` is the field's Vietnamese title (or its path, in English); `p` the finding's params.
 */

type Params = Record<string, unknown>;
type Say = (label: string, p: Params) => string;

export interface RuleInfo {
  severity: Severity;
  /** False for a warning that a file cannot waive (it is about the waivers themselves). */
  waivable?: false;
  vi: Say;
  en: Say;
}

const s = (v: unknown) => String(v);
const d = (v: unknown) => formatDateShort(String(v));
const n = (v: unknown) => formatNumber(Number(v));
const prefix = (label: string) => (label ? `${label}: ` : "");

const TYPE_VI: Record<string, string> = {
  integer: "số nguyên",
  number: "số",
  string: "văn bản",
  object: "bảng khóa: giá trị",
  array: "danh sách",
  boolean: "true hoặc false",
  null: "để trống",
  decimal: "số thập phân",
  nan: "giá trị .nan (không phải là số)",
  infinity: "giá trị vô hạn (.inf)",
};
const TYPE_EN: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "text",
  object: "a mapping",
  array: "a list",
  boolean: "true or false",
  null: "empty",
  decimal: "a decimal number",
  nan: ".nan (not a number)",
  infinity: "an infinite value (.inf)",
};

const YAML_VI: Record<string, string> = {
  BAD_INDENT: "thụt lề không đúng",
  TAB_AS_INDENT: "dùng ký tự tab để thụt lề (chỉ được dùng dấu cách)",
  MISSING_CHAR: "thiếu ký tự đóng (dấu ngoặc hoặc dấu nháy)",
  MULTILINE_IMPLICIT_KEY: "khóa không được trải trên nhiều dòng",
  BLOCK_AS_IMPLICIT_KEY: "khóa không hợp lệ",
  UNEXPECTED_TOKEN: "có ký tự không mong đợi",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự không hợp lệ",
  BAD_DQ_ESCAPE: "chuỗi thoát không hợp lệ trong dấu nháy kép",
  TAG_RESOLVE_FAILED: "thẻ YAML (!...) không được hỗ trợ",
  BAD_DIRECTIVE: "chỉ thị YAML (%...) không hợp lệ",
  NON_STRING_KEY: "khóa phải là chữ, không được là danh sách hay bảng",
};

export const RULES: Record<string, RuleInfo> = {
  // Reading
  encoding: {
    severity: "error",
    vi: (_l, p) =>
      p.kind === "utf16"
        ? "tệp được lưu bằng bảng mã UTF-16, không phải UTF-8; hãy lưu lại tệp với bảng mã UTF-8"
        : p.kind === "nul"
          ? "tệp chứa byte 0x00: đây là tệp nhị phân hoặc tệp UTF-16, không phải văn bản UTF-8"
          : `byte ${s(p.byte)} không hợp lệ trong UTF-8: tệp có thể được lưu bằng bảng mã cũ (TCVN3/ABC hoặc VNI); hãy lưu lại với bảng mã Unicode UTF-8`,
    en: (_l, p) =>
      p.kind === "utf16"
        ? "the file is UTF-16, not UTF-8; save it again as UTF-8"
        : p.kind === "nul"
          ? "the file contains a 0x00 byte: it is binary or UTF-16, not UTF-8 text"
          : `byte ${s(p.byte)} is not valid UTF-8: the file may use a legacy Vietnamese encoding (TCVN3/ABC or VNI); save it again as Unicode UTF-8`,
  },
  "file-too-large": {
    severity: "error",
    vi: (_l, p) => `tệp có ${n(p.size)} byte, vượt giới hạn ${n(p.max)} byte (1 MiB) nên không được đọc`,
    en: (_l, p) =>
      `the file has ${s(p.size)} bytes, over the ${s(p.max)}-byte (1 MiB) limit, so it was not read`,
  },
  "empty-file": {
    severity: "error",
    vi: () => "tệp rỗng, không có nội dung YAML",
    en: () => "the file is empty: no YAML content",
  },
  "multiple-documents": {
    severity: "error",
    vi: (_l, p) => `tệp chứa ${s(p.count)} tài liệu YAML (ngăn cách bởi ---); mỗi tệp chỉ được có một`,
    en: (_l, p) => `the file holds ${s(p.count)} YAML documents (separated by ---); one per file`,
  },
  "yaml-syntax": {
    severity: "error",
    vi: (_l, p) => `cú pháp YAML không hợp lệ: ${YAML_VI[s(p.code)] ?? "không đọc được"} (${s(p.detail)})`,
    en: (_l, p) => `invalid YAML syntax: ${s(p.detail)}`,
  },
  "duplicate-key": {
    severity: "error",
    vi: () => "khóa bị khai báo lặp lại; mỗi khóa chỉ được khai báo một lần",
    en: () => "duplicate key: each key may appear only once",
  },
  "yaml-alias": {
    severity: "error",
    vi: () => "không dùng neo (&) và tham chiếu (*) trong tệp; hãy viết đầy đủ giá trị",
    en: () => "anchors (&) and aliases (*) are not allowed; write the value out",
  },
  "too-deep": {
    severity: "error",
    vi: () => "nội dung lồng nhau quá sâu, không thể đọc",
    en: () => "the content is nested too deeply to read",
  },
  "too-many-nodes": {
    severity: "error",
    vi: (_l, p) =>
      `tệp có hơn ${n(p.max)} khóa, giá trị và mục, nhiều hơn hẳn một tệp tiến độ, nên không được đọc`,
    en: (_l, p) =>
      `the file holds over ${s(p.max)} keys, values and items, far more than a progress file, so it was not read`,
  },
  "not-a-mapping": {
    severity: "error",
    vi: (_l, p) =>
      `nội dung tệp phải là một bảng khóa: giá trị (bắt đầu bằng format: …), không phải ${p.kind === "list" ? "một danh sách" : "một giá trị đơn"}`,
    en: (_l, p) =>
      `the file must hold a mapping (starting with format: …), not ${p.kind === "list" ? "a list" : "a scalar"}`,
  },
  // Schema
  required: {
    severity: "error",
    vi: (l, p) => `${prefix(l)}thiếu trường bắt buộc «${s(p.childLabel)}» (${s(p.child)})`,
    en: (l, p) => `${prefix(l)}missing required field ${s(p.child)}`,
  },
  "summary-required": {
    severity: "error",
    vi: (l) =>
      `${prefix(l)}cần có kết quả thực hiện (summary) khi nhiệm vụ đã hoàn thành hoặc đang triển khai`,
    en: (l) => `${prefix(l)}a summary is required when the status is done or in_progress`,
  },
  "unknown-key": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}khóa «${s(p.key)}» không có trong định dạng${p.suggestion ? `; có phải là «${s(p.suggestion)}»?` : ""} (khóa riêng hãy bắt đầu bằng x-)`,
    en: (l, p) =>
      `${prefix(l)}unknown key "${s(p.key)}"${p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : ""} (start private keys with x-)`,
  },
  "wrong-type": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}phải là ${TYPE_VI[s(p.expected)] ?? s(p.expected)}, không phải ${TYPE_VI[s(p.actual)] ?? s(p.actual)}`,
    en: (l, p) =>
      `${prefix(l)}must be ${TYPE_EN[s(p.expected)] ?? s(p.expected)}, not ${TYPE_EN[s(p.actual)] ?? s(p.actual)}`,
  },
  "number-format": {
    severity: "error",
    vi: (l, p) =>
      p.quoted
        ? `${prefix(l)}hãy viết số không có dấu nháy: ${s(p.fixed)} (trong dấu nháy, «${s(p.value)}» là chữ, không phải số)`
        : `${prefix(l)}hãy viết số liền, không có dấu phân cách: ${s(p.fixed)} (không phải «${s(p.value)}»)`,
    en: (l, p) =>
      p.quoted
        ? `${prefix(l)}write the number without quotes: ${s(p.fixed)} (in quotes, "${s(p.value)}" is text, not a number)`
        : `${prefix(l)}write the number without separators: ${s(p.fixed)} (not "${s(p.value)}")`,
  },
  "invalid-value": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}giá trị «${s(p.value)}» không hợp lệ; chọn một trong: ${s(p.allowed)}`,
    en: (l, p) => `${prefix(l)}"${s(p.value)}" is not allowed; use one of: ${s(p.allowed)}`,
  },
  "format-version": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}phải là «${s(p.expected)}»`,
    en: (l, p) => `${prefix(l)}must be "${s(p.expected)}"`,
  },
  "out-of-range": {
    severity: "error",
    vi: (l, p) =>
      p.min !== undefined
        ? `${prefix(l)}phải từ ${s(p.min)} trở lên (đang là ${s(p.value)})`
        : `${prefix(l)}không được lớn hơn ${Number(p.max) >= 10_000 ? n(p.max) : s(p.max)} (đang là ${s(p.value)})`,
    en: (l, p) =>
      p.min !== undefined
        ? `${prefix(l)}must be ${s(p.min)} or more (is ${s(p.value)})`
        : `${prefix(l)}must be at most ${s(p.max)} (is ${s(p.value)})`,
  },
  "invalid-date": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}«${s(p.value)}» không phải ngày hợp lệ dạng YYYY-MM-DD (ví dụ 2022-06-08)`,
    en: (l, p) => `${prefix(l)}"${s(p.value)}" is not a valid YYYY-MM-DD date (e.g. 2022-06-08)`,
  },
  "implausible-date": {
    severity: "error",
    vi: (l, p) =>
      p.year !== undefined
        ? `${prefix(l)}ngày ${d(p.value)} không hợp lý: báo cáo năm ${s(p.year)} gửi chậm nhất trong năm ${s(Number(p.year) + 1)}; xin kiểm tra lại năm`
        : `${prefix(l)}ngày ${d(p.value)} không hợp lý: phải trong khoảng từ năm ${s(p.from)} đến năm ${s(p.to)}`,
    en: (l, p) =>
      p.year !== undefined
        ? `${prefix(l)}${s(p.value)} is implausible: a report for ${s(p.year)} arrives in ${s(Number(p.year) + 1)} at the latest; check the year`
        : `${prefix(l)}${s(p.value)} is implausible: it must fall between the years ${s(p.from)} and ${s(p.to)}`,
  },
  "invalid-code": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}«${s(p.value)}» không đúng dạng mã: chữ in hoa không dấu, chữ số, gạch ngang hoặc gạch dưới, tối đa 32 ký tự`,
    en: (l, p) =>
      `${prefix(l)}"${s(p.value)}" is not a valid code: upper-case ASCII letters, digits, - or _, at most 32`,
  },
  "text-empty": {
    severity: "error",
    vi: (l) => `${prefix(l)}không được để trống`,
    en: (l) => `${prefix(l)}must not be empty`,
  },
  "text-too-long": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}dài ${n(p.length)} ký tự, vượt quá ${n(p.max)} ký tự`,
    en: (l, p) => `${prefix(l)}is ${s(p.length)} characters long, over ${s(p.max)}`,
  },
  "too-few-items": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}cần ít nhất ${s(p.min)} mục`,
    en: (l, p) => `${prefix(l)}needs at least ${s(p.min)} item(s)`,
  },
  "duplicate-item": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}«${s(p.value)}» đã có ở mục thứ ${s(p.first)}; mỗi giá trị chỉ ghi một lần`,
    en: (l, p) => `${prefix(l)}"${s(p.value)}" already appears as item ${s(p.first)}; list each value once`,
  },
  // Rules beyond the schema: errors
  "people-female-le-total": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}số nữ (${n(p.female)}) lớn hơn tổng số (${n(p.total)})`,
    en: (l, p) => `${prefix(l)}women (${s(p.female)}) exceed the total (${s(p.total)})`,
  },
  "cases-resolved-le-reported": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}số vụ việc đã giải quyết (${n(p.resolved)}) lớn hơn số vụ việc phát sinh (${n(p.reported)})`,
    en: (l, p) => `${prefix(l)}cases resolved (${s(p.resolved)}) exceed cases reported (${s(p.reported)})`,
  },
  "leaders-le-employees": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}tổng số (${n(p.total)}) lớn hơn tổng số cán bộ, công chức, viên chức, người lao động (${n(p.employees)})`,
    en: (l, p) => `${prefix(l)}the total (${s(p.total)}) exceeds staff.employees.total (${s(p.employees)})`,
  },
  "period-mismatch": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}tệp ghi «${s(p.actual)}», nhưng kỳ đang kiểm tra là «${s(p.expected)}»`,
    en: (l, p) =>
      `${prefix(l)}the file says "${s(p.actual)}" but the period being checked is "${s(p.expected)}"`,
  },
  "no-catalog": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}chưa có hướng dẫn (danh mục nhiệm vụ, thời hạn) cho năm ${s(p.year)}`,
    en: (l, p) => `${prefix(l)}there is no guidance catalogue for ${s(p.year)}`,
  },
  "submitted-before-window": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}ngày gửi ${d(p.date)} trước ngày bắt đầu kỳ báo cáo (${d(p.from)})`,
    en: (l, p) => `${prefix(l)}submitted on ${s(p.date)}, before the reporting window opens (${s(p.from)})`,
  },
  "activity-outside-window": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}ngày ${d(p.date)} nằm ngoài kỳ báo cáo (từ ${d(p.from)} đến ${d(p.to)})`,
    en: (l, p) => `${prefix(l)}${s(p.date)} is outside the reporting window (${s(p.from)} to ${s(p.to)})`,
  },
  "activity-after-submission": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}ngày ${d(p.date)} sau ngày gửi báo cáo (${d(p.submitted)})`,
    en: (l, p) => `${prefix(l)}${s(p.date)} is after the submission date (${s(p.submitted)})`,
  },
  "inactive-with-figures": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}tình trạng «${s(p.status)}» nhưng chỉ tiêu «${s(p.indicator)}» khác 0; hãy để 0 hoặc sửa tình trạng`,
    en: (l, p) =>
      `${prefix(l)}status ${s(p.status)} but indicator ${s(p.indicator)} is not zero; set it to 0 or fix the status`,
  },
  "activity-with-self": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}đơn vị phối hợp không được là chính đơn vị báo cáo (${s(p.code)}); chỉ ghi mã các đơn vị khác cùng tổ chức hoạt động`,
    en: (l, p) =>
      `${prefix(l)}a partner of a joint activity cannot be the reporting unit itself (${s(p.code)}); list the other units only`,
  },
  "unknown-unit": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}mã đơn vị «${s(p.code)}» không có trong danh sách đơn vị của cấu hình`,
    en: (l, p) => `${prefix(l)}unit code "${s(p.code)}" is not in the configuration's registry`,
  },
  "unknown-partner": {
    severity: "warning",
    // Found across files, after each file's waivers were read: a waiver could not reach it.
    waivable: false,
    vi: (l, p) =>
      `${prefix(l)}đơn vị phối hợp «${s(p.code)}» không có trong danh sách đơn vị của cấu hình; hãy kiểm tra lại mã (báo cáo tổng hợp không nêu tên được đơn vị này)`,
    en: (l, p) =>
      `${prefix(l)}partner "${s(p.code)}" is not in the configuration's registry; check the code (the consolidated report cannot name this unit)`,
  },
  "duplicate-unit": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}đơn vị ${s(p.code)} đã có tệp báo cáo cùng kỳ trong lần kiểm tra này: ${s(p.other)}`,
    en: (l, p) =>
      `${prefix(l)}unit ${s(p.code)} already has a file for this period in this run: ${s(p.other)}`,
  },
  "duplicate-unit-code": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}mã đơn vị ${s(p.code)} bị lặp lại trong danh sách đơn vị`,
    en: (l, p) => `${prefix(l)}unit code ${s(p.code)} appears twice in the registry`,
  },
  "unknown-waiver-rule": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}không có cảnh báo nào mang mã «${s(p.rule)}»`,
    en: (l, p) => `${prefix(l)}there is no warning with rule id "${s(p.rule)}"`,
  },
  "unwaivable-rule": {
    severity: "error",
    vi: (l, p) =>
      p.warning
        ? `${prefix(l)}cảnh báo «${s(p.rule)}» không thể giải trình; hãy sửa hoặc xóa giải trình mà cảnh báo này nêu`
        : `${prefix(l)}«${s(p.rule)}» là lỗi, không phải cảnh báo, nên không thể giải trình; hãy sửa tệp`,
    en: (l, p) =>
      p.warning
        ? `${prefix(l)}the warning "${s(p.rule)}" cannot be waived; fix or remove the waiver it names`
        : `${prefix(l)}"${s(p.rule)}" is an error, not a warning, and cannot be waived; fix the file`,
  },
  // Rules beyond the schema: warnings
  "late-submission": {
    severity: "warning",
    vi: (l, p) =>
      `${prefix(l)}gửi chậm ${n(p.days)} ngày so với hạn (${p.day === "late" ? "trước" : "chậm nhất"} ngày ${d(p.deadline)}, tính theo dấu công văn đến)`,
    en: (l, p) =>
      `${prefix(l)}submitted ${s(p.days)} day(s) late (due ${p.day === "late" ? "before" : "on or before"} ${s(p.deadline)}, by the arrival stamp)`,
  },
  overspent: {
    severity: "warning",
    vi: (l, p) => `${prefix(l)}kinh phí đã sử dụng (${n(p.spent)} đồng) vượt dự toán (${n(p.planned)} đồng)`,
    en: (l, p) => `${prefix(l)}spending (${s(p.spent)} VND) exceeds the plan (${s(p.planned)} VND)`,
  },
  "done-without-figures": {
    severity: "warning",
    vi: (l) => `${prefix(l)}đã hoàn thành nhưng mọi chỉ tiêu đều bằng 0`,
    en: (l) => `${prefix(l)}marked done but every indicator is 0`,
  },
  "empty-assessment": {
    severity: "warning",
    vi: (l) => `${prefix(l)}chưa có nội dung`,
    en: (l) => `${prefix(l)}is empty`,
  },
  "unused-waiver": {
    severity: "warning",
    waivable: false,
    vi: (l, p) =>
      `${prefix(l)}giải trình cảnh báo «${s(p.rule)}» nhưng tệp không có cảnh báo này; hãy xóa giải trình không còn cần đến`,
    en: (l, p) =>
      `${prefix(l)}waives "${s(p.rule)}", but the file has no such warning; remove the waiver that is no longer needed`,
  },
  placeholder: {
    severity: "warning",
    vi: (l, p) =>
      p.zeros
        ? `${prefix(l)}mọi số liệu đều bằng 0 như trong tệp mẫu của geq init; hãy điền số liệu của đơn vị`
        : `${prefix(l)}«${s(p.value)}» là nội dung mẫu của geq init; hãy thay bằng nội dung của đơn vị`,
    en: (l, p) =>
      p.zeros
        ? `${prefix(l)}every figure is 0, as in the geq init scaffold; fill in the unit's figures`
        : `${prefix(l)}"${s(p.value)}" is a geq init placeholder; replace it with the unit's own`,
  },
  "xml-illegal-char": {
    severity: "warning",
    vi: (l, p) =>
      `${prefix(l)}có ký tự điều khiển ${s(p.char)} không thể đưa vào báo cáo; ký tự này sẽ bị bỏ khỏi báo cáo`,
    en: (l, p) =>
      `${prefix(l)}contains the control character ${s(p.char)}, which a report cannot carry; it is left out`,
  },
};

export function ruleInfo(rule: string): RuleInfo {
  const info = RULES[rule];
  if (!info) throw new Error(`unknown rule id ${rule}`);
  return info;
}

export function say(rule: string, lang: Lang, label: string, params: Params): string {
  return ruleInfo(rule)[lang](label, params);
}
