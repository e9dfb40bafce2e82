/**
 * A well-formedness check strict enough for generated WordprocessingML, on htmlparser2 in XML mode (which
 * repairs what it reads, so the repairs are what is looked for): every element closed by its own end tag or
 * as an empty-element tag, in order; nothing left open; no end tag it drops, no `<` it reads as text; every
 * `&` the start of one of XML's five entities or a character reference; no character XML 1.0 cannot carry.
 */
import { Parser } from "htmlparser2";

const ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  /** Every `<` should start a tag the parser reports: an element, an end tag, the declaration. */
  let tags = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        stack.push(name);
        tags++;
      },
      onclosetag(name) {
        const source = xml.slice(parser.startIndex, parser.endIndex + 1);
        const open = stack.pop();
        const closed = source === `</${name}>` || (source.startsWith(`<${name}`) && source.endsWith("/>"));
        if (source.startsWith("</")) tags++;
        if (open !== name || !closed)
          errors.push(`<${open}> closed by ${JSON.stringify(source.slice(0, 80))}`);
      },
      onprocessinginstruction(name) {
        if (name !== "?xml") errors.push(`processing instruction ${name}`);
        tags++;
      },
      oncomment() {
        errors.push("comment");
      },
      oncdatastart() {
        errors.push("CDATA");
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(" > ")}`);
  parser.end();
  const lessThan = xml.split("<").length - 1;
  if (lessThan !== tags) errors.push(`${lessThan - tags} "<" not starting a tag the parser took`);
  if (lessThan === 0) errors.push("no element");
  if (ILLEGAL.test(xml)) errors.push("a character XML 1.0 cannot carry");
  const ampersand = BARE_AMPERSAND.exec(xml);
  if (ampersand) errors.push(`bare & at ${ampersand.index}`);
  return errors;
}
