import { Probot, type ProbotOctokit } from "probot";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { foremanOctokit, isWrite } from "../../src/adapters/github/foreman-octokit.ts";
import { expireInstallationTokens, type GitHubFaultRule, SandboxGitHub } from "@foreman/sandbox";

/** The app's installation client (Foreman's Octokit) over a sandbox with one repository and one issue. */
async function appClient(faults: GitHubFaultRule[]): Promise<{ github: SandboxGitHub; octokit: InstanceType<typeof ProbotOctokit> }> {
  const github = await SandboxGitHub.start({ faults });
  onTestFinished(() => github.stop());
  const { app, privateKey } = github.registerApp({
    name: "foreman",
    webhookUrl: null,
    webhookSecret: "s",
    permissions: { issues: "write", metadata: "read" },
    events: [],
  });
  const repo = await github.createRepository({ owner: "acme", name: "stats", files: { "README.md": "# stats\n" } });
  github.setPermission(repo, "maya", "admin");
  const installation = github.installApp(app, "acme");
  const probot = new Probot({
    appId: app.id,
    privateKey,
    secret: "s",
    log: pino({ level: "silent" }),
    Octokit: foremanOctokit("off"),
    baseUrl: github.url,
  });
  const octokit = await probot.auth(installation.id);
  await octokit.rest.issues.create({ owner: "acme", repo: "stats", title: "Add mean" });
  return { github, octokit };
}

const calls = (github: SandboxGitHub, method: string, path: string): number[] =>
  github.requestLog
    .all()
    .filter((entry) => entry.method === method && entry.path === path)
    .map((entry) => entry.status);

describe("Foreman's Octokit", () => {
  it("tells writes from reads, GraphQL mutations included", () => {
    expect(isWrite({ method: "GET", url: "/repos/{owner}/{repo}" })).toBe(false);
    expect(isWrite({ method: "POST", url: "/repos/{owner}/{repo}/issues/{issue_number}/comments" })).toBe(true);
    expect(isWrite({ method: "POST", url: "/graphql", query: "query { viewer { login } }" })).toBe(false);
    expect(isWrite({ method: "POST", url: "/graphql", query: " mutation Enqueue { x }" })).toBe(true);
  });

  it("does not retry a write that failed with a 5xx (it may have been done), but retries a read", async () => {
    const { github, octokit } = await appClient([
      { kind: "server_error_after_write", on: { method: "POST", path: "/repos/*/*/issues/*/comments", nth: 1 } },
      { kind: "bad_gateway", on: { method: "GET", path: "/repos/*/*/issues/*", nth: 1 } },
    ]);

    const write = await octokit.rest.issues
      .createComment({ owner: "acme", repo: "stats", issue_number: 1, body: "once" })
      .catch((error: unknown) => error);
    const read = await octokit.rest.issues.get({ owner: "acme", repo: "stats", issue_number: 1 });

    expect(write).toMatchObject({ status: 502 });
    expect(calls(github, "POST", "/repos/acme/stats/issues/1/comments")).toEqual([502]);
    expect(read.status).toBe(200);
    expect(calls(github, "GET", "/repos/acme/stats/issues/1")).toEqual([502, 200]);
  });

  it("asks for a new installation token when GitHub refuses the cached one, and makes the call again", async () => {
    const { github, octokit } = await appClient([]);
    const tokensBefore = calls(github, "POST", `/app/installations/${[...github.store.installations.keys()][0]}/access_tokens`).length;

    expireInstallationTokens(github.store);
    const response = await octokit.rest.issues.get({ owner: "acme", repo: "stats", issue_number: 1 });

    // Within 5 s of a token's creation the auth strategy itself retries a 401 (GitHub's replication delay); then the cache is dropped.
    const statuses = calls(github, "GET", "/repos/acme/stats/issues/1");
    expect(response.status).toBe(200);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses).toEqual([...statuses.slice(1).map(() => 401), 200]);
    expect(calls(github, "POST", `/app/installations/${[...github.store.installations.keys()][0]}/access_tokens`).length).toBe(
      tokensBefore + 1,
    );
  });
});
