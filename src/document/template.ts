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
  | "template-folder-missing"
  | "template-missing"
  | "template-unreadable"
  | "template-error"
  | "template-too-large"
  | "template-too-slow";

export type TemplateResult =
  | { ok: true; markup: string; deferred?: DeferredMarkup }
  | {
      ok: false;
      problem: TemplateProblem;
      params: { path: string; detail?: string; max?: number } & Partial<TemplateFault>;
    };

/**
 * A partial whose output is written later, part by part (see `RenderTemplateOptions.defer`): the
 * markup holds `marker` in its place, and `parts()` renders it again, one part at a time.
 */
export interface DeferredMarkup {
  marker: string;
  parts(): Iterable<string>;
}

/** One part of a deferred partial: the context to render it with, and the new data in it (for the limits). */
export interface DeferredPart {
  context: unknown;
  data: unknown;
}

export interface DeferPartial {
  name: string;
  /**
   * The partial's output split into parts, when it is called with `context`; undefined to render it
   * at once. Iterated twice: once to check it within the limits, once as it is written.
   */
  parts(context: unknown): Iterable<DeferredPart> | undefined;
}

/** Where a deferred partial's output goes in the markup: an element of its own, which no template writes. */
export const DEFERRED_MARKER = "<geq-deferred></geq-deferred>";

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
    readonly max?: number,
  ) {
    super(problem);
  }
}

/**
 * What a template may cost. The built-in templates produce well under a megabyte of markup for
 * 10,000 units in about a second; a custom template that loops inside its own loops
 * (`{{#each @root.groups}}` in each group) grows without bound and would take gigabytes.
 */
export interface TemplateLimits {
  /** Characters the blocks of a template may produce, each counted once. */
  maxOutput: number;
  /** Milliseconds a template may run. */
  maxMillis: number;
}

export const TEMPLATE_LIMITS: TemplateLimits = { maxOutput: 32 * 1024 * 1024, maxMillis: 20_000 };

/**
 * A report's markup grows with its data (Phụ lục IV holds every unit's text), so the output limit is
 * the larger of the fixed one and this many times the text in the view.
 */
const OUTPUT_PER_VIEW_CHAR = 8;

/** Characters of text in a view model: what a template that shows everything once would print. */
function textSize(view: unknown): number {
  let size = 0;
  const stack: unknown[] = [view];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === "string") size += value.length;
    else if (typeof value === "object" && value !== null)
      for (const child of Object.values(value)) stack.push(child);
  }
  return size;
}

/** The helpers that run a block, possibly many times: every run of one is charged to the budget. */
const BLOCK_HELPERS = ["each", "with", "if", "unless"] as const;

type BlockFn = (context: unknown, options?: unknown) => string;

/**
 * Wraps the block helpers so that each run of a block charges what it produced and checks the
 * clock: Handlebars has no limits of its own, and a block is where a template can loop.
 */
