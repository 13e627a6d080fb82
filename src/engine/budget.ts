import { failureText, type BudgetExceeded } from "../render/index.ts";
import { fail } from "./decide-intake.ts";
import { isTerminal, type Decision } from "./decision.ts";
import type { EffectType } from "./effects.ts";
import type { WorkflowState } from "./types.ts";

/** Effects that lead to a model call. */
const SPENDS: ReadonlySet<EffectType> = new Set<EffectType>([
  "run_engineer",
  "run_planner",
  "start_task",
  "run_debugger",
  "run_reviewer",
  "run_revision",
  "rebase_task",
]);

/** Which budget the issue has spent, or null while it is within its budgets. */
function overBudget(state: WorkflowState): BudgetExceeded | null {
  const { tokensPerIssue, costPerIssueUsd } = state.config.limits;
  const tokens = state.usage.promptTokens + state.usage.completionTokens;
  if (tokens >= tokensPerIssue) return { kind: "tokens", used: tokens, limit: tokensPerIssue };
  if (state.usage.costUsd >= costPerIssueUsd) return { kind: "cost", usedUsd: state.usage.costUsd, limitUsd: costPerIssueUsd };
  return null;
}

/** A decision that would call the model again once the issue is over a budget stops the workflow instead. */
export function withinBudget(decision: Decision, now: number): Decision {
  if (decision.ignored || isTerminal(decision.state) || !decision.effects.some((effect) => SPENDS.has(effect.type))) return decision;
  const exceeded = overBudget(decision.state);
  return exceeded ? fail(decision.state, failureText.budget(exceeded), now) : decision;
}
