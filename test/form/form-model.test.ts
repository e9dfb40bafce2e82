/**
 * The form's model without a browser: it reads a file as geq does, writes it back with every
 * value kept, and its findings are those of `validate()` for the same bytes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCatalog } from "../../src/catalog/catalog.js";
import { unitReportSchema } from "../../src/catalog/schema.js";
import {
  FormModel,
  blankUnit,
  figureValue,
  publicFinding,
  readUnitData,
  setAt,
  unitYaml,
} from "../../src/form/form-model.js";
import { validate } from "../../src/validate/validate.js";
import { validatorsFor } from "../../src/validate/validators.js";
import type { Config, Lang } from "../../src/model.js";
import { BAD_UNIT_FILES } from "../helpers/bad-unit-files.js";
import { unitYaml as unitText } from "../helpers/unit-yaml.js";

const catalog = loadCatalog("2022")!;
const schema = unitReportSchema(catalog);
const examples = ["semi-annual", "annual"].flatMap((p) =>
  readdirSync(new URL(`../../examples/2022/${p}/`, import.meta.url))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `examples/2022/${p}/${f}`),
);
const root = new URL("../../", import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = join(root, "examples/geq.yaml");
const config = parse(readFileSync(CONFIG, "utf8")) as Config;

async function model(lang: Lang = "vi", withConfig = false): Promise<FormModel> {
  const ctx = {
    lang,
    catalog,
    validators: await validatorsFor(catalog),
    schema,
    expected: {},
    ...(withConfig ? { config } : {}),
  };
  return new FormModel(ctx, "", blankUnit(catalog, {}), withConfig ? { registry: config.units } : {});
}

/** What `geq validate --format json` says of one file, as the page's `findings()` gives it. */
async function cliFindings(name: string, bytes: string | Uint8Array, lang: Lang = "vi", withConfig = false) {
  const dir = mkdtempSync(join(tmpdir(), "geq-form-model-"));
  dirs.push(dir);
  writeFileSync(join(dir, name), bytes);
  const result = await validate([name], {
    cwd: dir,
    lang,
    ...(withConfig ? { config: CONFIG } : { noConfig: true }),
  });
  if (!result.ok) throw new Error(result.problem);
  return result.diagnostics.map(publicFinding);
}

const shape = (findings: ReturnType<FormModel["findings"]>) => findings.map(publicFinding);

describe("the form's file", () => {
  it.each(examples)("%s: saved and read again, every value is the same", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const data = readUnitData(new TextEncoder().encode(text))!;
    const saved = unitYaml(data, schema, " a comment");
    expect(readUnitData(new TextEncoder().encode(saved))).toEqual(data);
    expect(parse(saved)).toEqual(parse(text));
  });

  it("writes keys in the letter's order, whatever order they were typed in", () => {
    const data = {} as Record<string, unknown>;
    setAt(data, ["staff", "employees", "female"], 3);
    setAt(data, ["tasks", "committee", "planning", "status"], "done");
    setAt(data, ["unit", "name"], "Viện Kinh tế xây dựng");
    setAt(data, ["staff", "employees", "total"], 5);
    setAt(data, ["format"], "geq/unit-report/v1");
    setAt(data, ["x-note"], "kept");
    const text = unitYaml(data, schema);
    expect(text).toBe(
      [
        "format: geq/unit-report/v1",
        "unit:",
        "  name: Viện Kinh tế xây dựng",
        "staff:",
        "  employees: { total: 5, female: 3 }",
        "tasks:",
        "  committee:",
        "    planning:",
        "      status: done",
        "x-note: kept",
        "",
      ].join("\n"),
    );
  });

  it("removing the last value of a mapping removes the mapping, never a list item", () => {
    const data: Record<string, unknown> = { contact: { email: "a@b.vn" }, next_steps: ["a", "b"] };
    setAt(data, ["contact", "email"], undefined);
    expect(data).toEqual({ next_steps: ["a", "b"] });
    setAt(data, ["next_steps", 1], "c");
    expect(data).toEqual({ next_steps: ["a", "c"] });
    setAt(data, ["budget", "planned_vnd"], undefined);
    expect(data).toEqual({ next_steps: ["a", "c"] });
  });

  it.each([
    ["", undefined],
    ["  ", undefined],
    ["50000000", 50000000],
    [" 12 ", 12],
    ["-5", -5],
    ["21.5", 21.5],
    ["21.500.000", "21.500.000"],
    ["21.500", "21.500"],
    ["21,5 triệu", "21,5 triệu"],
    ["50 triệu đồng", "50 triệu đồng"],
  ])("a figure typed as %j is read as %j, as geq reads it in a file", (typed, value) => {
    expect(figureValue(typed)).toEqual(value);
    if (value !== undefined)
      expect(readUnitData(new TextEncoder().encode(`v: ${typed.trim()}\n`))?.v).toEqual(value);
  });
});

