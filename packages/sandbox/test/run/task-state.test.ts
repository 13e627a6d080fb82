import { describe, expect, it } from "vitest";
import { conditionHolds, statusLineOf, taskStateFailures } from "../../src/index.ts";
import { appWorld, type AppWorld } from "./app-world.ts";

/** The app opens task a's pull request from `foreman/<issue>/a`; returns its head sha. */
async function openTaskPull(h: AppWorld, task: string): Promise<{ number: number; sha: string }> {
  const branch = `foreman/${h.world.issueNumber}/${task}`;
  const sha = await h.commit(h.app, branch, `Add ${task}`, { [`${task}.txt`]: `${task}\n` });
  const { data: pull } = await h.app.rest.pulls.create({ ...h.repo, head: branch, base: "main", title: `Add ${task}` });
  return { number: pull.number, sha };
}

async function statusComment(h: AppWorld, lines: string[]): Promise<void> {
  await h.app.rest.issues.createComment({ ...h.repo, issue_number: h.world.issueNumber, body: ["### Status", "", ...lines].join("\n") });
}

describe("a task's state as a maintainer sees it", () => {
  it("tells a task without a pull request from one with", async () => {
    const h = await appWorld();

    const before = [
      taskStateFailures(h.world, { id: "a", pullRequest: "none" }),
      taskStateFailures(h.world, { id: "a", pullRequest: "open" }),
    ];
    await openTaskPull(h, "a");
    const after = [
      taskStateFailures(h.world, { id: "a", pullRequest: "open" }),
      taskStateFailures(h.world, { id: "a", pullRequest: "none" }),
    ];

    expect(before).toEqual([[], ["task a: no pull request yet"]]);
    expect(after).toEqual([[], ["task a: pull request #2 is open, expected none"]]);
  }, 60_000);

  it("reads the app's newest check run on the head, the repository's checks and the task's status line", async () => {
    const h = await appWorld();
    const pull = await openTaskPull(h, "a");
    await h.app.rest.checks.create({
      ...h.repo,
      name: "Foreman",
      head_sha: pull.sha,
      status: "in_progress",
      output: { title: "Waiting for CI", summary: "." },
    });
    await h.app.rest.checks.create({
      ...h.repo,
      name: "Foreman",
      head_sha: pull.sha,
      status: "in_progress",
      output: { title: "Ready for approval", summary: "." },
    });
    await statusComment(h, ["- [ ] **a-2** Add a-2 — coding", `- [ ] **a** Add a — #${pull.number} ready for \`/approve\``]);
    const ready = {
      id: "a",
      pullRequest: "open",
      appCheck: { name: "Foreman", status: "in_progress", title: "Ready for approval" },
      statusLine: "ready for `/approve`",
    } as const;

    const holds = conditionHolds(h.world, { task: ready });
    const wrong = taskStateFailures(h.world, {
      id: "a",
      checks: "success",
      appCheck: { conclusion: "success", title: "Approved" },
      statusLine: "merged",
    });

    expect(holds).toBe(true);
    expect(statusLineOf(h.world, "a")).toBe(`- [ ] **a** Add a — #${pull.number} ready for \`/approve\``);
    expect(wrong).toEqual([
      "task a: checks on its head are pending, expected success",
      'task a: the app\'s check on its head is "Ready for approval" (in_progress), expected conclusion success, title "Approved"',
      `task a: its status line "- [ ] **a** Add a — #${pull.number} ready for \`/approve\`" does not contain "merged"`,
    ]);
  }, 60_000);

  it("says when the app has no check on the head and no line for the task", async () => {
    const h = await appWorld();
    await openTaskPull(h, "a");
    await statusComment(h, ["- [ ] **a-2** Add a-2 — coding"]);

    const failures = taskStateFailures(h.world, { id: "a", appCheck: { name: "Foreman" }, statusLine: "coding" });

    expect(failures).toEqual([
      "task a: the app's Foreman check on its head: none yet",
      "task a: no line for it in the app's comments on the issue",
    ]);
  }, 60_000);
});
