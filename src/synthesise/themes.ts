/**
 * Themes across units' bullet points ("Hạn chế", "Nguyên nhân", "Kiến nghị"…): a consolidated report
 * states each idea once, with the units that raised it, instead of repeating every unit's wording.
 *
 * Units copy phrases from one another and from the ministry's guidance, so lexical overlap is a
 * reliable signal and no language model is needed. What makes it hard is that most of that overlap is
 * the sector's own vocabulary ("công tác bình đẳng giới", "hoạt động của Ban", "còn hạn chế"): two
 * points sharing only that are about different things ("Kinh phí…" against "Thời gian…"). So the
 * words that carry the topic must outweigh the words every point contains.
 *
 * Everything here is pure and deterministic: the same points give the same themes in the same order,
 * and which points share a theme does not depend on the order of the input.
 */

import { byText } from "../consolidate/consolidate.js";

/** One unit's point, in input order. */
export interface ThemePoint {
  code: string;
  name: string;
  text: string;
}

export interface Theme {
  /** The wording stated in the report: the text of the theme's most representative point, as written (trimmed), never rewritten. */
  text: string;
  /** Units that raised it, each once, in the order of first appearance in the input. */
  units: { code: string; name: string }[];
  /** Every point in the theme, in input order (a unit may contribute several). */
  points: ThemePoint[];
}

export interface GroupThemesOptions {
  /** Weighted Dice similarity at or above which two points share a theme; in (0, 1]. */
  threshold?: number;
  /**
   * Told of each pair of texts (in their compared form) the index proposes for a full comparison. The
   * filters and bounds below decide how much work is done, which on small inputs leaves the themes
   * unchanged: this is where tests and tuning can see that work.
   */
  onCompare?: (a: string, b: string) => void;
}

/**
 * Placed in the gap seen on the wording of examples/2022 and on the table in
 * test/synthesise/themes.test.ts: one idea reworded by different units (another committee name,
 * staff category or institution, a figure, a clause added or dropped) scores about 0.45 and above,
 * while different ideas that share the sector's vocabulary or a sentence frame stay below 0.4. It is
 * not lower because a missed merge only repeats a theme, whereas a wrong merge attributes to units
 * something they did not say.
 */
export const DEFAULT_THEME_THRESHOLD = 0.42;

/**
 * Function syllables: they say how a sentence is built, not what it is about, so sharing them is no
 * evidence. Negation ("chưa", "không") is here too: a point's polarity is set by the section it sits
 * in (a limitation is by nature something not yet done), and units vary "chưa"/"còn"/"không" freely.
 */
const STOP_SYLLABLES: ReadonlySet<string> = new Set(
  (
    "bị bằng cho chưa có các còn của cùng cũng để đến đó đối đã đang đều do được gì giữa gồm hay hoặc " +
    "hơn khi không là lại lúc mà mới một này nên nhằm nhất nhiều như nhưng những ở phải qua ra rất " +
    "sẽ số sự tại theo thêm thì tới trên trong từ và vào vẫn về việc vì với năm ngày tháng quý đợt"
  ).split(" "),
);

/**
 * The sector's own vocabulary and the names units give themselves: nearly every point in a gender
 * equality report contains some of it ("công tác bình đẳng giới", "vì sự tiến bộ của phụ nữ",
 * "hoạt động của Ban/Tổ công tác", "lãnh đạo Cục/Vụ/Viện", "công chức, viên chức, người lao động",
 * "kế hoạch", "còn hạn chế", "tiếp tục", "đề nghị Bộ"). It still counts, a little, so that long shared
 * passages of it are not ignored, but never enough on its own to make a theme.
 */
const GENERIC_SYLLABLES: ReadonlySet<string> = new Set(
  (
    "bình đẳng giới tiến bộ phụ nữ công tác hoạt động ban tổ đơn vị vụ thực hiện triển khai kế " +
    "hạn chế dành cán chức người lao cục viện trường nhà học văn phòng thanh tra đề nghị tiếp tục " +
    "tăng cường nâng cao duy trì quan tâm chủ yếu nội dung tổng hợp bảo đảm"
  ).split(" "),
);

/**
 * A topical feature counts ten times a generic one because the sector's phrases are long: "công tác
 * bình đẳng giới và vì sự tiến bộ của phụ nữ" alone is seventeen features, and at a lower ratio two
 * points sharing it would outweigh the one or two topic words in which they differ. Integer weights
 * keep every sum exact, so a comparison never depends on the order of additions.
 */
