import { constants } from "node:fs";
import { lchown, lstat, mkdir, open, realpath, unlink } from "node:fs/promises";
import { join, relative, isAbsolute } from "node:path";
import type { FileChange } from "../../ports/github.ts";
import { ChecksError } from "../../ports/checks.ts";
import { unsafePathReason } from "../../plan/safe-path.ts";

function refused(path: string, reason: string): ChecksError {
  return new ChecksError("io", `the path ${JSON.stringify(path)} ${reason}`);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The real folder that holds `path` inside `root` (a real path), following links only while they
 * stay inside it; missing folders are made (and given to `uid`) when `make`, else null.
 */
async function parentFolder(root: string, path: string, make: boolean, uid: number | null): Promise<string | null> {
  let folder = root;
  for (const name of path.split("/").slice(0, -1)) {
    const next = join(folder, name);
    const info = await lstat(next).catch(() => null);
    if (info === null) {
      if (!make) return null;
      await mkdir(next);
      if (uid !== null) await lchown(next, uid, uid);
      folder = next;
    } else if (info.isSymbolicLink()) {
      const target = await realpath(next).catch(() => null);
      if (target === null || !inside(root, target)) throw refused(path, "goes through a link that leaves the working copy");
      folder = target;
    } else if (info.isDirectory()) folder = next;
    else throw refused(path, `goes through ${JSON.stringify(name)}, which is not a folder`);
  }
  return folder;
}

async function writeOne(root: string, change: FileChange, uid: number | null): Promise<void> {
  const reason = unsafePathReason(change.path);
  if (reason !== undefined) throw refused(change.path, reason);
  if (change.path === ".git" || change.path.startsWith(".git/")) throw refused(change.path, "is git's own");
  const folder = await parentFolder(root, change.path, change.content !== null, uid);
  if (folder === null) return;
  const target = join(folder, change.path.slice(change.path.lastIndexOf("/") + 1));
  const info = await lstat(target).catch(() => null);
  if (info?.isDirectory()) throw refused(change.path, "is a folder");
  // A link at the path is replaced by the file, as a commit of the file would replace it.
  if (info !== null && (change.content === null || info.isSymbolicLink())) await unlink(target);
  if (change.content === null) return;
  const file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    await file.writeFile(change.content, "utf8");
  } finally {
    await file.close();
  }
  if (uid !== null) await lchown(target, uid, uid);
}

/**
 * Writes the changes (null content: deletes the file) into the work tree at `root`, never outside
 * it: paths are plain relative paths, and a link on the way may only lead within the working copy.
 * Files and folders made are given to `uid` when the sandbox runs as another user.
 */
export async function writeChanges(root: string, changes: readonly FileChange[], uid: number | null): Promise<void> {
  const realRoot = await realpath(root);
  for (const change of changes) {
    try {
      await writeOne(realRoot, change, uid);
    } catch (error) {
      if (error instanceof ChecksError) throw error;
      throw new ChecksError("io", `writing ${JSON.stringify(change.path)} failed: ${String(error)}`, { cause: error });
    }
  }
}
