import { RequestError } from "@octokit/request-error";
import { BranchMovedError } from "../../ports/errors.ts";
import type { BranchUpdate, Comparison } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** GitHub's 422 answers to `update-branch`, by what they mean. */
const HEAD_MOVED = /expected[ _]head[ _]sha/i;
const UP_TO_DATE = /no new commits/i;
const CONFLICT = /conflict/i;

/**
 * `PUT /pulls/{n}/update-branch` with `expected_head_sha`: GitHub merges the base into the branch
 * (asynchronously on github.com, answering 202). Its refusals are told apart: the head moved
 * (`BranchMovedError`), the branch already holds the base, or the merge has conflicts.
 */
export async function updatePullBranch(
  octokit: Octokit,
  target: Target,
  input: { number: number; branch: string; expectedHead: string },
): Promise<BranchUpdate> {
  try {
    await octokit.rest.pulls.updateBranch({ ...target, pull_number: input.number, expected_head_sha: input.expectedHead });
    return "accepted";
  } catch (error) {
    if (!(error instanceof RequestError) || error.status !== 422) throw error;
    if (HEAD_MOVED.test(error.message)) throw new BranchMovedError(input.branch, input.expectedHead, null, { cause: error });
    if (UP_TO_DATE.test(error.message)) return "up_to_date";
    if (CONFLICT.test(error.message)) return "conflict";
    throw error;
  }
}

/** `GET /compare/{base}...{head}`: the first page of commits (the files of the whole comparison come with it). */
export async function compareCommits(octokit: Octokit, target: Target, base: string, head: string): Promise<Comparison> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...target, basehead: `${base}...${head}`, per_page: 100 });
  return {
    mergeBase: data.merge_base_commit.sha,
    aheadBy: data.ahead_by,
    behindBy: data.behind_by,
    files: [...new Set((data.files ?? []).flatMap((file) => [file.filename, ...(file.previous_filename ? [file.previous_filename] : [])]))],
    commits: data.commits.map((commit) => ({ sha: commit.sha, author: commit.author?.login ?? null })),
  };
}
