/**
 * Blocks → .docx bytes, inside the administrative-document frame of Nghị định 30/2020/NĐ-CP (Phụ lục I).
 *
 * The frame (header table, motto, number, place and date, title, recipients, signature, page numbers) is
 * laid out here and only here, so no template can break it. Every string is cleaned of what XML 1.0 cannot
 * carry before it reaches docx, and the package is made byte-for-byte reproducible (see `fixTimestamps`).
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
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { ISectionOptions, ParagraphChild } from "docx";
import { formatDateLong } from "../present/format.js";
import type {
  Appendix,
  Block,
  DocumentModel,
  Frame,
  Run,
  TableCell as ModelCell,
  TableRow as ModelRow,
} from "./model.js";
import { cleanText } from "./text.js";

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

/** 1.27 cm, the first-line indent of administrative prose. */
const FIRST_LINE = 720;
const BODY_SIZE = 14;
const BODY_SPACING = { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO };
const SINGLE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

/** The header table's 40 : 60 split. */
const HEADER_LEFT = Math.round(PORTRAIT_TEXT_WIDTH * 0.4);
const HEADER_RIGHT = PORTRAIT_TEXT_WIDTH - HEADER_LEFT;
/** Recipients : signature. */
const SIGN_LEFT = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
const SIGN_RIGHT = PORTRAIT_TEXT_WIDTH - SIGN_LEFT;
/** Word lays out no more columns than this. */
const MAX_COLUMNS = 63;

const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

const LINE = { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const NO_BORDERS = TableBorders.NONE;
const GRID_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const frame = model.frame;
  const date = isoDate(frame.date);
  const sections: ISectionOptions[] = [
    {
      properties: sectionProperties(false),
      headers: pageNumberHeaders(),
      children: [
        headerTable(frame),
        ...titleBlock(frame),
        ...renderBlocks(model.body, PORTRAIT_TEXT_WIDTH, { tableSize: 13, keepLastWithNext: true }),
        signatureTable(frame),
      ],
    },
    ...model.appendices.map(appendixSection),
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
  const core = { path: "docProps/core.xml", data: coreProperties(subject, creator, date) };
  const zip = await Packer.pack(doc, "uint8array", false, [core]);
  return fixTimestamps(zip, date);
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
  if (parent.trim() !== "") left.push(line(parent, { size: 13 }));
  left.push(line(issuer, { size: 13, bold: true, balance: HEADER_LEFT }));
  // A third to a half of the issuer's longest line.
  left.push(rule(HEADER_LEFT, Math.max(mm(12), 0.4 * Math.min(longestLineWidth(issuer, 13), HEADER_LEFT))));
  const right = [
    line(NATIONAL_TITLE, { size: 12, bold: true }),
    line(MOTTO, { size: 13, bold: true }),
    rule(HEADER_RIGHT, longestLineWidth(MOTTO, 13)),
  ];
  const place = cleanText(frame.place).trim();
  const longDate = formatDateLong(isoDate(frame.date));
  const placeDate =
    place === "" ? longDate.charAt(0).toUpperCase() + longDate.slice(1) : `${place}, ${longDate}`;
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [
      new TableRow({ children: [frameCell(HEADER_LEFT, left), frameCell(HEADER_RIGHT, right)] }),
      // Số and the place and date on one row, so they share a baseline whatever the heights above.
      new TableRow({
        children: [
          frameCell(HEADER_LEFT, [line(frame.number, { size: 13, before: 160 })]),
          frameCell(HEADER_RIGHT, [line(placeDate, { size: 14, italic: true, before: 160 })]),
        ],
      }),
    ],
  });
}

