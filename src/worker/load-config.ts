import { parse } from "yaml";
import { parseRepoConfigYaml, RepoConfig, type ConfigProblem } from "../config/index.ts";
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

/** Reads `.github/foreman.yml` from the default branch; a missing file means the defaults. */
export async function loadRepoConfig(github: RepoGitHub, defaultBranch: string): Promise<LoadedConfig> {
  const text = (await github.readFile(defaultBranch, CONFIG_PATH)) ?? "";
  const result = parseRepoConfigYaml(text);
  return result.ok ? { ok: true, config: result.config } : { ok: false, problems: result.problems, label: intendedLabel(text) };
}
