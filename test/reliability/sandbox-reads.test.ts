import { Probot, ProbotOctokit } from "probot";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadOpenApiIndex, validateResponse, SandboxGitHub } from "@foreman/sandbox";

const index = loadOpenApiIndex();
const Unthrottled = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });

/** A sandbox with the app installed on acme, one repository and one labelled issue; the app's installation client. */
async function sandboxWithLabelledIssue(): Promise<{ github: SandboxGitHub; octokit: InstanceType<typeof ProbotOctokit> }> {
  const github = await SandboxGitHub.start();
  onTestFinished(() => github.stop());
  const { app, privateKey } = github.registerApp({
    name: "foreman",
    webhookUrl: null,
    webhookSecret: "s",
    permissions: { issues: "write", metadata: "read" },
    events: ["issues"],
  });
  const repo = await github.createRepository({ owner: "acme", name: "stats", files: { "README.md": "# stats\n" } });
  github.setPermission(repo, "maya", "admin");
  const installation = github.installApp(app, "acme");
  const maya = new Unthrottled({ auth: { token: github.userToken("maya") }, baseUrl: github.url });
  await maya.rest.issues.create({ owner: "acme", repo: "stats", title: "Add mean" });
  await maya.rest.issues.addLabels({ owner: "acme", repo: "stats", issue_number: 1, labels: ["foreman"] });
  const probot = new Probot({
    appId: app.id,
    privateKey,
    secret: "s",
    log: pino({ level: "silent" }),
    Octokit: Unthrottled,
    baseUrl: github.url,
  });
  return { github, octokit: await probot.auth(installation.id) };
}

describe("the sandbox's reads for the reconciler", () => {
  it("lists the installation's repositories in GitHub's documented shape", async () => {
    const { octokit } = await sandboxWithLabelledIssue();

    const response = await octokit.rest.apps.listReposAccessibleToInstallation();

    expect(response.data.repositories.map((repository) => repository.full_name)).toEqual(["acme/stats"]);
    expect(validateResponse(index, "apps/list-repos-accessible-to-installation", response.status, response.data)).toEqual([]);
  });

  it("lists open issues by label, and only those", async () => {
    const { octokit } = await sandboxWithLabelledIssue();

    const labelled = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "stats", labels: "foreman", state: "open" });
    const other = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "stats", labels: "bug" });

    expect(labelled.data.map((issue) => issue.number)).toEqual([1]);
    expect(other.data).toEqual([]);
    expect(validateResponse(index, "issues/list-for-repo", labelled.status, labelled.data)).toEqual([]);
  });

  it("tells who added a label through the issue's events", async () => {
    const { octokit } = await sandboxWithLabelledIssue();

    const response = await octokit.rest.issues.listEvents({ owner: "acme", repo: "stats", issue_number: 1 });

    expect(response.data.map((event) => [event.event, event.actor?.login])).toEqual([["labeled", "maya"]]);
    expect(validateResponse(index, "issues/list-events", response.status, response.data)).toEqual([]);
  });

  it("does a write and then answers 502 for a server_error_after_write fault", async () => {
    const { github, octokit } = await sandboxWithLabelledIssue();
    github.faults.add([{ kind: "server_error_after_write", on: { method: "POST", path: "/repos/*/*/issues/*/comments", nth: 1 } }]);

    const failure = await octokit.rest.issues
      .createComment({ owner: "acme", repo: "stats", issue_number: 1, body: "hello" })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ status: 502 });
    expect(github.store.commentsOn([...github.store.repositories.values()][0]?.id ?? 0, 1).map((comment) => comment.body)).toEqual([
      "hello",
    ]);
  });
});
