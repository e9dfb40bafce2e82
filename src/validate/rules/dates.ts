import { isIsoDate, lateness } from "../../dates.js";
import type { Finding } from "../finding.js";
import type { UnitRule } from "./rule.js";

/** Rules about dates: real dates, the period being checked, the reporting window, the deadline. */

/** A real calendar date, or undefined for one missing or refused. */
const real = (value: string | undefined): string | undefined =>
  // Stryker disable next-line ConditionalExpression: isIsoDate reads undefined as the text "undefined", no date
  value !== undefined && isIsoDate(value) ? value : undefined;

export const realDates: UnitRule = {
  id: "invalid-date",
  check: (ctx) => {
    const out: Finding[] = [];
    const { submitted } = ctx.report;
    if (submitted !== undefined && !isIsoDate(submitted))
      out.push({ rule: "invalid-date", path: ["submitted"], params: { value: submitted } });
    ctx.report.activities?.forEach((a, i) => {
      if (a?.date !== undefined && !isIsoDate(a.date))
        out.push({ rule: "invalid-date", path: ["activities", i, "date"], params: { value: a.date } });
    });
    return out;
  },
};

export const periodMismatch: UnitRule = {
  id: "period-mismatch",
  check: ({ report, expected }) => {
    const out: Finding[] = [];
    if (expected.year !== undefined && report.year !== undefined && report.year !== expected.year) {
      out.push({
        rule: "period-mismatch",
        path: ["year"],
        params: { actual: report.year, expected: expected.year },
      });
    }
    if (expected.period !== undefined && report.period !== undefined && report.period !== expected.period) {
      out.push({
        rule: "period-mismatch",
        path: ["period"],
        params: { actual: report.period, expected: expected.period },
      });
    }
    return out;
  },
};

export const submittedBeforeWindow: UnitRule = {
  id: "submitted-before-window",
  check: ({ report, catalog }) => {
    const submitted = real(report.submitted);
    if (!catalog || !report.period || !submitted) return [];
    const { from } = catalog.periods[report.period].window;
    return submitted < from
      ? [{ rule: "submitted-before-window", path: ["submitted"], params: { date: submitted, from } }]
      : [];
  },
};

/**
 * A unit reports on its year, and its file arrives within that year or the next: a `submitted` later
 * than that is a typing slip (`9999-12-31`), not a lateness a waiver could excuse.
 */
export const submittedImplausible: UnitRule = {
  id: "implausible-date",
  check: ({ report }) => {
    const submitted = real(report.submitted);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: for the types: a missing date compares false, and a missing year's bound is "NaN-12-31", after every date
    if (!submitted || report.year === undefined) return [];
    return submitted > latestSubmission(report.year)
      ? [{ rule: "implausible-date", path: ["submitted"], params: { value: submitted, year: report.year } }]
      : [];
  },
};

const latestSubmission = (year: number) => `${year + 1}-12-31`;

export const activityDates: UnitRule = {
  id: "activity-outside-window",
  check: ({ report, catalog }) => {
    if (!catalog || !report.period) return [];
    const { from, to } = catalog.periods[report.period].window;
    const submitted = real(report.submitted);
    const out: Finding[] = [];
    report.activities?.forEach((a, i) => {
      const date = real(a?.date);
      // Stryker disable next-line ConditionalExpression: for the types: a missing date compares false with every bound
      if (!date) return;
      const path = ["activities", i, "date"];
      if (date < from || date > to) {
        out.push({ rule: "activity-outside-window", path, params: { date, from, to } });
      } else if (submitted && date > submitted) {
        out.push({ rule: "activity-after-submission", path, params: { date, submitted } });
      }
    });
    return out;
  },
};

export const lateSubmission: UnitRule = {
  id: "late-submission",
  check: ({ report, deadline }) => {
    const submitted = real(report.submitted);
    // Stryker disable next-line ConditionalExpression: for the types: a deadline is given only to a file of the guidance's year
    if (!submitted || !deadline || report.year === undefined || submitted > latestSubmission(report.year))
      return [];
    const days = lateness(submitted, deadline);
    return days > 0
      ? [
          {
            rule: "late-submission",
            path: ["submitted"],
            params: { days, deadline: deadline.date, day: deadline.day },
          },
        ]
      : [];
  },
};
