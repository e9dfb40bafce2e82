/**
 * Small pieces of Vietnamese administrative wording shared by every part of the report: point letters,
 * list punctuation, counted and named units. Numbers and dates themselves are formatted in format.ts.
 */
import type { TaskDef, TaskStatus } from "../model.js";
import { formatCount } from "./format.js";

/** The Vietnamese alphabet's letters used for points (điểm): no f, j, w, z; đ after d. */
const POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split(" ");

export function pointLetter(index: number): string {
  const base = POINT_LETTERS.length;
  // Beyond y, double the letter (aa, bb, …) rather than run out: no letter has more than 23 points.
  const letter = POINT_LETTERS[index % base] ?? "a";
  return letter.repeat(Math.floor(index / base) + 1);
}

/** A sub-task's short code, `1a`, or `4` when its group has one sub-task: table columns and rows. */
export function taskCode(group: { number: number; tasks: readonly unknown[] }, index: number): string {
  return group.tasks.length === 1 ? String(group.number) : `${group.number}${pointLetter(index)}`;
}

export function upperFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

export function lowerFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/** A sentence's own end, which list punctuation replaces. */
const TRAILING = /[\s.;:,]+$/u;

/** Administrative list punctuation: every item ends with `;`, the last with `.`. */
export function punctuate(items: readonly string[]): string[] {
  return items.map((item, i) => {
    const bare = item.replace(TRAILING, "");
    if (bare.endsWith("…")) return bare;
    return `${bare}${i === items.length - 1 ? "." : ";"}`;
  });
}

/** A sentence ends with exactly one full stop. */
export function sentence(text: string): string {
  const bare = text.replace(TRAILING, "");
  return bare.endsWith("…") || bare.endsWith("?") ? bare : `${upperFirst(bare)}.`;
}

/** Names in running text, separated by commas: unit names hold `và` themselves (`Vụ Khoa học công nghệ và môi trường`). */
export function joinNames(names: readonly string[]): string {
  return names.join(", ");
}

/** Units are named in running text up to this many; beyond, they are counted and the appendix lists them. */
export const NAME_LIMIT = 10;

/** `02 đơn vị`: counts in running text carry a leading zero below 10. */
export function units(n: number): string {
  return `${formatCount(n)} đơn vị`;
}

export const STATUS_WORDS: Record<Exclude<TaskStatus, "not_applicable">, string> = {
  done: "đã hoàn thành",
  in_progress: "đang triển khai",
  not_started: "chưa triển khai",
};

/** How `not_applicable` reads for a sub-task: `không phát sinh vụ việc` where the catalogue says so. */
export function notApplicableWords(task: Pick<TaskDef, "not_applicable">): string {
  return task.not_applicable ?? "không áp dụng";
}

/** A sub-task's status in words, with the catalogue's wording of `not_applicable`. */
export function statusWords(status: TaskStatus, task: Pick<TaskDef, "not_applicable">): string {
  return status === "not_applicable" ? notApplicableWords(task) : STATUS_WORDS[status];
}

/** Quoted name of a sub-task inside a sentence: “Tuyên truyền, phổ biến …”. */
export function quoted(text: string): string {
  return `“${text}”`;
}
