import { afterEach, describe, expect, it } from "vitest";
import { closedIssueNumbers } from "../../src/github/routes/pulls-closing-keywords.ts";
import type { Repository } from "../../src/github/state/types.ts";
import { expectFaithfulRun, startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const AUTHOR = { name: "Maya", email: "maya@example.com" };

let h: Harness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const REPO = { owner: { login: "Acme" }, name: "Calculator" } as Repository;

describe("closedIssueNumbers", () => {
  it.each([
    ["Closes #12", [12]],
    ["fixes: #3 and Resolved #4, closes #3", [3, 4]],
    ["Part of #12 · task `a`", []],
    ["F\u200bixes #3", []],
    ["Fixes #\u200b3", []],
    ["prefixes #3", []],
    ["fix #3", [3]],
    ["Closes acme/calculator#7", [7]],
    ["Closes other/repo#7", []],
    ["Fixes https://github.com/acme/calculator/issues/9", [9]],
    ["Fixes https://github.com/other/repo/issues/9", []],
    ["Closes\n#5", []],
  ])("%j closes %j", (body, expected) => {
    expect(closedIssueNumbers(REPO, body)).toEqual(expected);
  });
});

async function pullWithBody(harness: Harness, branch: string, base: string, body: string): Promise<number> {
  const main = await harness.repo.git.getRef("heads/main");
  await harness.repo.git.createRef(`refs/heads/${branch}`, main ?? "");
  await harness.repo.git.seed({ [`src/${branch}.js`]: "export {};\n" }, { branch, message: `Add ${branch}`, author: AUTHOR });
  const created = await harness.octokit.rest.pulls.create({ owner, repo, head: branch, base, title: `Add ${branch}`, body });
  return created.data.number;
}

describe("merging a pull request that closes an issue", () => {
  it("closes the issues its description names with a closing keyword, as completed by the merger, with issues.closed", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");
    const maya = h.userOctokit("maya");
    const closing = await maya.rest.issues.create({ owner, repo, title: "Add sub" });
    const mentioned = await maya.rest.issues.create({ owner, repo, title: "Only mentioned" });
    const number = await pullWithBody(h, "sub", "main", `Closes #${closing.data.number}\n\nSee #${mentioned.data.number}.`);

    await h.octokit.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: "squash" });
    await h.sandbox.settle();

    const closed = (await maya.rest.issues.get({ owner, repo, issue_number: closing.data.number })).data;
    const open = (await maya.rest.issues.get({ owner, repo, issue_number: mentioned.data.number })).data;
    expect(closed).toMatchObject({ state: "closed", state_reason: "completed", closed_by: { login: `${h.app.slug}[bot]` } });
    expect(open.state).toBe("open");
    const hooks = h.receiver.received.filter((hook) => hook.payload.action === "closed").map((hook) => hook.name);
    expect(hooks).toEqual(["pull_request", "issues"]);
    expect(h.receiver.named("issues", "closed")[0]?.payload).toMatchObject({
      issue: { number: closing.data.number, state: "closed" },
      sender: { login: `${h.app.slug}[bot]` },
    });
    await expectFaithfulRun(h);
  });

  it("closes nothing when the pull request goes into another branch than the default", async () => {
    h = await startHarness();
    const issue = await h.octokit.rest.issues.create({ owner, repo, title: "Add sub" });
    const main = await h.repo.git.getRef("heads/main");
    await h.repo.git.createRef("refs/heads/release", main ?? "");
    const number = await pullWithBody(h, "sub", "release", `Closes #${issue.data.number}`);

    await h.octokit.rest.pulls.merge({ owner, repo, pull_number: number });
    await h.sandbox.settle();

    expect((await h.octokit.rest.issues.get({ owner, repo, issue_number: issue.data.number })).data.state).toBe("open");
    expect(h.receiver.named("issues", "closed")).toEqual([]);
    await expectFaithfulRun(h);
  });
});
