import { RequestError } from "@octokit/request-error";
import type { MergeRefusal } from "../../domain/merge-refusal.ts";
import type { MergeMethod, MergeOutcome } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";
import { rateLimitWait } from "./rate-limit.ts";

/** GitHub's refusals of a merge, by their words (405, 409, 422), first match wins. */
const REFUSALS: ReadonlyArray<readonly [RegExp, MergeRefusal]> = [
  [/head branch was modified/i, "head_moved"],
  [/merge commits are not allowed|merges are not allowed|merge method|linear history|merge queue/i, "method"],
  [/out of date|base branch was modified|behind/i, "behind"],
  [/review|status check|required|rule|draft|not allowed|signed|protect/i, "requirements"],
];

/** How long GitHub may take to compute `mergeable` before Foreman stops asking. */
const MERGEABLE_READS = 3;
const MERGEABLE_WAIT_MS = 1_000;

/** `mergeable`, read again while GitHub is still computing it (null), a few times. */
async function settledMergeable(
  octokit: Octokit,
  target: Target,
  number: number,
  wait: (ms: number) => Promise<void>,
): Promise<boolean | null> {
  for (let read = 1; ; read += 1) {
    const { data } = await octokit.rest.pulls.get({ ...target, pull_number: number });
    if (data.mergeable !== null || read >= MERGEABLE_READS) return data.mergeable;
    await wait(MERGEABLE_WAIT_MS);
  }
}

/** "Pull Request is not mergeable" names no cause: a conflict when GitHub says so, the branch's rules when it does not. */
async function notMergeable(octokit: Octokit, target: Target, number: number, wait: (ms: number) => Promise<void>): Promise<MergeRefusal> {
  const mergeable = await settledMergeable(octokit, target, number, wait);
  if (mergeable === false) return "conflict";
  return mergeable === true ? "requirements" : "unknown";
}

/** The cause of a refused merge, from GitHub's status and words (and, when they name none, the pull request's `mergeable`). */
async function refusalOf(
  octokit: Octokit,
  target: Target,
  number: number,
  error: RequestError,
  wait: (ms: number) => Promise<void>,
): Promise<MergeRefusal> {
  // By its words first: a 409 is a moved head ("Head branch was modified"), or a head behind a base that must be up to date.
  const known = REFUSALS.find(([words]) => words.test(error.message));
  if (known) return known[1];
  if (error.status === 409) return "head_moved";
  if (/not mergeable|conflict/i.test(error.message)) return notMergeable(octokit, target, number, wait);
  return error.status === 403 ? "requirements" : "unknown";
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal GitHub answers with 403, 405, 409 or 422: not a rate limit (which throws, to be waited out). */
function isRefusal(error: unknown): error is RequestError {
  if (!(error instanceof RequestError) || ![403, 405, 409, 422].includes(error.status)) return false;
  return rateLimitWait(error.status, error.response?.headers, error.response?.data, Date.now()) === null;
}

/** `PUT /pulls/{n}/merge` with the `sha` guard; a refusal is answered with its cause, anything else throws. */
export async function mergePullRequest(
  octokit: Octokit,
  target: Target,
  input: { number: number; sha: string; method: MergeMethod },
  wait: (ms: number) => Promise<void> = sleep,
): Promise<MergeOutcome> {
  try {
    const { data } = await octokit.rest.pulls.merge({ ...target, pull_number: input.number, sha: input.sha, merge_method: input.method });
    return data.merged ? { merged: true, message: data.message } : { merged: false, refusal: "unknown", message: data.message };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const message = error.message.replace(/ - https?:\/\/\S+$/, "");
    return { merged: false, refusal: await refusalOf(octokit, target, input.number, error, wait), message };
  }
}
