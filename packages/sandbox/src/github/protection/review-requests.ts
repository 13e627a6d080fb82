import type { SandboxCore } from "../core.ts";
import { emitPullRequest } from "../routes/pulls-common.ts";
import { serializeUser } from "../serializers/user.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, PullRequest, Repository, ReviewRequest } from "../state/types.ts";
import { ownedFiles } from "./pull-owners.ts";
import { latestOpinions } from "./review-policy.ts";

function saveRequest(core: SandboxCore, pull: PullRequest, reviewer: Account): ReviewRequest {
  const id = core.store.nextId();
  const request: ReviewRequest = {
    repoId: pull.repoId,
    pullNumber: pull.number,
    id,
    nodeId: encodeNodeId("RR", id),
    reviewer,
    asCodeOwner: true,
  };
  core.store.reviewRequests.set(id, request);
  return request;
}

/** Owners of the changed files who are not the author, not asked yet and not approving already, by login. */
async function ownersToAsk(core: SandboxCore, repo: Repository, pull: PullRequest, base: string): Promise<Account[]> {
  const author = core.store.issue(repo.id, pull.number)?.user;
  const asked = new Set(core.store.reviewRequestsOf(repo.id, pull.number).map((request) => request.reviewer.id));
  const approving = latestOpinions(core.store.reviewsOf(pull.repoId, pull.number), () => true).filter(
    (review) => review.state === "APPROVED",
  );
  const skip = new Set([author?.id, ...asked, ...approving.map((review) => review.user.id)]);
  const owners = new Map<number, Account>();
  for (const file of await ownedFiles(core, repo, pull, base)) {
    for (const owner of file.owners) if (!skip.has(owner.id)) owners.set(owner.id, owner);
  }
  return [...owners.values()].sort((a, b) => a.login.localeCompare(b.login));
}

/**
 * Asks the code owners of a pull request's changed files for a review (`pull_request.review_requested`
 * for each), as GitHub does when a pull request that is not a draft is opened or pushed to and the
 * base branch has a `CODEOWNERS` file, whether or not the rules require their review.
 */
export async function requestCodeOwners(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): Promise<void> {
  const base = await repo.git.getRef(`heads/${pull.baseRef}`);
  if (pull.draft || base === null) return;
  for (const owner of await ownersToAsk(core, repo, pull, base)) {
    saveRequest(core, pull, owner);
    await emitPullRequest(core, repo, pull, sender, "review_requested", { requested_reviewer: serializeUser(core.urls, owner) });
  }
}

/** A submitted review answers the reviewer's request: GitHub drops it. */
export function withdrawReviewRequest(core: SandboxCore, pull: PullRequest, reviewer: Account): void {
  for (const request of core.store.reviewRequestsOf(pull.repoId, pull.number)) {
    if (request.reviewer.id === reviewer.id) core.store.reviewRequests.delete(request.id);
  }
}
