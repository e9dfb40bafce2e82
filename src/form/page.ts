/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import ucs2length from "ajv/dist/runtime/ucs2length.js";
import { unitReportSchema } from "../catalog/schema.js";
import { formText, type FormTextKey } from "../i18n.js";
import type { Indicator, TaskDef } from "../model.js";
import { countBySeverity } from "../output/diagnostics.js";
import { formatNumber } from "../present/format.js";
import type { UnitCheckContext } from "../validate/check-fast.js";
import type { JsonPath } from "../validate/finding.js";
import { RULES } from "../validate/messages.js";
import type { Validators } from "../validate/validators.js";
import {
  FormModel,
  blankUnit,
  figureValue,
  publicFinding,
  valueAt,
  type PageFinding,
  type PageSettings,
} from "./form-model.js";

/**
 * The form page's script, bundled for the browser (`npm run build`): it builds the form from the
 * catalogue the page carries, keeps the unit file's data in a `FormModel` and shows the findings
 * `geq validate` gives for it next to their fields. Nothing here reaches the network.
 */

type Data = Record<string, unknown>;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** How a control's text becomes a value of the file. */
type Kind = "text" | "figure" | "choice" | "flag" | "codes";

declare global {
  interface Window {
    geqValidators?: (
      module: { exports: unknown },
      exports: unknown,
      require: (id: string) => unknown,
    ) => void;
    geq?: {
      load(yamlText: string): boolean;
      yaml(): string;
      findings(): ReturnType<typeof publicFinding>[];
    };
  }
}

const settings = JSON.parse(document.getElementById("geq-form-settings")!.textContent!) as PageSettings;
const { catalog, lang, fixed } = settings;
const T = (key: FormTextKey, params: Record<string, unknown> = {}) => formText(lang, key, params);

/** The precompiled validators the page carries, as CommonJS wants them. */
function loadValidators(): Validators {
  const module = { exports: {} as unknown };
  const runtime: Record<string, unknown> = { "ajv/dist/runtime/ucs2length": ucs2length };
  window.geqValidators!(module, module.exports, (id) => {
    if (!(id in runtime)) throw new Error(`validators need ${id}`);
    return runtime[id];
  });
  return module.exports as Validators;
}

const schema = unitReportSchema(catalog);
const ctx: UnitCheckContext = {
  lang,
  catalog,
  validators: loadValidators(),
  schema,
  expected: settings.expected,
  ...(settings.config ? { config: settings.config } : {}),
};

const blank = () => blankUnit(catalog, fixed);
const model = new FormModel(ctx, "", blank(), {
  comment: T("file-comment", { year: catalog.year }),
  ...(settings.units ? { registry: settings.units } : {}),
});

// ---------------------------------------------------------------- drafts

const STORAGE_KEY = `geq-form:${catalog.id}:${fixed.unit?.code ?? ""}:${fixed.year ?? ""}:${fixed.period ?? ""}`;

function saveDraft(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ data: model.data, at: new Date().toISOString() }));
  } catch {
    // No storage (private mode, a policy): the form still works, only without a draft.
  }
}

function readDraft(): { data: Data; at: string } | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    const draft = text ? (JSON.parse(text) as { data?: unknown; at?: unknown }) : undefined;
    if (draft && typeof draft.data === "object" && draft.data !== null && !Array.isArray(draft.data))
      return { data: draft.data as Data, at: String(draft.at ?? "") };
  } catch {
    // A draft that cannot be read is no draft.
  }
  return undefined;
}

