/**
 * The template engine: Handlebars templates (wording and structure of a report) applied to a view
 * model, giving the document markup that `parseMarkup` reads. The only module that imports
 * Handlebars, so that the CLI loads it only for `build-report`.
 *
 * A broken template is a user's problem (`--template DIR`), not a bug: every failure comes back as
 * a value, and the CLI maps it to exit code 2.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { readInput } from "../io/read-input.js";
import { MAX_FILE_BYTES } from "../source/decode.js";

export type TemplateKind = "consolidated" | "unit";

/** Why a template could not be used; the command line words it (exit 2). */
export type TemplateProblem =
  "template-folder-missing" | "template-missing" | "template-unreadable" | "template-error";

export type TemplateResult =
  | { ok: true; markup: string }
  | { ok: false; problem: TemplateProblem; params: { path: string; detail?: string } };

/** The templates shipped with geq: `templates/` at the package root (from `src/document/` or `dist/document/`). */
export function defaultTemplateDir(): string {
  return fileURLToPath(new URL("../../templates", import.meta.url));
}

const EXTENSION = ".hbs";

class TemplateError extends Error {
  constructor(
    readonly problem: TemplateProblem,
    readonly path: string,
    readonly detail?: string,
  ) {
    super(problem);
  }
}

function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A template's text, read by the input policy (a pipe is read, never waited on; a device is refused). */
function readText(file: string): string {
  const read = readInput(file);
  if ("bytes" in read) return new TextDecoder("utf-8").decode(read.bytes).replace(/^\uFEFF/, "");
  const detail =
    "unreadable" in read
      ? read.unreadable
      : "notAFile" in read
        ? read.notAFile
        : "tooLarge" in read
          ? `> ${MAX_FILE_BYTES} bytes`
          : `ETIMEDOUT ${read.stalled} s`;
  throw new TemplateError("template-unreadable", file, detail);
}

/** Partial name → file, from `<dir>/partials/*.hbs`; a missing folder has none. */
function partialFiles(dir: string): Map<string, string> {
  const folder = join(dir, "partials");
  const files = new Map<string, string>();
  if (!existsSync(folder)) return files;
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (e) {
    throw new TemplateError("template-unreadable", folder, detailOf(e));
  }
  for (const name of names) {
    if (name.endsWith(EXTENSION)) files.set(basename(name, EXTENSION), join(folder, name));
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface RenderTemplateOptions {
  /**
   * Where templates and partials missing from `dir` come from: the built-in templates unless told
   * otherwise, so that a user can override one partial without copying the rest. `null`: none.
   */
  fallback?: string | null;
}

/**
 * Renders `<dir>/<kind>.hbs` with the partials of `<dir>/partials` over those of the fallback.
 * Strict mode: a misspelt field in a template is an error, not an empty string in an official report.
 */
export function renderTemplate(
  dir: string,
  kind: TemplateKind,
  view: unknown,
  options: RenderTemplateOptions = {},
): TemplateResult {
  const fallback = options.fallback === undefined ? defaultTemplateDir() : options.fallback;
  // The template being run, to name it when a runtime error (strict mode: an unknown field) comes up.
  let current = "";
  try {
    if (!isDirectory(dir)) throw new TemplateError("template-folder-missing", dir);
    const layers = fallback !== null && fallback !== dir ? [fallback, dir] : [dir];
    const partials = new Map<string, string>();
    for (const layer of layers) for (const [name, file] of partialFiles(layer)) partials.set(name, file);

    const main = [...layers]
      .reverse()
      .map((d) => join(d, `${kind}${EXTENSION}`))
      .find((f) => existsSync(f));
    if (main === undefined) throw new TemplateError("template-missing", join(dir, `${kind}${EXTENSION}`));

    const hbs = Handlebars.create();
    const compileOptions = { strict: true, preventIndent: true };
    for (const [name, file] of partials) {
      const source = readText(file);
      checkSyntax(hbs, source, file);
      hbs.registerPartial(name, hbs.compile(source, compileOptions));
    }
    const source = readText(main);
    checkSyntax(hbs, source, main);
    const template = hbs.compile(source, compileOptions);
    current = main;
    return { ok: true, markup: template(view) };
  } catch (e) {
    if (e instanceof TemplateError) {
      const params = e.detail === undefined ? { path: e.path } : { path: e.path, detail: e.detail };
      return { ok: false, problem: e.problem, params };
    }
    return { ok: false, problem: "template-error", params: { path: current || dir, detail: detailOf(e) } };
  }
}

/** Parses the source now (Handlebars compiles lazily), so that a syntax error names its own file. */
function checkSyntax(hbs: typeof Handlebars, source: string, file: string): void {
  try {
    hbs.parse(source);
  } catch (e) {
    throw new TemplateError("template-error", file, detailOf(e));
  }
}
