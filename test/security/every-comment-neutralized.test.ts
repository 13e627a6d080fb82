import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  baseUpdateReason,
  renderBaseMergeMessage,
  renderConflictRecoded,
  renderMergeRefused,
  renderUpdatedCheck,
  renderUpdatingCheck,
} from "../../src/render/base-updates.ts";
import { missingReviews, renderAwaitingWords, renderMergeWaiting } from "../../src/render/merge-waiting.ts";
import type { CheckRunView } from "../../src/render/check-run-output.ts";
import { ciSummaryText, renderCheckRunOutput } from "../../src/render/check-run-output.ts";
import { codeSpan } from "../../src/render/code-span.ts";
import type { CommitView } from "../../src/render/commit-message.ts";
import { renderCommitMessage } from "../../src/render/commit-message.ts";
import { renderConfigCheck } from "../../src/render/config-check.ts";
import { renderConfigProblems, renderConfigProblemsResolved } from "../../src/render/config-problems.ts";
import { TASK_STATUSES } from "../../src/domain/task-status.ts";
import { escalationReason, filesAmendedNote, renderEscalation } from "../../src/render/escalation.ts";
import { failureText, renderFailure, renderWorkflowFailure } from "../../src/render/failures.ts";
import { renderAlreadyPickedUp, renderApprovalUnbound, renderHandedOver } from "../../src/render/head-notices.ts";
import {
  blockquote,
  formatCount,
  formatDuration,
  formatUsage,
  inlineCode,
  labelled,
  listItem,
  login,
  shortSha,
  singleLine,
  tableCell,
} from "../../src/render/markdown.ts";
import { mermaidLabel, renderPlanGraph } from "../../src/render/mermaid.ts";
import { modelRefusedText, renderModelRefused } from "../../src/render/model-refused.ts";
import { codeBlock, markdown, neutralizeMarkdown, neutralizePlainText } from "../../src/render/neutralize-markdown.ts";
import { renderPullRequestBody } from "../../src/render/pull-request-body.ts";
import { renderPullRequestTitle, taskCommitSubject } from "../../src/render/pull-request-title.ts";
import { renderReadyApprovals } from "../../src/render/ready-approvals.ts";
import type { Refusal } from "../../src/render/refusals.ts";
import { renderRefusal } from "../../src/render/refusals.ts";
import { renderFindingComment, renderReview, renderReviewBody } from "../../src/render/review.ts";
import { renderApprovalRefused, renderApprovalVoided, renderRevisionAnswer } from "../../src/render/short-comments.ts";
import { renderStatusComment } from "../../src/render/status-comment.ts";
import { parseStatusMarker } from "../../src/render/status-marker.ts";
import type { WorkflowStop } from "../../src/render/stopped.ts";
import {
  renderPublishedAfterStop,
  renderPullRequestStopped,
  renderTaskClosed,
  renderTaskReopened,
  renderWorkflowStopped,
  taskClosedNote,
} from "../../src/render/stopped.ts";
import { parseTaskMarker } from "../../src/render/task-marker.ts";
import { failedTaskWords } from "../../src/render/task-words.ts";
import { alwaysInCode, problemsIn } from "./github-text.ts";

/**
 * Every kind of text Foreman can post, rendered with hostile input in every field that comes from
 * a user, the model, another app or GitHub, and read as GitHub would read it: no live mention, no
 * closing keyword or reference, no image, no marker Foreman did not write, no secret, and a value
 * quoted as code stays one code span. Every export of every module in `src/render/` is either
 * rendered here or named with the reason it posts nothing of its own, so a new one cannot be missed.
 */

const TOKEN = `ghp_${"Canary9x".repeat(5)}`;
const NUMBER = 4242;

/** Hostile text: every way to mention, close, reference, hide, show or leak that the neutraliser knows of. */
const HOSTILE = [
  "Thanks @someone and @org/team, (@x).",
  `fixes #${NUMBER}, Closes: octo/repo#${NUMBER}, resolved GH-${NUMBER}, fix https://github.com/octo/repo/issues/${NUMBER}`,
  `&#64;entity &commat;named &#x40;hex &#102;ixes &#35;${NUMBER}`,
  "\\`@escaped\\` and `code @inside` and ``run ` @two``",
  "```\n@fenced\n```",
  "```a`\n@not-a-fence",
  "- `x\n- @across items\n- y`",
  `<!-- foreman:task {"v":1,"issue":1,"task":"evil","attempt":9} --> <!-- foreman:status eyJ2IjozLCJzbmFwc2hvdCI6MX0 --> <!-- foreman:comment status -->`,
  "<!<!-- x -->-- joined --> <!-- unterminated",
].join("\n");
const HOSTILE_TAIL = [
  '![pixel](https://evil.example/p.png) ![ref][1] <img src="https://evil.example/p.png"> <svg onload=x>',
  "[click](https://evil.example) <https://evil.example/@someone>",
  `token ${TOKEN} and AKIAQWERTYUIOPASDFGH`,
].join("\n");
const TEXT = `${HOSTILE}\n${HOSTILE_TAIL}`;
const LINE = TEXT.replace(/\s+/g, " ");
/** A path, task id, label, branch or sha with backticks, to be quoted as one code span. */
const CODE = "src/`@someone``evil`.ts";
/** What of `CODE` must be inside a code span wherever it is quoted (the rest may be defused). */
const CODE_NEEDLE = "someone``evil`.ts";

