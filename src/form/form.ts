import { readFileSync } from "node:fs";
import { CATALOG_IDS, SCHEMAS_DIR, catalogForYear, loadCatalog } from "../catalog/catalog.js";
import { UNIT_CODE_PATTERN } from "../catalog/schema.js";
import type { Catalog, Lang, PeriodKey } from "../model.js";
import { configured, type RunProblem } from "../validate/validate.js";
import type { FormFixed, PageSettings } from "./form-model.js";

/**
 * The form page `geq form` writes: one HTML file holding the catalogue, the unit schema's
 * validators and the page's script (bundled from src/form/page.ts by `npm run build`), so that it
 * works opened from disk, with no network, and can be sent to units with the letter.
 */

export interface FormAssets {
  /** The page's script, bundled for the browser. */
  script: string;
  /** The unit-file validators of the catalogue, as CommonJS source (Ajv standalone code). */
  validators: string;
}

export interface FormOptions {
  lang?: Lang;
  /** Path of the configuration; when absent, `geq.yaml` in `cwd` is used if it exists. */
  config?: string;
  noConfig?: boolean;
  /** A catalogue file to build the page from, without a configuration (`--catalog`). */
  catalogFile?: string;
  /** Where a catalogue file's compiled validator is cached. */
  cacheDirs?: readonly string[];
  /** The unit the page is for: fixed on the page, and from the registry when there is one. */
  unit?: string;
  year?: number;
  period?: PeriodKey;
  cwd?: string;
}

export interface FormResult {
  ok: true;
  html: string;
  /** The default output name. */
  fileName: string;
}

/** The default name of the page, as the letter to the units calls it. */
export const FORM_FILE = "bieu-mau.html";

/**
 * `geq form`: the page for a configuration's catalogue (else the catalogue of `year`, else the
 * newest), with the registry to choose the unit from, and what the options fix.
 */
export async function form(options: FormOptions = {}): Promise<FormResult | RunProblem> {
  const lang = options.lang ?? "vi";
  const cwd = options.cwd ?? ".";
  const setting = await configured({ ...options, lang, cwd });
  if (!setting.ok) return setting;
  const loaded = setting.config;
  const years = CATALOG_IDS.map((id) => loadCatalog(id)!.year);
  const catalog = setting.catalog ?? catalogForYear(options.year ?? Math.max(...years));
  if (!catalog || (options.year !== undefined && catalog.year !== options.year))
    return { ok: false, problem: "unknown-catalog", params: { year: options.year, years: years.join(", ") } };
  const units = loaded?.config.units.map((u) => ({ code: u.code, name: u.name }));
  const fixed: FormFixed = {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.period ? { period: options.period } : {}),
  };
  if (options.unit !== undefined) {
    if (!new RegExp(UNIT_CODE_PATTERN).test(options.unit))
      return {
        ok: false,
        problem: "bad-option",
        params: { option: "--unit", value: options.unit, expected: UNIT_CODE_PATTERN },
      };
    const registered = units?.find((u) => u.code === options.unit);
    if (units && !registered)
      return {
        ok: false,
        problem: "form-unit-unknown",
        params: { code: options.unit, config: loaded?.file, known: units.map((u) => u.code).join(", ") },
      };
    fixed.unit = registered ?? { code: options.unit };
  }
  const assets = await formAssets(catalog);
  if (!assets) return { ok: false, problem: "form-assets-missing", params: {} };
  const { deadlines, deadline_day } = loaded?.config ?? {};
  const html = formPage(
    catalog,
    {
      lang,
      fixed,
      ...(units ? { units } : {}),
      ...(deadlines || deadline_day
        ? { config: { ...(deadlines ? { deadlines } : {}), ...(deadline_day ? { deadline_day } : {}) } }
        : {}),
      expected: {
        ...(options.year !== undefined ? { year: options.year } : {}),
        ...(options.period ? { period: options.period } : {}),
      },
    },
    assets,
  );
  return { ok: true, html, fileName: FORM_FILE };
}

/**
 * The page's script and the validators of this catalogue: the precompiled ones when they were
 * built from it, else compiled now with Ajv into the same standalone code. Undefined when the
 * bundled script is missing (a checkout that was not built).
 */
export async function formAssets(catalog: Catalog): Promise<FormAssets | undefined> {
  let script: string;
  try {
    script = readFileSync(new URL("./page.bundle.js", import.meta.url), "utf8");
  } catch {
    return undefined;
  }
  const precompiled = readFileSync(new URL("validators.cjs", SCHEMAS_DIR), "utf8");
  const id = /exports\.catalogId = "([^"]*)";\s*$/.exec(precompiled)?.[1];
  if (id === catalog.id) return { script, validators: precompiled };
  const { schemaArtifacts } = await import("../catalog/compile.js");
  return { script, validators: schemaArtifacts(catalog)["validators.cjs"] };
}

