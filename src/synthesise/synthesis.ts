/**
 * The synthesis stage, between consolidation (numbers) and presentation (words): it decides what the
 * body of a consolidated report says — which examples, which activities, which themes, which figures
 * stand out — and leaves everything else to Phụ lục IV. Picks, not words: the presenter words them.
 *
 * Every choice follows a rule that the report states, and is deterministic: ties fall back to the
 * registry order, never to iteration order or chance.
 */
import { ratioFraction, reachesShare, wholeReport } from "../consolidate/consolidate.js";
import { summaryOpening } from "../validate/check-fast.js";
import type { Consolidation, ConsolidatedUnit, UnitRef } from "../consolidate/consolidate.js";
import type {
  Activity,
  Catalog,
  Indicator,
  People,
  RegistryUnit,
  TaskDef,
  TaskReport,
  TaskStatus,
} from "../model.js";
import {
  DEFAULT_THEME_THRESHOLD,
  groupThemes,
  themeFeatures,
  themeSimilarity,
  type Theme,
  type ThemePoint,
} from "./themes.js";

/** At most this many examples per sub-task, activities per task group and themes per heading in the body. */
export const MAX_EXAMPLES = 3;
export const MAX_ACTIVITIES = 5;
export const MAX_THEMES = 6;
/** An example longer than this is cut to its first sentence, and that sentence at a clause if still longer. */
const EXAMPLE_CHARS = 160;
/** A first sentence longer than this is cut at a clause. */
const SENTENCE_CHARS = 240;

export interface Example extends UnitRef {
  /** The unit's summary, or its first sentence when long; `shortened` says which. */
  text: string;
  shortened: boolean;
}

export interface TaskSynthesis {
  group: string;
  task: string;
  /** Units that have not started the sub-task, in registry order. */
  notStarted: UnitRef[];
  examples: Example[];
}

export interface PickedActivity {
  date: string;
  group: string;
  title: string;
  participants?: People;
  /** The reporting unit first, then its partners: a joint activity is shown once. */
  units: UnitRef[];
}

export interface GroupSynthesis {
  group: string;
  /** At most MAX_ACTIVITIES, by date. */
  activities: PickedActivity[];
  /** Distinct activities of the group, joint ones counted once. */
  total: number;
}

export interface ThemeList {
  /** The most widely shared, at most MAX_THEMES. */
  themes: Theme[];
  /** Themes in all, and the units' points they group. */
  total: number;
  points: number;
}

/** Facts worth the head of section II, in the order they are stated. */
export type Highlight =
  | { kind: "staff" }
  /** The sub-tasks most units completed (indices into `Synthesis.tasks`): all of them when tied. */
  | { kind: "most-done"; tasks: number[] }
  /** The sub-task with the most people reached. */
  | { kind: "widest-reach"; task: number }
  /** The sub-tasks most units have not started, all of them when tied. */
  | { kind: "lagging"; tasks: number[] }
  | { kind: "budget" }
  | { kind: "target"; reached: boolean };

export interface Synthesis {
  tasks: TaskSynthesis[];
  groups: GroupSynthesis[];
  highlights: Highlight[];
  strengths: ThemeList;
  limitations: ThemeList;
  causes: ThemeList;
  nextSteps: ThemeList;
  recommendations: ThemeList;
}

