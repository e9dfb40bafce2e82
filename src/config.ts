import { CATALOG_IDS } from "./catalog/catalog.js";
import { configSchema } from "./catalog/schema.js";
import { isIsoDate } from "./dates.js";
import type { Config, Diagnostic, Lang } from "./model.js";
import { readSource } from "./source/read.js";
import { byPosition, toDiagnostic } from "./validate/diagnostics.js";
import type { Finding } from "./validate/finding.js";
import { normalise } from "./validate/normalise.js";
import { schemaFindings } from "./validate/schema-findings.js";
import type { Validators } from "./validate/validators.js";

/** Reading and checking the configuration (`geq/config/v1`), with positioned diagnostics like unit files. */

export interface ConfigResult {
  file: string;
  config?: Config;
  diagnostics: Diagnostic[];
}

function configRules(config: Config): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  config.units.forEach((u, i) => {
    if (seen.has(u.code))
      out.push({ rule: "duplicate-unit-code", path: ["units", i, "code"], params: { code: u.code } });
    seen.add(u.code);
  });
  for (const [period, date] of Object.entries(config.deadlines ?? {})) {
    if (date !== undefined && !isIsoDate(date))
      out.push({ rule: "invalid-date", path: ["deadlines", period], params: { value: date } });
  }
  if (config.date !== undefined && !isIsoDate(config.date))
    out.push({ rule: "invalid-date", path: ["date"], params: { value: config.date } });
  return out;
}

export function checkConfig(
  file: string,
  bytes: Uint8Array,
  ctx: { lang: Lang; validators: Validators },
): ConfigResult {
  const schema = configSchema(CATALOG_IDS);
  const read = readSource(bytes);
  const findings: Finding[] = [...read.findings];
  let config: Config | undefined;
  if (read.source) {
    const data = normalise(read.source.value);
    if (ctx.validators.config(data)) {
      config = data as Config;
      findings.push(...configRules(config));
    } else {
      findings.push(...schemaFindings(ctx.validators.config.errors ?? [], data, schema));
    }
  }
  const diagnostics = findings
    .map((f) => toDiagnostic(file, f, { ...read, schema, lang: ctx.lang }))
    .sort(byPosition);
  return diagnostics.some((d) => d.severity === "error")
    ? { file, diagnostics }
    : { file, config: config!, diagnostics };
}
