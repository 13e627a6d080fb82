import { decide } from "../engine/decide.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import { WORKFLOW_CLOSED_EVENT } from "../reconcile/close-workflow.ts";
import { WORKFLOW_REBUILT_EVENT } from "../reconcile/rebuild.ts";
import type { AuditEvent } from "../store/store.ts";
import { EFFECT_RESULT_EVENT } from "../worker/apply-event.ts";

interface AppliedData {
  event: EngineEvent;
  ignored: string | null;
}

function isApplied(data: unknown): data is AppliedData {
  return typeof data === "object" && data !== null && "event" in data && "ignored" in data && data.ignored === null;
}

function patchOf(data: unknown): Partial<WorkflowState> {
  return typeof data === "object" && data !== null && "patch" in data ? (data.patch as Partial<WorkflowState>) : {};
}

/** One step of the replay: an applied engine event is decided again at its recorded time; recorded effect results and closes patch the state. */
function replayStep(state: WorkflowState | null, event: AuditEvent): WorkflowState | null {
  if (event.kind === WORKFLOW_REBUILT_EVENT) return (event.data as { state: WorkflowState }).state;
  if (event.kind === EFFECT_RESULT_EVENT || event.kind === WORKFLOW_CLOSED_EVENT)
    return state ? { ...state, ...patchOf(event.data) } : state;
  if (!isApplied(event.data)) return state;
  return decide(state, event.data.event, event.at)?.state ?? state;
}

/** Rebuilds a workflow's state from its audit trail alone, by folding the engine over the recorded events. */
export function replayWorkflow(events: readonly AuditEvent[]): WorkflowState | null {
  return events.reduce<WorkflowState | null>((state, event) => replayStep(state, event), null);
}
