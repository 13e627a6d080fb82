import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every folder that holds a tracked file, at any depth. */
function trackedFolders(tracked: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of tracked) {
    for (let cut = path.lastIndexOf("/"); cut > 0; cut = path.lastIndexOf("/", cut - 1)) folders.add(path.slice(0, cut));
  }
  return folders;
}

/**
 * What a command created in a work tree that git does not track (`node_modules`, `.venv`,
 * `packages/a/node_modules`): the top of each untracked folder, or the untracked file, sorted.
 * Found from the commit's files, never by running git in a folder a command could have changed;
 * links are not followed. The work tree's `.git` file is left out.
 */
export async function untrackedPaths(root: string, tracked: readonly string[]): Promise<string[]> {
  const files = new Set(tracked);
  const folders = trackedFolders(tracked);
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (path === ".git" || files.has(path)) continue;
      if (entry.isDirectory() && folders.has(path)) await walk(path);
      else found.push(path);
    }
  };
  await walk("");
  return found.sort();
}