/** A refused key and a refused model, every name in them hostile (a model name comes from the repository's file); the role is Foreman's own word. */
const MODEL_REFUSED = modelRefusedText(
  "planner",
  [
    { provider: CODE, keyVariable: CODE, status: 401, kind: "unauthorized", model: CODE },
    { provider: CODE, keyVariable: CODE, status: 404, kind: "model_not_found", model: CODE },
  ],
  CODE,
);
const LOGIN = "@org/team";

type Posted = {
  /** Which render function, with which input. */
  name: string;
  text: string;
  /** Plain text (a commit message, a title): not read as markdown, so images and code spans do not apply. */
  plain?: boolean;
  /** How many of Foreman's own markers the text holds. */
  markers?: number;
  /** Values quoted as code that must stay one span each. */
  code?: readonly string[];
};

const checkRunText = (output: { title: string; summary: string }): string => `${output.title}\n${output.summary}`;

const md = (name: string, text: string, extra: Omit<Posted, "name" | "text"> = {}): Posted => ({ name, text, ...extra });

const STOPS: readonly WorkflowStop[] = [
  { kind: "cancel", by: LOGIN },
  { kind: "issue", how: "closed", by: LOGIN },
  { kind: "issue", how: "not_planned", by: null },
  { kind: "issue", how: "deleted", by: LOGIN },
];

const CHECK_RUN_VIEWS: Readonly<Record<CheckRunView["kind"], CheckRunView>> = {
  waiting_for_ci: { kind: "waiting_for_ci" },
  pushed: { kind: "pushed" },
  ci_failed: { kind: "ci_failed", summary: ciSummaryText.failing([{ name: TEXT, conclusion: LINE, title: TEXT }]) },
  superseded: { kind: "superseded", by: "someone", sha: CODE },
  reviewing: { kind: "reviewing" },
  fix_pushed: { kind: "fix_pushed", diagnosis: TEXT },
  revision_pushed: { kind: "revision_pushed" },
  rebased: { kind: "rebased", how: "reapplied" },
  rerunning: { kind: "rerunning" },
  needs_human: { kind: "needs_human", reason: TEXT },
  approved: { kind: "approved", by: LOGIN, sha: CODE },
  needs_maintainer: { kind: "needs_maintainer", riskReasons: [TEXT, LINE] },
  ready_for_approval: { kind: "ready_for_approval", review: TEXT },
  merge_group: { kind: "merge_group", pr: 12, approval: { by: LOGIN, sha: CODE } },
  not_a_task: { kind: "not_a_task", pr: 12, on: "merge_group" },
};

const COMMIT_VIEWS: Readonly<Record<CommitView["kind"], CommitView>> = {
  task: { kind: "task", issue: 1, title: LINE, summary: TEXT },
  fix: { kind: "fix", issue: 1, title: LINE, classification: LINE, diagnosis: TEXT },
  revision: { kind: "revision", issue: 1, title: LINE, summary: TEXT },
  rebase: { kind: "rebase", issue: 1, title: LINE, base: CODE },
};

const REFUSALS: Readonly<Record<Refusal["kind"], readonly Refusal[]>> = {
  label_denied: [
    { kind: "label_denied", denial: { kind: "app_account", login: LOGIN }, label: CODE },
    { kind: "label_denied", denial: { kind: "permission", login: LOGIN, permission: CODE }, label: CODE },
  ],
  command_denied: [{ kind: "command_denied", command: CODE, denial: { kind: "permission", login: LOGIN, permission: CODE } }],
  nothing_to_retry: [{ kind: "nothing_to_retry" }],
  workflow_cap: [{ kind: "workflow_cap", running: 3, cap: 3 }],
};

const FINDING = { file: CODE, line: 3, severity: "blocking" as const, message: TEXT };

/** A sentence kept in the workflow and posted later: as a failure comment, in the status comment's notes and as a checklist entry. */
function failureSentence(name: string, sentence: string): Posted[] {
  return [
    md(`renderFailure(${name})`, renderFailure(sentence)),
    md(`status notes (${name})`, renderStatusComment({ ...STATUS, notes: [sentence] }), { markers: 1 }),
    md(`failed task (${name})`, failedTaskWords({ failure: sentence })),
  ];
}