const TOPICAL_WEIGHT = 10;
const GENERIC_WEIGHT = 1;

/**
 * The form used for comparison only. NFC first, because NFD and NFC input must compare equal; the
 * Vietnamese locale for case. Digits and punctuation become separators: figures differ between units
 * stating the same idea ("còn ít (32,5%)" against "còn ít (36,4%)") and are no evidence of a theme.
 */
export function normaliseForThemes(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}]+/gu, " ")
    .trim();
}

/**
 * Features: syllable unigrams say which words occur; bigrams say which phrases do (Vietnamese words
 * are mostly two syllables, so a bigram is usually a word, and "kinh phí" is not "kinh nghiệm").
 * Bigrams run over the sequence with the function syllables removed, so that "thời gian dành cho
 * công tác" and "thời gian dành công tác" still share their phrases.
 */
function contentSyllables(normalised: string): string[] {
  return normalised === "" ? [] : normalised.split(" ").filter((s) => !STOP_SYLLABLES.has(s));
}

const unigramWeight = (s: string): number => (GENERIC_SYLLABLES.has(s) ? GENERIC_WEIGHT : TOPICAL_WEIGHT);

/**
 * A phrase is only as specific as its most generic syllable: "lãnh đạo Viện" or "thành viên Ban" says
 * no more than "lãnh đạo" or "thành viên", however many units name their own institution.
 */
const bigramWeight = (p: string, s: string): number =>
  GENERIC_SYLLABLES.has(p) || GENERIC_SYLLABLES.has(s) ? GENERIC_WEIGHT : TOPICAL_WEIGHT;

/** The weighted features of one normalised text, keyed by name; groupThemes interns the same ones. */
function features(normalised: string): Map<string, number> {
  const out = new Map<string, number>();
  const content = contentSyllables(normalised);
  content.forEach((s, i) => {
    out.set(`1 ${s}`, unigramWeight(s));
    const p = content[i - 1];
    if (p !== undefined) out.set(`2 ${p} ${s}`, bigramWeight(p, s));
  });
  return out;
}

/** A text's weighted features, for measures beyond the pairwise similarity (how much of one another holds). */
export function themeFeatures(text: string): ReadonlyMap<string, number> {
  return features(normaliseForThemes(text));
}

/**
 * The similarity groupThemes compares with its threshold, for one pair: tests and tuning can then
 * show how far a pair is from the line instead of only which side it falls on.
 */
export function themeSimilarity(a: string, b: string): number {
  const fa = features(normaliseForThemes(a));
  const fb = features(normaliseForThemes(b));
  let ta = 0;
  let tb = 0;
  let shared = 0;
  for (const [f, w] of fa) {
    ta += w;
    if (fb.has(f)) shared += w;
  }
  for (const w of fb.values()) tb += w;
  return ta + tb === 0 ? 0 : (2 * shared) / (ta + tb);
}

/** One distinct normalised text and the points that have it. */
interface Text {
  /** The normalised text, or for a text without letters its trimmed self behind a NUL. */
  key: string;
  /** Feature ranks, ascending: rarest first (see distinctTexts). */
  ranks: Int32Array;
  /** Weights, parallel to ranks. */
  weights: Int32Array;
  /** suffix[q]: weight of the features from position q on; suffix[0] is the text's whole weight. */
  suffix: Int32Array;
  /** Sum of squared weights, for centrality. */
  squares: number;
  /** How many of the first features no other text has: they can never be shared, so go unindexed. */
  unique: number;
  /** Input positions of the points with this text, ascending. */
  points: number[];
}

const total = (x: Text): number => x.suffix[0] as number;

/**
 * Weight of the features two texts share (both rank arrays are ascending), or -1 as soon as what is
 * left of either text could no longer bring it to need: most candidates fail early.
 */
