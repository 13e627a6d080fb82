import type { RecordedModelRequest } from "../../model/index.ts";
import type { RunView } from "../run-view.ts";
import { outcome, type CheckContext, type CheckOutcome, type RoleCounts } from "./outcome.ts";

/** Requests the model answered (a 200), per role: what the run paid for. */
export function paidRequests(requests: readonly RecordedModelRequest[]): RoleCounts {
  const counts: RoleCounts = {};
  for (const request of requests) {
    if (request.status !== 200) continue;
    const role = request.role ?? "unknown";
    counts[role] = (counts[role] ?? 0) + 1;
  }
  return counts;
}

/** G5: under faults, no role's answered model requests exceed the fault-free run of the same plan. */
export function checkModelCalls(view: RunView, context: CheckContext): Promise<CheckOutcome> {
  const { baseline } = context;
  if (!baseline) return Promise.resolve(outcome("G5", false));
  const paid = paidRequests(view.modelRequests);
  const violations = Object.entries(paid)
    .filter(([role, count]) => count > (baseline[role] ?? 0))
    .map(([role, count]) => `${role}: ${count} answered model requests, the fault-free run of the same plan needed ${baseline[role] ?? 0}`);
  return Promise.resolve(outcome("G5", true, violations));
}
