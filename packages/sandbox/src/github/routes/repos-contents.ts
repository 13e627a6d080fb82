import { repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import { rawMediaType, type RawMediaType } from "../media-types.ts";
import { serializeDirectory, serializeFile, serializeSubmodule } from "../serializers/content.ts";

const SYMLINK_MODE = "120000";

/**
 * `GET /contents/{path}?ref=`: a file (base64, or its raw bytes when asked for with
 * `application/vnd.github.raw`), a symlink, a submodule, or a directory listing.
 */
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
  const raw = rawMediaType(context.accept);
  if (raw !== null && file.mode !== SYMLINK_MODE) return rawFile(file.content, raw);
  return { body: serializeFile(view, repo, ref, path, file) };
}

/**
 * A file's bytes as they are, whatever its size, for a raw media type. Directories and submodules
 * keep their JSON answer, as on GitHub; a symlink does too, since the sandbox does not follow it.
 */
function rawFile(content: Buffer, raw: RawMediaType): RouteResult {
  return { body: content, headers: { "content-type": `${raw.contentType}; charset=utf-8`, "x-github-media-type": raw.githubMediaType } };
}