/** Sentence ends: a full stop (or ! ? …) followed by a space and what starts a sentence. */
const SENTENCE_END = /[.!?…](?=\s+["“(]?[\p{Lu}\d])/gu;

const OPENERS = "([“";
const CLOSERS = ")]”";

/** Where the outermost bracket or quotation that `text` leaves open starts; -1 when none is. */
function unclosed(text: string): number {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (OPENERS.includes(c)) open.push(i);
    else if (CLOSERS.includes(c)) open.pop();
  }
  return open[0] ?? -1;
}

/**
 * The first sentence, not ended by a full stop inside brackets (`(khai giảng ngày 15/3. Bế giảng …)`) nor by
 * a mark with nothing before it (`… Ban đã …`); the whole text when it is one sentence.
 */
function firstSentence(text: string): string {
  for (const m of text.matchAll(SENTENCE_END))
    if (m.index > 0 && unclosed(text.slice(0, m.index)) < 0) return text.slice(0, m.index + 1);
  return text;
}

/** Words by which a sentence announces the list after its colon (`02 văn bản gồm: …`, `như sau: …`). */
const ANNOUNCING = ["bao gồm", "gồm", "như sau", "sau đây", "sau", "cụ thể"];
/**
 * A count a few syllables before a colon (`ban hành 02 kế hoạch: …`): the list after it has that many items. A
 * number within a date or a name (`năm 2022`, `COVID-19`) is no count.
 */
/** Words before an uncounted list for them to stand alone as the example ("Cụ thể", "Kết quả" do not). */
const MIN_LEAD_WORDS = 5;
const COUNT = /(?:^|\s)(\d{1,3})(?:\s+[\p{L}\p{M}]+){1,4}$/u;

/**
 * When a cut at `cut` would leave a list that `text` announces before it short — a colon after a count or
 * after `gồm`, `như sau` …, whose items are separated by `; ` — the text before the announcement, which
 * names no item rather than some of them ("ban hành 02 văn bản", not "ban hành 02 văn bản gồm: Kế hoạch
 * số 04/KH-KTXD"). Undefined when the cut leaves every announced list whole (a counted list is whole once
 * that many items are kept), or when an uncounted list has too little before it to stand alone.
 */
function beforeAnnouncedList(text: string, cut: number): string | undefined {
  for (const { index: colon } of text.slice(0, cut).matchAll(/: /gu)) {
    if (unclosed(text.slice(0, colon)) !== -1) continue;
    const lead = text.slice(0, colon).trimEnd();
    const said = lead.normalize("NFC").toLocaleLowerCase("vi");
    // A lead that is the announcing word alone ("Gồm: …") has nothing before it to keep.
    const word = ANNOUNCING.find((w) => said.endsWith(` ${w}`));
    // Compared in NFC, removed as typed: as many words as the announcing word has.
    const stem = word ? lead.split(/\s+/u).slice(0, -word.split(" ").length).join(" ") : lead;
    const count = COUNT.exec(stem);
    if (!word && !count) continue;
    // A list without a count names no more than it has when cut short; what comes before it must say
    // something on its own ("Cụ thể như sau: …" leaves "Cụ thể"), else the cut is an ordinary one.
    // Without a count the announcing word was found, and the stem's words joined by single spaces.
    if (!count && stem.split(" ").length < MIN_LEAD_WORDS) continue;
    const kept = text.slice(colon, cut + 2).split("; ").length - 1;
    if (count && kept >= Number(count[1])) continue;
    return stem.replace(/[\s,;]+$/u, "");
  }
  return undefined;
}

/**
 * The summary as an example: whole when short, else its first sentence. A first sentence too long for the
 * body is cut at its last clause (`; `, else `, `) that leaves a readable part; never inside a phrase, nor
 * inside a list the sentence announces with a count: then before the announcement.
 */
export function exampleText(summary: string): { text: string; shortened: boolean } {
  const text = summary.trim();
  if (text.length <= EXAMPLE_CHARS) return { text, shortened: false };
  let first = firstSentence(text);
  if (first.length > SENTENCE_CHARS) {
    const head = first.slice(0, SENTENCE_CHARS);
    // A clause boundary outside brackets, far enough in to say something.
    const at = (sep: string) => {
      for (let i = head.lastIndexOf(sep); i > SENTENCE_CHARS / 3; i = head.lastIndexOf(sep, i - 1))
        if (unclosed(head.slice(0, i)) < 0) return i;
      return -1;
    };
    const semicolon = at("; ");
    const cut = semicolon !== -1 ? semicolon : at(", ");
    if (cut !== -1)
      first =
        beforeAnnouncedList(head, cut) ?? (semicolon !== -1 ? head.slice(0, cut) : `${head.slice(0, cut)}…`);
  }
  return { text: first, shortened: first !== text };
}

/**
 * How large a unit's result for a sub-task is, for choosing examples: its counts, people and flags
 * summed. Money is left out: đồng would outweigh every count.
 */
function weight(task: TaskReport, indicators: readonly Indicator[]): number {
  let w = 0;
  for (const { key, type } of indicators) {
    const v = task[key];
    // People are the only figure with parts, and a flag the only one that is true; money, a number too, is not a count.
    if (typeof v === "object") w += v.total;
    else if (type === "count" && typeof v === "number") w += v;
    else if (v === true) w += 1;
  }
  return w;
}

const ACTIVE: ReadonlySet<TaskStatus> = new Set(["done", "in_progress"]);

function examples(
  units: readonly ConsolidatedUnit[],
  group: string,
  task: TaskDef,
  advisory: ReadonlySet<string>,
): Example[] {
  const candidates: {
    unit: ConsolidatedUnit;
    weight: number;
    result: boolean;
    /** The summary's opening words; computed only for the candidates read, when the report holds the summary. */
    opening: () => string;
  }[] = [];
  // A sub-task with figures to give has a result only where they are not all zero: sending three people
  // to someone else's class, or "đang xây dựng nội dung", is no example of what was achieved.
  const measured = task.indicators.some((i) => i.type !== "text" && i.type !== "money");
  const key = `${group}.${task.key}`;
  units.forEach((unit) => {
    // Stryker disable next-line OptionalChaining: every group and sub-task of the catalogue is required in a valid report
    const t = unit.report.tasks[group]?.[task.key];
    if (!t || !ACTIVE.has(t.status)) return;
    // A lean report left its summaries out and kept their openings; a whole one has the summary itself.
    const held = unit.leftOut ? unit.leftOut.openings[key] : t.summary;
    if (!held) return;
    const opening = unit.leftOut ? () => held : () => summaryOpening(held);
    const w = weight(t, task.indicators);
    const result = t.status === "done" && (!measured || w > 0);
    candidates.push({ unit, weight: w, result, opening });
  });
  // The sort is stable and candidates come in registry order: ties keep it.
  candidates.sort(
    (a, b) =>
      Number(b.result) - Number(a.result) ||
      Number(advisory.has(b.unit.code)) - Number(advisory.has(a.unit.code)) ||
      b.weight - a.weight,
  );
  // Units that copy the same wording would make one example three times: the first of them stands for all.
  // Only the first eight words are read, and only until the examples are found: a thousand units' summaries
  // are not lower-cased to pick three.
  const openings = new Set<string>();
  const distinct: typeof candidates = [];
  for (const c of candidates) {
    if (distinct.length === MAX_EXAMPLES) break;
    const opening = c.opening();
    if (openings.has(opening)) continue;
    openings.add(opening);
    distinct.push(c);
  }
  return distinct.map((c) => ({
    code: c.unit.code,
    name: c.unit.name,
    // A unit is a candidate only with a summary (or its opening): the whole report has it.
    // Stryker disable next-line OptionalChaining: every group and sub-task of the catalogue is required in a valid report
    ...exampleText(wholeReport(c.unit).tasks[group]?.[task.key]?.summary as string),
  }));
}

/**
 * One unit's activity as the report lists it: the unit, then its partners, each once and never itself,
 * named by the registry; a partner it does not list gets no name, and the presenter counts it.
 */
export function pickedActivity(
  unit: UnitRef,
  activity: Activity,
  names: ReadonlyMap<string, string>,
): PickedActivity {
  const partners = [...new Set(activity.with ?? [])].filter((p) => p !== unit.code);
  return {
    date: activity.date,
    group: activity.group,
    title: activity.title,
    ...(activity.participants ? { participants: activity.participants } : {}),
    units: [
      { code: unit.code, name: unit.name },
      ...partners.map((p) => ({ code: p, name: names.get(p) ?? "" })),
    ],
  };
}

function activities(
  c: Consolidation,
  catalog: Catalog,
  names: ReadonlyMap<string, string>,
  advisory: ReadonlySet<string>,
): GroupSynthesis[] {
  // A joint activity appears in every partner's file: the same day, group and set of units is one activity.
  // An activity without partners is one of its own, even beside another of the unit's on the same day.
  const merged = new Map<string, PickedActivity & { order: number }>();
  const disputed = new Set<string>();
  c.activities.forEach(({ code, name, activity }, order) => {
    const picked = pickedActivity({ code, name }, activity, names);
    const key =
      picked.units.length === 1
        ? `\u0001${order}`
        : [activity.date, activity.group, ...picked.units.map((u) => u.code).sort()].join("\u0000");
    const seen = merged.get(key);
    if (seen) {
      // Partners who count the same event differently: the report states no count rather than pick one.
      const p = activity.participants;
      if (p && !disputed.has(key)) {
        if (!seen.participants) seen.participants = p;
        else if (seen.participants.total !== p.total || seen.participants.female !== p.female) {
          delete seen.participants;
          disputed.add(key);
        }
      }
      return;
    }
    merged.set(key, { ...picked, order });
  });
  // A partner that lists the joint activity without naming the other side (no `with`) still reports the
  // same event: on the day and group of a joint activity that names it, a like-titled entry of its own is that one.
  const joint = new Map<string, (PickedActivity & { order: number })[]>();
  for (const a of merged.values()) {
    if (a.units.length < 2) continue;
    for (const u of a.units) {
      const key = [a.date, a.group, u.code].join("\u0000");
      joint.set(key, [...(joint.get(key) ?? []), a]);
    }
  }
  const all = [...merged.values()].filter((a) => {
    const [only] = a.units;
    if (a.units.length !== 1 || !only) return true;
    const same = joint.get([a.date, a.group, only.code].join("\u0000")) ?? [];
    return !same.some((j) => themeSimilarity(j.title, a.title) >= DEFAULT_THEME_THRESHOLD);
  });
  return catalog.groups.map((g) => {
    const mine = all.filter((a) => a.group === g.key);
    // Stable, on activities in the order reported: ties keep it.
    const ranked = [...mine].sort(
      (a, b) =>
        Number(b.units.some((u) => advisory.has(u.code))) -
          Number(a.units.some((u) => advisory.has(u.code))) ||
        (b.participants?.total ?? 0) - (a.participants?.total ?? 0),
    );
    // Units hold the same kind of event (each its own year-end meeting): one of a kind stands for the rest.
    const chosen: typeof ranked = [];
    for (const a of ranked) {
      if (chosen.length === MAX_ACTIVITIES) break;
      if (chosen.some((c) => themeSimilarity(c.title, a.title) >= DEFAULT_THEME_THRESHOLD)) continue;
      chosen.push(a);
    }
    const picked = chosen.sort((a, b) => a.order - b.order).map(({ order: _order, ...a }) => a);
    return { group: g.key, activities: picked, total: mine.length };
  });
}

/** Figures in a text (`31,3%`, `3/5`, `2025`): a theme states a figure only when every unit in it gave it. */
const FIGURE = /\d+(?:[.,/]\d+)*%?/gu;
/**
 * Nouns by which a unit names itself in its own text (`lãnh đạo Viện`, `Công đoàn Trường`): true of that
 * unit only. A capitalised word after them makes a proper name (`Vụ Tổ chức cán bộ`), which is left alone.
 */
const SELF_NOUN =
  /(?<=\p{Ll}\s)(?:Nhà trường|Học viện|Văn phòng|Thanh tra|Viện|Trường|Cục|Vụ|Báo)(?!\s+\p{Lu})(?=$|[\s,.;:)])/gu;

