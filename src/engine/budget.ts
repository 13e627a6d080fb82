import { fail } from "./decide-intake.ts";
import { isTerminal, type Decision } from "./decision.ts";
import type { EffectType } from "./effects.ts";
import type { WorkflowState } from "./types.ts";

/** Effects that lead to a model call. */
const SPENDS: ReadonlySet<EffectType> = new Set<EffectType>(["run_engineer", "run_planner", "start_task", "run_debugger", "run_reviewer", "run_revision", "rebase_task"]);

/** Why the issue may not spend more, naming the cap, or null while it is within its budgets. */
export function overBudget(state: WorkflowState): string | null {
  const { tokensPerIssue, costPerIssueUsd } = state.config.limits;
  const tokens = state.usage.promptTokens + state.usage.completionTokens;
  if (tokens >= tokensPerIssue) return `this issue has used ${tokens} tokens, over its budget of ${tokensPerIssue} (\`limits.tokensPerIssue\`)`;
  if (state.usage.costUsd >= costPerIssueUsd) {
    return `this issue has cost $${state.usage.costUsd.toFixed(2)}, over its budget of $${costPerIssueUsd.toFixed(2)} (\`limits.costPerIssueUsd\`)`;
  }
  return null;
}

/** A decision that would call the model again once the issue is over a budget stops the workflow instead. */
export function withinBudget(decision: Decision, now: number): Decision {
  if (decision.ignored || isTerminal(decision.state) || !decision.effects.some((effect) => SPENDS.has(effect.type))) return decision;
  const reason = overBudget(decision.state);
  if (!reason) return decision;
  return fail(decision.state, `Foreman stopped: ${reason}. A maintainer can raise the limit in \`.github/foreman.yml\` and add the label again.`, now);
}
