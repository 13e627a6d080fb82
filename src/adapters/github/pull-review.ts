import { isAppLogin, type PullFile, type ReviewInput } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

/** The hidden marker that lets Foreman find its own review for `key` again. */
function reviewMarker(key: string): string {
  return `<!-- foreman:review ${key.replace(/--+/g, "-")} -->`;
}

export async function listPullFiles(octokit: Octokit, target: Target, number: number): Promise<PullFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...target, pull_number: number, per_page: 100 });
  return files.map((file) => ({ filename: file.filename, status: file.status, patch: file.patch ?? null }));
}

/** The app's own review carrying `marker`: a review by anyone else is never taken for it. */
async function findReview(octokit: Octokit, target: Target, number: number, marker: string, appLogin: string): Promise<number | null> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...target, pull_number: number, per_page: 100 });
  return reviews.find((review) => isAppLogin(review.user?.login ?? "", appLogin) && review.body.includes(marker))?.id ?? null;
}

/**
 * A review of type COMMENT on `sha` with inline comments on the right side of the diff; Foreman
 * never approves or requests changes on a human's behalf. With a `key`, a review that already
 * carries the key's marker (posted by the app) is returned instead of posting a second one.
 */
export async function createReview(octokit: Octokit, target: Target, input: ReviewInput, appLogin: string): Promise<{ id: number }> {
  const marker = input.key === undefined ? null : reviewMarker(input.key);
  if (marker) {
    const existing = await findReview(octokit, target, input.number, marker, appLogin);
    if (existing !== null) return { id: existing };
  }
  const text = input.body.trim() === "" && input.comments.length === 0 ? "No findings." : input.body;
  const { data } = await octokit.rest.pulls.createReview({
    ...target,
    pull_number: input.number,
    commit_id: input.sha,
    event: "COMMENT",
    body: marker ? `${text}\n\n${marker}` : text,
    comments: input.comments.map((comment) => ({ path: comment.path, line: comment.line, side: "RIGHT", body: comment.body })),
  });
  return { id: data.id };
}

export async function replyToReviewComment(octokit: Octokit, target: Target, pull: number, commentId: number, body: string): Promise<void> {
  await octokit.rest.pulls.createReplyForReviewComment({ ...target, pull_number: pull, comment_id: commentId, body });
}

export async function pullMergeable(octokit: Octokit, target: Target, number: number): Promise<boolean | null> {
  const { data } = await octokit.rest.pulls.get({ ...target, pull_number: number });
  return data.mergeable;
}
