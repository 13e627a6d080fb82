import { isRetryable } from "../domain/task-status.ts";
import { isTerminal } from "../engine/decision.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import { eventJob } from "../store/job-kinds.ts";
import { CommandRefused, type CommandContext } from "./command.ts";

/** What an operator asks of a workflow: the same as a writer's `/cancel` and `/retry` on the issue (or on a task's pull request). */
export type OperatorRequest = { kind: "cancel" } | { kind: "retry"; taskId: string | null };

/** The engine event a maintainer's command would bring, or why there is none (what the command on GitHub would answer). */
export function operatorEvent(state: WorkflowState, request: OperatorRequest, by: string): { event: EngineEvent } | { refusal: string } {
  if (isTerminal(state)) return { refusal: `the workflow has already ended (${state.phase}): there is nothing to ${request.kind}` };
  if (request.kind === "cancel") return { event: { type: "cancel", by } };
  const tasks = Object.values(state.tasks);
  if (request.taskId !== null && !state.tasks[request.taskId]) {
    const known = tasks.map((task) => task.id).join(", ") || "none yet";
    return { refusal: `the workflow has no task "${request.taskId}" (its tasks: ${known})` };
  }
  const retryable = tasks.filter((task) => isRetryable(task.status) && (request.taskId === null || task.id === request.taskId));
  if (retryable.length === 0) return { refusal: "nothing to retry: no task failed or waits for a human" };
  return { event: { type: "retry", by, taskId: request.taskId } };
}

/** Who runs the command line, as `operator:<user>` would name them: `$USER`, else `$LOGNAME`. */
export function operatorName(env: NodeJS.ProcessEnv): string {
  const user = (env.USER ?? env.LOGNAME ?? "").trim();
  return user === "" ? "unknown" : user.replace(/[\s:]+/g, "-");
}

/**
 * Queues the event job that applies the request, through the same job queue the server's worker
 * takes its work from: the running server applies it as it would the command from GitHub, and the
 * audit trail names the operator. Answers the job's id.
 */
export function queueOperatorEvent(context: CommandContext, workflowId: string, request: OperatorRequest, actor: string): number {
  const record = context.store.getWorkflow(workflowId);
  if (!record) throw new CommandRefused(`no workflow ${workflowId} in this database; \`foreman list\` shows those there are`);
  const planned = operatorEvent(record.state, request, actor);
  if ("refusal" in planned) throw new CommandRefused(`${workflowId}: ${planned.refusal}`);
  return context.store.enqueueJob(eventJob(workflowId, planned.event, actor));
}