function dropDraft(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

// ---------------------------------------------------------------- building the page

type Child = Node | string | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** Where each field's findings go, by the dotted path of its value. */
const anchors = new Map<string, { box: HTMLElement; control?: Control }>();
let serial = 0;
const newId = (prefix: string) => `${prefix}-${++serial}`;

function dotted(path: JsonPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function anchor(path: JsonPath, box: HTMLElement, control?: Control): HTMLElement {
  if (!box.querySelector(":scope > .msgs")) box.append(h("div", { class: "msgs", id: newId("m") }));
  anchors.set(dotted(path), { box, ...(control ? { control } : {}) });
  return box;
}

function bind(control: Control, path: JsonPath, kind: Kind): Control {
  control.dataset.path = JSON.stringify(path);
  control.dataset.kind = kind;
  return control;
}

function shown(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return "";
  if (kind === "codes" && Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function hintOf(id: string, text: string | undefined): HTMLElement | undefined {
  return text ? h("p", { class: "hint", id, text }) : undefined;
}

function textField(
  path: JsonPath,
  label: string,
  o: { long?: boolean; hint?: string; placeholder?: string; kind?: Kind; list?: string; auto?: string } = {},
): HTMLElement {
  const id = newId("f");
  const hintId = `${id}-hint`;
  const kind = o.kind ?? "text";
  const attrs = {
    id,
    name: dotted(path),
    placeholder: o.placeholder,
    "aria-describedby": o.hint ? hintId : undefined,
    list: o.list,
    autocomplete: o.auto ?? "off",
  };
  const control = o.long
    ? h("textarea", { ...attrs, rows: "3" })
    : h("input", { ...attrs, type: "text", ...(kind === "figure" ? { inputmode: "numeric" } : {}) });
  control.value = shown(valueAt(model.data, path), kind);
  bind(control, path, kind);
  const box = h(
    "div",
    { class: `field${o.long ? " long" : ""}` },
    h("label", { for: id, text: label }),
    control,
  );
  const hint = hintOf(hintId, o.hint);
  if (hint) box.append(hint);
  return anchor(path, box, control);
}

function figureField(path: JsonPath, label: string, hint?: string, money = false): HTMLElement {
  const box = textField(path, label, { kind: "figure", ...(hint ? { hint } : {}) });
  if (money) {
    const out = h("output", { class: "money", "aria-live": "off" });
    box.querySelector("input")!.after(out);
    showMoney(box.querySelector("input")!);
  }
  return box;
}

/** A sum of money written out the Vietnamese way beside its box: 21500000 reads 21.500.000 đồng. */
function showMoney(input: HTMLInputElement): void {
  const out = input.nextElementSibling;
  if (!(out instanceof HTMLOutputElement)) return;
  const value = figureValue(input.value);
  out.textContent =
    typeof value === "number" && Number.isInteger(value) ? `= ${formatNumber(value)} ${T("dong")}` : "";
}

function selectField(
  path: JsonPath,
  label: string,
  options: [string, string][],
  o: { kind?: Kind; hint?: string } = {},
): HTMLElement {
  const id = newId("f");
  const kind = o.kind ?? "choice";
  const current = shown(valueAt(model.data, path), kind);
  const all: [string, string][] = [["", T("choose")], ...options];
  if (current !== "" && !options.some(([v]) => v === current))
    all.push([current, T("not-in-list", { value: current })]);
  const select = h(
    "select",
    { id, name: dotted(path), "aria-describedby": o.hint ? `${id}-hint` : undefined },
    ...all.map(([v, text]) => h("option", { value: v, text, selected: v === current })),
  );
  bind(select, path, kind);
  const box = h("div", { class: "field" }, h("label", { for: id, text: label }), select);
  const hint = hintOf(`${id}-hint`, o.hint);
  if (hint) box.append(hint);
  return anchor(path, box, select);
}

/** Boxes side by side, as wide screens allow (one under another at 200% zoom). */
const row = (...children: Child[]) => h("div", { class: "row" }, ...children);

/**
 * A value the command line fixed: shown, not edited. It shows what the file holds (an opened file
 * may say otherwise, and its findings then appear here).
 */
function fixedField(
  label: string,
  paths: JsonPath[],
  words: (value: unknown) => string = String,
): HTMLElement {
  const value = paths.map((p) => valueAt(model.data, p)).filter((v) => v !== undefined);
  const box = h(
    "div",
    { class: "field fixed", tabindex: "-1" },
    h("span", { class: "label", text: label }),
    h("strong", { text: value.map(words).join(" – ") || "—" }),
  );
  for (const p of paths.slice(1)) anchor(p, box);
  return anchor(paths[0]!, box);
}

function group(title: string, intro: string | undefined, path: JsonPath | undefined, ...children: Child[]) {
  const fieldset = h(
    "fieldset",
    {},
    h("legend", { text: title }),
    intro ? h("p", { class: "intro", text: intro }) : undefined,
  );
  fieldset.append(...(children.filter(Boolean) as (Node | string)[]));
  return path ? anchor(path, fieldset) : fieldset;
}

function peopleField(path: JsonPath, label: string): HTMLElement {
  return group(
    label,
    undefined,
    path,
    row(figureField([...path, "total"], T("total")), figureField([...path, "female"], T("female"))),
  );
}

const STATUSES = ["not_started", "in_progress", "done", "not_applicable"] as const;

function statusField(path: JsonPath, task: TaskDef): HTMLElement {
  const current = valueAt(model.data, path);
  const name = newId("s");
  const options = STATUSES.map((s) => {
    const id = newId("f");
    const input = h("input", { type: "radio", id, name, value: s, checked: current === s });
    bind(input, path, "choice");
    const special = s === "not_applicable" && task.not_applicable ? ` (${task.not_applicable})` : "";
    return h(
      "div",
      { class: "choice" },
      input,
      h("label", { for: id, text: `${T(`status-${s}`)}${special}` }),
    );
  });
  const fieldset = h("fieldset", { class: "status" }, h("legend", { text: T("status") }), ...options);
  const first = fieldset.querySelector("input") as HTMLInputElement;
  return anchor(path, fieldset, first);
}

function indicatorField(path: JsonPath, ind: Indicator): HTMLElement {
  const at = [...path, ind.key];
  switch (ind.type) {
    case "count":
      return figureField(at, ind.label, T("hint-count"));
    case "money":
      return figureField(at, ind.label, T("hint-money"), true);
    case "people":
      return peopleField(at, ind.label);
    case "flag":
      return selectField(
        at,
        ind.label,
        [
          ["true", T("yes")],
          ["false", T("no")],
        ],
        { kind: "flag" },
      );
    case "text":
      return textField(at, ind.label);
  }
}

function removeButton(text: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "remove", text });
  b.addEventListener("click", onClick);
  return b;
}

function addButton(text: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "add", text });
  b.addEventListener("click", onClick);
  return b;
}

