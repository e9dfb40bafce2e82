import type { Catalog, PeriodKey } from "./model.js";
import { deadlineRule } from "./catalog/catalog.js";
import { STATUS_LABELS, PERIOD_LABELS } from "./catalog/schema.js";
import { lastOnTimeDay } from "./dates.js";

/** The scaffold `geq init` writes: a complete unit file that validates, commented with the letter's words. */

export interface ScaffoldOptions {
  code: string;
  name: string;
  year: number;
  period: PeriodKey;
  /** Path of the unit schema relative to the new file's folder, for the editor modeline. */
  schemaRef: string;
  /** Today, ISO: the submission date is today kept inside the period's window and deadline. */
  today: string;
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
  const lastDay = lastOnTimeDay(rule);
  const submitted = o.today < period.window.from ? period.window.from : o.today > lastDay ? lastDay : o.today;
  const out: string[] = [
    `# yaml-language-server: $schema=${o.schemaRef}`,
    `# Báo cáo ${PERIOD_LABELS[o.period]} ${o.year} về công tác bình đẳng giới và vì sự tiến bộ của phụ nữ`,
    `# theo văn bản ${catalog.letter.subject.replace(/^V\/v /, "về việc ")} của ${catalog.letter.issuer}.`,
    `# Hạn gửi: ${rule.day === "late" ? "trước ngày" : "chậm nhất ngày"} ${period.deadline} (tính theo dấu công văn đến). Tình trạng: ${Object.entries(
      STATUS_LABELS,
    )
      .map(([k, v]) => `${k} = ${v}`)
      .join("; ")}.`,
    "format: geq/unit-report/v1",
    "unit:",
    `  code: ${o.code}`,
    `  name: ${quote(o.name)}`,
    `year: ${o.year}`,
    `period: ${o.period} # ${PERIOD_LABELS[o.period]}`,
    `submitted: ${submitted} # ngày gửi báo cáo, YYYY-MM-DD`,
    `# reference: "…/BC-${o.code}" # số, ký hiệu văn bản`,
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
