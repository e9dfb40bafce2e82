/**
 * The opening and section I of a report, TÌNH HÌNH CHUNG: what the report answers, what the issuer did,
 * who reported (true for the period and the date the report carries), and the staff figures.
 */
import type { Consolidation } from "../consolidate/consolidate.js";
import type { Catalog, CitedDocument, Config, DeadlineDay, PeriodKey } from "../model.js";
import { formatCount, formatDateText, formatPercent } from "./format.js";
import { joinNames, NAME_LIMIT, sentence, units } from "./words.js";

export interface StaffLineView {
  label: string;
  total: string;
  female: string;
  /** `54,2%`; empty when the total is 0. */
  share: string;
}

/** `Văn bản số 1234/BXD-TCCB ngày 18/4/2022 của Bộ Xây dựng`: never without its number when the number is known. */
export function citeDocument(doc: CitedDocument, issuer?: string): string {
  const number = doc.number ? ` số ${doc.number}` : "";
  const date = doc.date ? ` ngày ${formatDateText(doc.date)}` : "";
  const by = doc.issuer && doc.issuer !== issuer ? ` của ${doc.issuer}` : "";
  return `Văn bản${number}${date}${by}`;
}

/** The subject of a letter as running text: `V/v hướng dẫn …` reads `hướng dẫn …`. */
export function letterSubject(subject: string): string {
  return subject.replace(/^V\/v\s+/i, "");
}

/** The guidance letter: the catalogue's date, issuer and subject, the configuration's number. */
export function guidanceLetter(
  catalog: Catalog,
  config?: Config,
): Required<Omit<CitedDocument, "number">> & { number: string } {
  const l = config?.letter;
  return {
    number: l?.number ?? catalog.letter.number ?? "",
    date: l?.date ?? catalog.letter.date,
    issuer: l?.issuer ?? catalog.letter.issuer,
    subject: l?.subject ?? catalog.letter.subject,
  };
}

/** The deadline as the letter words it: `trước ngày 10/6/2022` or `chậm nhất ngày 10/6/2022`. */
export function deadlineWords(deadline: string, day: DeadlineDay): string {
  return `${day === "late" ? "trước ngày" : "chậm nhất ngày"} ${formatDateText(deadline)}`;
}

/** The report's opening: what it answers, with number and date, then what it reports on. */
export function opening(
  catalog: Catalog,
  config: Config | undefined,
  issuer: string,
  phrase: string,
  consolidated: boolean,
): string {
  const letter = guidanceLetter(catalog, config);
  const answers = config?.request
    ? `${citeDocument(config.request)}${config.request.subject ? ` về việc ${letterSubject(config.request.subject)}` : ""}`
    : `${citeDocument(letter)} về việc ${letterSubject(letter.subject)}`;
  const basis = consolidated ? ", trên cơ sở báo cáo của các cơ quan, đơn vị thuộc Bộ" : "";
  const reports = `${issuer} báo cáo kết quả công tác bình đẳng giới và vì sự tiến bộ của phụ nữ ${phrase} như sau:`;
  // The issuer does not carry out its own letter: it reports on the basis of it and of its units' reports.
  if (consolidated && !config?.request && letter.issuer === issuer)
    return `Căn cứ ${citeDocument(letter, issuer)} ${letterSubject(letter.subject)} và báo cáo của các cơ quan, đơn vị thuộc Bộ, ${reports}`;
  return `Thực hiện ${answers}${basis}, ${reports}`;
}

/** I.1: what the issuer itself did: the guidance it issued and the deadline it set. */
export function guidanceSentence(
  catalog: Catalog,
  config: Config | undefined,
  issuer: string,
  period: PeriodKey,
  deadline: string,
  day: DeadlineDay,
): string {
  const letter = guidanceLetter(catalog, config);
  const label = catalog.periods[period].label;
  const ask = `gửi báo cáo ${label} ${deadlineWords(deadline, day)} (tính theo dấu công văn đến)`;
  const number = letter.number ? ` số ${letter.number}` : "";
  if (letter.issuer === issuer)
    return `Ngày ${formatDateText(letter.date)}, ${issuer} ban hành Văn bản${number} ${letterSubject(letter.subject)}, trong đó yêu cầu các cơ quan, đơn vị thuộc Bộ ${ask}.`;
  return `${issuer} đã triển khai ${citeDocument(letter)} ${letterSubject(letter.subject)} tới các đơn vị, yêu cầu các đơn vị ${ask}.`;
}

/**
 * I.2: who reported, as of the report's date: received of those that must report, on time, late (by how
 * many days), missing, rejected. Units are named up to NAME_LIMIT, else counted; a clause about no unit
 * is left out or said in words. For internal readers, a pointer to Phụ lục II, which lists every unit.
 */
export function submissionParagraphs(
  c: Consolidation,
  issuer: string,
  date: string,
  internal: boolean,
): string[] {
  const n = c.counts;
  const out: string[] = [];
  const valid =
    n.valid === n.received
      ? n.received > 1
        ? "; tất cả đều hợp lệ và được đưa vào tổng hợp"
        : ""
      : n.valid === 0
        ? ", trong đó không có báo cáo nào hợp lệ để đưa vào tổng hợp"
        : `, trong đó ${formatCount(n.valid)} báo cáo hợp lệ được đưa vào tổng hợp`;
  // No `00/17`: a clause about no unit is said in words.
  out.push(
    n.received === 0
      ? `Đến ngày ${formatDateText(date)}, ${issuer} chưa nhận được báo cáo của đơn vị nào trong số ${units(n.mustReport)} phải báo cáo.`
      : `Đến ngày ${formatDateText(date)}, ${issuer} đã nhận được báo cáo của ${formatCount(n.received)}/${formatCount(n.mustReport)} đơn vị phải báo cáo${valid}.`,
  );
  const timing: string[] = [];
  if (n.onTime > 0) timing.push(`${units(n.onTime)} gửi đúng hạn`);
  if (n.late > 0) {
    const named =
      c.late.length <= NAME_LIMIT
        ? `: ${c.late.map((u) => `${u.name} (chậm ${formatCount(u.days)} ngày)`).join(", ")}`
        : "";
    timing.push(`${units(n.late)} gửi chậm${named}`);
  }
  if (timing.length > 0) out.push(sentence(`Về thời hạn, có ${timing.join("; ")}`));
  if (n.missing > 0) {
    const named = c.missing.length <= NAME_LIMIT ? `: ${joinNames(c.missing.map((u) => u.name))}` : "";
    out.push(sentence(`Còn ${units(n.missing)} chưa gửi báo cáo${named}`));
  } else if (n.mustReport > 0) out.push("Không có đơn vị nào chưa gửi báo cáo.");
  if (n.rejected > 0) {
    const named = c.rejected.length <= NAME_LIMIT ? `: ${joinNames(c.rejected.map((u) => u.name))}` : "";
    out.push(
      sentence(`Có ${units(n.rejected)} gửi báo cáo không hợp lệ, chưa được đưa vào tổng hợp${named}`),
    );
  }
  // Every appendix is cited where the body details it; the report sent outside has no Phụ lục II.
  if (internal) out.push("Tình hình gửi báo cáo của từng đơn vị tại Phụ lục II.");
  return out;
}

export function staffLines(catalog: Catalog, c: Consolidation): StaffLineView[] {
  return catalog.staff.map((s) => {
    const p = c.figures.staff[s.key];
    return {
      label: s.label,
      total: formatCount(p.total),
      female: formatCount(p.female),
      share: p.total > 0 ? formatPercent(p.female, p.total) : "",
    };
  });
}