function listOf(path: JsonPath): unknown[] {
  const v = valueAt(model.data, path);
  return Array.isArray(v) ? v : [];
}

/** Adds an item to a list, then builds the page again with the new item's first box focused. */
function addItem(path: JsonPath, item: unknown): void {
  const list = [...listOf(path), item];
  model.set(path, list);
  changed(true, { path: [...path, list.length - 1] });
}

function removeItem(path: JsonPath, index: number, name: string): void {
  const list = listOf(path).filter((_, i) => i !== index);
  model.set(path, list.length ? list : undefined);
  changed(true, { add: dotted(path), said: T("removed", { what: name }) });
}

/** A list of sentences, one box each (strengths, next steps…). */
function textListField(path: JsonPath, label: string, hint: string): HTMLElement {
  const items = listOf(path);
  const rows = items.map((_, i) =>
    h(
      "div",
      { class: "item" },
      textField([...path, i], `${label} – ${T("item", { n: i + 1 })}`, { long: true }),
      removeButton(T("remove-item", { n: i + 1 }), () => removeItem(path, i, T("item", { n: i + 1 }))),
    ),
  );
  const add = addButton(T("add-item"), () => addItem(path, ""));
  add.dataset.add = dotted(path);
  return group(label, hint, path, ...rows, add);
}

const GROUP_OPTIONS: [string, string][] = catalog.groups.map((g) => [g.key, `${g.number}. ${g.short}`]);

function activityField(i: number): HTMLElement {
  const path: JsonPath = ["activities", i];
  return group(
    T("activity", { n: i + 1 }),
    undefined,
    path,
    row(
      textField([...path, "date"], T("activity-date"), {
        kind: "text",
        placeholder: "YYYY-MM-DD",
        hint: T("hint-date"),
      }),
      selectField([...path, "group"], T("activity-group"), GROUP_OPTIONS),
    ),
    textField([...path, "title"], T("activity-title"), { long: true }),
    peopleField([...path, "participants"], T("activity-participants")),
    textField([...path, "with"], T("activity-with"), {
      kind: "codes",
      hint: T("hint-with"),
      ...(settings.units ? { list: "geq-unit-codes" } : {}),
    }),
    removeButton(T("remove-activity", { n: i + 1 }), () =>
      removeItem(["activities"], i, T("activity", { n: i + 1 })),
    ),
  );
}

function waiverField(i: number): HTMLElement {
  const path: JsonPath = ["waivers", i];
  return group(
    T("waiver", { n: i + 1 }),
    undefined,
    path,
    textField([...path, "rule"], T("waiver-rule"), { list: "geq-waivable", hint: T("hint-waiver-rule") }),
    textField([...path, "reason"], T("waiver-reason"), { long: true }),
    removeButton(T("remove-waiver", { n: i + 1 }), () =>
      removeItem(["waivers"], i, T("waiver", { n: i + 1 })),
    ),
  );
}

