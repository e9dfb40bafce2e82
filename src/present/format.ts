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
 * Share of `part` in `whole` in tenths of a percent, rounded half away from zero on the exact ratio
 * of integers (BigInt, so that large totals cannot lose precision), so 1/8 gives 125 and never a
 * binary-float artefact. The sign follows `part`.
 */
function shareTenths(part: bigint, whole: bigint): bigint {
  // Stryker disable next-line EqualityOperator: at 0 both branches give 0
  const negative = part < 0n;
  const abs = negative ? -part : part;
  // floor(2x) then halve, which is x rounded half up, with x in tenths of a percent.
  const doubled = (abs * 2000n) / whole;
  const tenths = (doubled + 1n) / 2n;
  return negative ? -tenths : tenths;
}

function tenthsText(tenths: bigint): string {
  // Stryker disable next-line EqualityOperator: at 0 both branches give 0
  const abs = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? "-" : ""}${formatNumber(Number(abs / 10n))},${abs % 10n}`;
}

/** Share of `part` in `whole` with one decimal and a comma, without the sign: `54,2` (table cells under `Tỷ lệ %`). */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "-";
  return tenthsText(shareTenths(BigInt(Math.trunc(part)), BigInt(Math.trunc(whole))));
}

/**
 * Share of `part` in `whole` with one decimal and a comma: `54,2%`. Rounds half up on the exact
 * ratio of integers, so 1/8 gives `12,5%`. An empty whole has no share: `-`.
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return "-";
  return `${formatShare(part, whole)}%`;
}

/**
 * Change of a share between two periods in percentage points, signed, one decimal:
 * (3/10 → 1/2) gives `+20,0`. Computed on the exact difference of the two ratios, so it equals
 * what a reader gets from the unrounded shares, not the difference of two rounded figures.
 */
export function formatShareChange(
  partBefore: number,
  wholeBefore: number,
  partAfter: number,
  wholeAfter: number,
): string {
  if (wholeBefore <= 0 || wholeAfter <= 0) return "-";
  const [pb, wb, pa, wa] = [partBefore, wholeBefore, partAfter, wholeAfter].map((n) =>
    BigInt(Math.trunc(n)),
  ) as [bigint, bigint, bigint, bigint];
  const tenths = shareTenths(pa * wb - pb * wa, wa * wb);
  return tenths > 0n ? `+${tenthsText(tenths)}` : tenthsText(tenths);
}

/** A difference with its sign, for comparison tables: `+3`, `-1.200`, `0`. */
export function formatSignedNumber(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

/**
 * A target ratio from the catalogue as a percentage without needless decimals: 0.4 → `40%`,
 * 0.355 → `35,5%`. The ratio is a short decimal written by people, so twelve significant digits
 * remove the binary-float noise of the multiplication (0.07 × 100).
 */
export function formatRatioPercent(ratio: number): string {
  const percent = Number((ratio * 100).toPrecision(12));
  const [int, frac] = String(percent).split(".");
  return `${formatNumber(Number(int))}${frac ? `,${frac}` : ""}%`;
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

/**
 * `2022-04-26` → `26/4/2022`, `2022-06-08` → `08/6/2022`, `2022-01-17` → `17/01/2022`: dates in a report's
 * running text, lists and tables, with the leading zeros of the place-and-date line (a day below 10, the
 * months 1 and 2), as units write them.
 */
export function formatDateText(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d < 10 ? `0${d}` : d}/${m < 3 ? `0${m}` : m}/${y}`;
}

/**
 * Đồng in millions with one decimal, for narrow table cells where a full figure would wrap:
 * `1290000000` → `1.290,0`. Rounded half up on the integer, so no float artefact.
 */
export function formatMillions(vnd: number): string {
  const tenths = Math.floor((Math.abs(Math.trunc(vnd)) + 50_000) / 100_000);
  // Stryker disable next-line EqualityOperator: at 0 đồng tenths is 0 too
  const sign = vnd < 0 && tenths > 0 ? "-" : "";
  return `${sign}${formatNumber(Math.floor(tenths / 10))},${tenths % 10}`;
}

/** `2022-06-08` → `08/06/2022`, for messages. */
export function formatDateShort(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

/**
 * A date in a message for a reader of `lang`: `08/06/2022` in Vietnamese, the unambiguous ISO
 * `2022-06-08` in English (where `08/06` would read as 6 August).
 */
export function formatDateFor(lang: "vi" | "en", iso: string): string {
  return lang === "vi" ? formatDateShort(iso) : iso;
}
