import { createCommit, getCommit } from "./commits.ts";
import { createTree } from "./create-tree.ts";
import { GitInvalidRefNameError } from "./errors.ts";
import { writeBlobs } from "./objects.ts";
import { branchRefName } from "./ref-names.ts";
import { createRef, readRef, updateRef } from "./refs.ts";
import type { GitRunner } from "./run-git.ts";
import type { SeedFile, SeedOptions, TreeEntryInput } from "./types.ts";
import { decodeContent } from "./validation.ts";

async function seedEntries(git: GitRunner, files: Readonly<Record<string, SeedFile>>): Promise<TreeEntryInput[]> {
  const normalized = Object.entries(files).map(([path, file]) => {
    const { content, mode = "100644", encoding = "utf-8" } = typeof file === "string" ? { content: file } : file;
    return { path, mode, bytes: decodeContent(content, encoding) };
  });
  const shas = await writeBlobs(
    git,
    normalized.map((file) => file.bytes),
  );
  return normalized.map(({ path, mode }, index) => ({ path, mode, type: "blob", sha: shas[index] ?? "" }));
}

/**
 * Commits `files` on `branch`: the first commit of a new branch, or a commit on top of the
 * existing tip that adds or overwrites those paths and keeps the others.
 */
export async function seedBranch(
  git: GitRunner,
  files: Readonly<Record<string, SeedFile>>,
  options: SeedOptions,
  now: Date,
): Promise<string> {
  const ref = branchRefName(options.branch);
  if (ref === null) throw new GitInvalidRefNameError(options.branch);
  const tip = await readRef(git, ref);
  const baseTree = tip === null ? undefined : (await getCommit(git, tip)).tree;
  const tree = await createTree(git, await seedEntries(git, files), baseTree);
  const commit = await createCommit(
    git,
    { message: options.message, tree, parents: tip === null ? [] : [tip], author: options.author, committer: options.committer },
    now,
  );
  if (tip === null) await createRef(git, ref, commit);
  else await updateRef(git, ref, commit, { force: false });
  return commit;
}
