import type { World } from "../run/world.ts";

/** What a run leaves on GitHub, in the terms a duplicate or a lost task would show in. */
export interface FinalState {
  issueState: string;
  /** Task ids whose pull request was merged. */
  mergedTasks: string[];
  /** Pull requests opened per task branch; more than one is a duplicate. */
  pullsPerTask: Record<string, number>;
  /** Commits each task's pull request brought (head not on the base it merged into), merges of the base into the branch aside. */
  commitsPerTask: Record<string, number>;
  /** The default branch's files: path → blob sha. */
  mainFiles: Record<string, string>;
  mainTree: string;
  /** Commits on the default branch since the run began. */
  mainCommits: number;
  /** The app's comments per place and hidden marker key, e.g. `issue:status`, `task mean:approval-voided-…`. */
  appComments: Record<string, number>;
  /** `foreman/…` branches. */
  branches: string[];
  /** The app's check runs per commit and external id; more than one is a duplicate. */
  checkRunsPerKey: Record<string, number>;
  /** The app's check runs per task. */
  checkRunsPerTask: Record<string, number>;
  /** The first line of each failure the app reported in a comment (`task-failed-…`, `failure`), to tell why a task was lost. */
  failureNotes: string[];
}

const MARKER = /<!-- foreman:comment ([^\s]+) -->/;

function count(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

async function commitsBrought(world: World, pull: { headSha: string; mergeCommitSha: string | null }, mainHead: string): Promise<number> {
  const git = world.repo.git;
  const base = pull.mergeCommitSha ? ((await git.getCommit(pull.mergeCommitSha)).parents[0] ?? mainHead) : mainHead;
  const { commits } = await git.compare(base, pull.headSha);
  // A merge that brought the base in (GitHub's update-branch, or a merge on a conflict) is an update of the branch, not task work.
  const merges = await Promise.all(commits.map(async (sha) => (await git.getCommit(sha)).parents.length > 1));
  return merges.filter((merge) => !merge).length;
}

function taskOfNumber(world: World, prefix: string): Map<number, string> {
  const pulls = world.github.store.pullsOf(world.repo.id).filter((pull) => pull.headRef.startsWith(prefix));
  return new Map(pulls.map((pull) => [pull.number, pull.headRef.slice(prefix.length)]));
}

function appComments(world: World, prefix: string): Record<string, number> {
  const tasks = taskOfNumber(world, prefix);
  const comments = [...world.github.store.comments.values()].filter(
    (comment) => comment.repoId === world.repo.id && comment.user.login === world.botLogin,
  );
  return count(
    comments.map((comment) => {
      const place =
        comment.issueNumber === world.issueNumber ? "issue" : `task ${tasks.get(comment.issueNumber) ?? `#${comment.issueNumber}`}`;
      return `${place}:${MARKER.exec(comment.body)?.[1] ?? "(no marker)"}`;
    }),
  );
}

function checkRuns(world: World): { perKey: Record<string, number>; perTask: Record<string, number> } {
  const workflowPrefix = `${world.repo.owner.login}/${world.repo.name}#${world.issueNumber}/`.toLowerCase();
  const runs = [...world.github.store.checkRuns.values()].filter((run) => run.repoId === world.repo.id && run.appId === world.app.id);
  const taskOf = (externalId: string | null): string => (externalId ?? "").toLowerCase().replace(workflowPrefix, "") || "(none)";
  return {
    perKey: count(runs.map((run) => `${run.headSha.slice(0, 7)}:${run.externalId ?? ""}`)),
    perTask: count(runs.map((run) => taskOf(run.externalId))),
  };
}

function failureNotes(world: World): string[] {
  const comments = [...world.github.store.comments.values()].filter(
    (comment) => comment.repoId === world.repo.id && comment.user.login === world.botLogin,
  );
  return comments
    .filter((comment) => /<!-- foreman:comment (task-failed-|failure)/.test(comment.body))
    .map((comment) => comment.body.split("\n")[0] ?? "");
}

/** Reads the final state of a run from the sandbox. */
export async function captureFinalState(world: World, initialMainSha: string): Promise<FinalState> {
  const git = world.repo.git;
  const prefix = `foreman/${world.issueNumber}/`;
  const mainHead = (await git.resolve(world.repo.defaultBranch)) ?? initialMainSha;
  const pulls = world.github.store.pullsOf(world.repo.id).filter((pull) => pull.headRef.startsWith(prefix));
  const commitsPerTask: Record<string, number> = {};
  for (const pull of pulls) {
    const task = pull.headRef.slice(prefix.length);
    commitsPerTask[task] = (commitsPerTask[task] ?? 0) + (await commitsBrought(world, pull, mainHead));
  }
  const files = await git.listFiles(mainHead);
  const runs = checkRuns(world);
  return {
    issueState: world.github.store.issue(world.repo.id, world.issueNumber)?.state ?? "missing",
    mergedTasks: pulls
      .filter((pull) => pull.merged)
      .map((pull) => pull.headRef.slice(prefix.length))
      .sort(),
    pullsPerTask: count(pulls.map((pull) => pull.headRef.slice(prefix.length))),
    commitsPerTask,
    mainFiles: Object.fromEntries(files.map((file) => [file.path, file.sha])),
    mainTree: (await git.getCommit(mainHead)).tree,
    mainCommits: (await git.compare(initialMainSha, mainHead)).aheadBy,
    appComments: appComments(world, prefix),
    branches: (await git.listRefs("refs/heads/foreman/")).map((ref) => ref.ref.replace("refs/heads/", "")).sort(),
    checkRunsPerKey: runs.perKey,
    checkRunsPerTask: runs.perTask,
    failureNotes: failureNotes(world),
  };
}
