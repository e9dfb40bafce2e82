import { Document, isScalar, isSeq, visit } from "yaml";
import type { Catalog, Config, Diagnostic, Lang, PeriodKey, RegistryUnit } from "../model.js";
import { THOUSANDS_NUMBER } from "../source/decode.js";
import { fastValue, plainPositions } from "../source/fast-read.js";
import { readSource } from "../source/read.js";
import { check, type UnitCheckContext } from "../validate/check-fast.js";
import { checkUnit } from "../validate/check-unit.js";
import { byPosition, capRepeats, dottedPath, toDiagnostic } from "../validate/diagnostics.js";
import type { JsonPath } from "../validate/finding.js";
import { normalise } from "../validate/normalise.js";
import { registryFindings, registryIndex, type RegistryIndex } from "../validate/registry.js";

/**
 * What the form holds and says, without a page: the unit file's data, its YAML text, and the
 * findings `geq validate` gives for that text, found by the same code (`checkUnit`). The page
 * (page.ts) only binds inputs to paths of this data.
 */

type Data = Record<string, unknown>;
type Schema = Record<string, unknown>;

/** A finding as the page shows it: the diagnostic, and the field it belongs next to. */
export interface PageFinding extends Diagnostic {
  /** Dotted path of the field to show it at: a missing key's own field, not its parent's. */
  anchor: string;
  /**
   * An unknown key (usually a typo in a file written by hand), which the form has no box for: its
   * path, to remove it, and the key it most likely means, to rename it to when that one is free.
   */
  unknownKey?: { path: JsonPath; renameTo?: string };
}

/** A diagnostic as the page's `window.geq.findings()` gives it: what `--format json` says, without the place. */
export function publicFinding(
  d: Diagnostic,
): Pick<Diagnostic, "rule" | "path" | "severity" | "message" | "waived" | "similar"> {
  return {
    rule: d.rule,
    path: d.path,
    severity: d.severity,
    message: d.message,
    ...(d.waived ? { waived: d.waived } : {}),
    ...(d.similar ? { similar: d.similar } : {}),
  };
}

/** Values the command line fixed for this page (`--unit`, `--year`, `--period`). */
export interface FormFixed {
  unit?: { code: string; name?: string };
  year?: number;
  period?: PeriodKey;
}

/** What `geq form` writes into the page for its script (form.ts, page.ts). */
export interface PageSettings {
  catalog: Catalog;
  lang: Lang;
  fixed: FormFixed;
  /** The registry, when the page was made with a configuration. */
  units?: RegistryUnit[];
  config?: Pick<Config, "deadlines" | "deadline_day">;
  expected: { year?: number; period?: PeriodKey };
}

/** The file the form starts from: every sub-task `not_started`, as `geq init` writes it. */
export function blankUnit(catalog: Catalog, fixed: FormFixed): Data {
  const tasks: Data = {};
  for (const group of catalog.groups)
    tasks[group.key] = Object.fromEntries(group.tasks.map((t) => [t.key, { status: "not_started" }]));
  const unit = fixed.unit
    ? { code: fixed.unit.code, ...(fixed.unit.name ? { name: fixed.unit.name } : {}) }
    : {};
  return {
    format: "geq/unit-report/v1",
    unit,
    year: fixed.year ?? catalog.year,
    ...(fixed.period ? { period: fixed.period } : {}),
    tasks,
  };
}

/** What a person types into a figure's box, read as the same words would be read in a YAML file. */
export function figureValue(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  if (THOUSANDS_NUMBER.test(t)) return t;
  if (/^-?[0-9]+$/.test(t)) return Number(t);
  if (/^-?[0-9]+\.[0-9]+$/.test(t)) return Number(t);
  return text;
}

/** The data of a unit file's text as geq reads it (text normalised), or undefined when it is not a mapping. */
export function readUnitData(bytes: Uint8Array): Data | undefined {
  const value = fastValue(bytes)?.value ?? readSource(bytes).source?.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return normalise(value) as Data;
}

function own(target: Data, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy with keys in the schema's order (the order of the letter and of `geq init`), others after. */
function ordered(value: unknown, schema: Schema | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, schema?.items as Schema | undefined));
  if (typeof value !== "object" || value === null) return value;
  const props = (schema?.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(value);
  const out: Data = {};
  for (const k of [
    ...Object.keys(props).filter((k) => keys.includes(k)),
    ...keys.filter((k) => !(k in props)),
  ])
    own(out, k, ordered((value as Data)[k], Object.hasOwn(props, k) ? props[k] : undefined));
  return out;
}

/**
 * The data as a unit file: keys in the schema's order, `{ total, female }` and partner lists on
 * one line as the examples write them, no line folding (a summary stays one line).
 */
export function unitYaml(data: Data, schema: Schema, comment?: string): string {
  const doc = new Document(ordered(data, schema));
  visit(doc, {
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? p.key.value : undefined));
      if (keys.length > 0 && keys.every((k) => k === "total" || k === "female")) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "with" && isSeq(pair.value)) {
        const seq = pair.value;
        if (seq.items.every((i) => isScalar(i))) seq.flow = true;
      }
    },
  });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function isContainer(value: unknown): value is Data | unknown[] {
  return typeof value === "object" && value !== null;
}

/**
 * Sets the value at a path, making the mappings on the way; `undefined` removes it, and a mapping
 * left empty by that goes too (an empty `contact:` is no contact). List items stay, even empty.
 */