function overlap(a: Text, b: Text, need: number): number {
  const ar = a.ranks;
  const br = b.ranks;
  // Features no other text has cannot be shared: starting past them, the bound below is tight at once.
  let i = a.unique;
  let j = b.unique;
  let sum = 0;
  // One more step past an end meets no equal rank and only moves on; past a's end, b's steps add nothing.
  // Stryker disable next-line EqualityOperator,ConditionalExpression: as said; `true` for the whole or for b's end never ends
  while (i < ar.length && j < br.length) {
    // Stryker disable next-line ConditionalExpression,MethodExpression: an early exit; the last line decides alike
    if (sum + Math.min(a.suffix[i] as number, b.suffix[j] as number) < need) return -1;
    const x = ar[i] as number;
    const y = br[j] as number;
    if (x === y) {
      sum += a.weights[i] as number;
      i++;
      // Stryker disable next-line UpdateOperator: a step back on b meets a smaller rank, which is passed again
      j++;
      continue;
    }
    // Stryker disable next-line EqualityOperator: equal ranks were taken just above
    if (x < y) i++;
    else j++;
  }
  return sum >= need ? sum : -1;
}

/**
 * Prefix filtering (the all-pairs similarity join, with PPJoin's positional bound). Dice ≥ t forces
 * the shared weight to be at least t/(2−t) of either text's weight, since the other text holds at
 * least the shared part. So if every text is indexed under its rarest features only, up to where what
 * is left weighs less than that, any pair that reaches t shares an indexed feature: the first feature
 * they share in the global order lies in both prefixes, or the rest of one text could not hold
 * enough. Common features thus rarely enter an index, and the candidates for a text are the texts
 * sharing one of its rare features. And since nothing before that first shared feature is shared, the
 * pair shares at most what follows it in the lighter of the two, which rules out most candidates
 * found through a feature near the end of a prefix without comparing them.
 */
class Join {
  private readonly minShare: number;
  constructor(
    readonly threshold: number,
    private readonly onCompare: ((a: string, b: string) => void) | undefined,
  ) {
    // The margin keeps the bound on the safe side of rounding: a prefix one feature too long only
    // costs a lookup, one too short would lose a pair.
    this.minShare = (threshold / (2 - threshold)) * (1 - 1e-9);
  }
  prefixLength(x: Text): number {
    const bound = this.minShare * total(x);
    let k = 0;
    // Stryker disable next-line EqualityOperator: the margin keeps the bound off the integer weights, so none equals it
    while (k < x.ranks.length && (x.suffix[k] as number) >= bound) k++;
    return k;
  }
  /**
   * The shared weight when the pair reaches the threshold, otherwise -1; fromA and fromB are the
   * positions of the first feature they share, when known.
   */
  shared(a: Text, b: Text, fromA = 0, fromB = 0): number {
    this.onCompare?.(a.key, b.key);
    const need = (this.threshold * (total(a) + total(b))) / 2;
    // Stryker disable next-line ConditionalExpression,MethodExpression: an early exit; overlap() decides alike
    if (Math.min(a.suffix[fromA] as number, b.suffix[fromB] as number) < need) return -1;
    return overlap(a, b, need);
  }
}

/**
 * Bounds that keep the grouping near-linear when a feature turns out to be common after all (many
 * short points made of the sector's wording, or thousands of rewordings of one point). A text is
 * compared with at most MAX_COMPARISONS others, rarest shared features first, and with at most
 * MAX_TRIES_PER_GROUP members of one near-duplicate group; a posting list keeps at most
 * MAX_POSTINGS groups or leaders. What these bounds leave out is wording shared so widely that it
 * no longer singles out a topic. Texts are processed in an order that depends on their content
 * alone, so what is left out does not depend on the order of the input either.
 */
const MAX_COMPARISONS = 32;
const MAX_TRIES_PER_GROUP = 8;
const MAX_POSTINGS = 32;

/**
 * Stage 1: near-duplicates, the same sentence reused with another unit's name, another staff
 * category or another figure. Single link is safe here because each link is a near-copy, so a chain
 * cannot wander far; and it finds the groups whatever the order, which the leaders of stage 2 need.
 */
