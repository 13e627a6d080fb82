import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs `work` with the path of a fresh, not yet existing index file in its own temporary
 * directory, so concurrent calls never share an index or its lock file.
 */
export async function withTempIndex<T>(work: (indexFile: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "sandbox-git-index-"));
  try {
    return await work(join(dir, "index"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
