import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GitCheckoutError } from "./errors.ts";
import { requireCommit } from "./resolve.ts";
import type { GitRunner } from "./run-git.ts";
import { withTempIndex } from "./temp-dir.ts";
import type { TempCheckout } from "./types.ts";

async function requireEmptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.length > 0) throw new GitCheckoutError(dir, `Cannot check out into ${dir}: the directory is not empty`);
}

/**
 * Writes the files of a commit into an empty (or missing) directory: executable bits and
 * symlinks as recorded, no `.git`, no line-ending conversion. Submodules become empty directories.
 */
export async function checkoutCommit(git: GitRunner, refOrSha: string, dir: string): Promise<void> {
  const commit = await requireCommit(git, refOrSha);
  const target = resolve(dir);
  await requireEmptyDirectory(target);
  await withTempIndex(async (indexFile) => {
    await git.text(["read-tree", "--reset", "-u", commit], { env: { GIT_INDEX_FILE: indexFile }, workTree: target });
  });
}

/** A checkout in a fresh directory under the OS temporary directory, removed by `dispose`. */
export async function createTempCheckout(git: GitRunner, refOrSha: string): Promise<TempCheckout> {
  const dir = await mkdtemp(join(tmpdir(), "sandbox-checkout-"));
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await checkoutCommit(git, refOrSha, dir);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}
