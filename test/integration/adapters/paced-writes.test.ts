import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { foremanOctokit } from "../../../src/adapters/github/foreman-octokit.ts";
import { WritePacer } from "../../../src/adapters/github/write-pacer.ts";

interface Seen {
  what: string;
  at: number;
}

type Answer = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
};

/** An HTTP server answering as GitHub would, that notes when each call arrived (`what`: method and path, or the GraphQL operation). */
async function gitHubLike(answer: Answer = (_request, _body, response) => json(response, 200, { data: {} })): Promise<{
  url: string;
  seen: Seen[];
}> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const query =
        request.url === "/graphql"
          ? (JSON.parse(body) as { query: string }).query
              .trim()
              .split(/[\s({]+/)
              .slice(0, 2)
              .join(" ")
          : null;
      seen.push({ what: query ? `graphql ${query}` : `${request.method} ${request.url}`, at: Date.now() });
      answer(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Foreman's Octokit with the throttle on, as an installation's client (a token and its installation id), as Probot makes it. */
function installationClient(url: string, pacer: WritePacer) {
  const Octokit = foremanOctokit("on", pacer);
  return new Octokit({
    baseUrl: url,
    auth: { token: "ghs_test", installationId: 7 },
    log: pino({ level: "silent" }),
    throttle: {
      id: "7",
      // Probot's own answers: a secondary limit is not retried in the client (the job waits instead).
      onSecondaryRateLimit: () => false,
      onRateLimit: () => false,
    },
  });
}

const SPACING = 600;
/** How late a call may arrive after it left, on a busy machine. */
const JITTER = 250;

describe("Foreman's Octokit with the throttle on", () => {
  it("sends GraphQL queries and reads at once while writes and mutations are paced apart", async () => {
    const github = await gitHubLike((request, _body, response) =>
      request.url === "/graphql" ? json(response, 200, { data: { viewer: { login: "x" } } }) : json(response, 201, { id: 1 }),
    );
    const pacer = new WritePacer({ perMinute: 70, perHour: 450, spacingMs: SPACING });
    const octokit = installationClient(github.url, pacer);
    // A first write and read, not counted: the client's first call sets itself up, which would blur the timings.
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: "acme",
      repo: "stats",
      issue_number: 1,
      labels: ["x"],
    });
    await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: "acme", repo: "stats", issue_number: 1 });
    github.seen.length = 0;
    const started = Date.now();

    await Promise.all([
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "acme",
        repo: "stats",
        issue_number: 1,
        body: "a",
      }),
      octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner: "acme",
        repo: "stats",
        comment_id: 1,
        body: "b",
      }),
      octokit.graphql("mutation Merge { x }"),
      octokit.request("POST /repos/{owner}/{repo}/check-runs", { owner: "acme", repo: "stats", name: "Foreman", head_sha: "abc" }),
      octokit.graphql("query Head { viewer { login } }"),
      octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "stats" }),
    ]);

    const at = (what: string) => (github.seen.find((call) => call.what === what)?.at ?? Number.NaN) - started;
    const writes = github.seen.filter((call) => !call.what.startsWith("graphql query") && !call.what.startsWith("GET"));
    const gaps = writes.slice(1).map((call, index) => call.at - (writes[index]?.at ?? 0));
    expect(writes).toHaveLength(4);
    // Writes leave SPACING apart and arrive within JITTER of that; the first waits for the spacing after the set-up write.
    expect(Math.min(...gaps)).toBeGreaterThan(SPACING - JITTER);
    expect((writes.at(-1)?.at ?? 0) - (writes[0]?.at ?? 0)).toBeGreaterThan(3 * SPACING - JITTER);
    expect(writes[0]?.at ?? 0).toBeGreaterThan(started);
    expect(at("graphql query Head")).toBeLessThan(SPACING - JITTER);
    expect(at("GET /repos/acme/stats")).toBeLessThan(SPACING - JITTER);
    expect(writes.map((call) => call.what)).toContain("graphql mutation Merge");
  });

  it("holds the installation's writes until the end of a secondary limit GitHub answers with, and says so", async () => {
    let limited = true;
    const github = await gitHubLike((_request, _body, response) => {
      if (!limited) return json(response, 201, { id: 1 });
      limited = false;
      json(
        response,
        403,
        { message: "You have exceeded a secondary rate limit.", documentation_url: "https://docs.github.com/rest#secondary-rate-limits" },
        { "retry-after": "1" },
      );
    });
    const pacer = new WritePacer({ perMinute: 70, perHour: 450, spacingMs: 0 });
    const octokit = installationClient(github.url, pacer);
    const comment = () =>
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "acme",
        repo: "stats",
        issue_number: 1,
        body: "a",
      });

    const refused = await comment().catch((error: unknown) => error);
    const heldUntil = pacer.heldUntil(7);
    const before = Date.now();
    await comment();

    expect(refused).toMatchObject({ status: 403 });
    expect(heldUntil).toBeGreaterThan(before + 500);
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect(github.seen.map((call) => call.what)).toEqual([
      "POST /repos/acme/stats/issues/1/comments",
      "POST /repos/acme/stats/issues/1/comments",
    ]);
    await sleep(10);
    expect(pacer.heldUntil(7)).toBeNull();
  });
});
