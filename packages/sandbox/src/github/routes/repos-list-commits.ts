import { paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { serializeCommit } from "../serializers/git.ts";

/** Filters of `GET /commits` the sandbox does not model: asked for, they are answered 501 rather than ignored. */
const UNMODELLED_FILTERS = ["path", "author", "committer", "since", "until"] as const;

/**
 * `GET /commits`: the commits reachable from `sha` (a branch, a tag or a commit; the default
 * branch when absent), newest first, paged like GitHub (30 a page, at most 100). Items carry no
 * `stats` or `files`, as in GitHub's listing.
 */
export async function listCommitsRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const filter = UNMODELLED_FILTERS.find((name) => context.query.has(name));
  if (filter !== undefined) throw new ApiError(501, `the sandbox does not filter commits by ${filter}`);
  const start = context.query.get("sha") ?? repo.defaultBranch;
  if ((await repo.git.resolve(start)) === null) throw new ApiError(404, `No commit found for SHA: ${start}`);
  const shas = await repo.git.history(start);
  const result = paged(context, shas);
  const page = result.body as string[];
  const commits = await Promise.all(page.map((sha) => repo.git.getCommit(sha)));
  return { ...result, body: commits.map((info) => serializeCommit(context.core, repo, info)) };
}
