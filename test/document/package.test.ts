import fc from "fast-check";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  crc32,
  crc32Portable,
  DeflateSink,
  entryData,
  readEntries,
  rewritePackage,
} from "../../src/document/package.js";
import { readZip } from "./docx-xml.js";

const joined = (chunks: Uint8Array[]): Buffer => Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));

describe("DeflateSink", () => {
  it("compresses pieces chunk by chunk into one DEFLATE stream, with the size and CRC of the whole", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (pieces, chunk) => {
          const sink = new DeflateSink(chunk);
          for (const piece of pieces) sink.push(piece);
          const part = sink.finish();
          const text = Buffer.from(pieces.join(""), "utf8");
          const data = joined(part.chunks);
          expect(inflateRawSync(data).equals(text)).toBe(true);
          expect(part.size).toBe(text.byteLength);
          expect(part.compressedSize).toBe(data.byteLength);
          expect(part.crc).toBe(zlibCrc32(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("cuts the same text into the same chunks, so the same XML gives the same bytes", () => {
    const write = (): Buffer => {
      const sink = new DeflateSink(1000);
      for (let i = 0; i < 5000; i++) sink.push(`<w:p>đoạn ${i % 97}</w:p>`);
      return joined(sink.finish().chunks);
    };
    const first = write();
    expect(first.equals(write())).toBe(true);
    expect(first.byteLength).toBeLessThan(20_000);
  });

  it("refuses to be written to once finished", () => {
    const sink = new DeflateSink();
    sink.push("a");
    const part = sink.finish();
    expect(sink.finish()).toEqual(part);
    expect(() => sink.push("x")).toThrow(/after finish/);
  });
});

describe("crc32", () => {
  it("is CRC-32 in JavaScript as in zlib, continued piece by piece", () => {
    expect(crc32Portable(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const whole = zlibCrc32(Buffer.concat([a, b]));
        expect(crc32Portable(b, crc32Portable(a))).toBe(whole);
        expect(crc32(b, crc32(a))).toBe(whole);
      }),
    );
  });
});

describe("rewritePackage", () => {
  const pack = async (): Promise<Uint8Array> =>
    Packer.pack(
      new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun("một")] })] }] }),
      "uint8array",
    );

  it("replaces one part, keeps every other part's bytes and the order, and dates every entry", async () => {
    const zip = await pack();
    const entries = readEntries(zip);
    const sink = new DeflateSink(7);
    sink.push("<w:document>");
    sink.push("Tiếng Việt ".repeat(50));
    sink.push("</w:document>");
    const out = rewritePackage(zip, entries, new Map([["word/document.xml", sink.finish()]]), "2022-06-08");
    const before = readZip(zip);
    const after = readZip(out);
    expect(after.map((entry) => entry.name)).toEqual(before.map((entry) => entry.name));
    const dosDate = ((2022 - 1980) << 9) | (6 << 5) | 8;
    for (const [i, entry] of after.entries()) {
      expect(entry).toMatchObject({ dosDate, dosTime: 0, method: 8 });
      const text = new TextDecoder().decode(entry.data);
      if (entry.name === "word/document.xml") {
        expect(text).toBe(`<w:document>${"Tiếng Việt ".repeat(50)}</w:document>`);
      } else {
        expect(Buffer.from(entry.data).equals(Buffer.from(before[i]?.data ?? []))).toBe(true);
      }
    }
    // What was read from the package reads the same from the new one.
    const reread = readEntries(out);
    expect(reread.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
    const styles = reread.find((entry) => entry.name === "word/styles.xml");
    expect(styles && new TextDecoder().decode(entryData(out, styles))).toContain("<w:styles");
  });

  it("writes the same bytes whenever it is asked", async () => {
    const zip = await pack();
    const entries = readEntries(zip);
    const write = (): Uint8Array => {
      const sink = new DeflateSink();
      sink.push("<x/>");
      return rewritePackage(zip, entries, new Map([["word/document.xml", sink.finish()]]), "2107-12-31");
    };
    expect(Buffer.from(write()).equals(Buffer.from(write()))).toBe(true);
    const dosDate = ((2107 - 1980) << 9) | (12 << 5) | 31;
    expect(readZip(write()).every((entry) => entry.dosDate === dosDate)).toBe(true);
  });

  it("refuses a zip it does not understand", () => {
    expect(() => readEntries(new Uint8Array(10))).toThrow(/end record/);
    expect(() => readEntries(new Uint8Array(100))).toThrow(/end record/);
  });
});