export function setAt(data: Data, path: JsonPath, value: unknown): void {
  const trail: [Data | unknown[], string | number][] = [];
  let node: Data | unknown[] = data;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    let next: unknown = Object.hasOwn(node, step) ? (node as Data)[step as string] : undefined;
    if (!isContainer(next)) {
      if (value === undefined) return;
      next = typeof path[i + 1] === "number" ? [] : {};
      own(node as Data, String(step), next);
    }
    trail.push([node, step]);
    node = next as Data | unknown[];
  }
  const last = path[path.length - 1]!;
  if (value !== undefined) {
    if (Array.isArray(node) && typeof last === "number") node[last] = value;
    else own(node as Data, String(last), value);
    return;
  }
  if (Array.isArray(node)) return;
  delete node[String(last)];
  for (let i = trail.length - 1; i >= 0; i--) {
    const [parent, step] = trail[i]!;
    const child = (parent as Data)[step as string];
    if (Array.isArray(parent) || Array.isArray(child) || Object.keys(child as Data).length > 0) break;
    delete (parent as Data)[String(step)];
  }
}

export function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const step of path) {
    if (!isContainer(node) || !Object.hasOwn(node, step)) return undefined;
    node = (node as Data)[step as string];
  }
  return node;
}

/** The file a form is about: its data, and the text the findings are about. */
export class FormModel {
  data: Data;
  /** The bytes of a file just opened and not edited since: the findings are about them, as they are. */
  private opened: Uint8Array | undefined;
  private cache: { text: string; findings: PageFinding[] } | undefined;
  private readonly registry: RegistryIndex | undefined;
  private readonly comment: string | undefined;

  /** `registry`: the configuration's units, checked as `geq validate --config` checks them. */
  constructor(
    readonly ctx: UnitCheckContext,
    readonly file: string,
    data: Data,
    options: { comment?: string; registry?: readonly RegistryUnit[] } = {},
  ) {
    this.data = data;
    this.comment = options.comment;
    this.registry = options.registry && registryIndex(options.registry);
  }

  /** Opens a unit file's bytes; when they cannot be read as a unit file, the findings say why. */
  open(bytes: Uint8Array): { ok: true } | { ok: false; findings: PageFinding[] } {
    const data = readUnitData(bytes);
    if (!data) return { ok: false, findings: this.diagnose(bytes, undefined) };
    this.data = data;
    this.opened = bytes;
    this.cache = undefined;
    return { ok: true };
  }

  replace(data: Data): void {
    this.data = data;
    this.opened = undefined;
    this.cache = undefined;
  }

  set(path: JsonPath, value: unknown): void {
    setAt(this.data, path, value);
    this.opened = undefined;
    this.cache = undefined;
  }

  yaml(): string {
    return unitYaml(this.data, this.ctx.schema, this.comment);
  }

  /** The findings `geq validate` gives for the file opened, or once edited, for the file saved. */
  findings(): PageFinding[] {
    const text = this.opened ? undefined : this.yaml();
    if (this.cache && text !== undefined && this.cache.text === text) return this.cache.findings;
    const bytes = this.opened ?? new TextEncoder().encode(text);
    const findings = this.diagnose(bytes, this.data);
    this.cache = text === undefined ? undefined : { text, findings };
    return findings;
  }

  /**
   * The command line's diagnostics of these bytes, each with the field it belongs to: a missing key
   * is said of its parent (where the key should go), and is shown at the key's own field.
   */
  private diagnose(bytes: Uint8Array, data: Data | undefined): PageFinding[] {
    const result = checkUnit(this.file, bytes, this.ctx);
    let diagnostics = capRepeats(result.diagnostics);
    const registered = this.registry ? registryFindings(result, this.registry) : [];
    if (registered.length) {
      // Positioned as `validate` positions what it finds across files: in the file's lines.
      const fast = fastValue(bytes);
      const where = fast ? { place: plainPositions(fast.text) } : { source: readSource(bytes).source };
      const { schema, lang } = this.ctx;
      const more = registered.map((f) => toDiagnostic(this.file, f, { ...where, schema, lang }));
      diagnostics = capRepeats([...diagnostics, ...more].sort(byPosition));
    }
    // What the diagnostics leave out of a finding (a missing key's name, an unknown key's path and
    // likely meaning), from the same check of the data, matched by what they do say.
    const more = new Map<string, Pick<PageFinding, "anchor" | "unknownKey">>();
    const key = (d: Diagnostic) => `${d.rule}\u0000${d.path}\u0000${d.message}`;
    for (const f of data ? check(data, this.ctx).findings : []) {
      const d = toDiagnostic(this.file, f, { schema: this.ctx.schema, lang: this.ctx.lang });
      const { child, suggestion } = f.params;
      if (typeof child === "string") more.set(key(d), { anchor: dottedPath([...f.path, child]) });
      if (f.rule === "unknown-key") {
        const parent = valueAt(data, f.path.slice(0, -1));
        const free = typeof suggestion === "string" && valueAt(parent, [suggestion]) === undefined;
        more.set(key(d), {
          anchor: d.path,
          unknownKey: { path: f.path, ...(free ? { renameTo: suggestion } : {}) },
        });
      }
    }
    return diagnostics.map((d) => ({ ...d, anchor: d.path, ...more.get(key(d)) }));
  }
}
