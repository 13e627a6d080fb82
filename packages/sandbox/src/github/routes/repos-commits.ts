import { repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import { GitNoCommonAncestorError } from "../git/errors.ts";
import type { CommitInfo, FileChange } from "../git/types.ts";
import { serializeCommit, serializeComparison } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";
import { gitCall } from "./git-data-common.ts";

/** GitHub lists at most this many commits in a comparison. */
const MAX_COMPARE_COMMITS = 250;

/** Strips `owner:` from one side of a basehead when it names this repository's owner. */
function sideOf(repo: Repository, side: string): string | null {
  const separator = side.indexOf(":");
  if (separator === -1) return side;
  const owner = side.slice(0, separator);
  return owner.toLowerCase() === repo.owner.login.toLowerCase() ? side.slice(separator + 1) : null;
}

function parseBasehead(repo: Repository, basehead: string): { base: string; head: string } {
  const separator = basehead.indexOf("...");
  if (separator <= 0) throw notFound();
  const base = sideOf(repo, basehead.slice(0, separator));
  const head = sideOf(repo, basehead.slice(separator + 3));
  if (base === null || head === null || head === "") throw notFound();
  return { base, head };
}

/** `GET /compare/{base}...{head}`: three-dot comparison through the git backend. */
export async function compareRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const { base, head } = parseBasehead(repo, context.params.basehead ?? "");
  const [baseSha, headSha] = await Promise.all([repo.git.resolve(base), repo.git.resolve(head)]);
  if (baseSha === null || headSha === null) throw notFound();
  const comparison = await gitCall(
    () => repo.git.compare(baseSha, headSha),
    (error) =>
      error instanceof GitNoCommonAncestorError ? new ApiError(404, `No common ancestor between ${base} and ${head}.`) : undefined,
  );
  const [baseCommit, mergeBaseCommit, commits] = await Promise.all([
    repo.git.getCommit(baseSha),
    repo.git.getCommit(comparison.mergeBase),
    Promise.all(comparison.commits.slice(0, MAX_COMPARE_COMMITS).map((sha) => repo.git.getCommit(sha))),
  ]);
  const body = serializeComparison(context.core, repo, { base, head, headSha, baseCommit, mergeBaseCommit, commits, comparison });
  return { body };
}

const countLines = (content: Buffer): number => {
  if (content.length === 0) return 0;
  const text = content.toString("utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
};

/** The files a commit changed against its first parent (every file, added, for a root commit). */
export async function commitFiles(repo: Repository, info: CommitInfo): Promise<FileChange[]> {
  const parent = info.parents[0];
  if (parent !== undefined) return (await repo.git.compare(parent, info.sha)).files;
  const files = await repo.git.listFiles(info.sha);
  return Promise.all(
    files.map(async (file) => {
      const lines = countLines((await repo.git.readBlob(file.sha)).content);
      return { filename: file.path, status: "added" as const, additions: lines, deletions: 0, changes: lines, sha: file.sha };
    }),
  );
}

/** `GET /commits/{ref}`: the commit with stats and files. */
export async function getRepoCommitRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const ref = context.params.ref ?? "";
  const sha = await repo.git.resolve(ref);
  if (sha === null) throw new ApiError(422, `No commit found for SHA: ${ref}`);
  const info = await repo.git.getCommit(sha);
  return { body: serializeCommit(context.core, repo, info, await commitFiles(repo, info)) };
}