function nearDuplicates(texts: readonly Text[], order: readonly number[], join: Join): number[][] {
  const parent = Int32Array.from(texts, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x] as number] as number;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  // Which member is a group's root changes nothing: groups are read back by membership, in content order.
  const union = (a: number, b: number): void => {
    parent[find(b)] = find(a);
  };

  // A posting list holds groups of texts already known to be near-duplicates, each member with the
  // position of the feature in it (flat pairs), so that a text meets a large group once rather than
  // once per member: thousands of rewordings of one popular point cost a single check each.
  const postings = new Map<number, number[][]>();
  const tested = new Int32Array(texts.length).fill(-1);
  for (const i of order) {
    const x = texts[i] as Text;
    // A text without features has an empty prefix: nothing to look up or index.
    const k = join.prefixLength(x);
    let budget = MAX_COMPARISONS;
    // Stryker disable next-line BooleanLiteral: compacting a list with no groups to merge appends, as a push does
    let joined = false;
    search: for (let q = x.unique; q < k; q++) {
      for (const group of postings.get(x.ranks[q] as number) ?? []) {
        if (find(group[0] as number) === find(i)) continue;
        let tries = 0;
        for (let m = 0; m < group.length; m += 2) {
          const j = group[m] as number;
          // Stryker disable next-line ConditionalExpression: meeting a text again repeats a comparison that failed: the same groups, more work
          if (tested[j] === i) continue;
          if (budget-- === 0) break search;
          tested[j] = i;
          if (join.shared(x, texts[j] as Text, q, group[m + 1]) !== -1) {
            union(i, j);
            joined = true;
            break;
          }
          if (++tries === MAX_TRIES_PER_GROUP) break;
        }
      }
    }
    // A text that joined no group is a group of its own; only after a union can groups of a list
    // have come to share a root and need merging.
    for (let q = x.unique; q < k; q++) {
      const r = x.ranks[q] as number;
      const list = postings.get(r);
      if (list === undefined) {
        postings.set(r, [[i, q]]);
        continue;
      }
      // Stryker disable next-line ConditionalExpression: compacting with no groups to merge appends, as a push does; never compacting after a union is caught by the test of tries
      if (joined) {
        postings.set(r, compact(list, i, q, find));
        continue;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a text compares at most MAX_COMPARISONS (as many), so a group past them is met only past groups skipped unchecked, which no test builds
      if (list.length < MAX_POSTINGS) list.push([i, q]);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of order) {
    const root = find(i);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [i]);
    else g.push(i);
  }
  return [...groups.values()];
}

/**
 * Merges the groups of a posting list whose texts are now known to be near-duplicates and adds a text
 * to its group. The larger group absorbs the smaller, so a text moves O(log n) times in all. Exported for
 * its tests, like rankFeatures: what either does wrong shows in themes only on inputs hard to build.
 */
export function compact(
  list: number[][],
  add: number,
  position: number,
  find: (x: number) => number,
): number[][] {
  const byRoot = new Map<number, number[]>();
  for (const group of list) {
    const root = find(group[0] as number);
    const into = byRoot.get(root);
    if (into === undefined) byRoot.set(root, group);
    else if (into.length >= group.length) for (const x of group) into.push(x);
    else {
      for (const x of into) group.push(x);
      byRoot.set(root, group);
    }
  }
  const root = find(add);
  const into = byRoot.get(root);
  if (into !== undefined) {
    into.push(add, position);
    return [...byRoot.values()];
  }
  if (byRoot.size < MAX_POSTINGS) byRoot.set(root, [add, position]);
  return [...byRoot.values()];
}

/**
 * How typical each text is of a group: the cosine of its weighted features with the group's summed
 * features, itself left out (the group's norm is common to all and dropped). A proxy for "most
 * similar to the others" that stays linear in the group's size, where comparing every pair of a
 * large group would not. Copies count: a wording many units used is typical by definition.
 */
function centrality(texts: readonly Text[], ids: readonly number[]): number[] {
  // Most themes are one wording: nothing to rank, and building a count for each would dominate.
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: one text's score is compared with nothing
  if (ids.length === 1) return [0];
  const count = new Map<number, number>();
  for (const d of ids) {
    const x = texts[d] as Text;
    for (const r of x.ranks) count.set(r, (count.get(r) ?? 0) + x.points.length);
  }
  return ids.map((d) => {
    const x = texts[d] as Text;
    let dot = 0;
    for (let q = 0; q < x.ranks.length; q++) {
      const w = x.weights[q] as number;
      dot += w * w * ((count.get(x.ranks[q] as number) as number) - 1);
    }
    // Stryker disable next-line ConditionalExpression: a text without features shares none, so it is always alone in its group
    return x.squares === 0 ? 0 : dot / Math.sqrt(x.squares);
  });
}

interface Core {
  texts: number[];
  /** The core's most typical text, chosen on content alone so that stage 2 ignores input order. */
  representative: number;
  units: number;
  points: number;
}

