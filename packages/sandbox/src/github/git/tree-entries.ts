import { GitTreeError } from "./errors.ts";
import type { TreeEntryInput } from "./types.ts";
import { isFullSha, requireTreePath } from "./validation.ts";

/** A blob or gitlink as the index holds it. */
export interface IndexEntry {
  mode: string;
  sha: string;
}

export type IndexState = Map<string, IndexEntry>;

/** A validated tree entry: what to do at one path. */
export type TreeOperation =
  | { kind: "put"; path: string; mode: string; sha: string }
  | { kind: "inline"; path: string; mode: string; content: string }
  | { kind: "subtree"; path: string; sha: string }
  | { kind: "delete"; path: string };

const TYPE_OF_MODE: Readonly<Record<string, TreeEntryInput["type"]>> = {
  "100644": "blob",
  "100755": "blob",
  "120000": "blob",
  "040000": "tree",
  "160000": "commit",
};

/** Validates one `tree[]` element the way GitHub does and turns it into an operation. */
export function parseTreeEntry(entry: TreeEntryInput): TreeOperation {
  const path = requireTreePath(entry.path);
  const expectedType = TYPE_OF_MODE[entry.mode];
  if (expectedType === undefined) throw new GitTreeError(path, `tree.mode "${entry.mode}" is not a valid mode`);
  if (expectedType !== entry.type) {
    throw new GitTreeError(path, `tree.type "${entry.type}" does not match tree.mode "${entry.mode}" for ${path}`);
  }
  const hasSha = entry.sha !== undefined && entry.sha !== null;
  if (hasSha && entry.content !== undefined) {
    throw new GitTreeError(path, `tree.sha and tree.content are mutually exclusive for ${path}`);
  }
  if (entry.sha === null) return { kind: "delete", path };
  if (entry.content !== undefined) {
    if (entry.type !== "blob") throw new GitTreeError(path, `tree.content is only allowed for blobs (${path})`);
    return { kind: "inline", path, mode: entry.mode, content: entry.content };
  }
  if (entry.sha === undefined) throw new GitTreeError(path, `Must supply either tree.sha or tree.content for ${path}`);
  if (!isFullSha(entry.sha)) throw new GitTreeError(path, `tree.sha ${entry.sha} is not a valid SHA for ${path}`);
  const sha = entry.sha.toLowerCase();
  return entry.type === "tree" ? { kind: "subtree", path, sha } : { kind: "put", path, mode: entry.mode, sha };
}

/** Removes `path`, everything below it and any file standing where one of its parent directories must go. */
function clearPath(state: IndexState, path: string): void {
  state.delete(path);
  const prefix = `${path}/`;
  for (const key of [...state.keys()]) if (key.startsWith(prefix)) state.delete(key);
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
    state.delete(path.slice(0, slash));
  }
}

function deletePath(state: IndexState, path: string): void {
  const prefix = `${path}/`;
  const present = state.has(path) || [...state.keys()].some((key) => key.startsWith(prefix));
  if (!present) throw new GitTreeError(path, `Cannot delete ${path}: the path does not exist in base_tree`);
  clearPath(state, path);
}

/**
 * Applies operations in order to a copy of the base index state.
 * `subtrees` maps a tree SHA to its recursive blob/gitlink listing; `inline` operations must
 * have been turned into `put` operations already.
 */
export function applyTreeOperations(
  base: IndexState,
  operations: readonly TreeOperation[],
  subtrees: ReadonlyMap<string, IndexState>,
): IndexState {
  const state: IndexState = new Map(base);
  for (const operation of operations) applyTreeOperation(state, operation, subtrees);
  return state;
}

function applyTreeOperation(state: IndexState, operation: TreeOperation, subtrees: ReadonlyMap<string, IndexState>): void {
  switch (operation.kind) {
    case "delete":
      deletePath(state, operation.path);
      return;
    case "put":
      clearPath(state, operation.path);
      state.set(operation.path, { mode: operation.mode, sha: operation.sha });
      return;
    case "subtree":
      clearPath(state, operation.path);
      for (const [path, entry] of subtrees.get(operation.sha) ?? new Map<string, IndexEntry>()) {
        state.set(`${operation.path}/${path}`, entry);
      }
      return;
    case "inline":
      throw new GitTreeError(operation.path, `inline content was not written for ${operation.path}`);
  }
}

/** `update-index -z --index-info` records turning `base` into `target`: removals first, then additions. */
export function indexInfoRecords(base: IndexState, target: IndexState): string {
  const records: string[] = [];
  for (const path of base.keys()) {
    if (!target.has(path)) records.push(`0 ${"0".repeat(40)}\t${path}`);
  }
  for (const [path, entry] of target) {
    const previous = base.get(path);
    if (previous?.mode !== entry.mode || previous.sha !== entry.sha) records.push(`${entry.mode} ${entry.sha}\t${path}`);
  }
  return records.map((record) => `${record}\0`).join("");
}