function unitFields(): HTMLElement[] {
  if (fixed.unit) {
    return fixed.unit.name
      ? [fixedField(T("unit"), [["unit", "code"], ["unit", "name"], ["unit"]])]
      : [
          fixedField(T("unit-code"), [["unit", "code"], ["unit"]]),
          textField(["unit", "name"], T("unit-name")),
        ];
  }
  if (settings.units) {
    const options = settings.units.map((u): [string, string] => [u.code, `${u.code} – ${u.name}`]);
    const box = selectField(["unit", "code"], T("unit"), options, { kind: "choice" });
    // The unit's name comes with its code from the registry: what is said of either is said here.
    for (const path of ["unit", "unit.name"]) anchors.set(path, anchors.get("unit.code")!);
    return [box];
  }
  return [
    textField(["unit", "code"], T("unit-code"), { hint: T("hint-code") }),
    textField(["unit", "name"], T("unit-name")),
  ];
}

function periodOptions(): [string, string][] {
  return (["semi-annual", "annual"] as const).map((p) => [p, catalog.periods[p].label]);
}

function generalSection(): HTMLElement {
  const year = fixed.year;
  return group(
    T("general"),
    undefined,
    undefined,
    ...unitFields(),
    row(
      year !== undefined ? fixedField(T("year"), [["year"]]) : figureField(["year"], T("year")),
      fixed.period
        ? fixedField(T("period"), [["period"]], (p) =>
            p === "annual" || p === "semi-annual" ? catalog.periods[p].label : String(p),
          )
        : selectField(["period"], T("period"), periodOptions()),
    ),
    row(
      textField(["submitted"], T("submitted"), { placeholder: "YYYY-MM-DD", hint: T("hint-submitted") }),
      textField(["reference"], T("reference"), { hint: T("hint-reference") }),
    ),
  );
}

function signerSection(): HTMLElement {
  return group(
    T("signer"),
    T("signer-intro"),
    ["signer"],
    textField(["signer", "authority"], T("signer-authority"), { hint: T("hint-authority") }),
    row(
      textField(["signer", "position"], T("signer-position")),
      textField(["signer", "name"], T("signer-name"), { auto: "name" }),
    ),
  );
}

function contactSection(): HTMLElement {
  return group(
    T("contact"),
    T("contact-intro"),
    ["contact"],
    row(
      textField(["contact", "name"], T("contact-name"), { auto: "name" }),
      textField(["contact", "position"], T("contact-position")),
    ),
    row(
      textField(["contact", "phone"], T("contact-phone"), { auto: "tel" }),
      textField(["contact", "email"], T("contact-email"), { auto: "email" }),
    ),
  );
}

function staffSection(): HTMLElement {
  return group(
    T("staff"),
    T("staff-intro"),
    ["staff"],
    ...catalog.staff.map((s) => peopleField(["staff", s.key], s.label)),
  );
}

function tasksSection(): HTMLElement[] {
  return catalog.groups.map((g) => {
    const tasks = g.tasks.map((task) => {
      const path: JsonPath = ["tasks", g.key, task.key];
      return group(
        task.short,
        task.text,
        path,
        statusField([...path, "status"], task),
        textField([...path, "summary"], T("summary"), { long: true, hint: T("hint-summary") }),
        ...(task.indicators.length
          ? [h("div", { class: "indicators" }, ...task.indicators.map((ind) => indicatorField(path, ind)))]
          : []),
      );
    });
    const section = h(
      "section",
      { class: "task-group", "aria-labelledby": `g-${g.key}` },
      h("h2", { id: `g-${g.key}`, text: `${g.number}. ${g.short}` }),
      h("p", { class: "intro", text: `${g.number}. ${g.title}` }),
      ...tasks,
    );
    return anchor(["tasks", g.key], section);
  });
}

function budgetSection(): HTMLElement {
  return group(
    T("budget"),
    T("budget-intro", { source: catalog.budget_source }),
    ["budget"],
    row(
      figureField(["budget", "planned_vnd"], T("budget-planned"), T("hint-money"), true),
      figureField(["budget", "spent_vnd"], T("budget-spent"), T("hint-money"), true),
    ),
  );
}

function assessmentSection(): HTMLElement {
  return group(
    T("assessment"),
    undefined,
    ["assessment"],
    textListField(["assessment", "strengths"], T("strengths"), T("hint-list")),
    textListField(["assessment", "limitations"], T("limitations"), T("hint-list")),
    textListField(["assessment", "causes"], T("causes"), T("hint-list")),
  );
}

