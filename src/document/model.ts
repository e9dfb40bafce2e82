/**
 * The document model: what a report says, independent of .docx. Templates produce markup that
 * parses into these blocks; the renderer owns how they look and the legal frame around them.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** level 1 = mục (`I.`), 2 = khoản (`1.`), 3 = điểm (`a)`); the numbering is part of `runs`. */
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; align?: "left" | "center" | "right" | "justify"; indent?: boolean }
  /** Bulleted with `- `, as administrative writing does. */
  | { kind: "list"; items: Run[][] }
  | { kind: "table"; rows: TableRow[]; widths?: number[] }
  | { kind: "page-break" };

export interface TableRow {
  cells: TableCell[];
  header?: boolean;
  /** A total row: bold. */
  total?: boolean;
}

export interface TableCell {
  runs: Run[];
  colspan?: number;
  rowspan?: number;
  align?: "left" | "center" | "right";
}

export interface Signer {
  authority?: string;
  position: string;
  name: string;
}

/** The administrative-document frame of Nghị định 30/2020/NĐ-CP, Phụ lục I. */
export interface Frame {
  /** Cơ quan chủ quản, printed above the issuer; empty for none. */
  parent: string;
  issuer: string;
  /** The full number line, e.g. `Số:      /BC-BXD` or `Số: 125/BC-VKT`. */
  number: string;
  place: string;
  /** ISO date of the document. */
  date: string;
  /** Document type, `BÁO CÁO`. */
  type: string;
  subject: string;
  /** Without the `Kính gửi:` prefix; empty for none. */
  addressee: string;
  /** Recipient lines without the leading `- ` and trailing `;`/`.`. */
  recipients: string[];
  signer: Signer;
}

/** `B`: the blocks held (an array), or read as they are written (any iterable: see `readMarkup`). */
export interface Appendix<B extends Iterable<Block> = Block[]> {
  /** `Phụ lục I` */
  label: string;
  title: string;
  /** `(Kèm theo Báo cáo số …/BC-BXD ngày … tháng … năm … của Bộ Xây dựng)` */
  note: string;
  landscape: boolean;
  blocks: B;
}

export interface DocumentModel<B extends Iterable<Block> = Block[]> {
  frame: Frame;
  body: Block[];
  appendices: Appendix<B>[];
}
