import { relative } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import base from "./vitest.config.js";

/**
 * Test files in the order that kills a mutant soonest: a run stops at its first failing test, so the
 * files that failed last run come first (a test that caught one mutant is likely to catch its
 * neighbour), then the quickest. Vitest's own order puts the slowest first, which suits a full run but
 * makes every killed mutant wait for the slowest file that covers it.
 */
class QuickestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const results = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(
        `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`,
      );
    const rank = (file: TestSpecification): [number, number] => {
      const last = results(file);
      return last ? [last.failed ? 0 : 1, last.duration] : [1, Number.MAX_SAFE_INTEGER];
    };
    return Promise.resolve(
      [...files].sort((a, b) => {
        const [failedA, durationA] = rank(a);
        const [failedB, durationB] = rank(b);
        return failedA - failedB || durationA - durationB;
      }),
    );
  }
}

/**
 * The suite as mutation testing runs it, on the modules it mutates (see stryker.config.json). Left out:
 * the end-to-end tests, which spawn bin/geq.js and so run dist/ (never mutated); the batch checked on
 * helper threads, which runs dist/ too (a helper thread loads the compiled module) and takes seconds
 * for each mutant it covers; the document layer's tests (not mutated; the LibreOffice round trip and
 * the OOXML validation alone take half a minute); the check of the committed schema artefacts, which
 * compares generated code with a file. Tests at scale are skipped (GEQ_AT_SCALE=off) and property tests
 * run a tenth of their cases (GEQ_PROPERTY_RUNS), same seed. Test files share their modules
 * (isolate: false): a mutant is switched on at run time, so nothing needs loading again between
 * mutants, which is most of the time a run would otherwise take.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: false,
      env: { GEQ_AT_SCALE: "off", GEQ_PROPERTY_RUNS: "0.1" },
      sequence: { sequencer: QuickestFirst },
      exclude: [
        "test/e2e/**",
        "test/document/**",
        "test/catalog/schemas.test.ts",
        "test/validate/parallel.test.ts",
        "**/node_modules/**",
      ],
    },
  }),
);