/** An organisation's proper name in a unit's text (`Công đoàn Cục Giám định`): true of that unit only. */
const ORG_NAME =
  /(?:Nhà trường|Học viện|Văn phòng|Thanh tra|Viện|Trường|Cục|Vụ|Báo|Công đoàn|Chi bộ|Đảng ủy)\s+\p{Lu}/gu;
/** Negation turns a point around (`đã đạt` / `chưa đạt`), though the words are nearly the same. */
const NEGATION = /(?<!\p{L})(?:chưa|không)(?!\p{L})/iu;

/** A theme's points that say no and those that do not are two themes: one wording cannot state both. */
function byPolarity(theme: Theme): Theme[] {
  const negative = theme.points.filter((p) => NEGATION.test(p.text));
  const positive = theme.points.filter((p) => !NEGATION.test(p.text));
  // The theme's wording stays the preferred one in the part that holds it; in the other part no point is
  // preferred, which ranks its points as preferring the first would. A part without points words no theme.
  return [positive, negative].map((part) => themeOf(part, theme.text));
}

function figures(text: string): string[] {
  return text.match(FIGURE) ?? [];
}

/** A point's wording said of several units: its own name and self-naming nouns read `đơn vị`. */
function generalise(p: ThemePoint): string {
  const text = p.text.split(p.name).join("đơn vị").replace(SELF_NOUN, "đơn vị");
  // A point that opened with its unit's name still opens a sentence.
  return text.startsWith("đơn vị") ? `Đ${text.slice(1)}` : text;
}