function titleBlock(frame: Frame): Paragraph[] {
  const subject = cleanText(frame.subject);
  const out = [
    line(upper(frame.type), { size: 14, bold: true, before: 480 }),
    line(subject, { size: 14, bold: true, balance: PORTRAIT_TEXT_WIDTH }),
    rule(
      PORTRAIT_TEXT_WIDTH,
      Math.min(Math.max(longestLineWidth(subject, 14) / 3, mm(25)), Math.min(mm(50), PORTRAIT_TEXT_WIDTH)),
    ),
  ];
  const addressee = cleanText(frame.addressee).trim();
  if (addressee !== "") out.push(line(`Kính gửi: ${addressee}`, { size: 14, before: 240 }));
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
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [SIGN_LEFT, SIGN_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [
      new TableRow({ cantSplit: true, children: [frameCell(SIGN_LEFT, left), frameCell(SIGN_RIGHT, right)] }),
    ],
  });
}

function appendixSection(appendix: Appendix): ISectionOptions {
  const textWidth = appendix.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
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
    children: [
      ...heading,
      ...renderBlocks(appendix.blocks, textWidth, { tableSize: 12, keepLastWithNext: false }),
    ],
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
  /** For bold text that may wrap in this width: lines of even length rather than a last word alone. */
  balance?: number;
}

/** A centred frame line; a newline in the value is kept as a line break. */
function line(value: string, style: LineStyle): Paragraph {
  const text = cleanText(value);
  const side = style.balance === undefined ? 0 : balancingIndent(text, style.size, style.balance);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...SINGLE, before: style.before ?? 0 },
    indent: side > 0 ? { left: side, right: side } : undefined,
    children: textRuns(text, style),
  });
}

/**
 * Equal side indents that make a wrapping title break into lines of about the same length, as titles
 * and agency names are set by hand. The measure is an estimate, so the lines keep some slack.
 */
function balancingIndent(text: string, sizePt: number, available: number): number {
  const width = longestLineWidth(text, sizePt);
  if (width <= available) return 0;
  const lines = Math.ceil(width / available);
  const target = Math.min(available, (width / lines) * 1.12);
  return Math.max(0, Math.floor((available - target) / 2));
}

// ---------------------------------------------------------------------------------------------------------
// Body blocks

interface BlockOptions {
  tableSize: number;
  /** The last paragraph of the body stays on the page of the signature. */
  keepLastWithNext: boolean;
}

function renderBlocks(blocks: Block[], textWidth: number, options: BlockOptions): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let breakBefore = false;
  blocks.forEach((block, index) => {
    const keepNext = options.keepLastWithNext && index === blocks.length - 1;
    switch (block.kind) {
      case "page-break":
        breakBefore = true;
        return;
      case "heading":
        out.push(heading(block.level, block.runs, breakBefore));
        break;
      case "paragraph":
        out.push(
          prose(block.runs, {
            align: block.align ?? "justify",
            indent: block.indent ?? true,
            breakBefore,
            keepNext,
          }),
        );
        break;
      case "list":
        block.items.forEach((item, i) => {
          out.push(
            prose([{ text: "- " }, ...item], {
              align: "justify",
              indent: true,
              breakBefore: breakBefore && i === 0,
              keepNext: keepNext && i === block.items.length - 1,
            }),
          );
        });
        break;
      case "table":
        if (block.rows.every((row) => row.cells.length === 0)) return;
        if (breakBefore) out.push(new Paragraph({ pageBreakBefore: true, spacing: SINGLE, children: [] }));
        out.push(table(block.rows, block.widths, textWidth, options.tableSize));
        // Word merges adjacent tables, and prose right under a grid needs air.
        out.push(
          new Paragraph({ spacing: { before: 0, after: 120, line: 240 }, run: { size: 8 }, children: [] }),
        );
        break;
    }
    breakBefore = false;
  });
  if (breakBefore) out.push(new Paragraph({ pageBreakBefore: true, spacing: SINGLE, children: [] }));
  return out;
}