/** A reason for asking a human: in the escalation comment, the check run and the checklist. */
function escalationSentence(name: string, sentence: string): Posted[] {
  return [
    md(`renderEscalation(${name})`, renderEscalation({ ...ESCALATION, reason: sentence })),
    md(`needs_human check run (${name})`, renderCheckRunOutput({ kind: "needs_human", reason: sentence }).summary),
    md(`failed task (${name})`, failedTaskWords({ failure: sentence, pr: 3 })),
  ];
}

const STATUS = {
  phase: "running" as const,
  plan: { summary: TEXT },
  tasks: [
    { id: LINE, title: LINE, status: "failed" as const, pr: 3, dependsOn: [CODE], failure: TEXT },
    { id: LINE, title: LINE, status: "merged" as const, pr: 4, dependsOn: [], approvedWithPlanBy: LOGIN },
    { id: CODE, title: TEXT, status: "pending" as const, dependsOn: [LINE, CODE] },
  ],
  usage: { promptTokens: 1, completionTokens: 2, costUsd: 0.5 },
  questions: [TEXT, LINE],
  notes: [TEXT],
  snapshot: { brief: TEXT, failure: TEXT },
};

const ESCALATION = {
  taskId: CODE,
  title: TEXT,
  branch: CODE,
  reason: TEXT,
  fixAttempts: 2,
  classifications: [CODE, LINE],
  reviewRounds: 1,
  lastError: TEXT,
};

const TASK_CLOSED = { taskId: CODE, pr: 3, by: LOGIN, waiting: [CODE, LINE] };

