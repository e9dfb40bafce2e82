import type { Catalog, Indicator, PeriodDef, TaskDef } from "../model.js";
import { PERIOD_KEYS } from "../model.js";
import { CATALOG_FORMAT } from "./catalog-file.js";

/**
 * `geq catalog new`: next year's catalogue written from last year's as a complete YAML file, every
 * field commented in Vietnamese, for the clerk to edit against the new letter. Dates move by the
 * years between the two; a year written in the wording moves with them.
 */

const q = (s: string) => JSON.stringify(s);

/** `2022-06-10` moved by `years`; 29 February becomes 28 in a common year. */
export function shiftDate(iso: string, years: number): string {
  const [y, m, d] = iso.split("-");
  const year = Number(y) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === "02" && d === "29" && !leap ? "28" : d;
  return `${String(year).padStart(4, "0")}-${m}-${day}`;
}

export function catalogScaffold(from: Catalog, year: number): string {
  const years = year - from.year;
  const date = (iso: string) => shiftDate(iso, years);
  const words = (text: string) => text.replace(new RegExp(`\\b${from.year}\\b`, "g"), String(year));
  const out: string[] = [
    `# Hướng dẫn năm ${year} (geq/catalog/v1), lập từ hướng dẫn năm ${from.year} bằng geq catalog new.`,
    "# Sửa tệp này theo văn bản hướng dẫn mới: số, ngày, trích yếu; thời hạn; các nhóm nhiệm vụ và nhiệm vụ",
    "# theo nguyên văn; chỉ tiêu của từng nhiệm vụ. Các ngày đã được dời sang năm mới và năm ghi trong câu chữ",
    `# (${from.year}) đã được thay bằng ${year}: hãy đối chiếu lại từng dòng với văn bản.`,
    "# Rồi ghi trong geq.yaml: catalog: ./<tên tệp này>, và kiểm tra: geq validate <tên tệp này>",
    "# Mô tả đầy đủ các trường: docs/catalog.md của geq; lược đồ: geq schema catalog.",
    "# Khóa (key) của nhóm, nhiệm vụ, chỉ tiêu là khóa trong tệp của đơn vị: giữ nguyên khóa của năm trước",
    "# để số liệu hai năm so sánh được; đổi tên nhiệm vụ thì sửa short và text, không sửa key.",
    `format: ${CATALOG_FORMAT}`,
    `year: ${year}`,
    "letter: # văn bản hướng dẫn của năm",
    from.letter.number
      ? `  number: ${q(from.letter.number)} # số, ký hiệu văn bản`
      : '  # number: "1234/BXD-TCCB" # số, ký hiệu văn bản (hoặc ghi ở letter.number trong geq.yaml)',
    `  date: ${date(from.letter.date)} # ngày ban hành`,
    `  issuer: ${q(from.letter.issuer)} # cơ quan ban hành`,
    `  subject: ${q(words(from.letter.subject))} # trích yếu`,
    `deadline_day: ${from.deadline_day} # late: văn bản ghi «trước ngày …» (đến đúng ngày hạn là chậm); on-time: «chậm nhất ngày …»`,
    `parent: ${q(from.parent)} # cơ quan chủ quản, in trên tên đơn vị ở báo cáo riêng của đơn vị`,
    `receiver: ${q(from.receiver)} # dòng Kính gửi ở báo cáo riêng của đơn vị`,
    "periods: # hai kỳ báo cáo: kỳ số liệu (window) và hạn gửi (deadline, tính theo dấu công văn đến)",
  ];
  for (const key of PERIOD_KEYS) out.push(...periodLines(key, from.periods[key], date, words));
  out.push("action_months: # các tháng hành động văn bản nêu");
  for (const m of from.action_months)
    out.push(`  - title: ${q(words(m.title))}`, `    from: ${date(m.from)}`, `    to: ${date(m.to)}`);
  if (from.action_months.length === 0) out.push("  []");
  const goal = from.targets.succession_pool_female_share;
  out.push(
    "targets: # mục tiêu quốc gia mà số liệu của đơn vị đo được",
    "  succession_pool_female_share: # tỷ lệ nữ trong diện quy hoạch lãnh đạo, quản lý",
    `    threshold: ${goal.threshold} # tỷ lệ, từ 0 đến 1 (0.4 là 40%)`,
    `    by: ${goal.by} # năm phải đạt`,
    `    source: ${q(goal.source)}`,
    "staff: # bốn dòng số liệu cán bộ nữ (khóa cố định; sửa tên nếu văn bản gọi khác)",
  );
  for (const s of from.staff)
    out.push(
      `  - key: ${s.key}`,
      `    label: ${q(s.label)}`,
      `    short: ${q(s.short)} # tên ngắn, ở đầu cột của phụ lục`,
    );
  out.push("groups: # các nhóm nhiệm vụ, theo thứ tự trong văn bản; number là số thứ tự 1, 2, 3…");
  for (const g of from.groups) {
    out.push(
      `  - key: ${g.key} # khóa của nhóm trong tệp đơn vị`,
      `    number: ${g.number}`,
      `    title: ${q(words(g.title))} # nguyên văn tên nhóm`,
      `    short: ${q(words(g.short))} # tên ngắn`,
      "    tasks: # các nhiệm vụ của nhóm (mỗi gạch đầu dòng của văn bản)",
    );
    for (const t of g.tasks) out.push(...taskLines(t, words));
  }
  out.push(`budget_source: ${q(from.budget_source)} # văn bản quy định về kinh phí`, "");
  return out.join("\n");
}

