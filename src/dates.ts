/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone shifts a day; deadlines. */

import type { DeadlineDay } from "./model.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (no 2022-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The years a date a person types can plausibly name: a report, a deadline, the day a status is taken.
 * Anything outside is a slip of the keyboard (`9999-12-31`, `1975-04-30`), refused rather than
 * carried into a sentence.
 */
export const PLAUSIBLE_YEARS = { from: 1990, to: 2100 } as const;

/** True for a real date within PLAUSIBLE_YEARS. */
export function isPlausibleDate(value: string): boolean {
  if (!isIsoDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/** Whole days from `from` to `to`; positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date of a Date in local time, for "today". */
export function isoDateOf(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/**
 * A deadline as the guidance letter words it: the date, and whether a file received on that day is
 * still on time ("chậm nhất ngày 10/6": on-time) or already late ("trước ngày 10/6": late).
 */
export interface DeadlineRule {
  date: string;
  day: DeadlineDay;
}

/** The ISO date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The last day a file can be received on time: the deadline itself, or the day before under `late`. */
export function lastOnTimeDay(rule: DeadlineRule): string {
  return rule.day === "late" ? addDays(rule.date, -1) : rule.date;
}

/**
 * Days late of a file received (by its arrival stamp) on `submitted`: 0 when on time. Under a
 * `late` rule a file received on the deadline day itself is late by 1 day.
 */
export function lateness(submitted: string, rule: DeadlineRule): number {
  return Math.max(0, daysBetween(rule.date, submitted) + (rule.day === "late" ? 1 : 0));
}
