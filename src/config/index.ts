export { RepoConfig, StoredRepoConfig } from "./repo-config.ts";
export type { ConfigProblem } from "./config-problem.ts";
export { CONFIG_PATH, DEFAULTS_REPOSITORY, sameSource, type ConfigSource } from "./config-source.ts";
export { composeConfig, MAX_CONFIG_FILES, readConfigLayer, type ConfigLayer, type UnreadExtends } from "./config-layers.ts";
