import { CATALOG_IDS } from "./catalog/catalog.js";
import { configSchema } from "./catalog/schema.js";
import { isIsoDate, isPlausibleDate, PLAUSIBLE_YEARS } from "./dates.js";
import type { Config, Diagnostic } from "./model.js";
import { fastValue } from "./source/fast-read.js";
import type { Finding } from "./validate/finding.js";
import { normalise } from "./validate/normalise.js";
import { schemaFindings } from "./validate/schema-findings.js";
import { suggest } from "./validate/suggest.js";
import type { Validators } from "./validate/validators.js";

/** Checking the configuration (`geq/config/v1`); `validate/check-config.ts` positions what it finds. */

export interface ConfigResult {
  file: string;
  config?: Config;
  diagnostics: Diagnostic[];
}

/** A catalogue file the configuration names by its path, relative to the configuration's folder. */
export const CATALOG_FILE = /\.ya?ml$/i;

function configRules(config: Config): Finding[] {
  const out: Finding[] = [];
  const ids: readonly string[] = CATALOG_IDS;
  if (!ids.includes(config.catalog) && !CATALOG_FILE.test(config.catalog)) {
    const suggestion = suggest(config.catalog, ids);
    out.push({
      rule: "invalid-catalog",
      path: ["catalog"],
      params: { value: config.catalog, known: ids.join(", "), ...(suggestion ? { suggestion } : {}) },
    });
  }
  const seen = new Set<string>();
  config.units.forEach((u, i) => {
    if (seen.has(u.code))
      out.push({ rule: "duplicate-unit-code", path: ["units", i, "code"], params: { code: u.code } });
    seen.add(u.code);
  });
  const dates: [string[], string | undefined][] = [
    ...Object.entries(config.deadlines ?? {}).map(([period, date]): [string[], string | undefined] => [
      ["deadlines", period],
      date,
    ]),
    [["date"], config.date],
    [["letter", "date"], config.letter?.date],
    [["request", "date"], config.request?.date],
  ];
  for (const [path, value] of dates) {
    if (value !== undefined && !isIsoDate(value)) out.push({ rule: "invalid-date", path, params: { value } });
    else if (value !== undefined && !isPlausibleDate(value))
      out.push({ rule: "implausible-date", path, params: { value, ...PLAUSIBLE_YEARS } });
  }
  return out;
}

/** The configuration's data against the schema and the rules; findings are unpositioned. */
export function checkConfigData(
  raw: unknown,
  validators: Validators,
): { config?: Config; findings: Finding[] } {
  const data = normalise(raw);
  if (!validators.config(data)) {
    return { findings: schemaFindings(validators.config.errors ?? [], data, CONFIG_SCHEMA()) };
  }
  const config = data as Config;
  return { config, findings: configRules(config) };
}

/** A configuration with nothing to report, read the fast way; undefined when it needs the reading with positions. */
export function checkConfigFast(
  file: string,
  bytes: Uint8Array,
  validators: Validators,
): ConfigResult | undefined {
  const fast = fastValue(bytes);
  if (!fast) return undefined;
  const { config, findings } = checkConfigData(fast.value, validators);
  return config && findings.length === 0 ? { file, config, diagnostics: [] } : undefined;
}

let schema: Record<string, unknown> | undefined;
/** The configuration's schema, for field labels. */
export const CONFIG_SCHEMA = () => (schema ??= configSchema(CATALOG_IDS));
