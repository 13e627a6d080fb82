import { parse } from "yaml";
import { parseRepoConfigYaml, RepoConfig, type ConfigProblem } from "../config/index.ts";
import { NO_OPERATOR_LIMITS, operatorRules, withOperatorCeilings, type OperatorLimits } from "../config/operator-limits.ts";
import type { RepoGitHub } from "../ports/github.ts";

export const CONFIG_PATH = ".github/foreman.yml";

export type LoadedConfig = { ok: true; config: RepoConfig } | { ok: false; problems: ConfigProblem[]; label: string };

/** The label a broken config file most likely meant, so that other labels do not trigger its report. */
function intendedLabel(text: string): string {
  try {
    const value: unknown = parse(text);
    if (typeof value === "object" && value !== null && "label" in value && typeof value.label === "string") return value.label;
  } catch {
    // an unreadable file: fall back to the default label
  }
  return RepoConfig.parse({}).label;
}

/**
 * Reads `.github/foreman.yml` from the default branch; a missing file means the defaults. A model the
 * deployment does not allow is a problem; budgets over the deployment's ceilings are lowered to them.
 */
export async function loadRepoConfig(
  github: RepoGitHub,
  defaultBranch: string,
  limits: OperatorLimits = NO_OPERATOR_LIMITS,
): Promise<LoadedConfig> {
  const text = (await github.readFile(defaultBranch, CONFIG_PATH)) ?? "";
  const result = parseRepoConfigYaml(text, operatorRules(limits));
  if (!result.ok) return { ok: false, problems: result.problems, label: intendedLabel(text) };
  return { ok: true, config: withOperatorCeilings(result.config, limits) };
}
