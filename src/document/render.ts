/**
 * Blocks → .docx bytes, inside the administrative-document frame of Nghị định 30/2020/NĐ-CP (Phụ lục I).
 *
 * The frame (header table, motto, number, place and date, title, recipients, signature, page numbers) is
 * laid out here and only here, so no template can break it, and built with docx. The body blocks, which make
 * up nearly all of a large report, are not: docx lays out the frame around one placeholder paragraph per
 * section, and the blocks' XML, written directly by wordml.ts, takes the placeholder's place when the package
 * is written again (package.ts). Every string is cleaned of what XML 1.0 cannot carry before it reaches the
 * XML, and the package is made byte-for-byte reproducible (see `rewritePackage`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ISectionOptions } from "docx";
import { isIsoDate } from "../dates.js";
import { formatDateLong } from "../present/format.js";
import type { Appendix, Block, DocumentModel, Frame } from "./model.js";
import { DeflateSink, entryData, readEntries, rewritePackage } from "./package.js";
import type { CompressedPart, ZipEntry } from "./package.js";
import { cleanText } from "./text.js";
import { BODY_SIZE, writeBlocks, writesAnything } from "./wordml.js";
import type { BlockOptions } from "./wordml.js";

const FONT_NAME = "Times New Roman";
const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, eastAsia: FONT_NAME, cs: FONT_NAME };
const BLACK = "000000";

const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const mm = (value: number): number => Math.round((value * 1440) / 25.4);
const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
  gutter: 0,
};
const PORTRAIT_TEXT_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - MARGIN.left - MARGIN.right;

const SINGLE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

/** The header table's 40 : 60 split. */
const HEADER_LEFT = Math.round(PORTRAIT_TEXT_WIDTH * 0.4);
const HEADER_RIGHT = PORTRAIT_TEXT_WIDTH - HEADER_LEFT;
/** Recipients : signature. */
const SIGN_LEFT = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
const SIGN_RIGHT = PORTRAIT_TEXT_WIDTH - SIGN_LEFT;

const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

const LINE = { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 };
const NO_BORDERS = TableBorders.NONE;

/** The blocks of a section, which take its placeholder's place. */
interface Body {
  blocks: Iterable<Block>;
  options: BlockOptions;
}

export async function renderDocx(model: DocumentModel<Iterable<Block>>): Promise<Uint8Array> {
  const frame = model.frame;
  const date = isoDate(frame.date);
  const bodies: Body[] = [
    {
      blocks: model.body,
      options: { textWidth: PORTRAIT_TEXT_WIDTH, tableSize: 13, keepLastWithNext: true },
    },
    ...model.appendices.map((appendix): Body => ({
      blocks: appendix.blocks,
      options: {
        textWidth: appendix.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH,
        tableSize: 12,
        keepLastWithNext: false,
      },
    })),
  ];
  const sections: ISectionOptions[] = [
    {
      properties: sectionProperties(false),
      headers: pageNumberHeaders(),
      children: [headerTable(frame), ...titleBlock(frame), ...placeholder(bodies, 0), signatureTable(frame)],
    },
    ...model.appendices.map((appendix, i) => appendixSection(appendix, placeholder(bodies, i + 1))),
  ];
  const subject = cleanText(frame.subject);
  const creator = cleanText(frame.issuer);
  const doc = new Document({
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE * 2, color: BLACK, language: { value: "vi-VN" } },
          paragraph: { spacing: SINGLE },
        },
      },
    },
    theme: { fonts: { headings: FONT_NAME, body: FONT_NAME } },
    sections,
  });
  const core = { path: "docProps/core.xml", data: coreProperties(subject, creator, shownDate(frame.date)) };
  const skeleton = await Packer.pack(doc, "uint8array", false, [core]);
  return fillPlaceholders(skeleton, bodies, date);
}

// ---------------------------------------------------------------------------------------------------------
// Placeholders

/**
 * The text of the placeholder paragraph of section `index`. U+FFFF cannot come from any text of the model
 * (`cleanText` removes it), so the marker is found only where it was put.
 */
