import { paged, repoFrom, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { rulesetRulesOf } from "../protection/reported.ts";
import { serializeRule } from "../serializers/protection.ts";

/**
 * `GET /rules/branches/{branch}`: the active ruleset rules for a branch name (it need not exist).
 * Classic branch protection is not listed; any app may read it (metadata).
 */
function getBranchRules(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const rulesetId = repo.protection?.id ?? repo.id;
  const rules = rulesetRulesOf(repo, context.params.branch ?? "").map((rule) => serializeRule(repo, rulesetId, rule));
  return paged(context, rules);
}

export const branchRulesRoutes: RouteTable = { "repos/get-branch-rules": getBranchRules };