/**
 * Groups points into themes. Two points are similar when their weighted Dice coefficient
 * (2·shared / (weight of one + weight of the other)) reaches the threshold. Dice rather than
 * containment, so that a short generic point ("Kinh phí còn hạn chế") is not absorbed by every longer
 * point that contains its words. Grouping runs in two stages:
 *
 * 1. near-duplicates (similarity at least halfway from the threshold to 1) are linked into cores;
 * 2. cores are taken largest first, and each joins the theme whose leading core's typical text it is
 *    most similar to, if that reaches the threshold, or leads a theme of its own.
 *
 * Plain single link at the threshold chains: "chưa triển khai bồi dưỡng nghiệp vụ cho thành viên"
 * links to "thành viên chưa nắm vững nghiệp vụ", which links to "kỹ năng của thành viên còn hạn chế",
 * and one theme ends up attributing to every unit what only some said. Comparing with a leader keeps
 * every rewording within one step of the wording the report states; taking the most-used wordings as
 * leaders makes them the themes' anchors rather than whichever point came first.
 *
 * Themes come most-shared first (by number of units); ties keep the input order of their first point.
 */
export function groupThemes(points: readonly ThemePoint[], options: GroupThemesOptions = {}): Theme[] {
  const threshold = options.threshold ?? DEFAULT_THEME_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    // Stryker disable next-line StringLiteral: a trace's wording for a caller's bug; no user sets the threshold
    throw new RangeError(`theme threshold must be in (0, 1], got ${threshold}`);
  }
  const texts = distinctTexts(points);
  // Content order: the processing order of both stages, so that the input order cannot change which
  // points share a theme.
  const order = texts.map((_, i) => i).sort((a, b) => byText((texts[a] as Text).key, (texts[b] as Text).key));
  const cores = nearDuplicates(texts, order, new Join((1 + threshold) / 2, options.onCompare)).map((ids) =>
    toCore(points, texts, ids),
  );
  cores.sort(
    (a, b) =>
      b.units - a.units ||
      b.points - a.points ||
      byText((texts[a.representative] as Text).key, (texts[b.representative] as Text).key),
  );
  const themes = gatherCores(
    cores.map((c) => texts[c.representative] as Text),
    new Join(threshold, options.onCompare),
  );

  const members: number[][] = [];
  cores.forEach((core, c) => {
    const t = themes[c] as number;
    if (t === members.length) members.push([]);
    for (const d of core.texts) (members[t] as number[]).push(d);
  });
  return members
    .map((ids) => buildTheme(points, texts, ids))
    .sort((a, b) => b.theme.units.length - a.theme.units.length || a.first - b.first)
    .map((t) => t.theme);
}

function toCore(points: readonly ThemePoint[], texts: readonly Text[], ids: number[]): Core {
  const scores = centrality(texts, ids);
  // A group's texts come in content order, so among the most typical and shortest the first kept is
  // the least in that order: the choice depends on content alone.
  let best = 0;
  for (let q = 1; q < ids.length; q++) {
    const a = (texts[ids[q] as number] as Text).key;
    const b = (texts[ids[best] as number] as Text).key;
    const d = (scores[q] as number) - (scores[best] as number);
    if (d > 0 || (d === 0 && a.length < b.length)) best = q;
  }
  const codes = new Set<string>();
  let count = 0;
  for (const d of ids) {
    for (const p of (texts[d] as Text).points) codes.add((points[p] as ThemePoint).code);
    count += (texts[d] as Text).points.length;
  }
  return { texts: ids, representative: ids[best] as number, units: codes.size, points: count };
}

/**
 * Stage 2, over the cores' typical texts in the order given: each joins the most similar earlier
 * leader that reaches the threshold, or becomes a leader. Returns each core's theme, numbered in
 * order of the leaders.
 */