const marker = (index: number): string => `\uFFFFgeq-body-${index}\uFFFF`;

/**
 * The paragraph that stands for section `index`'s blocks until they are written in its place; none if the
 * blocks write nothing, so that docx ends such a section (`w:sectPr`) as it would without them.
 */
function placeholder(bodies: readonly Body[], index: number): Paragraph[] {
  const body = bodies[index];
  if (!body || !writesAnything(body.blocks)) return [];
  return [new Paragraph({ children: [new TextRun(marker(index))] })];
}

/**
 * Where docx wrote the placeholder of section `index` in `xml`, from `from` on: `<w:p>`, the properties of
 * the section it ends if it is the last paragraph of a section other than the document's last (Word keeps
 * them there), and the marker's run.
 */
function findPlaceholder(
  xml: string,
  index: number,
  from: number,
): { start: number; end: number; sectionEnd: string } {
  const run = `<w:r><w:t xml:space="preserve">${marker(index)}</w:t></w:r></w:p>`;
  const at = xml.indexOf(run, from);
  const start = at < 0 ? -1 : xml.lastIndexOf("<w:p>", at);
  const properties = start < from ? undefined : xml.slice(start + "<w:p>".length, at);
  const open = "<w:pPr><w:sectPr>";
  const close = "</w:sectPr></w:pPr>";
  const sectionEnd =
    properties === ""
      ? ""
      : properties?.startsWith(open) && properties.endsWith(close)
        ? properties.slice("<w:pPr>".length, -"</w:pPr>".length)
        : undefined;
  if (sectionEnd === undefined) {
    throw new Error(`docx did not write the placeholder of section ${index + 1} as expected`);
  }
  return { start, end: at + run.length, sectionEnd };
}

/**
 * The package docx wrote with the placeholders in word/document.xml replaced by the blocks they stand for,
 * written piece by piece into the compressed part, and every entry dated `date`.
 */
function fillPlaceholders(skeleton: Uint8Array, bodies: readonly Body[], date: string): Uint8Array {
  const entries = readEntries(skeleton);
  const documentEntry = entries.find((entry) => entry.name === DOCUMENT_PART);
  if (!documentEntry) throw new Error(`docx produced a package without ${DOCUMENT_PART}`);
  const xml = new TextDecoder().decode(entryData(skeleton, documentEntry));
  const sink = new DeflateSink();
  let from = 0;
  bodies.forEach((body, index) => {
    if (!writesAnything(body.blocks)) return;
    const { start, end, sectionEnd } = findPlaceholder(xml, index, from);
    sink.push(xml.slice(from, start));
    writeBlocks(sink, body.blocks, body.options, sectionEnd);
    from = end;
  });
  sink.push(xml.slice(from));
  return rewritePackage(
    skeleton,
    entries,
    new Map([
      [DOCUMENT_PART, sink.finish()],
      [STYLES_PART, widowControlled(skeleton, entries)],
    ]),
    date,
  );
}

const DOCUMENT_PART = "word/document.xml";
const STYLES_PART = "word/styles.xml";
const PARAGRAPH_DEFAULTS = "<w:pPrDefault><w:pPr>";

/**
 * docx's styles with widow and orphan control in the paragraph defaults, which docx cannot set there.
 * Word applies it only when the styles ask (Word's own Normal style does), so without it Word would leave
 * one line of a paragraph alone at the foot or head of a page.
 */
