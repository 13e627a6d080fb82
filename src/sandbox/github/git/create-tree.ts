import { GitObjectNotFoundError } from "./errors.ts";
import { lsTree } from "./ls-tree.ts";
import { objectTypes, requireObject, writeBlob } from "./objects.ts";
import type { GitRunner } from "./run-git.ts";
import { withTempIndex } from "./temp-index.ts";
import {
  applyTreeOperations,
  indexInfoRecords,
  parseTreeEntry,
  type IndexEntry,
  type IndexState,
  type TreeOperation,
} from "./tree-entries.ts";
import type { TreeEntryInput } from "./types.ts";
import { requireSha } from "./validation.ts";

/**
 * `POST /repos/{owner}/{repo}/git/trees`: applies `entries` on top of `baseTree` (or on an
 * empty tree) through a temporary index, and returns the SHA of the written tree.
 */
export async function createTree(git: GitRunner, entries: readonly TreeEntryInput[], baseTree?: string): Promise<string> {
  const base = baseTree === undefined ? undefined : requireSha(baseTree, "base_tree");
  if (base !== undefined) await requireObject(git, base, "tree");
  const parsed = entries.map(parseTreeEntry);
  await verifyReferencedObjects(git, parsed);
  const operations = await writeInlineBlobs(git, parsed);
  const baseState: IndexState = base === undefined ? new Map<string, IndexEntry>() : await indexState(git, base);
  const subtrees = await subtreeStates(git, operations);
  const target = applyTreeOperations(baseState, operations, subtrees);
  return writeTree(git, base, indexInfoRecords(baseState, target));
}

const EXPECTED_TYPE: Readonly<Record<string, "blob" | "tree">> = { put: "blob", subtree: "tree" };

/** Every `sha` must name an object of the entry's type; gitlinks may point outside the repository. */
async function verifyReferencedObjects(git: GitRunner, operations: readonly TreeOperation[]): Promise<void> {
  const checked = operations.filter(
    (operation): operation is Extract<TreeOperation, { sha: string }> =>
      (operation.kind === "put" && operation.mode !== "160000") || operation.kind === "subtree",
  );
  const types = await objectTypes(git, checked.map((operation) => operation.sha));
  for (const operation of checked) {
    const expected = EXPECTED_TYPE[operation.kind] ?? "blob";
    if (types.get(operation.sha) !== expected) {
      throw new GitObjectNotFoundError(operation.sha, expected, `tree.sha ${operation.sha} is not a valid ${expected}`);
    }
  }
}

async function writeInlineBlobs(git: GitRunner, operations: readonly TreeOperation[]): Promise<TreeOperation[]> {
  const written: TreeOperation[] = [];
  for (const operation of operations) {
    if (operation.kind !== "inline") {
      written.push(operation);
      continue;
    }
    const sha = await writeBlob(git, Buffer.from(operation.content, "utf8"));
    written.push({ kind: "put", path: operation.path, mode: operation.mode, sha });
  }
  return written;
}

/** The blobs and gitlinks of a tree, keyed by path, as `read-tree` would load them. */
async function indexState(git: GitRunner, tree: string): Promise<IndexState> {
  const items = await lsTree(git, tree, { recursive: true });
  return new Map(items.map((item) => [item.path, { mode: item.mode, sha: item.sha }]));
}

async function subtreeStates(git: GitRunner, operations: readonly TreeOperation[]): Promise<Map<string, IndexState>> {
  const states = new Map<string, IndexState>();
  for (const operation of operations) {
    if (operation.kind === "subtree" && !states.has(operation.sha)) {
      states.set(operation.sha, await indexState(git, operation.sha));
    }
  }
  return states;
}

async function writeTree(git: GitRunner, base: string | undefined, records: string): Promise<string> {
  return withTempIndex(async (indexFile) => {
    const env = { GIT_INDEX_FILE: indexFile };
    if (base !== undefined) await git.text(["read-tree", base], { env });
    if (records !== "") {
      await git.text(["update-index", "--add", "--replace", "-z", "--index-info"], { env, input: records });
    }
    return (await git.text(["write-tree"], { env })).trim();
  });
}
