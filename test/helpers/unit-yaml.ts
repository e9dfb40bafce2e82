/**
 * Unit files as YAML text, for tests of reading and validation: a complete, realistic file of the
 * 2022 catalogue (every group and sub-task, mixed statuses, no warnings), edits by dotted path or by
 * a function on the data, and the line/column of a key or value in the produced text.
 */
import { readFileSync } from "node:fs";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";
import type { Node as YamlNode } from "yaml";

export type Path = (string | number)[];
/** Plain YAML data as tests build and mutate it. */
export type Data = { [key: string]: Value };
export type Value = string | number | boolean | null | Value[] | Data;

/** Remove the key an edit names. */
export const DELETE = Symbol("delete");
export type Edits = Record<string, Value | typeof DELETE>;
export type Edit = Edits | ((doc: Data) => void);

export const MODELINE = "# yaml-language-server: $schema=../../schemas/unit-report.schema.json";

/** A complete, valid unit file: all 5 groups and 15 sub-tasks, statuses mixed, zero warnings. */
export function validUnit(): Data {
  return {
    format: "geq/unit-report/v1",
    unit: { code: "VKT", name: "Viện Kinh tế xây dựng" },
    year: 2022,
    period: "semi-annual",
    submitted: "2022-06-08",
    reference: "125/BC-VKT",
    signer: { authority: "KT. VIỆN TRƯỞNG", position: "PHÓ VIỆN TRƯỞNG", name: "Trần Văn Minh" },
    contact: {
      name: "Nguyễn Thị Lan",
      position: "Phó Trưởng Ban vì sự tiến bộ của phụ nữ",
      phone: "024 3976 0000",
      email: "lan.nt@vkt.example.vn",
    },
    staff: {
      employees: { total: 142, female: 77 },
      unit_leaders: { total: 4, female: 1 },
      division_leaders: { total: 24, female: 10 },
      succession_pool: { total: 30, female: 13 },
    },
    tasks: {
      coordination: {
        policy: {
          status: "done",
          summary:
            "Ban hành Kế hoạch số 15/KH-VKT ngày 20/4/2022 triển khai công tác bình đẳng giới năm 2022.",
          documents_issued: 2,
        },
        law_review: {
          status: "in_progress",
          summary: "Đang tổng hợp ý kiến góp ý của các phòng chuyên môn.",
          proposals: 0,
        },
        national_programs: {
          status: "done",
          summary: "Ban hành kế hoạch triển khai Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030.",
          plans_issued: 1,
        },
        mainstreaming: {
          status: "done",
          summary: "Lồng ghép chỉ tiêu bình đẳng giới vào kế hoạch công tác năm của Viện.",
          plans_mainstreamed: 3,
        },
        covid_recovery: {
          status: "done",
          summary: "Hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19.",
          beneficiaries: { total: 40, female: 25 },
          support_vnd: 20000000,
        },
        gbv_response: {
          status: "not_applicable",
          summary: "Không phát sinh vụ việc.",
          cases_reported: 0,
          cases_resolved: 0,
          victims_supported: 0,
        },
      },
      female_cadres: {
        leadership_review: {
          status: "done",
          summary: "Rà soát đội ngũ cán bộ nữ lãnh đạo, quản lý; ban hành kế hoạch đào tạo, bồi dưỡng.",
          plans_issued: 1,
        },
        leadership_training: {
          status: "in_progress",
          summary: "Cử cán bộ nữ tham gia lớp bồi dưỡng kỹ năng lãnh đạo.",
          classes: 1,
          participants: { total: 12, female: 12 },
        },
        political_communication: {
          status: "done",
          summary: "Tổ chức hội nghị tuyên truyền về vai trò của phụ nữ trong lãnh đạo, quản lý.",
          events: 1,
          participants: { total: 60, female: 41 },
        },
      },
      communication: {
        dissemination: {
          status: "done",
          summary: "Phổ biến Luật Bình đẳng giới; đăng tin trên cổng thông tin điện tử của Viện.",
          events: 2,
          participants: { total: 150, female: 90 },
          online_items: 4,
        },
        committee_training: { status: "not_started", classes: 0, forums: 0 },
        action_months: {
          status: "in_progress",
          summary: "Hưởng ứng Tháng hành động quốc gia về phòng, chống bạo lực gia đình.",
          events: 1,
          participants: { total: 70, female: 45 },
        },
      },
      inspection: {
        inspection: {
          status: "in_progress",
          summary: "Ban hành kế hoạch kiểm tra; đã kiểm tra một đơn vị trực thuộc.",
          plan_issued: true,
          inspections: 1,
          cross_inspections: 0,
        },
      },
      committee: {
        planning: {
          status: "done",
          summary: "Ban hành kế hoạch hoạt động năm 2022 của Ban vì sự tiến bộ của phụ nữ.",
          documents_issued: 1,
        },
        consolidation: {
          status: "done",
          summary: "Kiện toàn Ban vì sự tiến bộ của phụ nữ của Viện.",
          decision: "Quyết định số 12/QĐ-VKT ngày 15/3/2022",
          members: { total: 9, female: 6 },
        },
      },
    },
    activities: [
      {
        date: "2022-03-08",
        group: "communication",
        title: "Tọa đàm kỷ niệm 112 năm Ngày Quốc tế Phụ nữ 8/3",
        participants: { total: 80, female: 61 },
      },
      { date: "2022-05-20", group: "female_cadres", title: "Hội nghị tuyên truyền về bình đẳng giới" },
    ],
    budget: { planned_vnd: 50000000, spent_vnd: 21500000 },
    assessment: {
      strengths: ["Lãnh đạo Viện quan tâm, chỉ đạo sát sao công tác bình đẳng giới."],
      limitations: ["Kinh phí cho hoạt động còn hạn chế."],
      causes: ["Nhiệm vụ chuyên môn nhiều, thời gian dành cho hoạt động của Ban chưa nhiều."],
    },
    next_steps: ["Tiếp tục tổ chức lớp bồi dưỡng cho cán bộ nữ trong diện quy hoạch."],
    recommendations: ["Đề nghị Bộ bố trí kinh phí tập huấn nghiệp vụ cho thành viên Ban."],
  };
}

