import type { RepoConfig } from "../config/index.ts";
import { isFinished } from "../domain/task-status.ts";
import type { AgentRole } from "../ports/model.ts";
import { CommentKey, modelRefusedText, renderModelRefused, type ModelSetting } from "../render/index.ts";
import { fail } from "./decide-intake.ts";
import { ignore, type Decision } from "./decision.ts";
import { escalate } from "./escalate.ts";
import type { EngineEvent } from "./events.ts";
import type { WorkflowState } from "./types.ts";

type ModelRefused = Extract<EngineEvent, { type: "model_refused" }>;

/** The key of `.github/foreman.yml` that chose `model` for `role`, or null when the installation chose it. */
function modelSetting(config: RepoConfig, role: AgentRole, model: string): ModelSetting {
  const own = config.models[role];
  if (own !== undefined) return own === model ? `models.${role}` : null;
  return config.models.default === model ? "models.default" : null;
}

/**
 * The model endpoint refused a call (the key, or the model): the work cannot go on until a person fixes it, so it
 * stops where everyone sees it. The engineer's or the planner's call stops the workflow with a comment on the issue;
 * a task's agent's call makes the task ask a human, and the issue is told too, as the escalation may be on the pull request.
 */
export function modelRefused(state: WorkflowState, event: ModelRefused, now: number): Decision {
  const model = event.refusals.find((refusal) => refusal.kind === "model_not_found")?.model ?? "";
  const reason = modelRefusedText(event.role, event.refusals, modelSetting(state.config, event.role, model));
  if (event.taskId === null) return fail(state, reason, now);
  const task = state.tasks[event.taskId];
  if (!task) return ignore(state, `unknown task ${event.taskId}`);
  if (isFinished(task.status) || task.status === "needs_human") return ignore(state, "model refusal for a task that is not at work");
  const escalated = escalate(state, task, reason);
  if (task.pr === null) return escalated;
  return {
    state: escalated.state,
    effects: [...escalated.effects, { type: "comment", key: CommentKey.modelRefused, on: "issue", body: renderModelRefused(reason) }],
  };
}
