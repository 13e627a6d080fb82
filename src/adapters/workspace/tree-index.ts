/** One file of a revision's tree. */
interface TreeFile {
  oid: string;
  mode: string;
}

/** A revision's files by path (blobs only: submodules are not files of this repository), and their sorted paths. */
export interface TreeIndex {
  files: ReadonlyMap<string, TreeFile>;
  paths: readonly string[];
}

const ENTRY = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40,64})\t([\s\S]+)$/;

/** Reads the output of `git ls-tree -r -z <commit>`. */
export function parseTree(output: string): TreeIndex {
  const files = new Map<string, TreeFile>();
  for (const record of output.split("\0")) {
    const match = ENTRY.exec(record);
    if (!match || match[2] !== "blob") continue;
    const [, mode = "", , oid = "", path = ""] = match;
    files.set(path, { oid, mode });
  }
  return { files, paths: [...files.keys()].sort() };
}
