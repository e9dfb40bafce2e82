import type { Diagnostic, Lang, RegistryUnit } from "../model.js";
import { t } from "../i18n.js";
import { printable } from "../io/names.js";
import { formatNumber } from "../present/format.js";

/** The three ways validate speaks: text for people, JSON for tools, workflow commands for GitHub. */

export interface DiagnosticsReport {
  files: number;
  errors: number;
  warnings: number;
  waived: number;
  diagnostics: Diagnostic[];
  missing: RegistryUnit[];
}

/** How many findings a diagnostic stands for: itself and the similar ones left out. */
export const weight = (d: Diagnostic): number => 1 + (d.similar ?? 0);

/** Errors, warnings not waived, and waived warnings among the diagnostics, similar ones included. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  waived: number;
} {
  const counts = { errors: 0, warnings: 0, waived: 0 };
  for (const d of diagnostics) {
    if (d.severity === "error") counts.errors += weight(d);
    else if (d.waived) counts.waived += weight(d);
    else counts.warnings += weight(d);
  }
  return counts;
}

export interface Paint {
  /** Good news (green): a submission on time. */
  ok(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const PLAIN: Paint = {
  ok: (s) => s,
  error: (s) => s,
  warning: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
};

/** `… và 49.990 lỗi tương tự`: the findings of a rule left out of the list (see `capRepeats`). */
function similar(d: Diagnostic, lang: Lang): string {
  const count = lang === "vi" ? formatNumber(d.similar ?? 0) : (d.similar ?? 0).toLocaleString("en-US");
  return t(lang, "similar", { count, n: d.similar, severity: d.severity });
}

export function formatText(r: DiagnosticsReport, lang: Lang, paint: Paint = PLAIN): string {
  const lines = r.diagnostics.map((d) => {
    const sev = d.severity === "error" ? paint.error(t(lang, "error")) : paint.warning(t(lang, "warning"));
    // File names and the words quoted from files reach a terminal: escaped, never raw controls.
    const where = `${printable(d.file)}:${d.line}:${d.column}`;
    const waived = d.waived ? ` (${t(lang, "waived", { reason: printable(d.waived.reason) })})` : "";
    const message = printable(`${d.path ? `${d.path}: ` : ""}${d.message}`);
    const line = `${where} ${sev}${waived}  ${message}  ${paint.dim(`[${d.rule}]`)}`;
    return d.similar ? `${line}\n${where} ${sev}  ${similar(d, lang)}  ${paint.dim(`[${d.rule}]`)}` : line;
  });
  if (r.missing.length) {
    const units = r.missing.map((u) => printable(`${u.code} (${u.name})`)).join(", ");
    lines.push(t(lang, "missing", { count: r.missing.length, units }));
  }
  lines.push(paint.bold(t(lang, "summary", r as unknown as Record<string, unknown>)));
  return lines.join("\n") + "\n";
}

export function formatJson(r: DiagnosticsReport): string {
  return JSON.stringify(r, null, 2) + "\n";
}

// Workflow command escaping, as the Actions toolkit does it.
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatGithub(r: DiagnosticsReport, lang: Lang): string {
  const lines = r.diagnostics.map((d) => {
    const command = d.waived ? "notice" : d.severity === "error" ? "error" : "warning";
    const props = `file=${escapeProperty(printable(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
    const waived = d.waived ? ` (${t(lang, "waived", { reason: d.waived.reason })})` : "";
    const more = d.similar ? ` ${similar(d, lang)}` : "";
    return `::${command} ${props}::${escapeData(printable(`${d.path ? `${d.path}: ` : ""}${d.message}${waived}${more}`))}`;
  });
  if (r.missing.length) {
    const units = r.missing.map((u) => `${u.code} (${u.name})`).join(", ");
    lines.push(`::notice::${escapeData(t(lang, "missing", { count: r.missing.length, units }))}`);
  }
  lines.push(t(lang, "summary", r as unknown as Record<string, unknown>));
  return lines.join("\n") + "\n";
}
