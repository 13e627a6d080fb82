import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import type { CommentPosition } from "../serializers/review.ts";
import type { PullRequest, Repository, ReviewComment } from "../state/types.ts";
import { currentBaseSha } from "./pulls-stats.ts";
import { anchorOf, diffHunkFor, findDiffLine, lineAtPosition, parsePatch, type DiffSide, type ParsedPatch } from "./reviews-diff.ts";

/** Why a review comment cannot be placed: its file or its line is not in the pull request's diff. */
export class ReviewThreadError extends Error {
  readonly reason: "path" | "line";

  constructor(reason: "path" | "line") {
    super(
      reason === "path"
        ? "Pull request review thread path is invalid and Pull request review thread diff hunk can't be blank"
        : "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
    );
    this.name = "ReviewThreadError";
    this.reason = reason;
  }
}

/** Where a new comment asks to be: a line and side, or a (deprecated) diff position. */
export interface CommentTarget {
  path: string;
  line?: number | undefined;
  side?: DiffSide | undefined;
  position?: number | undefined;
}

export interface CommentAnchor {
  path: string;
  line: number;
  side: DiffSide;
  position: number;
  diffHunk: string;
}

/** Each changed file's parsed patch in the pull request as of `commitId` (merge base to commit). */
export async function pullPatches(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  commitId: string,
): Promise<Map<string, ParsedPatch>> {
  const base = await currentBaseSha(core, repo, pull);
  try {
    const comparison = await repo.git.compare(base, commitId);
    return new Map(comparison.files.map((file) => [file.filename, parsePatch(file.patch ?? "")]));
  } catch (error) {
    if (error instanceof GitError) return new Map();
    throw error;
  }
}

/** Places a comment on the diff, or throws `ReviewThreadError` as GitHub refuses it. */
export function anchorComment(patches: Map<string, ParsedPatch>, target: CommentTarget): CommentAnchor {
  const patch = patches.get(target.path);
  if (!patch) throw new ReviewThreadError("path");
  const entry =
    target.line !== undefined
      ? findDiffLine(patch, target.line, target.side ?? "RIGHT")
      : target.position !== undefined
        ? lineAtPosition(patch, target.position)
        : undefined;
  if (!entry) throw new ReviewThreadError("line");
  return { path: target.path, ...anchorOf(entry), position: entry.position, diffHunk: diffHunkFor(patch, entry) };
}

function positionIn(patch: ParsedPatch | undefined, comment: ReviewComment): number | null {
  if (!patch || comment.line === null) return null;
  return findDiffLine(patch, comment.line, comment.side)?.position ?? null;
}

/**
 * `position`/`original_position` of review comments: where each sits in the diff of its commit,
 * and `position: null` when the file's diff has changed since (the comment is outdated).
 */
export async function commentPositions(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  comments: ReviewComment[],
): Promise<Map<number, CommentPosition>> {
  const byCommit = new Map<string, Map<string, ParsedPatch>>();
  const patchesAt = async (sha: string): Promise<Map<string, ParsedPatch>> => {
    const known = byCommit.get(sha);
    if (known) return known;
    const patches = await pullPatches(core, repo, pull, sha);
    byCommit.set(sha, patches);
    return patches;
  };
  const head = await patchesAt(pull.headSha);
  const positions = new Map<number, CommentPosition>();
  for (const comment of comments) {
    const original = (await patchesAt(comment.commitId)).get(comment.path);
    const originalPosition = positionIn(original, comment) ?? 1;
    const current = head.get(comment.path);
    const unchanged = current !== undefined && original !== undefined && current.text.join("\n") === original.text.join("\n");
    positions.set(comment.id, { position: unchanged ? originalPosition : null, originalPosition });
  }
  return positions;
}
