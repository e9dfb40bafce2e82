import { expect } from "vitest";

/**
 * A time bound holds for the code as built. Mutation testing runs instrumented code, several times
 * slower, and sets GEQ_TIME_BOUNDS=off: there a bound would only fail the unmutated run, while a
 * mutant that loops is caught by the run's own timeout.
 */
export function expectWithin(ms: number, bound: number): void {
  if (process.env.GEQ_TIME_BOUNDS !== "off") expect(ms).toBeLessThan(bound);
}
