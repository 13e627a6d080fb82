import { DecisionKey } from "../domain/keys.ts";
import { decide } from "../engine/decide.ts";
import type { EngineEvent } from "../engine/events.ts";
import { isTerminal } from "../engine/decision.ts";
import type { Effect } from "../engine/effects.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { AuditEvent, JobInput } from "../store/store.ts";
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

/** The audit kind of the state an effect learned (the status comment's id), recorded after its event so a replay matches. */
export const EFFECT_RESULT_EVENT = "effect_result";

/** Status updates collapse to one per decision, performed last, so a burst of changes costs one write. */
function ordered(effects: Effect[]): Effect[] {
  const rest = effects.filter((effect) => effect.type !== "update_status");
  return rest.length === effects.length ? rest : [...rest, { type: "update_status" }];
}

/** Effects a person sees on GitHub at once: a command they answer needs no reaction besides. */
const VISIBLE_EFFECTS: ReadonlySet<Effect["type"]> = new Set([
  "comment",
  "set_check",
  "merge_task",
  "close_task_pr",
  "close_issue",
  "label",
]);

/** Whether a decision's effects showed anything on GitHub: a visible effect, or a status comment it wrote. */
function answeredVisibly(effects: Effect[], decided: WorkflowState, final: WorkflowState): boolean {
  const statusWritten = final.statusDigest !== decided.statusDigest || final.statusCommentId !== decided.statusCommentId;
  return statusWritten || effects.some((effect) => VISIBLE_EFFECTS.has(effect.type));
}

/** An effect as the audit trail shows it: its type and what it was about. */
function effectSummary(effect: Effect): Record<string, unknown> {
  const { type } = effect;
  return {
    type,
    ...("taskId" in effect ? { taskId: effect.taskId } : {}),
    ...("sha" in effect ? { sha: effect.sha } : {}),
    ...("key" in effect ? { key: effect.key } : {}),
    ...("state" in effect ? { state: effect.state } : {}),
  };
}

/** The top-level fields effects changed after the decision, e.g. `statusCommentId`. */
function learned(decided: WorkflowState, final: WorkflowState): Record<string, unknown> {
  const before = new Map(Object.entries(decided));
  return Object.fromEntries(Object.entries(final).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before.get(key))));
}

/**
 * Applies one engine event to a workflow: decide, perform the effects (each idempotent), then
 * save against the version read, with the audit events, in one transaction. A concurrent change
 * makes the save fail and the job retry; only events that were applied are in the log. Answers
 * whether the decision showed anything on GitHub (false for an event that changed nothing).
 */
export async function applyEvent(
  deps: WorkerDeps,
  workflowId: string,
  event: EngineEvent,
  actor: string | null,
  deliveryId: string | null,
): Promise<boolean> {
  const now = deps.now();
  const record = deps.store.getWorkflow(workflowId);
  const decision = decide(record?.state ?? null, event, now);
  const audit = { workflowId, at: now, kind: event.type, actor, deliveryId };
  if (!decision || decision.ignored) {
    deps.store.appendEvent({ ...audit, data: { event, ignored: decision?.ignored ?? "no workflow" } });
    deps.log.debug({ workflowId, event: event.type, reason: decision?.ignored }, "event changed nothing");
    return false;
  }
  const version = record?.version ?? 0;
  const github = await deps.github.forRepo(decision.state.ref);
  let state = decision.state;
  const outbox: JobInput[] = [];
  const effects = ordered(decision.effects);
  for (const [index, effect] of effects.entries()) {
    state = await runEffect({ deps, github, state, keyPrefix: DecisionKey.toString({ workflowId, version }), outbox }, effect, index);
  }
  const patch = learned(decision.state, state);
  const events: AuditEvent[] = [
    {
      ...audit,
      data: {
        event,
        ignored: null,
        phase: state.phase,
        version: version + 1,
        effects: effects.map(effectSummary),
        queued: outbox.map((job) => job.kind),
      },
    },
    ...(Object.keys(patch).length > 0 ? [{ ...audit, kind: EFFECT_RESULT_EVENT, data: { patch } }] : []),
  ];
  if (!deps.store.saveWorkflow(workflowId, state, version, !isTerminal(state), outbox, events)) throw new StaleWorkflowError(workflowId);
  deps.log.info({ workflowId, event: event.type, phase: state.phase }, "workflow advanced");
  return answeredVisibly(effects, decision.state, state);
}