function themeOf(points: readonly ThemePoint[], text: string): Theme {
  const units: { code: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    units.push({ code: p.code, name: p.name });
  }
  return { text, units, points: [...points] };
}

/** How many candidate wordings a theme weighs: enough to find a common one, few enough to stay linear. */
const CANDIDATES = 8;
/** Beyond this many points still to place, a theme weighs one candidate wording per step. */
const LARGE_THEME = 64;
/** The share of a wording's (weighted) words a unit's own point must hold for the wording to speak for it. */
const HOLDS = 0.85;

/** The share of point `a`'s weighted features that point `b` has. */
function contained(feats: readonly ReadonlyMap<string, number>[], a: number, b: number): number {
  const fa = feats[a] as ReadonlyMap<string, number>;
  const fb = feats[b] as ReadonlyMap<string, number>;
  let total = 0;
  let held = 0;
  for (const [f, w] of fa) {
    total += w;
    if (fb.has(f)) held += w;
  }
  return total === 0 ? 1 : held / total;
}

/**
 * A theme's wording must be true of every unit it names. The least unit-specific point words it (the
 * grouping's own choice on ties); points that lack a figure the wording states form a theme of their
 * own; and when several units share the theme, unit-specific nouns become `đơn vị`.
 *
 * Each point's figures are read once and the split is a loop, not a recursion: a theme of a thousand
 * units that each gave their own figure ("Đơn vị số 12 hoàn thành …") splits a thousand times.
 */
