import { inlineCode, login, shortSha } from "./markdown.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Keys of the comments in this file, as in `comment-keys.ts`. */
export const HeadNoticeKey = {
  /** The answer to an `/approve` that binds to no commit, by its comment id. */
  approvalUnbound: (commentId: number): string => `approval-unbound-${commentId}`,
  /** The answer to a `/retry` after Foreman already took up a human's commit, by its comment id. */
  alreadyPickedUp: (commentId: number): string => `already-picked-up-${commentId}`,
  /** A task's branch handed to the human who pushed to it, once per head. */
  handedOver: (taskId: string, sha: string): string => `handed-over-${taskId}-${sha}`,
};

/** Why an `/approve` approved nothing. */
export type UnboundApproval =
  /** The head changed after the comment was written (or Foreman cannot tell when it did). */
  | { kind: "unknown_head"; by: string; head: string | null }
  /** `/approve <sha>` named a commit that is not the pull request's head. */
  | { kind: "not_head"; by: string; named: string; head: string | null };

function approveHint(head: string | null): SafeMarkdown {
  if (head === null) return markdown`Once the pull request has a head, approve it with ${inlineCode("/approve <sha>")}.`;
  return markdown`To approve the current head, comment ${inlineCode(`/approve ${head.slice(0, 12)}`)}.`;
}

/** The answer to an `/approve` that Foreman could not bind to a commit its author saw. */
export function renderApprovalUnbound(unbound: UnboundApproval): SafeMarkdown {
  const head = unbound.head === null ? markdown`` : markdown` The head is now ${shortSha(unbound.head)}.`;
  if (unbound.kind === "not_head") {
    return markdown`The \`/approve\` from ${login(unbound.by)} names ${inlineCode(unbound.named)}, which is not this pull request's head, so it approves nothing.${head} ${approveHint(unbound.head)}`;
  }
  return markdown`The \`/approve\` from ${login(unbound.by)} approves nothing: the pull request's head changed after it was written, or Foreman cannot tell which commit it saw.${head} ${approveHint(unbound.head)}`;
}

/** The answer to a `/retry` when Foreman already took up the commit a human pushed. */
export function renderAlreadyPickedUp(input: { taskId: string; sha: string }): SafeMarkdown {
  return markdown`Nothing to retry: Foreman already took up ${shortSha(input.sha)}, the commit pushed to task ${inlineCode(input.taskId)}'s branch, and goes on from there (CI, then review and \`/approve\`).`;
}

/** The comment when someone else pushed to a task's branch while Foreman was about to write to it. */
export function renderHandedOver(input: { taskId: string; branch: string; sha: string }): SafeMarkdown {
  return markdown`Someone else pushed ${shortSha(input.sha)} to ${inlineCode(input.branch)} while Foreman was working on task ${inlineCode(input.taskId)}, so Foreman left the branch as it is: it never writes over another person's commit. Push further fixes to the branch (CI and review then run on your head), or comment \`/retry\` to have Foreman continue from your commit.`;
}