function listsSection(): HTMLElement[] {
  const activities = listOf(["activities"]).map((_, i) => activityField(i));
  const addActivity = addButton(T("add-activity"), () => addItem(["activities"], {}));
  addActivity.dataset.add = "activities";
  const waivers = listOf(["waivers"]).map((_, i) => waiverField(i));
  const addWaiver = addButton(T("add-waiver"), () => addItem(["waivers"], {}));
  addWaiver.dataset.add = "waivers";
  return [
    group(T("activities"), T("activities-intro"), ["activities"], ...activities, addActivity),
    budgetSection(),
    assessmentSection(),
    textListField(["next_steps"], T("next-steps"), T("hint-list")),
    textListField(["recommendations"], T("recommendations"), T("hint-list")),
    group(T("waivers"), T("waivers-intro"), ["waivers"], ...waivers, addWaiver),
  ];
}

function datalists(): HTMLElement {
  const waivable = Object.entries(RULES)
    .filter(([, r]) => r.severity === "warning" && r.waivable !== false)
    .map(([id]) => h("option", { value: id }));
  const codes = (settings.units ?? []).map((u) => h("option", { value: u.code, text: u.name }));
  return h(
    "div",
    { hidden: true },
    h("datalist", { id: "geq-waivable" }, ...waivable),
    h("datalist", { id: "geq-unit-codes" }, ...codes),
  );
}

const form = h("form", { id: "geq-form", novalidate: true, "aria-label": T("form-label") });
form.addEventListener("submit", (e) => e.preventDefault());

function renderForm(): void {
  anchors.clear();
  form.replaceChildren(
    generalSection(),
    signerSection(),
    contactSection(),
    staffSection(),
    ...tasksSection(),
    ...listsSection(),
    datalists(),
  );
}

// ---------------------------------------------------------------- findings

const summary = h("section", { id: "summary", "aria-labelledby": "summary-title", tabindex: "-1" });
const summaryTitle = h("h2", { id: "summary-title", text: T("summary-title") });
const summaryCount = h("p", { id: "summary-count", role: "status" });
const summaryList = h("ul", { id: "summary-list" });
const dismiss = h("button", { type: "button", id: "geq-dismiss", text: T("dismiss"), hidden: true });
dismiss.addEventListener("click", () => {
  unreadable = undefined;
  notice.textContent = "";
  showFindings();
  form.querySelector<HTMLElement>("input, select, textarea")?.focus();
});
summary.append(summaryTitle, summaryCount, summaryList, dismiss);

const notice = h("div", { id: "notice", role: "status" });
/** Findings of a file that could not be opened, shown until the form is changed or the notice closed. */
let unreadable: { name: string; findings: PageFinding[] } | undefined;

function anchorOf(path: string): { box: HTMLElement; control?: Control } | undefined {
  for (let p = path; ;) {
    const hit = anchors.get(p);
    if (hit) return hit;
    if (p === "") return undefined;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut < 0 ? "" : p.slice(0, cut);
  }
}

function severityWord(f: PageFinding): string {
  return f.waived ? T("waived") : f.severity === "error" ? T("error") : T("warning");
}

/** The sentence as the command line prints it, with the rule's id a waiver names. */
function findingText(f: PageFinding): string {
  const similar = f.similar ? ` ${T("similar", { n: f.similar })}` : "";
  const waived = f.waived ? ` (${f.waived.reason})` : "";
  return `${f.message}${similar}${waived} [${f.rule}]`;
}

/**
 * The form has no box for a key it does not know (a typo in a file written by hand): the finding
 * offers to rename it to the key it most likely means, or to remove it.
 */
function keyFixes(f: PageFinding): HTMLElement[] {
  const unknown = f.unknownKey;
  if (!unknown) return [];
  const { path, renameTo } = unknown;
  const key = String(path[path.length - 1]);
  const fix = (text: string, act: () => JsonPath | undefined, said: string) => {
    const b = h("button", { type: "button", class: "fix", text });
    b.addEventListener("click", () => {
      const focus = act();
      changed(true, focus ? { path: focus, said } : { said });
    });
    return b;
  };
  const buttons = [
    fix(T("key-remove", { key }), () => void model.set(path, undefined), T("key-removed", { key })),
  ];
  if (renameTo !== undefined) {
    const target = [...path.slice(0, -1), renameTo];
    buttons.unshift(
      fix(
        T("key-rename", { key, to: renameTo }),
        () => {
          const value = valueAt(model.data, path);
          model.set(path, undefined);
          model.set(target, value);
          return target;
        },
        T("key-renamed", { key, to: renameTo }),
      ),
    );
  }
  return [h("div", { class: "fixes" }, ...buttons)];
}

