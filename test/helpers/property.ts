/**
 * Property tests run the same cases on every run: a fixed seed, which fast-check prints with any
 * counterexample, so that a failure can be replayed. GEQ_PROPERTY_SEED explores other cases;
 * GEQ_PROPERTY_RUNS scales the number of runs (mutation testing runs a tenth of them). Loaded
 * as a setup file, so every test file that uses fast-check gets the seed.
 */
import fc from "fast-check";

export const PROPERTY_SEED = Number(process.env.GEQ_PROPERTY_SEED ?? 20220608);
fc.configureGlobal({ seed: PROPERTY_SEED });

const scale = Number(process.env.GEQ_PROPERTY_RUNS ?? 1);

/** `numRuns` for fc.assert, scaled by GEQ_PROPERTY_RUNS. */
export function runs(numRuns: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(numRuns * scale)) };
}
