import { createRequire } from "node:module";
import type { ValidateFn } from "../catalog/compile.js";
import type { Catalog } from "../model.js";

export interface Validators {
  unit: ValidateFn;
  config: ValidateFn;
}

const require = createRequire(import.meta.url);
const compiled = new Map<string, Validators>();
const precompiled = () => require("../../schemas/validators.cjs") as Validators & { catalogId: string };

/**
 * The precompiled validators when they were built from this catalogue (no Ajv at run time); those
 * a catalogue file's loading compiled or took from the cache (`module`, in a helper thread);
 * otherwise Ajv compiles them once, loaded only then.
 */
export async function validatorsFor(catalog: Catalog, module?: string): Promise<Validators> {
  const hit = compiled.get(catalog.id);
  if (hit) return hit;
  const pre = precompiled();
  let validators: Validators = pre;
  if (pre.catalogId !== catalog.id) {
    const { loadCompiled } = module
      ? await import("../catalog/catalog-file.js")
      : { loadCompiled: undefined };
    const unit = module ? loadCompiled?.(module) : undefined;
    if (unit) validators = { unit, config: pre.config };
    else {
      const { compileValidators } = await import("../catalog/compile.js");
      validators = compileValidators(catalog);
    }
  }
  compiled.set(catalog.id, validators);
  return validators;
}

/** The validator a catalogue file's loading compiled or took from the cache, for the rest of the run. */
export function rememberValidators(catalog: Catalog, unit: ValidateFn): void {
  compiled.set(catalog.id, { unit, config: precompiled().config });
}
