import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs `work` in a fresh directory under the OS temporary directory, removed afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "sandbox-git-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` with the path of a fresh, not yet existing index file in its own temporary
 * directory, so concurrent calls never share an index or its lock file.
 */
export async function withTempIndex<T>(work: (indexFile: string) => Promise<T>): Promise<T> {
  return withTempDir((dir) => work(join(dir, "index")));
}
