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
        description: `Mã bộ hướng dẫn (nhóm nhiệm vụ, kỳ báo cáo, thời hạn): ${catalogIds.join(", ")}.`,
        type: "string",
        enum: [...catalogIds],
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
