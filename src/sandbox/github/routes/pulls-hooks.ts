import type { SandboxCore } from "../core.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { emitPullRequest } from "./pulls-common.ts";

/**
 * Runs after a pull request was closed without being merged (`PATCH /pulls/{n}` with
 * `state: closed`): a queued pull request leaves the merge queue, as on GitHub, and
 * `pull_request.dequeued` is sent with reason `MANUAL`.
 */
export async function onPullClosed(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): Promise<void> {
  const entries = [...core.store.queueEntries.values()].filter(
    (entry) => entry.repoId === repo.id && entry.pullNumber === pull.number,
  );
  if (entries.length === 0) return;
  for (const entry of entries) core.store.queueEntries.delete(entry.id);
  await emitPullRequest(core, repo, pull, sender, "dequeued", { reason: "MANUAL" });
}
