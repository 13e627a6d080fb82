import { lsTree } from "./ls-tree.ts";
import { requireObjects, writeBlobs, type ObjectExpectation } from "./objects.ts";
import type { GitRunner } from "./run-git.ts";
import { withTempIndex } from "./temp-dir.ts";
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
  const parsed = entries.map(parseTreeEntry);
  await requireObjects(git, [...baseExpectation(base), ...referencedObjects(parsed)]);
  const operations = await writeInlineBlobs(git, parsed);
  const baseState: IndexState = base === undefined ? new Map<string, IndexEntry>() : await indexState(git, base);
  const subtrees = await subtreeStates(git, operations);
  const target = applyTreeOperations(baseState, operations, subtrees);
  return writeTree(git, base, indexInfoRecords(baseState, target));
}

function baseExpectation(base: string | undefined): ObjectExpectation[] {
  return base === undefined ? [] : [{ sha: base, type: "tree", message: `base_tree ${base} is not a valid tree` }];
}

/** Every `sha` must name an object of the entry's type; gitlinks may point outside the repository. */
function referencedObjects(operations: readonly TreeOperation[]): ObjectExpectation[] {
  return operations.flatMap((operation): ObjectExpectation[] => {
    if (operation.kind === "subtree") {
      return [{ sha: operation.sha, type: "tree", message: `tree.sha ${operation.sha} is not a valid tree` }];
    }
    if (operation.kind === "put" && operation.mode !== "160000") {
      return [{ sha: operation.sha, type: "blob", message: `tree.sha ${operation.sha} is not a valid blob` }];
    }
    return [];
  });
}

async function writeInlineBlobs(git: GitRunner, operations: readonly TreeOperation[]): Promise<TreeOperation[]> {
  const inline = operations.flatMap((operation) => (operation.kind === "inline" ? [operation] : []));
  const shas = await writeBlobs(
    git,
    inline.map((operation) => Buffer.from(operation.content, "utf8")),
  );
  const written = new Map(inline.map((operation, index) => [operation, shas[index] ?? ""]));
  return operations.map((operation) =>
    operation.kind === "inline"
      ? { kind: "put", path: operation.path, mode: operation.mode, sha: written.get(operation) ?? "" }
      : operation,
  );
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
