import { chmod, lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/** Gives the owner write and search permission on every folder under `path` (never following a link), so that it can be deleted. */
async function openFolders(path: string): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isDirectory()) return;
  await chmod(path, 0o700).catch(() => undefined);
  for (const name of await readdir(path).catch(() => [])) await openFolders(join(path, name));
}

/**
 * Deletes a folder and everything in it, never following a symbolic link. A folder made read-only
 * by what ran in it (which stops a user other than root) is opened first and the deletion tried again.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch {
    await openFolders(path);
    await rm(path, { recursive: true, force: true });
  }
}
