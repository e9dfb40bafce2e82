import type { Diagnostic, Lang } from "../model.js";
import type { LineCounter } from "yaml";
import type { Source } from "../source/read.js";
import type { Finding, JsonPath } from "./finding.js";
import { ruleInfo, say } from "./messages.js";
import { schemaAt } from "./schema-findings.js";

/** Positions findings in their file and words them: the step from data to what a person reads. */

/** Line and column of the node at a path (its key with `key`), from a reading that noted where nodes start. */
export type Place = (path: JsonPath, key: boolean) => { line: number; column: number };

function positionOf(
  finding: Finding,
  source: Source | undefined,
  lines: LineCounter | undefined,
  place: Place | undefined,
): { line: number; column: number } {
  if (finding.position) return finding.position;
  if (finding.offset !== undefined && lines) {
    const p = lines.linePos(finding.offset);
    return { line: p.line, column: p.col };
  }
  if (place) return place(finding.path, finding.key ?? false);
  if (!source) return { line: 1, column: 1 };
  const node = source.locate(finding.path, finding.key ?? false);
  let offset = node?.range?.[0] ?? 0;
  if (finding.needle && node?.range) {
    const within = source.text.slice(node.range[0], node.range[1]).indexOf(finding.needle);
    if (within >= 0) offset += within;
  }
  const p = source.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

export function dottedPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function toDiagnostic(
  file: string,
  finding: Finding,
  ctx: { source?: Source; lines?: LineCounter; place?: Place; schema: Record<string, unknown>; lang: Lang },
): Diagnostic {
  const { line, column } = positionOf(finding, ctx.source, ctx.lines, ctx.place);
  const labelNode = schemaAt(ctx.schema, finding.labelPath ?? finding.path);
  const label =
    ctx.lang === "vi" && (finding.labelPath ?? finding.path).length
      ? ((labelNode?.title as string) ?? "")
      : "";
  return {
    file,
    line,
    column,
    severity: ruleInfo(finding.rule).severity,
    path: dottedPath(finding.path),
    rule: finding.rule,
    message: say(finding.rule, ctx.lang, label, finding.params),
  };
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** Findings of one rule listed one by one per file; the rest are counted on the last one listed. */
export const MAX_PER_RULE = 10;

/**
 * The diagnostics with at most `max` of each rule per file, in their order; the last one listed of a
 * rule carries the count of those left out (`similar`), so 50,000 aliases make ten lines and a
 * count, not 50,000 lines. Applying it again changes nothing.
 */
export function capRepeats(diagnostics: Diagnostic[], max = MAX_PER_RULE): Diagnostic[] {
  const listed = new Map<string, Diagnostic[]>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\u0000${d.rule}`;
    const same = listed.get(key) ?? [];
    if (same.length < max) {
      same.push(d);
      listed.set(key, same);
      out.push(d);
    } else {
      const last = same[max - 1]!;
      last.similar = (last.similar ?? 0) + 1 + (d.similar ?? 0);
    }
  }
  return out;
}
