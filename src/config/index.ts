export { RepoConfig, StoredRepoConfig } from "./repo-config.ts";
export type { ConfigProblem } from "./config-problem.ts";
export { parseRepoConfigYaml } from "./parse-repo-config-yaml.ts";
