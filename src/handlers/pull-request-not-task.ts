import type { Probot } from "probot";
import { RepoKey } from "../domain/ids.ts";
import { parseTaskBranch } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef } from "./payload.ts";

/**
 * A pull request that is not a Foreman task got a head to check (opened, reopened, pushed to,
 * marked ready for review) or a new base branch: recorded so that Foreman's check can pass on it
 * where the base branch requires it, and the `Foreman config` check can report on a change to
 * `.github/foreman.yml`. Keyed by the repository, like merge groups: it is about no workflow.
 */
export function onPullRequestNotTask(app: Probot, sink: IntakeSink): void {
  const events = [
    "pull_request.opened",
    "pull_request.reopened",
    "pull_request.synchronize",
    "pull_request.ready_for_review",
    "pull_request.edited",
  ] as const;
  app.on([...events], (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const pull = payload.pull_request;
    if (!ref || parseTaskBranch(pull.head.ref)) return;
    // A new title or body changes nothing Foreman checks; a new base branch may require the check.
    if (payload.action === "edited" && !payload.changes.base) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: RepoKey.toString(ref),
      intake: { kind: "pr_not_task", ref, pr: pull.number, sha: pull.head.sha, baseRef: pull.base.ref, deliveryId: context.id },
    });
  });
}
