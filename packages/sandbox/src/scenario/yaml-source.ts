import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node } from "yaml";
import type { ProblemPath, ScenarioProblem } from "./scenario-error.ts";

type Position = { line: number; column: number };

/** A parsed YAML text that can tell where a path is in the text. */
export type YamlSource = {
  /** The document as plain data; undefined when the YAML could not be read. */
  data: unknown;
  /** YAML syntax problems, with line and column. */
  problems: ScenarioProblem[];
  locate(path: ProblemPath): Position | undefined;
};

export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = syntaxProblems(document, position);
  const locate = (path: ProblemPath): Position | undefined => {
    const offset = nodeOffset(document, path);
    return offset === undefined ? undefined : position(offset);
  };
  if (problems.length > 0) return { data: undefined, problems, locate };
  try {
    return { data: document.toJS({ maxAliasCount: 1000 }) as unknown, problems, locate };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { data: undefined, problems: [{ path: [], message: `YAML could not be read: ${message}` }], locate };
  }
}

/**
 * The first syntax error only: the parser's later errors mostly follow from the first one, and a
 * list of them hides the one that matters.
 */
function syntaxProblems(document: Document, position: (offset: number) => Position): ScenarioProblem[] {
  const [first] = document.errors;
  if (!first) return [];
  const more = document.errors.length - 1;
  const suffix = more > 0 ? ` (${more} more error${more === 1 ? "" : "s"} after it may follow from this one)` : "";
  return [{ path: [], message: `YAML syntax error: ${first.message}${suffix}`, ...position(first.pos[0]) }];
}

/**
 * The offset of the deepest node on the path that exists in the text; undefined when not even the
 * first key exists, as the top of the file says nothing about where a missing key belongs.
 */
function nodeOffset(document: Document, path: ProblemPath): number | undefined {
  let node: unknown = document.contents;
  let offset = path.length === 0 ? startOf(node) : undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined) break;
    node = next;
    offset = startOf(node) ?? offset;
  }
  return offset;
}

function child(node: unknown, segment: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair) return undefined;
    return pair.value ?? pair.key;
  }
  if (isSeq(node) && typeof segment === "number") return node.items[segment];
  return undefined;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Partial<Node> | null | undefined)?.range;
  return range ? range[0] : undefined;
}
