import { repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import { serializeDirectory, serializeFile, serializeSubmodule } from "../serializers/content.ts";

/** `GET /contents/{path}?ref=`: a file (base64), a symlink, a submodule, or a directory listing. */
export async function getContentRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const ref = context.query.get("ref") ?? repo.defaultBranch;
  const commit = await repo.git.resolve(ref);
  if (commit === null) throw new ApiError(404, `No commit found for the ref ${ref}`);
  const path = (context.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const item = await repo.git.stat(commit, path);
  if (item === null) throw notFound();
  const view = context.core;
  if (item.type === "tree") {
    const entries = (await repo.git.listDirectory(commit, path)) ?? [];
    return { body: serializeDirectory(view, repo, ref, entries) };
  }
  if (item.type === "commit") return { body: serializeSubmodule(view, repo, ref, path, item.sha) };
  const file = await repo.git.readFile(commit, path);
  if (file === null) throw notFound();
  return { body: serializeFile(view, repo, ref, path, file) };
}