function heading(level: 1 | 2 | 3, runs: Run[], breakBefore: boolean): Paragraph {
  const text = level === 1 ? runs.map((run) => ({ ...run, text: upper(run.text) })) : runs;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { ...BODY_SPACING, before: level === 1 ? 120 : 0 },
    keepNext: true,
    keepLines: true,
    pageBreakBefore: breakBefore,
    outlineLevel: level - 1,
    children: modelRuns(text, { size: BODY_SIZE, bold: level < 3 }),
  });
}

interface ProseOptions {
  align: "left" | "center" | "right" | "justify";
  indent: boolean;
  breakBefore: boolean;
  keepNext: boolean;
}

function prose(runs: Run[], options: ProseOptions): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[options.align],
    indent: options.indent ? { firstLine: FIRST_LINE } : undefined,
    spacing: BODY_SPACING,
    pageBreakBefore: options.breakBefore,
    keepNext: options.keepNext,
    children: modelRuns(runs, { size: BODY_SIZE }),
  });
}

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Tables

type Slot =
  | { kind: "cell"; cell: ModelCell; column: number; span: number; merge: "restart" | undefined }
  | { kind: "continue"; column: number; span: number }
  | { kind: "filler"; column: number; span: 1 };

/**
 * Places the cells on a grid as HTML does: each cell goes to the next column not taken by a cell merged
 * down from above. Vertical merges are written here (restart/continue) rather than left to docx, so odd
 * input (spans past the last row, spans colliding with a merged cell, ragged rows) still yields a
 * rectangular grid that Word accepts.
 */
function layoutGrid(rows: ModelRow[]): { columns: number; slots: Slot[][] } {
  const carry = new Map<number, { remaining: number; span: number }>();
  const slots: Slot[][] = [];
  let columns = 0;
  rows.forEach((row, rowIndex) => {
    const out: Slot[] = [];
    let column = 0;
    let next = 0;
    const carryAtOrAfter = (from: number): boolean => [...carry.keys()].some((key) => key >= from);
    while (next < row.cells.length || carryAtOrAfter(column)) {
      const merged = carry.get(column);
      if (merged) {
        out.push({ kind: "continue", column, span: merged.span });
        merged.remaining -= 1;
        if (merged.remaining === 0) carry.delete(column);
        column += merged.span;
        continue;
      }
      const cell = row.cells[next];
      if (!cell) {
        out.push({ kind: "filler", column, span: 1 });
        column += 1;
        continue;
      }
      next += 1;
      const blocking = [...carry.keys()].filter((key) => key > column);
      const limit = blocking.length > 0 ? Math.min(...blocking) - column : Infinity;
      const span = Math.min(spanOf(cell.colspan, MAX_COLUMNS), limit);
      const rowspan = Math.min(spanOf(cell.rowspan, Infinity), rows.length - rowIndex);
      if (rowspan > 1) carry.set(column, { remaining: rowspan - 1, span });
      out.push({ kind: "cell", cell, column, span, merge: rowspan > 1 ? "restart" : undefined });
      column += span;
    }
    columns = Math.max(columns, column);
    slots.push(out);
  });
  columns = Math.max(columns, 1);
  for (const out of slots) {
    const last = out[out.length - 1];
    let column = last ? last.column + last.span : 0;
    while (column < columns) out.push({ kind: "filler", column: column++, span: 1 });
  }
  return { columns, slots };
}

/** A span as a whole number from 1 to `max`, whatever a hand-made model holds. */
function spanOf(value: number | undefined, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(Math.max(Math.floor(value), 1), max) : 1;
}

function columnWidths(columns: number, widths: number[] | undefined, textWidth: number): number[] {
  const usable =
    widths !== undefined &&
    widths.length === columns &&
    widths.every((weight) => Number.isFinite(weight) && weight > 0);
  const weights = usable ? widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const out = weights.map((weight) => Math.floor((weight / total) * textWidth));
  // The rounding remainder goes to the last column so the grid is exactly the text width.
  out[out.length - 1] = (out[out.length - 1] ?? 0) + textWidth - out.reduce((sum, width) => sum + width, 0);
  return out;
}

