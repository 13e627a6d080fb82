import { z } from "zod";
import { RepoRef } from "../engine/types.ts";

export const Sender = z.object({ login: z.string(), type: z.string() });
export type Sender = z.infer<typeof Sender>;

const Common = { ref: RepoRef, deliveryId: z.string() };

/** Who a job queued before the sender was recorded names: nobody known. */
const UNKNOWN_SENDER: Sender = { login: "ghost", type: "User" };

/** A webhook, narrowed by a handler to what Foreman needs; the worker turns it into engine events. */
export const Intake = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("issue_labeled"), ...Common, issue: z.int(), issueTitle: z.string(), label: z.string(), sender: Sender }),
  z.object({
    kind: z.literal("issue_comment"),
    ...Common,
    issue: z.int(),
    /** The PR body when the comment is on a pull request, to find the task marker. */
    pullRequestBody: z.string().nullable(),
    commentId: z.int(),
    body: z.string(),
    /** When the comment was written (epoch ms); null for a job queued before this was recorded: the head it saw is then unknown. */
    createdAt: z.number().nullable().default(null),
    sender: Sender,
  }),
  z.object({ kind: z.literal("pr_synchronize"), ...Common, pr: z.int(), headRef: z.string(), sha: z.string(), sender: Sender }),
  /** `issues.closed` (`how` from its `state_reason`) or `issues.deleted`. */
  z.object({
    kind: z.literal("issue_closed"),
    ...Common,
    issue: z.int(),
    how: z.enum(["closed", "not_planned", "deleted"]),
    sender: Sender,
  }),
  z.object({
    kind: z.literal("pr_closed"),
    ...Common,
    pr: z.int(),
    headRef: z.string(),
    merged: z.boolean(),
    sha: z.string(),
    /** Who closed it: Foreman itself (its close is already known) or someone else. */
    sender: Sender.default(UNKNOWN_SENDER),
  }),
  z.object({ kind: z.literal("pr_reopened"), ...Common, pr: z.int(), headRef: z.string(), sha: z.string(), sender: Sender }),
  z.object({ kind: z.literal("pr_dequeued"), ...Common, pr: z.int(), headRef: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal("checks_completed"),
    ...Common,
    sha: z.string(),
    headBranch: z.string().nullable(),
    /** The account of the app whose check suite finished (`<slug>[bot]`); null when unknown (or a job queued before). */
    suiteApp: z.string().nullable().default(null),
  }),
  z.object({ kind: z.literal("merge_group"), ...Common, headSha: z.string(), headRef: z.string() }),
  /** A pull request that is not a Foreman task was opened, reopened, pushed to or marked ready: its head and the branch it merges into. */
  z.object({ kind: z.literal("pr_not_task"), ...Common, pr: z.int(), sha: z.string(), baseRef: z.string() }),
  z.object({
    kind: z.literal("pr_review"),
    ...Common,
    pr: z.int(),
    headRef: z.string(),
    /** The review's body, or an inline comment with its place. */
    body: z.string(),
    /** Set for an inline review comment, so the answer goes to its thread. */
    commentId: z.int().nullable(),
    /** A submitted review's state and the commit it was given on; null for an inline comment (or a job queued before). */
    review: z
      .object({ state: z.enum(["approved", "changes_requested", "commented"]), commitId: z.string() })
      .nullable()
      .default(null),
    sender: Sender,
  }),
  z.object({
    kind: z.literal("base_moved"),
    ...Common,
    branch: z.string(),
    sha: z.string(),
    /** A later look at the tasks (`<workflow>/<task>`) whose mergeability GitHub was still computing; absent for the push itself. */
    recheck: z.object({ attempt: z.int().min(1), tasks: z.array(z.string()) }).optional(),
  }),
]);
export type Intake = z.infer<typeof Intake>;
