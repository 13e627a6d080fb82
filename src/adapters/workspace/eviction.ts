import { mkdirSync, renameSync } from "node:fs";
import { lstat, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { LAST_USED_FILE } from "./local-repo.ts";

/** A repository of the cache as found on disk. */
export interface CachedRepo {
  /** `owner/repo.git`, the key of the cache's in-memory repositories. */
  key: string;
  gitDir: string;
  bytes: number;
  /** Its last use as the disk remembers it (ms since the epoch). */
  usedAt: number;
}

/** Where evicted repositories wait to be deleted; not a repository of the cache. */
const TRASH_DIR = ".trash";

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Bytes of every file under `path`. */
async function diskBytes(path: string): Promise<number> {
  const info = await lstat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await entries(path)) total += await diskBytes(join(path, name));
  return total;
}

async function usedAt(gitDir: string): Promise<number> {
  const marker = await stat(join(gitDir, LAST_USED_FILE)).catch(() => null);
  if (marker) return marker.mtimeMs;
  return (await stat(gitDir).catch(() => null))?.mtimeMs ?? 0;
}

/** The repositories under the cache's root (`<owner>/<repo>.git`), with their size and last use. */
export async function cachedRepos(root: string): Promise<CachedRepo[]> {
  const repos: CachedRepo[] = [];
  for (const owner of await entries(root)) {
    if (owner === TRASH_DIR) continue;
    for (const name of await entries(join(root, owner))) {
      if (!name.endsWith(".git")) continue;
      const gitDir = join(root, owner, name);
      repos.push({ key: `${owner}/${name}`, gitDir, bytes: await diskBytes(gitDir), usedAt: await usedAt(gitDir) });
    }
  }
  return repos;
}

/**
 * Which repositories to evict, least recently used first, until the cache fits in `maxBytes`;
 * `kept` repositories (in use) are never chosen, even if the cache then stays over its cap.
 */
export function chooseEvictions(repos: readonly CachedRepo[], maxBytes: number, kept: (key: string) => boolean): CachedRepo[] {
  let total = repos.reduce((sum, repo) => sum + repo.bytes, 0);
  const chosen: CachedRepo[] = [];
  for (const repo of [...repos].sort((a, b) => a.usedAt - b.usedAt)) {
    if (total <= maxBytes) break;
    if (kept(repo.key)) continue;
    chosen.push(repo);
    total -= repo.bytes;
  }
  return chosen;
}

/**
 * Moves a repository out of the cache at once, synchronously: between the caller's check that
 * nobody uses it and the move, no read can start. Returns where it went, to be deleted after.
 */
export function moveToTrash(root: string, gitDir: string): string {
  const trash = join(root, TRASH_DIR, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(root, TRASH_DIR), { recursive: true });
  renameSync(gitDir, trash);
  return trash;
}

/** Deletes what eviction moved aside (and what a crash left there). */
export async function emptyTrash(root: string): Promise<void> {
  await rm(join(root, TRASH_DIR), { recursive: true, force: true });
}
