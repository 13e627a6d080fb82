import { reviewComments, findingSignature } from "../../agents/review-comments.ts";
import { ReviewVerdict, runReviewer } from "../../agents/reviewer.ts";
import type { EngineEvent } from "../../engine/events.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { CommentKey, neutralizeMarkdown, renderReview } from "../../render/index.ts";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { ReviewJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { performWrites } from "../effect-runner.ts";
import { repoView } from "../repo-view.ts";
import { answerOnce, recordedResult, reportOnce } from "./recorded.ts";
import { loadTask, stillAt, type TaskContext } from "./task-context.ts";
import { orRefused } from "../model-refusal.ts";

async function review(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, sha: string, key: string): Promise<EngineEvent> {
  const { state, task, record } = context;
  const pr = record.pr ?? 0;
  const files = await github.listPullFiles(pr);
  const result = await answerOnce(deps, `${key}:answer`, recordedResult(ReviewVerdict), async () => {
    const view = await repoView(deps, github, state, "reviewer", sha);
    // With tools, the changed files come whole beside the diff, read at the head under review.
    const changed = view.tools ? files.filter((file) => file.status !== "removed").map((file) => file.filename) : [];
    const { files: changedFiles, guidance } = await view.read(changed);
    return runReviewer(deps.model, {
      model: deps.modelFor("reviewer", state.config),
      repository: `${state.ref.owner}/${state.ref.repo}`,
      task,
      brief: state.brief ?? "",
      files,
      guidance,
      ...(view.tools ? { changedFiles, tools: view.tools } : {}),
    });
  });
  // No usable verdict is never "nothing blocking": the review was not completed, and a human is asked.
  if (!result.ok) return { type: "review_failed", taskId: task.id, sha, reason: result.problems.join("; "), usage: result.usage };
  const verdict = result.value;
  const placed = reviewComments(verdict.findings, files, verdict.summary);
  const posted = {
    type: "post_review" as const,
    pr,
    sha,
    key: CommentKey.review(sha),
    body: renderReview(verdict.verdict, placed.body),
    comments: placed.comments,
  };
  // "Nothing blocking" with nothing to place in the diff is said on the check run (the engine's next write), not in a review.
  const saysMore = verdict.verdict === "request_changes" || placed.comments.length > 0 || verdict.findings.length > 0;
  // A workflow stopped (or a head moved) while the reviewer read gets no review; the report is then ignored.
  if (saysMore && stillAt(deps.store, context, "reviewing", sha)) {
    await performWrites(deps, github, { key, workflowId: state.id, actor: null, deliveryId: null, writes: [posted] });
  }
  const blocking = verdict.findings.filter((finding) => finding.severity === "blocking");
  const summary = blocking.map((finding) => `- ${finding.file}:${finding.line}: ${neutralizeMarkdown(finding.message)}`).join("\n");
  return {
    type: "review_done",
    taskId: task.id,
    sha,
    verdict: verdict.verdict,
    summary: summary || neutralizeMarkdown(verdict.summary),
    findings: blocking.map(findingSignature),
    usage: result.usage,
  };
}

/**
 * Reviews a green task's diff and posts the review as a COMMENT (Foreman never approves for a human) when it has
 * findings; a verdict of nothing blocking without findings shows on the task's check run instead.
 */
export async function runReviewJob(deps: WorkerDeps, job: ReviewJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "reviewing" || context.record.headSha !== job.sha) return;
  const key = TaskWorkKey.toString({ ...job, work: "review" });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "reviewer", taskId: job.taskId }, async () =>
      review(deps, await deps.github.forRepo(context.state.ref), context, job.sha, key),
    ),
  );
}