function periodLines(
  key: string,
  p: PeriodDef,
  date: (iso: string) => string,
  words: (text: string) => string,
): string[] {
  return [
    `  ${key}:`,
    `    label: ${q(p.label)} # tên kỳ trong câu văn của báo cáo`,
    `    title: ${q(words(p.title))} # trích yếu của báo cáo của kỳ`,
    `    slug: ${p.slug} # phần tên tệp báo cáo: bao-cao-${p.slug}-<năm>.docx`,
    `    window: { from: ${date(p.window.from)}, to: ${date(p.window.to)} } # kỳ số liệu`,
    `    deadline: ${date(p.deadline)} # hạn gửi báo cáo`,
  ];
}

const TYPE_NOTE = "count | people | money | flag | text";

function indicatorLines(i: Indicator): string[] {
  return [
    `          - key: ${i.key}`,
    `            type: ${i.type} # ${TYPE_NOTE}`,
    `            label: ${q(i.label)}`,
    `            phrase: ${q(i.phrase)} # trong báo cáo tổng hợp; {n} là con số`,
    ...(i.phrase_all ? [`            phrase_all: ${q(i.phrase_all)}`] : []),
  ];
}

function taskLines(t: TaskDef, words: (text: string) => string): string[] {
  const out = [
    `      - key: ${t.key} # khóa của nhiệm vụ trong tệp đơn vị`,
    `        short: ${q(words(t.short))} # tên ngắn, tiêu đề trong báo cáo`,
    `        text: ${q(words(t.text))} # nguyên văn nhiệm vụ`,
  ];
  if (t.not_applicable)
    out.push(`        not_applicable: ${q(t.not_applicable)} # cách nói khi đơn vị ghi not_applicable`);
  out.push(t.indicators.length ? "        indicators: # các chỉ tiêu" : "        indicators: []");
  for (const i of t.indicators) out.push(...indicatorLines(i));
  if (t.relations?.length) {
    out.push("        relations: # ràng buộc giữa hai chỉ tiêu: left op right (op: <=, <, >=, >, =)");
    for (const r of t.relations)
      out.push(
        `          - { left: ${r.left}, op: ${q(r.op)}, right: ${r.right}${r.rule ? `, rule: ${r.rule}` : ""} }`,
      );
  }
  return out;
}
