import type { SandboxGitHub } from "../../../src/github/sandbox.ts";
import type { Answer } from "./compare.ts";
import type { RecordedExchange } from "./recordings.ts";
import { applyRewrites, type Rewrites } from "./setups.ts";

const COMPARED_HEADERS = ["content-type", "x-github-media-type", "link", "location"] as const;

/** GitHub's recorded answer in the form the comparison takes. */
export function recordedAnswer(exchange: RecordedExchange): Answer {
  const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, stringOrUndefined(exchange.headers[name])]));
  return { status: exchange.status, headers, body: exchange.response };
}

/** Recorded header values are strings, but for a few counters recorded as numbers. */
const stringOrUndefined = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/** Sends the recorded request to the sandbox as the recorded user, with the same `Accept` header and body. */
export async function replay(sandbox: SandboxGitHub, token: string, exchange: RecordedExchange, rewrites: Rewrites): Promise<Answer> {
  const body = exchange.body === "" || exchange.body === undefined ? undefined : applyRewrites(JSON.stringify(exchange.body), rewrites);
  const response = await fetch(`${sandbox.url}${applyRewrites(exchange.path, rewrites)}`, {
    method: exchange.method.toUpperCase(),
    headers: {
      accept: String(exchange.reqheaders.accept),
      authorization: `token ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
    },
    body,
  });
  const text = await response.text();
  const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name) ?? undefined]));
  const isJson = headers["content-type"]?.startsWith("application/json") ?? false;
  return { status: response.status, headers, body: text === "" ? undefined : isJson ? (JSON.parse(text) as unknown) : text };
}
