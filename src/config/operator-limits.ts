import { compileGlob } from "../policy/glob.ts";
import type { ConfigRule, PathedProblem } from "./parse-repo-config.ts";
import type { AgentRole, RepoConfig } from "./repo-config.ts";

/**
 * What the deployment allows every repository (`FOREMAN_ALLOWED_MODELS`, `FOREMAN_MAX_COST_PER_ISSUE_USD`,
 * `FOREMAN_MAX_TOKENS_PER_ISSUE`): a repository's `.github/foreman.yml` may ask for less, never for more.
 */
export interface OperatorLimits {
  /** Model names or globs (`gpt-4.1*`) a repository may choose; empty: any model. */
  allowedModels: readonly string[];
  /** The most one issue may cost, in US dollars; null: no ceiling beyond the repository's. */
  maxCostPerIssueUsd: number | null;
  /** The most tokens one issue may use; null: no ceiling beyond the repository's. */
  maxTokensPerIssue: number | null;
}

export const NO_OPERATOR_LIMITS: OperatorLimits = { allowedModels: [], maxCostPerIssueUsd: null, maxTokensPerIssue: null };

const MODEL_KEYS = ["default", "engineer", "planner", "coder", "debugger", "reviewer"] as const satisfies readonly (
  "default" | AgentRole
)[];

/** Whether a model name is on the allowed list (an empty list allows every model). */
export function modelAllowed(model: string, allowed: readonly string[]): boolean {
  return allowed.length === 0 || allowed.some((pattern) => pattern === model || compileGlob(pattern)(model));
}

/** The allowed list as a problem names it: `gpt-4o-mini, gpt-4.1*`. */
function allowedList(allowed: readonly string[]): string {
  return allowed.join(", ");
}

/** A rule for the config reader: each model the repository names must be one the deployment allows. */
function allowedModelsRule(allowed: readonly string[]): ConfigRule {
  return (config: RepoConfig): PathedProblem[] =>
    MODEL_KEYS.flatMap((key) => {
      const model = config.models[key];
      if (model === undefined || modelAllowed(model, allowed)) return [];
      const message = `model ${JSON.stringify(model)} is not allowed on this Foreman installation; choose one of: ${allowedList(allowed)} (the operator's FOREMAN_ALLOWED_MODELS)`;
      return [{ path: ["models", key], message }];
    });
}

/** The rules the deployment's limits add to the config reader. */
export function operatorRules(limits: OperatorLimits): ConfigRule[] {
  return limits.allowedModels.length > 0 ? [allowedModelsRule(limits.allowedModels)] : [];
}

/** The lower of a repository's value and the deployment's ceiling. */
function capped(value: number, ceiling: number | null): number {
  return ceiling === null ? value : Math.min(value, ceiling);
}

/** The repository's budgets, lowered to the deployment's ceilings where they ask for more. */
export function withOperatorCeilings(config: RepoConfig, limits: OperatorLimits): RepoConfig {
  const tokensPerIssue = capped(config.limits.tokensPerIssue, limits.maxTokensPerIssue);
  const costPerIssueUsd = capped(config.limits.costPerIssueUsd, limits.maxCostPerIssueUsd);
  if (tokensPerIssue === config.limits.tokensPerIssue && costPerIssueUsd === config.limits.costPerIssueUsd) return config;
  return { ...config, limits: { ...config.limits, tokensPerIssue, costPerIssueUsd } };
}
