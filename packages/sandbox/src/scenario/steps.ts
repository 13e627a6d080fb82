import { z } from "zod";
import { BranchName, LabelName, Login, PositiveSeconds, RepositoryPath, TaskId } from "./primitives.ts";
import { TaskCondition } from "./task-condition.ts";

/** Where a comment lives: the scenario's issue, or the pull request of a plan task. */
export const CommentTarget = z.union([z.literal("issue"), z.strictObject({ task: TaskId })], {
  error: 'expected "issue" or { task: <task id> }',
});
export type CommentTarget = z.infer<typeof CommentTarget>;

const PullRequestCondition = z.strictObject({
  task: TaskId,
  state: z.enum(["open", "merged", "closed"]).optional(),
  /** The combined state of the checks on the PR's head commit. */
  checks: z.enum(["success", "failure", "pending"]).optional(),
});

const CommentCondition = z.strictObject({
  on: CommentTarget.default("issue"),
  text: z.string().min(1),
  /** Only comments by this login (e.g. the app's bot account). */
  author: Login.optional(),
});

const IssueCondition = z.strictObject({
  state: z.enum(["open", "closed"]).optional(),
  /** Labels that must all be on the issue. */
  labels: z.array(LabelName).optional(),
  /** Labels that must all be absent. */
  labelsAbsent: z.array(LabelName).optional(),
});

const MergeQueueCondition = z.strictObject({
  task: TaskId,
  /** queued: the PR has a merge queue entry; removed: it left the queue unmerged; merged: merged through it. */
  state: z.enum(["queued", "removed", "merged"]),
});

const CONDITION_KEYS = ["pullRequest", "commentContains", "issue", "mergeQueue", "task"] as const;

/** What a step waits for before it acts. All given conditions must hold at the same time. */
export const StepCondition = z
  .strictObject({
    pullRequest: PullRequestCondition.optional(),
    commentContains: CommentCondition.optional(),
    issue: IssueCondition.optional(),
    mergeQueue: MergeQueueCondition.optional(),
    /** The task's state as a maintainer sees it: its pull request, checks, the app's check run, its status line. */
    task: TaskCondition.optional(),
    /** How long to wait; defaults to what is left of the scenario's timeoutSeconds. */
    timeoutSeconds: PositiveSeconds.optional(),
  })
  .superRefine((condition, context) => {
    if (!CONDITION_KEYS.some((key) => condition[key] !== undefined)) {
      context.addIssue({ code: "custom", message: `expected at least one of: ${CONDITION_KEYS.join(", ")}` });
    }
  });
export type StepCondition = z.infer<typeof StepCondition>;

const CommentAction = z.strictObject({ on: CommentTarget.default("issue"), body: z.string().min(1) });

/** Edits the latest comment by the same actor that contains `find`. */
const EditCommentAction = z.strictObject({
  on: CommentTarget.default("issue"),
  find: z.string().min(1),
  body: z.string().min(1),
});

/** A human commit: to a task's branch (`task`) or to any branch (`branch`). A null file is deleted. */
const PushAction = z
  .strictObject({
    task: TaskId.optional(),
    branch: BranchName.optional(),
    message: z.string().min(1).default("Update files"),
    files: z.record(RepositoryPath, z.string().nullable()),
  })
  .superRefine((push, context) => {
    if ((push.task === undefined) === (push.branch === undefined)) {
      context.addIssue({ code: "custom", message: "give exactly one of task or branch" });
    }
    if (Object.keys(push.files).length === 0) {
      context.addIssue({ code: "custom", path: ["files"], message: "expected at least one file" });
    }
  });

const ReviewComment = z.strictObject({
  path: RepositoryPath,
  line: z.int().min(1),
  side: z.enum(["LEFT", "RIGHT"]).default("RIGHT"),
  body: z.string().min(1),
});

const ReviewAction = z.strictObject({
  task: TaskId,
  event: z.enum(["APPROVE", "REQUEST_CHANGES", "COMMENT"]),
  body: z.string().default(""),
  comments: z.array(ReviewComment).default([]),
});

