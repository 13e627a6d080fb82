import type { ScenarioStep } from "../scenario/index.ts";
import { stepAction } from "../scenario/index.ts";
import { commentsOn, targetNumber, taskBranch, taskPull } from "./observe.ts";
import type { World } from "./world.ts";

class StepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepError";
  }
}

type Push = NonNullable<ScenarioStep["push"]>;

async function push(world: World, login: string, action: Push): Promise<void> {
  const octokit = world.as(login);
  const target = { owner: world.repo.owner.login, repo: world.repo.name };
  const branch = action.task ? taskBranch(world, action.task) : (action.branch ?? world.repo.defaultBranch);
  const { data: ref } = await octokit.rest.git.getRef({ ...target, ref: `heads/${branch}` });
  const { data: head } = await octokit.rest.git.getCommit({ ...target, commit_sha: ref.object.sha });
  const tree = Object.entries(action.files).map(([path, content]) =>
    content === null
      ? { path, mode: "100644" as const, type: "blob" as const, sha: null }
      : { path, mode: "100644" as const, type: "blob" as const, content },
  );
  const { data: newTree } = await octokit.rest.git.createTree({ ...target, base_tree: head.tree.sha, tree });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...target,
    message: action.message,
    tree: newTree.sha,
    parents: [head.sha],
  });
  await octokit.rest.git.updateRef({ ...target, ref: `heads/${branch}`, sha: commit.sha });
}

function requireNumber(world: World, target: "issue" | { task: string }): number {
  const number = targetNumber(world, target);
  if (number === undefined) throw new StepError(`no pull request for task ${typeof target === "object" ? target.task : ""} yet`);
  return number;
}

/** Closes or reopens the issue (issues API) or a task's pull request (pulls API). */
async function setState(
  world: World,
  login: string,
  on: "issue" | { task: string },
  state: "open" | "closed",
  reason?: string,
): Promise<void> {
  const octokit = world.as(login);
  const target = { owner: world.repo.owner.login, repo: world.repo.name };
  if (on === "issue") {
    const stateReason = state === "open" ? "reopened" : (reason as "completed" | "not_planned" | undefined);
    await octokit.rest.issues.update({
      ...target,
      issue_number: world.issueNumber,
      state,
      ...(stateReason ? { state_reason: stateReason } : {}),
    });
    return;
  }
  await octokit.rest.pulls.update({ ...target, pull_number: requireNumber(world, on), state });
}

/**
 * GitHub stamps a comment to the second, and an app cannot tell whether an `/approve` stamped in
 * the same second as a push was written before or after it. A scripted approver, like a person,
 * approves what it saw a moment earlier: its `/approve` is posted in a later second than the one
 * in which its step's condition was seen to hold.
 */
async function afterThisSecond(body: string): Promise<void> {
  if (!/^\s*\/approve\b/im.test(body)) return;
  const wait = 1_000 - (Date.now() % 1_000) + 5;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Performs a step's action through the REST API as the step's actor, so webhooks and checks are real. */
export async function performStep(world: World, step: ScenarioStep): Promise<void> {
  const action = stepAction(step);
  if (!action || !step.as) return;
  const octokit = world.as(step.as);
  const target = { owner: world.repo.owner.login, repo: world.repo.name };
  switch (action.kind) {
    case "label":
      await octokit.rest.issues.addLabels({ ...target, issue_number: world.issueNumber, labels: [action.label] });
      return;
    case "unlabel":
      await octokit.rest.issues.removeLabel({ ...target, issue_number: world.issueNumber, name: action.label });
      return;
    case "comment":
      await afterThisSecond(action.comment.body);
      await octokit.rest.issues.createComment({
        ...target,
        issue_number: requireNumber(world, action.comment.on),
        body: action.comment.body,
      });
      return;
    case "editComment": {
      const { on, find, body } = action.editComment;
      const mine = commentsOn(world, on).filter((comment) => comment.user.login === step.as && comment.body.includes(find));
      const last = mine.at(-1);
      if (!last) throw new StepError(`no comment by ${step.as} contains "${find}"`);
      await octokit.rest.issues.updateComment({ ...target, comment_id: last.id, body });
      return;
    }
    case "push":
      await push(world, step.as, action.push);
      return;
    case "review": {
      const review = action.review;
      const pull = taskPull(world, review.task);
      if (!pull) throw new StepError(`no pull request for task ${review.task} yet`);
      await octokit.rest.pulls.createReview({
        ...target,
        pull_number: pull.number,
        event: review.event,
        body: review.body,
        comments: review.comments.map((comment) => ({ path: comment.path, line: comment.line, side: comment.side, body: comment.body })),
      });
      return;
    }
    case "close":
      await setState(world, step.as, action.close.on, "closed", action.close.reason);
      return;
    case "reopen":
      await setState(world, step.as, action.reopen.on, "open");
      return;
  }
}
