import { isPassingConclusion } from "../domain/ci.ts";
import type { CheckSummary } from "../ports/github.ts";
import { redactText } from "../policy/sanitize.ts";
import { ciSummaryText } from "../render/index.ts";

export const FOREMAN_CHECK = "Foreman";
/** The check run on a pull request that changes `.github/foreman.yml`: whether the file reads. */
export const FOREMAN_CONFIG_CHECK = "Foreman config";

/** The repository's own checks on a commit, summed up; null while any is still running or none exist. */
export function ciOutcome(checks: CheckSummary[]): { conclusion: "success" | "failure"; summary: string } | null {
  const theirs = checks.filter((check) => check.name !== FOREMAN_CHECK && check.name !== FOREMAN_CONFIG_CHECK);
  if (theirs.length === 0 || theirs.some((check) => check.status !== "completed")) return null;
  const failing = theirs.filter((check) => !isPassingConclusion(check.conclusion));
  if (failing.length === 0) return { conclusion: "success", summary: ciSummaryText.passed(theirs.length) };
  // Check titles come from other apps and CI: redacted before Foreman repeats them.
  const redacted = failing.map((check) => ({
    name: check.name,
    conclusion: check.conclusion,
    title: check.title ? redactText(check.title) : null,
  }));
  return { conclusion: "failure", summary: ciSummaryText.failing(redacted) };
}
