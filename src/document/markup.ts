/**
 * The document markup (a small HTML subset that the Handlebars templates produce) parsed into blocks.
 *
 * Templates say what the report contains; this module only recognises structure. Everything a unit wrote
 * arrives HTML-escaped by Handlebars, so after entity decoding it is plain text here and stays text: the
 * parser never interprets decoded content, it only reads the tags the template itself wrote.
 */
import { Parser } from "htmlparser2";
import type { Appendix, Block, Run, TableCell, TableRow } from "./model.js";
import { cleanLine, cleanText, collapseSpace } from "./text.js";
import type { DeferredMarkup } from "./template.js";

/** The element that marks a deferred output (template.ts's `DEFERRED_MARKER`). */
const DEFERRED_TAG = "geq-deferred";

interface ElementNode {
  type: "element";
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  /** Where the element's content begins in the markup its tree was built from. */
  contentStart?: number;
}
type MarkupNode = ElementNode | { type: "text"; text: string };

/** Raw inline content before white space is collapsed; `br` is a separate kind so spaces can be trimmed around it. */
type RawRun = { text: string; bold: boolean; italic: boolean; br?: true };

interface Style {
  bold: boolean;
  italic: boolean;
}

const PLAIN: Style = { bold: false, italic: false };

// Beyond this nesting the content is read as plain text without recursion, so absurdly deep input cannot
// exhaust the stack (the parser must never throw).
const MAX_DEPTH = 200;
// Word cannot lay out more columns than this; a larger colspan is a mistake, not a layout.
const MAX_COLSPAN = 63;
const MAX_ROWSPAN = 10_000;
const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "td",
  "th",
  "pagebreak",
  "appendix",
  "div",
]);

const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  recognizeSelfClosing: true,
} as const;

/** The markup as blocks, every appendix's blocks read at once. */
export function parseMarkup(markup: string): { body: Block[]; appendices: Appendix[] } {
  const root = buildTree(markup);
  const appendices: Appendix<Iterable<Block>>[] = [];
  const body = new BlockBuilder();
  body.walk(root.children, 0, appendices);
  // Without parted appendices, every appendix's blocks are an array.
  return { body: body.finish(), appendices: appendices as Appendix[] };
}

/**
 * The markup as blocks, each large appendix's blocks read only when they are iterated, a part at a
 * time: Phụ lục IV of 10,000 units is some 100 million characters of markup, and its blocks are
 * written into the document as they are read instead of being held whole.
 */
export function readMarkup(
  markup: string,
  deferred?: DeferredMarkup,
): { body: Block[]; appendices: Appendix<Iterable<Block>>[] } {
  let text = String(markup);
  const marker = deferred ? text.indexOf(deferred.marker) : -1;
  const parts = appendixParts(text, marker >= 0 ? deferred : undefined);
  // A deferred partial called where its output cannot be read by itself: its output is put in place.
  if (deferred && marker >= 0 && !parts.some((p) => p.deferred)) {
    text =
      text.slice(0, marker) + [...deferred.parts()].join("") + text.slice(marker + deferred.marker.length);
    return readMarkup(text);
  }
  // The body's tree is built with the parted appendices' content cut out; they are read later, by part.
  // Each is known in the body's tree by where its content began there.
  let rest = "";
  let from = 0;
  const parted = new Map<number, AppendixPart>();
  for (const part of parts) {
    rest += text.slice(from, part.start);
    parted.set(rest.length, part);
    from = part.end;
  }
  rest += text.slice(from);
  const root = buildTree(parts.length ? rest : text);
  const appendices: Appendix<Iterable<Block>>[] = [];
  const body = new BlockBuilder((at) => {
    const part = parted.get(at);
    return part && { [Symbol.iterator]: () => partedBlocks(text, part) };
  });
  body.walk(root.children, 0, appendices);
  return { body: body.finish(), appendices };
}

/** An appendix whose content lies between `start` and `end`, read in the parts `cuts` divide it into. */
interface AppendixPart {
  start: number;
  end: number;
  cuts: number[];
  depth: number;
  /** The deferred partial's output stands at `at` (its marker ends at `after`), read part by part. */
  deferred?: { at: number; after: number; parts: DeferredMarkup["parts"] };
}

/** Markup an appendix's part holds at least, so that a part's tree stays small but parts are few. */
const PART_CHARS = 256 * 1024;

/** Block elements after whose end nothing is pending: a part may end there without changing any block. */
const PART_ENDS = new Set(["p", "h1", "h2", "h3", "ul", "ol", "table"]);

/** Elements whose content the block builder does not look through for appendices. */
const OPAQUE = new Set([
  "h1",
  "h2",
  "h3",
  "p",
  "ul",
  "ol",
  "table",
  "b",
  "strong",
  "i",
  "em",
  "br",
  "appendix",
]);

