/**
 * Reads a .docx back through LibreOffice, the way the spec proves a report opens in Writer: convert to PDF
 * headless, then extract the text with poppler. A missing `soffice` or `pdftotext` is an error, never a skip.
 */
import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Converts `docx` to PDF with LibreOffice and returns the PDF's text (`pdftotext -layout`). */
export async function docxToPdfText(docx: Uint8Array): Promise<string> {
  return (
    await withPdf(
      docx,
      async (pdf) => (await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 512 * 1024 * 1024 })).stdout,
    )
  ).result;
}

/** Converts `docx` to PDF and returns the PDF's bytes, for page images when looking at a layout. */
export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  return (await withPdf(docx, (pdf) => readFile(pdf))).result;
}

async function withPdf<T>(docx: Uint8Array, use: (pdf: string) => Promise<T>): Promise<{ result: T }> {
  const dir = await mkdtemp(join(tmpdir(), "geq-office-"));
  try {
    const input = join(dir, "document.docx");
    await writeFile(input, docx);
    // A private profile: a user's running LibreOffice or a parallel test would otherwise hold the lock.
    const profile = pathToFileURL(join(dir, "profile")).href;
    await run(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, input],
      { timeout: 120_000 },
    );
    const pdf = join(dir, "document.pdf");
    // soffice exits 0 even when it could not convert; a missing PDF is the sign.
    await access(pdf).catch(() => {
      throw new Error(`LibreOffice did not produce a PDF from ${input}`);
    });
    return { result: await use(pdf) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
