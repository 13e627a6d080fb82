import type { GitHubWrite } from "../../engine/effects.ts";
import type { EngineEvent } from "../../engine/events.ts";

/** An engine event for one workflow. */
export interface Routed {
  workflowId: string;
  event: EngineEvent;
}

/**
 * What the intake stage makes of a webhook: the writes that answer it (a refusal, a reaction, a
 * closed pull request, the check on a merge group), which the effect runner performs, then the
 * engine event to apply, if any. Planning only reads GitHub; nothing is written until the plan is made.
 */
export interface IntakePlan {
  /** The workflow the writes are about (the audit trail files them there); null when there are none. */
  workflowId: string | null;
  writes: GitHubWrite[];
  routed: Routed | null;
}

export const NOTHING: IntakePlan = { workflowId: null, writes: [], routed: null };

/** Writes that answer the webhook, and no engine event. */
export function answer(workflowId: string, writes: GitHubWrite[]): IntakePlan {
  return { workflowId, writes, routed: null };
}

/** An engine event for a workflow, after the writes that acknowledge it. */
export function routeTo(workflowId: string, event: EngineEvent, writes: GitHubWrite[] = []): IntakePlan {
  return { workflowId, writes, routed: { workflowId, event } };
}
