import type { Lang, Severity } from "../model.js";
import { formatDateShort, formatNumber } from "../present/format.js";
import { suggest } from "./suggest.js";

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

/** Our sentence for each kind of YAML error, with its fix (`read.ts`, `yaml-errors.ts`). */
const QUOTE_VI = "nếu đây là một đoạn văn, hãy đặt cả đoạn trong dấu nháy kép";
const QUOTE_EN = "if this is prose, put the whole text in double quotes";
const UNREADABLE_VI =
  "không đọc được nội dung tại đây; hãy kiểm tra dấu nháy, dấu ngoặc và thụt lề của dòng này";
const UNREADABLE_EN =
  "the content cannot be read here; check the quotes, brackets and indentation of this line";
const ANCHOR_VI = `dấu * và & có nghĩa riêng trong YAML (neo, tham chiếu); ${QUOTE_VI}`;
const ANCHOR_EN = `* and & mean anchors and aliases in YAML; ${QUOTE_EN}`;
const TAG_VI = `thẻ YAML (!…) không được dùng trong tệp; hãy bỏ thẻ, hoặc ${QUOTE_VI}`;
const TAG_EN = `YAML tags (!…) are not allowed; remove the tag, or ${QUOTE_EN}`;
export const YAML_VI: Record<string, string> = {
  TAB_AS_INDENT:
    "dòng này dùng ký tự tab để thụt lề, YAML chỉ chấp nhận dấu cách; hãy thay tab bằng dấu cách (mỗi cấp 2 dấu cách)",
  BAD_INDENT:
    "thụt lề không đúng: các khóa cùng cấp phải bắt đầu ở cùng một cột; hãy sửa số dấu cách đầu dòng cho thẳng hàng với các khóa cùng cấp",
  "MISSING_CHAR:quote":
    'thiếu dấu nháy đóng: đoạn văn mở bằng dấu nháy mà không đóng lại; hãy thêm dấu nháy ở cuối đoạn (dấu nháy kép bên trong đoạn viết thành \\")',
  "MISSING_CHAR:colon": "thiếu dấu hai chấm: dòng này phải có dạng «khóa: giá trị»",
  "MISSING_CHAR:dash": "mỗi mục của danh sách phải bắt đầu bằng «- »",
  "MISSING_CHAR:comment": "dấu # của chú thích phải cách nội dung đứng trước nó một dấu cách",
  "MISSING_CHAR:anchor": `sau dấu & hoặc ! phải có dấu cách; ${QUOTE_VI}`,
  "MISSING_CHAR:flow": `trong {…} hoặc […], các mục phải ngăn cách bằng dấu phẩy và đóng bằng } hoặc ]; ${QUOTE_VI}`,
  "MISSING_CHAR:other": UNREADABLE_VI,
  NO_COLON:
    "dòng này không có dạng «khóa: giá trị»: thiếu dấu hai chấm sau khóa, hoặc đây là phần tiếp theo của đoạn văn ở dòng trên nhưng thụt lề sai; hãy thêm dấu hai chấm, hoặc viết cả đoạn văn trên một dòng trong dấu nháy kép",
  MULTILINE_IMPLICIT_KEY: `khóa phải nằm gọn trên một dòng; ${QUOTE_VI}`,
  BLOCK_AS_IMPLICIT_KEY: `giá trị viết sau «khóa: » không được chứa thêm «khóa: giá trị» trên cùng dòng; ${QUOTE_VI}`,
  UNEXPECTED_TOKEN: `có nội dung thừa sau giá trị; ${QUOTE_VI}`,
  BAD_SCALAR_START: `giá trị bắt đầu bằng ký tự có nghĩa riêng trong YAML; ${QUOTE_VI}`,
  BAD_DQ_ESCAPE:
    "trong dấu nháy kép, dấu \\ bắt đầu một chuỗi thoát không hợp lệ; hãy viết \\\\ cho một dấu \\, hoặc dùng dấu nháy đơn",
  TAG_RESOLVE_FAILED: TAG_VI,
  BAD_PROP_ORDER: TAG_VI,
  MULTIPLE_TAGS: TAG_VI,
  ALIAS_PROPS: ANCHOR_VI,
  BAD_ALIAS: ANCHOR_VI,
  MULTIPLE_ANCHORS: ANCHOR_VI,
  BAD_DIRECTIVE: "chỉ thị YAML (dòng bắt đầu bằng %) không hợp lệ; hãy xóa dòng này",
  NON_STRING_KEY: "khóa phải là chữ, không được là danh sách hay bảng",
  BLOCK_IN_FLOW:
    "trong {…} hoặc […] chỉ được viết các mục ngăn cách bằng dấu phẩy, không dùng «- » hay «khóa:» xuống dòng",
  KEY_OVER_1024_CHARS: `khóa dài quá 1.024 ký tự: có lẽ một đoạn văn có dấu «: » bị hiểu là khóa; ${QUOTE_VI}`,
  MULTIPLE_DOCS: "tệp chỉ được có một tài liệu YAML; hãy xóa dòng --- thừa",
  DUPLICATE_KEY: "khóa bị khai báo lặp lại; mỗi khóa chỉ được khai báo một lần",
  BAD_COLLECTION_TYPE: UNREADABLE_VI,
  IMPOSSIBLE: UNREADABLE_VI,
  RESOURCE_EXHAUSTION: "nội dung lồng nhau quá sâu, không thể đọc",
};
export const YAML_EN: Record<string, string> = {
  TAB_AS_INDENT:
    "this line is indented with a tab; YAML accepts spaces only: replace the tab by spaces (2 per level)",
  BAD_INDENT:
    "wrong indentation: keys of one level must start in the same column; fix the spaces at the start of the line to line up with its siblings",
  "MISSING_CHAR:quote":
    'missing closing quote: the text opens a quote and never closes it; add the quote at its end (write a double quote inside as \\")',
  "MISSING_CHAR:colon": 'missing colon: this line must read "key: value"',
  "MISSING_CHAR:dash": 'each item of a list starts with "- "',
  "MISSING_CHAR:comment": "the # of a comment must be separated from what precedes it by a space",
  "MISSING_CHAR:anchor": `& and ! must be followed by a space; ${QUOTE_EN}`,
  "MISSING_CHAR:flow": `inside {…} or […], items are separated by commas and closed by } or ]; ${QUOTE_EN}`,
  "MISSING_CHAR:other": UNREADABLE_EN,
  NO_COLON:
    'this line does not read "key: value": the colon after the key is missing, or it continues the text above with a wrong indentation; add the colon, or write the whole text on one line in double quotes',
  MULTILINE_IMPLICIT_KEY: `a key must fit on one line; ${QUOTE_EN}`,
  BLOCK_AS_IMPLICIT_KEY: `a value after "key: " cannot hold another "key: value" on the same line; ${QUOTE_EN}`,
  UNEXPECTED_TOKEN: `unexpected text after the value; ${QUOTE_EN}`,
  BAD_SCALAR_START: `the value starts with a character that means something else in YAML; ${QUOTE_EN}`,
  BAD_DQ_ESCAPE:
    "inside double quotes, \\ starts an invalid escape; write \\\\ for one backslash, or use single quotes",
  TAG_RESOLVE_FAILED: TAG_EN,
  BAD_PROP_ORDER: TAG_EN,
  MULTIPLE_TAGS: TAG_EN,
  ALIAS_PROPS: ANCHOR_EN,
  BAD_ALIAS: ANCHOR_EN,
  MULTIPLE_ANCHORS: ANCHOR_EN,
  BAD_DIRECTIVE: "invalid YAML directive (a line starting with %); delete the line",
  NON_STRING_KEY: "a key must be text, not a list or a mapping",
  BLOCK_IN_FLOW: 'inside {…} or […] write items separated by commas, with no "- " or "key:" on new lines',
  KEY_OVER_1024_CHARS: `a key over 1,024 characters: prose with ": " was probably read as a key; ${QUOTE_EN}`,
  MULTIPLE_DOCS: "one YAML document per file; delete the extra --- line",
  DUPLICATE_KEY: "duplicate key: each key may appear only once",
  BAD_COLLECTION_TYPE: UNREADABLE_EN,
  IMPOSSIBLE: UNREADABLE_EN,
  RESOURCE_EXHAUSTION: "the content is nested too deeply to read",
};