function widowControlled(skeleton: Uint8Array, entries: readonly ZipEntry[]): CompressedPart {
  const entry = entries.find((candidate) => candidate.name === STYLES_PART);
  if (!entry) throw new Error(`docx produced a package without ${STYLES_PART}`);
  const xml = new TextDecoder().decode(entryData(skeleton, entry));
  if (!xml.includes(PARAGRAPH_DEFAULTS)) {
    throw new Error(`docx did not write the paragraph defaults of ${STYLES_PART} as expected`);
  }
  const sink = new DeflateSink();
  sink.push(xml.replace(PARAGRAPH_DEFAULTS, `${PARAGRAPH_DEFAULTS}<w:widowControl/>`));
  return sink.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Frame

function sectionProperties(landscape: boolean): NonNullable<ISectionOptions["properties"]> {
  return {
    type: SectionType.NEXT_PAGE,
    titlePage: true,
    page: {
      // docx swaps width and height itself for a landscape orientation.
      size: {
        width: A4_WIDTH,
        height: A4_HEIGHT,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: MARGIN,
      pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL },
    },
  };
}

/** The number in the top margin from the second page of a section on; the first page has an empty header. */
function pageNumberHeaders(): NonNullable<ISectionOptions["headers"]> {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: SINGLE,
          children: [
            new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY_SIZE * 2, color: BLACK }),
          ],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ spacing: SINGLE, children: [] })] }),
  };
}

function headerTable(frame: Frame): Table {
  const parent = upper(frame.parent);
  const issuer = upper(frame.issuer);
  const left: Paragraph[] = [];
  if (parent.trim() !== "") left.push(line(titleLines(parent, 13, HEADER_LEFT).join("\n"), { size: 13 }));
  // 13 pt, or 12 pt (the decree allows both) where that saves a long name a line in the narrow column.
  const [issuerSize, issuerLines] = [13, 12]
    .map((size) => [size, titleLines(issuer, size, HEADER_LEFT)] as const)
    .reduce((best, next) => (next[1].length < best[1].length ? next : best));
  left.push(line(issuerLines.join("\n"), { size: issuerSize, bold: true }));
  // A third to a half of the issuer's longest line.
  left.push(
    rule(
      HEADER_LEFT,
      Math.max(mm(12), 0.4 * Math.min(longestLineWidth(issuerLines, issuerSize), HEADER_LEFT)),
    ),
  );
  const right = [
    line(NATIONAL_TITLE, { size: 12, bold: true }),
    line(MOTTO, { size: 13, bold: true }),
    rule(HEADER_RIGHT, longestLineWidth([MOTTO], 13)),
  ];
  const place = cleanText(frame.place).trim();
  const longDate = formatDateLong(shownDate(frame.date));
  const placeDate =
    place === "" ? longDate.charAt(0).toUpperCase() + longDate.slice(1) : `${place}, ${longDate}`;
  return frameTable(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      new TableRow({ children: [frameCell(HEADER_LEFT, left), frameCell(HEADER_RIGHT, right)] }),
      // Số and the place and date on one row, so they share a baseline whatever the heights above.
      new TableRow({
        children: [
          frameCell(HEADER_LEFT, [line(frame.number, { size: 13, before: 160 })]),
          frameCell(HEADER_RIGHT, [line(placeDate, { size: 14, italic: true, before: 160 })]),
        ],
      }),
    ],
  );
}

/** The borderless full-width two-column table of the header and of the signature block. */
function frameTable(columnWidths: [number, number], rows: TableRow[]): Table {
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows,
  });
}

function titleBlock(frame: Frame): Paragraph[] {
  const subject = titleLines(frame.subject, 14, PORTRAIT_TEXT_WIDTH);
  const out = [
    line(upper(frame.type), { size: 14, bold: true, before: 480 }),
    line(subject.join("\n"), { size: 14, bold: true }),
    rule(
      PORTRAIT_TEXT_WIDTH,
      Math.min(Math.max(longestLineWidth(subject, 14) / 3, mm(25)), Math.min(mm(50), PORTRAIT_TEXT_WIDTH)),
    ),
  ];
  const addressee = cleanText(frame.addressee).trim();
  // A single addressee closes with a full stop, as the Nghị định 30/2020/NĐ-CP samples write it.
  const closed = /[.;:]$/.test(addressee) ? addressee : `${addressee}.`;
  if (addressee !== "") out.push(line(`Kính gửi: ${closed}`, { size: 14, before: 240 }));
  out.push(new Paragraph({ spacing: { before: 0, after: 120, line: 240 }, children: [] }));
  return out;
}

