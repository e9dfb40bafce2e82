import type { Catalog, Indicator } from "../model.js";
import { PERIOD_KEYS } from "../model.js";

/** JSON Schema (draft-07) of unit files and the configuration, derived from a guidance catalogue. */

type Schema = Record<string, unknown>;

const DRAFT = "http://json-schema.org/draft-07/schema#";
export const UNIT_CODE_PATTERN = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const TEXT_MAX = 4000;

export const STATUS_LABELS: Record<string, string> = {
  not_started: "chưa triển khai",
  in_progress: "đang triển khai",
  done: "đã hoàn thành",
  not_applicable: "không phát sinh / không áp dụng",
};

export const PERIOD_LABELS: Record<string, string> = {
  "semi-annual": "sơ kết 6 tháng đầu năm",
  annual: "tổng kết năm",
};

const DEADLINE_DAY_LABELS: Record<string, string> = {
  "on-time": "báo cáo đến đúng ngày hạn vẫn là đúng hạn (văn bản ghi «chậm nhất ngày …»)",
  late: "báo cáo đến đúng ngày hạn là chậm 1 ngày (văn bản ghi «trước ngày …»)",
};

const AUDIENCE_LABELS: Record<string, string> = {
  external: "gửi các cơ quan ở dòng Kính gửi, không kèm Phụ lục II và kiến nghị của các đơn vị",
  internal:
    "phục vụ lãnh đạo Bộ, kèm Phụ lục II (tình hình gửi báo cáo của từng đơn vị) và kiến nghị của các đơn vị",
};

const UNIT_KIND_LABELS: Record<string, string> = {
  advisory:
    "đơn vị tham mưu (Vụ, Cục, Thanh tra, Văn phòng), có kết quả được nêu trước tiên trong các ví dụ của báo cáo",
  service: "đơn vị sự nghiệp (Viện, Trường, Báo, Học viện…)",
};

function unitCode(title: string, description: string): Schema {
  return { title, description, type: "string", pattern: UNIT_CODE_PATTERN };
}

function text(title: string, description?: string): Schema {
  return {
    title,
    description: description ?? `${title}. Văn bản, không để trống, tối đa ${TEXT_MAX} ký tự.`,
    type: "string",
    minLength: 1,
    maxLength: TEXT_MAX,
  };
}

/**
 * Ceilings far above any unit's figures that keep every sum over a thousand units an exact integer
 * (below 2^53): 10 million people or items, 1,000 billion đồng.
 */
export const MAX_COUNT = 10_000_000;
export const MAX_VND = 1_000_000_000_000;

function count(title: string, description?: string): Schema {
  return {
    title,
    description: description ?? `${title}: số nguyên, từ 0 trở lên.`,
    type: "integer",
    minimum: 0,
    maximum: MAX_COUNT,
  };
}

function money(title: string): Schema {
  return {
    title,
    description: `${title}: số nguyên, tính bằng đồng, viết liền không dấu phân cách (ví dụ 21500000).`,
    type: "integer",
    minimum: 0,
    maximum: MAX_VND,
  };
}

function date(title: string, description: string): Schema {
  return {
    title,
    description: `${description} Định dạng YYYY-MM-DD.`,
    type: "string",
    pattern: DATE_PATTERN,
  };
}

function people(title: string, description?: string): Schema {
  return {
    title,
    description: description ?? `${title}: tổng số và số nữ (số nữ không lớn hơn tổng số).`,
    type: "object",
    additionalProperties: false,
    required: ["total", "female"],
    properties: {
      total: count("Tổng số"),
      female: count("Trong đó nữ", "Số nữ: số nguyên, từ 0 trở lên, không lớn hơn tổng số."),
    },
  };
}

function textList(title: string, description: string): Schema {
  return { title, description, type: "array", items: text(title) };
}

function object(
  title: string,
  description: string,
  properties: Record<string, Schema>,
  required: string[] = [],
) {
  return {
    title,
    description,
    type: "object",
    additionalProperties: false,
    patternProperties: { "^x-": {} },
    ...(required.length ? { required } : {}),
    properties,
  };
}

