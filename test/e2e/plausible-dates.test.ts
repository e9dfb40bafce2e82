/** Dates a person types on the command line are refused, by the option's own name, when no report could mean them. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toYaml, validConfig, validUnit } from "../helpers/unit-yaml.js";
import { geq, tempDir } from "./cli.js";

const files = () => ({ "geq.yaml": toYaml(validConfig()), "nop/vkt.yaml": toYaml(validUnit()) });

const args = (command: string, option: string, value: string) =>
  command === "build-report"
    ? [command, "nop", option, value, "-o", "r.docx"]
    : [command, "nop", option, value];

describe("dates outside 1990–2100 on the command line", () => {
  it.each([
    ["build-report", "--date", "1975-04-30"],
    ["build-report", "--date", "2101-01-01"],
    ["status", "--as-of", "1989-12-31"],
    ["status", "--as-of", "9999-12-31"],
  ])("%s %s %s is refused, naming the option, and writes nothing", (command, option, value) => {
    const dir = tempDir(files());
    const r = geq(args(command, option, value), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `geq: ngày không hợp lý cho ${option}: «${value}»; chỉ nhận ngày từ năm 1990 đến năm 2100\n`,
    );
    expect(existsSync(join(dir, "r.docx"))).toBe(false);
  });

  it.each([
    ["build-report", "--date", "1990-01-01"],
    ["status", "--as-of", "2100-12-31"],
  ])("%s %s %s, the range's own ends, is accepted", (command, option, value) => {
    const dir = tempDir(files());
    const r = geq(args(command, option, value), { cwd: dir });
    expect(r.stderr).not.toContain("không hợp lý");
    expect(r.code).toBe(0);
  });
});
