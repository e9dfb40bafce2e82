/** A seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number;
/** The warnings a generated file may carry. */
export const WARNINGS: readonly string[];
/** The text of generated unit file `i`, with one warning or none. */
export function unitText(i: number, warning?: string, random?: () => number): string;
/** Writes `n` unit files into `dir`, `warned` of every 25 with one warning; returns their names. */
export function generateUnitFiles(dir: string, n: number, warned?: number): string[];
