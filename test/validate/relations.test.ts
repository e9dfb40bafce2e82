/**
 * Every comparison a catalogue may declare between two figures of a sub-task, on both sides of its
 * line and on it: the truth table is written out here, not computed.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/catalog.js";
import type { Catalog, RelationOp } from "../../src/model.js";
import { indicatorRelations } from "../../src/validate/rules/figures.js";

const base = loadCatalog()!;

/** The built-in catalogue with one relation on the GBV sub-task: resolved `op` reported. */
function catalogWith(op: RelationOp): Catalog {
  return {
    ...base,
    groups: base.groups.map((g) => ({
      ...g,
      tasks: g.tasks.map((t) =>
        t.key === "gbv_response"
          ? { ...t, relations: [{ left: "cases_resolved", op, right: "cases_reported" }] }
          : t,
      ),
    })),
  };
}

function holds(op: RelationOp, resolved: number, reported: number): boolean {
  const findings = indicatorRelations.check({
    report: {
      tasks: {
        coordination: {
          gbv_response: { status: "in_progress", cases_resolved: resolved, cases_reported: reported },
        },
      },
    },
    raw: {},
    catalog: catalogWith(op),
    expected: {},
    refused: () => false,
  });
  return findings.length === 0;
}

describe("a relation between two figures", () => {
  it.each<[RelationOp, boolean, boolean, boolean]>([
    // op, holds for 1 against 2, for 2 against 2, for 3 against 2
    ["<=", true, true, false],
    ["<", true, false, false],
    [">=", false, true, true],
    [">", false, false, true],
    ["=", false, true, false],
  ])("%s: below, on and above the line", (op, below, on, above) => {
    expect([holds(op, 1, 2), holds(op, 2, 2), holds(op, 3, 2)]).toEqual([below, on, above]);
  });
});
