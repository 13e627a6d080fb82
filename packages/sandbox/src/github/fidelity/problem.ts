/**
 * One way a request, a response or a payload departs from GitHub's published description.
 * `pointer` is a JSON pointer into the checked value (`/tree/0/mode`; `/per_page` for a query
 * parameter; `` for the value as a whole); `message` reads like GitHub's own error text.
 */
export type FidelityProblem = {
  readonly location: "path" | "query" | "body" | "response";
  readonly pointer: string;
  readonly message: string;
};

/** Renders a value the way GitHub's validator does in its messages (`nil`, `"text"`, `42`). */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return "nil";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** JSON pointer segment escaping (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
