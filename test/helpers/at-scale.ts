import { test } from "vitest";

/**
 * A test of the code at scale: thousands of units or points, with a time bound. Mutation testing runs
 * instrumented code, several times slower, and sets GEQ_AT_SCALE=off to skip these tests there: the
 * time bound would only fail, the size only costs time, the smaller tests of the same behaviour remain,
 * and a mutant that loops is caught by the run's own timeout.
 */
export const atScale: ReturnType<typeof test.skipIf> = test.skipIf(process.env.GEQ_AT_SCALE === "off");
