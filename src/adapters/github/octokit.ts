import type { ProbotOctokit } from "probot";

/** An installation's Octokit, as Probot builds it with Foreman's plugins. */
export type Octokit = InstanceType<typeof ProbotOctokit>;

/** The repository every call of a `RepoGitHub` goes to. */
export interface Target {
  owner: string;
  repo: string;
}
