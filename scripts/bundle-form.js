// Bundles the form page's script (dist/form/page.js, compiled by tsc) for the browser, into
// dist/form/page.bundle.js, which `geq form` writes into every page. Run by `npm run build`.
import { build } from "esbuild";

/**
 * The browser has no `node:` modules. What the bundled code reaches of them: the catalogue
 * loader's file reading (never called in the page: the page carries its catalogue) and the
 * fast reading's UTF-8 check and decoding, which the browser's TextDecoder does the same way.
 */
const SHIMS = {
  "node:fs": `export function readFileSync() { throw new Error("no files in the browser"); }`,
  "node:buffer": `
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
    export function isUtf8(bytes) {
      try { strict.decode(bytes); return true; } catch { return false; }
    }
    export const Buffer = {
      from: (buffer, offset, length) => ({ toString: () => lenient.decode(new Uint8Array(buffer, offset, length)) }),
    };`,
};

const nodeShims = {
  name: "node-shims",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      if (!(args.path in SHIMS))
        throw new Error(`the form page cannot use ${args.path} (from ${args.importer})`);
      return { path: args.path, namespace: "node-shim" };
    });
    b.onLoad({ filter: /.*/, namespace: "node-shim" }, (args) => ({
      contents: SHIMS[args.path],
      loader: "js",
    }));
  },
};

await build({
  entryPoints: [new URL("../dist/form/page.js", import.meta.url).pathname],
  outfile: new URL("../dist/form/page.bundle.js", import.meta.url).pathname,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome100", "firefox100", "edge100", "safari15"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  // Module-level `new URL(…, import.meta.url)` (where the catalogues live) must not throw in the page.
  define: { "import.meta.url": '"file:///geq/dist/"' },
  plugins: [nodeShims],
  logLevel: "warning",
});
