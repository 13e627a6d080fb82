import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, realpath, rename, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { CommandRun } from "../../ports/checks.ts";
import type { WorkspaceRepo } from "../../ports/workspace.ts";
import { removeTree } from "../workspace/remove-tree.ts";
import { copyPaths } from "./host-commands.ts";

/** Results of a repository's setup kept, the most recently used first; older ones are deleted. */
const KEPT_PER_REPOSITORY = 3;
const RECORD = "setup.json";
const FILES = "files";

/** What a cached setup left: its run, and the paths it created (relative to the work tree's root). */
const SetupRecord = z.object({
  version: z.literal(1),
  run: z.object({
    end: z.enum(["exited", "timed_out", "output_limit", "error"]),
    exitCode: z.number().int().nullable(),
    output: z.string(),
    truncated: z.boolean(),
    durationMs: z.number(),
  }),
  paths: z.array(z.string()),
});
type SetupRecord = z.infer<typeof SetupRecord>;

/** The record's JSON, or null when it is not JSON (a record cut short is no result). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A cached setup result, found. */
export interface CachedSetup {
  run: CommandRun;
  paths: readonly string[];
  dir: string;
}

/**
 * Results of setup commands that succeeded, per repository and key (`<dir>/<owner>/<repo>/<key>`):
 * the files they created and their run. A repository never receives another's files.
 */
export class SetupCache {
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  async find(repo: WorkspaceRepo, key: string): Promise<CachedSetup | null> {
    const dir = this.entry(repo, key);
    const text = await readFile(join(dir, RECORD), "utf8").catch(() => null);
    if (text === null) return null;
    const parsed = SetupRecord.safeParse(parseJson(text));
    if (!parsed.success) return null;
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { run: parsed.data.run, paths: parsed.data.paths, dir };
  }

  /** Keeps `paths` of the work tree and the run under `key`; a result saved meanwhile by another open is kept instead. */
  async save(repo: WorkspaceRepo, key: string, work: string, paths: readonly string[], run: CommandRun): Promise<void> {
    const dir = this.entry(repo, key);
    const staging = `${dir}.${randomBytes(6).toString("hex")}.partial`;
    await mkdir(join(staging, FILES), { recursive: true, mode: 0o700 });
    try {
      await copyPaths(work, paths, join(staging, FILES));
      const record: SetupRecord = { version: 1, run, paths: [...paths] };
      await writeFile(join(staging, RECORD), JSON.stringify(record));
      await rename(staging, dir).catch(async (error: unknown) => {
        if (!(await stat(dir).catch(() => null))) throw error;
      });
    } finally {
      await removeTree(staging);
    }
    await this.prune(dirname(dir));
  }

  /**
   * Copies a cached result's files into a fresh work tree: each path only where nothing is there
   * yet and the folder above it is the work tree's own (no link leads it elsewhere).
   */
  async restore(found: CachedSetup, work: string): Promise<void> {
    const realWork = await realpath(work);
    const restorable: string[] = [];
    for (const path of found.paths) {
      if (await lstat(join(work, path)).catch(() => null)) continue;
      const parent = await realpath(dirname(join(realWork, path))).catch(() => null);
      if (parent === dirname(join(realWork, path))) restorable.push(path);
    }
    await copyPaths(join(found.dir, FILES), restorable, realWork);
  }

  private entry(repo: WorkspaceRepo, key: string): string {
    return join(this.root, encodeURIComponent(repo.owner.toLowerCase()), encodeURIComponent(repo.repo.toLowerCase()), key);
  }

  private async prune(repoDir: string): Promise<void> {
    const names = (await readdir(repoDir)).filter((name) => !name.endsWith(".partial"));
    const dated = await Promise.all(
      names.map(async (name) => ({ name, at: (await stat(join(repoDir, name)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    for (const old of dated.sort((a, b) => b.at - a.at).slice(KEPT_PER_REPOSITORY)) await removeTree(join(repoDir, old.name));
  }
}
