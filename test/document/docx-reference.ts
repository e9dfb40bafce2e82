/**
 * The body blocks as the renderer built them before it wrote WordprocessingML itself: docx objects, laid out
 * and serialised by docx. Kept as the oracle that wordml.ts must match byte for byte (see wordml.test.ts);
 * change both together, on purpose.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { ParagraphChild } from "docx";
import type { Block, Run, TableCell as ModelCell, TableRow as ModelRow } from "../../src/document/model.js";
import { cleanText } from "../../src/document/text.js";
import { endsWithColon, isLabel, numberSize, numberText } from "../../src/document/wordml.js";
import { part } from "./docx-xml.js";

const FONT_NAME = "Times New Roman";
const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, eastAsia: FONT_NAME, cs: FONT_NAME };
const BLACK = "000000";
const FIRST_LINE = 720;
const BODY_SIZE = 14;
const BODY_SPACING = { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO };
const SINGLE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
const MAX_COLUMNS = 63;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const GRID_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

/**
 * What docx writes for `blocks` in the body of a document of two sections, the blocks making up the first:
 * the XML before the body's own `w:sectPr`, and the first section's `w:sectPr`, which docx puts into the
 * properties of the section's last paragraph (or of an empty paragraph it adds when there is none).
 */
export async function referenceXml(
  blocks: Block[],
  options: { textWidth: number; tableSize: number; keepLastWithNext: boolean },
): Promise<{ body: string; sectionEnd: string }> {
  const doc = new Document({
    sections: [
      { children: renderBlocks(blocks, options.textWidth, options) },
      { children: [new Paragraph({ children: [new TextRun("end")] })] },
    ],
  });
  // docx has no w:noWrap; a number's cell asks for the one text direction nothing else uses, which docx
  // writes where w:noWrap goes.
  const xml = part(await Packer.pack(doc, "uint8array"), "word/document.xml").replaceAll(
    `<w:textDirection w:val="${TextDirection.LEFT_TO_RIGHT_TOP_TO_BOTTOM}"/>`,
    "<w:noWrap/>",
  );
  const start = xml.indexOf("<w:body>") + "<w:body>".length;
  const end = xml.indexOf('<w:p><w:r><w:t xml:space="preserve">end</w:t></w:r></w:p>');
  const sectionEnd = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? "";
  return { body: xml.slice(start, end), sectionEnd };
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
    const next = blocks[index + 1];
    // A label ending with a colon stays with the list or table it introduces.
    const introduces =
      (next?.kind === "list" && next.items.length > 0) ||
      (next?.kind === "table" && !next.rows.every((row) => row.cells.length === 0));
    // So does a label in bold or italics with whatever comes next on the page.
    const followed = introduces || next?.kind === "heading" || next?.kind === "paragraph";
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
            keepNext:
              keepNext || (introduces && endsWithColon(block.runs)) || (followed && isLabel(block.runs)),
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
              keepNext: i === block.items.length - 1 && (keepNext || (introduces && endsWithColon(item))),
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
    children: modelRuns(text, { size: BODY_SIZE, bold: level < 3, italic: level === 3 }),
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
    const rowSlots = slots[rowIndex] ?? [];
    const only = rowSlots[0];
    const group = columns > 1 && rowSlots.length === 1 && only?.kind === "cell" && only.span === columns;
    const keepNext = rowIndex < rows.length - 1 && (leadingHeader || group);
    const children = rowSlots.map((slot) => {
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
      const number = numberText(slot.cell.runs);
      return new TableCell({
        ...common,
        verticalMerge: slot.merge === "restart" ? VerticalMergeType.RESTART : undefined,
        textDirection: number === undefined ? undefined : TextDirection.LEFT_TO_RIGHT_TOP_TO_BOTTOM,
        children: [
          new Paragraph({
            alignment: ALIGNMENT[align],
            keepNext: keepNext || undefined,
            spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
            children: modelRuns(slot.cell.runs, {
              size: number === undefined ? size : numberSize(number, size, width.size - 160),
              bold,
            }),
          }),
        ],
      });
    });
    return new TableRow({
      tableHeader: leadingHeader || undefined,
      cantSplit: true,
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
