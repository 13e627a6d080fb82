import { z } from "zod";
import { DebuggerVerdict, runDebugger } from "../../agents/debugger.ts";
import type { DebugOutcome, EngineEvent } from "../../engine/events.ts";
import { NO_USAGE } from "../../engine/usage.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { escalationReason, renderCommitMessage } from "../../render/index.ts";
import { formatEvidence } from "../../qa/evidence.ts";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { DebugJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { pathsNamedIn } from "../../agents/repo-context.ts";
import { repoView } from "../repo-view.ts";
import { unlessBranchMoved } from "./branch-moved.ts";
import { answerOnce, Changes, LocalCheckRecord, recordedResult, reportOnce } from "./recorded.ts";
import { editPolicy, loadTask, recordEdits, stillAt, type TaskContext } from "./task-context.ts";
import { orRefused } from "../model-refusal.ts";

const EVIDENCE_BUDGET_CHARS = 24_000;

const DebugResult = z.object({ verdict: DebuggerVerdict, changes: Changes, checks: z.array(LocalCheckRecord).default([]) });

async function debug(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, sha: string, key: string): Promise<EngineEvent> {
  const { state, task, record } = context;
  const evidence = formatEvidence(await github.failureEvidence(sha), EVIDENCE_BUDGET_CHARS);
  const report = (outcome: DebugOutcome, usage = NO_USAGE): EngineEvent => ({
    type: "debug_done",
    taskId: task.id,
    sha,
    outcome,
    signature: evidence.signature,
    excerpt: evidence.excerpt,
    usage,
  });
  if (record.lastSignature === evidence.signature && record.rerunSha !== sha) {
    return report({ kind: "stuck", reason: escalationReason.sameErrorAsBefore() });
  }
  const result = await answerOnce(deps, `${key}:answer`, recordedResult(DebugResult), async () => {
    const view = await repoView(deps, github, state, "debugger", sha, [], { checks: true });
    try {
      // With tools, the files the evidence names (a failing test, a stack frame) are shown beside the task's.
      const named = view.tools ? pathsNamedIn(evidence.text, await view.tree()) : [];
      const { files, guidance } = await view.read([...task.files.map((file) => file.path), ...named]);
      return await runDebugger(deps.model, {
        model: deps.modelFor("debugger", state.config),
        repository: `${state.ref.owner}/${state.ref.repo}`,
        task,
        brief: state.brief ?? "",
        evidence: evidence.text,
        previousAttempts: record.diagnoses,
        files,
        policy: editPolicy(state, task),
        guidance,
        tools: view.tools,
      });
    } finally {
      await view.close();
    }
  });
  if (!result.ok) return report({ kind: "failed", reason: result.problems.join("; ") }, result.usage);
  const { verdict, changes } = result.value;
  const { classification, diagnosis } = verdict;
  if (classification === "flaky" || classification === "infrastructure")
    return report({ kind: "rerun", classification, diagnosis }, result.usage);
  if (classification === "spec_mismatch") return report({ kind: "spec_mismatch", diagnosis }, result.usage);
  if (changes.length === 0) return report({ kind: "no_fix", classification, diagnosis }, result.usage);
  if (!stillAt(deps.store, context, "fixing", sha))
    return report({ kind: "failed", reason: escalationReason.stoppedMeanwhile() }, result.usage);
  const message = renderCommitMessage({ kind: "fix", issue: state.issue, title: task.title, classification, diagnosis });
  return unlessBranchMoved(
    async () => {
      const commit = await github.commitOnBranch({ branch: record.branch, expectedHead: sha, baseSha: sha, message, changes });
      recordEdits(deps.store, state.id, task.id, verdict.edits, false);
      return report({ kind: "fixed", classification, diagnosis, commitSha: commit.sha }, result.usage);
    },
    () => report({ kind: "failed", reason: escalationReason.branchMoved() }, result.usage),
  );
}

/** Reads a red CI run, asks the debugger, and pushes its fix (or reports what else to do). */
export async function runDebugJob(deps: WorkerDeps, job: DebugJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "fixing" || context.record.headSha !== job.sha) return;
  const key = TaskWorkKey.toString({ ...job, work: "debug" });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "debugger", taskId: job.taskId }, async () =>
      debug(deps, await deps.github.forRepo(context.state.ref), context, job.sha, key),
    ),
  );
}