function truthful(theme: Theme): Theme[] {
  const points = theme.points;
  const n = points.length;
  const figs = points.map((p) => figures(p.text));
  const sets = figs.map((f) => new Set(f));
  // What is specific to a unit whatever the others say: self-naming nouns, its own name.
  const fixed = points.map(
    (p) =>
      (p.text.match(SELF_NOUN)?.length ?? 0) +
      // Counted once the self-naming nouns read `đơn vị`: `Công đoàn Trường` is not a proper name.
      // Stryker disable next-line StringLiteral: without a capital, any stand-in parts the noun from a following name alike
      (p.text.replace(SELF_NOUN, "đơn vị").match(ORG_NAME)?.length ?? 0) +
      (p.text.includes(p.name) ? 1 : 0),
  );
  // Which points give a figure.
  const holders = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const f of set) {
      const list = holders.get(f);
      if (list) list.push(i);
      else holders.set(f, [i]);
    }
  });
  // Compared as said of several units: one unit naming itself is no claim the others lack.
  const feats = points.map((p) => themeFeatures(generalise(p)));
  const placed = new Uint8Array(n);
  const out: Theme[] = [];
  let left = n;
  // The grouping's choice of wording, for the first part only: in later parts preferring no point ranks them
  // as preferring the first one left would, since ties go by position.
  let preferred: string | undefined = theme.text;
  while (left > 0) {
    // Candidates to word the theme: the least specific points (fewest figures of their own, fewest names), the
    // grouping's own choice on ties. A figure every point still to place gives adds one to each rank alike.
    const ranked: { i: number; rank: number }[] = [];
    for (let i = 0; i < n; i++) {
      if (placed[i]) continue;
      ranked.push({
        i,
        rank:
          ((sets[i] as Set<string>).size * 10 + (fixed[i] as number)) * 2 +
          ((points[i] as ThemePoint).text === preferred ? 0 : 1),
      });
    }
    // Stable, on candidates in position order: ties go by position.
    ranked.sort((a, b) => a.rank - b.rank);
    // Of those, the wording most units' own points hold: it is then true of the units it names.
    let best = (ranked[0] as { i: number }).i;
    let keep: number[] = [];
    // A large theme weighs its best-ranked wording only: weighing several against every point would be quadratic.
    for (const { i } of ranked.slice(0, left > LARGE_THEME ? 1 : CANDIDATES)) {
      const stated = figs[i] as string[];
      // Figure by figure, not as substrings: "3,3%" is not given by a unit that wrote "33,3%".
      const gives = (k: number) => !placed[k] && stated.every((f) => (sets[k] as Set<string>).has(f));
      const pool =
        // Stryker disable next-line ConditionalExpression: only a narrower search; gives() admits the same points from all of them
        stated.length > 0 ? (holders.get(stated[0] as string) as number[]) : ranked.map((r) => r.i);
      // The candidate itself is among them: it gives its own figures and holds all its own words.
      const holds = pool.filter((k) => gives(k) && contained(feats, i, k) >= HOLDS);
      if (holds.length > keep.length) [best, keep] = [i, holds.sort((a, b) => a - b)];
    }
    const chosen = points[best] as ThemePoint;
    for (const i of keep) placed[i] = 1;
    left -= keep.length;
    const kept = themeOf(
      keep.map((i) => points[i] as ThemePoint),
      chosen.text,
    );
    if (kept.units.length > 1) kept.text = generalise(chosen);
    out.push(kept);
    preferred = undefined;
  }
  return out;
}

