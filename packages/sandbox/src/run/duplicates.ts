import type { PullRequest } from "../github/state/types.ts";
import type { DuplicateKind } from "../scenario/index.ts";
import type { World } from "./world.ts";

/** A hidden marker: an HTML comment, which GitHub does not show, that the app leaves to find its own writes again. */
const HIDDEN_MARKER = /<!--[\s\S]*?-->/g;

const markersOf = (body: string): string[] => [...new Set(body.match(HIDDEN_MARKER) ?? [])];

/** Keys seen more than once, with how often. */
function repeated(keys: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
}

const isApp = (world: World, login: string): boolean => login.toLowerCase() === world.botLogin.toLowerCase();

function appPulls(world: World): PullRequest[] {
  return world.github.store
    .pullsOf(world.repo.id)
    .filter((pull) => isApp(world, world.github.store.issue(world.repo.id, pull.number)?.user.login ?? ""));
}

function duplicatePulls(world: World): string[] {
  return repeated(appPulls(world).map((pull) => pull.headRef)).map(([branch, count]) => `pull requests from ${branch}: ${count}`);
}

function duplicateComments(world: World): string[] {
  const comments = [...world.github.store.comments.values()].filter(
    (comment) => comment.repoId === world.repo.id && isApp(world, comment.user.login),
  );
  const keys = comments.flatMap((comment) => markersOf(comment.body).map((marker) => `#${comment.issueNumber} carrying ${marker}`));
  return repeated(keys).map(([key, count]) => `comments on ${key}: ${count}`);
}

function duplicateReviews(world: World): string[] {
  const reviews = [...world.github.store.reviews.values()].filter(
    (review) => review.repoId === world.repo.id && isApp(world, review.user.login),
  );
  const keys = reviews.flatMap((review) => {
    const markers = markersOf(review.body);
    if (markers.length > 0) return markers.map((marker) => `#${review.pullNumber} carrying ${marker}`);
    return [`#${review.pullNumber} on ${review.commitId.slice(0, 7)} (${review.state}) saying ${JSON.stringify(review.body.slice(0, 60))}`];
  });
  return repeated(keys).map(([key, count]) => `reviews on ${key}: ${count}`);
}

function duplicateCheckRuns(world: World): string[] {
  const runs = [...world.github.store.checkRuns.values()].filter((run) => run.repoId === world.repo.id && run.appId === world.app.id);
  return repeated(runs.map((run) => `"${run.name}" on ${run.headSha.slice(0, 7)}`)).map(([key, count]) => `check runs ${key}: ${count}`);
}

/** The commits a pull request brings: from where its branch left the base (before the merge, if merged) to its head. */
async function pullCommits(world: World, pull: PullRequest): Promise<string[]> {
  const git = world.repo.git;
  const base = pull.mergeCommitSha ? (await git.getCommit(pull.mergeCommitSha)).parents[0] : await git.resolve(pull.baseRef);
  return (await git.compare(base ?? pull.baseSha, pull.headSha)).commits;
}

/** Commits with the same message on one of the app's branches, leaving out the commits the scenario's actors pushed. */
async function duplicateCommits(world: World): Promise<string[]> {
  const actors = new Set(world.scenario.actors.map((actor) => actor.login.toLowerCase()));
  const failures: string[] = [];
  for (const pull of appPulls(world)) {
    const commits = await Promise.all((await pullCommits(world, pull)).map((sha) => world.repo.git.getCommit(sha)));
    const messages = commits.filter((commit) => !actors.has(commit.author.name.toLowerCase())).map((commit) => commit.message.trim());
    failures.push(
      ...repeated(messages).map(
        ([message, count]) => `commits on ${pull.headRef} with the message ${JSON.stringify(message.split("\n")[0])}: ${count}`,
      ),
    );
  }
  return failures;
}

const CHECKS: Record<DuplicateKind, (world: World) => string[] | Promise<string[]>> = {
  pullRequests: duplicatePulls,
  comments: duplicateComments,
  commits: duplicateCommits,
  checkRuns: duplicateCheckRuns,
  reviews: duplicateReviews,
};

/** What the app created twice, among the kinds asked for, in words: `comments on #1 carrying <!-- … -->: 2`. */
export async function duplicateFailures(world: World, kinds: readonly DuplicateKind[]): Promise<string[]> {
  const found = await Promise.all(kinds.map(async (kind) => CHECKS[kind](world)));
  return found.flat().map((failure) => `duplicate ${failure}`);
}
