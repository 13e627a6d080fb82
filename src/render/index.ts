/**
 * Everything Foreman says on GitHub, as pure functions of data. What they return to be posted is
 * `SafeMarkdown` (or `SafePlainText`): only this folder produces it, and the effects and port
 * methods that post text take nothing else. The `markdown` tag that writes it is not exported.
 */
export { neutralizeMarkdown, neutralizePlainText, stripHtmlComments } from "./neutralize-markdown.ts";
export type { SafeMarkdown, SafePlainText } from "./neutralize-markdown.ts";
export { inlineCode, singleLine, formatUsage } from "./markdown.ts";
export type { Usage } from "./markdown.ts";
export { InvalidTaskReferenceError } from "./errors.ts";
export { formatTaskBranch, parseTaskBranch } from "./branch-name.ts";
export type { TaskBranch } from "./branch-name.ts";
export { statusMarker, parseStatusMarker, hasStatusMarker } from "./status-marker.ts";
export type { StatusMarker } from "./status-marker.ts";
export { TaskMarker, taskMarker, parseTaskMarker } from "./task-marker.ts";
export { renderPlanGraph, mermaidLabel } from "./mermaid.ts";
export type { GraphTask } from "./mermaid.ts";
export { renderStatusComment } from "./status-comment.ts";
export type { StatusView, StatusPhase, StatusTask } from "./status-comment.ts";
export { renderPullRequestBody } from "./pull-request-body.ts";
export type { PullRequestBodyInput } from "./pull-request-body.ts";
export { renderCommitMessage } from "./commit-message.ts";
export type { CommitView } from "./commit-message.ts";
export { renderPullRequestTitle, taskCommitSubject } from "./pull-request-title.ts";
export type { TitleView } from "./pull-request-title.ts";
export { ciSummaryText, renderCheckRunOutput } from "./check-run-output.ts";
export type { CheckRunOutput, CheckRunView, CheckTitle, FailingCheck, OwnApprovalReason } from "./check-run-output.ts";
export { renderApprovalRefused, renderApprovalVoided, renderRevisionAnswer } from "./short-comments.ts";
export { renderRefusal } from "./refusals.ts";
export type { Denial, Refusal } from "./refusals.ts";
export { failureText, renderFailure, renderWorkflowFailure } from "./failures.ts";
export type { AnswerProblems, BudgetExceeded } from "./failures.ts";
export { escalationReason, filesAmendedNote, renderEscalation } from "./escalation.ts";
export type { EscalationView } from "./escalation.ts";
export { renderFindingComment, renderReview, renderReviewBody } from "./review.ts";
export type { ReviewFinding } from "./review.ts";
export { renderConfigProblems, renderConfigProblemsResolved, CONFIG_PROBLEMS_MARKER } from "./config-problems.ts";
export { renderConfigCheck, type ConfigCheckOutput, type ConfigCheckView } from "./config-check.ts";
export { CommentKey } from "./comment-keys.ts";
export { modelRefusedText, renderModelRefused, type ModelSetting, type RefusalView } from "./model-refused.ts";
export { ReadyApprovalKey, renderReadyApprovals, type ReadyApproval } from "./ready-approvals.ts";
export { HeadNoticeKey, renderAlreadyPickedUp, renderApprovalUnbound, renderHandedOver, type UnboundApproval } from "./head-notices.ts";
