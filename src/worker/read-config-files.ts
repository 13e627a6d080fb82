import {
  CONFIG_PATH,
  DEFAULTS_REPOSITORY,
  MAX_CONFIG_FILES,
  readConfigLayer,
  sameSource,
  type ConfigLayer,
  type ConfigSource,
  type UnreadExtends,
} from "../config/index.ts";
import type { RepoName } from "../domain/ids.ts";
import type { RepoReads } from "../ports/github.ts";

/** The reads a configuration needs: the repository's own file at a commit, and other files on their default branches. */
export type ConfigReads = Pick<RepoReads, "readFile" | "readRepositoryFile">;

/** The files of one configuration, the most specific first, and the `_extends` that could not be followed, if any. */
export interface ConfigFiles {
  layers: ConfigLayer[];
  unread: UnreadExtends | null;
}

async function readOther(github: ConfigReads, source: ConfigSource): Promise<ConfigLayer | null> {
  const text = await github.readRepositoryFile({ owner: source.owner, repo: source.repo }, source.path);
  return text === null ? null : readConfigLayer(source, false, text);
}

/**
 * The repository's own `.github/foreman.yml` at `ref`; without one, the organisation's (or user's)
 * from its `.github` repository, as Probot looks them up. An empty file is a file: it stops the lookup.
 */
async function firstLayer(github: ConfigReads, repository: RepoName, ref: string): Promise<ConfigLayer | null> {
  const own = await github.readFile(ref, CONFIG_PATH);
  if (own !== null) return readConfigLayer({ ...repository, path: CONFIG_PATH }, true, own);
  if (repository.repo.toLowerCase() === DEFAULTS_REPOSITORY) return null;
  return readOther(github, { owner: repository.owner, repo: DEFAULTS_REPOSITORY, path: CONFIG_PATH });
}

/**
 * Every file of the repository's configuration: the first one (`firstLayer`), then the file each
 * one's `_extends` names, on that repository's default branch, until one extends nothing. A file
 * with problems of its own is not followed further; nor is a missing file, one already read (a
 * circle), or one past `MAX_CONFIG_FILES`: the composed configuration reports those.
 */
export async function readConfigFiles(github: ConfigReads, repository: RepoName, ref: string): Promise<ConfigFiles> {
  const first = await firstLayer(github, repository, ref);
  const layers = first ? [first] : [];
  for (let last = first; last?.extends !== undefined && last.problems.length === 0;) {
    const target: ConfigSource = last.extends;
    if (layers.some((layer) => sameSource(layer.source, target))) return { layers, unread: { reason: "cycle", target } };
    if (layers.length >= MAX_CONFIG_FILES) return { layers, unread: { reason: "too_many", target } };
    last = await readOther(github, target);
    if (last === null) return { layers, unread: { reason: "missing", target } };
    layers.push(last);
  }
  return { layers, unread: null };
}
