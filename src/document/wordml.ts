/**
 * Body blocks (headings, prose, lists, tables) written straight as WordprocessingML.
 *
 * A consolidated report of a thousand units has tens of thousands of paragraphs and table cells; building
 * them as docx objects and letting docx serialise them cost seconds and gigabytes. This writes the same
 * XML, element for element and attribute for attribute, as those docx objects did (the tests hold it to
 * them), as string pieces handed to a sink: an array to join, or the package writer's compressing sink.
 *
 * Every piece of text is cleaned (`cleanText`) once, then escaped; everything else is markup built here
 * from numbers and constants. The frame around the blocks stays with docx (see render.ts).
 */
import type { Block, Run, TableCell, TableRow } from "./model.js";
import { cleanText } from "./text.js";

/** Where the XML goes, piece by piece; a `string[]` is one. */
export interface XmlSink {
  push(piece: string): unknown;
}

export interface BlockOptions {
  /** The width of the text area in twips: tables take all of it. */
  textWidth: number;
  /** Table text size in points. */
  tableSize: number;
  /** The last paragraph of the body stays on the page of the signature. */
  keepLastWithNext: boolean;
}

/** 1.27 cm, the first-line indent of administrative prose. */
const FIRST_LINE = 720;
export const BODY_SIZE = 14;
/** Word lays out no more columns than this. */
const MAX_COLUMNS = 63;

type Align = "left" | "center" | "right" | "justify";

const JC: Record<Align, string> = { left: "left", center: "center", right: "right", justify: "both" };

// ---------------------------------------------------------------------------------------------------------
// Text

