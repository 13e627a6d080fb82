import { lstat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { WorkTree } from "../../ports/workspace.ts";
import { WorkspaceError } from "../../ports/workspace.ts";
import { SMALL_OUTPUT_BYTES, type WorkspaceLimits } from "./limits.ts";
import type { LocalRepo } from "./local-repo.ts";
import { removeTree } from "./remove-tree.ts";

interface CheckoutOptions {
  repo: LocalRepo;
  sha: string;
  dir: string;
  token: () => Promise<string>;
  limits: WorkspaceLimits;
  /** The cache's folder: no work tree goes inside it (eviction moves and deletes what is there). */
  cacheRoot: string;
  /** Called after the checkout fetched something (the cache grew). */
  fetched: () => Promise<void>;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Why `dir` cannot receive a work tree, or undefined. */
async function unusableDir(dir: string, cacheRoot: string): Promise<string | undefined> {
  if (!isAbsolute(dir)) return `${JSON.stringify(dir)} is not an absolute path`;
  if (inside(cacheRoot, dir)) return `${JSON.stringify(dir)} is inside the workspace cache`;
  if (await lstat(dir).catch(() => null)) return `${JSON.stringify(dir)} exists already`;
  return undefined;
}

/**
 * Checks `sha` out into `dir` as a git work tree of the cached repository: the commit and every
 * blob of its tree fetched first (one request), git's lazy fetch of a missing blob as a fallback.
 * The repository counts as in use until the work tree is removed.
 */
export async function checkoutWorktree(options: CheckoutOptions): Promise<WorkTree> {
  const { repo, sha, token } = options;
  const dir = resolve(options.dir);
  const problem = await unusableDir(options.dir, options.cacheRoot);
  if (problem !== undefined) throw new WorkspaceError("invalid_input", "checkout", repo.git.repository, problem);
  const release = repo.holdForWorktree();
  try {
    await repo.use(async () => {
      if (await repo.ensureCommit(sha, token)) await options.fetched();
      const blobs = [...(await repo.tree(sha)).files.values()].map((file) => file.oid);
      if (await repo.prefetch(sha, blobs, token)) await options.fetched();
      await repo.git.run(["worktree", "add", "--quiet", "--detach", dir, sha], {
        operation: "checkout",
        token: await token(),
        timeoutMs: options.limits.fetchTimeoutMs,
        maxBytes: SMALL_OUTPUT_BYTES,
        fetching: true,
      });
    });
  } catch (error) {
    await removeTree(dir).catch(() => undefined);
    release();
    throw error;
  }
  return { dir, remove: once(() => removeWorktree(repo, dir, options.limits, release)) };
}

/**
 * Deletes the work tree's folder, then has git forget it (`worktree prune`). Not `git worktree
 * remove`: what ran in the folder could rewrite its `.git` file, and git must never act on a
 * folder it no longer controls.
 */
async function removeWorktree(repo: LocalRepo, dir: string, limits: WorkspaceLimits, release: () => void): Promise<void> {
  try {
    await removeTree(dir);
    await repo.use(() =>
      repo.git.run(["worktree", "prune"], {
        operation: "checkout",
        token: null,
        timeoutMs: limits.readTimeoutMs,
        maxBytes: SMALL_OUTPUT_BYTES,
      }),
    );
  } finally {
    release();
  }
}

function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= work());
}