function signer(description: string): Schema {
  return object(
    "Người ký",
    description,
    {
      authority: text(
        "Quyền hạn ký",
        "Quyền hạn ký, nếu có: KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); ví dụ KT. BỘ TRƯỞNG.",
      ),
      position: text("Chức vụ người ký", "Chức vụ của người ký, ví dụ THỨ TRƯỞNG."),
      name: text("Họ và tên người ký"),
    },
    ["position", "name"],
  );
}

function indicator(ind: Indicator): Schema {
  switch (ind.type) {
    case "count":
      return count(ind.label);
    case "people":
      return people(ind.label);
    case "money":
      return money(ind.label);
    case "flag":
      return {
        title: ind.label,
        description: `${ind.label}: true (có) hoặc false (không).`,
        type: "boolean",
      };
    case "text":
      return text(ind.label);
  }
}

function enumOf(title: string, labels: Record<string, string>, intro: string): Schema {
  const values = Object.keys(labels);
  return {
    title,
    description: `${intro} ${values.map((v) => `${v} = ${labels[v]}`).join("; ")}.`,
    type: "string",
    enum: values,
    enumDescriptions: values.map((v) => labels[v]),
  };
}

export function unitReportSchema(catalog: Catalog): Schema {
  const statusSchema = enumOf("Tình trạng thực hiện", STATUS_LABELS, "Tình trạng thực hiện nhiệm vụ:");
  const groups: Record<string, Schema> = {};
  for (const group of catalog.groups) {
    const tasks: Record<string, Schema> = {};
    for (const task of group.tasks) {
      const props: Record<string, Schema> = {
        status: statusSchema,
        summary: text(
          "Kết quả thực hiện",
          "Tóm tắt kết quả thực hiện; bắt buộc khi tình trạng là done (đã hoàn thành) hoặc in_progress (đang triển khai).",
        ),
      };
      for (const ind of task.indicators) props[ind.key] = indicator(ind);
      tasks[task.key] = {
        ...object(task.short, task.text, props, ["status"]),
        if: { properties: { status: { enum: ["done", "in_progress"] } }, required: ["status"] },
        then: { required: ["summary"] },
      };
    }
    groups[group.key] = object(
      `${group.number}. ${group.short}`,
      `${group.number}. ${group.title}`,
      tasks,
      group.tasks.map((t) => t.key),
    );
  }
  const staffProps: Record<string, Schema> = {};
  for (const s of catalog.staff) staffProps[s.key] = people(s.label);
  const sp = catalog.periods["semi-annual"];
  const an = catalog.periods.annual;

  return {
    $schema: DRAFT,
    title: "Báo cáo tiến độ công tác bình đẳng giới và vì sự tiến bộ của phụ nữ của đơn vị",
    description: `Tệp tiến độ của một đơn vị cho một kỳ báo cáo (geq/unit-report/v1), theo hướng dẫn năm ${catalog.year} của ${catalog.letter.issuer}.`,
    type: "object",
    additionalProperties: false,
    patternProperties: { "^x-": {} },
    required: ["format", "unit", "year", "period", "submitted", "staff", "tasks"],
    properties: {
      format: {
        title: "Phiên bản định dạng",
        description: "Phiên bản định dạng tệp; luôn là geq/unit-report/v1.",
        const: "geq/unit-report/v1",
      },
      unit: object(
        "Đơn vị",
        "Đơn vị báo cáo.",
        {
          code: unitCode(
            "Mã đơn vị",
            "Mã đơn vị theo danh sách đơn vị của cấu hình: chữ in hoa không dấu, chữ số, gạch ngang hoặc gạch dưới, tối đa 32 ký tự (ví dụ VKT).",
          ),
          name: text("Tên đơn vị"),
        },
        ["code", "name"],
      ),
      year: {
        title: "Năm báo cáo",
        description: "Năm của kỳ báo cáo, số nguyên (ví dụ 2022).",
        type: "integer",
        minimum: 2000,
        maximum: 2100,
      },
      period: enumOf("Kỳ báo cáo", PERIOD_LABELS, "Kỳ báo cáo:"),
      submitted: date(
        "Ngày gửi báo cáo",
        `Ngày gửi báo cáo; thời hạn tính theo dấu công văn đến (hạn sơ kết ${sp.deadline}, hạn tổng kết ${an.deadline}).`,
      ),
      reference: text("Số, ký hiệu văn bản", "Số và ký hiệu văn bản báo cáo của đơn vị, ví dụ 125/BC-VKT."),
      signer: signer("Người ký báo cáo của đơn vị."),
      contact: object("Đầu mối liên hệ", "Người đầu mối của Ban vì sự tiến bộ của phụ nữ.", {
        name: text("Họ và tên người liên hệ"),
        position: text("Chức vụ người liên hệ"),
        phone: text("Số điện thoại"),
        email: text("Thư điện tử"),
      }),
      staff: object(
        "Số liệu cán bộ",
        "Số liệu cán bộ tại thời điểm chốt số liệu.",
        staffProps,
        catalog.staff.map((s) => s.key),
      ),
      tasks: object(
        "Kết quả thực hiện nhiệm vụ",
        `Năm nhóm nhiệm vụ của hướng dẫn năm ${catalog.year}; mỗi nhóm có đủ các nhiệm vụ.`,
        groups,
        catalog.groups.map((g) => g.key),
      ),
      activities: {
        title: "Các hoạt động",
        description: "Các hoạt động đã tổ chức trong kỳ, liệt kê trong phụ lục của báo cáo.",
        type: "array",
        items: object(
          "Hoạt động",
          "Một hoạt động đã tổ chức.",
          {
            date: date("Ngày tổ chức", "Ngày tổ chức hoạt động, trong kỳ báo cáo và không sau ngày gửi."),
            group: {
              title: "Nhóm nhiệm vụ",
              description: `Nhóm nhiệm vụ của hoạt động: ${catalog.groups.map((g) => `${g.key} = ${g.number}. ${g.short}`).join("; ")}.`,
              type: "string",
              enum: catalog.groups.map((g) => g.key),
              enumDescriptions: catalog.groups.map((g) => `${g.number}. ${g.short}`),
            },
            title: text("Tên hoạt động"),
            participants: people("Số người tham gia"),
            with: {
              title: "Đơn vị phối hợp",
              description:
                "Hoạt động phối hợp (kiểm tra chéo, giao lưu…): mã các đơn vị cùng tổ chức, không gồm chính đơn vị báo cáo. Báo cáo tổng hợp nêu hoạt động một lần, kèm tên mọi đơn vị tham gia.",
              type: "array",
              minItems: 1,
              uniqueItems: true,
              items: unitCode(
                "Mã đơn vị phối hợp",
                "Mã đơn vị phối hợp theo danh sách đơn vị của cấu hình (ví dụ DHXD).",
              ),
            },
          },
          ["date", "group", "title"],
        ),
      },
      budget: object("Kinh phí", `Kinh phí hoạt động theo ${catalog.budget_source}.`, {
        planned_vnd: money("Kinh phí dự toán (đồng)"),
        spent_vnd: money("Kinh phí đã sử dụng (đồng)"),
      }),
      assessment: object("Đánh giá chung", "Đánh giá chung của đơn vị.", {
        strengths: textList("Ưu điểm", "Các ưu điểm, mỗi ý một dòng."),
        limitations: textList("Hạn chế", "Các hạn chế, mỗi ý một dòng."),
        causes: textList("Nguyên nhân", "Nguyên nhân của hạn chế, mỗi ý một dòng."),
      }),
      next_steps: textList("Phương hướng, nhiệm vụ", "Phương hướng, nhiệm vụ kỳ tới, mỗi ý một dòng."),
      recommendations: textList("Kiến nghị, đề xuất", "Kiến nghị, đề xuất, mỗi ý một dòng."),
      waivers: {
        title: "Giải trình cảnh báo",
        description:
          "Các cảnh báo đơn vị đã biết và giải trình lý do; cảnh báo được giải trình không làm hỏng lần kiểm tra --strict.",
        type: "array",
        items: object(
          "Giải trình",
          "Giải trình một cảnh báo.",
          {
            rule: {
              title: "Mã cảnh báo",
              description: "Mã của cảnh báo được giải trình, ví dụ late-submission.",
              type: "string",
              pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
            },
            reason: text("Lý do"),
          },
          ["rule", "reason"],
        ),
      },
    },
  };
}