/** Closes the issue (`reason`: completed or not_planned) or a task's pull request. */
const CloseAction = z.strictObject({ on: CommentTarget.default("issue"), reason: z.enum(["completed", "not_planned"]).optional() });

/** Reopens the issue or a task's pull request. */
const ReopenAction = z.strictObject({ on: CommentTarget.default("issue") });

/** A pause: the step waits this long (after its `when`, if any) and does nothing else. */
export const WaitAction = z.strictObject({ seconds: PositiveSeconds });

export const STEP_ACTIONS = ["label", "unlabel", "comment", "editComment", "push", "review", "close", "reopen"] as const;
export type StepActionKind = (typeof STEP_ACTIONS)[number];

/** One thing a human does, optionally after waiting for a condition. */
export const ScenarioStep = z
  .strictObject({
    /** A name for logs and failure messages. */
    name: z.string().min(1).optional(),
    /** The actor who acts; required unless the step only waits. */
    as: Login.optional(),
    when: StepCondition.optional(),
    /** Adds a label to the issue. */
    label: LabelName.optional(),
    /** Removes a label from the issue. */
    unlabel: LabelName.optional(),
    comment: CommentAction.optional(),
    editComment: EditCommentAction.optional(),
    push: PushAction.optional(),
    review: ReviewAction.optional(),
    close: CloseAction.optional(),
    reopen: ReopenAction.optional(),
    /** Only waits this long; no actor needed. */
    wait: WaitAction.optional(),
    /**
     * When its `when` does not hold in time (or the run stalls waiting for it), or GitHub refuses
     * the action (a 4xx, e.g. a task without a pull request yet), the step is skipped instead of
     * ending the run. For generated schedules, whose steps may no longer apply.
     */
    optional: z.boolean().optional(),
  })
  .superRefine((step, context) => {
    const actions = STEP_ACTIONS.filter((key) => step[key] !== undefined);
    if (actions.length > 1) {
      context.addIssue({ code: "custom", message: `expected one action per step, got ${actions.join(" and ")}` });
    }
    if (actions.length > 0 && step.as === undefined) {
      context.addIssue({ code: "custom", path: ["as"], message: "required: who does this step" });
    }
    if (actions.length > 0 && step.wait !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["wait"],
        message: `a step waits or acts, not both: put the wait in a step of its own before the ${actions.join(" and ")}`,
      });
    }
    if (actions.length === 0 && step.when === undefined && step.wait === undefined) {
      context.addIssue({ code: "custom", message: `expected an action (${STEP_ACTIONS.join(", ")}), a wait or a when` });
    }
  });
export type ScenarioStep = z.infer<typeof ScenarioStep>;

export type StepAction =
  | { kind: "label"; label: string }
  | { kind: "unlabel"; label: string }
  | { kind: "comment"; comment: z.infer<typeof CommentAction> }
  | { kind: "editComment"; editComment: z.infer<typeof EditCommentAction> }
  | { kind: "push"; push: z.infer<typeof PushAction> }
  | { kind: "review"; review: z.infer<typeof ReviewAction> }
  | { kind: "close"; close: z.infer<typeof CloseAction> }
  | { kind: "reopen"; reopen: z.infer<typeof ReopenAction> };

/** The step's action as a tagged union, or undefined for a step that only waits. */
export function stepAction(step: ScenarioStep): StepAction | undefined {
  if (step.label !== undefined) return { kind: "label", label: step.label };
  if (step.unlabel !== undefined) return { kind: "unlabel", label: step.unlabel };
  if (step.comment) return { kind: "comment", comment: step.comment };
  if (step.editComment) return { kind: "editComment", editComment: step.editComment };
  if (step.push) return { kind: "push", push: step.push };
  if (step.review) return { kind: "review", review: step.review };
  if (step.close) return { kind: "close", close: step.close };
  if (step.reopen) return { kind: "reopen", reopen: step.reopen };
  return undefined;
}
