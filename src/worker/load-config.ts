import { parseRepoConfigYaml, type ConfigProblem, type RepoConfig } from "../config/index.ts";
import type { RepoGitHub } from "../ports/github.ts";

export const CONFIG_PATH = ".github/foreman.yml";

export type LoadedConfig = { ok: true; config: RepoConfig } | { ok: false; problems: ConfigProblem[] };

/** Reads `.github/foreman.yml` from the default branch; a missing file means the defaults. */
export async function loadRepoConfig(github: RepoGitHub, defaultBranch: string): Promise<LoadedConfig> {
  const text = await github.readFile(defaultBranch, CONFIG_PATH);
  return parseRepoConfigYaml(text ?? "");
}