function clearFindings(): void {
  for (const el of form.querySelectorAll(".msgs")) el.replaceChildren();
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll<HTMLElement>("[data-described]")) {
    el.setAttribute("aria-describedby", el.dataset.described ?? "");
    delete el.dataset.described;
  }
  for (const el of form.querySelectorAll(".has-error, .has-warning"))
    el.classList.remove("has-error", "has-warning");
}

function focusable(a: { box: HTMLElement; control?: Control }): HTMLElement {
  return a.control ?? a.box.querySelector<HTMLElement>("input, select, textarea, button") ?? a.box;
}

function showFindings(): void {
  clearFindings();
  const findings = unreadable ? unreadable.findings : model.findings();
  const counts = countBySeverity(findings);
  summaryCount.textContent = unreadable
    ? T("unreadable", { name: unreadable.name, errors: counts.errors })
    : counts.errors + counts.warnings + counts.waived === 0
      ? T("all-good")
      : T("counts", counts);
  summary.className = counts.errors ? "has-errors" : counts.warnings ? "has-warnings" : "clean";
  summaryList.replaceChildren();
  dismiss.hidden = unreadable === undefined;
  findings.forEach((f, i) => {
    const where = unreadable ? undefined : anchorOf(f.anchor);
    const id = `finding-${i}`;
    const severity = h("span", { class: "severity", text: `${severityWord(f)}: ` });
    const place = unreadable ? `${T("line", { line: f.line, column: f.column })} ` : "";
    let item: HTMLElement;
    if (where) {
      const control = focusable(where);
      // English messages do not name the field by its Vietnamese title: the path does, as on the command line.
      const field = lang === "en" && f.path ? `${f.path}: ` : "";
      const link = h("a", { href: `#${control.id}` }, severity, field, findingText(f));
      link.addEventListener("click", (e) => {
        e.preventDefault();
        control.focus();
        control.scrollIntoView({ block: "center" });
      });
      item = h("li", { class: f.severity }, link);
      const msgs = where.box.querySelector(":scope > .msgs")!;
      msgs.append(
        h(
          "p",
          { class: `finding ${f.severity}${f.waived ? " waived" : ""}`, id, "data-rule": f.rule },
          h("span", { class: "severity", text: `${severityWord(f)}: ` }),
          findingText(f),
        ),
        ...keyFixes(f),
      );
      where.box.classList.add(f.severity === "error" ? "has-error" : "has-warning");
      if (where.control) {
        if (f.severity === "error") where.control.setAttribute("aria-invalid", "true");
        const described = where.control.getAttribute("aria-describedby") ?? "";
        if (where.control.dataset.described === undefined) where.control.dataset.described = described;
        where.control.setAttribute(
          "aria-describedby",
          `${where.control.getAttribute("aria-describedby") ?? ""} ${id}`.trim(),
        );
      }
    } else {
      item = h(
        "li",
        { class: f.severity },
        severity,
        place,
        f.path ? `${f.path}: ` : "",
        findingText(f),
        ...(unreadable ? [] : keyFixes(f)),
      );
    }
    item.dataset.rule = f.rule;
    summaryList.append(item);
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** After a change: check again (at once for a structural change, else when typing pauses) and keep the draft. */
function changed(structural: boolean, focus?: { path?: JsonPath; add?: string; said?: string }): void {
  unreadable = undefined;
  if (structural) {
    renderForm();
    if (focus?.path) {
      const a = anchors.get(dotted(focus.path));
      if (a) focusable(a).focus();
    } else if (focus?.add) form.querySelector<HTMLElement>(`[data-add="${focus.add}"]`)?.focus();
    else if (focus?.said) summary.focus();
    if (focus?.said) notice.textContent = focus.said;
  }
  clearTimeout(timer);
  const run = () => {
    showFindings();
    saveDraft();
  };
  if (structural) run();
  else timer = setTimeout(run, 250);
}

function valueOf(control: Control): unknown {
  const text = control.value;
  switch (control.dataset.kind as Kind) {
    case "figure":
      return figureValue(text);
    case "flag":
      return text === "" ? undefined : text === "true";
    case "choice":
      return text === "" ? undefined : text;
    case "codes": {
      const codes = text.split(/[\s,;]+/).filter((c) => c !== "");
      return codes.length ? codes : undefined;
    }
    default:
      return text === "" ? undefined : text;
  }
}

function onInput(e: Event): void {
  const control = e.target as Control;
  if (!control.dataset?.path) return;
  if (control instanceof HTMLInputElement && control.type === "radio" && !control.checked) return;
  const path = JSON.parse(control.dataset.path) as JsonPath;
  const value = valueOf(control);
  // Choosing a unit from the registry names it too.
  if (dotted(path) === "unit.code" && settings.units) {
    const unit = settings.units.find((u) => u.code === value);
    model.set(["unit", "name"], unit?.name);
  }
  model.set(path, value);
  if (control instanceof HTMLInputElement) showMoney(control);
  changed(false);
}

// Every control reports its changes with `input` (boxes as they are typed in, choices as they are made).
form.addEventListener("input", onInput);

// ---------------------------------------------------------------- open, save, print, start over

function fileName(): string {
  const code = (valueAt(model.data, ["unit", "code"]) as string | undefined) ?? "";
  return `${/^[A-Za-z0-9_-]+$/.test(code) ? code.toLowerCase() : T("file-stem")}.yaml`;
}

function open(bytes: Uint8Array, name: string): boolean {
  const opened = model.open(bytes);
  if (!opened.ok) {
    unreadable = { name, findings: opened.findings };
    notice.textContent = T("open-failed", { name });
    showFindings();
    summary.focus();
    return false;
  }
  unreadable = undefined;
  renderForm();
  showFindings();
  saveDraft();
  notice.textContent = T("opened", { name });
  return true;
}

async function openFile(file: File): Promise<void> {
  open(new Uint8Array(await file.arrayBuffer()), file.name);
}

function save(): void {
  const blob = new Blob([model.yaml()], { type: "application/yaml" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: fileName() });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  const { errors } = countBySeverity(model.findings());
  notice.textContent = errors
    ? T("saved-with-errors", { name: fileName(), errors })
    : T("saved", { name: fileName() });
}

function startOver(): void {
  if (!window.confirm(T("start-over-confirm"))) return;
  dropDraft();
  model.replace(blank());
  unreadable = undefined;
  renderForm();
  showFindings();
  notice.textContent = T("started-over");
}

function toolbar(): HTMLElement {
  const picker = h("input", {
    type: "file",
    id: "geq-open-file",
    accept: ".yaml,.yml,text/yaml,application/yaml",
    class: "visually-hidden",
    tabindex: "-1",
    "aria-hidden": "true",
  });
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    if (file) void openFile(file);
    picker.value = "";
  });
  const button = (id: string, text: string, onClick: () => void) => {
    const b = h("button", { type: "button", id, text });
    b.addEventListener("click", onClick);
    return b;
  };
  return h(
    "div",
    { class: "toolbar", role: "group", "aria-label": T("toolbar") },
    button("geq-open", T("open"), () => picker.click()),
    picker,
    button("geq-save", T("save"), save),
    button("geq-print", T("print"), () => window.print()),
    button("geq-start-over", T("start-over"), startOver),
  );
}

// ---------------------------------------------------------------- print view

function printView(): HTMLElement {
  const data = model.data;
  const text = (v: unknown) =>
    v === undefined || v === null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);
  const people = (v: unknown) => {
    const p = v as { total?: unknown; female?: unknown } | undefined;
    return p && typeof p === "object" ? T("people", { total: text(p.total), female: text(p.female) }) : "—";
  };
  const line = (label: string, value: string) =>
    h("tr", {}, h("th", { scope: "row", text: label }), h("td", { text: value }));
  const table = (...rows: HTMLElement[]) => h("table", {}, h("tbody", {}, ...rows));
  const list = (v: unknown) =>
    Array.isArray(v) && v.length
      ? h("ul", {}, ...v.map((x) => h("li", { text: text(x) })))
      : h("p", { text: "—" });
  const at = (...path: JsonPath) => valueAt(data, path);
  const period = at("period");
  const out = h(
    "div",
    { id: "print-view" },
    h("h1", { text: document.title }),
    table(
      line(T("unit"), `${text(at("unit", "code"))} – ${text(at("unit", "name"))}`),
      line(T("year"), text(at("year"))),
      line(
        T("period"),
        period === "annual" || period === "semi-annual" ? catalog.periods[period].label : text(period),
      ),
      line(T("submitted"), text(at("submitted"))),
      line(T("reference"), text(at("reference"))),
      line(
        T("signer"),
        [at("signer", "authority"), at("signer", "position"), at("signer", "name")]
          .filter(Boolean)
          .map(text)
          .join(" – ") || "—",
      ),
      line(
        T("contact"),
        [at("contact", "name"), at("contact", "position"), at("contact", "phone"), at("contact", "email")]
          .filter(Boolean)
          .map(text)
          .join(" – ") || "—",
      ),
    ),
    h("h2", { text: T("staff") }),
    table(...catalog.staff.map((s) => line(s.label, people(at("staff", s.key))))),
  );
  for (const g of catalog.groups) {
    out.append(h("h2", { text: `${g.number}. ${g.short}` }));
    for (const task of g.tasks) {
      const t = (at("tasks", g.key, task.key) ?? {}) as Data;
      const status =
        typeof t.status === "string" && (STATUSES as readonly string[]).includes(t.status)
          ? T(`status-${t.status as (typeof STATUSES)[number]}`)
          : text(t.status);
      out.append(
        h("h3", { text: task.short }),
        table(
          line(T("status"), status),
          line(T("summary"), text(t.summary)),
          ...task.indicators.map((ind) =>
            line(
              ind.label,
              ind.type === "people"
                ? people(t[ind.key])
                : ind.type === "money" && typeof t[ind.key] === "number"
                  ? `${formatNumber(t[ind.key] as number)} ${T("dong")}`
                  : text(t[ind.key]),
            ),
          ),
        ),
      );
    }
  }
  const activities = listOf(["activities"]) as Data[];
  out.append(h("h2", { text: T("activities") }));
  out.append(
    activities.length
      ? table(
          ...activities.map((a, i) =>
            line(
              `${i + 1}. ${text(a?.date)}`,
              [
                text(a?.title),
                a?.participants ? people(a.participants) : "",
                Array.isArray(a?.with) ? `${T("activity-with")}: ${a.with.join(", ")}` : "",
              ]
                .filter(Boolean)
                .join(" – "),
            ),
          ),
        )
      : h("p", { text: "—" }),
  );
  const money = (v: unknown) => (typeof v === "number" ? `${formatNumber(v)} ${T("dong")}` : text(v));
  out.append(
    h("h2", { text: T("budget") }),
    table(
      line(T("budget-planned"), money(at("budget", "planned_vnd"))),
      line(T("budget-spent"), money(at("budget", "spent_vnd"))),
    ),
    h("h2", { text: T("assessment") }),
    h("h3", { text: T("strengths") }),
    list(at("assessment", "strengths")),
    h("h3", { text: T("limitations") }),
    list(at("assessment", "limitations")),
    h("h3", { text: T("causes") }),
    list(at("assessment", "causes")),
    h("h2", { text: T("next-steps") }),
    list(at("next_steps")),
    h("h2", { text: T("recommendations") }),
    list(at("recommendations")),
  );
  const waivers = listOf(["waivers"]) as Data[];
  if (waivers.length)
    out.append(
      h("h2", { text: T("waivers") }),
      table(...waivers.map((w) => line(text(w?.rule), text(w?.reason)))),
    );
  return out;
}

