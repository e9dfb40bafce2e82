import { readFileSync } from "node:fs";
import type { DeadlineRule } from "../dates.js";
import type { Catalog, Config, PeriodKey, TaskDef, GroupDef } from "../model.js";

/** Where the committed catalogues, schemas and precompiled validators live, from src/ or dist/. */
export const SCHEMAS_DIR = new URL("../../schemas/", import.meta.url);

const cache = new Map<string, Catalog>();

/** The built-in catalogue ids, newest last. */
export const CATALOG_IDS = ["2022"] as const;
/** Without a configuration: the newest built-in catalogue. */
export const DEFAULT_CATALOG_ID: string = CATALOG_IDS[CATALOG_IDS.length - 1]!;

/** Loads a guidance catalogue by id (`2022`); undefined when there is none by that id. */
export function loadCatalog(id: string = DEFAULT_CATALOG_ID): Catalog | undefined {
  if (!/^[0-9A-Za-z_-]+$/.test(id)) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(new URL(`catalog-${id}.json`, SCHEMAS_DIR), "utf8");
  } catch {
    return undefined;
  }
  const catalog = JSON.parse(text) as Catalog;
  cache.set(id, catalog);
  return catalog;
}

/** The catalogue whose year matches, if one is built in. */
export function catalogForYear(year: number): Catalog | undefined {
  for (const id of CATALOG_IDS) {
    const c = loadCatalog(id);
    if (c?.year === year) return c;
  }
  return undefined;
}

export function* eachTask(catalog: Catalog): Generator<{ group: GroupDef; task: TaskDef }> {
  for (const group of catalog.groups) for (const task of group.tasks) yield { group, task };
}

/**
 * The deadline of a period as it applies: the configuration's date and deadline-day reading over the
 * catalogue's. Validation, status and the report all take it from here.
 */
export function deadlineRule(
  catalog: Catalog,
  period: PeriodKey,
  config?: Pick<Config, "deadlines" | "deadline_day">,
): DeadlineRule {
  return {
    date: config?.deadlines?.[period] ?? catalog.periods[period].deadline,
    day: config?.deadline_day ?? catalog.deadline_day ?? "on-time",
  };
}
