import type { Effect } from "./effects.ts";
import type { WorkflowState } from "./types.ts";

export interface Decision {
  state: WorkflowState;
  effects: Effect[];
  /** Why the event changed nothing, for the audit log; absent when it was acted on. */
  ignored?: string;
}

export const ignore = (state: WorkflowState, reason: string): Decision => ({ state, effects: [], ignored: reason });

export const TERMINAL_PHASES = new Set(["completed", "failed", "cancelled"]);

export function isTerminal(state: WorkflowState): boolean {
  return TERMINAL_PHASES.has(state.phase);
}