function limitBlocks(
  hbs: typeof Handlebars,
  limits: TemplateLimits,
  file: () => string,
): { allow(chars: number): void; excuse(millis: number): void; disarm(): void } {
  let deadline = Date.now() + limits.maxMillis;
  let maxOutput = limits.maxOutput;
  let armed = true;
  let produced = 0;
  // What the runs still open have received from the runs nested in them: a run's own output is its
  // result less that, so each character is charged once, by the run that wrote it, as soon as it
  // returns (a runaway grows in its innermost loops, which return often).
  const nested: number[] = [];
  const charge = (fn: BlockFn | undefined): BlockFn | undefined =>
    fn &&
    ((context, options) => {
      if (!armed) return fn(context, options);
      if (Date.now() > deadline)
        throw new TemplateError("template-too-slow", file(), undefined, limits.maxMillis / 1000);
      nested.push(0);
      let out: string;
      try {
        out = fn(context, options);
      } finally {
        produced -= nested.pop()!;
      }
      produced += out.length;
      if (nested.length) nested[nested.length - 1]! += out.length;
      if (produced > maxOutput)
        throw new TemplateError("template-too-large", file(), undefined, Math.ceil(maxOutput / 2 ** 20));
      return out;
    });
  for (const name of BLOCK_HELPERS) {
    const original = hbs.helpers[name] as (...args: unknown[]) => unknown;
    hbs.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as { fn?: BlockFn; inverse?: BlockFn };
      const charged = { ...options, fn: charge(options.fn), inverse: charge(options.inverse) };
      return original.apply(this, [...args.slice(0, -1), charged]);
    });
  }
  // `{{log}}` would write into geq's own output; a report template has nothing to say there.
  hbs.registerHelper("log", () => "");
  return {
    allow: (chars) => void (maxOutput += chars),
    // Time the template did not spend: gathering a deferred part's data (reading units' files again).
    excuse: (millis) => void (deadline += millis),
    // Once checked, a deferred partial is rendered again while the document is written: not charged twice.
    disarm: () => void (armed = false),
  };
}

/**
 * What went wrong in a template, read from Handlebars' English message so that the user reads it
 * in their own words: the kind of fault, the names it involves and where (line, 1-based column).
 */
export interface TemplateFault {
  reason:
    | "syntax"
    | "unclosed-block"
    | "block-mismatch"
    | "unknown-field"
    | "unknown-partial"
    | "helper-arguments"
    | "other";
  name?: string;
  other?: string;
  near?: string;
  line?: number;
  column?: number;
}

export function templateFault(message: string): TemplateFault {
  let m = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
  if (m) return { reason: "block-mismatch", name: m[1]!, other: m[2]!, line: +m[3]!, column: +m[4]! + 1 };
  m = /^"(.+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (m) return { reason: "unknown-field", name: m[1]!, line: +m[2]!, column: +m[3]! + 1 };
  m = /^(?:Parse|Lexical) error on line (\d+)[:.]\s*(?:Unrecognized text\.\n)?(.*)/.exec(message);
  if (m) {
    const near = m[2]!
      .trim()
      .replace(/^\.\.\./, "")
      .trim();
    const reason = /got 'EOF'/.test(message) ? "unclosed-block" : "syntax";
    return { reason, line: +m[1]!, ...(near ? { near } : {}) };
  }
  m = /^The partial (.+) could not be found/.exec(message);
  if (m) return { reason: "unknown-partial", name: m[1]! };
  m = /^#?(\S+) requires exactly one argument/.exec(message);
  if (m) return { reason: "helper-arguments", name: m[1]! };
  return { reason: "other" };
}

