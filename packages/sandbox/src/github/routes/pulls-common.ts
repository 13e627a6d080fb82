import type { z } from "zod";
import { intParam, type RouteContext } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { ApiError, notFound } from "../errors.ts";
import type { GitIdentity } from "../git/types.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { pullRequestPayload } from "./pulls-stats.ts";

/** The committer GitHub puts on the commits it creates for merges and branch updates. */
export const GITHUB_COMMITTER: GitIdentity = { name: "GitHub", email: "noreply@github.com" };

/** The `{pull_number}` pull request of the repository, or 404. */
export function pullFrom(context: RouteContext, repo: Repository): PullRequest {
  const pull = context.core.store.pull(repo.id, intParam(context, "pull_number"));
  if (!pull) throw notFound();
  return pull;
}

/** Sends a `pull_request` webhook with the pull request as it is now. */
export async function emitPullRequest(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  sender: Account,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const payload = await pullRequestPayload(core, repo, pull);
  core.emit(repo, "pull_request", sender, { action, number: pull.number, ...extra, pull_request: payload });
}

/** Strips an `owner:` prefix from a `head` parameter when it names this repository's owner. */
export function headBranchName(repo: Repository, head: string): string | null {
  const separator = head.indexOf(":");
  if (separator === -1) return head;
  const owner = head.slice(0, separator);
  return owner.toLowerCase() === repo.owner.login.toLowerCase() ? head.slice(separator + 1) : null;
}

/** Reads a request body the dispatcher already checked against GitHub's schema. */
export function parseInput<T>(schema: z.ZodType<T>, body: Record<string, unknown>): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new ApiError(422, `Invalid request.\n\n${details}`);
  }
  return result.data;
}
