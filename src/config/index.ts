export { RepoConfig, ModelsConfig, MergeConfig, LimitsConfig, QaConfig, ReviewConfig, ApprovalConfig, DEFAULT_MODEL, modelFor } from "./repo-config.ts";
export type { AgentRole } from "./repo-config.ts";
export type { ConfigProblem, ConfigPath } from "./config-problem.ts";
export type { RepoConfigResult } from "./parse-repo-config.ts";
export { formatConfigPath } from "./config-problem.ts";
export { parseRepoConfig } from "./parse-repo-config.ts";
export { parseRepoConfigYaml } from "./parse-repo-config-yaml.ts";
