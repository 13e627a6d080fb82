import type { RepoConfig } from "../../config/index.ts";
import { detectTitleStyle, type TitleStyle } from "../../domain/conventional-commits.ts";
import { GitHubCallError } from "../../ports/errors.ts";
import type { RepoReads } from "../../ports/github.ts";
import type { WorkerDeps } from "../deps.ts";

/** How many of the default branch's newest commits `pullRequests.title: auto` reads. */
export const HISTORY_COMMITS = 20;

/**
 * The title style `pullRequests.title: auto` finds in the default branch's history, read once
 * when the work starts (one call); undefined for the other settings, which need no read. A
 * refused read leaves the titles plain rather than stop the work; a rate limit or a server error
 * throws, so the intake runs again.
 */
export async function detectedTitleStyle(deps: WorkerDeps, github: RepoReads, config: RepoConfig): Promise<TitleStyle | undefined> {
  if (config.pullRequests.title !== "auto") return undefined;
  try {
    return detectTitleStyle(await github.recentCommitTitles(HISTORY_COMMITS));
  } catch (error) {
    if (!(error instanceof GitHubCallError) || error.retryable) throw error;
    deps.log.warn(
      { status: error.status, kind: error.kind },
      "could not read the default branch's history; task pull requests get plain titles",
    );
    return undefined;
  }
}
