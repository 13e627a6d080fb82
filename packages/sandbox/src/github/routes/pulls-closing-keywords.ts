import type { SandboxCore } from "../core.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { emitIssueEvent, touch } from "./issues-common.ts";

/**
 * A closing keyword and the issue it names, as GitHub reads a pull request's description: `close`,
 * `fix` or `resolve` in any of their forms, an optional colon, then `#12`, `owner/repo#12` or the
 * issue's URL. A keyword broken by a zero-width space, or a reference so broken, names nothing.
 */
const CLOSING =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+(?:([\w.-]+)\/([\w.-]+)#(\d+)|#(\d+)|https?:\/\/[^\s/]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+))/gi;

/** The numbers of this repository's issues a description closes, in the order it names them, each once. */
export function closedIssueNumbers(repo: Repository, body: string): number[] {
  const numbers = [...body.matchAll(CLOSING)].flatMap((match) => {
    const [, owner, name, crossNumber, localNumber, urlOwner, urlName, urlNumber] = match;
    if (localNumber !== undefined) return [Number(localNumber)];
    const target = owner !== undefined ? [owner, name, crossNumber] : [urlOwner, urlName, urlNumber];
    const same = target[0]?.toLowerCase() === repo.owner.login.toLowerCase() && target[1]?.toLowerCase() === repo.name.toLowerCase();
    return same ? [Number(target[2])] : [];
  });
  return [...new Set(numbers)];
}

/**
 * What GitHub does once a pull request into the default branch is merged: each open issue (not a
 * pull request) of the repository its description closes is closed as completed by the merger,
 * with `issues.closed`.
 */
export async function closeLinkedIssues(core: SandboxCore, repo: Repository, pull: PullRequest, mergedBy: Account): Promise<void> {
  if (pull.baseRef !== repo.defaultBranch) return;
  const body = core.store.issue(repo.id, pull.number)?.body ?? "";
  for (const number of closedIssueNumbers(repo, body)) {
    const issue = core.store.issue(repo.id, number);
    if (!issue || issue.isPullRequest || issue.state !== "open") continue;
    issue.state = "closed";
    issue.stateReason = "completed";
    issue.closedAt = core.store.timestamp();
    issue.closedBy = mergedBy;
    touch(core, issue);
    core.store.saveIssue(issue);
    await emitIssueEvent(core, repo, issue, mergedBy, "closed");
  }
}
