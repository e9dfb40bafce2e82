/**
 * Every kind of report, built from the examples as the command line builds it, passes the Open XML SDK's
 * validator (the schema and semantic checks behind Word's "unreadable content" refusal), so a change of
 * content or layout that Word would reject fails here rather than on the clerk's desk.
 */
import { join, resolve } from "node:path";
import validateOoxml from "@ooxml-tools/validate";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/build-report.js";
import { DeflateSink, entryData, readEntries, rewritePackage } from "../../src/document/package.js";
import { renderDocx } from "../../src/document/render.js";
import { sampleModel } from "./sample.js";

const examples = resolve(import.meta.dirname, "../../examples");

const reports: Array<[string, string[], Parameters<typeof buildReport>[1]]> = [
  [
    "the consolidated semi-annual report",
    [join(examples, "2022/semi-annual")],
    { config: join(examples, "geq.yaml"), date: "2022-06-20", today: "2022-06-20" },
  ],
  [
    "the consolidated annual report compared with the semi-annual one",
    [join(examples, "2022/annual")],
    {
      config: join(examples, "geq.yaml"),
      compare: [join(examples, "2022/semi-annual")],
      date: "2022-12-20",
      today: "2022-12-20",
    },
  ],
  ["a unit's own report", [join(examples, "2022/annual/vkt.yaml")], { noConfig: true, today: "2022-12-20" }],
];

/** What the validator finds, one line per problem, so a failure reads as the list of problems. */
async function problems(docx: Uint8Array): Promise<string[]> {
  const results = await validateOoxml(docx, "docx", "Microsoft365");
  return results.map((result) => `${result.path.partUri} ${result.path.xpath}: ${result.description}`);
}

describe("Open XML validity", () => {
  it.each(reports)("holds for %s", async (_, paths, options) => {
    const built = await buildReport(paths, { ...options, cwd: examples });
    if (!built.ok) throw new Error(`build-report failed: ${built.problem}`);
    expect(await problems(built.bytes)).toEqual([]);
  });

  it("holds for the renderer's sample model: a parent agency, landscape and portrait appendices", async () => {
    expect(await problems(await renderDocx(sampleModel()))).toEqual([]);
  });

  it("is checked for real: an element out of order is found", async () => {
    const good = await renderDocx(sampleModel());
    const entries = readEntries(good);
    const documentEntry = entries.find((entry) => entry.name === "word/document.xml");
    if (!documentEntry) throw new Error("no word/document.xml");
    const xml = new TextDecoder().decode(entryData(good, documentEntry));
    // w:vAlign belongs after w:tcW in a cell's properties.
    const bad = xml.replace(
      /<w:tcPr><w:tcW ([^>]*)\/>([\s\S]*?)<w:vAlign w:val="center"\/><\/w:tcPr>/,
      '<w:tcPr><w:vAlign w:val="center"/><w:tcW $1/>$2</w:tcPr>',
    );
    expect(bad).not.toBe(xml);
    const sink = new DeflateSink();
    sink.push(bad);
    const broken = rewritePackage(
      good,
      entries,
      new Map([["word/document.xml", sink.finish()]]),
      "2022-06-08",
    );
    expect(await problems(broken)).not.toEqual([]);
  });
});
