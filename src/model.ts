/** Shared data types of geq: the guidance catalogue, unit files, configuration, diagnostics. */

export type PeriodKey = "semi-annual" | "annual";
export const PERIOD_KEYS: readonly PeriodKey[] = ["semi-annual", "annual"];

export type TaskStatus = "not_started" | "in_progress" | "done" | "not_applicable";
export const TASK_STATUSES: readonly TaskStatus[] = ["not_started", "in_progress", "done", "not_applicable"];

export type IndicatorType = "count" | "people" | "money" | "flag" | "text";

export interface Indicator {
  key: string;
  type: IndicatorType;
  label: string;
  /** Wording for running text in reports; `{n}` is replaced by the formatted figure. */
  phrase: string;
  /** The consolidated report's wording when the unit's does not sum (`Ban có {n} thành viên`). */
  phrase_all?: string;
}

/**
 * A relation the letter sets between two figures of one sub-task (`cases_resolved <= cases_reported`),
 * checked on every unit file by one rule. `rule` keeps a relation's own stable id where it had one.
 */
export interface Relation {
  left: string;
  op: RelationOp;
  right: string;
  rule?: string;
}
export type RelationOp = "<=" | "<" | ">=" | ">" | "=";
export const RELATION_OPS: readonly RelationOp[] = ["<=", "<", ">=", ">", "="];

export interface TaskDef {
  key: string;
  short: string;
  /** The guidance letter's own wording. */
  text: string;
  /** How `not_applicable` reads for this sub-task (`không phát sinh vụ việc`); `không áp dụng` by default. */
  not_applicable?: string;
  indicators: Indicator[];
  relations?: Relation[];
}

export interface GroupDef {
  key: string;
  number: number;
  title: string;
  short: string;
  tasks: TaskDef[];
}

/**
 * Whether a file received on the deadline day itself is on time: the letter's "trước ngày 10/6/2022"
 * read literally makes it late; "chậm nhất ngày 10/6/2022" makes it on time.
 */
export type DeadlineDay = "on-time" | "late";

export interface PeriodDef {
  label: string;
  title: string;
  slug: string;
  window: { from: string; to: string };
  deadline: string;
}

export interface Catalog {
  format: "geq/catalog/v1";
  id: string;
  year: number;
  /** The guidance letter; its number, when the catalogue knows it, is the default of the configuration's. */
  letter: { issuer: string; subject: string; date: string; number?: string };
  /** How the letter words its deadlines; a configuration may override it. */
  deadline_day: DeadlineDay;
  parent: string;
  receiver: string;
  periods: Record<PeriodKey, PeriodDef>;
  action_months: { title: string; from: string; to: string }[];
  targets: { succession_pool_female_share: { threshold: number; by: number; source: string } };
  staff: { key: StaffKey; label: string; short: string }[];
  groups: GroupDef[];
  budget_source: string;
  /** Where a catalogue file was read from (the configuration's `catalog`); absent for a built-in one. */
  file?: string;
}

export interface People {
  total: number;
  female: number;
}

export type StaffKey = "employees" | "unit_leaders" | "division_leaders" | "succession_pool";
export const STAFF_KEYS: readonly StaffKey[] = [
  "employees",
  "unit_leaders",
  "division_leaders",
  "succession_pool",
];

export interface Signer {
  authority?: string;
  position: string;
  name: string;
}

export type IndicatorValue = number | People | boolean | string;

export interface TaskReport {
  status: TaskStatus;
  summary?: string;
  [indicator: string]: IndicatorValue | undefined;
}

export interface Activity {
  date: string;
  group: string;
  title: string;
  participants?: People;
  /** Partner units' codes of a joint activity: the report shows it once, naming all partners. */
  with?: string[];
}

export interface Waiver {
  rule: string;
  reason: string;
}

/** A unit progress file (`geq/unit-report/v1`) after validation, text normalised to NFC. */
export interface UnitReport {
  format: "geq/unit-report/v1";
  unit: { code: string; name: string };
  year: number;
  period: PeriodKey;
  submitted: string;
  reference?: string;
  signer?: Signer;
  contact?: { name?: string; position?: string; phone?: string; email?: string };
  staff: Record<StaffKey, People>;
  tasks: Record<string, Record<string, TaskReport>>;
  activities?: Activity[];
  budget?: { planned_vnd?: number; spent_vnd?: number };
  assessment?: { strengths?: string[]; limitations?: string[]; causes?: string[] };
  next_steps?: string[];
  recommendations?: string[];
  waivers?: Waiver[];
}

/** advisory: Vụ, Cục, Thanh tra, Văn phòng, whose work reaches the whole sector; service: institutes, schools… */
export type UnitKind = "advisory" | "service";

export interface RegistryUnit {
  code: string;
  name: string;
  kind?: UnitKind;
}

/** A document cited in the report's opening: the guidance letter, or the request being answered. */
export interface CitedDocument {
  number: string;
  date?: string;
  issuer?: string;
  subject?: string;
}

/** external: to the bodies in `addressee`; internal: to the ministry's leaders, with Phụ lục II and units' requests. */
export type Audience = "external" | "internal";

/** The project configuration (`geq/config/v1`). */
export interface Config {
  format: "geq/config/v1";
  catalog: string;
  issuer: { parent?: string; name: string; abbreviation: string; place: string };
  /** The guidance letter the units answer: its number (date, issuer, subject default to the catalogue's). */
  letter?: CitedDocument;
  /** The request this report answers, cited first when present. */
  request?: CitedDocument & { date: string; issuer: string };
  audience?: Audience;
  /** The issuer's own proposals (section V). */
  proposals?: string[];
  deadlines?: Partial<Record<PeriodKey, string>>;
  deadline_day?: DeadlineDay;
  addressee?: string;
  date?: string;
  signer: Signer;
  recipients: string[];
  /** Nơi nhận of the report for internal use (`--audience internal`). */
  internal_recipients?: string[];
  units: RegistryUnit[];
}

export type Severity = "error" | "warning";

/** One finding about an input file. Positions are 1-based; 0 when the finding concerns no single node. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** JSON path of the offending node, dotted (`tasks.coordination.policy.status`); empty for the whole file. */
  path: string;
  rule: string;
  message: string;
  /** Set when the file lists this warning's rule under `waivers`. */
  waived?: { reason: string };
  /**
   * How many more findings of this rule in this file follow, not listed one by one (`capRepeats`);
   * they count in every total.
   */
  similar?: number;
}

export type Lang = "vi" | "en";
