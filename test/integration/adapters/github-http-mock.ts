import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ProbotOctokit } from "probot";
import { loadOpenApiIndex, validateResponse } from "@foreman/sandbox";

/** One call GitHub is expected to get, and its answer in GitHub's documented shape for `operationId`. */
export interface ExpectedCall {
  operationId: string;
  method: string;
  /** Path and query, as Octokit sends them. */
  url: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface GitHubMock {
  octokit: InstanceType<typeof ProbotOctokit>;
  /** Calls that matched no expected call (each answered 599). */
  unmatched: string[];
  /** Expected calls that were never made. */
  unused(): string[];
  stop(): Promise<void>;
}

const index = loadOpenApiIndex();
const Unthrottled = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });

/** GitHub's error body, which it sends with any refusal, documented for the endpoint or not (a 403 of a plan, a 503). */
function errorProblems(body: unknown): string[] {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return typeof fields.message === "string" && typeof fields.documentation_url === "string"
    ? []
    : ["an error answer carries message and documentation_url"];
}

/**
 * A GitHub that answers exactly the expected calls, each once, for endpoints the sandbox does not
 * serve. Every successful answer is first checked against GitHub's OpenAPI description, so the
 * mock cannot drift from what GitHub documents; a refusal carries GitHub's error body. A test
 * asserts that `unmatched` and `unused()` are empty.
 */
export async function startGitHubMock(expected: ExpectedCall[]): Promise<GitHubMock> {
  for (const call of expected) {
    const problems = call.status < 300 ? validateResponse(index, call.operationId, call.status, call.body) : errorProblems(call.body);
    if (problems.length > 0) throw new Error(`the mock answer to ${call.url} is not GitHub's shape: ${JSON.stringify(problems)}`);
  }
  const pending = [...expected];
  const unmatched: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const at = pending.findIndex((call) => call.method === request.method && call.url === request.url);
    const call = at < 0 ? undefined : pending.splice(at, 1)[0];
    if (!call) {
      unmatched.push(`${request.method} ${request.url}`);
      response.writeHead(599, { "content-type": "application/json" }).end(JSON.stringify({ message: "unexpected call" }));
      return;
    }
    response.writeHead(call.status, { "content-type": "application/json; charset=utf-8", ...call.headers }).end(JSON.stringify(call.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    octokit: new Unthrottled({ auth: { token: "mock" }, baseUrl }),
    unmatched,
    unused: () => pending.map((call) => `${call.method} ${call.url}`),
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