export function configSchema(catalogIds: readonly string[]): Schema {
  const deadlines: Record<string, Schema> = {};
  for (const p of PERIOD_KEYS)
    deadlines[p] = date(`Hạn ${PERIOD_LABELS[p]}`, `Hạn gửi báo cáo ${PERIOD_LABELS[p]}.`);
  return {
    $schema: DRAFT,
    title: "Cấu hình geq",
    description:
      "Cấu hình của cơ quan tổng hợp báo cáo (geq/config/v1): cơ quan ban hành, người ký, nơi nhận, danh sách đơn vị phải báo cáo.",
    type: "object",
    additionalProperties: false,
    patternProperties: { "^x-": {} },
    required: ["format", "catalog", "issuer", "signer", "recipients", "units"],
    properties: {
      format: { title: "Phiên bản định dạng", description: "Luôn là geq/config/v1.", const: "geq/config/v1" },
      catalog: {
        title: "Hướng dẫn năm",
        description: `Hướng dẫn của năm (nhóm nhiệm vụ, kỳ báo cáo, thời hạn): mã một hướng dẫn có sẵn (${catalogIds.join(", ")}), hoặc đường dẫn tới tệp hướng dẫn .yaml (geq/catalog/v1), tính từ thư mục của tệp cấu hình, ví dụ ./huong-dan-2023.yaml.`,
        type: "string",
        minLength: 1,
        maxLength: 1024,
      },
      issuer: object(
        "Cơ quan ban hành",
        "Cơ quan ban hành báo cáo tổng hợp.",
        {
          parent: {
            title: "Cơ quan chủ quản",
            description: "Tên cơ quan chủ quản, in phía trên tên cơ quan ban hành; để trống nếu không có.",
            type: "string",
            maxLength: TEXT_MAX,
          },
          name: text("Tên cơ quan ban hành"),
          abbreviation: {
            title: "Chữ viết tắt tên cơ quan",
            description:
              "Chữ viết tắt tên cơ quan dùng trong số, ký hiệu văn bản (ví dụ BXD trong …/BC-BXD).",
            type: "string",
            pattern: "^[A-ZĐ0-9][A-ZĐ0-9-]{0,31}$",
          },
          place: text("Địa danh", "Địa danh ghi trước ngày tháng năm ban hành, ví dụ Hà Nội."),
        },
        ["name", "abbreviation", "place"],
      ),
      letter: object(
        "Văn bản hướng dẫn",
        "Văn bản hướng dẫn của năm mà các đơn vị thực hiện và báo cáo; ngày, cơ quan ban hành và trích yếu mặc định lấy theo hướng dẫn năm (catalog), số văn bản do cấu hình ghi.",
        {
          number: text(
            "Số, ký hiệu văn bản hướng dẫn",
            "Số và ký hiệu văn bản hướng dẫn, ví dụ 1234/BXD-TCCB.",
          ),
          date: date(
            "Ngày ban hành văn bản hướng dẫn",
            "Ngày ban hành, nếu khác ngày ghi trong hướng dẫn năm.",
          ),
          issuer: text("Cơ quan ban hành văn bản hướng dẫn"),
          subject: text("Trích yếu văn bản hướng dẫn", "Trích yếu nội dung của văn bản hướng dẫn (V/v …)."),
        },
        ["number"],
      ),
      request: object(
        "Văn bản đề nghị báo cáo",
        "Văn bản của cơ quan cấp trên đề nghị báo cáo (nếu có); được viện dẫn đầu tiên ở phần mở đầu của báo cáo.",
        {
          number: text(
            "Số, ký hiệu văn bản đề nghị",
            "Số và ký hiệu văn bản đề nghị báo cáo, ví dụ 567/UBQG-TB.",
          ),
          date: date("Ngày văn bản đề nghị", "Ngày ban hành văn bản đề nghị báo cáo."),
          issuer: text(
            "Cơ quan đề nghị báo cáo",
            "Cơ quan ban hành văn bản đề nghị, ví dụ Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam.",
          ),
          subject: text("Trích yếu văn bản đề nghị", "Trích yếu nội dung của văn bản đề nghị (V/v …)."),
        },
        ["number", "date", "issuer"],
      ),
      audience: enumOf(
        "Đối tượng của báo cáo",
        AUDIENCE_LABELS,
        "Báo cáo tổng hợp gửi ra bên ngoài hay dùng trong nội bộ (mặc định external):",
      ),
      proposals: textList(
        "Kiến nghị, đề xuất của cơ quan",
        "Kiến nghị, đề xuất của cơ quan ban hành với các cơ quan cấp trên (mục V của báo cáo), mỗi ý một dòng.",
      ),
      deadlines: object("Thời hạn", "Thời hạn gửi báo cáo, thay cho thời hạn của hướng dẫn.", deadlines),
      deadline_day: enumOf(
        "Cách tính ngày hạn",
        DEADLINE_DAY_LABELS,
        "Báo cáo đến đúng ngày hạn (tính theo dấu công văn đến) có được coi là đúng hạn không; mặc định theo hướng dẫn năm:",
      ),
      addressee: {
        title: "Kính gửi",
        description: "Nơi nhận ghi ở dòng Kính gửi; để trống nếu không có.",
        type: "string",
        maxLength: TEXT_MAX,
      },
      date: date("Ngày ban hành", "Ngày ban hành báo cáo, nếu không chỉ định bằng --date."),
      signer: signer("Người ký báo cáo tổng hợp."),
      recipients: {
        title: "Nơi nhận",
        description: "Danh sách nơi nhận, mỗi dòng một nơi; dòng cuối thường là Lưu: VT, …",
        type: "array",
        minItems: 1,
        items: text("Nơi nhận"),
      },
      internal_recipients: {
        title: "Nơi nhận của báo cáo dùng nội bộ",
        description:
          "Nơi nhận khi báo cáo lập với --audience internal (gửi lãnh đạo Bộ, không có dòng Kính gửi); mặc định: Bộ trưởng (để b/c), Các Thứ trưởng và dòng Lưu của danh sách nơi nhận.",
        type: "array",
        minItems: 1,
        items: text("Nơi nhận"),
      },
      units: {
        title: "Danh sách đơn vị",
        description: "Các đơn vị phải gửi báo cáo.",
        type: "array",
        minItems: 1,
        items: object(
          "Đơn vị",
          "Một đơn vị phải gửi báo cáo.",
          {
            code: unitCode(
              "Mã đơn vị",
              "Mã đơn vị: chữ in hoa không dấu, chữ số, gạch ngang hoặc gạch dưới, tối đa 32 ký tự.",
            ),
            name: text("Tên đơn vị"),
            kind: enumOf("Loại đơn vị", UNIT_KIND_LABELS, "Loại đơn vị (không bắt buộc):"),
          },
          ["code", "name"],
        ),
      },
    },
  };
}