const ESCAPABLE = /[&<>"']/;
const ESCAPABLE_ALL = /[&<>"']/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
const entity = (char: string): string => ENTITY[char] ?? char;

/** Text as XML character data or attribute value: `& < > " '` escaped (as docx escapes them). */
export function escapeXml(text: string): string {
  return ESCAPABLE.test(text) ? text.replace(ESCAPABLE_ALL, entity) : text;
}

const LINE_BREAK = /\r\n|\r|\n/;

// ---------------------------------------------------------------------------------------------------------
// Runs

const FONT = "Times New Roman";
const RUN_FONTS = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;
const TEXT_OPEN = '<w:t xml:space="preserve">';
const RUN_CLOSE = "</w:t></w:r>";

interface RunStart {
  /** `<w:r>`, its properties and the opening of its text. */
  plain: string;
  /** The same after a line break. */
  afterBreak: string;
}

const runStarts = new Map<number, RunStart>();

/** The opening of a run of `size` points: black Times New Roman, bold and italic as asked. */
function runStart(size: number, bold: boolean, italic: boolean): RunStart {
  // Sizes come in half points (a number shrunk to fit its cell may be 10.5 pt).
  const half = Math.round(size * 2);
  const key = half * 4 + (bold ? 2 : 0) + (italic ? 1 : 0);
  let start = runStarts.get(key);
  if (start === undefined) {
    const properties =
      `<w:rPr>${RUN_FONTS}${bold ? "<w:b/><w:bCs/>" : ""}${italic ? "<w:i/><w:iCs/>" : ""}` +
      `<w:color w:val="000000"/><w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`;
    start = { plain: `<w:r>${properties}${TEXT_OPEN}`, afterBreak: `<w:r>${properties}<w:br/>${TEXT_OPEN}` };
    runStarts.set(key, start);
  }
  return start;
}

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Capitals, as mục headings are set. */
  upper?: boolean;
}

/**
 * Model runs as `w:r` elements; a line break in a run's text (a run of "\n" is one) starts a new run with
 * `w:br`. Style given here adds to the run's own.
 */
function writeRuns(out: XmlSink, runs: readonly Run[], style: RunStyle): void {
  for (const run of runs) {
    const start = runStart(
      style.size,
      style.bold === true || run.bold === true,
      style.italic === true || run.italic === true,
    );
    let text = cleanText(run.text);
    if (style.upper) text = text.toLocaleUpperCase("vi-VN").normalize("NFC");
    if (!LINE_BREAK.test(text)) {
      out.push(start.plain);
      out.push(escapeXml(text));
      out.push(RUN_CLOSE);
      continue;
    }
    text.split(LINE_BREAK).forEach((piece, i) => {
      out.push(i === 0 ? start.plain : start.afterBreak);
      out.push(escapeXml(piece));
      out.push(RUN_CLOSE);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Paragraphs

const BODY_SPACING = '<w:spacing w:after="120" w:before="0" w:line="276" w:lineRule="auto"/>';
const HEADING_SPACING = '<w:spacing w:after="120" w:before="120" w:line="276" w:lineRule="auto"/>';
const SINGLE_SPACING = '<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>';
const CELL_SPACING = '<w:spacing w:after="40" w:before="40" w:line="240" w:lineRule="auto"/>';
const INDENT = `<w:ind w:firstLine="${FIRST_LINE}"/>`;
const PAGE_BREAK_BEFORE = "<w:pageBreakBefore/>";

/** An empty paragraph that starts a new page; `end` as in `ProseOptions`. */
const pageBreak = (end = ""): string =>
  `<w:p><w:pPr>${PAGE_BREAK_BEFORE}${SINGLE_SPACING}${end}</w:pPr></w:p>`;
/** Keeps a table off the next one (Word would merge them) and gives prose below a grid some air. */
const afterTable = (end = ""): string =>
  '<w:p><w:pPr><w:spacing w:after="120" w:before="0" w:line="240"/>' +
  `<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr>${end}</w:pPr></w:p>`;
const EMPTY_CELL_PARAGRAPH = `<w:p><w:pPr>${SINGLE_SPACING}</w:pPr></w:p>`;

interface ProseOptions {
  align: Align;
  indent: boolean;
  breakBefore: boolean;
  keepNext: boolean;
  /** XML that ends the paragraph's properties: the `w:sectPr` of the section the paragraph ends, or "". */
  end: string;
}

function writeProse(out: XmlSink, runs: readonly Run[], options: ProseOptions): void {
  out.push(
    `<w:p><w:pPr>${options.keepNext ? "<w:keepNext/>" : '<w:keepNext w:val="false"/>'}` +
      `${options.breakBefore ? PAGE_BREAK_BEFORE : ""}${BODY_SPACING}${options.indent ? INDENT : ""}` +
      `<w:jc w:val="${JC[options.align]}"/>${options.end}</w:pPr>`,
  );
  writeRuns(out, runs, { size: BODY_SIZE });
  out.push("</w:p>");
}

/**
 * A heading: mục (level 1) in capitals and bold, khoản bold, điểm in italics, which sets a sub-task's
 * heading apart from the plain text under it; kept with what follows.
 */
function writeHeading(
  out: XmlSink,
  level: number,
  runs: readonly Run[],
  breakBefore: boolean,
  end: string,
): void {
  out.push(
    `<w:p><w:pPr><w:keepNext/><w:keepLines/>${breakBefore ? PAGE_BREAK_BEFORE : ""}` +
      `${level === 1 ? HEADING_SPACING : BODY_SPACING}${INDENT}<w:jc w:val="both"/>` +
      `<w:outlineLvl w:val="${level - 1}"/>${end}</w:pPr>`,
  );
  writeRuns(out, runs, { size: BODY_SIZE, bold: level < 3, italic: level === 3, upper: level === 1 });
  out.push("</w:p>");
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

/** A table with no cell writes nothing. */
const emptyTable = (block: Block): boolean =>
  block.kind === "table" && block.rows.every((row) => row.cells.length === 0);

/**
 * What the blocks' last paragraph belongs to: the index of a block, `"break"` for a page break left over
 * at the end (written as an empty paragraph), or undefined when the blocks write nothing at all.
 */
export function lastParagraphOf(blocks: readonly Block[]): number | "break" | undefined {
  let last: number | undefined;
  let breakBefore = false;
  blocks.forEach((block, index) => {
    if (block.kind === "page-break") {
      breakBefore = true;
      return;
    }
    if (emptyTable(block)) return;
    // A list without items writes nothing, but takes a page break before it with it, as writeBlocks does.
    breakBefore = false;
    if (block.kind !== "list" || block.items.length > 0) last = index;
  });
  return breakBefore ? "break" : last;
}

/** Whether a block puts anything on the page: not a page break, an empty table or a list without items. */
const writes = (block: Block): boolean =>
  block.kind !== "page-break" && !emptyTable(block) && (block.kind !== "list" || block.items.length > 0);

/** Whether any of the blocks writes something: read only as far as the first that does. */
export function writesAnything(blocks: Iterable<Block>): boolean {
  for (const block of blocks) if (writes(block)) return true;
  return false;
}

/**
 * Blocks read from an iterable a few at a time, for a writer that looks ahead: an appendix of
 * 10,000 units' texts is parsed as it is written, never held whole.
 */
class Lookahead {
  private readonly iterator: Iterator<Block>;
  private readonly buffer: Block[] = [];
  private base = 0;
  private done = false;

  constructor(blocks: Iterable<Block>) {
    this.iterator = blocks[Symbol.iterator]();
  }

  at(index: number): Block | undefined {
    while (!this.done && index - this.base >= this.buffer.length) {
      const next = this.iterator.next();
      if (next.done) this.done = true;
      else this.buffer.push(next.value);
    }
    return this.buffer[index - this.base];
  }

  /** Forgets the blocks before `index`. */
  release(index: number): void {
    while (this.base < index && this.buffer.length > 0) {
      this.buffer.shift();
      this.base++;
    }
  }
}

/**
 * Whether `blocks[index]` is the blocks' last paragraph (see `lastParagraphOf`): it writes, nothing after
 * it does, and no page break is left over after it.
 */
function endsBlocks(ahead: Lookahead, index: number): boolean {
  const block = ahead.at(index);
  if (block === undefined || !writes(block)) return false;
  let breakAfter = false;
  for (let j = index + 1; ; j++) {
    const later = ahead.at(j);
    if (later === undefined) return !breakAfter;
    if (later.kind === "page-break") breakAfter = true;
    else if (writes(later)) return false;
    else if (!emptyTable(later)) breakAfter = false;
  }
}

/**
 * Writes `blocks` to `out`. A page break is carried by the next paragraph (`w:pageBreakBefore`); every
 * table is followed by a small empty paragraph, so the blocks always end with a paragraph.
 *
 * `sectionEnd` is the `w:sectPr` of a section that these blocks end: Word keeps it in the properties of a
 * section's last paragraph, where it goes (if the blocks write nothing, it is left out: see
 * `lastParagraphOf`).
 */
export function writeBlocks(
  out: XmlSink,
  blocks: Iterable<Block>,
  options: BlockOptions,
  sectionEnd = "",
): void {
  const ahead = new Lookahead(blocks);
  let breakBefore = false;
  for (let index = 0; ; index++) {
    const block = ahead.at(index);
    if (block === undefined) break;
    ahead.release(index);
    const next = ahead.at(index + 1);
    const keepNext = options.keepLastWithNext && next === undefined;
    const introduces = introducesNext(next);
    const endOf = (): string => (sectionEnd !== "" && endsBlocks(ahead, index) ? sectionEnd : "");
    switch (block.kind) {
      case "page-break":
        breakBefore = true;
        continue;
      case "heading":
        writeHeading(out, block.level, block.runs, breakBefore, endOf());
        break;
      case "paragraph":
        writeProse(out, block.runs, {
          align: block.align ?? "justify",
          indent: block.indent ?? true,
          breakBefore,
          keepNext:
            keepNext ||
            (introduces && endsWithColon(block.runs)) ||
            (writesNext(next) && isLabel(block.runs)),
          end: endOf(),
        });
        break;
      case "list": {
        const lastItem = block.items.length - 1;
        block.items.forEach((item, i) => {
          writeProse(out, [DASH, ...item], {
            align: "justify",
            indent: true,
            breakBefore: breakBefore && i === 0,
            keepNext: i === lastItem && (keepNext || (introduces && endsWithColon(item))),
            end: i === lastItem ? endOf() : "",
          });
        });
        break;
      }
      case "table":
        if (emptyTable(block)) continue;
        if (breakBefore) out.push(pageBreak());
        writeTable(out, block.rows, block.widths, options.textWidth, options.tableSize);
        out.push(afterTable(endOf()));
        break;
    }
    breakBefore = false;
  }
  // A page break left over at the end is an empty paragraph, and the section's last (see lastParagraphOf).
  if (breakBefore) out.push(pageBreak(sectionEnd));
}

/** Administrative lists are dashed. */
const DASH: Run = { text: "- " };

/**
 * Whether the next block is a list or a table that writes something (no page break between): a paragraph
 * that ends with a colon there introduces it, and is kept on its page.
 */
function introducesNext(next: Block | undefined): boolean {
  return (next?.kind === "list" && next.items.length > 0) || (next?.kind === "table" && !emptyTable(next));
}

/** Whether the next block writes something, on the same page. */
function writesNext(next: Block | undefined): boolean {
  return next !== undefined && writes(next);
}

/** Longer than this, an emphasised paragraph is prose (a quotation, a note), not a label. */
const LABEL_LENGTH = 200;

/**
 * Whether the runs make a label that heads what follows as a heading would: one short line set wholly in
 * bold or italics (`Kết quả nổi bật:`, a unit's task group in Phụ lục IV).
 */
export function isLabel(runs: readonly Run[]): boolean {
  let length = 0;
  for (const run of runs) {
    const text = cleanText(run.text);
    if (LINE_BREAK.test(text)) return false;
    if (text.trim() === "") continue;
    if (run.bold !== true && run.italic !== true) return false;
    length += text.length;
  }
  return length > 0 && length <= LABEL_LENGTH;
}

/** Whether the runs' text ends with a colon, as a label does (`Các hoạt động tiêu biểu:`). */
export function endsWithColon(runs: readonly Run[]): boolean {
  for (let i = runs.length - 1; i >= 0; i--) {
    const text = cleanText(runs[i]?.text ?? "").trimEnd();
    if (text !== "") return text.endsWith(":");
  }
  return false;
}

/** The blocks' XML as one string. */
export function blocksXml(blocks: readonly Block[], options: BlockOptions, sectionEnd = ""): string {
  const out: string[] = [];
  writeBlocks(out, blocks, options, sectionEnd);
  return out.join("");
}

// ---------------------------------------------------------------------------------------------------------
// Tables

type Slot =
  | { kind: "cell"; cell: TableCell; column: number; span: number; merge: "restart" | undefined }
  | { kind: "continue"; column: number; span: number }
  | { kind: "filler"; column: number; span: 1 };

/**
 * Places the cells on a grid as HTML does: each cell goes to the next column not taken by a cell merged
 * down from above. Vertical merges are written here (restart/continue) rather than left to Word, so odd
 * input (spans past the last row, spans colliding with a merged cell, ragged rows) still yields a
 * rectangular grid that Word accepts.
 */
function layoutGrid(rows: readonly TableRow[]): { columns: number; slots: Slot[][] } {
  /** Column → the cell merged down into it: rows still to cover, and its width in columns. */
  const carry = new Map<number, { remaining: number; span: number }>();
  const slots: Slot[][] = [];
  let columns = 0;
  /** The first column at or after `from` taken by a merge from above, or Infinity. */
  const nextCarried = (from: number): number => {
    let found = Infinity;
    for (const key of carry.keys()) if (key >= from && key < found) found = key;
    return found;
  };
  rows.forEach((row, rowIndex) => {
    const out: Slot[] = [];
    let column = 0;
    let next = 0;
    while (next < row.cells.length || (carry.size > 0 && nextCarried(column) !== Infinity)) {
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
      const limit = carry.size > 0 ? nextCarried(column + 1) - column : Infinity;
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

/** Column widths in twips from relative weights (equal columns if they do not fit), filling `textWidth`. */
function columnWidths(columns: number, widths: readonly number[] | undefined, textWidth: number): number[] {
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

const GRID_LINE = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_BORDERS =
  `<w:tblBorders><w:top ${GRID_LINE}/><w:left ${GRID_LINE}/><w:bottom ${GRID_LINE}/><w:right ${GRID_LINE}/>` +
  `<w:insideH ${GRID_LINE}/><w:insideV ${GRID_LINE}/></w:tblBorders>`;
const TABLE_LAYOUT =
  '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="80"/>' +
  '<w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>';
const V_ALIGN = '<w:vAlign w:val="center"/>';
/** For a clerk who switches a table to AutoFit in Word: fixed layout ignores it, hence `numberSize`. */
const NO_WRAP = "<w:noWrap/>";
const KEEP_NEXT = "<w:keepNext/>";
/** The left and right cell margins of `TABLE_LAYOUT`. */
const CELL_MARGINS = 160;

/** A row whose one cell spans the whole table: the heading of the rows under it. */
function isGroupRow(slots: readonly Slot[], columns: number): boolean {
  return columns > 1 && slots.length === 1 && slots[0]?.kind === "cell" && slots[0].span === columns;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers in cells

/** A figure as tables show it: `1.290.000.000`, `54,2`, `−68`, `+0,3`, `45%`. */
const NUMBER = /^[+\-\u2212\u2013]?\d[\d.,]*%?$/;

/** The cell's text if it is a single number, else undefined. */
export function numberText(runs: readonly Run[]): string | undefined {
  const text = cleanText(runs.map((run) => run.text).join("")).trim();
  return NUMBER.test(text) ? text : undefined;
}

/**
 * Advance widths per 1000 em of what a number is made of, the wider of Times New Roman regular and bold
 * (digits are 500 in both).
 */
const NUMBER_WIDTHS: Record<string, number> = {
  ".": 250,
  ",": 250,
  "+": 570,
  "-": 333,
  "\u2212": 570,
  "\u2013": 500,
  "%": 1000,
};
/** Measures are estimates: a number is given this much more room than it measures. */
const NUMBER_SLACK = 1.06;
/** Below this a figure is too small to read; a column that needs less must be widened instead. */
const SMALLEST_NUMBER = 8;

/**
 * The size in points, in half-point steps, at which `number` fits on one line of `available` twips: the
 * table's `size` when it fits, else smaller. A fixed-layout table wraps a number too long for its column
 * between any two digits (`w:noWrap` does not apply to fixed layout), so the renderer shrinks it instead.
 */
export function numberSize(number: string, size: number, available: number): number {
  let units = 0;
  for (const char of number) units += NUMBER_WIDTHS[char] ?? 500;
  const twipsPerPoint = (units / 1000) * 20 * NUMBER_SLACK;
  if (twipsPerPoint * size <= available) return size;
  return Math.max(SMALLEST_NUMBER, Math.floor((available / twipsPerPoint) * 2) / 2);
}

/**
 * A bordered grid of fixed layout filling the text width. Leading header rows repeat on every page and, as
 * every header row, are not split across pages; header and total rows are bold.
 */
function writeTable(
  out: XmlSink,
  rows: readonly TableRow[],
  widths: readonly number[] | undefined,
  textWidth: number,
  size: number,
): void {
  const { columns, slots } = layoutGrid(rows);
  const grid = columnWidths(columns, widths, textWidth);
  /** Offsets of the grid lines, so a span's width is one subtraction. */
  const edges = [0];
  for (const width of grid) edges.push((edges[edges.length - 1] ?? 0) + width);
  const spanWidth = (column: number, span: number): number =>
    (edges[Math.min(column + span, columns)] ?? 0) - (edges[column] ?? 0);

  out.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${textWidth}"/>${TABLE_BORDERS}${TABLE_LAYOUT}</w:tblPr>`,
  );
  out.push(`<w:tblGrid>${grid.map((width) => `<w:gridCol w:w="${width}"/>`).join("")}</w:tblGrid>`);
  let leadingHeader = true;
  rows.forEach((row, rowIndex) => {
    const header = row.header === true;
    leadingHeader = leadingHeader && header;
    const bold = header || row.total === true;
    const rowSlots = slots[rowIndex] ?? [];
    // The head of the table and a group's row (`d) …`, one cell across the table) stay with the row
    // under them, never alone at the foot of a page.
    const keepNext =
      rowIndex < rows.length - 1 && (leadingHeader || isGroupRow(rowSlots, columns)) ? KEEP_NEXT : "";
    // No row breaks across pages: a unit's name and figures stay on one line of the table.
    out.push(`<w:tr><w:trPr><w:cantSplit/>${leadingHeader ? "<w:tblHeader/>" : ""}</w:trPr>`);
    for (const slot of rowSlots) {
      const merge =
        slot.kind === "continue"
          ? '<w:vMerge w:val="continue"/>'
          : slot.kind === "cell" && slot.merge === "restart"
            ? '<w:vMerge w:val="restart"/>'
            : "";
      const width = spanWidth(slot.column, slot.span);
      const number = slot.kind === "cell" ? numberText(slot.cell.runs) : undefined;
      out.push(
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
          `${slot.span > 1 ? `<w:gridSpan w:val="${slot.span}"/>` : ""}${merge}` +
          `${number === undefined ? "" : NO_WRAP}${V_ALIGN}</w:tcPr>`,
      );
      if (slot.kind === "cell") {
        const align = slot.cell.align ?? (header ? "center" : "left");
        out.push(`<w:p><w:pPr>${keepNext}${CELL_SPACING}<w:jc w:val="${JC[align]}"/></w:pPr>`);
        const fitted = number === undefined ? size : numberSize(number, size, width - CELL_MARGINS);
        writeRuns(out, slot.cell.runs, { size: fitted, bold });
        out.push("</w:p></w:tc>");
      } else {
        out.push(EMPTY_CELL_PARAGRAPH);
        out.push("</w:tc>");
      }
    }
    out.push("</w:tr>");
  });
  out.push("</w:tbl>");
}
