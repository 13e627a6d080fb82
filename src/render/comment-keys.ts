/**
 * The keys of the hidden markers (`<!-- foreman:comment <key> -->`) by which Foreman finds its own
 * comments and reviews again, so that writing one twice updates it instead of adding another. Each
 * is deterministic: from the issue, the task and its counters, a commit, or the id of the comment
 * Foreman answers. Keys hold no whitespace and no `<` or `>`.
 */
export const CommentKey = {
  /** The one status comment of an issue. */
  status: "status",
  /** Why the workflow stopped. */
  failure: "failure",
  /** Why the model endpoint refused a task's agent: what the operator must fix. */
  modelRefused: "model-refused",
  /** Why `.github/foreman.yml` could not be used. */
  configProblems: "config-problems",
  /** Why a label started nothing: the installation's workflow cap. */
  workflowCap: "workflow-cap",
  /** Why a label by `login` started nothing: one comment per sender, however often they label. */
  labelDenied: (login: string): string => `refused-label-${login}`,
  /** The answer to a command Foreman ignored, by the command's comment id. */
  commandDenied: (commentId: number): string => `refused-${commentId}`,
  /** The answer to a `/retry` with nothing to retry, by its comment id. */
  nothingToRetry: (commentId: number): string => `nothing-to-retry-${commentId}`,
  /** A task's attempt that failed before it had a pull request. */
  taskFailed: (taskId: string, attempt: number): string => `task-failed-${taskId}-${attempt}`,
  /** One escalation per task and round of attempts. */
  needsHuman: (task: { id: string; fixAttempts: number; reviewRounds: number; attempts: number }): string =>
    `needs-human-${task.id}-${task.fixAttempts}-${task.reviewRounds}-${task.attempts}`,
  /** An `/approve` refused because its author started the work. */
  approvalRefused: (taskId: string, sha: string, by: string): string => `approval-refused-${taskId}-${sha}-${by}`,
  /** An approval a push made void. */
  approvalVoided: (taskId: string, sha: string): string => `approval-voided-${taskId}-${sha}`,
  /** The answer on the conversation once a revision for a writer's review is pushed. */
  revisionAnswer: (sha: string): string => `revision-${sha}`,
  /** The reviewer's review of one head. */
  review: (sha: string): string => `review-${sha}`,
};