/** A schema as the committed files and `geq schema` print it: one text, so they cannot differ. */
export function schemaText(schema: unknown): string {
  return JSON.stringify(schema, null, 2) + "\n";
}

/** Keys a clerk gives groups, sub-tasks and indicators: they become YAML keys of every unit file. */
export const CATALOG_KEY_PATTERN = "^[a-z][a-z0-9_]{0,63}$";
/** The part of a report's file name a period gives (`so-ket-6-thang`). */
export const SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

const INDICATOR_TYPE_LABELS: Record<string, string> = {
  count: "số nguyên từ 0 trở lên (số văn bản, số lớp, số cuộc…)",
  people: "tổng số và số nữ, { total, female }",
  money: "số tiền, số nguyên tính bằng đồng",
  flag: "có hoặc không, true hoặc false",
  text: "văn bản (số, ngày của một quyết định…)",
};

const RELATION_LABELS: Record<string, string> = {
  "<=": "không lớn hơn",
  "<": "nhỏ hơn",
  ">=": "không nhỏ hơn",
  ">": "lớn hơn",
  "=": "bằng",
};

function catalogKey(title: string, example: string): Schema {
  return {
    title,
    description: `${title}: chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ ${example}); là khóa trong tệp của đơn vị, nên đổi khóa là đổi tệp của mọi đơn vị.`,
    type: "string",
    pattern: CATALOG_KEY_PATTERN,
  };
}

