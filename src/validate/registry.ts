import { UNIT_CODE_PATTERN } from "../catalog/schema.js";
import type { RegistryUnit } from "../model.js";
import type { UnitFileResult } from "./check-fast.js";
import type { Finding } from "./finding.js";
import { fold, listOf, suggest } from "./suggest.js";

/**
 * What the configuration's registry says of one checked file: its unit code, and its joint
 * activities' partners, must be registered units. `validate` asks it of every file of a run; the
 * form page, of the file being filled.
 */

/** The registry as the suggestions read it, built once per run. */
export interface RegistryIndex {
  units: readonly RegistryUnit[];
  codes: readonly string[];
  registered: ReadonlySet<string>;
  byFoldedName: Map<string, RegistryUnit>;
  /** Suggestions already worked out: one mistyped partner code recurs in many files. */
  spelt: Map<string, string | undefined>;
}

export function registryIndex(units: readonly RegistryUnit[]): RegistryIndex {
  const byFoldedName = new Map<string, RegistryUnit>();
  for (const u of units) if (!byFoldedName.has(fold(u.name))) byFoldedName.set(fold(u.name), u);
  const codes = units.map((u) => u.code);
  return { units, codes, registered: new Set(codes), byFoldedName, spelt: new Map() };
}

/**
 * The registered unit an unknown code most likely means: the one of the same name (a unit that
 * made up a code), else the one of the closest spelling; else the registry's codes.
 */
function unitSuggestion(code: string, registry: RegistryIndex, name?: string): Record<string, unknown> {
  const byName = name === undefined ? undefined : registry.byFoldedName.get(fold(name));
  if (!registry.spelt.has(code)) registry.spelt.set(code, suggest(code, registry.codes));
  const spelt = registry.spelt.get(code);
  const unit = byName ?? registry.units.find((u) => u.code === spelt);
  if (unit) return { suggestion: unit.code, suggestionName: unit.name, ...(byName ? { byName: true } : {}) };
  return { known: listOf(registry.codes) };
}

const CODE = new RegExp(UNIT_CODE_PATTERN);

/** Unregistered unit code (an error) and partners (warnings) of one checked file. */
export function registryFindings(
  r: Pick<UnitFileResult, "unit" | "report" | "digest">,
  index: RegistryIndex,
): Finding[] {
  const out: Finding[] = [];
  // A code that is not even a code's form has its own error (invalid-code), with its fix.
  if (r.unit && !index.registered.has(r.unit.code) && CODE.test(r.unit.code)) {
    const params = { code: r.unit.code, ...unitSuggestion(r.unit.code, index, r.unit.name) };
    out.push({ rule: "unknown-unit", path: ["unit", "code"], params });
  }
  // A partner the registry does not list is usually a mistyped code: the report could only count it.
  (r.report ?? r.digest)?.activities?.forEach((a, i) =>
    a.with?.forEach((code, j) => {
      if (!index.registered.has(code))
        out.push({
          rule: "unknown-partner",
          path: ["activities", i, "with", j],
          params: { code, ...unitSuggestion(code, index) },
        });
    }),
  );
  return out;
}
