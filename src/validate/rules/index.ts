import { activityWithSelf } from "./activities.js";
import {
  activityDates,
  lateSubmission,
  periodMismatch,
  realDates,
  submittedBeforeWindow,
  submittedImplausible,
} from "./dates.js";
import {
  doneWithoutFigures,
  inactiveWithFigures,
  indicatorRelations,
  leadersLeEmployees,
  overspent,
  peopleFemaleLeTotal,
} from "./figures.js";
import { placeholder } from "./placeholder.js";
import { emptyAssessment, unusedWaivers, waiverRules, xmlIllegalChars } from "./text.js";
import type { UnitRule } from "./rule.js";

/** The rules beyond the schema, in the order their findings are most useful to read. */
export const UNIT_RULES: readonly UnitRule[] = [
  periodMismatch,
  realDates,
  submittedBeforeWindow,
  submittedImplausible,
  activityDates,
  activityWithSelf,
  peopleFemaleLeTotal,
  leadersLeEmployees,
  indicatorRelations,
  inactiveWithFigures,
  waiverRules,
  lateSubmission,
  overspent,
  doneWithoutFigures,
  emptyAssessment,
  placeholder,
  xmlIllegalChars,
];

export { unusedWaivers };
export type { Draft, UnitRule, UnitRuleContext } from "./rule.js";
