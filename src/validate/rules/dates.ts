import { isIsoDate, lateness } from "../../dates.js";
import type { Finding } from "../finding.js";
import type { UnitRule } from "./rule.js";

/** Rules about dates: real dates, the period being checked, the reporting window, the deadline. */

export const realDates: UnitRule = {
  id: "invalid-date",
  check: (ctx) => {
    const out: Finding[] = [];
    if (!isIsoDate(ctx.report.submitted))
      out.push({ rule: "invalid-date", path: ["submitted"], params: { value: ctx.report.submitted } });
    (ctx.report.activities ?? []).forEach((a, i) => {
      if (!isIsoDate(a.date))
        out.push({ rule: "invalid-date", path: ["activities", i, "date"], params: { value: a.date } });
    });
    return out;
  },
};

export const periodMismatch: UnitRule = {
  id: "period-mismatch",
  check: ({ report, expected }) => {
    const out: Finding[] = [];
    if (expected.year !== undefined && report.year !== expected.year) {
      out.push({
        rule: "period-mismatch",
        path: ["year"],
        params: { actual: report.year, expected: expected.year },
      });
    }
    if (expected.period !== undefined && report.period !== expected.period) {
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
    const { from } = catalog.periods[report.period].window;
    return isIsoDate(report.submitted) && report.submitted < from
      ? [{ rule: "submitted-before-window", path: ["submitted"], params: { date: report.submitted, from } }]
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
    const to = latestSubmission(report.year);
    return isIsoDate(report.submitted) && report.submitted > to
      ? [
          {
            rule: "implausible-date",
            path: ["submitted"],
            params: { value: report.submitted, year: report.year },
          },
        ]
      : [];
  },
};

const latestSubmission = (year: number) => `${year + 1}-12-31`;

export const activityDates: UnitRule = {
  id: "activity-outside-window",
  check: ({ report, catalog }) => {
    const { from, to } = catalog.periods[report.period].window;
    const out: Finding[] = [];
    (report.activities ?? []).forEach((a, i) => {
      if (!isIsoDate(a.date)) return;
      const path = ["activities", i, "date"];
      if (a.date < from || a.date > to) {
        out.push({ rule: "activity-outside-window", path, params: { date: a.date, from, to } });
      } else if (isIsoDate(report.submitted) && a.date > report.submitted) {
        out.push({
          rule: "activity-after-submission",
          path,
          params: { date: a.date, submitted: report.submitted },
        });
      }
    });
    return out;
  },
};

export const lateSubmission: UnitRule = {
  id: "late-submission",
  check: ({ report, deadline }) => {
    if (!isIsoDate(report.submitted) || report.submitted > latestSubmission(report.year)) return [];
    const days = lateness(report.submitted, deadline);
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