/** What an unknown unit code most likely is: a registered unit of that name or spelling, else the list. */
const unitHintVi = (p: Params) =>
  p.suggestion !== undefined
    ? `có phải là «${s(p.suggestion)}» (${s(p.suggestionName)})${p.byName ? ", đơn vị cùng tên trong danh sách" : ""}?`
    : `các mã trong danh sách: ${s(p.known)}`;
const unitHintEn = (p: Params) =>
  p.suggestion !== undefined
    ? `did you mean "${s(p.suggestion)}" (${s(p.suggestionName)})${p.byName ? ", the registered unit of that name" : ""}?`
    : `registered codes: ${s(p.known)}`;

/** An example line, cut short when it would not fit a terminal line. */
const example = (v: unknown) => {
  const text = s(v);
  return text.length > 110 ? `${text.slice(0, 100)}…"` : text;
};
/** The end of a text, where a cut happened. */
const tail = (v: unknown) => {
  const text = s(v);
  return text.length > 40 ? `…${text.slice(-39)}` : text;
};
const head = (v: unknown) => {
  const text = s(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

const RELATION_VI: Record<string, string> = {
  "<=": "lớn hơn",
  "<": "không nhỏ hơn",
  ">=": "nhỏ hơn",
  ">": "không lớn hơn",
  "=": "khác",
};
const RELATION_EN: Record<string, string> = {
  "<=": "exceeds",
  "<": "is not below",
  ">=": "is below",
  ">": "does not exceed",
  "=": "differs from",
};
/** A figure's label in running text: `Số vụ việc phát sinh` → `số vụ việc phát sinh`. */
const lower = (v: unknown) => {
  const text = s(v);
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
};

/** A relation the catalogue declares between two figures of a sub-task, broken (`rules/figures.ts`). */
const RELATION_RULE: RuleInfo = {
  severity: "error",
  vi: (l, p) =>
    `${prefix(l)}${lower(p.leftLabel)} (${n(p.leftValue)}) ${RELATION_VI[s(p.op)] ?? s(p.op)} ${lower(p.rightLabel)} (${n(p.rightValue)})`,
  en: (l, p) =>
    `${prefix(l)}${s(p.left)} (${s(p.leftValue)}) ${RELATION_EN[s(p.op)] ?? s(p.op)} ${s(p.right)} (${s(p.rightValue)})`,
};

const KEY_FORM_VI: Record<string, string> = {
  key: "chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 64 ký tự (ví dụ gbv_response)",
  slug: "chữ thường không dấu và chữ số, các phần cách nhau bằng một gạch ngang (ví dụ tong-ket-nam)",
};
const KEY_FORM_EN: Record<string, string> = {
  key: "lower-case ASCII letters, digits and _, starting with a letter, at most 64 (e.g. gbv_response)",
  slug: "lower-case ASCII letters and digits, parts joined by single hyphens (e.g. tong-ket-nam)",
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
    vi: (_l, p) => `cú pháp YAML không hợp lệ: ${YAML_VI[s(p.code)] ?? UNREADABLE_VI}`,
    en: (_l, p) => `invalid YAML syntax: ${YAML_EN[s(p.code)] ?? UNREADABLE_EN}`,
  },
  "text-needs-quotes": {
    severity: "error",
    vi: (l, p) =>
      prefix(l) +
      (p.reason === "quote"
        ? `đoạn văn bắt đầu bằng dấu nháy nên YAML chỉ lấy phần trong nháy làm giá trị và không đọc được phần sau («${head(p.after)}»); hãy đặt cả đoạn trong dấu nháy kép (dấu nháy kép bên trong viết thành \\"), ví dụ: ${example(p.example)}`
        : p.reason === "indicator"
          ? `đoạn văn bắt đầu bằng ký tự «${s(p.char)}», ký tự có nghĩa riêng trong YAML; hãy đặt cả đoạn trong dấu nháy kép, ví dụ: ${example(p.example)}`
          : `đoạn văn có dấu «: » nên YAML hiểu nhầm phần đứng trước là một khóa; hãy đặt cả đoạn trong dấu nháy kép, ví dụ: ${example(p.example)}`),
    en: (l, p) =>
      prefix(l) +
      (p.reason === "quote"
        ? `the text starts with a quotation, so YAML takes the quoted part as the whole value and cannot read what follows ("${head(p.after)}"); put the whole text in double quotes (a double quote inside written \\"), e.g. ${example(p.example)}`
        : p.reason === "indicator"
          ? `the text starts with "${s(p.char)}", which means something else in YAML; put the whole text in double quotes, e.g. ${example(p.example)}`
          : `the text holds ": ", so YAML reads what precedes it as a key; put the whole text in double quotes, e.g. ${example(p.example)}`),
  },
  "bad-indent": {
    severity: "error",
    vi: (_l, p) =>
      `dòng này thụt lề ${s(p.indent)} dấu cách, không thẳng hàng với các dòng cùng cấp; hãy thụt lề ${s(p.expected)} dấu cách cho thẳng hàng với dòng ${s(p.line)} («${s(p.start)}»)`,
    en: (_l, p) =>
      `this line is indented by ${s(p.indent)} space(s) and does not line up with its level; indent it by ${s(p.expected)} to line up with line ${s(p.line)} ("${s(p.start)}")`,
  },
  "duplicate-key": {
    severity: "error",
    vi: () => YAML_VI.DUPLICATE_KEY!,
    en: () => YAML_EN.DUPLICATE_KEY!,
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
      p.under
        ? `${prefix(l)}khóa «${s(p.key)}» không có ở cấp này; có lẽ dòng này thụt lề thiếu: «${s(p.key)}» là khóa của «${s(p.under)}» ở trên, hãy thụt lề cho thẳng hàng với các khóa của «${s(p.under)}»`
        : `${prefix(l)}khóa «${s(p.key)}» không có trong định dạng${p.suggestion ? `; có phải là «${s(p.suggestion)}»?` : ""} (khóa riêng hãy bắt đầu bằng x-)`,
    en: (l, p) =>
      p.under
        ? `${prefix(l)}"${s(p.key)}" is not a key at this level; the line probably lacks indentation: "${s(p.key)}" is a key of "${s(p.under)}" above, so indent it to line up with the keys of "${s(p.under)}"`
        : `${prefix(l)}unknown key "${s(p.key)}"${p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : ""} (start private keys with x-)`,
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
    vi: (l, p) => {
      const not = `(không phải «${s(p.value)}»)`;
      switch (p.reason) {
        case "quoted":
          return `${prefix(l)}hãy viết số không có dấu nháy: ${s(p.fixed)} (trong dấu nháy, «${s(p.value)}» là chữ, không phải số)`;
        case "currency":
          return `${prefix(l)}chỉ ghi số, không ghi đơn vị «${s(p.unit)}» (đơn vị đã là đồng): ${s(p.fixed)} ${not}`;
        case "scale":
          return `${prefix(l)}hãy viết đủ chữ số, không viết tắt bằng «${s(p.unit)}»: ${s(p.fixed)} ${not}`;
        case "decimal":
          return p.money
            ? `${prefix(l)}số tiền là số đồng nguyên, viết liền: «${s(p.value)}» có phần thập phân (dấu ${p.mark === "," ? "phẩy" : "chấm"}); ví dụ 21,5 triệu đồng viết là 21500000`
            : `${prefix(l)}phải là số nguyên: «${s(p.value)}» có phần thập phân (dấu ${p.mark === "," ? "phẩy" : "chấm"})`;
        default:
          return `${prefix(l)}hãy viết số liền, không có dấu phân cách: ${s(p.fixed)} ${not}`;
      }
    },
    en: (l, p) => {
      const not = `(not "${s(p.value)}")`;
      switch (p.reason) {
        case "quoted":
          return `${prefix(l)}write the number without quotes: ${s(p.fixed)} (in quotes, "${s(p.value)}" is text, not a number)`;
        case "currency":
          return `${prefix(l)}write the number alone, without the unit "${s(p.unit)}" (amounts are in đồng): ${s(p.fixed)} ${not}`;
        case "scale":
          return `${prefix(l)}write the number in full, not abbreviated with "${s(p.unit)}": ${s(p.fixed)} ${not}`;
        case "decimal":
          return p.money
            ? `${prefix(l)}an amount is a whole number of đồng, written without separators: "${s(p.value)}" has a decimal part (decimal ${p.mark === "," ? "comma" : "point"}); 21.5 million đồng is written 21500000`
            : `${prefix(l)}must be a whole number: "${s(p.value)}" has a decimal part (decimal ${p.mark === "," ? "comma" : "point"})`;
        default:
          return `${prefix(l)}write the number without separators: ${s(p.fixed)} ${not}`;
      }
    },
  },
  "invalid-value": {
    severity: "error",
    vi: (l, p) =>
      p.suggestion !== undefined
        ? `${prefix(l)}giá trị «${s(p.value)}» không hợp lệ; có phải là «${s(p.suggestion)}»? (chọn một trong: ${s(p.allowed)})`
        : `${prefix(l)}giá trị «${s(p.value)}» không hợp lệ; chọn một trong: ${s(p.allowed)}`,
    en: (l, p) =>
      p.suggestion !== undefined
        ? `${prefix(l)}"${s(p.value)}" is not allowed; did you mean "${s(p.suggestion)}"? (use one of: ${s(p.allowed)})`
        : `${prefix(l)}"${s(p.value)}" is not allowed; use one of: ${s(p.allowed)}`,
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
      `${prefix(l)}«${s(p.value)}» không đúng dạng mã: chữ in hoa không dấu, chữ số, gạch ngang hoặc gạch dưới, tối đa 32 ký tự${p.suggestion ? `; có phải là «${s(p.suggestion)}»?` : ""}`,
    en: (l, p) =>
      `${prefix(l)}"${s(p.value)}" is not a valid code: upper-case ASCII letters, digits, - or _, at most 32${p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : ""}`,
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
  "indicator-relation": RELATION_RULE,
  // The 2022 catalogue's relation keeps the id users and scripts knew it by.
  "cases-resolved-le-reported": RELATION_RULE,
  "leaders-le-employees": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}tổng số (${n(p.total)}) lớn hơn tổng số cán bộ, công chức, viên chức, người lao động (${n(p.employees)})`,
    en: (l, p) => `${prefix(l)}the total (${s(p.total)}) exceeds staff.employees.total (${s(p.employees)})`,
  },
  // The guidance catalogue (geq/catalog/v1) and the configuration's pointer to it
  "invalid-key": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}«${s(p.value)}» không đúng dạng: ${KEY_FORM_VI[s(p.form)] ?? ""}`,
    en: (l, p) => `${prefix(l)}"${s(p.value)}" is not well formed: ${KEY_FORM_EN[s(p.form)] ?? ""}`,
  },
  "reserved-key": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}«${s(p.value)}» là trường có sẵn của mọi nhiệm vụ trong tệp đơn vị, không dùng làm khóa của chỉ tiêu`,
    en: (l, p) =>
      `${prefix(l)}"${s(p.value)}" is a field every sub-task already has; it cannot name an indicator`,
  },
  "group-number": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}nhóm thứ ${s(p.expected)} trong danh sách lại mang số ${s(p.value)}; các nhóm được đánh số 1, 2, 3… theo đúng thứ tự`,
    en: (l, p) =>
      `${prefix(l)}group ${s(p.expected)} in the list is numbered ${s(p.value)}; number the groups 1, 2, 3… in order`,
  },
  "date-outside-year": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}ngày ${d(p.value)} không thuộc năm ${s(p.year)} của hướng dẫn${p.letter ? " hoặc năm trước đó" : ""}; có lẽ năm bị gõ nhầm`,
    en: (l, p) =>
      `${prefix(l)}${s(p.value)} is not in the guidance's year ${s(p.year)}${p.letter ? " or the year before" : ""}; the year is probably mistyped`,
  },
  "date-order": {
    severity: "error",
    vi: (l, p) => `${prefix(l)}ngày ${d(p.value)} trước ngày ${d(p.before)} (${s(p.beforeLabel)})`,
    en: (l, p) => `${prefix(l)}${s(p.value)} is before ${s(p.before)} (${s(p.beforeWhat)})`,
  },
  "relation-indicator": {
    severity: "error",
    vi: (l, p) =>
      p.type
        ? `${prefix(l)}chỉ tiêu «${s(p.value)}» có kiểu ${s(p.type)}; ràng buộc chỉ so sánh chỉ tiêu kiểu count hoặc money`
        : `${prefix(l)}nhiệm vụ không có chỉ tiêu «${s(p.value)}»${p.suggestion ? `; có phải là «${s(p.suggestion)}»?` : `; các chỉ tiêu của nhiệm vụ: ${s(p.known)}`}`,
    en: (l, p) =>
      p.type
        ? `${prefix(l)}the indicator "${s(p.value)}" is of type ${s(p.type)}; a relation compares count or money indicators only`
        : `${prefix(l)}the sub-task has no indicator "${s(p.value)}"${p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : `; its indicators: ${s(p.known)}`}`,
  },
  "invalid-catalog": {
    severity: "error",
    vi: (l, p) =>
      `${prefix(l)}«${s(p.value)}» không phải mã một hướng dẫn có sẵn (${s(p.known)}) hay đường dẫn tới tệp hướng dẫn .yaml${p.suggestion ? `; có phải là «${s(p.suggestion)}»?` : ""}`,
    en: (l, p) =>
      `${prefix(l)}"${s(p.value)}" is neither a built-in guidance (${s(p.known)}) nor the path of a .yaml guidance file${p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : ""}`,
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
    vi: (l, p) =>
      `${prefix(l)}mã đơn vị «${s(p.code)}» không có trong danh sách đơn vị của cấu hình; ${unitHintVi(p)}`,
    en: (l, p) =>
      `${prefix(l)}unit code "${s(p.code)}" is not in the configuration's registry; ${unitHintEn(p)}`,
  },
  "unknown-partner": {
    severity: "warning",
    // Found across files, after each file's waivers were read: a waiver could not reach it.
    waivable: false,
    vi: (l, p) =>
      `${prefix(l)}đơn vị phối hợp «${s(p.code)}» không có trong danh sách đơn vị của cấu hình (báo cáo tổng hợp không nêu tên được đơn vị này); ${unitHintVi(p)}`,
    en: (l, p) =>
      `${prefix(l)}partner "${s(p.code)}" is not in the configuration's registry (the consolidated report cannot name this unit); ${unitHintEn(p)}`,
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
    vi: (l, p) =>
      `${prefix(l)}không có cảnh báo nào mang mã «${s(p.rule)}»; ${p.suggestion ? `có phải là «${s(p.suggestion)}»?` : `các cảnh báo giải trình được: ${s(p.known)}`}`,
    en: (l, p) =>
      `${prefix(l)}there is no warning with rule id "${s(p.rule)}"; ${p.suggestion ? `did you mean "${s(p.suggestion)}"?` : `warnings that can be waived: ${s(p.known)}`}`,
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
  "text-cut-by-comment": {
    severity: "warning",
    // A waiver would not bring the text back: the fix is the quotes.
    waivable: false,
    vi: (l, p) =>
      `${prefix(l)}dấu « #» mở đầu một chú thích nên phần «${head(p.cut)}» bị bỏ, nội dung chỉ còn «${tail(p.kept)}»; nếu đó là nội dung, hãy đặt cả đoạn trong dấu nháy kép, ví dụ: ${example(p.example)}`,
    en: (l, p) =>
      `${prefix(l)}" #" starts a comment, so "${head(p.cut)}" is dropped and the text ends at "${tail(p.kept)}"; if it belongs to the text, put the whole text in double quotes, e.g. ${example(p.example)}`,
  },
};

/** The warnings a file may waive: what a waiver's rule is meant to name. */
const WAIVABLE = Object.entries(RULES)
  .filter(([, info]) => info.severity === "warning" && info.waivable !== false)
  .map(([id]) => id);

/** The params of `unknown-waiver-rule`: the warning the waiver most likely means, else the list. */
export function unknownWaiver(rule: string): Params {
  const suggestion = suggest(rule, WAIVABLE);
  return { rule, ...(suggestion ? { suggestion } : { known: WAIVABLE.join(", ") }) };
}

export function ruleInfo(rule: string): RuleInfo {
  const info = RULES[rule];
  if (!info) throw new Error(`unknown rule id ${rule}`);
  return info;
}

export function say(rule: string, lang: Lang, label: string, params: Params): string {
  return ruleInfo(rule)[lang](label, params);
}