function themeList(points: readonly ThemePoint[]): ThemeList {
  const order = new Map<ThemePoint, number>();
  points.forEach((p, i) => order.set(p, i));
  const first = (t: Theme) => Math.min(...t.points.map((p) => order.get(p) ?? 0));
  const themes = groupThemes(points)
    .flatMap(byPolarity)
    .flatMap(truthful)
    .sort((a, b) => b.units.length - a.units.length || first(a) - first(b));
  return { themes: themes.slice(0, MAX_THEMES), total: themes.length, points: points.length };
}

/** The index of the largest value, the first on ties; -1 when no value is above zero. */
function argmax(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v > (values[best] ?? 0)) best = i;
  });
  return best;
}

/** Every index holding the largest value, when it is above zero: a tie is stated as one, never as a pick. */
function ties(values: readonly number[]): number[] {
  const best = argmax(values);
  // With none above zero, values[-1] is undefined and no index matches.
  return values.flatMap((v, i) => (v === values[best] ? [i] : []));
}

function highlights(c: Consolidation): Highlight[] {
  const f = c.figures;
  const out: Highlight[] = [];
  if (f.staff.employees.total > 0) out.push({ kind: "staff" });
  const mostDone = ties(f.tasks.map((t) => t.status.done));
  if (mostDone.length > 0) out.push({ kind: "most-done", tasks: mostDone });
  // Reach: the most people any one people-indicator of a sub-task counts.
  const widest = argmax(
    f.tasks.map((t) => Math.max(0, ...t.indicators.map((i) => (i.type === "people" ? i.total : 0)))),
  );
  if (widest >= 0) out.push({ kind: "widest-reach", task: widest });
  const lagging = ties(f.tasks.map((t) => t.status.not_started));
  if (lagging.length > 0) out.push({ kind: "lagging", tasks: lagging });
  if (f.budget.planned > 0 || f.budget.spent > 0) out.push({ kind: "budget" });
  const pool = f.staff.succession_pool;
  if (pool.total > 0) {
    // The same exact comparison as the per-unit target, on the whole ministry's pool.
    out.push({ kind: "target", reached: reachesShare(pool, ratioFraction(f.target.threshold)) });
  }
  return out;
}

export function synthesise(c: Consolidation, catalog: Catalog, registry: readonly RegistryUnit[]): Synthesis {
  const advisory = new Set(registry.filter((u) => u.kind === "advisory").map((u) => u.code));
  const names = new Map(registry.map((u) => [u.code, u.name]));
  const tasks: TaskSynthesis[] = catalog.groups.flatMap((g) =>
    g.tasks.map((t) => ({
      group: g.key,
      task: t.key,
      // Stryker disable OptionalChaining: every group and sub-task of the catalogue is required in a valid report
      notStarted: c.units
        .filter((u) => u.report.tasks[g.key]?.[t.key]?.status === "not_started")
        .map(({ code, name }) => ({ code, name })),
      // Stryker restore OptionalChaining
      examples: examples(c.units, g.key, t, advisory),
    })),
  );
  return {
    tasks,
    groups: activities(c, catalog, names, advisory),
    highlights: highlights(c),
    strengths: themeList(c.assessment.strengths),
    limitations: themeList(c.assessment.limitations),
    causes: themeList(c.assessment.causes),
    nextSteps: themeList(c.nextSteps),
    recommendations: themeList(c.recommendations),
  };
}