function signatureTable(frame: Frame): Table {
  const recipients = frame.recipients
    .map((recipient) =>
      cleanText(recipient)
        .trim()
        .replace(/^-\s*/, "")
        .replace(/[;.]+$/, "")
        .trim(),
    )
    .filter((recipient) => recipient !== "");
  const left = [
    new Paragraph({
      spacing: { ...SINGLE, before: 240 },
      children: textRuns("Nơi nhận:", { size: 12, bold: true, italic: true }),
    }),
    ...recipients.map(
      (recipient, i) =>
        new Paragraph({
          spacing: SINGLE,
          children: textRuns(`- ${recipient}${i === recipients.length - 1 ? "." : ";"}`, { size: 11 }),
        }),
    ),
  ];
  const signer = frame.signer;
  const right: Paragraph[] = [];
  const authority = upper(signer.authority ?? "");
  if (authority.trim() !== "") right.push(line(authority, { size: 14, bold: true, before: 240 }));
  right.push(line(upper(signer.position), { size: 14, bold: true, before: right.length === 0 ? 240 : 0 }));
  // Room for the signature and the seal.
  right.push(line(cleanText(signer.name), { size: 14, bold: true, before: 1700 }));
  return frameTable(
    [SIGN_LEFT, SIGN_RIGHT],
    [new TableRow({ cantSplit: true, children: [frameCell(SIGN_LEFT, left), frameCell(SIGN_RIGHT, right)] })],
  );
}

function appendixSection(appendix: Omit<Appendix, "blocks">, placeholder: Paragraph[]): ISectionOptions {
  const heading: Paragraph[] = [];
  const label = cleanText(appendix.label);
  const title = upper(appendix.title);
  const note = cleanText(appendix.note);
  if (label.trim() !== "") heading.push(line(label, { size: 14, bold: true }));
  if (title.trim() !== "") heading.push(line(title, { size: 14, bold: true }));
  if (note.trim() !== "") heading.push(line(note, { size: 14, italic: true }));
  heading.push(new Paragraph({ spacing: { before: 0, after: 120, line: 240 }, children: [] }));
  return {
    properties: sectionProperties(appendix.landscape),
    headers: pageNumberHeaders(),
    children: [...heading, ...placeholder],
  };
}

function frameCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

/** A short centred rule: the bottom border of an empty, very low paragraph narrowed by equal indents. */
function rule(available: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((available - Math.min(length, available)) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: LINE },
    run: { size: 2 },
    children: [],
  });
}

interface LineStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  before?: number;
}

/** A centred frame line; a newline in the value is kept as a line break. */
function line(value: string, style: LineStyle): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...SINGLE, before: style.before ?? 0 },
    children: textRuns(cleanText(value), style),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Runs

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Frame text as runs; a line break in it is kept (`w:br`). */
function textRuns(text: string, style: RunStyle): TextRun[] {
  return text.split(/\r\n|\r|\n/).map(
    (piece, i) =>
      new TextRun({
        text: piece,
        break: i > 0 ? 1 : undefined,
        font: FONT,
        size: style.size * 2,
        bold: style.bold || undefined,
        italics: style.italic || undefined,
        color: BLACK,
      }),
  );
}

function upper(value: string): string {
  return cleanText(value).toLocaleUpperCase("vi-VN");
}

// ---------------------------------------------------------------------------------------------------------
// Measuring, for the rules that must match their text

/** Advance widths of Times New Roman Bold (as its metric twin Liberation Serif Bold has them), per 1000 em, for U+0020–U+007E. */
const BOLD_ASCII = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
  500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
  500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Letters with a horn are wider than their base letter; đ and Đ do not decompose. */
const BOLD_SPECIAL: Record<string, number> = { O: 778, U: 796, o: 554, u: 600, Đ: 722, đ: 556 };

