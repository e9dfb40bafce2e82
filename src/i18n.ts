import type { Lang } from "./model.js";

/** The words of the command line itself: problems that stop a run, summaries, help. Rule messages live in validate/messages.ts. */

type Params = Record<string, unknown>;
type Entry = { vi: (p: Params) => string; en: (p: Params) => string };
const s = (v: unknown) => String(v);

/** What a path is when it is not a regular file, as a sentence names it. */
const KIND_VI: Record<string, string> = {
  folder: "một thư mục",
  device: "một thiết bị",
  socket: "một socket",
  pipe: "một đường ống (FIFO)",
  link: "một liên kết trỏ tới tệp không tồn tại",
};
const KIND_EN: Record<string, string> = {
  folder: "a folder",
  device: "a device",
  socket: "a socket",
  pipe: "a pipe (FIFO)",
  link: "a link to a file that does not exist",
};

/** Every file a status rejected: registered units' invalid files and those outside the registry. */
const rejectedFiles = (p: Params) =>
  Number(p.invalid) + Number(p.unregistered) + Number(p.unidentified) + Number(p.duplicates);

/** ` (of which not registered: 1; duplicates: 2)`, the rejected files that are no registered unit's. */
function outside(p: Params, labels: [string, string, string], ofWhich: string): string {
  const parts = [p.unregistered, p.unidentified, p.duplicates].flatMap((n, i) =>
    Number(n) ? [`${labels[i]}: ${s(n)}`] : [],
  );
  return parts.length ? ` (${ofWhich} ${parts.join("; ")})` : "";
}

/** A template's fault (document/template.ts) in Vietnamese: what is wrong and what to do. */
function templateFaultVi(p: Params): string {
  const near = p.near ? ` (gần «${s(p.near)}»)` : "";
  switch (p.reason) {
    case "syntax":
      return `sai cú pháp Handlebars ở dòng ${s(p.line)}${near}; kiểm tra các cặp dấu {{ }} và tên trong thẻ`;
    case "unclosed-block":
      return `mẫu kết thúc khi vẫn còn khối chưa đóng${near}; mỗi {{#…}} cần một {{/…}} tương ứng`;
    case "block-mismatch":
      return `khối {{#${s(p.name)}}} được đóng bằng {{/${s(p.other)}}}; khối này phải đóng bằng {{/${s(p.name)}}}`;
    case "unknown-field":
      return `không có trường «${s(p.name)}» trong dữ liệu của báo cáo (tên trường viết sai, hoặc dùng ngoài khối {{#each}} chứa nó)`;
    case "unknown-partial":
      return `không có mẫu con «${s(p.name)}» (tệp partials/${s(p.name)}.hbs)`;
    case "helper-arguments":
      return `{{#${s(p.name)}}} cần đúng một tham số`;
    default:
      return `Handlebars báo: ${s(p.detail)}`;
  }
}

function templateFaultEn(p: Params): string {
  const near = p.near ? ` (near "${s(p.near)}")` : "";
  switch (p.reason) {
    case "syntax":
      return `Handlebars syntax error on line ${s(p.line)}${near}; check the {{ }} pairs and the names in them`;
    case "unclosed-block":
      return `the template ends with a block still open${near}; every {{#…}} needs its {{/…}}`;
    case "block-mismatch":
      return `the block {{#${s(p.name)}}} is closed by {{/${s(p.other)}}}; close it with {{/${s(p.name)}}}`;
    case "unknown-field":
      return `the report's data has no field "${s(p.name)}" (a misspelt name, or used outside the {{#each}} that holds it)`;
    case "unknown-partial":
      return `no partial "${s(p.name)}" (file partials/${s(p.name)}.hbs)`;
    case "helper-arguments":
      return `{{#${s(p.name)}}} takes exactly one argument`;
    default:
      return `Handlebars says: ${s(p.detail)}`;
  }
}

