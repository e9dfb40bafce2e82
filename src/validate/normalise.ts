import { cleanText } from "../document/text.js";

/**
 * Text as geq keeps it: Unicode NFC (typed with combining marks or precomposed, Vietnamese reads
 * the same), characters XML cannot carry removed (a warning says where they were), trimmed.
 * Returns a new value; `__proto__` stays an ordinary own key.
 */
export function normalise(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value).trim();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: normalise(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
