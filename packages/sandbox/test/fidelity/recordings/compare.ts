/**
 * Compares the sandbox's answer to a recorded request with GitHub's recorded answer: status, the
 * headers clients act on, and the body's shape (key sets and value types, element by element).
 * Values are compared only where they carry meaning independent of ids and dates: error messages
 * and raw text.
 */

export type DifferenceKind = "status" | "header" | "missing key" | "extra key" | "type" | "length" | "value";

/** One way the sandbox answered differently; `at` is a JSON pointer, `[]` standing for any array element. */
export interface Difference {
  at: string;
  kind: DifferenceKind;
  recorded: string;
  sandbox: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

type JsonType = "null" | "array" | "object" | "string" | "number" | "boolean";

function typeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

const entriesOf = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

function compareShape(recorded: unknown, sandbox: unknown, at: string, out: Difference[]): void {
  const [recordedType, sandboxType] = [typeOf(recorded), typeOf(sandbox)];
  if (recordedType !== sandboxType) {
    out.push({ at, kind: "type", recorded: recordedType, sandbox: sandboxType });
    return;
  }
  if (recordedType === "object") {
    const [a, b] = [entriesOf(recorded), entriesOf(sandbox)];
    for (const key of Object.keys(a)) {
      if (!(key in b)) out.push({ at: `${at}/${key}`, kind: "missing key", recorded: typeOf(a[key]), sandbox: "-" });
      else compareShape(a[key], b[key], `${at}/${key}`, out);
    }
    for (const key of Object.keys(b)) {
      if (!(key in a)) out.push({ at: `${at}/${key}`, kind: "extra key", recorded: "-", sandbox: typeOf(b[key]) });
    }
  }
  if (recordedType === "array") {
    const [a, b] = [recorded as unknown[], sandbox as unknown[]];
    if (a.length !== b.length) out.push({ at, kind: "length", recorded: String(a.length), sandbox: String(b.length) });
    for (let index = 0; index < Math.min(a.length, b.length); index += 1) compareShape(a[index], b[index], `${at}/[]`, out);
  }
}

/** Each relation of a `Link` header with the query it points to (the page, per_page) and the form of its path. */
function linkRelations(header: string | undefined): Record<string, string> {
  const relations: Record<string, string> = {};
  for (const part of (header ?? "").split(",")) {
    const match = /<([^>]+)>;\s*rel="([a-z]+)"/.exec(part);
    if (!match?.[1] || !match[2]) continue;
    const url = new URL(match[1]);
    const form = url.pathname.startsWith("/repositories/") ? "/repositories/{id}" : "/repos/{owner}/{repo}";
    relations[match[2]] = `${form}?${url.searchParams.toString()}`;
  }
  return relations;
}

function compareLinks(recorded: string | undefined, sandbox: string | undefined, out: Difference[]): void {
  const [a, b] = [linkRelations(recorded), linkRelations(sandbox)];
  const pages = (relations: Record<string, string>): string =>
    Object.entries(relations)
      .map(([rel, target]) => `${rel}=${target.split("?")[1] ?? ""}`)
      .join(", ");
  if (pages(a) !== pages(b)) out.push({ at: "link", kind: "header", recorded: pages(a), sandbox: pages(b) });
  const forms = (relations: Record<string, string>): string =>
    [...new Set(Object.values(relations).map((t) => t.split("?")[0]))].join(", ");
  if (forms(a) !== forms(b)) out.push({ at: "link (path form)", kind: "header", recorded: forms(a), sandbox: forms(b) });
}

/** GitHub's answer to a refused request: its message and the fields it names must match, not only the shape. */
function compareError(recorded: unknown, sandbox: unknown, out: Difference[]): void {
  const [a, b] = [entriesOf(recorded), entriesOf(sandbox)];
  for (const key of ["message", "errors"]) {
    const [x, y] = [JSON.stringify(a[key]), JSON.stringify(b[key])];
    if (x !== y) out.push({ at: `/${key}`, kind: "value", recorded: x ?? "-", sandbox: y ?? "-" });
  }
}

/** Every difference between GitHub's recorded answer and the sandbox's, in a stable order. */
export function compareAnswers(recorded: Answer, sandbox: Answer): Difference[] {
  const out: Difference[] = [];
  if (recorded.status !== sandbox.status)
    out.push({ at: "", kind: "status", recorded: String(recorded.status), sandbox: String(sandbox.status) });
  for (const name of ["content-type", "x-github-media-type"]) {
    const [a, b] = [recorded.headers[name] ?? "-", sandbox.headers[name] ?? "-"];
    if (a !== b) out.push({ at: name, kind: "header", recorded: a, sandbox: b });
  }
  const [hasLocation, sendsLocation] = [recorded.headers.location !== undefined, sandbox.headers.location !== undefined];
  if (hasLocation !== sendsLocation)
    out.push({ at: "location", kind: "header", recorded: String(hasLocation), sandbox: String(sendsLocation) });
  compareLinks(recorded.headers.link, sandbox.headers.link, out);
  if (typeof recorded.body === "string" && recorded.body !== "" && recorded.body !== sandbox.body) {
    out.push({ at: "", kind: "value", recorded: recorded.body, sandbox: String(sandbox.body) });
  }
  if (recorded.status >= 400) compareError(recorded.body, sandbox.body, out);
  compareShape(recorded.body === "" ? null : recorded.body, sandbox.body, "", out);
  const seen = new Set<string>();
  return out.filter((difference) => {
    const key = `${difference.at} ${difference.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
