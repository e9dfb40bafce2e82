import { readSource } from "../source/read.js";
import { check, checkUnitFast, identity, type UnitCheckContext, type UnitFileResult } from "./check-fast.js";
import { byPosition, toDiagnostic } from "./diagnostics.js";
import type { Finding } from "./finding.js";
import { ruleInfo } from "./messages.js";

/** Checking one unit file: read, schema, rules beyond the schema, waivers, with every finding positioned. */

export type { UnitCheckContext, UnitFileResult } from "./check-fast.js";

/**
 * Most files in a large batch are clean, and a clean file needs no positions: it is read with the
 * fast parser, and only a file with something to report is read again with positions.
 */
export function checkUnit(file: string, bytes: Uint8Array, ctx: UnitCheckContext): UnitFileResult {
  return checkUnitFast(file, bytes, ctx) ?? checkWithPositions(file, bytes, ctx);
}

export function checkWithPositions(file: string, bytes: Uint8Array, ctx: UnitCheckContext): UnitFileResult {
  const read = readSource(bytes);
  const word = (findings: Finding[]) =>
    findings.map((f) => toDiagnostic(file, f, { ...read, schema: ctx.schema, lang: ctx.lang }));
  if (!read.source) return { file, diagnostics: word(read.findings).sort(byPosition) };

  const checked = check(read.source.value, ctx);
  const findings: Finding[] = [...read.findings, ...checked.findings];
  const result: UnitFileResult = { file, diagnostics: [], ...identity(checked.data) };
  if (checked.report) result.report = checked.report;

  const diagnostics = word(findings);
  const waivers = new Map((result.report?.waivers ?? []).map((w) => [w.rule, w.reason]));
  for (const d of diagnostics) {
    const reason = waivers.get(d.rule);
    if (d.severity === "warning" && reason !== undefined && ruleInfo(d.rule).waivable !== false)
      d.waived = { reason };
  }
  result.diagnostics = diagnostics.sort(byPosition);
  if (diagnostics.some((d) => d.severity === "error")) delete result.report;
  return result;
}
