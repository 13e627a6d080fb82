import type { GitRunner } from "./run-git.ts";
import type { TreeEntryMode, TreeItem } from "./types.ts";

export interface LsTreeOptions {
  recursive?: boolean;
  /** With `recursive`, also list the trees themselves (GitHub's recursive listing does). */
  includeTrees?: boolean;
  /** Restrict to one literal path (its entry, not its contents). */
  path?: string;
}

/**
 * `git ls-tree -z -l` of a tree-ish, parsed. Paths are relative to the root of the tree.
 * Sizes are present for blobs only.
 */
export async function lsTree(git: GitRunner, treeish: string, options: LsTreeOptions = {}): Promise<TreeItem[]> {
  const args = ["ls-tree", "-z", "-l", "--full-tree"];
  if (options.recursive === true) args.push("-r");
  if (options.recursive === true && options.includeTrees === true) args.push("-t");
  args.push(treeish);
  if (options.path !== undefined) args.push("--", options.path);
  return parseLsTree(await git.text(args));
}

function parseLsTree(output: string): TreeItem[] {
  const items: TreeItem[] = [];
  for (const record of output.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
    const item: TreeItem = {
      path: record.slice(tab + 1),
      mode: mode as TreeEntryMode,
      type: type as TreeItem["type"],
      sha: sha ?? "",
    };
    if (type === "blob" && size !== undefined && size !== "-") item.size = Number(size);
    items.push(item);
  }
  return items;
}
