import { describe, expect, it } from "vitest";
import { collectFigures, expectationFailures, type World } from "../../src/index.ts";
import { appWorld, type AppWorld } from "./app-world.ts";

async function failuresOf(world: World): Promise<string[]> {
  return expectationFailures(world, await collectFigures(world, Date.now(), false));
}

async function openTaskPull(h: AppWorld, task: string): Promise<{ number: number; sha: string; branch: string }> {
  const branch = `foreman/${h.world.issueNumber}/${task}`;
  const sha = await h.commit(h.app, branch, `Add ${task}`, { [`${task}.txt`]: `${task}\n` });
  const { data: pull } = await h.app.rest.pulls.create({ ...h.repo, head: branch, base: "main", title: `Add ${task}` });
  return { number: pull.number, sha, branch };
}

describe("expect.comments", () => {
  it("counts per place, per author (the app by `app`) and per text, and says what it found", async () => {
    const h = await appWorld(
      "{ comments: [{ author: app, count: 1 }, { on: { task: a }, author: maya, atMost: 1 }, { contains: hello, atLeast: 1 }, { on: { task: a }, count: 2 }] }",
    );
    const pull = await openTaskPull(h, "a");
    await h.app.rest.issues.createComment({ ...h.repo, issue_number: h.world.issueNumber, body: "Status" });
    for (const body of ["/approve", "/approve again"])
      await h.maya.rest.issues.createComment({ ...h.repo, issue_number: pull.number, body });

    const failures = await failuresOf(h.world);

    expect(failures).toEqual([
      "comments on task a's pull request by maya: expected at most 1, got 2",
      'comments on the issue containing "hello": expected at least 1, got 0',
    ]);
  }, 60_000);
});

describe("expect.noDuplicates", () => {
  it("finds what the app created twice: a comment marker, a check run name on a sha, a review, a commit message, a pull request per branch", async () => {
    const h = await appWorld("{ noDuplicates: true }");
    const issue = { ...h.repo, issue_number: h.world.issueNumber };
    const first = await openTaskPull(h, "a");
    await h.app.rest.pulls.update({ ...h.repo, pull_number: first.number, state: "closed" });
    await h.commit(h.app, first.branch, "Add a", { "a.txt": "a again\n" });
    await h.commit(h.maya, first.branch, "Update files", { "m.txt": "1\n" });
    await h.commit(h.maya, first.branch, "Update files", { "m.txt": "2\n" });
    const { data: second } = await h.app.rest.pulls.create({ ...h.repo, head: first.branch, base: "main", title: "Add a" });
    const head = second.head.sha;
    for (const body of ["Plan <!-- app:status -->", "Plan, edited <!-- app:status -->"])
      await h.app.rest.issues.createComment({ ...issue, body });
    await h.app.rest.issues.createComment({ ...h.repo, issue_number: second.number, body: "Once here <!-- app:status -->" });
    for (const title of ["Waiting", "Ready"])
      await h.app.rest.checks.create({
        ...h.repo,
        name: "Foreman",
        head_sha: head,
        status: "in_progress",
        output: { title, summary: "." },
      });
    for (let round = 0; round < 2; round += 1)
      await h.app.rest.pulls.createReview({ ...h.repo, pull_number: second.number, event: "COMMENT", body: "Looks fine." });

    const failures = await failuresOf(h.world);

    expect(failures).toEqual([
      `duplicate pull requests from ${first.branch}: 2`,
      `duplicate comments on #${h.world.issueNumber} carrying <!-- app:status -->: 2`,
      `duplicate commits on ${first.branch} with the message "Add a": 2`,
      `duplicate check runs "Foreman" on ${head.slice(0, 7)}: 2`,
      `duplicate reviews on #${second.number} on ${head.slice(0, 7)} (COMMENTED) saying "Looks fine.": 2`,
    ]);
  }, 60_000);

  it("finds nothing when each thing exists once, and checks only the kinds listed", async () => {
    const h = await appWorld("{ noDuplicates: [comments, pullRequests] }");
    const pull = await openTaskPull(h, "a");
    await h.app.rest.issues.createComment({ ...h.repo, issue_number: h.world.issueNumber, body: "Plan <!-- app:status -->" });
    await h.app.rest.issues.createComment({ ...h.repo, issue_number: pull.number, body: "Plan <!-- app:status -->" });
    for (const title of ["Waiting", "Ready"])
      await h.app.rest.checks.create({
        ...h.repo,
        name: "Foreman",
        head_sha: pull.sha,
        status: "in_progress",
        output: { title, summary: "." },
      });

    const failures = await failuresOf(h.world);

    expect(failures).toEqual([]);
  }, 60_000);
});