function window(title: string): Schema {
  return object(
    title,
    `${title}: số liệu tính từ ngày from đến ngày to.`,
    {
      from: date("Từ ngày", "Ngày bắt đầu kỳ số liệu."),
      to: date("Đến ngày", "Ngày chốt số liệu, trong năm của hướng dẫn."),
    },
    ["from", "to"],
  );
}

function periodDef(key: string): Schema {
  return object(
    `Kỳ ${PERIOD_LABELS[key]}`,
    `Kỳ báo cáo ${key} (${PERIOD_LABELS[key]}): tên gọi, trích yếu của báo cáo, kỳ số liệu và hạn gửi.`,
    {
      label: text("Tên kỳ", `Tên kỳ trong câu văn của báo cáo, ví dụ «${PERIOD_LABELS[key]}».`),
      title: text(
        "Trích yếu của báo cáo",
        "Trích yếu của báo cáo của kỳ, ví dụ «Tổng kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2023».",
      ),
      slug: {
        title: "Tên tệp của kỳ",
        description:
          "Phần tên tệp báo cáo của kỳ (bao-cao-<slug>-<năm>.docx): chữ thường không dấu, chữ số, các phần cách nhau bằng gạch ngang, ví dụ tong-ket-nam.",
        type: "string",
        pattern: SLUG_PATTERN,
      },
      window: window("Kỳ số liệu"),
      deadline: date(
        "Hạn gửi báo cáo",
        "Hạn gửi báo cáo của kỳ, tính theo dấu công văn đến; trong năm của hướng dẫn.",
      ),
    },
    ["label", "title", "slug", "window", "deadline"],
  );
}