/** Twips that a piece of bold text of `sizePt` takes, on one line. */
export function boldWidth(text: string, sizePt: number): number {
  let units = 0;
  for (const char of text) {
    const decomposed = char.normalize("NFD");
    const base = decomposed[0] ?? char;
    const horn = decomposed.includes("\u031B");
    const code = base.charCodeAt(0);
    units += (horn ? BOLD_SPECIAL[base] : undefined) ?? BOLD_SPECIAL[char] ?? BOLD_ASCII[code - 32] ?? 556;
  }
  return (units / 1000) * sizePt * 20;
}

/** Twips that bold text of `sizePt` takes on the longest of its lines. */
function longestLineWidth(lines: readonly string[], sizePt: number): number {
  return Math.max(0, ...lines.map((piece) => boldWidth(piece, sizePt)));
}

// ---------------------------------------------------------------------------------------------------------
// Breaking titles into lines

/**
 * Word estimates are taken this much wider than measured: the table is Liberation Serif's, and Word's own
 * Times New Roman, kerning or a substituted font may set a line a little longer.
 */
const WIDTH_SLACK = 1.06;

/** A title's phrase may open with one of these (`và vì sự tiến bộ`, `của phụ nữ`, `năm 2022`). */
const OPENERS = new Set([
  "và",
  "của",
  "vì",
  "về",
  "cho",
  "trong",
  "tại",
  "theo",
  "với",
  "đối",
  "đến",
  "từ",
  "trên",
  "nhằm",
  "để",
  "thuộc",
  "năm",
  "giai",
]);

/** A line never ends on one of these: they lead into the next word (`và`, `các`, `đầu năm`, `năm 2022`). */
const BINDERS = new Set([
  ...OPENERS,
  "các",
  "những",
  "số",
  "ngày",
  "tháng",
  "quý",
  "đầu",
  "cuối",
  "giữa",
  "sự",
]);

/**
 * Two-syllable words of administrative titles and agency names. A break between two syllables that are not
 * a phrase boundary is a last resort, and between these two it comes last of all, since Vietnamese writes
 * every syllable apart and nothing else tells a word from two.
 */
const WORDS = new Set(
  (
    "bình đẳng|đẳng giới|tiến bộ|phụ nữ|công tác|sơ kết|tổng kết|kết quả|thực hiện|triển khai|xây dựng|quản lý|" +
    "nghiệp vụ|đô thị|đào tạo|thông tin|kinh tế|kế hoạch|tài chính|tổ chức|cán bộ|khoa học|công nghệ|" +
    "môi trường|hợp tác|quốc tế|thanh tra|văn phòng|giám định|nhà nước|chất lượng|công trình|phát triển|" +
    "hoạt động|thị trường|bất động|động sản|kiến trúc|quy hoạch|nông thôn|quốc gia|đại học|học viện|xã hội|" +
    "lao động|thương binh|cộng hòa|chủ nghĩa|việt nam|hà nội|trung tâm|vật liệu|nhân dân|ủy ban|chính phủ|" +
    "báo cáo|chiến lược|chương trình|bạo lực|gia đình|vụ việc|lãnh đạo|viên chức|công chức|hướng dẫn|" +
    "kiểm tra|tuyên truyền"
  ).split("|"),
);

/**
 * `text` as the lines of a centred bold title of `sizePt` in `available` twips: broken only where a phrase
 * begins (before `và`, `của`, `vì`, a number, `năm …`; after a comma), as titles are set by hand, never
 * inside a word such as `tiến bộ`; as few lines as fit, as even in length as those breaks allow. Where no
 * phrase boundary serves, it falls back to another space, one inside a known word last. A line break
 * already in the text is kept.
 */
export function titleLines(text: string, sizePt: number, available: number): string[] {
  return cleanText(text)
    .split(/\r\n|\r|\n/)
    .flatMap((given) =>
      breakLine(
        given
          .trim()
          .split(/[ \t]+/)
          .filter(Boolean),
        sizePt,
        available,
      ),
    );
}

interface Breaking {
  /** The cost of the breaks taken: 0 for a phrase boundary, more for a space inside a phrase. */
  cost: number;
  lines: number;
  widest: number;
  /** Where the last line starts. */
  from: number;
}