function gatherCores(reps: readonly Text[], join: Join): number[] {
  const themeOf: number[] = [];
  let leaders = 0;
  // Leaders only, each with the position of the feature in its text (flat pairs).
  const postings = new Map<number, number[]>();
  // Per candidate leader: the weight shared within both prefixes and where the last of it lies.
  const seen = new Int32Array(reps.length).fill(-1);
  const acc = new Int32Array(reps.length);
  const lastX = new Int32Array(reps.length);
  const lastY = new Int32Array(reps.length);
  const candidates = new Int32Array(reps.length);
  reps.forEach((x, c) => {
    const k = join.prefixLength(x);
    let found = 0;
    // Stryker disable next-line EqualityOperator: one feature past the prefix finds more candidates, each compared in full; `>=` finds none
    for (let q = x.unique; q < k; q++) {
      const list = postings.get(x.ranks[q] as number);
      if (list === undefined) continue;
      for (let m = 0; m < list.length; m += 2) {
        const l = list[m] as number;
        if (seen[l] !== c) {
          seen[l] = c;
          acc[l] = 0;
          candidates[found++] = l;
        }
        acc[l] = (acc[l] as number) + (x.weights[q] as number);
        lastX[l] = q;
        lastY[l] = list[m + 1] as number;
      }
    }
    let best = -1;
    let bestShared = 0;
    let bestTotal = 0;
    let budget = MAX_COMPARISONS;
    for (let f = 0; f < found; f++) {
      const l = candidates[f] as number;
      const y = reps[l] as Text;
      // What both prefixes share is counted; anything else they share lies after the last shared
      // feature in both (PPJoin+), so most candidates are ruled out without a full comparison.
      const bound =
        (acc[l] as number) +
        Math.min(x.suffix[(lastX[l] as number) + 1] as number, y.suffix[(lastY[l] as number) + 1] as number);
      if (2 * bound < join.threshold * (total(x) + total(y))) continue;
      if (budget-- === 0) break;
      const o = join.shared(x, y);
      // The most similar leader, compared as exact fractions: o/(x+y) against the best so far.
      // The first that reaches the threshold beats the initial zero, since what it shares is above zero; a
      // pair below it (-1) beats nothing.
      // Stryker disable next-line EqualityOperator: which of two leaders exactly as alike wins is left open; either way content decides
      if (o * (total(x) + bestTotal) > bestShared * (total(x) + total(y))) {
        best = l;
        bestShared = o;
        bestTotal = total(y);
      }
    }
    if (best >= 0) {
      themeOf.push(themeOf[best] as number);
      return;
    }
    themeOf.push(leaders++);
    // Stryker disable next-line EqualityOperator: a leader indexed under one feature past its prefix is only found more often; `>=` indexes none
    for (let q = x.unique; q < k; q++) {
      const r = x.ranks[q] as number;
      const list = postings.get(r);
      if (list === undefined) {
        postings.set(r, [c, q]);
        continue;
      }
      if (list.length < 2 * MAX_POSTINGS) list.push(c, q);
    }
  });
  return themeOf;
}

/**
 * Identical normalised texts become one text from the start: they always group, and thousands of
 * copies of one sentence cost no more than one.
 */