const TEXT = {
  "no-paths": {
    vi: () => "chưa chỉ ra tệp hoặc thư mục nào cần xử lý",
    en: () => "no file or folder given",
  },
  "path-not-found": {
    vi: (p) => `không tìm thấy tệp hoặc thư mục «${s(p.path)}»`,
    en: (p) => `no such file or folder: ${s(p.path)}`,
  },
  "no-yaml-files": {
    vi: (p) => `không có tệp YAML (*.yaml, *.yml) nào trong «${s(p.path)}»`,
    en: (p) => `no YAML file (*.yaml, *.yml) in ${s(p.path)}`,
  },
  "file-unreadable": {
    vi: (p) => `không đọc được tệp «${s(p.path)}» (${s(p.code)})`,
    en: (p) => `cannot read ${s(p.path)} (${s(p.code)})`,
  },
  "folder-unreadable": {
    vi: (p) => `không đọc được thư mục «${s(p.path)}» (${s(p.code)})`,
    en: (p) => `cannot read the folder ${s(p.path)} (${s(p.code)})`,
  },
  "input-not-file": {
    vi: (p) =>
      `«${s(p.path)}» là ${KIND_VI[s(p.code)] ?? s(p.code)}, không phải tệp; geq chỉ đọc tệp thông thường hoặc đường ống`,
    en: (p) =>
      `${s(p.path)} is ${KIND_EN[s(p.code)] ?? s(p.code)}, not a file; geq reads regular files and pipes only`,
  },
  "input-stalled": {
    vi: (p) => `không nhận được dữ liệu từ «${s(p.path)}» sau ${s(p.code)} giây chờ; đã dừng đọc`,
    en: (p) => `no data came from ${s(p.path)} for ${s(p.code)} seconds; stopped reading`,
  },
  "config-not-regular": {
    vi: (p) =>
      `«${s(p.path)}» trong thư mục hiện tại không phải tệp thông thường nên không được dùng làm tệp cấu hình; chỉ ra tệp cấu hình bằng --config hoặc dùng --no-config`,
    en: (p) =>
      `${s(p.path)} in the current folder is not a regular file, so it is not used as the configuration; name one with --config, or use --no-config`,
  },
  "config-unreadable": {
    vi: (p) => `không đọc được tệp cấu hình «${s(p.path)}» (${s(p.code)})`,
    en: (p) => `cannot read the configuration ${s(p.path)} (${s(p.code)})`,
  },
  "catalog-from-unknown": {
    vi: (p) =>
      `«${s(p.value)}» không phải mã một hướng dẫn có sẵn (${s(p.known)}) hay một tệp hướng dẫn đọc được`,
    en: (p) => `"${s(p.value)}" is neither a built-in guidance (${s(p.known)}) nor a readable catalogue file`,
  },
  "catalog-written": {
    vi: (p) =>
      `đã ghi ${s(p.path)}: hướng dẫn năm ${s(p.year)} lập từ hướng dẫn ${s(p.from)}; hãy sửa theo văn bản mới, kiểm tra bằng geq validate ${s(p.path)}, rồi ghi đường dẫn tới tệp (tính từ thư mục của geq.yaml) vào catalog trong geq.yaml`,
    en: (p) =>
      `wrote ${s(p.path)}: the ${s(p.year)} guidance made from ${s(p.from)}; edit it to the new letter, check it with geq validate ${s(p.path)}, then set catalog in geq.yaml to its path (from geq.yaml's folder)`,
  },
  "previous-not-annual": {
    vi: () => "--previous chỉ dùng cho báo cáo tổng kết năm (so sánh với tổng kết năm trước)",
    en: () => "--previous is for the annual report only (compared with last year's annual report)",
  },
  "previous-no-catalog": {
    vi: (p) =>
      `không có hướng dẫn năm ${s(p.year)} để đọc các tệp của --previous; hãy dùng --previous-config với tệp cấu hình của năm ${s(p.year)} (catalog trỏ tới hướng dẫn năm đó)`,
    en: (p) =>
      `there is no ${s(p.year)} guidance to read the --previous files with; give --previous-config the ${s(p.year)} configuration (its catalog names that year's guidance)`,
  },
  "catalog-and-config": {
    vi: (p) =>
      `--catalog chỉ dùng khi không có tệp cấu hình; cấu hình «${s(p.path)}» đã nêu hướng dẫn năm ở catalog (dùng --no-config để bỏ qua cấu hình)`,
    en: (p) =>
      `--catalog is for use without a configuration; ${s(p.path)} names its guidance in catalog (use --no-config to leave it out)`,
  },
  "catalog-unreadable": {
    vi: (p) => `không đọc được tệp hướng dẫn năm «${s(p.path)}» (${s(p.code)})`,
    en: (p) => `cannot read the guidance catalogue ${s(p.path)} (${s(p.code)})`,
  },
  "catalog-invalid": {
    vi: (p) => `tệp hướng dẫn «${s(p.path)}» không hợp lệ; hãy sửa các lỗi trên rồi chạy lại`,
    en: (p) => `the guidance catalogue ${s(p.path)} is invalid; fix the errors above and run again`,
  },
  "config-invalid": {
    vi: (p) => `tệp cấu hình «${s(p.path)}» không hợp lệ`,
    en: (p) => `the configuration ${s(p.path)} is invalid`,
  },
  "config-required": {
    vi: () => "cần tệp cấu hình (--config hoặc geq.yaml trong thư mục hiện tại) có danh sách đơn vị",
    en: () =>
      "a configuration with a registry of units is needed (--config, or geq.yaml in the current folder)",
  },
  "output-exists": {
    vi: (p) => `tệp «${s(p.path)}» đã tồn tại; dùng --force để ghi đè`,
    en: (p) => `${s(p.path)} already exists; use --force to overwrite it`,
  },
  "output-failed": {
    vi: (p) => `không ghi được tệp «${s(p.path)}» (${s(p.code)})`,
    en: (p) => `cannot write ${s(p.path)} (${s(p.code)})`,
  },
  "output-not-file": {
    vi: (p) =>
      `không ghi vào «${s(p.path)}» vì đó là ${KIND_VI[s(p.kind)] ?? s(p.kind)}, không phải tệp; chỉ ghi đè được tệp thông thường`,
    en: (p) =>
      `not writing to ${s(p.path)}: it is ${KIND_EN[s(p.kind)] ?? s(p.kind)}, not a file; only a regular file is replaced`,
  },
  "output-is-input": {
    vi: (p) => `tệp đầu ra «${s(p.path)}» là một tệp đầu vào; hãy chọn tên khác`,
    en: (p) => `the output ${s(p.path)} is one of the input files; choose another name`,
  },
  "bad-option": {
    vi: (p) => `giá trị không hợp lệ cho ${s(p.option)}: «${s(p.value)}» (${s(p.expected)})`,
    en: (p) => `invalid value for ${s(p.option)}: "${s(p.value)}" (${s(p.expected)})`,
  },
  "implausible-option-date": {
    vi: (p) =>
      `ngày không hợp lý cho ${s(p.option)}: «${s(p.value)}»; chỉ nhận ngày từ năm ${s(p.from)} đến năm ${s(p.to)}`,
    en: (p) => `implausible date for ${s(p.option)}: "${s(p.value)}"; only years ${s(p.from)} to ${s(p.to)}`,
  },
  "unknown-catalog": {
    vi: (p) =>
      `chưa có hướng dẫn cho năm ${s(p.year)}; geq có hướng dẫn các năm: ${s(p.years)}. Khi có văn bản hướng dẫn năm ${s(p.year)}: geq catalog new --year ${s(p.year)} -o huong-dan-${s(p.year)}.yaml, sửa tệp theo văn bản, rồi ghi catalog: ./huong-dan-${s(p.year)}.yaml trong geq.yaml`,
    en: (p) =>
      `no guidance catalogue for ${s(p.year)}; geq has the guidance of: ${s(p.years)}. For the ${s(p.year)} letter: geq catalog new --year ${s(p.year)} -o huong-dan-${s(p.year)}.yaml, edit it to the letter, then set catalog: ./huong-dan-${s(p.year)}.yaml in geq.yaml`,
  },
  "init-newest-year": {
    vi: (p) =>
      `Tệp được tạo cho năm ${s(p.year)}, năm của hướng dẫn mới nhất mà geq có; chưa có hướng dẫn năm ${s(p.thisYear)}.`,
    en: (p) =>
      `The file is for ${s(p.year)}, the year of the newest guidance geq has; there is none for ${s(p.thisYear)} yet.`,
  },
  "template-folder-missing": {
    vi: (p) => `không tìm thấy thư mục mẫu báo cáo «${s(p.path)}»`,
    en: (p) => `no template folder ${s(p.path)}`,
  },
  "template-missing": {
    vi: (p) => `không tìm thấy tệp mẫu báo cáo «${s(p.path)}»`,
    en: (p) => `no template file ${s(p.path)}`,
  },
  "template-unreadable": {
    vi: (p) => `không đọc được mẫu báo cáo «${s(p.path)}» (${s(p.detail)})`,
    en: (p) => `cannot read the template ${s(p.path)} (${s(p.detail)})`,
  },
  "template-error": {
    vi: (p) => `mẫu báo cáo «${s(p.path)}» bị lỗi: ${templateFaultVi(p)}`,
    en: (p) => `the template ${s(p.path)} fails: ${templateFaultEn(p)}`,
  },
  "template-too-large": {
    vi: (p) =>
      `mẫu báo cáo «${s(p.path)}» sinh ra quá nhiều nội dung (quá ${s(p.max)} MB); xin kiểm tra các vòng lặp {{#each}} lồng nhau`,
    en: (p) =>
      `the template ${s(p.path)} produces too much text (over ${s(p.max)} MB); check for nested {{#each}} loops`,
  },
  "template-too-slow": {
    vi: (p) =>
      `mẫu báo cáo «${s(p.path)}» chạy quá ${s(p.max)} giây nên đã dừng; xin kiểm tra các vòng lặp {{#each}} lồng nhau`,
    en: (p) =>
      `the template ${s(p.path)} ran for over ${s(p.max)} seconds and was stopped; check for nested {{#each}} loops`,
  },
  "input-invalid": {
    vi: (p) =>
      `không lập báo cáo vì ${s(p.count)} tệp không hợp lệ (dùng --skip-invalid để lập từ các tệp hợp lệ)`,
    en: (p) =>
      `no report built: ${s(p.count)} file(s) are invalid (use --skip-invalid to build from the valid ones)`,
  },
  "compare-not-annual": {
    vi: () =>
      "--compare chỉ dùng cho báo cáo tổng kết năm (so sánh với số liệu sơ kết 6 tháng đầu năm cùng năm); báo cáo đang lập là báo cáo sơ kết 6 tháng đầu năm",
    en: () =>
      "--compare is for the annual report only (a comparison with the same year's semi-annual figures); this is a semi-annual report",
  },
  "skipped-other-period": {
    vi: (p) =>
      `Bỏ qua ${s(p.count)} tệp của kỳ khác (không thuộc ${p.period === "annual" ? "tổng kết năm" : "sơ kết 6 tháng đầu năm"} ${s(p.year)}).`,
    en: (p) =>
      `Skipped ${s(p.count)} ${Number(p.count) === 1 ? "file" : "files"} of another period (not part of the ${p.period === "annual" ? "annual" : "semi-annual"} ${s(p.year)} report).`,
  },
  "skipped-compare": {
    vi: (p) =>
      `Bỏ qua ${s(p.count)} tệp so sánh (--compare) không phải báo cáo sơ kết 6 tháng đầu năm ${s(p.year)}.`,
    en: (p) =>
      `Skipped ${s(p.count)} --compare ${Number(p.count) === 1 ? "file" : "files"} that ${Number(p.count) === 1 ? "is not a" : "are not"} semi-annual ${s(p.year)} ${Number(p.count) === 1 ? "report" : "reports"}.`,
  },
  "later-files": {
    vi: (p) =>
      `Không tính ${s(p.count)} tệp nhận sau ngày ${s(p.date)}; tính đến ngày đó, các đơn vị sau được coi là chưa gửi: ${s(p.units)}.`,
    en: (p) =>
      `Not counted: ${s(p.count)} ${Number(p.count) === 1 ? "file" : "files"} received after ${s(p.date)}; as of that day these units had not reported: ${s(p.units)}.`,
  },
  "no-valid-files": {
    vi: () => "không có tệp hợp lệ nào để lập báo cáo",
    en: () => "no valid file to build a report from",
  },
  "internal-error": {
    vi: (p) =>
      `lỗi nội bộ của geq (${s(p.message)}). Xin báo lỗi này kèm lệnh đã chạy; chạy lại với --debug để xem chi tiết.`,
    en: (p) =>
      `internal error in geq (${s(p.message)}). Please report it with the command you ran; rerun with --debug for details.`,
  },
  error: { vi: () => "lỗi", en: () => "error" },
  warning: { vi: () => "cảnh báo", en: () => "warning" },
  waived: { vi: (p) => `đã giải trình: ${s(p.reason)}`, en: (p) => `waived: ${s(p.reason)}` },
  similar: {
    vi: (p) => `… và ${s(p.count)} ${p.severity === "error" ? "lỗi" : "cảnh báo"} tương tự`,
    en: (p) =>
      `… and ${s(p.count)} similar ${p.severity === "error" ? "error" : "warning"}${Number(p.n) > 1 ? "s" : ""}`,
  },
  summary: {
    vi: (p) =>
      `${s(p.files)} tệp, ${s(p.errors)} lỗi, ${s(p.warnings)} cảnh báo${Number(p.waived) ? `, ${s(p.waived)} cảnh báo đã giải trình` : ""}`,
    en: (p) =>
      `${s(p.files)} file(s), ${s(p.errors)} error(s), ${s(p.warnings)} warning(s)${Number(p.waived) ? `, ${s(p.waived)} waived` : ""}`,
  },
  missing: {
    vi: (p) => `Ghi chú: ${s(p.count)} đơn vị chưa có tệp: ${s(p.units)}`,
    en: (p) => `Note: ${s(p.count)} unit(s) have no file: ${s(p.units)}`,
  },
  written: { vi: (p) => `Đã ghi ${s(p.path)}`, en: (p) => `Wrote ${s(p.path)}` },
  // geq status
  "periods-differ": {
    vi: (p) => `các tệp thuộc nhiều kỳ báo cáo (${s(p.periods)}); chọn một kỳ bằng --period`,
    en: (p) => `the files belong to several periods (${s(p.periods)}); choose one with --period`,
  },
  "years-differ": {
    vi: (p) => `các tệp thuộc nhiều năm báo cáo (${s(p.years)}); chọn một năm bằng --year`,
    en: (p) => `the files belong to several years (${s(p.years)}); choose one with --year`,
  },
  "period-unknown": {
    vi: () =>
      "không xác định được kỳ báo cáo từ các tệp; chọn kỳ bằng --period semi-annual hoặc --period annual",
    en: () => "cannot tell the period from the files; choose it with --period semi-annual or --period annual",
  },
  "status-title": {
    vi: (p) =>
      `Tình hình gửi báo cáo ${p.period === "annual" ? "tổng kết năm" : "sơ kết 6 tháng đầu năm"} ${s(p.year)} (hạn gửi: ${s(p.deadline)}; tính đến ngày ${s(p.asOf)})`,
    en: (p) =>
      `Submissions of the ${p.period === "annual" ? "annual" : "semi-annual"} ${s(p.year)} reports (${s(p.deadline)}; as of ${s(p.asOf)})`,
  },
  /** The deadline as the letter words it: `trước ngày 10/06/2022` or `chậm nhất ngày 10/06/2022`. */
  "deadline-rule": {
    vi: (p) => `${p.day === "late" ? "trước ngày" : "chậm nhất ngày"} ${s(p.date)}`,
    en: (p) => `due ${p.day === "late" ? "before" : "on or before"} ${s(p.date)}`,
  },
  "status-col-code": { vi: () => "Mã", en: () => "Code" },
  "status-col-unit": { vi: () => "Đơn vị", en: () => "Unit" },
  "status-col-state": { vi: () => "Tình trạng", en: () => "Status" },
  "status-col-date": { vi: () => "Ngày gửi", en: () => "Sent" },
  "status-col-reference": { vi: () => "Số văn bản", en: () => "Document no." },
  "status-on-time": { vi: () => "đúng hạn", en: () => "on time" },
  "status-late": {
    vi: (p) => `chậm ${s(p.days)} ngày`,
    en: (p) => `late by ${s(p.days)} ${Number(p.days) === 1 ? "day" : "days"}`,
  },
  "status-missing": { vi: () => "chưa gửi", en: () => "missing" },
  "status-invalid": {
    vi: (p) => `không hợp lệ (${s(p.errors)} lỗi)`,
    en: (p) => `invalid (${s(p.errors)} ${Number(p.errors) === 1 ? "error" : "errors"})`,
  },
  "status-unregistered": { vi: () => "ngoài danh sách", en: () => "not registered" },
  /** `không hợp lệ` counts every rejected file, as the rows and notes above name them, then says which are outside the registry. */
  "status-totals": {
    vi: (p) =>
      `Phải báo cáo: ${s(p.mustReport)}; đã gửi: ${s(p.submitted)} (đúng hạn: ${s(p.onTime)}, chậm: ${s(p.late)}); chưa gửi: ${s(p.missing)}; không hợp lệ: ${s(rejectedFiles(p))}` +
      outside(p, ["ngoài danh sách", "không rõ đơn vị", "tệp trùng"], "trong đó"),
    en: (p) =>
      `Must report: ${s(p.mustReport)}; submitted: ${s(p.submitted)} (on time: ${s(p.onTime)}, late: ${s(p.late)}); missing: ${s(p.missing)}; invalid: ${s(rejectedFiles(p))}` +
      outside(p, ["not registered", "naming no unit", "duplicates"], "of which"),
  },
  "status-basis": {
    vi: (p) =>
      Number(p.submitted) === 0
        ? "Ngày gửi là ngày đến ghi trong sổ nhận báo cáo (dấu công văn đến)."
        : Number(p.receipt) === 0
          ? "Ngày gửi là ngày đơn vị ghi trong tệp (submitted), vì chưa đơn vị nào được vào sổ nhận báo cáo; văn thư vào sổ bằng geq receive để tính theo dấu công văn đến."
          : `Ngày gửi là ngày đến ghi trong sổ nhận báo cáo cho ${s(p.receipt)} đơn vị; ${s(p.submitted)} đơn vị chưa vào sổ (đánh dấu *) tính theo ngày ghi trong tệp (submitted).`,
    en: (p) =>
      Number(p.submitted) === 0
        ? "Dates are the receipt dates in the receipts file (the incoming stamp)."
        : Number(p.receipt) === 0
          ? "No receipts recorded: dates are those the units wrote in their files (submitted); record receipts with geq receive to count by the incoming stamp."
          : `Dates are the receipt dates in the receipts file for ${s(p.receipt)} unit(s); ${s(p.submitted)} unit(s) with no receipt (marked *) count from the date in their file (submitted).`,
  },
  "status-days-left": {
    vi: (p) => `Còn ${s(p.days)} ngày đến hạn gửi báo cáo (${s(p.deadline)})`,
    en: (p) =>
      `${s(p.days)} ${Number(p.count) === 1 ? "day" : "days"} left until the deadline (${s(p.deadline)})`,
  },
  "status-due-today": {
    vi: (p) => `Ngày ${s(p.asOf)} là ngày cuối cùng gửi báo cáo đúng hạn (${s(p.deadline)})`,
    en: (p) => `${s(p.asOf)} is the last day to report on time (${s(p.deadline)})`,
  },
  "status-overdue": {
    vi: (p) =>
      `Đã quá hạn gửi báo cáo (${s(p.deadline)}); báo cáo nhận ngày ${s(p.asOf)} là chậm ${s(p.days)} ngày`,
    en: (p) =>
      `The deadline has passed (${s(p.deadline)}); a report received on ${s(p.asOf)} is ${s(p.days)} ${Number(p.count) === 1 ? "day" : "days"} late`,
  },
  "status-unidentified": {
    vi: (p) => `Tệp không xác định được đơn vị: ${s(p.files)}`,
    en: (p) => `Files that name no unit: ${s(p.files)}`,
  },
  "status-duplicates": {
    vi: (p) => `Tệp không được tính vì đơn vị đã có tệp khác cho kỳ này: ${s(p.files)}`,
    en: (p) => `Files not counted because their unit already has another file for the period: ${s(p.files)}`,
  },
  "status-see-errors": {
    vi: (p) => `Xem chi tiết lỗi: geq validate ${s(p.files)}`,
    en: (p) => `To see the errors: geq validate ${s(p.files)}`,
  },
  "status-fail-on": {
    vi: (p) => `có đơn vị thuộc trường hợp nêu ở --fail-on: ${s(p.conditions)}`,
    en: (p) => `conditions named by --fail-on occur: ${s(p.conditions)}`,
  },
  "strict-failed": {
    vi: (p) => `không đạt vì có ${s(p.count)} cảnh báo chưa giải trình (--strict coi cảnh báo là lỗi)`,
    en: (p) =>
      `failed because of ${s(p.count)} ${Number(p.count) === 1 ? "warning" : "warnings"} not waived (--strict fails on warnings)`,
  },
  "skip-invalid-excluded": {
    vi: (p) => `Không đưa vào báo cáo ${s(p.count)} tệp không hợp lệ (--skip-invalid): ${s(p.units)}.`,
    en: (p) =>
      `Left out of the report: ${s(p.count)} invalid ${Number(p.count) === 1 ? "file" : "files"} (--skip-invalid): ${s(p.units)}.`,
  },
  "dated-today": {
    vi: (p) =>
      `Báo cáo ${p.period === "annual" ? "tổng kết năm" : "sơ kết 6 tháng đầu năm"} ${s(p.year)} được ghi ngày hôm nay (${s(p.date)}) và chỉ tính các tệp nhận đến ngày này; dùng --date để ghi ngày ban hành của báo cáo.`,
    en: (p) =>
      `The ${p.period === "annual" ? "annual" : "semi-annual"} ${s(p.year)} report is dated today (${s(p.date)}) and counts the files received by then; give its issue date with --date.`,
  },
  // geq receive
  "kept-not-file": {
    vi: (p) =>
      `«${s(p.path)}» là ${KIND_VI[s(p.kind)] ?? s(p.kind)}, không phải tệp thông thường; sổ nhận báo cáo và tệp đã nhận phải là tệp thông thường`,
    en: (p) =>
      `${s(p.path)} is ${KIND_EN[s(p.kind)] ?? s(p.kind)}, not a regular file; receipts files and filed unit files must be regular files`,
  },
  "receipts-invalid": {
    vi: (p) => `sổ nhận báo cáo «${s(p.path)}» không hợp lệ; sửa các lỗi nêu trên rồi chạy lại`,
    en: (p) => `the receipts file ${s(p.path)} is invalid; correct the errors above and run again`,
  },
  "receipts-other-period": {
    vi: (p) =>
      `sổ nhận báo cáo «${s(p.path)}» là của kỳ ${s(p.period)} năm ${s(p.year)}, không phải của kỳ của tệp đang nhận`,
    en: (p) =>
      `the receipts file ${s(p.path)} belongs to the ${s(p.period)} ${s(p.year)} period, not to the file's period`,
  },
  "receipts-not-appendable": {
    vi: (p) =>
      `không ghi thêm được vào sổ nhận báo cáo «${s(p.path)}»: danh sách receipts phải là mục cuối cùng của tệp`,
    en: (p) =>
      `cannot append to the receipts file ${s(p.path)}: its receipts list must come last in the file`,
  },
  "receive-filed": {
    vi: (p) =>
      `Đã nhận báo cáo của ${s(p.code)}: lưu tại ${s(p.target)}; vào sổ ngày ${s(p.date)}${p.number !== undefined ? `, số đến ${s(p.number)}` : ""} (${s(p.receipts)})`,
    en: (p) =>
      `Received ${s(p.code)}'s report: filed as ${s(p.target)}; entered on ${s(p.date)}${p.number !== undefined ? `, incoming no. ${s(p.number)}` : ""} (${s(p.receipts)})`,
  },
  "receive-in-place": {
    vi: (p) =>
      `Tệp ${s(p.target)} của ${s(p.code)} đã nằm đúng chỗ, không cần chép; nay vào sổ ngày ${s(p.date)}${p.number !== undefined ? `, số đến ${s(p.number)}` : ""} (${s(p.receipts)})`,
    en: (p) =>
      `${s(p.code)}'s file ${s(p.target)} was already in place, nothing to copy; now entered on ${s(p.date)}${p.number !== undefined ? `, incoming no. ${s(p.number)}` : ""} (${s(p.receipts)})`,
  },
  "receive-before-submitted": {
    vi: (p) =>
      `Lưu ý: ngày nhận ${s(p.date)} trước ngày ${s(p.submitted)} mà ${s(p.code)} ghi trong tệp (submitted); xin kiểm tra lại --date`,
    en: (p) =>
      `Note: the receipt date ${s(p.date)} is before ${s(p.code)}'s own date in the file (${s(p.submitted)}); check --date`,
  },
  "receive-kept": {
    vi: (p) => `Tệp nhận trước của ${s(p.code)} được giữ lại là ${s(p.kept)}`,
    en: (p) => `${s(p.code)}'s earlier file was kept as ${s(p.kept)}`,
  },
  "receive-unchanged": {
    vi: (p) =>
      `Báo cáo của ${s(p.code)} đã được nhận ngày ${s(p.date)} với đúng nội dung này (${s(p.target)}); không ghi gì thêm`,
    en: (p) =>
      `${s(p.code)}'s report was received on ${s(p.date)} with this very content (${s(p.target)}); nothing written`,
  },
  "receive-refused": {
    vi: (p) =>
      `không nhận «${s(p.file)}»: đơn vị ${s(p.code)} đã có tệp khác tại ${s(p.target)}; nếu đây là bản thay thế, chạy lại với --replace (tệp cũ được giữ lại thành bản đánh số)`,
    en: (p) =>
      `not received: ${s(p.file)}: unit ${s(p.code)} already has a different file at ${s(p.target)}; if this one replaces it, run again with --replace (the old file is kept as a numbered copy)`,
  },
  "receive-invalid": {
    vi: (p) => `không nhận «${s(p.file)}» vì tệp có ${s(p.errors)} lỗi; đề nghị đơn vị sửa và gửi lại`,
    en: (p) =>
      `not received: ${s(p.file)} has ${s(p.errors)} ${Number(p.errors) === 1 ? "error" : "errors"}; ask the unit to correct it and send it again`,
  },
} satisfies Record<string, Entry>;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey, params: Params = {}): string {
  return (TEXT[key] as Entry)[lang](params);
}
