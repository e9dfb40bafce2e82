/**
 * Vietnamese presentation of figures and dates: the one place where numbers become text.
 * Everything else passes raw numbers and ISO dates around.
 */

/** `21500000` → `21.500.000` (Vietnamese thousands separator). */
export function formatNumber(n: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Counts in running text carry a leading zero below 10, as administrative writing does: `08 lớp`. */
export function formatCount(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : formatNumber(n);
}

/**
 * Share of `part` in `whole` with one decimal and a comma: `54,2%`. Rounds half away from zero on
 * the exact ratio of integers, so 1/8 gives `12,5%` and never a binary-float artefact.
 * An empty whole has no share: `-`.
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return "-";
  // Integer arithmetic: floor(2x) then halve, which is x rounded half up, with x in tenths of a percent.
  const doubled = Math.floor((part * 2000) / whole);
  const tenths = Math.floor((doubled + 1) / 2);
  return `${formatNumber(Math.floor(tenths / 10))},${tenths % 10}%`;
}

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { y: y ?? 0, m: m ?? 0, d: d ?? 0 };
}

/**
 * `2022-06-08` → `ngày 08 tháng 6 năm 2022`: per Nghị định 30/2020/NĐ-CP the day below 10 and
 * the months 1 and 2 take a leading zero, the others not.
 */
export function formatDateLong(iso: string): string {
  const { y, m, d } = parts(iso);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** `2022-06-08` → `08/06/2022`, for tables and messages. */
export function formatDateShort(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}
