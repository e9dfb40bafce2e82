import { describe, expect, it } from "vitest";
import { loadCatalog, DEFAULT_CATALOG_ID } from "../../src/catalog/catalog.js";
import { schemaArtifacts } from "../../src/catalog/compile.js";

// The schemas and the precompiled validators are committed so that editors and the CLI use them
// without compiling; this test regenerates them and fails when they drift (`npm run schemas` updates).
describe("committed schema artefacts", () => {
  const catalog = loadCatalog(DEFAULT_CATALOG_ID);
  if (!catalog) throw new Error("default catalogue missing");
  const artifacts = schemaArtifacts(catalog);
  for (const [name, content] of Object.entries(artifacts)) {
    it(`schemas/${name} is up to date`, async () => {
      await expect(content).toMatchFileSnapshot(`../../schemas/${name}`);
    });
  }

  it("gives every property a Vietnamese title and description", () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const s = node as Record<string, unknown>;
      const props = s.properties as Record<string, unknown> | undefined;
      for (const [key, child] of Object.entries(props ?? {})) {
        const c = child as Record<string, unknown>;
        if (typeof c.title !== "string" || typeof c.description !== "string") missing.push(`${path}${key}`);
        walk(c, `${path}${key}.`);
        if (c.items) walk(c.items, `${path}${key}[].`);
      }
    };
    walk(JSON.parse(artifacts["unit-report.schema.json"]), "");
    walk(JSON.parse(artifacts["config.schema.json"]), "config:");
    expect(missing).toEqual([]);
  });
});
