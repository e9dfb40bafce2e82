import { cleanText } from "../document/text.js";

/**
 * Text that `cleanText` leaves as it is: printable ASCII, Latin-1 and the other Latin blocks,
 * Vietnamese precomposed letters (Latin Extended Additional) and common punctuation, none of which
 * NFC changes or composes with what precedes it. Only a string with anything else is cleaned.
 */
const CLEAN = /^[\u0020-\u007E\u00A0-\u02FF\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E]*$/;

/** One string as `normalise` keeps it. */
export function cleanString(text: string): string {
  return (CLEAN.test(text) ? text : cleanText(text)).trim();
}

/**
 * Text as geq keeps it: Unicode NFC (typed with combining marks or precomposed, Vietnamese reads
 * the same), characters XML cannot carry removed (a warning says where they were), trimmed.
 * Returns a new value; `__proto__` stays an ordinary own key.
 */
export function normalise(value: unknown): unknown {
  if (typeof value === "string") return cleanString(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const v = normalise((value as Record<string, unknown>)[k]);
      if (k === "__proto__")
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
  return value;
}
