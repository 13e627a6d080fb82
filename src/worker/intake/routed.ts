import type { RepoName } from "../../domain/ids.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { EngineEvent } from "../../engine/events.ts";

/** An engine event for one workflow. */
export interface Routed {
  workflowId: string;
  event: EngineEvent;
  /**
   * A write that tells the sender their command was taken (a reaction), made only when the event's decision
   * answers nothing visible of its own: a status edit, a comment, a check run or a merge is answer enough.
   */
  acknowledge?: GitHubWrite;
}

/**
 * What a batch of writes is about, where the audit trail files it: a workflow, or the repository
 * itself for writes about no workflow (the `Foreman` check on a pull request that is not a task).
 */
export type WritesAbout = { workflowId: string } | { repository: RepoName };

/**
 * What the intake stage makes of a webhook: the writes that answer it (a refusal, a reaction, a
 * closed pull request, the check on a merge group), which the effect runner performs, then the
 * engine event to apply, if any. Planning only reads GitHub; nothing is written until the plan is made.
 */
export interface IntakePlan {
  /** What the writes are about (the audit trail files them there); null when there are none. */
  about: WritesAbout | null;
  writes: GitHubWrite[];
  routed: Routed | null;
}

export const NOTHING: IntakePlan = { about: null, writes: [], routed: null };

/** Writes that answer the webhook, and no engine event. */
export function answer(workflowId: string, writes: GitHubWrite[]): IntakePlan {
  return { about: { workflowId }, writes, routed: null };
}

/** Writes about a repository rather than one of its workflows, and no engine event. */
export function answerForRepository(repository: RepoName, writes: GitHubWrite[]): IntakePlan {
  return { about: { repository }, writes, routed: null };
}

/** An engine event for a workflow, after the writes that answer the webhook; `acknowledge`: see `Routed`. */
export function routeTo(workflowId: string, event: EngineEvent, writes: GitHubWrite[] = [], acknowledge?: GitHubWrite): IntakePlan {
  return { about: { workflowId }, writes, routed: { workflowId, event, ...(acknowledge ? { acknowledge } : {}) } };
}
