import type { JsonPath } from "../finding.js";

/**
 * Every value under `root` that `match` accepts, with its path; a match is not searched further.
 * One path array is reused on the way down and copied only for a match: reports hold about a
 * thousand values and matches are rare.
 */
export function findValues<T>(
  root: unknown,
  match: (value: unknown) => value is T,
): { path: JsonPath; value: T }[] {
  const out: { path: JsonPath; value: T }[] = [];
  const path: JsonPath = [];
  const visit = (value: unknown): void => {
    if (match(value)) {
      out.push({ path: [...path], value });
    } else if (typeof value === "object" && value !== null) {
      for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
        path.push(key);
        visit((value as Record<string | number, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(root);
  return out;
}
