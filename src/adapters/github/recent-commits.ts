import type { CommitTitle } from "../../ports/github.ts";
import type { Octokit, Target } from "./octokit.ts";

/** GitHub's largest page of commits. */
const MAX_PER_PAGE = 100;

/** The first line of a commit message. */
const firstLine = (message: string): string => message.split(/\r?\n/, 1)[0] ?? "";

/** The default branch's newest commits (GitHub lists the default branch when no `sha` is given), in one request. */
export async function recentCommitTitles(octokit: Octokit, target: Target, limit: number): Promise<CommitTitle[]> {
  const perPage = Math.min(Math.max(Math.trunc(limit), 1), MAX_PER_PAGE);
  const { data } = await octokit.rest.repos.listCommits({ ...target, per_page: perPage });
  return data.map((commit) => ({ title: firstLine(commit.commit.message), merge: commit.parents.length > 1 }));
}
