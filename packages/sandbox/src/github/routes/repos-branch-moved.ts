import type { SandboxCore } from "../core.ts";
import { GitNoCommonAncestorError } from "../git/errors.ts";
import type { CommitInfo, FileChange } from "../git/types.ts";
import { dismissStaleApprovals } from "../protection/dismiss-stale.ts";
import { requestCodeOwners } from "../protection/review-requests.ts";
import { identityOf, serializePushCommit, type PushCommitFiles } from "../serializers/git.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { Account, Repository } from "../state/types.ts";
import { pullRequestPayload } from "./pulls-stats.ts";

const ZERO_SHA = "0".repeat(40);
/** GitHub lists at most this many commits in a push webhook. */
const MAX_PUSH_COMMITS = 2048;

/** A branch that was created (`before` null), moved, or deleted (`after` null). */
export interface BranchMove {
  branch: string;
  before: string | null;
  after: string | null;
  sender: Account;
  forced: boolean;
}

/**
 * Everything GitHub does when a branch moves: the `push` webhook, `pushed_at`, `synchronize` for
 * open pull requests whose head is the branch (and their CI), and the merge queue's rebuild when
 * the branch is a queue's base. Called by every route that moves a branch.
 */
export async function onBranchMoved(core: SandboxCore, repo: Repository, move: BranchMove): Promise<void> {
  if (move.before === move.after) return;
  core.store.history.branchMoved(repo.id, move);
  repo.pushedAt = core.store.timestamp();
  core.emit(repo, "push", move.sender, await pushPayload(core, repo, move));
  if (move.after !== null) await synchronizePulls(core, repo, move.branch, move.after, move.sender);
  if (move.branch === repo.defaultBranch || core.store.queueOf(repo.id, move.branch).length > 0) {
    core.mergeQueue?.baseMoved(repo, move.branch);
  }
}

async function synchronizePulls(core: SandboxCore, repo: Repository, branch: string, after: string, sender: Account): Promise<void> {
  for (const pull of core.store.pullsOf(repo.id)) {
    const issue = core.store.issue(repo.id, pull.number);
    if (pull.headRef !== branch || pull.merged || issue?.state !== "open" || pull.headSha === after) continue;
    const before = pull.headSha;
    pull.headSha = after;
    core.store.savePull(pull);
    issue.updatedAt = core.store.timestamp();
    const payload = await pullRequestPayload(core, repo, pull);
    core.emit(repo, "pull_request", sender, { action: "synchronize", number: pull.number, before, after, pull_request: payload });
    const request = { repo, sha: after, event: "pull_request" as const, headBranch: branch, pullNumbers: [pull.number] };
    core.spawn(async () => core.ci?.trigger(request));
    core.mergeQueue?.pullChanged(repo);
    dismissStaleApprovals(core, repo, pull, sender);
    await requestCodeOwners(core, repo, pull, sender);
  }
}

async function pushPayload(core: SandboxCore, repo: Repository, move: BranchMove): Promise<Record<string, unknown>> {
  const commits = move.after === null ? [] : await pushedCommits(repo, move, move.after);
  const serialized = await Promise.all(commits.map(async (info) => serializePushCommit(core, repo, info, await filesOf(repo, info))));
  const headCommit = move.after === null ? null : await headCommitOf(core, repo, move.after, serialized);
  return {
    ref: `refs/heads/${move.branch}`,
    before: move.before ?? ZERO_SHA,
    after: move.after ?? ZERO_SHA,
    created: move.before === null,
    deleted: move.after === null,
    forced: move.forced,
    base_ref: null,
    compare: compareUrl(core, repo, move),
    commits: serialized,
    head_commit: headCommit,
    pusher: { name: move.sender.login, email: identityOf(move.sender).email },
  };
}

async function headCommitOf(
  core: SandboxCore,
  repo: Repository,
  after: string,
  serialized: Array<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const found = serialized.find((commit) => commit.id === after);
  if (found) return found;
  const info = await repo.git.getCommit(after);
  return serializePushCommit(core, repo, info, await filesOf(repo, info));
}

function compareUrl(core: SandboxCore, repo: Repository, move: BranchMove): string {
  const html = repoHtml(core.urls, repositoryFullName(repo));
  if (move.before === null) return `${html}/compare/${encodeURIComponent(move.branch)}`;
  return `${html}/compare/${move.before.slice(0, 12)}...${(move.after ?? ZERO_SHA).slice(0, 12)}`;
}

/** The commits the push brought: new on the branch, or (for a new branch) not on the default branch. */
async function pushedCommits(repo: Repository, move: BranchMove, after: string): Promise<CommitInfo[]> {
  const head = await repo.git.getCommit(after);
  if (move.before !== null && head.parents.length === 1 && head.parents[0] === move.before) return [head];
  const base = move.before ?? (move.branch === repo.defaultBranch ? null : await repo.git.getRef(`heads/${repo.defaultBranch}`));
  if (base === null) return [head];
  let shas: string[];
  try {
    shas = (await repo.git.compare(base, after)).commits;
  } catch (error) {
    if (!(error instanceof GitNoCommonAncestorError)) throw error;
    return [head];
  }
  return Promise.all(shas.slice(-MAX_PUSH_COMMITS).map((sha) => (sha === after ? Promise.resolve(head) : repo.git.getCommit(sha))));
}

/** added/removed/modified of one commit against its first parent. */
async function filesOf(repo: Repository, info: CommitInfo): Promise<PushCommitFiles> {
  const parent = info.parents[0];
  if (parent === undefined) {
    return { added: (await repo.git.listFiles(info.sha)).map((file) => file.path), removed: [], modified: [] };
  }
  return classify((await repo.git.compare(parent, info.sha)).files);
}

function classify(files: FileChange[]): PushCommitFiles {
  const result: PushCommitFiles = { added: [], removed: [], modified: [] };
  for (const file of files) {
    if (file.status === "added") result.added.push(file.filename);
    else if (file.status === "removed") result.removed.push(file.filename);
    else if (file.status === "renamed") {
      result.added.push(file.filename);
      if (file.previousFilename !== undefined) result.removed.push(file.previousFilename);
    } else result.modified.push(file.filename);
  }
  return result;
}
