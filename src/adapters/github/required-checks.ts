import { GitHubCallError, isGone, nullIfGone } from "../../ports/errors.ts";
import { call } from "./classify-error.ts";
import type { Octokit, Target } from "./octokit.ts";

/**
 * The required status checks of the active rulesets that apply to `branch`
 * (`GET /repos/{owner}/{repo}/rules/branches/{branch}`, readable with metadata: read). Where
 * rulesets are not available the repository has none: GitHub answers 403 for a private repository
 * on GitHub Free ("Upgrade to GitHub Pro or make this repository public …"), 404 where the
 * endpoint does not exist (an older GitHub Enterprise Server).
 */
async function rulesetChecks(octokit: Octokit, target: Target, branch: string): Promise<string[]> {
  try {
    const rules = await call(() => octokit.paginate(octokit.rest.repos.getBranchRules, { ...target, branch, per_page: 100 }));
    return rules.flatMap((rule) =>
      rule.type === "required_status_checks" ? (rule.parameters?.required_status_checks.map((check) => check.context) ?? []) : [],
    );
  } catch (error) {
    if (isGone(error) || (error instanceof GitHubCallError && error.kind === "forbidden")) return [];
    throw error;
  }
}

/**
 * The required status checks of the branch's classic protection, as `GET …/branches/{branch}`
 * shows them to any reader (the protection endpoint itself needs administration: read, which
 * Foreman does not ask for). A branch that is gone has none.
 */
async function protectionChecks(octokit: Octokit, target: Target, branch: string): Promise<string[]> {
  const found = await nullIfGone(call(() => octokit.rest.repos.getBranch({ ...target, branch })));
  const required = found?.data.protected ? found.data.protection.required_status_checks : undefined;
  if (!required || required.enforcement_level === "off") return [];
  return [...required.contexts, ...required.checks.map((check) => check.context)];
}

/** The names of the checks GitHub requires before merging into `branch`, from its rulesets and its classic protection, sorted. */
export async function readRequiredChecks(octokit: Octokit, target: Target, branch: string): Promise<string[]> {
  const rules = await rulesetChecks(octokit, target, branch);
  const protection = await protectionChecks(octokit, target, branch);
  return [...new Set([...rules, ...protection])].sort();
}
