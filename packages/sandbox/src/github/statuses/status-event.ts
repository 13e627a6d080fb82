import type { SandboxCore } from "../core.ts";
import { branchProtection } from "../routes/repos-branches.ts";
import { statusWebhook, type StatusBranch } from "../serializers/status.ts";
import type { Account, CommitStatus, Repository } from "../state/types.ts";

/** The `status` payload lists at most this many branches. */
const MAX_BRANCHES = 10;
const BRANCH_PREFIX = "refs/heads/";

/** Branches whose history contains the commit (at their tip or below), by name. */
async function branchesContaining(repo: Repository, sha: string): Promise<StatusBranch[]> {
  const refs = (await repo.git.listRefs(BRANCH_PREFIX)).sort((a, b) => a.ref.localeCompare(b.ref));
  const branches: StatusBranch[] = [];
  for (const ref of refs) {
    if (branches.length === MAX_BRANCHES) break;
    if (ref.sha !== sha && !(await repo.git.isAncestor(sha, ref.sha))) continue;
    const name = ref.ref.slice(BRANCH_PREFIX.length);
    branches.push({ name, sha: ref.sha, protected: branchProtection(repo, name).protected });
  }
  return branches;
}

/** Sends `status` for a new commit status to apps with the Commit statuses permission that subscribe to it. */
export async function emitStatus(core: SandboxCore, repo: Repository, status: CommitStatus, sender: Account): Promise<void> {
  if (!core.appsFor(repo).some((app) => app.permissions.statuses !== undefined)) return;
  const [commit, branches] = await Promise.all([repo.git.getCommit(status.sha), branchesContaining(repo, status.sha)]);
  core.emit(repo, "status", sender, statusWebhook(core, repo, status, commit, branches));
}