/**
 * The guidance catalogue (`geq/catalog/v1`): the letter, its task groups and sub-tasks in its own
 * words, each sub-task's indicators and relations, periods, action months and targets. A clerk writes
 * one a year (`geq catalog new`); the built-in ones are checked against it too.
 */
export function catalogSchema(): Schema {
  const indicator = object(
    "Chỉ tiêu",
    "Một chỉ tiêu của nhiệm vụ: khóa, kiểu, tên và cách báo cáo tổng hợp diễn đạt.",
    {
      key: catalogKey("Khóa của chỉ tiêu", "cases_reported"),
      type: enumOf("Kiểu của chỉ tiêu", INDICATOR_TYPE_LABELS, "Kiểu giá trị đơn vị ghi:"),
      label: text("Tên chỉ tiêu", "Tên chỉ tiêu như trong văn bản, ví dụ «Số vụ việc phát sinh»."),
      phrase: {
        title: "Cách diễn đạt trong báo cáo",
        description:
          "Cụm từ báo cáo tổng hợp dùng khi cộng chỉ tiêu của các đơn vị; {n} được thay bằng con số, ví dụ «tiếp nhận {n} vụ việc». Để trống với chỉ tiêu kiểu text.",
        type: "string",
        maxLength: TEXT_MAX,
      },
      phrase_all: text(
        "Cách diễn đạt khi cộng của mọi đơn vị",
        "Cụm từ thay cho phrase khi câu nói về tổng của mọi đơn vị, ví dụ «Ban vì sự tiến bộ của phụ nữ các đơn vị có tổng số {n} thành viên» (không bắt buộc).",
      ),
    },
    ["key", "type", "label", "phrase"],
  );
  const relation = object(
    "Ràng buộc giữa hai chỉ tiêu",
    `Ràng buộc mà số liệu của mọi đơn vị phải thỏa, giữa hai chỉ tiêu kiểu count hoặc money của cùng nhiệm vụ: left op right. op: ${Object.entries(
      RELATION_LABELS,
    )
      .map(([k, v]) => `${k} = ${v}`)
      .join("; ")}.`,
    {
      left: catalogKey("Chỉ tiêu bên trái", "cases_resolved"),
      op: enumOf("Phép so sánh", RELATION_LABELS, "Phép so sánh:"),
      right: catalogKey("Chỉ tiêu bên phải", "cases_reported"),
      rule: {
        title: "Mã quy tắc",
        description:
          "Mã quy tắc riêng của ràng buộc, giữ nguyên từ năm trước để các công cụ vẫn nhận ra (không bắt buộc; mặc định indicator-relation).",
        type: "string",
        pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
      },
    },
    ["left", "op", "right"],
  );
  const task = object(
    "Nhiệm vụ",
    "Một nhiệm vụ của nhóm (một gạch đầu dòng của văn bản hướng dẫn).",
    {
      key: catalogKey("Khóa của nhiệm vụ", "gbv_response"),
      short: text("Tên ngắn của nhiệm vụ", "Tên ngắn, dùng làm tiêu đề trong báo cáo và phụ lục."),
      text: text("Nguyên văn nhiệm vụ", "Nguyên văn nhiệm vụ trong văn bản hướng dẫn."),
      not_applicable: text(
        "Cách nói «không phát sinh»",
        "Cách báo cáo nói về đơn vị ghi not_applicable cho nhiệm vụ này, ví dụ «không phát sinh vụ việc»; mặc định «không áp dụng».",
      ),
      indicators: {
        title: "Các chỉ tiêu",
        description: "Các chỉ tiêu của nhiệm vụ.",
        type: "array",
        items: indicator,
      },
      relations: {
        title: "Ràng buộc giữa các chỉ tiêu",
        description:
          "Các ràng buộc giữa hai chỉ tiêu của nhiệm vụ, ví dụ số vụ việc đã giải quyết không lớn hơn số vụ việc phát sinh.",
        type: "array",
        items: relation,
      },
    },
    ["key", "short", "text", "indicators"],
  );
  const group = object(
    "Nhóm nhiệm vụ",
    "Một nhóm nhiệm vụ (một mục đánh số của văn bản hướng dẫn).",
    {
      key: catalogKey("Khóa của nhóm", "coordination"),
      number: {
        title: "Số thứ tự của nhóm",
        description: "Số thứ tự của nhóm trong văn bản: 1, 2, 3… theo đúng thứ tự các nhóm.",
        type: "integer",
        minimum: 1,
        maximum: 99,
      },
      title: text("Tên nhóm", "Nguyên văn tên nhóm nhiệm vụ trong văn bản hướng dẫn."),
      short: text("Tên ngắn của nhóm", "Tên ngắn của nhóm, dùng trong báo cáo và phụ lục."),
      tasks: {
        title: "Các nhiệm vụ",
        description: "Các nhiệm vụ của nhóm, theo thứ tự trong văn bản.",
        type: "array",
        minItems: 1,
        items: task,
      },
    },
    ["key", "number", "title", "short", "tasks"],
  );
  const staff = object(
    "Số liệu cán bộ",
    "Một dòng số liệu cán bộ nữ; khóa là một trong bốn khóa cố định của tệp đơn vị.",
    {
      key: {
        title: "Khóa",
        description: "Một trong: employees, unit_leaders, division_leaders, succession_pool.",
        type: "string",
        enum: ["employees", "unit_leaders", "division_leaders", "succession_pool"],
      },
      label: text("Tên đầy đủ"),
      short: text("Tên ngắn", "Tên ngắn, dùng ở đầu cột của phụ lục."),
    },
    ["key", "label", "short"],
  );
  return {
    $schema: DRAFT,
    title: "Hướng dẫn năm của geq",
    description:
      "Hướng dẫn năm (geq/catalog/v1): văn bản hướng dẫn, kỳ báo cáo và thời hạn, nhóm nhiệm vụ và nhiệm vụ theo nguyên văn, chỉ tiêu của từng nhiệm vụ, tháng hành động, mục tiêu. Tạo bằng geq catalog new, trỏ tới từ catalog trong cấu hình.",
    type: "object",
    additionalProperties: false,
    patternProperties: { "^x-": {} },
    required: [
      "format",
      "year",
      "letter",
      "deadline_day",
      "parent",
      "receiver",
      "periods",
      "action_months",
      "targets",
      "staff",
      "groups",
      "budget_source",
    ],
    properties: {
      format: {
        title: "Phiên bản định dạng",
        description: "Luôn là geq/catalog/v1.",
        const: "geq/catalog/v1",
      },
      id: {
        title: "Mã hướng dẫn có sẵn",
        description:
          "Mã của một hướng dẫn có sẵn trong geq (ví dụ 2022); tệp hướng dẫn do cơ quan viết không cần.",
        type: "string",
        pattern: "^[0-9A-Za-z_-]{1,32}$",
      },
      year: {
        title: "Năm của hướng dẫn",
        description: "Năm báo cáo mà hướng dẫn áp dụng, ví dụ 2023.",
        type: "integer",
        minimum: 2000,
        maximum: 2100,
      },
      letter: object(
        "Văn bản hướng dẫn",
        "Văn bản hướng dẫn của năm; cấu hình có thể ghi đè từng trường ở letter.",
        {
          number: text(
            "Số, ký hiệu văn bản",
            "Số và ký hiệu văn bản hướng dẫn, ví dụ 1234/BXD-TCCB (không bắt buộc).",
          ),
          date: date("Ngày ban hành", "Ngày ban hành văn bản hướng dẫn."),
          issuer: text("Cơ quan ban hành", "Cơ quan ban hành văn bản, ví dụ Bộ Xây dựng."),
          subject: text("Trích yếu", "Trích yếu của văn bản, bắt đầu bằng V/v …"),
        },
        ["date", "issuer", "subject"],
      ),
      deadline_day: enumOf(
        "Cách tính ngày hạn",
        DEADLINE_DAY_LABELS,
        "Báo cáo đến đúng ngày hạn có được coi là đúng hạn không, theo cách văn bản viết:",
      ),
      parent: text(
        "Cơ quan chủ quản",
        "Cơ quan chủ quản của các đơn vị, in trên tên đơn vị ở báo cáo riêng của đơn vị.",
      ),
      receiver: text(
        "Nơi nhận báo cáo của đơn vị",
        "Dòng Kính gửi ở báo cáo riêng của đơn vị, ví dụ Bộ Xây dựng (qua Vụ Tổ chức cán bộ).",
      ),
      periods: object(
        "Các kỳ báo cáo",
        "Hai kỳ báo cáo: semi-annual (sơ kết 6 tháng đầu năm) và annual (tổng kết năm).",
        Object.fromEntries(PERIOD_KEYS.map((k) => [k, periodDef(k)])),
        [...PERIOD_KEYS],
      ),
      action_months: {
        title: "Các tháng hành động",
        description: "Các tháng hành động trong năm mà văn bản nêu.",
        type: "array",
        items: object(
          "Tháng hành động",
          "Một tháng hành động: tên và thời gian.",
          {
            title: text("Tên tháng hành động"),
            from: date("Từ ngày", "Ngày bắt đầu."),
            to: date("Đến ngày", "Ngày kết thúc."),
          },
          ["title", "from", "to"],
        ),
      },
      targets: object(
        "Mục tiêu",
        "Mục tiêu quốc gia mà số liệu của các đơn vị đo được.",
        {
          succession_pool_female_share: object(
            "Tỷ lệ nữ trong diện quy hoạch",
            "Mục tiêu tỷ lệ nữ trong diện quy hoạch lãnh đạo, quản lý.",
            {
              threshold: {
                title: "Tỷ lệ mục tiêu",
                description: "Tỷ lệ mục tiêu, số thập phân từ 0 đến 1 (0.4 là 40%).",
                type: "number",
                minimum: 0,
                maximum: 1,
              },
              by: {
                title: "Năm đạt mục tiêu",
                description: "Năm phải đạt mục tiêu, ví dụ 2025.",
                type: "integer",
                minimum: 2000,
                maximum: 2100,
              },
              source: text(
                "Căn cứ",
                "Văn bản đặt mục tiêu, ví dụ Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ.",
              ),
            },
            ["threshold", "by", "source"],
          ),
        },
        ["succession_pool_female_share"],
      ),
      staff: {
        title: "Số liệu cán bộ",
        description:
          "Bốn dòng số liệu cán bộ nữ, theo thứ tự trong báo cáo: employees, unit_leaders, division_leaders, succession_pool.",
        type: "array",
        items: staff,
      },
      groups: {
        title: "Các nhóm nhiệm vụ",
        description: "Các nhóm nhiệm vụ của văn bản, theo thứ tự.",
        type: "array",
        minItems: 1,
        items: group,
      },
      budget_source: text(
        "Căn cứ về kinh phí",
        "Văn bản quy định về kinh phí, ví dụ Thông tư số 191/2009/TT-BTC ngày 01/10/2009 của Bộ Tài chính.",
      ),
    },
  };
}
