export { GitRepository, type GitRepositoryOptions, type InitOptions } from "./git-repository.ts";
export * from "./errors.ts";
export type * from "./types.ts";
