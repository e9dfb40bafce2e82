/**
 * Text as the document layer accepts it: every string that reaches word/document.xml passes through
 * `cleanText`, so a pasted form feed or a lone surrogate can never produce a file Word refuses to open.
 */

// C0 controls other than tab, LF and CR, the two non-characters and unpaired surrogates: XML 1.0 has no way
// to carry them, not even as character references.
export const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character `XML_ILLEGAL` may match, surrogates of well-formed pairs too: a quick test with no lookaround. */
export const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes what XML 1.0 cannot carry, then normalises to NFC so both ways of typing Vietnamese read the same. */
export function cleanText(text: string): string {
  return (SUSPECT.test(text) ? text.replace(XML_ILLEGAL, "") : text).normalize("NFC");
}

/** HTML's white space (not NBSP, which is meant to stay). */
export const HTML_SPACE = /[ \t\n\f\r]+/g;
/** White space that collapsing would change: anything but a lone space. */
const UNCOLLAPSED = /[\t\n\f\r]| {2}/;

/** Runs of HTML white space as one space each; the string itself when there is nothing to collapse. */
export function collapseSpace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(HTML_SPACE, " ") : text;
}

/** For one-line values such as attributes: cleaned, white space collapsed, trimmed. */
export function cleanLine(text: string): string {
  return collapseSpace(cleanText(text)).trim();
}