/**
 * The appendices that are large enough to read by parts, found without building a tree: those the block
 * builder takes out of the body (below only elements it looks through), written with an explicit end
 * tag, and larger than one part. Anything unusual leaves an appendix to be read whole, as before.
 */
function appendixParts(markup: string, deferred?: DeferredMarkup): AppendixPart[] {
  if (markup.length < 2 * PART_CHARS && !deferred) return [];
  const parts: AppendixPart[] = [];
  const stack: string[] = [];
  let open: (AppendixPart & { last: number }) | undefined;
  let blocked = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        // The deferred output is read alone when its marker stands right inside such an appendix.
        if (name === DEFERRED_TAG && deferred && open && stack.length === open.depth && blocked === 1)
          open.deferred = {
            at: parser.startIndex,
            after: parser.startIndex + deferred.marker.length,
            parts: () => deferred.parts(),
          };
        if (name === "appendix" && blocked === 0 && open === undefined && stack.length < MAX_DEPTH / 2)
          open = {
            start: parser.endIndex + 1,
            end: -1,
            cuts: [],
            depth: stack.length + 1,
            last: parser.endIndex + 1,
          };
        stack.push(name);
        if (OPAQUE.has(name)) blocked++;
      },
      onclosetag(name, implied) {
        const depth = stack.length;
        stack.pop();
        if (OPAQUE.has(name)) blocked--;
        if (open === undefined) return;
        if (depth === open.depth && name === "appendix") {
          if (!implied && (open.deferred || parser.startIndex - open.start > PART_CHARS)) {
            const { last: _, ...part } = open;
            parts.push({ ...part, end: parser.startIndex });
          }
          open = undefined;
        } else if (depth === open.depth + 1 && PART_ENDS.has(name)) {
          if (implied) open.cuts.push(-1);
          else if (parser.endIndex + 1 - open.last >= PART_CHARS) {
            open.cuts.push(parser.endIndex + 1);
            open.last = parser.endIndex + 1;
          }
        }
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(markup);
  parser.end();
  // A part cut at an end tag the parser had to imply is not safe to read alone: that appendix is read
  // whole; so is one with a deferred output, whose own markup is small (and then only the marker's
  // own end tag may be implied, which the check of the marker's place rules out).
  return parts.map((part) => (part.deferred || part.cuts.includes(-1) ? { ...part, cuts: [] } : part));
}

/** The blocks of a parted appendix, part by part; a deferred output's parts as they are rendered. */
function* partedBlocks(markup: string, part: AppendixPart): Generator<Block> {
  for (const piece of pieces(markup, part)) {
    const tree = buildTree(piece);
    const builder = new BlockBuilder();
    builder.walk(tree.children, part.depth + 1, null);
    yield* builder.finish();
  }
}

function* pieces(markup: string, part: AppendixPart): Generator<string> {
  if (part.deferred) {
    yield markup.slice(part.start, part.deferred.at);
    yield* part.deferred.parts();
    yield markup.slice(part.deferred.after, part.end);
    return;
  }
  const bounds = [part.start, ...part.cuts, part.end];
  for (let i = 0; i + 1 < bounds.length; i++) yield markup.slice(bounds[i], bounds[i + 1]);
}

function buildTree(markup: string): ElementNode {
  const root: ElementNode = { type: "element", name: "#root", attrs: {}, children: [] };
  const stack: ElementNode[] = [root];
  const top = (): ElementNode => stack[stack.length - 1] ?? root;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: ElementNode = { type: "element", name, attrs: { ...attrs }, children: [] };
        if (name === "appendix") element.contentStart = parser.endIndex + 1;
        top().children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        const siblings = top().children;
        const last = siblings[siblings.length - 1];
        // The tokenizer may hand text over in pieces (around entities); one node keeps collapsing simple.
        if (last?.type === "text") last.text += text;
        else siblings.push({ type: "text", text });
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(String(markup));
  parser.end();
  return root;
}

/** The blocks of an appendix read by parts, by where its content began; undefined for one read whole. */
type PartedAppendices = (contentStart: number) => Iterable<Block> | undefined;

class BlockBuilder {
  private readonly blocks: Block[] = [];
  private pending: RawRun[] = [];

  constructor(private readonly parted: PartedAppendices = () => undefined) {}

