// The theme-grouping half of `npm run bench`: 5,000 points (1,000 units × 5), as the examples' units word them.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

/** Every assessment, next-step and recommendation point of the examples, cycled over `units` units. */
function points(root, units) {
  const dir = join(root, "examples", "2022", "annual");
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => {
      const u = load(readFileSync(join(dir, f), "utf8"));
      const a = u.assessment ?? {};
      return [...(a.strengths ?? []), ...(a.limitations ?? []), ...(a.causes ?? []), ...(u.next_steps ?? [])];
    });
  // Each unit words a shared point its own way: its name, and another figure, make every text distinct.
  return Array.from({ length: units * 5 }, (_, i) => {
    const unit = Math.floor(i / 5);
    const name = `Đơn vị thử nghiệm số ${unit + 1}`;
    return {
      code: `DV${unit}`,
      name,
      text: `${texts[(i * 7) % texts.length]} (${name}, ${i % 97} nội dung)`,
    };
  });
}

export async function themesBench({ root, median }) {
  const { groupThemes } = await import(join(root, "dist", "synthesise", "themes.js"));
  const input = points(root, 1000);
  groupThemes(input);
  const samples = [];
  let themes = [];
  for (let run = 0; run < 5; run++) {
    const t = process.hrtime.bigint();
    themes = groupThemes(input);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(samples);
  console.log(`theme grouping, ${input.length} points of 1,000 units (5 runs, median):`);
  console.log(`  ${ms.toFixed(0)} ms, ${themes.length} themes (target under 1,000 ms)`);
  return ms >= 1000;
}
