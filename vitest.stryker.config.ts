import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite as mutation testing runs it, on the modules it mutates (see stryker.config.json). Left out:
 * the end-to-end tests, which spawn bin/geq.js and so run dist/ (never mutated); the document layer's
 * tests (not mutated; the LibreOffice round trip and the OOXML validation alone take half a minute); the
 * check of the committed schema artefacts, which compares generated code with a file. Tests at scale are
 * skipped (GEQ_AT_SCALE=off) and property tests run a tenth of their cases (GEQ_PROPERTY_RUNS), same seed.
 * Test files share their modules (isolate: false): a mutant is switched on at run time, so nothing needs
 * loading again between mutants, which is most of the time a run would otherwise take.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: false,
      env: { GEQ_AT_SCALE: "off", GEQ_PROPERTY_RUNS: "0.1" },
      exclude: ["test/e2e/**", "test/document/**", "test/catalog/schemas.test.ts", "**/node_modules/**"],
    },
  }),
);