  /** `appendices` is null inside an appendix, where another appendix is just a wrapper. */
  walk(nodes: MarkupNode[], depth: number, appendices: Appendix<Iterable<Block>>[] | null): void {
    for (const node of nodes) {
      if (node.type === "text") {
        this.pending.push({ text: node.text, bold: false, italic: false });
        continue;
      }
      if (depth > MAX_DEPTH) {
        flatText(node.children, PLAIN, this.pending);
        continue;
      }
      switch (node.name) {
        case "h1":
        case "h2":
        case "h3": {
          this.flush();
          const runs = finishRuns(inline(node.children, PLAIN, depth + 1, []));
          const level = node.name === "h1" ? 1 : node.name === "h2" ? 2 : 3;
          if (hasText(runs)) this.blocks.push({ kind: "heading", level, runs });
          break;
        }
        case "p": {
          this.flush();
          const runs = finishRuns(inline(node.children, PLAIN, depth + 1, []));
          if (hasText(runs))
            this.blocks.push({ kind: "paragraph", runs, ...paragraphLayout(node.attrs.class) });
          break;
        }
        // Administrative lists are dashed; a numbered list's numbers belong in its text.
        case "ul":
        case "ol":
          this.flush();
          this.pushList(node, depth + 1);
          break;
        case "table":
          this.flush();
          this.pushTable(node, depth + 1);
          break;
        case "pagebreak":
          this.flush();
          this.blocks.push({ kind: "page-break" });
          // Written without its end tag it swallows what follows; that content is still the document's.
          this.walk(node.children, depth + 1, appendices);
          break;
        case "appendix":
          if (appendices === null) {
            this.walk(node.children, depth + 1, null);
          } else {
            this.flush();
            const blocks = node.contentStart === undefined ? undefined : this.parted(node.contentStart);
            appendices.push(blocks ? { ...appendixHead(node), blocks } : parseAppendix(node, depth + 1));
          }
          break;
        case "b":
        case "strong":
        case "i":
        case "em":
        case "br":
          inline([node], PLAIN, depth, this.pending);
          break;
        default:
          // Unknown tags are transparent: their text is read as the surrounding content would be.
          this.walk(node.children, depth + 1, appendices);
      }
    }
  }

  finish(): Block[] {
    this.flush();
    return this.blocks;
  }

  /** Loose text between blocks becomes an ordinary paragraph, unless it is only white space. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const runs = finishRuns(this.pending);
    this.pending = [];
    if (hasText(runs)) this.blocks.push({ kind: "paragraph", runs, align: "justify", indent: true });
  }

  private pushList(list: ElementNode, depth: number): void {
    const items: Run[][] = [];
    let loose: RawRun[] = [];
    const flushLoose = (): void => {
      const runs = finishRuns(loose);
      loose = [];
      if (hasText(runs)) items.push(runs);
    };
    for (const child of list.children) {
      if (child.type === "element" && child.name === "li") {
        flushLoose();
        const runs = finishRuns(inline(child.children, PLAIN, depth + 1, []));
        if (hasText(runs)) items.push(runs);
      } else {
        inline([child], PLAIN, depth + 1, loose);
      }
    }
    flushLoose();
    if (items.length > 0) this.blocks.push({ kind: "list", items });
  }

  private pushTable(table: ElementNode, depth: number): void {
    const rows: TableRow[] = [];
    let loose: ElementNode[] = [];
    const flushLoose = (): void => {
      if (loose.length > 0) pushRow(rows, { type: "element", name: "tr", attrs: {}, children: loose }, depth);
      loose = [];
    };
    // thead, tbody, tfoot and unknown wrappers are looked through; text outside cells has no place in a grid.
    const visit = (nodes: MarkupNode[], level: number): void => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        if (node.name === "tr") {
          flushLoose();
          pushRow(rows, node, level + 1);
        } else if (node.name === "td" || node.name === "th") {
          loose.push(node);
        } else if (level <= MAX_DEPTH) {
          visit(node.children, level + 1);
        }
      }
    };
    visit(table.children, depth);
    flushLoose();
    if (rows.length === 0) return;
    const widths = parseWidths(table.attrs["data-widths"]);
    this.blocks.push(widths ? { kind: "table", rows, widths } : { kind: "table", rows });
  }
}

function pushRow(rows: TableRow[], tr: ElementNode, depth: number): void {
  const cells: TableCell[] = [];
  let allHeaderCells = true;
  for (const child of tr.children) {
    if (child.type !== "element" || (child.name !== "td" && child.name !== "th")) continue;
    if (child.name === "td") allHeaderCells = false;
    const cell: TableCell = { runs: finishRuns(inline(child.children, PLAIN, depth + 1, [])) };
    const colspan = parseSpan(child.attrs.colspan, MAX_COLSPAN);
    const rowspan = parseSpan(child.attrs.rowspan, MAX_ROWSPAN);
    const align = cellAlign(child.attrs.class);
    if (colspan > 1) cell.colspan = colspan;
    if (rowspan > 1) cell.rowspan = rowspan;
    if (align) cell.align = align;
    cells.push(cell);
  }
  if (cells.length === 0) return;
  const classes = classList(tr.attrs.class);
  const row: TableRow = { cells };
  if (classes.includes("header") || allHeaderCells) row.header = true;
  if (classes.includes("total")) row.total = true;
  rows.push(row);
}

function parseAppendix(node: ElementNode, depth: number): Appendix {
  const blocks = new BlockBuilder();
  blocks.walk(node.children, depth, null);
  return { ...appendixHead(node), blocks: blocks.finish() };
}

function appendixHead(node: ElementNode): Omit<Appendix, "blocks"> {
  return {
    label: cleanLine(node.attrs.label ?? ""),
    title: cleanLine(node.attrs.title ?? ""),
    note: cleanLine(node.attrs.note ?? ""),
    landscape: Object.hasOwn(node.attrs, "landscape"),
  };
}

/** Appends the inline content of `nodes` to `out` (an accumulator: spreading large arrays overflows the stack). */
function inline(nodes: MarkupNode[], style: Style, depth: number, out: RawRun[]): RawRun[] {
  for (const node of nodes) {
    if (node.type === "text") {
      out.push({ text: node.text, bold: style.bold, italic: style.italic });
    } else if (node.name === "br") {
      out.push({ text: "\n", bold: style.bold, italic: style.italic, br: true });
    } else if (depth > MAX_DEPTH) {
      flatText(node.children, style, out);
    } else if (BLOCK_TAGS.has(node.name)) {
      // A block where only inline content fits still separates words, as it would on a page.
      out.push({ text: " ", ...style });
      inline(node.children, style, depth + 1, out);
      out.push({ text: " ", ...style });
    } else {
      const bold = style.bold || node.name === "b" || node.name === "strong";
      const italic = style.italic || node.name === "i" || node.name === "em";
      inline(node.children, { bold, italic }, depth + 1, out);
    }
  }
  return out;
}

/** All text below `nodes`, without recursion. */
function flatText(nodes: MarkupNode[], style: Style, out: RawRun[]): void {
  const stack: MarkupNode[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === "text") out.push({ text: node.text, ...style });
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MarkupNode);
  }
}