function breakLine(words: readonly string[], sizePt: number, available: number): string[] {
  if (words.length === 0) return [""];
  const space = boldWidth(" ", sizePt);
  const edges = [0];
  for (const word of words) edges.push((edges[edges.length - 1] ?? 0) + boldWidth(word, sizePt) + space);
  const width = (from: number, to: number): number => (edges[to] ?? 0) - (edges[from] ?? 0) - space;
  // best[to]: the best way to set words[0, to) as whole lines; compared by cost, then lines, then widest.
  const best: Array<Breaking | undefined> = [{ cost: 0, lines: 0, widest: 0, from: 0 }];
  for (let to = 1; to <= words.length; to++) {
    let chosen: Breaking | undefined;
    for (let from = 0; from < to; from++) {
      const before = best[from];
      const lineWidth = width(from, to);
      // A word too long for any line stands alone rather than leaving the title unset.
      if (!before || (to - from > 1 && lineWidth * WIDTH_SLACK > available)) continue;
      const candidate: Breaking = {
        cost: before.cost + (from === 0 ? 0 : breakCost(words, from)),
        lines: before.lines + 1,
        widest: Math.max(before.widest, lineWidth),
        from,
      };
      if (!chosen || better(candidate, chosen)) chosen = candidate;
    }
    best.push(chosen);
  }
  const lines: string[] = [];
  for (let to = words.length; to > 0;) {
    const from = best[to]?.from ?? 0;
    lines.unshift(words.slice(from, to).join(" "));
    to = from;
  }
  return lines;
}

/** Fewer lines and better breaks, a line weighing as much as a break inside a phrase; then even lines. */
function better(a: Breaking, b: Breaking): boolean {
  const score = (breaking: Breaking): number => breaking.cost + breaking.lines;
  if (score(a) !== score(b)) return score(a) < score(b);
  return a.widest < b.widest;
}

/** What breaking the line before `words[at]` costs. */
function breakCost(words: readonly string[], at: number): number {
  const before = words[at - 1] ?? "";
  const after = words[at] ?? "";
  const previous = before.toLocaleLowerCase("vi-VN");
  const word = after.toLocaleLowerCase("vi-VN");
  if (/[,;:]$/.test(previous)) return 0;
  if (WORDS.has(`${previous} ${word}`)) return 4;
  // Inside a name in a sentence-case title (`Bộ Xây dựng`, `Việt Nam`).
  if (capitalised(before) && capitalised(after)) return 3;
  // A line left hanging on `và`, `của`, a number or a dash (`2021 - 2030`) reads worse than one broken
  // between two ordinary words.
  if (BINDERS.has(previous) || /\d$/.test(previous) || DASH.test(previous) || DASH.test(word)) return 2;
  return OPENERS.has(word) || /^\d/.test(word) ? 0 : 1;
}

const DASH = /^[-\u2010-\u2015]$/;

/** Begins with a capital and is not all capitals (`Bộ`, not `BỘ` nor `bộ`). */
function capitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLocaleLowerCase("vi-VN") && word !== word.toLocaleUpperCase("vi-VN");
}

// ---------------------------------------------------------------------------------------------------------
// Reproducible bytes

/**
 * The date stamped on the package's entries: the frame's date when the zip format can hold it (it counts
 * years from 1980), else 1980-01-01. Only the package's metadata is clamped; the page shows the date given.
 */
function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return "1980-01-01";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1980 || year > 2107 || month < 1 || month > 12 || day < 1 || day > 31) return "1980-01-01";
  return value.trim();
}

/** The date a reader sees (page, document properties): the frame's own whenever it is a real date. */
function shownDate(value: string): string {
  return isIsoDate(value.trim()) ? value.trim() : isoDate(value);
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** docx stamps the core properties with the clock; this one carries the document's own date instead. */
function coreProperties(title: string, creator: string, date: string): string {
  const stamp = `${date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}