window.addEventListener("beforeprint", () => {
  document.getElementById("print-view")?.remove();
  document.body.append(printView());
});
window.addEventListener("afterprint", () => document.getElementById("print-view")?.remove());

// ---------------------------------------------------------------- start

function dropZone(): void {
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes("Files")) return;
    e.preventDefault();
    document.body.classList.add("dragging");
  };
  document.addEventListener("dragenter", over);
  document.addEventListener("dragover", over);
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    document.body.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void openFile(file);
  });
}

function start(): void {
  const app = document.getElementById("app")!;
  const periodWords = fixed.period ? ` ${catalog.periods[fixed.period].label}` : "";
  const title = T("title", { period: periodWords, year: fixed.year ?? catalog.year });
  document.title = title;
  const draft = readDraft();
  if (draft) {
    model.replace(draft.data);
    notice.textContent = T("draft-restored", { at: draft.at.slice(0, 16).replace("T", " ") });
  }
  renderForm();
  app.replaceChildren(
    h("a", { class: "skip", href: "#summary", text: T("skip") }),
    h(
      "header",
      {},
      h("h1", { text: title }),
      h("p", {
        class: "intro",
        text: T("intro", { issuer: catalog.letter.issuer, subject: catalog.letter.subject }),
      }),
      toolbar(),
      h("p", { class: "hint", text: T("drop-hint") }),
      notice,
    ),
    h("main", {}, summary, form),
  );
  showFindings();
  dropZone();
}

window.geq = {
  load(yamlText: string): boolean {
    return open(new TextEncoder().encode(yamlText), T("loaded-text"));
  },
  yaml: () => model.yaml(),
  findings: () => (unreadable ? unreadable.findings : model.findings()).map(publicFinding),
};

start();