/** Text that may sit inside a `<script>` element: nothing in it can close the element early. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Everything is inline; the policy forbids the page any other source, so nothing can be fetched. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

const CSS = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --error: #b00020; --warning: #7a4a00; --ok: #1d6b2f; --focus: #0b57d0; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
#app { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
.intro, .hint { color: var(--muted); margin: 0.25rem 0; }
.hint { font-size: 0.9rem; }
.skip { position: absolute; left: -100rem; }
.skip:focus { position: static; display: inline-block; margin-bottom: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.75rem 0; }
button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--line); border-radius: 0.3rem; background: var(--bg-soft); color: var(--ink); cursor: pointer; }
button:hover { background: #e4e8ec; }
#geq-save { background: #0b57d0; color: #fff; border-color: #0b57d0; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
#notice:not(:empty) { border-left: 4px solid var(--focus); background: var(--bg-soft); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
#summary { border: 2px solid var(--line); border-radius: 0.3rem; padding: 0.5rem 1rem; margin: 1rem 0; }
#summary.has-errors { border-color: var(--error); }
#summary.has-warnings { border-color: var(--warning); }
#summary.clean { border-color: var(--ok); }
#summary h2 { margin: 0; font-size: 1.1rem; }
#summary ul { margin: 0.25rem 0; padding-left: 1.25rem; }
#summary li.error .severity, .finding.error .severity { color: var(--error); font-weight: 600; }
#summary li.warning .severity, .finding.warning .severity { color: var(--warning); font-weight: 600; }
fieldset { border: 1px solid var(--line); border-radius: 0.3rem; margin: 0.75rem 0; padding: 0.5rem 1rem 0.75rem; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.task-group { border-top: 3px solid var(--focus); margin-top: 2rem; }
.row, .indicators { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.row > *, .indicators > * { flex: 1 1 14rem; min-width: 0; }
.field { margin: 0.5rem 0; }
.field label, .field .label { display: block; font-weight: 600; }
.field.fixed strong { display: block; padding: 0.3rem 0; }
input[type="text"], select, textarea { font: inherit; width: 100%; max-width: 100%; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 0.25rem; background: #fff; color: var(--ink); }
textarea { resize: vertical; min-height: 4.5rem; }
.status { border: none; padding: 0; margin: 0.5rem 0; }
.status legend { padding: 0; }
.choice { display: flex; align-items: flex-start; gap: 0.4rem; margin: 0.15rem 0; }
.choice input { margin-top: 0.35rem; }
output.money { display: block; color: var(--muted); font-size: 0.9rem; }
.has-error > input, .has-error > select, .has-error > textarea { border: 2px solid var(--error); }
.finding { margin: 0.25rem 0; }
.finding.error { color: var(--error); }
.finding.warning { color: var(--warning); }
.finding.waived { color: var(--muted); }
.item { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 0.5rem; }
.item > .field { flex: 1 1 20rem; min-width: 0; }
.item > button, fieldset > button.remove { margin: 0.5rem 0; }
button.add { margin-top: 0.5rem; }
.fixes { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 0.5rem; }
body.dragging #app { outline: 4px dashed var(--focus); outline-offset: -4px; }
#print-view { display: none; }
#print-view table { border-collapse: collapse; width: 100%; margin: 0.25rem 0; }
#print-view th, #print-view td { border: 1px solid #999; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
#print-view th { width: 35%; font-weight: 600; }
@media print {
  #app { display: none; }
  #print-view { display: block; font-size: 11pt; }
  #print-view h2, #print-view h3 { break-after: avoid; }
  #print-view tr { break-inside: avoid; }
}
`;

/**
 * The page for a catalogue: the form's fields, statuses and indicators all come from `catalog`;
 * `settings` say what the command line fixed (unit, year, period), the registry and language.
 */
export function formPage(
  catalog: Catalog,
  settings: Omit<PageSettings, "catalog">,
  assets: FormAssets,
): string {
  const data: PageSettings = { ...settings, catalog };
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const vi = settings.lang === "vi";
  const title = vi
    ? `Biểu mẫu báo cáo công tác bình đẳng giới năm ${catalog.year}`
    : `Gender equality report form ${catalog.year}`;
  const noscript = vi
    ? "Biểu mẫu cần JavaScript: hãy mở tệp bằng Chrome, Edge hoặc Firefox và cho phép JavaScript."
    : "The form needs JavaScript: open the file in Chrome, Edge or Firefox with JavaScript allowed.";
  return `<!doctype html>
<html lang="${settings.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geq">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div id="app"><noscript><p>${escapeHtml(noscript)}</p></noscript></div>
<script type="application/json" id="geq-form-settings">${json}</script>
<script>
window.geqValidators = function (module, exports, require) {
${scriptSafe(assets.validators)}
};
</script>
<script>
${scriptSafe(assets.script)}
</script>
</body>
</html>
`;
}
