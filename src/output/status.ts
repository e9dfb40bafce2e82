import { t } from "../i18n.js";
import { printable } from "../io/names.js";
import type { Lang } from "../model.js";
import { formatCount, formatDateFor, formatNumber } from "../present/format.js";
import type { StatusResult, StatusRow } from "../status.js";
import { PLAIN, type Paint } from "./diagnostics.js";

/** How `geq status` speaks: an aligned table for people, one JSON document for tools. */

/** Longest cell in characters; a longer one (a runaway name in a broken file) is cut with `…`. */
const MAX_CELL = 60;
const GAP = "  ";

/**
 * Columns a string takes in a terminal: characters, not UTF-16 units, and combining marks
 * (a Vietnamese tone mark typed as a separate code point) take none.
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) if (!/[\p{Mn}\p{Me}\u200B-\u200D\uFEFF]/u.test(ch)) width++;
  return width;
}

/** Text from a file made safe for a terminal: no control characters, NFC, not longer than `MAX_CELL`. */
function cell(s: string): string {
  const clean = s.normalize("NFC").replace(/[\p{Cc}]/gu, "\uFFFD");
  if (displayWidth(clean) <= MAX_CELL) return clean;
  let out = "";
  for (const ch of clean) {
    if (displayWidth(out + ch) >= MAX_CELL) break;
    out += ch;
  }
  return out + "…";
}

function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function stateText(row: StatusRow, lang: Lang): string {
  let text: string;
  switch (row.state) {
    case "on-time":
      text = t(lang, "status-on-time");
      break;
    case "late":
      text = t(lang, "status-late", { days: formatNumber(row.days) });
      break;
    case "missing":
      text = t(lang, "status-missing");
      break;
    case "invalid":
      text = t(lang, "status-invalid", { errors: formatNumber(row.errors) });
      break;
  }
  return row.registered ? text : `${text}, ${t(lang, "status-unregistered")}`;
}

function stateColour(row: StatusRow, paint: Paint): (s: string) => string {
  if (row.state === "on-time") return paint.ok;
  if (row.state === "late") return paint.warning;
  return paint.error;
}

/** The deadline as the letter words it, in the reader's language. */
function deadlinePhrase(result: StatusResult, lang: Lang): string {
  return t(lang, "deadline-rule", { date: formatDateFor(lang, result.deadline), day: result.deadlineDay });
}

/**
 * Days from the day the status is taken to the last day a file is on time: the deadline itself, or
 * the day before it when the letter says "trước ngày …".
 */
function daysToLastOnTimeDay(result: StatusResult): number {
  return result.daysLeft - (result.deadlineDay === "late" ? 1 : 0);
}

/** The deadline line: days left, the last day on time, or how late a file received that day is. */
function deadlineText(result: StatusResult, lang: Lang): string {
  const deadline = deadlinePhrase(result, lang);
  const asOf = formatDateFor(lang, result.asOf);
  const count = (n: number) => (lang === "vi" ? formatCount(n) : formatNumber(n));
  const toLast = daysToLastOnTimeDay(result);
  if (toLast > 0)
    return t(lang, "status-days-left", { days: count(result.daysLeft), count: result.daysLeft, deadline });
  if (toLast === 0) return t(lang, "status-due-today", { deadline, asOf });
  return t(lang, "status-overdue", { days: count(-toLast), count: -toLast, deadline, asOf });
}

