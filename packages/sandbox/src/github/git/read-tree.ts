import { GitObjectNotFoundError } from "./errors.ts";
import { lsTree } from "./ls-tree.ts";
import { objectType } from "./objects.ts";
import { resolveCommit } from "./resolve.ts";
import type { GitRunner } from "./run-git.ts";
import type { DirectoryEntry, FileContent, FileEntry, FileMode, TreeItem, TreeListing } from "./types.ts";
import { isFullSha, normalizeLookupPath } from "./validation.ts";

async function treeOf(git: GitRunner, objectName: string): Promise<string> {
  return (await git.text(["rev-parse", "--verify", `${objectName}^{tree}`])).trim();
}

/** A tree SHA from a tree, commit or tag SHA, or from a ref name; `null` when none. */
async function resolveTree(git: GitRunner, shaOrRef: string): Promise<string | null> {
  if (isFullSha(shaOrRef)) {
    const sha = shaOrRef.toLowerCase();
    const type = await objectType(git, sha);
    if (type === "tree") return sha;
    if (type === null || type === "blob") return null;
    return treeOf(git, sha);
  }
  const commit = await resolveCommit(git, shaOrRef);
  return commit === null ? null : treeOf(git, commit);
}

/** `GET /git/trees/{tree_sha}`: the recursive form lists subtrees before their contents. */
export async function getTree(git: GitRunner, shaOrRef: string, options: { recursive?: boolean } = {}): Promise<TreeListing> {
  const sha = await resolveTree(git, shaOrRef);
  if (sha === null) throw new GitObjectNotFoundError(shaOrRef, "tree");
  const tree = await lsTree(git, sha, { recursive: options.recursive === true, includeTrees: true });
  return { sha, tree, truncated: false };
}

/** The tree entry at `path` in a commit (the root tree for ""), or `null`. */
export async function statPath(git: GitRunner, refOrSha: string, path: string): Promise<TreeItem | null> {
  const commit = await resolveCommit(git, refOrSha);
  if (commit === null) return null;
  const wanted = normalizeLookupPath(path);
  if (wanted === "") return { path: "", mode: "040000", type: "tree", sha: await treeOf(git, commit) };
  const items = await lsTree(git, commit, { path: wanted });
  return items.find((item) => item.path === wanted) ?? null;
}

/** A file's bytes in a commit; `null` when the commit or path is missing or names a directory. */
export async function readFile(git: GitRunner, refOrSha: string, path: string): Promise<FileContent | null> {
  const item = await statPath(git, refOrSha, path);
  if (item?.type !== "blob") return null;
  const content = await git.bytes(["cat-file", "blob", item.sha]);
  return { content, sha: item.sha, mode: item.mode as FileMode };
}

/** Every blob (regular file, executable or symlink) of a commit, by path. */
export async function listFiles(git: GitRunner, refOrSha: string): Promise<FileEntry[]> {
  const commit = await resolveCommit(git, refOrSha);
  if (commit === null) throw new GitObjectNotFoundError(refOrSha, "commit", `No commit found for ${refOrSha}`);
  const items = await lsTree(git, commit, { recursive: true });
  return items
    .filter((item) => item.type === "blob")
    .map((item) => ({ path: item.path, sha: item.sha, size: item.size ?? 0, mode: item.mode as FileMode }));
}

/** The entries of a directory, for the contents API; `null` when it is not a directory. */
export async function listDirectory(git: GitRunner, refOrSha: string, dirPath: string): Promise<DirectoryEntry[] | null> {
  const directory = await statPath(git, refOrSha, dirPath);
  if (directory?.type !== "tree") return null;
  const items = await lsTree(git, directory.sha);
  const prefix = directory.path === "" ? "" : `${directory.path}/`;
  return items.map((item) => ({
    name: item.path,
    path: `${prefix}${item.path}`,
    sha: item.sha,
    mode: item.mode,
    type: item.type,
    size: item.size ?? 0,
  }));
}
