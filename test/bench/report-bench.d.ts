/** Unit files for `n` generated units in `dir`, cycling through the examples; returns the configuration's path. */
export function generateUnits(root: string, dir: string, n: number): string;
