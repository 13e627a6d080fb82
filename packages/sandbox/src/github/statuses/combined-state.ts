import type { CommitStatus, CommitStatusState } from "../state/types.ts";

/** GitHub keeps at most this many statuses per commit and context, then refuses more. */
export const MAX_STATUSES_PER_CONTEXT = 1000;

/** Contexts are case-insensitive: `CI/build` and `ci/build` are one context. */
export function contextKey(context: string): string {
  return context.toLowerCase();
}

/** The latest status of each context, newest first (statuses come oldest first, by id). */
export function latestPerContext(statuses: readonly CommitStatus[]): CommitStatus[] {
  const latest = new Map<string, CommitStatus>();
  for (const status of statuses) {
    const key = contextKey(status.context);
    const seen = latest.get(key);
    if (!seen || seen.id < status.id) latest.set(key, status);
  }
  return [...latest.values()].sort((a, b) => b.id - a.id);
}

/**
 * The combined state GitHub documents: `failure` if any context reports `error` or `failure`,
 * `pending` if there is no status or a context is `pending`, `success` when all succeeded.
 */
export function combinedState(latest: readonly CommitStatus[]): CommitStatusState {
  if (latest.some((status) => status.state === "error" || status.state === "failure")) return "failure";
  if (latest.length === 0 || latest.some((status) => status.state === "pending")) return "pending";
  return "success";
}
