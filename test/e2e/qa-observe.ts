import { commentsOn, isCommitWrite, taskBranch, taskPull, type World, type RecordedModelRequest } from "@foreman/sandbox";
import { appComments } from "./run-case.ts";

/** What the end-to-end cases of the QA loop read from the sandbox before it is torn down. */

export interface CommitView {
  sha: string;
  message: string;
  parents: string[];
}

export interface ReviewView {
  id: number;
  author: string;
  state: string;
  body: string;
}

export interface ReviewCommentView {
  id: number;
  author: string;
  path: string;
  line: number | null;
  body: string;
  inReplyTo: number | null;
}

function target(world: World): { owner: string; repo: string } {
  return { owner: world.repo.owner.login, repo: world.repo.name };
}

function pullNumber(world: World, task: string): number {
  const pull = taskPull(world, task);
  if (!pull) throw new Error(`task ${task} has no pull request`);
  return pull.number;
}

/** The app's own successful calls, e.g. `git/create-commit`. */
function appCalls(world: World): Array<{ operationId: string | null; status: number }> {
  return world.github.requestLog
    .all()
    .filter((entry) => (entry.actor === world.botLogin || entry.actor === world.app.slug) && entry.status < 400);
}

export function appCallCount(world: World, operationId: string): number {
  return appCalls(world).filter((entry) => entry.operationId === operationId).length;
}

/** Every write the app made to commit (Git Data: tree, commit, ref, blob; GraphQL's `createCommitOnBranch`). */
export function gitDataWrites(world: World): number {
  return world.github.requestLog
    .all()
    .filter((entry) => (entry.actor === world.botLogin || entry.actor === world.app.slug) && isCommitWrite(entry)).length;
}

/** The commits of a task's pull request, oldest first, as GitHub lists them. */
export async function pullCommits(world: World, task: string): Promise<CommitView[]> {
  const octokit = world.as(world.scenario.issue.author);
  const { data } = await octokit.rest.pulls.listCommits({ ...target(world), pull_number: pullNumber(world, task), per_page: 100 });
  return data.map((commit) => ({ sha: commit.sha, message: commit.commit.message, parents: commit.parents.map((parent) => parent.sha) }));
}

export async function pullReviews(world: World, task: string): Promise<ReviewView[]> {
  const octokit = world.as(world.scenario.issue.author);
  const { data } = await octokit.rest.pulls.listReviews({ ...target(world), pull_number: pullNumber(world, task), per_page: 100 });
  return data.map((review) => ({ id: review.id, author: review.user?.login ?? "", state: review.state, body: review.body }));
}

export async function pullReviewComments(world: World, task: string): Promise<ReviewCommentView[]> {
  const octokit = world.as(world.scenario.issue.author);
  const { data } = await octokit.rest.pulls.listReviewComments({ ...target(world), pull_number: pullNumber(world, task), per_page: 100 });
  return data.map((comment) => ({
    id: comment.id,
    author: comment.user.login,
    path: comment.path,
    line: comment.line ?? null,
    body: comment.body,
    inReplyTo: comment.in_reply_to_id ?? null,
  }));
}

export function modelRequests(world: World, role?: string): RecordedModelRequest[] {
  return (world.model?.requests() ?? []).filter((request) => role === undefined || request.role === role);
}

/** Everything a model request showed the model, as one text. */
export function promptText(request: RecordedModelRequest | undefined): string {
  return (request?.messages ?? []).map((message) => message.content).join("\n");
}

/** The app's status comment on the issue (the one that starts with `### Foreman`). */
export function statusComment(world: World): string {
  return appComments(world, "issue").find((body) => body.startsWith("### Foreman")) ?? "";
}

export function issueLabels(world: World): string[] {
  return [...(world.github.store.issue(world.repo.id, world.issueNumber)?.labels ?? [])].sort();
}

/** The reactions on the latest comment by `login` that contains `text`, as `user:content`. */
export function reactionsOn(world: World, on: "issue" | { task: string }, login: string, text: string): string[] {
  const comment = commentsOn(world, on)
    .filter((candidate) => candidate.user.login === login && candidate.body.includes(text))
    .at(-1);
  return (comment?.reactions ?? []).map((reaction) => `${reaction.user.login}:${reaction.content}`);
}

export async function branchExists(world: World, task: string): Promise<boolean> {
  return (await world.repo.git.getRef(`heads/${taskBranch(world, task)}`)) !== null;
}

/** Every run of the repository's own checks on a commit, oldest first, re-runs included. */
export function ciRuns(world: World, sha: string): Array<{ name: string; conclusion: string | null }> {
  return world.github.store
    .checkRunsFor(world.repo.id, sha)
    .filter((run) => run.appId !== world.app.id)
    .sort((a, b) => a.id - b.id)
    .map((run) => ({ name: run.name, conclusion: run.conclusion }));
}

export function headOf(world: World, task: string): string {
  return taskPull(world, task)?.headSha ?? "";
}
