/**
 * A configuration file Foreman reads: a path in a repository. The repository's own file is read at
 * the commit in question (the default branch, or a pull request's head); every other file (the
 * organisation's `.github` repository, an `_extends` target) on its repository's default branch.
 */
export interface ConfigSource {
  owner: string;
  repo: string;
  path: string;
}

/** Where Foreman's configuration lives in a repository, and in the organisation's `.github` repository. */
export const CONFIG_PATH = ".github/foreman.yml";

/** The repository that holds an organisation's (or a user's) default configuration, as in Probot. */
export const DEFAULTS_REPOSITORY = ".github";

/** `owner/repo:path`, the form `_extends` takes, for messages. */
export function sourceName(source: ConfigSource): string {
  return `${source.owner}/${source.repo}:${source.path}`;
}

export function sameSource(first: ConfigSource, second: ConfigSource): boolean {
  return (
    first.owner.toLowerCase() === second.owner.toLowerCase() &&
    first.repo.toLowerCase() === second.repo.toLowerCase() &&
    first.path === second.path
  );
}