function distinctTexts(points: readonly ThemePoint[]): Text[] {
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const positions: number[][] = [];
  for (let p = 0; p < points.length; p++) {
    const text = (points[p] as ThemePoint).text;
    const normalised = normaliseForThemes(text);
    // A text without letters ("…", "2022") has nothing to compare, but identical ones still group.
    const key = normalised === "" ? `\u0000${text.trim()}` : normalised;
    let d = byKey.get(key);
    if (d === undefined) {
      d = keys.length;
      byKey.set(key, d);
      keys.push(key);
      positions.push([]);
    }
    (positions[d] as number[]).push(p);
  }

  // Syllables, then features, are interned to numbers: building a string or looking up a word list
  // per feature occurrence would cost more than all the comparing. Unigram features are numbered as
  // their syllables; a bigram gets the next free number the first time its pair of syllables occurs.
  const syllableId = new Map<string, number>();
  // Stryker disable next-line ArrayDeclaration: a syllable no text has changes no text's features
  const syllables: string[] = [];
  const sequences = keys.map((k) => {
    const content = k.startsWith("\u0000") ? [] : contentSyllables(k);
    const sids = new Int32Array(content.length);
    content.forEach((s, q) => {
      let sid = syllableId.get(s);
      if (sid === undefined) {
        sid = syllables.length;
        syllableId.set(s, sid);
        syllables.push(s);
      }
      sids[q] = sid;
    });
    return sids;
  });
  const syllableCount = syllables.length;
  const bigramId = new Map<number, number>();
  const first: number[] = [];
  const second: number[] = [];
  // Stryker disable next-line ArrayDeclaration: an empty array reads undefined, which, like -1, is no text's index
  const lastText: number[] = new Array<number>(syllableCount).fill(-1);
  const idsOf = sequences.map((sids, d) => {
    const ids: number[] = [];
    for (let q = 0; q < sids.length; q++) {
      const sid = sids[q] as number;
      if (lastText[sid] !== d) {
        lastText[sid] = d;
        ids.push(sid);
      }
      if (q === 0) continue;
      const prev = sids[q - 1] as number;
      // Stryker disable next-line ArithmeticOperator: prev·n − sid and prev/n + sid are as one-to-one as prev·n + sid (sid, prev < n); a key that drops sid is caught
      const key = prev * syllableCount + sid;
      let id = bigramId.get(key);
      if (id === undefined) {
        id = syllableCount + first.length;
        bigramId.set(key, id);
        first.push(prev);
        second.push(sid);
        lastText.push(-1);
      }
      if (lastText[id] !== d) {
        lastText[id] = d;
        ids.push(id);
      }
    }
    return ids;
  });

  const count = syllableCount + first.length;
  const df = new Int32Array(count);
  for (const ids of idsOf) for (const id of ids) df[id] = (df[id] as number) + 1;
  const syllableHash = syllables.map(fnv1a);
  const hash = new Uint32Array(count);
  const weightOf = new Int32Array(count);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
  for (let id = 0; id < count; id++) {
    if (id < syllableCount) {
      hash[id] = syllableHash[id] as number;
      weightOf[id] = unigramWeight(syllables[id] as string);
    } else {
      const a = first[id - syllableCount] as number;
      const b = second[id - syllableCount] as number;
      hash[id] =
        Math.imul((syllableHash[a] as number) ^ 0x9e3779b9, 0x85ebca6b) ^ (syllableHash[b] as number);
      weightOf[id] = bigramWeight(syllables[a] as string, syllables[b] as string);
    }
  }
  const name = (id: number): string =>
    id < syllableCount
      ? ` ${syllables[id]}`
      : `${syllables[first[id - syllableCount] as number]} ${syllables[second[id - syllableCount] as number]}`;
  const byRank = rankFeatures(df, hash, name);
  const rankOf = new Int32Array(count);
  const weightOfRank = new Int32Array(count);
  let uniqueRanks = 0;
  byRank.forEach((id, r) => {
    rankOf[id] = r;
    weightOfRank[r] = weightOf[id] as number;
    // Fewer features taken as unique only start indexing and comparing earlier: `false`, `r - 1`. Taking
    // every feature as unique (`true`, `!==`) indexes nothing, which every theme test catches.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: as said
    if (df[id] === 1) uniqueRanks = r + 1;
  });

  return idsOf.map((ids, d) => {
    const n = ids.length;
    const ranks = new Int32Array(n);
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
    for (let q = 0; q < n; q++) ranks[q] = rankOf[ids[q] as number] as number;
    ranks.sort();
    const weights = new Int32Array(n);
    const suffix = new Int32Array(n + 1);
    let squares = 0;
    let unique = 0;
    for (let q = n - 1; q >= 0; q--) {
      const w = weightOfRank[ranks[q] as number] as number;
      weights[q] = w;
      suffix[q] = (suffix[q + 1] as number) + w;
      squares += w * w;
      // As for uniqueRanks: fewer taken as unique (`false`, or 1 when the first is) only costs work.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: as said; `true` for the whole skips every feature, which every theme test catches
      if (unique === 0 && (ranks[q] as number) < uniqueRanks) unique = q + 1;
    }
    return {
      key: keys[d] as string,
      ranks,
      weights,
      suffix,
      squares,
      unique,
      points: positions[d] as number[],
    };
  });
}

/**
 * Features rarest first, ties by the feature itself: a global order that does not depend on the
 * input order, which prefix filtering needs to be exact. Ties go through a hash of the syllables
 * first, and only equal hashes compare the syllables: with a comparator over strings the sort would
 * cost more than all the rest. Frequencies are small integers, so they are bucketed; within a bucket
 * the hash and the position fit one exact double, which sorts natively.
 */
