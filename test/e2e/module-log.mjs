// Preloaded with `node --import`: records every module the run resolves, one URL a line, in the
// file named by GEQ_MODULE_LOG, so a test can tell what a command loaded.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      import { appendFileSync } from "node:fs";
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        appendFileSync(${JSON.stringify(process.env.GEQ_MODULE_LOG)}, result.url + "\\n");
        return result;
      }
    `),
);
