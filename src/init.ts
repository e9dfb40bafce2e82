import type { Catalog, PeriodKey } from "./model.js";
import { deadlineRule } from "./catalog/catalog.js";
import { STATUS_LABELS, PERIOD_LABELS } from "./catalog/schema.js";
import { PLACEHOLDERS } from "./validate/rules/placeholder.js";

/**
 * The scaffold `geq init` writes: every field a unit fills in, commented with the letter's words.
 * What only the unit knows is a placeholder that validation warns about (`placeholder`), and the
 * date of the unit's document is left for it to write: a date filled in for it would make a late
 * file look on time.
 */

export interface ScaffoldOptions {
  code: string;
  name: string;
  year: number;
  period: PeriodKey;
  /**
   * Path of the unit schema relative to the new file's folder, for the editor modeline; none for a
   * catalogue file's, whose schema `geq schema unit --config` writes.
   */
  schemaRef?: string;
}

function wrap(text: string, indent: string, width = 96): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (indent + line + " " + word).length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

export function scaffold(catalog: Catalog, o: ScaffoldOptions): string {
  const period = catalog.periods[o.period];
  const rule = deadlineRule(catalog, o.period);
  const deadline = `${rule.day === "late" ? "trước ngày" : "chậm nhất ngày"} ${period.deadline.split("-").reverse().join("/")}`;
  const out: string[] = [
    o.schemaRef
      ? `# yaml-language-server: $schema=${o.schemaRef}`
      : `# Lược đồ cho trình soạn thảo: geq schema unit --config geq.yaml -o unit-report-${o.year}.schema.json`,
    `# Báo cáo ${PERIOD_LABELS[o.period]} ${o.year} về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ`,
    `# theo văn bản ${catalog.letter.subject.replace(/^V\/v /, "về việc ")} của ${catalog.letter.issuer}.`,
    `# Hạn gửi: ${deadline} (tính theo dấu công văn đến). Tình trạng: ${Object.entries(STATUS_LABELS)
      .map(([k, v]) => `${k} = ${v}`)
      .join("; ")}.`,
    "format: geq/unit-report/v1",
    "unit:",
    `  code: ${o.code}`,
    `  name: ${quote(o.name)}`,
    `year: ${o.year}`,
    `period: ${o.period} # ${PERIOD_LABELS[o.period]}`,
    `submitted: YYYY-MM-DD # ngày ký văn bản báo cáo của đơn vị; hạn gửi ${deadline}`,
    `reference: ${quote(`${PLACEHOLDERS.reference}${o.code}`)} # số, ký hiệu văn bản báo cáo của đơn vị`,
    "signer: # người ký báo cáo của đơn vị",
    '  # authority: "KT. THỦ TRƯỞNG" # quyền hạn ký, nếu có: KT., TL., TUQ., Q.',
    `  position: ${quote(PLACEHOLDERS.signerPosition)}`,
    `  name: ${quote(PLACEHOLDERS.signerName)}`,
    "contact: # đầu mối liên hệ của Ban vì sự tiến bộ của phụ nữ",
    `  name: ${quote(PLACEHOLDERS.contactName)}`,
    `  position: ${quote(PLACEHOLDERS.contactPosition)}`,
    `  phone: ${quote(PLACEHOLDERS.phone)}`,
    `  email: ${quote(PLACEHOLDERS.email)}`,
    "",
    "staff: # số liệu tại thời điểm chốt",
  ];
  for (const s of catalog.staff) out.push(`  ${s.key}: { total: 0, female: 0 } # ${s.label}`);
  out.push("", "tasks:");
  for (const group of catalog.groups) {
    out.push(...wrap(`${group.number}. ${group.title}`, "  # "));
    out.push(`  ${group.key}:`);
    for (const task of group.tasks) {
      out.push(...wrap(`- ${task.text}`, "    # "));
      out.push(`    ${task.key}:`);
      out.push("      status: not_started");
      out.push("      # summary: kết quả thực hiện (bắt buộc khi done hoặc in_progress)");
      for (const ind of task.indicators) {
        const value = ind.type === "people" ? "{ total: 0, female: 0 }" : ind.type === "flag" ? "false" : "0";
        if (ind.type === "text") out.push(`      # ${ind.key}: "" # ${ind.label}`);
        else out.push(`      ${ind.key}: ${value} # ${ind.label}`);
      }
    }
  }
  out.push(
    "",
    "# Các hoạt động đã tổ chức trong kỳ, liệt kê trong phụ lục của báo cáo: bỏ dấu # ở đầu các dòng để dùng.",
    "# activities:",
    `#   - date: ${o.year}-03-08 # ngày tổ chức, trong kỳ báo cáo`,
    `#     group: ${catalog.groups[0]?.key ?? ""} # nhóm nhiệm vụ: ${catalog.groups.map((g) => g.key).join(", ")}`,
    '#     title: "Tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ 8/3"',
    "#     participants: { total: 0, female: 0 }",
    "",
    `budget: # kinh phí theo ${catalog.budget_source}, đồng`,
    "  planned_vnd: 0",
    "  spent_vnd: 0",
    "",
    "assessment: # đánh giá chung",
    "  strengths: [] # ưu điểm",
    "  limitations: [] # hạn chế",
    "  causes: [] # nguyên nhân",
    "next_steps: [] # phương hướng, nhiệm vụ kỳ tới",
    "recommendations: [] # kiến nghị, đề xuất",
    "",
  );
  return out.join("\n");
}
