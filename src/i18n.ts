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
  "form-unit-unknown": {
    vi: (p) =>
      `mã đơn vị ${s(p.code)} không có trong danh sách đơn vị của tệp cấu hình ${s(p.config)}; các mã đang có: ${s(p.known)}`,
    en: (p) => `unit code ${s(p.code)} is not in the registry of ${s(p.config)}; its codes: ${s(p.known)}`,
  },
  "form-assets-missing": {
    vi: () => "thiếu tệp mã của biểu mẫu (dist/form/page.bundle.js); hãy chạy npm run build",
    en: () => "the form's script (dist/form/page.bundle.js) is missing; run npm run build",
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
  "input-changed": {
    vi: (p) =>
      `tệp «${s(p.file)}» đã thay đổi trong khi lập báo cáo; không ghi báo cáo, đề nghị chạy lại lệnh`,
    en: (p) =>
      `${s(p.file)} changed while the report was being built; nothing written, run the command again`,
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

type Plain = { vi: string | ((p: Params) => string); en: string | ((p: Params) => string) };

/**
 * The words of the form page (`geq form`). The page is one file for any language: both languages
 * travel in it, and `formText` picks the page's.
 */
const FORM_TEXT = {
  title: {
    vi: (p) => `Báo cáo công tác bình đẳng giới và vì sự tiến bộ của phụ nữ${s(p.period)} năm ${s(p.year)}`,
    en: (p) => `Gender equality and advancement of women: unit report${s(p.period)} ${s(p.year)}`,
  },
  intro: {
    vi: (p) =>
      `Biểu mẫu điền tệp báo cáo của đơn vị theo văn bản ${s(p.subject).replace(/^V\/v /, "về việc ")} của ${s(p.issuer)}. Biểu mẫu kiểm tra ngay khi nhập, đúng như lệnh geq validate, và lưu thành tệp .yaml để gửi kèm văn bản báo cáo. Trang không gửi dữ liệu đi đâu; bản nháp được giữ trong trình duyệt của máy này.`,
    en: (p) =>
      `Fill in the unit's report file under ${s(p.issuer)}'s letter "${s(p.subject)}". The form checks as you type, exactly as geq validate does, and saves a .yaml file to send with the unit's report. Nothing leaves this page; a draft is kept in this computer's browser.`,
  },
  "drop-hint": {
    vi: "Để sửa một tệp đã có: bấm «Mở tệp…» hoặc kéo thả tệp .yaml vào trang. Chú thích (các dòng bắt đầu bằng #) của tệp mở ra không được giữ khi lưu lại.",
    en: "To edit an existing file: press «Open file…» or drop the .yaml file onto the page. Comments (lines starting with #) of an opened file are not kept when it is saved.",
  },
  skip: { vi: "Đến phần kết quả kiểm tra", en: "Skip to the check results" },
  toolbar: { vi: "Thao tác với tệp", en: "File actions" },
  open: { vi: "Mở tệp…", en: "Open file…" },
  save: { vi: "Lưu tệp .yaml", en: "Save .yaml file" },
  print: { vi: "In", en: "Print" },
  "start-over": { vi: "Bắt đầu lại", en: "Start over" },
  "start-over-confirm": {
    vi: "Xóa toàn bộ nội dung đã nhập (kể cả bản nháp lưu trong trình duyệt) và bắt đầu lại từ biểu mẫu trống?",
    en: "Clear everything entered (including the draft kept in the browser) and start again from an empty form?",
  },
  "started-over": {
    vi: "Đã xóa nội dung, biểu mẫu trở về trạng thái ban đầu.",
    en: "Cleared: the form is empty again.",
  },
  "draft-restored": {
    vi: (p) =>
      `Đã khôi phục bản nháp chưa lưu (lần sửa cuối: ${s(p.at)} UTC). Bấm «Bắt đầu lại» để làm từ biểu mẫu trống.`,
    en: (p) =>
      `The unsaved draft was restored (last change: ${s(p.at)} UTC). Press «Start over» for an empty form.`,
  },
  opened: {
    vi: (p) => `Đã mở tệp ${s(p.name)}. Chú thích (#…) trong tệp không được giữ khi lưu lại.`,
    en: (p) => `Opened ${s(p.name)}. Its comments (#…) are not kept when it is saved.`,
  },
  "open-failed": {
    vi: (p) =>
      `Không mở được tệp ${s(p.name)}: tệp có lỗi ngay khi đọc (xem kết quả kiểm tra). Biểu mẫu giữ nguyên nội dung trước đó.`,
    en: (p) =>
      `${s(p.name)} could not be opened: it has errors as it is read (see the check results). The form keeps what it held.`,
  },
  saved: {
    vi: (p) => `Đã lưu tệp ${s(p.name)} (thư mục tải về của trình duyệt). Tệp không có lỗi.`,
    en: (p) => `Saved ${s(p.name)} (the browser's downloads folder). The file has no errors.`,
  },
  "saved-with-errors": {
    vi: (p) =>
      `Đã lưu tệp ${s(p.name)} (thư mục tải về của trình duyệt). Tệp còn ${s(p.errors)} lỗi: hãy sửa trước khi gửi, geq validate sẽ không chấp nhận tệp.`,
    en: (p) =>
      `Saved ${s(p.name)} (the browser's downloads folder). It still has ${s(p.errors)} ${Number(p.errors) === 1 ? "error" : "errors"}: correct them before sending, geq validate will refuse it.`,
  },
  "file-stem": { vi: "bao-cao-don-vi", en: "unit-report" },
  "file-comment": {
    vi: (p) =>
      ` Tệp báo cáo của đơn vị về công tác bình đẳng giới năm ${s(p.year)}, lập bằng biểu mẫu của geq.`,
    en: (p) => ` The unit's gender-equality report file for ${s(p.year)}, made with geq's form.`,
  },
  "form-label": { vi: "Nội dung báo cáo của đơn vị", en: "The unit's report" },
  "summary-title": { vi: "Kết quả kiểm tra", en: "Check results" },
  "all-good": {
    vi: "Không có lỗi, không có cảnh báo: tệp lưu lại sẽ được geq validate chấp nhận.",
    en: "No errors, no warnings: the saved file will pass geq validate.",
  },
  counts: {
    vi: (p) =>
      `Còn ${s(p.errors)} lỗi, ${s(p.warnings)} cảnh báo${Number(p.waived) ? `, ${s(p.waived)} cảnh báo đã giải trình` : ""}. Lỗi phải sửa trước khi gửi; cảnh báo cần xem lại hoặc giải trình.`,
    en: (p) =>
      `${s(p.errors)} ${Number(p.errors) === 1 ? "error" : "errors"}, ${s(p.warnings)} ${Number(p.warnings) === 1 ? "warning" : "warnings"}${Number(p.waived) ? `, ${s(p.waived)} waived` : ""}. Errors must be corrected before sending; warnings need a look or a waiver.`,
  },
  unreadable: {
    vi: (p) =>
      `Tệp ${s(p.name)} không đọc được (${s(p.errors)} lỗi). Hãy sửa tệp theo các dòng dưới đây rồi mở lại, hoặc bấm «Tiếp tục với biểu mẫu».`,
    en: (p) =>
      `${s(p.name)} cannot be read (${s(p.errors)} ${Number(p.errors) === 1 ? "error" : "errors"}). Correct the file at the lines below and open it again, or press «Go on with the form».`,
  },
  dismiss: { vi: "Tiếp tục với biểu mẫu", en: "Go on with the form" },
  "key-rename": {
    vi: (p) => `Đổi «${s(p.key)}» thành «${s(p.to)}»`,
    en: (p) => `Rename «${s(p.key)}» to «${s(p.to)}»`,
  },
  "key-renamed": {
    vi: (p) => `Đã đổi «${s(p.key)}» thành «${s(p.to)}».`,
    en: (p) => `Renamed «${s(p.key)}» to «${s(p.to)}».`,
  },
  "key-remove": {
    vi: (p) => `Bỏ «${s(p.key)}» khỏi tệp`,
    en: (p) => `Remove «${s(p.key)}» from the file`,
  },
  "key-removed": {
    vi: (p) => `Đã bỏ «${s(p.key)}» khỏi tệp.`,
    en: (p) => `Removed «${s(p.key)}» from the file.`,
  },
  "loaded-text": { vi: "văn bản YAML được nạp", en: "the YAML text loaded" },
  line: {
    vi: (p) => `dòng ${s(p.line)}, cột ${s(p.column)}:`,
    en: (p) => `line ${s(p.line)}, column ${s(p.column)}:`,
  },
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  waived: { vi: "Cảnh báo đã giải trình", en: "Waived warning" },
  similar: { vi: (p) => `(và ${s(p.n)} trường hợp tương tự)`, en: (p) => `(and ${s(p.n)} more like it)` },
  choose: { vi: "— chọn —", en: "— choose —" },
  "not-in-list": {
    vi: (p) => `${s(p.value)} (không có trong danh sách)`,
    en: (p) => `${s(p.value)} (not in the list)`,
  },
  general: { vi: "Thông tin chung", en: "General" },
  unit: { vi: "Đơn vị", en: "Unit" },
  "unit-code": { vi: "Mã đơn vị", en: "Unit code" },
  "unit-name": { vi: "Tên đơn vị", en: "Unit name" },
  "hint-code": {
    vi: "Mã theo danh sách đơn vị của Vụ Tổ chức cán bộ: chữ in hoa không dấu, chữ số, ví dụ VKT.",
    en: "The code in the ministry's list of units: capital letters without accents and digits, e.g. VKT.",
  },
  year: { vi: "Năm báo cáo", en: "Year" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  submitted: { vi: "Ngày gửi báo cáo", en: "Date of the report" },
  "hint-submitted": {
    vi: "Ngày ký văn bản báo cáo của đơn vị, dạng năm-tháng-ngày, ví dụ 2022-06-08.",
    en: "The date the unit's report is signed, year-month-day, e.g. 2022-06-08.",
  },
  "hint-date": { vi: "Dạng năm-tháng-ngày, ví dụ 2022-03-08.", en: "Year-month-day, e.g. 2022-03-08." },
  reference: { vi: "Số, ký hiệu văn bản", en: "Document number" },
  "hint-reference": { vi: "Ví dụ 125/BC-VKT.", en: "E.g. 125/BC-VKT." },
  signer: { vi: "Người ký", en: "Signer" },
  "signer-intro": { vi: "Người ký văn bản báo cáo của đơn vị.", en: "Who signs the unit's report." },
  "signer-authority": { vi: "Quyền hạn ký (nếu có)", en: "Signing capacity (if any)" },
  "hint-authority": {
    vi: "KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); ví dụ KT. VIỆN TRƯỞNG.",
    en: "KT., TL., TUQ. or Q.; e.g. KT. VIỆN TRƯỞNG.",
  },
  "signer-position": { vi: "Chức vụ người ký", en: "Signer's position" },
  "signer-name": { vi: "Họ và tên người ký", en: "Signer's name" },
  contact: { vi: "Đầu mối liên hệ", en: "Contact" },
  "contact-intro": {
    vi: "Người đầu mối của Ban vì sự tiến bộ của phụ nữ.",
    en: "The focal person of the committee for the advancement of women.",
  },
  "contact-name": { vi: "Họ và tên", en: "Name" },
  "contact-position": { vi: "Chức vụ", en: "Position" },
  "contact-phone": { vi: "Số điện thoại", en: "Phone" },
  "contact-email": { vi: "Thư điện tử", en: "E-mail" },
  staff: { vi: "Số liệu cán bộ", en: "Staff figures" },
  "staff-intro": {
    vi: "Số liệu tại thời điểm chốt số liệu của kỳ báo cáo: tổng số và số nữ.",
    en: "Figures at the period's cut-off date: total and women.",
  },
  total: { vi: "Tổng số", en: "Total" },
  female: { vi: "Trong đó nữ", en: "Of whom women" },
  people: {
    vi: (p) => `tổng số ${s(p.total)}, trong đó nữ ${s(p.female)}`,
    en: (p) => `total ${s(p.total)}, women ${s(p.female)}`,
  },
  status: { vi: "Tình trạng thực hiện", en: "Status" },
  "status-not_started": { vi: "Chưa triển khai (not_started)", en: "Not started (not_started)" },
  "status-in_progress": { vi: "Đang triển khai (in_progress)", en: "In progress (in_progress)" },
  "status-done": { vi: "Đã hoàn thành (done)", en: "Done (done)" },
  "status-not_applicable": {
    vi: "Không phát sinh / không áp dụng (not_applicable)",
    en: "Did not arise / not applicable (not_applicable)",
  },
  summary: { vi: "Kết quả thực hiện", en: "Summary of results" },
  "hint-summary": {
    vi: "Bắt buộc khi tình trạng là «đã hoàn thành» hoặc «đang triển khai».",
    en: "Required when the status is done or in progress.",
  },
  "hint-count": {
    vi: "Số nguyên, từ 0 trở lên; để trống là 0.",
    en: "A whole number, 0 or more; empty counts as 0.",
  },
  "hint-money": {
    vi: "Số đồng, viết liền không dấu chấm, dấu phẩy, ví dụ 21500000.",
    en: "Whole đồng, digits only, e.g. 21500000.",
  },
  dong: { vi: "đồng", en: "đồng" },
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  activities: { vi: "Các hoạt động", en: "Activities" },
  "activities-intro": {
    vi: "Các hoạt động đã tổ chức trong kỳ, liệt kê trong phụ lục của báo cáo.",
    en: "Activities held in the period, listed in the report's appendix.",
  },
  activity: { vi: (p) => `Hoạt động ${s(p.n)}`, en: (p) => `Activity ${s(p.n)}` },
  "activity-date": { vi: "Ngày tổ chức", en: "Date" },
  "activity-group": { vi: "Nhóm nhiệm vụ", en: "Task group" },
  "activity-title": { vi: "Tên hoạt động", en: "Title" },
  "activity-participants": { vi: "Số người tham gia", en: "Participants" },
  "activity-with": { vi: "Đơn vị phối hợp", en: "Partner units" },
  "hint-with": {
    vi: "Mã các đơn vị cùng tổ chức (kiểm tra chéo, giao lưu…), cách nhau bằng dấu phẩy, không gồm chính đơn vị; để trống nếu không có.",
    en: "Codes of the units that held it jointly, comma-separated, not the unit itself; empty if none.",
  },
  "add-activity": { vi: "Thêm hoạt động", en: "Add an activity" },
  "remove-activity": { vi: (p) => `Xóa hoạt động ${s(p.n)}`, en: (p) => `Remove activity ${s(p.n)}` },
  budget: { vi: "Kinh phí", en: "Budget" },
  "budget-intro": {
    vi: (p) => `Kinh phí hoạt động theo ${s(p.source)}.`,
    en: (p) => `Funds under ${s(p.source)}.`,
  },
  "budget-planned": { vi: "Kinh phí dự toán (đồng)", en: "Planned (đồng)" },
  "budget-spent": { vi: "Kinh phí đã sử dụng (đồng)", en: "Spent (đồng)" },
  assessment: { vi: "Đánh giá chung", en: "Assessment" },
  strengths: { vi: "Ưu điểm", en: "Strengths" },
  limitations: { vi: "Hạn chế", en: "Limitations" },
  causes: { vi: "Nguyên nhân", en: "Causes" },
  "next-steps": { vi: "Phương hướng, nhiệm vụ kỳ tới", en: "Next steps" },
  recommendations: { vi: "Kiến nghị, đề xuất", en: "Recommendations" },
  "hint-list": {
    vi: "Mỗi ý một ô; bấm «Thêm ý» để thêm.",
    en: "One point per box; press «Add a point» for another.",
  },
  item: { vi: (p) => `ý ${s(p.n)}`, en: (p) => `point ${s(p.n)}` },
  "add-item": { vi: "Thêm ý", en: "Add a point" },
  "remove-item": { vi: (p) => `Xóa ý ${s(p.n)}`, en: (p) => `Remove point ${s(p.n)}` },
  removed: { vi: (p) => `Đã xóa ${s(p.what)}.`, en: (p) => `Removed ${s(p.what)}.` },
  waivers: { vi: "Giải trình cảnh báo", en: "Waivers" },
  "waivers-intro": {
    vi: "Cảnh báo đơn vị đã biết và giải trình lý do (ví dụ gửi chậm: late-submission).",
    en: "Warnings the unit acknowledges, with the reason (e.g. late-submission).",
  },
  waiver: { vi: (p) => `Giải trình ${s(p.n)}`, en: (p) => `Waiver ${s(p.n)}` },
  "waiver-rule": { vi: "Mã cảnh báo", en: "Warning id" },
  "hint-waiver-rule": {
    vi: "Mã ghi trong ngoặc vuông của cảnh báo, ví dụ late-submission.",
    en: "The id in square brackets after the warning, e.g. late-submission.",
  },
  "waiver-reason": { vi: "Lý do", en: "Reason" },
  "add-waiver": { vi: "Thêm giải trình", en: "Add a waiver" },
  "remove-waiver": { vi: (p) => `Xóa giải trình ${s(p.n)}`, en: (p) => `Remove waiver ${s(p.n)}` },
} satisfies Record<string, Plain>;

export type FormTextKey = keyof typeof FORM_TEXT;

export function formText(lang: Lang, key: FormTextKey, params: Params = {}): string {
  const entry = (FORM_TEXT[key] as Plain)[lang];
  return typeof entry === "string" ? entry : entry(params);
}
