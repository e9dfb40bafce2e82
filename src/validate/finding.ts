/** Where a node sits in a document: keys and list indices from the root. */
export type JsonPath = (string | number)[];

/**
 * What a reading step, the schema or a rule found, before it is positioned and worded.
 * The position comes from `path` (the node, or its key with `key`), unless the finder knew
 * better: a character `offset` in the text, or a `position` for bytes that never became text.
 */
export interface Finding {
  rule: string;
  path: JsonPath;
  params: Record<string, unknown>;
  key?: boolean;
  offset?: number;
  position?: { line: number; column: number };
  /** Text to point at inside the node's source, when it is there (a pasted control character). */
  needle?: string;
  /** Whose label names the finding, when not the node's own (a people figure, not its `female`). */
  labelPath?: JsonPath;
}
