/** "Có phải là …?": the known value a mistyped one most likely means. */

/** One row of the distance table, reused: suggestions may compare thousands of pairs. */
let row = new Int32Array(64);

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let least = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      const d = Math.min(cur + 1, row[j - 1]! + 1, prev + (c === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = d;
      prev = cur;
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
  }
  return row[b.length]!;
}

/** Without Vietnamese marks, đ as d. */
const unmarked = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"));

/** Lower case, without Vietnamese marks, spaces and `-`/`_` alike: how two spellings compare. */
export function fold(text: string): string {
  return unmarked(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/** A unit code as it must be written: upper case, without Vietnamese marks (`ĐHXD` is `DHXD`). */
export function asCode(text: string): string {
  return unmarked(text).toUpperCase().trim();
}

/** The folded forms of a list of known values, computed once per list: a registry may hold 10,000 codes. */
const foldedLists = new WeakMap<readonly string[], string[]>();

function foldedList(known: readonly string[]): string[] {
  let folded = foldedLists.get(known);
  if (!folded) foldedLists.set(known, (folded = known.map(fold)));
  return folded;
}

/**
 * The known value closest to `value`, if it is close enough to be a slip: the same but for case,
 * marks or separators, else within an edit distance of a third of its length (at least 1). Undefined
 * when two known values are equally close. Pass the same array again to reuse its folded forms.
 */
export function suggest(value: string, known: readonly string[]): string | undefined {
  const folded = fold(value);
  if (!folded) return undefined;
  const limit = Math.max(1, Math.floor(folded.length / 3));
  const forms = foldedList(known);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (let i = 0; i < known.length; i++) {
    const k = known[i]!;
    // Values farther than the limit can neither be suggested nor tie with one that can.
    const dist = editDistance(folded, forms[i]!, limit);
    if (dist > limit) continue;
    if (dist < bestDistance) [best, bestDistance, tie] = [k, dist, false];
    else if (dist === bestDistance && k !== best) tie = true;
  }
  return best !== undefined && !(tie && bestDistance > 0) ? best : undefined;
}

/** A list for a sentence, cut after `max` items. */
export function listOf(values: readonly string[], max = 30): string {
  return values.length > max ? `${values.slice(0, max).join(", ")}, …` : values.join(", ");
}
