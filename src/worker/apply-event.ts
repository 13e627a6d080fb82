import { decide } from "../engine/decide.ts";
import type { EngineEvent } from "../engine/events.ts";
import { isTerminal } from "../engine/decision.ts";
import type { Effect } from "../engine/effects.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { JobInput } from "../store/store.ts";
import type { WorkerDeps } from "./deps.ts";
import { runEffect } from "./effect-runner.ts";

export class StaleWorkflowError extends Error {
  readonly workflowId: string;
  constructor(workflowId: string) {
    super(`workflow ${workflowId} changed while this job ran; the job will run again on the new state`);
    this.workflowId = workflowId;
    this.name = "StaleWorkflowError";
  }
}

/** Status updates collapse to one per decision, performed last, so a burst of changes costs one write. */
function ordered(effects: Effect[]): Effect[] {
  const rest = effects.filter((effect) => effect.type !== "update_status");
  return rest.length === effects.length ? rest : [...rest, { type: "update_status" }];
}

/**
 * Applies one engine event to a workflow: decide, perform the effects (each idempotent), then
 * save against the version read. A concurrent change makes the save fail and the job retry.
 */
export async function applyEvent(deps: WorkerDeps, workflowId: string, event: EngineEvent, actor: string | null, deliveryId: string | null): Promise<void> {
  const record = deps.store.getWorkflow<WorkflowState>(workflowId);
  const decision = decide(record?.state ?? null, event, deps.now());
  deps.store.appendEvent({ workflowId, at: deps.now(), kind: event.type, actor, deliveryId, data: { event, ignored: decision?.ignored ?? null } });
  if (!decision || decision.ignored) {
    deps.log.debug({ workflowId, event: event.type, reason: decision?.ignored }, "event changed nothing");
    return;
  }
  const version = record?.version ?? 0;
  const github = await deps.github.forRepo(decision.state.ref);
  let state = decision.state;
  const outbox: JobInput[] = [];
  for (const [index, effect] of ordered(decision.effects).entries()) {
    state = await runEffect({ deps, github, state, keyPrefix: `${workflowId}@${version}`, outbox }, effect, index);
  }
  if (!deps.store.saveWorkflow(workflowId, state, version, !isTerminal(state), outbox)) throw new StaleWorkflowError(workflowId);
  deps.log.info({ workflowId, event: event.type, phase: state.phase }, "workflow advanced");
}
