/** "Có phải là …?": the known value a mistyped one most likely means. */

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
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

/**
 * The known value closest to `value`, if it is close enough to be a slip: the same but for case,
 * marks or separators, else within an edit distance of a third of its length (at least 1). Undefined
 * when two known values are equally close.
 */
export function suggest(value: string, known: readonly string[]): string | undefined {
  const folded = fold(value);
  if (!folded) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const k of known) {
    const dist = editDistance(folded, fold(k));
    if (dist < bestDistance) [best, bestDistance, tie] = [k, dist, false];
    else if (dist === bestDistance && k !== best) tie = true;
  }
  const limit = Math.max(1, Math.floor(folded.length / 3));
  return best !== undefined && bestDistance <= limit && !(tie && bestDistance > 0) ? best : undefined;
}

/** A list for a sentence, cut after `max` items. */
export function listOf(values: readonly string[], max = 30): string {
  return values.length > max ? `${values.slice(0, max).join(", ")}, …` : values.join(", ");
}
