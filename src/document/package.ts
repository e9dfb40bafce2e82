/**
 * The zip side of a .docx: reads the package docx wrote, and writes it again with one part replaced by XML
 * streamed from string pieces, every entry dated with the document's date.
 *
 * The replaced part (word/document.xml, tens of megabytes for a large report) is never held whole: its
 * pieces are gathered into chunks of about a million characters, and each chunk is encoded, added to the
 * CRC and compressed on its own, ended with a sync flush so the compressed chunks join into one DEFLATE
 * stream (as pigz does). The other parts keep the bytes docx compressed them to.
 *
 * The bytes are a function of the content: entries keep docx's order, timestamps are the document's date,
 * and the chunks split at the same places for the same XML. The replaced part is compressed by the zlib
 * that Node.js bundles, so another Node.js release may compress it to different (equally valid) bytes.
 */
import * as zlib from "node:zlib";
import type { XmlSink } from "./wordml.js";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** General-purpose flag: sizes and CRC in a data descriptor after the data, not in the local header. */
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;

export interface ZipEntry {
  name: string;
  /** Offset of the central directory record. */
  central: number;
  /** Length of the central directory record, with its name, extra field and comment. */
  centralLength: number;
  /** Offset of the local header. */
  local: number;
  /** Length of the local header, with its name and extra field. */
  localLength: number;
  method: number;
  compressedSize: number;
}

/** The entries of a zip file without a comment (as docx writes them), in the order of its central directory. */
export function readEntries(zip: Uint8Array): ZipEntry[] {
  const view = viewOf(zip);
  const end = zip.byteLength - 22;
  if (end < 0 || view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) {
    throw new Error("docx produced a zip file with a comment or without an end record");
  }
  const count = view.getUint16(end + 10, true);
  let central = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (central + 46 > end || view.getUint32(central, true) !== CENTRAL_HEADER) {
      throw new Error("unexpected zip central directory entry");
    }
    const nameLength = view.getUint16(central + 28, true);
    const centralLength =
      46 + nameLength + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
    const local = view.getUint32(central + 42, true);
    if (local + 30 > zip.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) {
      throw new Error("unexpected zip local header");
    }
    if ((view.getUint16(local + 6, true) & DATA_DESCRIPTOR) !== 0) {
      throw new Error("unexpected zip entry with a data descriptor");
    }
    entries.push({
      name: new TextDecoder().decode(zip.subarray(central + 46, central + 46 + nameLength)),
      central,
      centralLength,
      local,
      localLength: 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true),
      method: view.getUint16(central + 10, true),
      compressedSize: view.getUint32(central + 20, true),
    });
    central += centralLength;
  }
  return entries;
}

/** The uncompressed bytes of an entry. */
export function entryData(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = entry.local + entry.localLength;
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== DEFLATE) throw new Error(`unexpected zip compression method ${entry.method}`);
  return new Uint8Array(zlib.inflateRawSync(data));
}

/** A part compressed, as a zip entry holds it. */
export interface CompressedPart {
  /** DEFLATE data, in pieces that are to be joined. */
  chunks: Uint8Array[];
  compressedSize: number;
  size: number;
  crc: number;
}

/** Characters gathered before a chunk is encoded and compressed. */
const CHUNK = 1 << 20;

/**
 * Collects XML pieces and compresses them chunk by chunk; `finish` gives the compressed part. A chunk ends
 * between pieces, so a piece must not end inside a surrogate pair (no cleaned text does).
 */
export class DeflateSink implements XmlSink {
  private pieces: string[] = [];
  private pending = 0;
  private readonly chunks: Uint8Array[] = [];
  private compressedSize = 0;
  private size = 0;
  private crc = 0;
  private finished = false;

  constructor(private readonly chunkLength = CHUNK) {}

  push(piece: string): void {
    if (this.finished) throw new Error("DeflateSink written to after finish");
    this.pieces.push(piece);
    this.pending += piece.length;
    if (this.pending >= this.chunkLength) this.flush(false);
  }

  finish(): CompressedPart {
    if (!this.finished) this.flush(true);
    this.finished = true;
    return { chunks: this.chunks, compressedSize: this.compressedSize, size: this.size, crc: this.crc };
  }

  private flush(last: boolean): void {
    const bytes = Buffer.from(this.pieces.join(""), "utf8");
    this.pieces = [];
    this.pending = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.byteLength;
    // A sync flush ends the chunk on a byte boundary without a final block: the next chunk's blocks follow.
    const flush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    const compressed = zlib.deflateRawSync(bytes, { finishFlush: flush });
    this.chunks.push(compressed);
    this.compressedSize += compressed.byteLength;
  }
}

/**
 * `zip` again with the parts in `replacements` in place of its own (same names, same order, compressed),
 * every entry dated `date` (ISO, 1980–2107) at 00:00. The date is written as is, with no time zone, as the
 * zip format has none.
 */
export function rewritePackage(
  zip: Uint8Array,
  entries: readonly ZipEntry[],
  replacements: ReadonlyMap<string, CompressedPart>,
  date: string,
): Uint8Array {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const add = (bytes: Uint8Array): void => {
    pieces.push(bytes);
    offset += bytes.byteLength;
  };
  for (const entry of entries) {
    const part = replacements.get(entry.name);
    if (offset > MAX_32 || (part && (part.size > MAX_32 || part.compressedSize > MAX_32))) {
      throw new Error("the document is too large for a zip file without Zip64");
    }
    offsets.push(offset);
    const header = zip.slice(entry.local, entry.local + entry.localLength);
    const view = viewOf(header);
    view.setUint16(10, 0, true);
    view.setUint16(12, dosDate, true);
    if (part) {
      view.setUint16(8, DEFLATE, true);
      view.setUint32(14, part.crc >>> 0, true);
      view.setUint32(18, part.compressedSize, true);
      view.setUint32(22, part.size, true);
      add(header);
      for (const chunk of part.chunks) add(chunk);
    } else {
      add(header);
      const start = entry.local + entry.localLength;
      add(zip.subarray(start, start + entry.compressedSize));
    }
  }
  const directory = offset;
  entries.forEach((entry, i) => {
    const record = zip.slice(entry.central, entry.central + entry.centralLength);
    const view = viewOf(record);
    view.setUint16(12, 0, true);
    view.setUint16(14, dosDate, true);
    const part = replacements.get(entry.name);
    if (part) {
      view.setUint16(10, DEFLATE, true);
      view.setUint32(16, part.crc >>> 0, true);
      view.setUint32(20, part.compressedSize, true);
      view.setUint32(24, part.size, true);
    }
    view.setUint32(42, offsets[i] ?? 0, true);
    add(record);
  });
  const directorySize = offset - directory;
  if (offset > MAX_32) throw new Error("the document is too large for a zip file without Zip64");
  const endRecord = zip.slice(zip.byteLength - 22);
  const endView = viewOf(endRecord);
  endView.setUint32(12, directorySize, true);
  endView.setUint32(16, directory, true);
  add(endRecord);

  const out = new Uint8Array(offset);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// ---------------------------------------------------------------------------------------------------------
// CRC-32

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO-HDLC) of `data`, continuing from `value`, in JavaScript: for Node.js before 20.15. */
export function crc32Portable(data: Uint8Array, value = 0): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = ~value;
  for (let i = 0; i < data.length; i++)
    crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** CRC-32 of `data` continuing from `value`: zlib's where Node.js has it (20.15 on), else `crc32Portable`. */
export function crc32(data: Uint8Array, value = 0): number {
  return nativeCrc32 ? nativeCrc32(data, value) >>> 0 : crc32Portable(data, value);
}
