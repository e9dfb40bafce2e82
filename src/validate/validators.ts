import { createRequire } from "node:module";
import type { ValidateFn } from "../catalog/compile.js";
import type { Catalog } from "../model.js";

export interface Validators {
  unit: ValidateFn;
  config: ValidateFn;
}

const require = createRequire(import.meta.url);
const compiled = new Map<string, Validators>();

/**
 * The precompiled validators when they were built from this catalogue (no Ajv at run time);
 * otherwise Ajv compiles them once, loaded only then.
 */
export async function validatorsFor(catalog: Catalog): Promise<Validators> {
  const hit = compiled.get(catalog.id);
  if (hit) return hit;
  const pre = require("../../schemas/validators.cjs") as Validators & { catalogId: string };
  let validators: Validators = pre;
  if (pre.catalogId !== catalog.id) {
    const { compileValidators } = await import("../catalog/compile.js");
    validators = compileValidators(catalog);
  }
  compiled.set(catalog.id, validators);
  return validators;
}