/**
 * HTML's white-space rules over a sequence of runs: runs of white space become one space, even across run
 * boundaries; none at the start or end of the block, nor around a line break. Adjacent runs of the same
 * style are merged.
 */
function finishRuns(raw: RawRun[]): Run[] {
  const runs: Run[] = [];
  let afterSpace = true;
  const trimEnd = (): void => {
    for (let i = runs.length - 1; i >= 0; i--) {
      const run = runs[i] as Run;
      if (run.text === "\n") break;
      if (run.text.endsWith(" ")) run.text = run.text.slice(0, -1);
      if (run.text !== "") break;
      runs.splice(i, 1);
    }
  };
  for (const piece of raw) {
    if (piece.br) {
      trimEnd();
      runs.push({ text: "\n" });
      afterSpace = true;
      continue;
    }
    let text = collapseSpace(cleanText(piece.text));
    if (afterSpace && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    afterSpace = text.endsWith(" ");
    const last = runs[runs.length - 1];
    if (last && last.text !== "\n" && !!last.bold === piece.bold && !!last.italic === piece.italic) {
      last.text += text;
    } else {
      runs.push(styled(text, piece));
    }
  }
  trimEnd();
  return runs;
}

function styled(text: string, style: Style): Run {
  const run: Run = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  return run;
}

function hasText(runs: Run[]): boolean {
  return runs.some((run) => run.text !== "\n" && run.text !== "");
}

function classList(value: string | undefined): string[] {
  return (value ?? "").toLowerCase().split(/\s+/).filter(Boolean);
}

function paragraphLayout(classValue: string | undefined): {
  align: "left" | "center" | "right" | "justify";
  indent: boolean;
} {
  const classes = classList(classValue);
  if (classes.includes("center")) return { align: "center", indent: false };
  if (classes.includes("right")) return { align: "right", indent: false };
  if (classes.includes("left")) return { align: "left", indent: false };
  if (classes.includes("noindent")) return { align: "justify", indent: false };
  return { align: "justify", indent: true };
}

function cellAlign(classValue: string | undefined): TableCell["align"] {
  const classes = classList(classValue);
  if (classes.includes("center")) return "center";
  if (classes.includes("right")) return "right";
  if (classes.includes("left")) return "left";
  return undefined;
}

function parseSpan(value: string | undefined, max: number): number {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return 1;
  return Math.min(Math.max(Number.parseInt(value, 10), 1), max);
}

/** `6,30,8` → relative widths; anything unusable means equal columns rather than a guess. */
function parseWidths(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((part) => Number(part.trim()));
  if (parts.length === 0 || parts.some((n) => !Number.isFinite(n) || n <= 0)) return undefined;
  return parts;
}
