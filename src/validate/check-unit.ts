import { readSource } from "../source/read.js";
import {
  check,
  checkUnitFast,
  cutFindings,
  fileResult,
  type UnitCheckContext,
  type UnitFileResult,
} from "./check-fast.js";
import { byPosition, toDiagnostic } from "./diagnostics.js";

/** Checking one unit file: read, schema, rules beyond the schema, waivers, with every finding positioned. */

export type { UnitCheckContext, UnitFileResult } from "./check-fast.js";

/**
 * Most files are in the plain subset the fast reading serves, and take their positions from it;
 * any other file is read with positions.
 */
export function checkUnit(file: string, bytes: Uint8Array, ctx: UnitCheckContext): UnitFileResult {
  return checkUnitFast(file, bytes, ctx) ?? checkWithPositions(file, bytes, ctx);
}

export function checkWithPositions(file: string, bytes: Uint8Array, ctx: UnitCheckContext): UnitFileResult {
  const read = readSource(bytes);
  const where = { ...read, schema: ctx.schema, lang: ctx.lang };
  if (!read.source)
    return { file, diagnostics: read.findings.map((f) => toDiagnostic(file, f, where)).sort(byPosition) };
  const cuts = cutFindings(read.source.cuts, ctx.schema);
  return fileResult(file, [...read.findings, ...cuts], check(read.source.value, ctx), where);
}
