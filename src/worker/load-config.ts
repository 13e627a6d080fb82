import { composeConfig, type ConfigProblem, type ConfigSource, type RepoConfig } from "../config/index.ts";
import type { RepoName } from "../domain/ids.ts";
import { readConfigFiles, type ConfigReads } from "./read-config-files.ts";

/** The configuration, with the files it was read from (none: every default), or every problem and the label the files meant. */
export type LoadedConfig =
  { ok: true; config: RepoConfig; sources: ConfigSource[] } | { ok: false; problems: ConfigProblem[]; label: string };

/**
 * Reads the configuration of `repository` at `ref` (its default branch when work starts, a pull
 * request's head for the `Foreman config` check): its own `.github/foreman.yml` or the
 * organisation's, and the files `_extends` names, merged. No file at all means the defaults.
 */
export async function loadRepoConfig(github: ConfigReads, repository: RepoName, ref: string): Promise<LoadedConfig> {
  const { layers, unread } = await readConfigFiles(github, repository, ref);
  return composeConfig(layers, unread);
}
