import { composeConfig, type ConfigProblem, type ConfigSource, type RepoConfig } from "../config/index.ts";
import { NO_OPERATOR_LIMITS, operatorRules, withOperatorCeilings, type OperatorLimits } from "../config/operator-limits.ts";
import type { RepoName } from "../domain/ids.ts";
import { readConfigFiles, type ConfigReads } from "./read-config-files.ts";

/** The configuration, with the files it was read from (none: every default), or every problem and the label the files meant. */
export type LoadedConfig =
  { ok: true; config: RepoConfig; sources: ConfigSource[] } | { ok: false; problems: ConfigProblem[]; label: string };

/**
 * Reads the configuration of `repository` at `ref` (its default branch when work starts, a pull
 * request's head for the `Foreman config` check): its own `.github/foreman.yml` or the
 * organisation's, and the files `_extends` names, merged. No file at all means the defaults. A
 * model the deployment does not allow is a problem; budgets over the deployment's ceilings are
 * lowered to them.
 */
export async function loadRepoConfig(
  github: ConfigReads,
  repository: RepoName,
  ref: string,
  limits: OperatorLimits = NO_OPERATOR_LIMITS,
): Promise<LoadedConfig> {
  const { layers, unread } = await readConfigFiles(github, repository, ref);
  const composed = composeConfig(layers, unread, operatorRules(limits));
  return composed.ok ? { ...composed, config: withOperatorCeilings(composed.config, limits) } : composed;
}
