import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document } from "yaml";
import type { ConfigPath } from "./config-problem.ts";

type Position = { line: number; column: number };

export type YamlText = {
  data: unknown;
  syntaxProblems: Array<Position & { message: string }>;
  locate: (path: ConfigPath) => Position | undefined;
};

/** Parses YAML text, keeping enough to say on which line a path is. */
export function readYamlText(text: string): YamlText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: ConfigPath): Position | undefined => {
    const offset = offsetOf(document, path);
    return offset === undefined ? undefined : position(offset);
  };
  const syntaxProblems = document.errors.map((error) => ({ ...position(error.pos[0]), message: firstLine(error.message) }));
  if (syntaxProblems.length > 0) return { data: undefined, syntaxProblems, locate };
  try {
    return { data: document.toJS() as unknown, syntaxProblems, locate };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { data: undefined, syntaxProblems: [{ line: 1, column: 1, message: firstLine(message) }], locate };
  }
}

function firstLine(message: string): string {
  if (message.startsWith("Source contains multiple documents")) return "the file holds more than one YAML document (---); keep one";
  return message.split("\n")[0] ?? message;
}

/** The offset of the key (in a mapping) or item (in a list) deepest on the path that exists. */
function offsetOf(document: Document, path: ConfigPath): number | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset ?? rangeStart(document.contents);
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== "object" || !("range" in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
