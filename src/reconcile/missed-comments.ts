import { ReconcileDeliveryId } from "../domain/ids.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { Store } from "../store/store.ts";
import type { Intake } from "../worker/intake.ts";
import { isAppLogin, type CommentInfo } from "../ports/github-types.ts";
import type { RepoReads } from "../ports/github.ts";

/** Where comments that may be commands are read: the issue, and each task's pull request (with its body, for the task marker). */
export interface CommentTarget {
  number: number;
  pullRequestBody: string | null;
}

export type CommentIntake = Extract<Intake, { kind: "issue_comment" }>;

/** A comment as the intake its webhook would have queued, so permission checks and command parsing apply as usual. */
function commentIntake(state: WorkflowState, target: CommentTarget, comment: CommentInfo): CommentIntake {
  return {
    kind: "issue_comment",
    ref: state.ref,
    issue: target.number,
    pullRequestBody: target.pullRequestBody,
    commentId: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    sender: { login: comment.author, type: comment.authorType },
    deliveryId: ReconcileDeliveryId.toString({ what: "comment", id: String(comment.id) }),
  };
}

const byApp = (comment: CommentInfo, botLogin: string): boolean => isAppLogin(comment.author, botLogin);

/**
 * An edited comment is never a command, even when its `created` webhook was lost: what was written first is unknown.
 * The REST timestamps show an edit made a second or more later; `unedited` asks GraphQL about the rest.
 */
const edited = (comment: CommentInfo): boolean => comment.updatedAt > comment.createdAt;

/**
 * Comments on the workflow's issue and pull requests that never arrived as webhooks (not seen).
 * The caller queues each with `enqueueUnseen`, so a late webhook for it is a no-op. Comments older
 * than the workflow are not commands for it.
 */
export async function missedComments(
  store: Store,
  repo: RepoReads,
  state: WorkflowState,
  targets: CommentTarget[],
  botLogin: string,
): Promise<CommentIntake[]> {
  const since = Math.floor(state.startedAt / 1000) * 1000;
  const found: Found[] = [];
  for (const target of targets) {
    for (const comment of await repo.listComments(target.number)) {
      if (comment.createdAt < since || byApp(comment, botLogin) || edited(comment) || store.hasSeen("comment", String(comment.id)))
        continue;
      found.push({ target, comment });
    }
  }
  return unedited(repo, state, found);
}

type Found = { target: CommentTarget; comment: CommentInfo };

/**
 * The intakes of comments never edited, asked of GraphQL (`lastEditedAt`): an edit within the second the
 * comment was written leaves its REST timestamps equal, and its body is then not what was first written.
 */
async function unedited(repo: RepoReads, state: WorkflowState, found: Found[]): Promise<CommentIntake[]> {
  if (found.length === 0) return [];
  const editedIds = await repo.editedComments(found.map(({ comment }) => comment.nodeId));
  return found.filter(({ comment }) => !editedIds.has(comment.nodeId)).map(({ target, comment }) => commentIntake(state, target, comment));
}

/**
 * After a rebuild: comments made before the snapshot was written are in it and count as seen;
 * later ones may not be (or reached a process that had no workflow for them), so they are returned
 * to be fed in whatever the seen marks say.
 */
export async function commentsAfterSnapshot(
  store: Store,
  repo: RepoReads,
  state: WorkflowState,
  targets: CommentTarget[],
  writtenAt: number,
  botLogin: string,
): Promise<CommentIntake[]> {
  const found: Found[] = [];
  for (const target of targets) {
    for (const comment of await repo.listComments(target.number)) {
      if (comment.createdAt < Math.floor(writtenAt / 1000) * 1000) store.markSeen("comment", String(comment.id));
      else if (!byApp(comment, botLogin) && !edited(comment)) found.push({ target, comment });
    }
  }
  return unedited(repo, state, found);
}
