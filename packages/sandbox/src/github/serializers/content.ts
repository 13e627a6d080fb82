import type { DirectoryEntry, FileContent } from "../git/types.ts";
import type { Repository } from "../state/types.ts";
import { wrappedBase64, type GitView } from "./git.ts";
import { repositoryFullName } from "./repository.ts";
import { repoApi, repoHtml } from "./urls.ts";

/** Files above this size come back without content, as GitHub's contents API does. */
const MAX_INLINE_BYTES = 1024 * 1024;

type ContentType = "file" | "dir" | "symlink" | "submodule";

interface ContentEntry {
  path: string;
  sha: string;
  size: number;
  type: ContentType;
}

const encodePath = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The fields every contents-API entry has: addresses at `ref`, and `_links`. */
function contentBase(view: GitView, repo: Repository, ref: string, entry: ContentEntry): Record<string, unknown> {
  const fullName = repositoryFullName(repo);
  const path = encodePath(entry.path);
  const url = `${repoApi(view.urls, fullName)}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl =
    entry.type === "dir"
      ? `${repoApi(view.urls, fullName)}/git/trees/${entry.sha}`
      : entry.type === "submodule"
        ? null
        : `${repoApi(view.urls, fullName)}/git/blobs/${entry.sha}`;
  const htmlUrl = `${repoHtml(view.urls, fullName)}/${entry.type === "dir" ? "tree" : "blob"}/${ref}/${path}`;
  const downloadUrl = entry.type === "file" || entry.type === "symlink" ? `${repoHtml(view.urls, fullName)}/raw/${ref}/${path}` : null;
  return {
    name: nameOf(entry.path),
    path: entry.path,
    sha: entry.sha,
    size: entry.size,
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: downloadUrl,
    type: entry.type,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

function entryType(entry: DirectoryEntry): ContentType {
  if (entry.type === "tree") return "dir";
  if (entry.type === "commit") return "submodule";
  return entry.mode === "120000" ? "symlink" : "file";
}

/** `GET /contents/{dir}`: one entry per child, without content. */
export function serializeDirectory(view: GitView, repo: Repository, ref: string, entries: DirectoryEntry[]): Record<string, unknown>[] {
  return entries.map((entry) =>
    contentBase(view, repo, ref, { path: entry.path, sha: entry.sha, size: entry.size, type: entryType(entry) }),
  );
}

/** `GET /contents/{file}`: base64 content (or `target` for a symlink). */
export function serializeFile(view: GitView, repo: Repository, ref: string, path: string, file: FileContent): Record<string, unknown> {
  const size = file.content.length;
  if (file.mode === "120000") {
    return { ...contentBase(view, repo, ref, { path, sha: file.sha, size, type: "symlink" }), target: file.content.toString("utf8") };
  }
  const inline = size <= MAX_INLINE_BYTES;
  return {
    ...contentBase(view, repo, ref, { path, sha: file.sha, size, type: "file" }),
    content: inline ? wrappedBase64(file.content) : "",
    encoding: inline ? "base64" : "none",
  };
}

/** `GET /contents/{submodule}`. */
export function serializeSubmodule(view: GitView, repo: Repository, ref: string, path: string, sha: string): Record<string, unknown> {
  return { ...contentBase(view, repo, ref, { path, sha, size: 0, type: "submodule" }), submodule_git_url: "" };
}