/** The params of a fault: the template's file with the line and column, and the fault's words. */
function faultParams(path: string, e: unknown): { path: string; detail: string } & TemplateFault {
  const detail = detailOf(e);
  const fault = templateFault(detail);
  const where =
    fault.line === undefined ? "" : `:${fault.line}${fault.column === undefined ? "" : `:${fault.column}`}`;
  return { ...fault, path: `${path}${where}`, detail: detail.split("\n")[0]! };
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
  /** Limits on the template's output and time (TEMPLATE_LIMITS unless told otherwise). */
  limits?: TemplateLimits;
  /**
   * Where templates and partials missing from `dir` come from: the built-in templates unless told
   * otherwise, so that a user can override one partial without copying the rest. `null`: none.
   */
  fallback?: string | null;
  /**
   * A partial to render later, part by part, so that its whole output (Phụ lục IV of 10,000 units:
   * some 100 million characters) is never held at once. Each part is rendered once here, to meet the
   * limits and any error now, and again as it is written.
   */
  defer?: DeferPartial;
  /** Data the view shows without holding it (enumerably): its text raises the output limit as the view's does. */
  hiddenText?: unknown;
  /** Characters of text the view shows that neither it nor `hiddenText` holds (read again when written). */
  hiddenChars?: number;
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
    const limits = options.limits ?? TEMPLATE_LIMITS;
    const shown = textSize(view) + textSize(options.hiddenText) + (options.hiddenChars ?? 0);
    const maxOutput = Math.max(limits.maxOutput, OUTPUT_PER_VIEW_CHAR * shown);
    const budget = limitBlocks(hbs, { ...limits, maxOutput }, () => current || dir);
    const compileOptions = { strict: true, preventIndent: true };
    const compiled = new Map<string, PartialFn>();
    for (const [name, file] of partials) {
      const source = readText(file);
      checkSyntax(hbs, source, file);
      compiled.set(name, hbs.compile(source, compileOptions) as PartialFn);
      hbs.registerPartial(name, compiled.get(name)!);
    }
    const deferral = options.defer && deferring(hbs, options.defer, compiled.get(options.defer.name));
    const source = readText(main);
    checkSyntax(hbs, source, main);
    const template = hbs.compile(source, compileOptions);
    current = main;
    const markup = template(view);
    const deferred = deferral?.check(budget, OUTPUT_PER_VIEW_CHAR);
    budget.disarm();
    return { ok: true, markup, ...(deferred ? { deferred } : {}) };
  } catch (e) {
    if (e instanceof TemplateError && e.problem === "template-error")
      return { ok: false, problem: e.problem, params: faultParams(e.path, e.detail) };
    if (e instanceof TemplateError) {
      const params = {
        path: e.path,
        ...(e.detail === undefined ? {} : { detail: e.detail }),
        ...(e.max === undefined ? {} : { max: e.max }),
      };
      return { ok: false, problem: e.problem, params };
    }
    if (e instanceof PartDataError) throw e.reason;
    return { ok: false, problem: "template-error", params: faultParams(current || dir, e) };
  }
}

/** A deferred part's data could not be gathered: no fault of the template's, passed on as it was raised. */
class PartDataError extends Error {
  constructor(readonly reason: unknown) {
    super("a deferred part's data could not be gathered");
  }
}

type PartialFn = (context: unknown, options?: unknown) => string;

/**
 * Registers the deferred partial in place of the real one: its first call with a context that
 * splits into parts writes the marker and keeps the parts; any other call renders at once.
 */
function deferring(hbs: typeof Handlebars, defer: DeferPartial, real: PartialFn | undefined) {
  if (!real) return undefined;
  let kept: { parts: Iterable<DeferredPart>; options: unknown } | undefined;
  hbs.registerPartial(defer.name, ((context: unknown, options?: unknown) => {
    const parts = kept ? undefined : defer.parts(context);
    if (!parts) return real(context, options);
    kept = { parts, options };
    return DEFERRED_MARKER;
  }) as PartialFn);
  return {
    /** Renders every part once within the limits (each part's data raising them as the view's does). */
    check(
      budget: { allow(chars: number): void; excuse(millis: number): void },
      perChar: number,
    ): DeferredMarkup | undefined {
      if (!kept) return undefined;
      const { parts, options } = kept;
      const each = parts[Symbol.iterator]();
      for (;;) {
        const started = Date.now();
        let next: IteratorResult<DeferredPart>;
        try {
          next = each.next();
        } catch (e) {
          throw new PartDataError(e);
        }
        budget.excuse(Date.now() - started);
        if (next.done) break;
        budget.allow(perChar * textSize(next.value.data));
        real(next.value.context, options);
      }
      return {
        marker: DEFERRED_MARKER,
        *parts() {
          for (const part of parts) yield real(part.context, options);
        },
      };
    },
  };
}

/** Parses the source now (Handlebars compiles lazily), so that a syntax error names its own file. */
function checkSyntax(hbs: typeof Handlebars, source: string, file: string): void {
  try {
    hbs.parse(source);
  } catch (e) {
    throw new TemplateError("template-error", file, detailOf(e));
  }
}
