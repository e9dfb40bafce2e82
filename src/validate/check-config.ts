import { CONFIG_SCHEMA, checkConfigData, type ConfigResult } from "../config.js";
import type { Config, Lang } from "../model.js";
import { readSource } from "../source/read.js";
import { byPosition, toDiagnostic } from "./diagnostics.js";
import type { Finding } from "./finding.js";
import type { Validators } from "./validators.js";

/** The configuration checked with positioned diagnostics, like unit files. */
export function checkConfig(
  file: string,
  bytes: Uint8Array,
  ctx: { lang: Lang; validators: Validators },
): ConfigResult {
  const read = readSource(bytes);
  const findings: Finding[] = [...read.findings];
  let config: Config | undefined;
  if (read.source) {
    const checked = checkConfigData(read.source.value, ctx.validators);
    config = checked.config;
    findings.push(...checked.findings);
  }
  const schema = CONFIG_SCHEMA();
  const diagnostics = findings
    .map((f) => toDiagnostic(file, f, { ...read, schema, lang: ctx.lang }))
    .sort(byPosition);
  return config && !diagnostics.some((d) => d.severity === "error")
    ? { file, config, diagnostics }
    : { file, diagnostics };
}