/** A valid configuration with a registry of three units (VKT among them). */
export function validConfig(): Data {
  return {
    format: "geq/config/v1",
    catalog: "2022",
    issuer: { parent: "", name: "Bộ Xây dựng", abbreviation: "BXD", place: "Hà Nội" },
    signer: { authority: "KT. BỘ TRƯỞNG", position: "THỨ TRƯỞNG", name: "Nguyễn Văn Sinh" },
    recipients: ["Bộ trưởng (để b/c)", "Các đơn vị thuộc Bộ", "Lưu: VT, TCCB"],
    units: [
      { code: "VP", name: "Văn phòng Bộ" },
      { code: "VKT", name: "Viện Kinh tế xây dựng" },
      { code: "CGD", name: "Cục Giám định nhà nước về chất lượng công trình xây dựng" },
    ],
  };
}

function parsePath(dotted: string): Path {
  return dotted.split(".").map((p) => (/^(0|[1-9][0-9]*)$/.test(p) ? Number(p) : p));
}

/** Sets (or with DELETE removes) the value at a dotted path, creating mappings on the way. */
export function setPath(doc: Data, dotted: string, value: Value | typeof DELETE): void {
  const path = parsePath(dotted);
  let node: Data | Value[] = doc;
  for (const step of path.slice(0, -1)) {
    const container = node as Record<string | number, Value>;
    let next = container[step];
    if (next === undefined || next === null || typeof next !== "object") {
      next = {};
      container[step] = next;
    }
    node = next;
  }
  const last = path[path.length - 1]!;
  const container = node as Record<string | number, Value>;
  if (value === DELETE) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete container[last];
  } else {
    // defineProperty keeps a key such as __proto__ an ordinary own key.
    Object.defineProperty(container, last, { value, enumerable: true, writable: true, configurable: true });
  }
}

export function applyEdit(doc: Data, edit?: Edit): Data {
  if (typeof edit === "function") edit(doc);
  else if (edit) for (const [path, value] of Object.entries(edit)) setPath(doc, path, value);
  return doc;
}

/** YAML text of any data, with the editor modeline on top. */
export function toYaml(doc: unknown, { modeline = true } = {}): string {
  return (modeline ? `${MODELINE}\n` : "") + stringify(doc, { lineWidth: 0 });
}

/** The built-in 2022 catalogue as a catalogue file would write it (no built-in id), after the given edits. */
export function catalogYaml(edit?: Edit): string {
  const builtIn = JSON.parse(
    readFileSync(new URL("../../schemas/catalog-2022.json", import.meta.url), "utf8"),
  ) as Data;
  delete builtIn.id;
  return toYaml(applyEdit(builtIn, edit), { modeline: false });
}

/** The valid unit file as YAML text, after the given edits. */
export function unitYaml(edit?: Edit): string {
  return toYaml(applyEdit(validUnit(), edit));
}

export function configYaml(edit?: Edit): string {
  return toYaml(applyEdit(validConfig(), edit), { modeline: false });
}

export interface Position {
  line: number;
  column: number;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function nodeAt(text: string, path: Path, key: boolean): YamlNode {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false });
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) throw new Error(`no key ${String(step)} at ${path.slice(0, i).join(".")}`);
      if (key && i === path.length - 1) return pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
    } else throw new Error(`cannot follow ${path.join(".")}`);
  }
  if (!node || typeof node !== "object" || !("range" in node))
    throw new Error(`no node at ${path.join(".")}`);
  return node as YamlNode;
}

/** 1-based line and column where the value at `path` starts in `text`. */
export function valuePosition(text: string, path: Path | string): Position {
  const p = typeof path === "string" ? parsePath(path) : path;
  return positionAt(text, nodeAt(text, p, false).range![0]);
}

/** 1-based line and column of the key of the entry at `path`. */
export function keyPosition(text: string, path: Path | string): Position {
  const p = typeof path === "string" ? parsePath(path) : path;
  return positionAt(text, nodeAt(text, p, true).range![0]);
}

/** 1-based line and column of the n-th (0-based) occurrence of `needle` in `text`. */
export function textPosition(text: string, needle: string, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  return positionAt(text, at);
}
