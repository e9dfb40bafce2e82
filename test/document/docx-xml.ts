/**
 * Just enough of zip and WordprocessingML to check a rendered document's structure: the parts by name,
 * and paragraphs with their text and properties. (docx 9 zips with fflate, so JSZip is not around.)
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** MS-DOS date and time as stored. */
  dosDate: number;
  dosTime: number;
  method: number;
}

export function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad central directory");
    const method = view.getUint16(at + 10, true);
    const dosTime = view.getUint16(at + 12, true);
    const dosDate = view.getUint16(at + 14, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw;
    entries.push({ name, data, dosDate, dosTime, method });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function part(zip: Uint8Array, name: string): string {
  const entry = readZip(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  return new TextDecoder().decode(entry.data);
}

export interface WordParagraph {
  xml: string;
  /** Text with `<w:br/>` as "\n". */
  text: string;
}

const unescape = (value: string): string =>
  value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function paragraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([paragraph]) => ({
    xml: paragraph,
    text: [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((match) => (match[0] === "<w:br/>" ? "\n" : unescape(match[1] ?? "")))
      .join(""),
  }));
}

/** The document body's paragraphs as plain text, one per line, for reading a built report back. */
export function documentText(docx: Uint8Array): string {
  return paragraphs(part(docx, "word/document.xml"))
    .map((paragraph) => paragraph.text)
    .join("\n");
}

export function paragraphWith(xml: string, text: string): WordParagraph {
  const found = paragraphs(xml).find((paragraph) => paragraph.text === text);
  if (!found) throw new Error(`no paragraph reads ${JSON.stringify(text)}`);
  return found;
}

/** The body split at its section breaks: the `w:sectPr` of each section with the XML before it. */
export function sections(xml: string): Array<{ content: string; properties: string }> {
  const out: Array<{ content: string; properties: string }> = [];
  let rest = xml;
  for (const match of xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)) {
    const index = rest.indexOf(match[0]);
    out.push({ content: rest.slice(0, index), properties: match[0] });
    rest = rest.slice(index + match[0].length);
  }
  return out;
}
