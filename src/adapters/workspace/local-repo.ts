import { mkdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { WorkspaceError } from "../../ports/workspace.ts";
import type { GitRunner } from "./git-runner.ts";
import { SMALL_OUTPUT_BYTES, type WorkspaceLimits } from "./limits.ts";
import { Mutex } from "./mutex.ts";
import { parseTree, type TreeIndex } from "./tree-index.ts";

/** Where each fetched commit is kept, so that it stays and later fetches send it as common ground. */
const REVISION_REFS = "refs/foreman/revisions/";
/** A file in the repository whose time is its last use, so eviction knows the oldest after a restart. */
export const LAST_USED_FILE = "foreman-last-used";
const TOUCH_EVERY_MS = 60_000;
/** Tree listings kept in memory per repository. */
const TREES_KEPT = 8;

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function isFullSha(sha: string): boolean {
  return FULL_SHA.test(sha);
}

/**
 * One repository of the cache: a bare partial clone (`--filter=blob:none`, one commit deep per
 * revision) fetched one command at a time, read by any number of commands at once.
 */
export class LocalRepo {
  readonly git: GitRunner;
  readonly key: string;
  private readonly remote: string;
  private readonly limits: WorkspaceLimits;
  private readonly fetches = new Mutex();
  private readonly known = new Set<string>();
  private readonly trees = new Map<string, Promise<TreeIndex>>();
  private initialised: Promise<void> | null = null;
  private users = 0;
  /** Work trees checked out from this repository and not yet removed: their `.git` files point into it. */
  private worktrees = 0;
  private touchedAt = 0;
  private usedAt = 0;

  constructor(options: { key: string; git: GitRunner; remote: string; limits: WorkspaceLimits }) {
    this.key = options.key;
    this.git = options.git;
    this.remote = options.remote;
    this.limits = options.limits;
  }

  /** A command runs or waits on this repository, or a work tree of it exists: it must not be evicted. */
  get inUse(): boolean {
    return this.users > 0 || this.worktrees > 0 || this.fetches.busy;
  }

  /** Counts a work tree of this repository until the returned function is called (once is enough; more do nothing). */
  holdForWorktree(): () => void {
    this.worktrees += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.worktrees -= 1;
    };
  }

  /** When the repository was last used by this process (0: not yet). */
  get lastUsed(): number {
    return this.usedAt;
  }

  /** Counts `work` as a use of the repository while it runs. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    this.users += 1;
    try {
      await this.ensureInitialised();
      this.touch();
      return await work();
    } finally {
      this.users -= 1;
    }
  }

  /** The copy was evicted: the next use starts again from an empty repository. */
  forget(): void {
    this.initialised = null;
    this.known.clear();
    this.trees.clear();
    this.touchedAt = 0;
    this.usedAt = 0;
  }

  /** Fetches `sha` unless the copy has it; true when it fetched. One fetch at a time per repository. */
  async ensureCommit(sha: string, token: () => Promise<string>): Promise<boolean> {
    if (this.known.has(sha)) return false;
    return this.fetches.run(async () => {
      if (this.known.has(sha)) return false;
      const args = ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--recurse-submodules=no", "--filter=blob:none", "--depth=1"];
      await this.git.run([...args, "origin", `+${sha}:${REVISION_REFS}${sha}`], {
        operation: "fetch",
        token: await token(),
        timeoutMs: this.limits.fetchTimeoutMs,
        maxBytes: SMALL_OUTPUT_BYTES,
        fetching: true,
      });
      this.known.add(sha);
      return true;
    });
  }

  /** Fetches, in one request, those of `oids` the copy lacks (as git fetches a missing blob, but all at once). */
  async prefetch(sha: string, oids: readonly string[], token: () => Promise<string>): Promise<boolean> {
    return this.fetches.run(async () => {
      const missing = await this.missingBlobs(sha);
      const wanted = oids.filter((oid) => missing.has(oid));
      if (wanted.length === 0) return false;
      const args = ["-c", "fetch.negotiationAlgorithm=noop", "fetch", "--quiet", "origin", "--no-tags", "--no-write-fetch-head"];
      await this.git.run([...args, "--recurse-submodules=no", "--filter=blob:none", "--stdin"], {
        operation: "prefetch",
        token: await token(),
        timeoutMs: this.limits.fetchTimeoutMs,
        maxBytes: SMALL_OUTPUT_BYTES,
        fetching: true,
        input: `${[...new Set(wanted)].join("\n")}\n`,
      });
      return true;
    });
  }

  /** The files of a fetched commit (kept for the last few commits read). */
  tree(sha: string): Promise<TreeIndex> {
    const known = this.trees.get(sha);
    if (known) return known;
    const listed = this.git
      .run(["ls-tree", "-r", "-z", "--full-tree", sha], {
        operation: "paths",
        token: null,
        timeoutMs: this.limits.readTimeoutMs,
        maxBytes: this.limits.maxTreeBytes,
      })
      .then((result) => parseTree(result.stdout.toString("utf8")));
    listed.catch(() => this.trees.delete(sha));
    this.trees.set(sha, listed);
    if (this.trees.size > TREES_KEPT) this.trees.delete(this.trees.keys().next().value ?? sha);
    return listed;
  }

  /** Blobs of `sha`'s tree the partial clone has not fetched (found without fetching them). */
  private async missingBlobs(sha: string): Promise<Set<string>> {
    const result = await this.git.run(["rev-list", "--objects", "--missing=print", "--no-walk", sha], {
      operation: "prefetch",
      token: null,
      timeoutMs: this.limits.readTimeoutMs,
      maxBytes: this.limits.maxTreeBytes,
    });
    const lines = result.stdout.toString("utf8").split("\n");
    return new Set(lines.filter((line) => line.startsWith("?")).map((line) => line.slice(1).trim()));
  }

  private ensureInitialised(): Promise<void> {
    this.initialised ??= this.initialise().catch((error: unknown) => {
      this.initialised = null;
      throw error;
    });
    return this.initialised;
  }

  /** Creates the bare repository (or finds it again after a restart) and reads which commits it has. */
  private async initialise(): Promise<void> {
    await mkdir(this.git.gitDir, { recursive: true });
    const run = (args: string[]): Promise<unknown> =>
      this.git.run(args, { operation: "init", token: null, timeoutMs: this.limits.readTimeoutMs, maxBytes: SMALL_OUTPUT_BYTES });
    await run(["init", "--bare", "--quiet", "--template="]);
    await run(["config", "core.repositoryformatversion", "1"]);
    await run(["config", "extensions.partialClone", "origin"]);
    await run(["config", "remote.origin.url", this.remote]);
    await run(["config", "remote.origin.promisor", "true"]);
    await run(["config", "remote.origin.partialclonefilter", "blob:none"]);
    // Work trees a crash left behind (their folders deleted on start) are forgotten.
    await run(["worktree", "prune"]);
    const refs = await this.git.run(["for-each-ref", "--format=%(refname)", REVISION_REFS], {
      operation: "init",
      token: null,
      timeoutMs: this.limits.readTimeoutMs,
      maxBytes: this.limits.maxTreeBytes,
    });
    for (const ref of refs.stdout.toString("utf8").split("\n"))
      if (ref.startsWith(REVISION_REFS)) this.known.add(ref.slice(REVISION_REFS.length));
  }

  private touch(): void {
    const now = Date.now();
    this.usedAt = now;
    if (now - this.touchedAt < TOUCH_EVERY_MS) return;
    this.touchedAt = now;
    const file = join(this.git.gitDir, LAST_USED_FILE);
    const at = new Date(now);
    void utimes(file, at, at).catch(() => writeFile(file, "").catch(() => undefined));
  }
}

/** An invalid commit id, refused before git sees it. */
export function badSha(repository: string, sha: string): WorkspaceError {
  return new WorkspaceError("invalid_input", "fetch", repository, `${JSON.stringify(sha)} is not a full commit id`);
}
