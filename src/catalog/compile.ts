import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import type { Catalog } from "../model.js";
import { catalogSchema, configSchema, schemaText, unitReportSchema } from "./schema.js";
import { CATALOG_IDS } from "./catalog.js";

/**
 * Ajv is only needed where schemas are compiled: when the committed artefacts are regenerated,
 * and as a fallback for a catalogue that has no precompiled validator. Checking a file at run
 * time uses the precompiled code in schemas/validators.cjs.
 */

export interface SchemaArtifacts {
  "unit-report.schema.json": string;
  "config.schema.json": string;
  "catalog.schema.json": string;
  "validators.cjs": string;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, code: { source: true } });
  ajv.addVocabulary(["enumDescriptions"]);
  return ajv;
}

export type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The committed files under schemas/ for a catalogue, as their exact text. */
export function schemaArtifacts(catalog: Catalog): SchemaArtifacts {
  const unit = unitReportSchema(catalog);
  const config = configSchema(CATALOG_IDS);
  const catalogFormat = catalogSchema();
  const ajv = newAjv();
  ajv.addSchema(unit, "unit");
  ajv.addSchema(config, "config");
  ajv.addSchema(catalogFormat, "catalog");
  const code = standalone.default(ajv, { unit: "unit", config: "config", catalog: "catalog" });
  return {
    "unit-report.schema.json": schemaText(unit),
    "config.schema.json": schemaText(config),
    "catalog.schema.json": schemaText(catalogFormat),
    "validators.cjs": `// Generated from the ${catalog.id} guidance catalogue by the schema test; do not edit.\n${code}\nexports.catalogId = ${JSON.stringify(catalog.id)};\n`,
  };
}

/** A unit schema compiled to the code of a CommonJS module exporting `unit`, for the cache of catalogue files. */
export function compileStandalone(unit: Record<string, unknown>): string {
  const ajv = newAjv();
  ajv.addSchema(unit, "unit");
  return standalone.default(ajv, { unit: "unit" });
}

/** Compiles validators at run time, for a catalogue other than the precompiled one. */
export function compileValidators(catalog: Catalog): { unit: ValidateFn; config: ValidateFn } {
  const ajv = newAjv();
  return {
    unit: ajv.compile(unitReportSchema(catalog)) as ValidateFn,
    config: ajv.compile(configSchema(CATALOG_IDS)) as ValidateFn,
  };
}