describe("the form's findings are the command line's", () => {
  it.each(Object.keys(BAD_UNIT_FILES))("%s, opened as it is", async (name) => {
    const bytes = BAD_UNIT_FILES[name]!;
    const m = await model();
    const raw = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const opened = m.open(raw);
    const findings = opened.ok ? m.findings() : opened.findings;
    const expected = await cliFindings(name, bytes);
    expect(expected.length).toBeGreaterThan(0);
    expect(shape(findings)).toEqual(expected);
  });

  it.each(Object.keys(BAD_UNIT_FILES).filter((n) => typeof BAD_UNIT_FILES[n] === "string"))(
    "%s, once edited, as the file it saves",
    async (name) => {
      const m = await model("en");
      if (!m.open(new TextEncoder().encode(BAD_UNIT_FILES[name] as string)).ok) return;
      m.set(["reference"], "126/BC-VKT");
      expect(shape(m.findings())).toEqual(await cliFindings(name, m.yaml(), "en"));
    },
  );

  it.each([
    ["unknown-unit.yaml", unitText({ "unit.code": "VKTT" })],
    ["unknown-partner.yaml", unitText({ "activities.0.with": ["DHXDD", "VP"] })],
    ["unknown-unit-and-errors.yaml", unitText({ "unit.code": "ZZZ", "staff.unit_leaders.female": 9 })],
  ])("%s, with the configuration's registry", async (name, text) => {
    const m = await model("vi", true);
    expect(m.open(new TextEncoder().encode(text)).ok).toBe(true);
    const expected = await cliFindings(name, text, "vi", true);
    expect(expected.map((f) => f.rule)).toEqual(expect.arrayContaining([expect.stringMatching(/^unknown-/)]));
    expect(shape(m.findings())).toEqual(expected);
  });

  it("gives an unknown key's path, and the key it means when that one is free", async () => {
    const m = await model();
    m.open(new TextEncoder().encode(`${BAD_UNIT_FILES["typo-key.yaml"] as string}reference2: x\n`));
    const unknown = m.findings().flatMap((f) => (f.unknownKey ? [f.unknownKey] : []));
    expect(unknown).toEqual([
      { path: ["tasks", "coordination", "policy", "sumary"], renameTo: "summary" },
      // `reference` is taken: renaming would lose the value there.
      { path: ["reference2"] },
    ]);
  });

  it("says a missing key at the key's own field, and a missing summary at the summary", async () => {
    const m = await model();
    m.open(new TextEncoder().encode(BAD_UNIT_FILES["missing-staff-and-unit-name.yaml"] as string));
    m.set(["tasks", "communication", "dissemination", "summary"], undefined);
    const anchors = m.findings().map((f) => [f.rule, f.path, f.anchor]);
    expect(anchors).toEqual(
      expect.arrayContaining([
        ["required", "", "staff"],
        ["required", "unit", "unit.name"],
        [
          "summary-required",
          "tasks.communication.dissemination",
          "tasks.communication.dissemination.summary",
        ],
      ]),
    );
  });
});