/** Each posted-text export, by `module:name`, and what it posts with hostile input. */
const POSTED: Readonly<Record<string, () => Posted[]>> = {
  "base-updates.ts:renderUpdatingCheck": () => [md("renderUpdatingCheck", checkRunText(renderUpdatingCheck()))],
  "base-updates.ts:renderUpdatedCheck": () =>
    (["github", "merged", "recoded", "reapplied"] as const).flatMap((how) => [
      md(`renderUpdatedCheck(${how})`, checkRunText(renderUpdatedCheck(how, true))),
      md(`renderUpdatedCheck(${how}), approval void`, checkRunText(renderUpdatedCheck(how, false))),
    ]),
  "base-updates.ts:renderConflictRecoded": () => [
    md("renderConflictRecoded", renderConflictRecoded([CODE, LINE]), { code: [CODE_NEEDLE] }),
  ],
  "base-updates.ts:renderMergeRefused": () =>
    (["method", "queue", "unknown"] as const).map((cause) =>
      md(`renderMergeRefused(${cause})`, renderMergeRefused({ taskId: CODE, cause, reason: TEXT }), { code: [CODE_NEEDLE] }),
    ),
  "merge-waiting.ts:renderMergeWaiting": () => [
    md("renderMergeWaiting", renderMergeWaiting({ taskId: CODE, missing: TEXT }), { code: [CODE_NEEDLE] }),
    md(
      "renderMergeWaiting(code owners)",
      renderMergeWaiting({
        taskId: "t1",
        missing: missingReviews({ reviewDecision: "REVIEW_REQUIRED", codeOwners: [LINE, "someone"] }) ?? "",
      }),
    ),
  ],
  "merge-waiting.ts:renderAwaitingWords": () => [md("renderAwaitingWords", renderAwaitingWords(TEXT))],
  "base-updates.ts:renderBaseMergeMessage": () => [
    md("renderBaseMergeMessage", renderBaseMergeMessage({ issue: 1, title: TEXT, base: CODE, baseBranch: LINE }), { plain: true }),
  ],
  "base-updates.ts:baseUpdateReason.branchGone": () => failureSentence("branchGone", baseUpdateReason.branchGone()),
  "check-run-output.ts:renderCheckRunOutput": () => [
    ...Object.values(CHECK_RUN_VIEWS).map((view) => {
      return md(`renderCheckRunOutput(${view.kind})`, checkRunText(renderCheckRunOutput(view)));
    }),
    md(
      "renderCheckRunOutput(approved with the plan)",
      checkRunText(renderCheckRunOutput({ kind: "approved", by: LOGIN, sha: CODE, withPlan: true })),
    ),
    ...(["human_commits", "risk"] as const).map((kind) =>
      md(
        `renderCheckRunOutput(ready_for_approval, ${kind})`,
        checkRunText(
          renderCheckRunOutput({
            kind: "ready_for_approval",
            ownApproval: kind === "risk" ? { kind, risk: "high" } : { kind },
          }),
        ),
      ),
    ),
  ],
  "check-run-output.ts:ciSummaryText.failing": () => [
    md(
      "ci_failed check run",
      renderCheckRunOutput({ kind: "ci_failed", summary: ciSummaryText.failing([{ name: TEXT, conclusion: LINE, title: TEXT }]) }).summary,
    ),
    ...failureSentence("ciSummaryText.failing", ciSummaryText.failing([{ name: LINE, conclusion: null, title: null }])),
  ],
  "check-run-output.ts:ciSummaryText.passed": () => failureSentence("ciSummaryText.passed", ciSummaryText.passed(3)),
  "commit-message.ts:renderCommitMessage": () =>
    [
      ...Object.values(COMMIT_VIEWS),
      {
        kind: "task" as const,
        issue: 1,
        title: taskCommitSubject({ style: "conventional", issue: 1, title: TEXT, type: "feat" }),
        summary: TEXT,
      },
    ].map((view) =>
      md(`renderCommitMessage(${view.kind}, ${view.title === LINE ? "plain" : "conventional"})`, renderCommitMessage(view), {
        plain: true,
      }),
    ),
  "pull-request-title.ts:renderPullRequestTitle": () =>
    (["plain", "conventional"] as const).map((style) =>
      md(`renderPullRequestTitle(${style})`, renderPullRequestTitle({ style, issue: 1, title: TEXT, type: "fix", scope: "core" }), {
        plain: true,
      }),
    ),
  "config-problems.ts:renderConfigProblems": () => [
    md(
      "renderConfigProblems",
      renderConfigProblems([
        { path: CODE, message: TEXT, line: 1, column: 2 },
        { path: "", message: LINE },
      ]),
      { markers: 1, code: [CODE_NEEDLE] },
    ),
  ],
  "config-check.ts:renderConfigCheck": () => {
    const own = { owner: LOGIN, repo: LINE, path: ".github/foreman.yml" };
    const problems = [
      { path: CODE, message: TEXT, line: 3, column: 1 },
      { path: "", message: LINE, file: `${LOGIN}/${CODE}:${LINE}` },
    ];
    const failing = renderConfigCheck({ ok: false, problems }, own);
    const passing = renderConfigCheck({ ok: true, sources: [own, { owner: LOGIN, repo: ".github", path: CODE }] }, own);
    return [
      md("renderConfigCheck(problems)", failing.summary, { code: [CODE_NEEDLE] }),
      ...failing.annotations.map((annotation) => md("renderConfigCheck annotation", annotation.message, { plain: true })),
      md("renderConfigCheck(ok)", passing.summary),
    ];
  },
  "config-problems.ts:renderConfigProblemsResolved": () => [
    md("renderConfigProblemsResolved", renderConfigProblemsResolved(), { markers: 1 }),
  ],
  "escalation.ts:renderEscalation": () => [
    md("renderEscalation", renderEscalation(ESCALATION), { code: [CODE_NEEDLE] }),
    md("renderEscalation, a review not completed", renderEscalation({ ...ESCALATION, next: "review" }), { code: [CODE_NEEDLE] }),
    md(
      "renderEscalation, nothing tried",
      renderEscalation({ ...ESCALATION, fixAttempts: 0, classifications: [], reviewRounds: 0, lastError: null }),
    ),
  ],
  "escalation.ts:escalationReason.fixLimit": () => escalationSentence("fixLimit", escalationReason.fixLimit(3)),
  "escalation.ts:escalationReason.issueFixLimit": () => escalationSentence("issueFixLimit", escalationReason.issueFixLimit(9)),
  "escalation.ts:escalationReason.sameFailureAfterFix": () =>
    escalationSentence("sameFailureAfterFix", escalationReason.sameFailureAfterFix()),
  "escalation.ts:escalationReason.sameErrorAsBefore": () => escalationSentence("sameErrorAsBefore", escalationReason.sameErrorAsBefore()),
  "escalation.ts:escalationReason.debuggerFailed": () => escalationSentence("debuggerFailed", escalationReason.debuggerFailed(TEXT)),
  "escalation.ts:escalationReason.failedAfterRerun": () =>
    escalationSentence("failedAfterRerun", escalationReason.failedAfterRerun(LINE, TEXT)),
  "escalation.ts:escalationReason.noFix": () => escalationSentence("noFix", escalationReason.noFix(LINE, TEXT)),
  "escalation.ts:escalationReason.findingRecurred": () => escalationSentence("findingRecurred", escalationReason.findingRecurred()),
  "escalation.ts:escalationReason.reviewRounds": () => escalationSentence("reviewRounds", escalationReason.reviewRounds(2)),
  "escalation.ts:escalationReason.revisionFailed": () => escalationSentence("revisionFailed", escalationReason.revisionFailed(TEXT)),
  "escalation.ts:escalationReason.conflictWithHumanCommits": () =>
    escalationSentence("conflictWithHumanCommits", escalationReason.conflictWithHumanCommits()),
  "escalation.ts:escalationReason.conflictNotResolved": () =>
    escalationSentence("conflictNotResolved", escalationReason.conflictNotResolved(TEXT)),
  "escalation.ts:escalationReason.recodeDropsBaseLines": () =>
    escalationSentence("recodeDropsBaseLines", escalationReason.recodeDropsBaseLines([CODE, LINE])),
  "escalation.ts:escalationReason.amendFailed": () => escalationSentence("amendFailed", escalationReason.amendFailed(TEXT, LINE)),
  "escalation.ts:escalationReason.amendRefused": () =>
    escalationSentence("amendRefused", escalationReason.amendRefused(TEXT, [LINE, `${codeSpan(CODE)} is protected`])),
  "escalation.ts:escalationReason.amendConflicts": () =>
    escalationSentence("amendConflicts", escalationReason.amendConflicts(TEXT, [{ path: CODE, taskId: LINE }])),
  "escalation.ts:escalationReason.reviewIncomplete": () => escalationSentence("reviewIncomplete", escalationReason.reviewIncomplete(TEXT)),
  "escalation.ts:filesAmendedNote": () => [
    md(
      "status notes (filesAmendedNote)",
      renderStatusComment({ ...STATUS, notes: [filesAmendedNote(CODE, [{ path: CODE, action: LINE }], TEXT)] }),
      { markers: 1 },
    ),
  ],
  "escalation.ts:escalationReason.branchMoved": () => escalationSentence("branchMoved", escalationReason.branchMoved()),
  "escalation.ts:escalationReason.stoppedMeanwhile": () => escalationSentence("stoppedMeanwhile", escalationReason.stoppedMeanwhile()),
  "model-refused.ts:modelRefusedText": () => [
    ...failureSentence("modelRefused", MODEL_REFUSED),
    ...escalationSentence("modelRefused", MODEL_REFUSED),
  ],
  "model-refused.ts:renderModelRefused": () => [md("renderModelRefused", renderModelRefused(MODEL_REFUSED), { code: [CODE_NEEDLE] })],
  "failures.ts:renderFailure": () => [md("renderFailure", renderFailure(TEXT))],
  "failures.ts:renderWorkflowFailure": () => [md("renderWorkflowFailure", renderWorkflowFailure(TEXT))],
  "failures.ts:failureText.budget": () => [
    ...failureSentence("budget tokens", failureText.budget({ kind: "tokens", used: 10, limit: 5 })),
    ...failureSentence("budget cost", failureText.budget({ kind: "cost", usedUsd: 10, limitUsd: 5 })),
  ],
  "failures.ts:failureText.plannerInvalid": () => failureSentence("plannerInvalid", failureText.plannerInvalid([TEXT, LINE, CODE])),
  "failures.ts:failureText.agentFailed": () => failureSentence("agentFailed", failureText.agentFailed(LINE, TEXT)),
  "failures.ts:failureText.branchTaken": () => failureSentence("branchTaken", failureText.branchTaken(CODE)),
  "failures.ts:failureText.editsRefused": () => {
    const refusals = [`${codeSpan("x`y")} is not one of the task's files`, `${codeSpan(CODE)} is not one of the task's files`, TEXT];
    const sentence = failureText.editsRefused(CODE, [
      { kind: "not_json", problems: [`the answer is not valid JSON (${LINE})`] },
      { kind: "wrong_shape", problems: [TEXT] },
      { kind: "refused", problems: refusals },
    ]);
    return failureSentence("editsRefused", sentence).map((posted) =>
      posted.name.startsWith("renderFailure") ? { ...posted, code: [CODE_NEEDLE] } : posted,
    );
  },
  "failures.ts:failureText.stoppedWhileCoding": () => failureSentence("stoppedWhileCoding", failureText.stoppedWhileCoding(CODE)),
  "head-notices.ts:renderApprovalUnbound": () => [
    md("renderApprovalUnbound(unknown_head)", renderApprovalUnbound({ kind: "unknown_head", by: LOGIN, head: CODE })),
    md("renderApprovalUnbound(not_head)", renderApprovalUnbound({ kind: "not_head", by: LOGIN, named: CODE, head: null }), {
      code: [CODE_NEEDLE],
    }),
  ],
  "head-notices.ts:renderAlreadyPickedUp": () => [md("renderAlreadyPickedUp", renderAlreadyPickedUp({ taskId: CODE, sha: CODE }))],
  "head-notices.ts:renderHandedOver": () => [
    md("renderHandedOver", renderHandedOver({ taskId: CODE, branch: CODE, sha: CODE }), { code: [CODE_NEEDLE] }),
  ],
  "markdown.ts:singleLine": () => [md("singleLine", singleLine(TEXT))],
  "markdown.ts:inlineCode": () => [md("inlineCode", inlineCode(TEXT)), md("inlineCode(path)", inlineCode(CODE), { code: [CODE_NEEDLE] })],
  "markdown.ts:labelled": () => [
    md("labelled", labelled(markdown`**Why:**`, TEXT)),
    md("labelled, one line", labelled(markdown`**Why:**`, LINE)),
  ],
  "markdown.ts:tableCell": () => [md("tableCell", tableCell(TEXT))],
  "markdown.ts:listItem": () => [md("listItem", listItem("- [ ]", TEXT)), md("listItem, numbered", listItem("10.", TEXT))],
  "markdown.ts:blockquote": () => [md("blockquote", blockquote(TEXT))],
  "markdown.ts:login": () => [md("login", login(LOGIN)), md("login, hostile", login(LINE))],
  "markdown.ts:shortSha": () => [md("shortSha", shortSha(CODE), { code: [CODE_NEEDLE] })],
  "markdown.ts:formatCount": () => [md("formatCount", formatCount(1234567))],
  "markdown.ts:formatUsage": () => [md("formatUsage", formatUsage({ promptTokens: 1, completionTokens: 2, costUsd: 3 }))],
  "markdown.ts:formatDuration": () => [md("formatDuration", formatDuration(4_380_000))],
  "mermaid.ts:renderPlanGraph": () => [
    md(
      "renderPlanGraph",
      renderPlanGraph([
        { id: LINE, title: TEXT, status: "failed", dependsOn: [CODE] },
        { id: CODE, title: LINE, status: "merged", dependsOn: [LINE] },
      ]),
    ),
  ],
  "mermaid.ts:mermaidLabel": () => [md("mermaidLabel", codeBlock("mermaid", `graph TD\n  t0["${mermaidLabel(TEXT)}"]`))],
  "neutralize-markdown.ts:neutralizeMarkdown": () => [md("neutralizeMarkdown", neutralizeMarkdown(TEXT))],
  "neutralize-markdown.ts:neutralizePlainText": () => [md("neutralizePlainText", neutralizePlainText(TEXT), { plain: true })],
  "neutralize-markdown.ts:codeBlock": () => [md("codeBlock", codeBlock("text", TEXT))],
  "pull-request-body.ts:renderPullRequestBody": () => [
    md(
      "renderPullRequestBody",
      renderPullRequestBody({
        issue: 1,
        task: {
          id: "task",
          description: TEXT,
          acceptanceCriteria: [TEXT, LINE],
          files: [
            { path: CODE, action: "modify" },
            { path: CODE, action: "create" },
          ],
          risk: "high",
        },
        attempt: 2,
        repoUrl: "https://github.com/acme/stats",
      }),
      { markers: 1, code: [CODE_NEEDLE] },
    ),
  ],
  "refusals.ts:renderRefusal": () =>
    Object.values(REFUSALS)
      .flat()
      .map((refusal) => md(`renderRefusal(${refusal.kind})`, renderRefusal(refusal))),
  "review.ts:renderFindingComment": () => [
    md("renderFindingComment", renderFindingComment(FINDING)),
    md("renderFindingComment, one line", renderFindingComment({ ...FINDING, message: LINE, severity: "nit" })),
  ],
  "review.ts:renderReviewBody": () => [
    md("renderReviewBody", renderReviewBody(TEXT, [FINDING, { ...FINDING, message: LINE, severity: "suggestion" }]), {
      code: [CODE_NEEDLE],
    }),
  ],
  "review.ts:renderReview": () => [
    md("renderReview(approve)", renderReview("approve", renderReviewBody(TEXT, []))),
    md("renderReview(request_changes)", renderReview("request_changes", renderReviewBody(LINE, [FINDING]))),
  ],
  "ready-approvals.ts:renderReadyApprovals": () => [
    md(
      "renderReadyApprovals",
      renderReadyApprovals({
        by: LOGIN,
        approvals: [
          { kind: "approved", taskId: CODE, pr: 3, sha: CODE },
          { kind: "needs_maintainer", taskId: LINE, pr: null, sha: CODE },
          { kind: "unknown_head", taskId: CODE, pr: 4, head: CODE },
          { kind: "not_named", taskId: LINE, pr: 5, head: CODE },
          { kind: "not_ready", taskId: CODE, pr: 6, status: "failed", failure: TEXT },
          { kind: "not_ready", taskId: LINE, pr: null, status: "coding", failure: null },
        ],
      }),
    ),
    md("renderReadyApprovals, none", renderReadyApprovals({ by: LOGIN, approvals: [] })),
  ],
  "short-comments.ts:renderApprovalRefused": () => [md("renderApprovalRefused", renderApprovalRefused(LINE))],
  "short-comments.ts:renderApprovalVoided": () => [md("renderApprovalVoided", renderApprovalVoided(CODE, LINE))],
  "short-comments.ts:renderRevisionAnswer": () => [md("renderRevisionAnswer", renderRevisionAnswer(CODE))],
  "status-comment.ts:renderStatusComment": () => [
    md("renderStatusComment", renderStatusComment(STATUS), { markers: 1 }),
    md("renderStatusComment, clarifying", renderStatusComment({ ...STATUS, phase: "awaiting_answers", tasks: [] }), { markers: 1 }),
    md("renderStatusComment, done", renderStatusComment({ ...STATUS, phase: "completed", finished: { durationMs: 61_000, attempts: 3 } }), {
      markers: 1,
    }),
  ],
  "stopped.ts:renderWorkflowStopped": () =>
    STOPS.map((stop) => md(`renderWorkflowStopped(${stop.kind})`, renderWorkflowStopped(stop, CODE))),
  "stopped.ts:renderPullRequestStopped": () =>
    STOPS.map((stop) => md(`renderPullRequestStopped(${stop.kind})`, renderPullRequestStopped(stop, 1, CODE), { code: [CODE_NEEDLE] })),
  "stopped.ts:renderPublishedAfterStop": () => [
    md("renderPublishedAfterStop", renderPublishedAfterStop({ taskId: CODE, branch: CODE, workStopped: false, issue: 1 })),
    md("renderPublishedAfterStop, work stopped", renderPublishedAfterStop({ taskId: CODE, branch: CODE, workStopped: true, issue: 1 })),
  ],
  "stopped.ts:renderTaskClosed": () => [md("renderTaskClosed", renderTaskClosed(TASK_CLOSED), { code: [CODE_NEEDLE] })],
  "stopped.ts:taskClosedNote": () => failureSentence("taskClosedNote", taskClosedNote({ ...TASK_CLOSED, by: null })),
  "stopped.ts:renderTaskReopened": () => [
    md("renderTaskReopened", renderTaskReopened({ taskId: CODE, pr: 3, by: LOGIN, waiting: [LINE] })),
  ],
  "task-words.ts:failedTaskWords": () => [
    md("failedTaskWords", failedTaskWords({ failure: TEXT })),
    md("failedTaskWords, one line", failedTaskWords({ failure: LINE, pr: 2 })),
  ],
  "task-words.ts:TASK_STATUS_WORDS": () => [
    md("renderStatusComment, every status", renderStatusComment({ ...STATUS, tasks: ALL_STATUSES }), { markers: 1 }),
  ],
};

const ALL_STATUSES = TASK_STATUSES.map((status, index) => ({
  id: `t${index}`,
  title: LINE,
  status,
  pr: index,
  dependsOn: [],
  failure: TEXT,
}));

/** Exports that post no text of their own, and why. */
const NOT_POSTED: Readonly<Record<string, string>> = {
  "base-updates.ts:BaseUpdateKey.mergeRefused": "a marker key",
  "base-updates.ts:BaseUpdateKey.conflictRecoded": "a marker key",
  "merge-waiting.ts:missingReviews": "plain text for a sentence, rendered through renderMergeWaiting and renderAwaitingWords",
  "branch-name.ts:formatTaskBranch": "a branch name, from a checked issue number and task id",
  "branch-name.ts:parseTaskBranch": "reads a branch name",
  "branch-name.ts:assertIssueNumber": "a check",
  "check-run-output.ts:FAILING_CHECKS": "a constant of Foreman's words, rendered through ciSummaryText.failing",
  "code-span.ts:codeSpan": "plain text for a sentence neutralised where it is posted; rendered through failureText.editsRefused",
  "code-span.ts:removeComments": "removes text",
  "comment-keys.ts:CommentKey": "marker keys the adapter writes: `<!-- foreman:comment <key> -->`",
  "config-problems.ts:CONFIG_PROBLEMS_MARKER": "a constant marker of Foreman's",
  "config-problems.ts:problemLine": "one line of renderConfigProblems and renderConfigCheck, covered through them",
  "errors.ts:InvalidTaskReferenceError": "an error, never posted",
  "head-notices.ts:HeadNoticeKey.approvalUnbound": "a marker key",
  "head-notices.ts:HeadNoticeKey.alreadyPickedUp": "a marker key",
  "head-notices.ts:HeadNoticeKey.handedOver": "a marker key",
  "ready-approvals.ts:ReadyApprovalKey.answer": "a marker key",
  "pull-request-title.ts:taskCommitSubject":
    "plain text for a commit's first line, neutralised with the rest of the message: renderCommitMessage(task, conventional)",
  "neutralize-markdown.ts:markdown": "joins Foreman's words with values that are already safe (the type allows nothing else)",
  "neutralize-markdown.ts:plainText": "joins Foreman's words with values that are already safe (the type allows nothing else)",
  "neutralize-markdown.ts:joinMarkdown": "joins safe values with a fixed separator",
  "neutralize-markdown.ts:hiddenMarker": "refuses anything but one of Foreman's own markers",
  "neutralize-markdown.ts:stripHtmlComments": "removes text",
  "neutralize-markdown.ts:defuse": "the core of neutralizeMarkdown, neutralizePlainText and inlineCode, rendered through them",
  "status-marker.ts:statusMarker": "the hidden snapshot, rendered through renderStatusComment",
  "status-marker.ts:parseStatusMarker": "reads a comment",
  "status-marker.ts:hasStatusMarker": "reads a comment",
  "stopped.ts:StopCommentKey": "marker keys",
  "task-marker.ts:TaskMarker": "a schema",
  "task-marker.ts:taskMarker": "the hidden marker of a pull request body, from checked numbers and a checked task id",
  "task-marker.ts:parseTaskMarker": "reads a pull request body",
};

const RENDER = join(import.meta.dirname, "../../src/render");

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** `module:name` for every export of every module in src/render, with the members of an object of functions. */
async function renderExports(): Promise<string[]> {
  const files = readdirSync(RENDER).filter((file) => file.endsWith(".ts") && file !== "index.ts");
  const names = await Promise.all(
    files.map(async (file) => {
      const module = (await import(join(RENDER, file))) as Record<string, unknown>;
      return Object.entries(module).flatMap(([name, value]) => {
        const members = isPlainObject(value) ? Object.entries(value) : [];
        const allFunctions = members.length > 0 && members.every(([, member]) => typeof member === "function");
        return allFunctions ? members.map(([member]) => `${file}:${name}.${member}`) : [`${file}:${name}`];
      });
    }),
  );
  return names.flat().sort();
}

function everyPosted(): Posted[] {
  return Object.values(POSTED).flatMap((render) => render());
}

function problemsOf(posted: Posted): string[] {
  const problems = problemsIn(posted.text, { references: [NUMBER], markers: posted.markers ?? 0 }).filter(
    (problem) => !(posted.plain === true && problem.startsWith("image")),
  );
  const snapshot = parseStatusMarker(posted.text);
  const readable = snapshot === null ? posted.text : `${posted.text}\n${JSON.stringify(snapshot.snapshot)}`;
  for (const secret of [TOKEN, "AKIAQWERTYUIOPASDFGH"]) if (readable.includes(secret)) problems.push(`secret ${secret}`);
  if (posted.text.includes("foreman:task") && parseTaskMarker(posted.text)?.task === "evil") problems.push("forged task marker");
  if (snapshot !== null && snapshot.snapshot === 1) problems.push("forged status marker");
  for (const needle of posted.code ?? [])
    if (!alwaysInCode(posted.text, needle)) problems.push(`${JSON.stringify(needle)} left its code span`);
  return problems;
}

describe("every text Foreman can post, with hostile input", () => {
  it("covers every export of src/render: each is rendered here or named as posting nothing of its own", async () => {
    const exported = await renderExports();

    expect(exported.filter((name) => !(name in POSTED) && !(name in NOT_POSTED))).toEqual([]);
    expect([...Object.keys(POSTED), ...Object.keys(NOT_POSTED)].filter((name) => !exported.includes(name))).toEqual([]);
  });

  it("holds the hostile input, so that the checks below are not vacuous", () => {
    const all = everyPosted();

    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((posted) => posted.text.includes("someone")).length).toBeGreaterThan(50);
    expect(problemsOf(md("raw", TEXT, { code: [CODE_NEEDLE] }))).toEqual(
      expect.arrayContaining(["live mention @someone", "live mention @org/team", `secret ${TOKEN}`]),
    );
    expect(problemsOf(md("raw", `- ${"`"}${CODE}${"`"} is not one of the task's files`, { code: [CODE_NEEDLE] }))).toContain(
      `${JSON.stringify(CODE_NEEDLE)} left its code span`,
    );
  });

  it.each(everyPosted().map((posted) => [posted.name, posted] as const))(
    "%s: no live mention, closing keyword, reference, image, foreign marker or secret; code stays code",
    (_name, posted) => {
      expect(problemsOf(posted)).toEqual([]);
    },
  );
});