export function rankFeatures(
  df: Int32Array,
  hash: Uint32Array,
  name: (id: number) => string,
  /** The most features of one frequency sorted as packed doubles; a parameter only for the tests. */
  packable = 2 ** 21,
): Int32Array {
  let most = 0;
  for (const d of df) most = Math.max(most, d);
  const start = new Int32Array(most + 2);
  for (const d of df) start[d + 1] = (start[d + 1] as number) + 1;
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
  for (let d = 1; d < start.length; d++) start[d] = (start[d] as number) + (start[d - 1] as number);
  // Stryker disable next-line MethodExpression: were next to be start, bucket d would be sorted at step d − 1: all but that of features no other text has, which never index or bound a comparison
  const next = start.slice();
  const byRank = new Int32Array(df.length);
  df.forEach((d, id) => {
    const at = next[d] as number;
    byRank[at] = id;
    next[d] = at + 1;
  });
  const byName = (a: number, b: number): number => byText(name(a), name(b));
  // Every feature occurs at least once: no bucket 0.
  for (let d = 1; d <= most; d++) {
    const from = start[d] as number;
    const to = start[d + 1] as number;
    const ids = byRank.slice(from, to);
    // By hash, then position (equal hashes are ordered by name below). Hash and position fit one exact
    // double while the position fits 21 bits; past that, which no input near a ministry's size reaches,
    // a comparator.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: both ways give one order; only past 2^21 is the packed one inexact
    if (ids.length <= packable) {
      const packed = new Float64Array(ids.length);
      // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
      for (let k = 0; k < ids.length; k++) packed[k] = (hash[ids[k] as number] as number) * 2 ** 21 + k;
      packed.sort();
      for (let k = 0; k < ids.length; k++) byRank[from + k] = ids[(packed[k] as number) % 2 ** 21] as number;
    } else byRank.set(byHash(ids, hash), from);
    // Stryker disable next-line EqualityOperator: one more step starts a run past the bucket, of no feature
    for (let i = from; i < to;) {
      let j = i + 1;
      while (
        j < to &&
        // Any run of the bucket sorted by name still gives an order of content alone, which is all that
        // prefix filtering needs; only which of two leaders exactly as alike is met first may change.
        // Stryker disable next-line ConditionalExpression,EqualityOperator: as said
        hash[byRank[j] as number] === hash[byRank[i] as number]
      )
        j++;
      // A run of one is in order: sorting it too changes nothing (`true`, `>=`, `j + i`); `false` is caught.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: as said
      if (j - i > 1) byRank.set(Array.from(byRank.subarray(i, j)).sort(byName), i);
      i = j;
    }
  }
  return byRank;
}

/** Features by hash, then position (a stable sort): the packed sort's order, for any number of them. */
function byHash(ids: Int32Array, hash: Uint32Array): number[] {
  return Array.from(ids).sort((a, b) => (hash[a] as number) - (hash[b] as number));
}

/** 32-bit FNV-1a over UTF-16 code units: only a fast, fixed tie-break, never an identity. */
// Stryker disable all: any function of the text alone, even a constant, gives an order that does not depend on the input's
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
// Stryker restore all

/**
 * The stated text is the point closest to the theme's centroid; among equals the shortest wording,
 * then the earliest, so that the report states the plainest form of the typical point.
 */
function buildTheme(
  points: readonly ThemePoint[],
  texts: readonly Text[],
  ids: readonly number[],
): { theme: Theme; first: number } {
  const scores = centrality(texts, ids);
  let best = -1;
  let bestScore = 0;
  let bestLength = 0;
  const all: number[] = [];
  ids.forEach((d, q) => {
    const score = scores[q] as number;
    for (const p of (texts[d] as Text).points) {
      all.push(p);
      const length = (points[p] as ThemePoint).text.trim().length;
      if (
        best < 0 ||
        score > bestScore ||
        // Stryker disable next-line EqualityOperator: each point is met once, so p is never best
        (score === bestScore && (length < bestLength || (length === bestLength && p < best)))
      ) {
        best = p;
        bestScore = score;
        bestLength = length;
      }
    }
  });
  all.sort((a, b) => a - b);
  const units: { code: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const p of all) {
    const { code, name } = points[p] as ThemePoint;
    if (!seen.has(code)) {
      seen.add(code);
      units.push({ code, name });
    }
  }
  return {
    theme: {
      text: (points[best] as ThemePoint).text.trim(),
      units,
      points: all.map((p) => points[p] as ThemePoint),
    },
    first: all[0] as number,
  };
}