function table(rows: ModelRow[], widths: number[] | undefined, textWidth: number, size: number): Table {
  const { columns, slots } = layoutGrid(rows);
  const grid = columnWidths(columns, widths, textWidth);
  const span = (column: number, count: number): number =>
    grid.slice(column, column + count).reduce((sum, width) => sum + width, 0);
  let leadingHeader = true;
  const docxRows = rows.map((row, rowIndex) => {
    const header = row.header === true;
    leadingHeader = leadingHeader && header;
    const bold = header || row.total === true;
    const children = (slots[rowIndex] ?? []).map((slot) => {
      const width = { size: span(slot.column, slot.span), type: WidthType.DXA };
      const common = {
        width,
        columnSpan: slot.span > 1 ? slot.span : undefined,
        verticalAlign: VerticalAlignTable.CENTER,
      };
      if (slot.kind !== "cell") {
        return new TableCell({
          ...common,
          verticalMerge: slot.kind === "continue" ? VerticalMergeType.CONTINUE : undefined,
          children: [new Paragraph({ spacing: SINGLE, children: [] })],
        });
      }
      const align = slot.cell.align ?? (header ? "center" : "left");
      return new TableCell({
        ...common,
        verticalMerge: slot.merge === "restart" ? VerticalMergeType.RESTART : undefined,
        children: [
          new Paragraph({
            alignment: ALIGNMENT[align],
            spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
            children: modelRuns(slot.cell.runs, { size, bold }),
          }),
        ],
      });
    });
    return new TableRow({
      tableHeader: leadingHeader || undefined,
      cantSplit: header || undefined,
      children,
    });
  });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: { top: 0, bottom: 0, left: 80, right: 80 },
    rows: docxRows,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Runs

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Model runs; a run whose text is "\n" is a line break, and style given here adds to the run's own. */
function modelRuns(runs: Run[], style: RunStyle): ParagraphChild[] {
  return runs.flatMap((run) =>
    textRuns(cleanText(run.text), {
      size: style.size,
      bold: style.bold || run.bold,
      italic: style.italic || run.italic,
    }),
  );
}

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

/** Twips that bold text of `sizePt` takes on its longest line. */
function longestLineWidth(text: string, sizePt: number): number {
  let widest = 0;
  for (const piece of text.split("\n")) {
    let units = 0;
    for (const char of piece) {
      const decomposed = char.normalize("NFD");
      const base = decomposed[0] ?? char;
      const horn = decomposed.includes("\u031B");
      const code = base.charCodeAt(0);
      units += (horn ? BOLD_SPECIAL[base] : undefined) ?? BOLD_SPECIAL[char] ?? BOLD_ASCII[code - 32] ?? 556;
    }
    widest = Math.max(widest, (units / 1000) * sizePt * 20);
  }
  return widest;
}

// ---------------------------------------------------------------------------------------------------------
// Reproducible bytes

/** The frame's date if it is a plausible ISO date (the zip format counts years from 1980), else 1980-01-01. */
function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return "1980-01-01";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1980 || year > 2107 || month < 1 || month > 12 || day < 1 || day > 31) return "1980-01-01";
  return value.trim();
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

/**
 * The zip writer stamps every entry with the current time. The stamps are outside the compressed data and
 * its CRC, so they are rewritten in place (local headers and central directory) to `date` at 00:00; the
 * entries' order and DEFLATE data are already a function of the content.
 */
function fixTimestamps(zip: Uint8Array, date: string): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const end = out.byteLength - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) {
    throw new Error("docx produced a zip file with a comment or without an end record");
  }
  const count = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error("unexpected zip central directory entry");
    view.setUint16(entry + 12, 0, true);
    view.setUint16(entry + 14, dosDate, true);
    const local = view.getUint32(entry + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("unexpected zip local header");
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    entry +=
      46 +
      view.getUint16(entry + 28, true) +
      view.getUint16(entry + 30, true) +
      view.getUint16(entry + 32, true);
  }
  return out;
}