export function formatStatusText(result: StatusResult, lang: Lang, paint: Paint = PLAIN): string {
  const header = [
    t(lang, "status-col-code"),
    t(lang, "status-col-unit"),
    t(lang, "status-col-state"),
    t(lang, "status-col-date"),
    t(lang, "status-col-reference"),
  ];
  const basis = arrivalBasis(result.rows);
  const body = result.rows.map((row) => {
    const sent = row.state === "on-time" || row.state === "late";
    // With some receipts recorded and some not, the dates a unit wrote itself are marked.
    const mark = sent && basis.receipt > 0 && row.by === "submitted" ? " *" : "";
    return {
      row,
      cells: [
        cell(row.code),
        cell(row.name),
        stateText(row, lang),
        sent ? formatDateFor(lang, row.arrived) + mark : "",
        sent && row.reference !== undefined ? cell(row.reference) : "",
      ],
    };
  });
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((b) => displayWidth(b.cells[i]!))),
  );
  const line = (cells: string[], colour: (i: number, s: string) => string) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? colour(i, c) : colour(i, c) + padEnd("", widths[i]! - displayWidth(c)),
      )
      .join(GAP)
      .trimEnd();

  const lines: string[] = [
    paint.bold(
      t(lang, "status-title", {
        period: result.period,
        year: result.year,
        deadline: deadlinePhrase(result, lang),
        asOf: formatDateFor(lang, result.asOf),
      }),
    ),
    "",
    line(header, (_, s) => paint.bold(s)),
    ...body.map(({ row, cells }) => line(cells, (i, s) => (i === 2 ? stateColour(row, paint)(s) : s))),
    "",
  ];
  if (result.unidentified.length) {
    const files = result.unidentified
      .map(
        (u) =>
          `${cell(printable(u.file))} (${t(lang, "status-invalid", { errors: formatNumber(u.errors) })})`,
      )
      .join(", ");
    lines.push(paint.error(t(lang, "status-unidentified", { files })));
  }
  if (result.duplicates.length) {
    const files = result.duplicates.map((d) => `${cell(printable(d.file))} (${cell(d.code)})`).join(", ");
    lines.push(paint.error(t(lang, "status-duplicates", { files })));
  }
  const rejected = [
    ...result.rows.flatMap((r) => (r.state === "invalid" ? [r.file] : [])),
    ...result.unidentified.map((u) => u.file),
    ...result.duplicates.map((d) => d.file),
  ];
  if (rejected.length) lines.push(t(lang, "status-see-errors", { files: rejected.map(shellWord).join(" ") }));
  if (basis.receipt + basis.submitted > 0) lines.push(t(lang, "status-basis", basis));
  lines.push(paint.bold(t(lang, "status-totals", { ...result.totals })));
  const due = deadlineText(result, lang);
  lines.push(daysToLastOnTimeDay(result) < 0 ? paint.warning(due) : due);
  return lines.join("\n") + "\n";
}

/** How many of the units that sent a file are dated by a receipt, and how many by their own `submitted`. */
function arrivalBasis(rows: readonly StatusRow[]): { receipt: number; submitted: number } {
  const sent = rows.flatMap((r) => (r.state === "on-time" || r.state === "late" ? [r.by] : []));
  return {
    receipt: sent.filter((b) => b === "receipt").length,
    submitted: sent.filter((b) => b === "submitted").length,
  };
}

/** A path as one word a POSIX shell reads back unchanged, for the command to copy. */
function shellWord(s: string): string {
  // A name with controls or bytes that are not UTF-8: ANSI-C quoting spells them as printable escapes.
  if (printable(s) !== s) return cell(`$'${printable(s.replace(/\\/g, "\\\\").replace(/'/g, "\\'"))}'`);
  const clean = cell(s);
  return /^[\p{L}\p{N}_./:@%+=,-]+$/u.test(clean) ? clean : `'${clean.replace(/'/g, `'\\''`)}'`;
}

/** One JSON document; absent values are `null` so every row has the same keys. */
export function formatStatusJson(result: StatusResult): string {
  const rows = result.rows.map((r) => ({
    code: r.code,
    name: r.name,
    registered: r.registered,
    state: r.state,
    submitted: r.state === "on-time" || r.state === "late" ? r.submitted : null,
    arrived: r.state === "on-time" || r.state === "late" ? r.arrived : null,
    counted_from: r.state === "on-time" || r.state === "late" ? r.by : null,
    incoming: (r.state === "on-time" || r.state === "late" ? r.incoming : undefined) ?? null,
    reference: (r.state === "on-time" || r.state === "late" ? r.reference : undefined) ?? null,
    days_late: r.state === "late" ? r.days : r.state === "on-time" ? 0 : null,
    errors: r.state === "invalid" ? r.errors : r.state === "missing" ? null : 0,
    file: r.state === "missing" ? null : r.file,
  }));
  const tt = result.totals;
  const doc = {
    year: result.year,
    period: result.period,
    deadline: result.deadline,
    deadline_day: result.deadlineDay,
    as_of: result.asOf,
    days_left: result.daysLeft,
    files: result.files,
    rows,
    skipped: result.skipped,
    later: result.later,
    unidentified: result.unidentified,
    duplicates: result.duplicates,
    totals: {
      must_report: tt.mustReport,
      submitted: tt.submitted,
      on_time: tt.onTime,
      late: tt.late,
      missing: tt.missing,
      invalid: tt.invalid,
      unregistered: tt.unregistered,
      unidentified: tt.unidentified,
      duplicates: tt.duplicates,
    },
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
