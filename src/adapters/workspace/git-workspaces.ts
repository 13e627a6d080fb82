import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Logger } from "pino";
import type { RepoWorkspace, Revision, WorkspacePort, WorkspaceRepo, WorkTree } from "../../ports/workspace.ts";
import { WorkspaceError } from "../../ports/workspace.ts";
import { cachedRepos, chooseEvictions, emptyTrash, moveToTrash } from "./eviction.ts";
import { execGit, type GitExec } from "./git-exec.ts";
import { GitRevision } from "./git-revision.ts";
import { GitRunner } from "./git-runner.ts";
import { checkoutWorktree } from "./git-worktree.ts";
import { DEFAULT_LIMITS, type WorkspaceLimits } from "./limits.ts";
import { badSha, isFullSha, LocalRepo } from "./local-repo.ts";
import { gitBaseUrl, remoteUrl } from "./remote-url.ts";

export interface GitWorkspacesOptions {
  /** The cache directory: one bare repository per `<owner>/<repo>.git`. */
  dir: string;
  /** The cache's cap; after a fetch, least recently used repositories not in use are evicted until it fits. */
  maxBytes: number;
  /** GitHub's REST API base URL (`FOREMAN_GITHUB_API_URL`); git's address is derived from it. */
  apiBaseUrl?: string;
  limits?: Partial<WorkspaceLimits>;
  log?: Logger;
  /** Runs git; tests replace it to watch the arguments. */
  exec?: GitExec;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

function checkName(value: string, what: string): string {
  if (!NAME.test(value) || value === "." || value === "..") {
    throw new WorkspaceError("invalid_input", "init", String(value), `${what} ${JSON.stringify(value)} is not a GitHub name`);
  }
  return value.toLowerCase();
}

/** The workspace port over git: partial clones in a cache directory, fetched over smart HTTP with the installation token. */
export class GitWorkspaces implements WorkspacePort {
  private readonly root: string;
  private readonly maxBytes: number;
  private readonly remoteBase: string;
  private readonly limits: WorkspaceLimits;
  private readonly exec: GitExec;
  private readonly log: Logger | null;
  private readonly repos = new Map<string, LocalRepo>();
  private evicting: Promise<void> = Promise.resolve();
  private trashEmptied = false;

  constructor(options: GitWorkspacesOptions) {
    this.root = resolve(options.dir);
    this.maxBytes = options.maxBytes;
    this.remoteBase = gitBaseUrl(options.apiBaseUrl);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.exec = options.exec ?? execGit;
    this.log = options.log ?? null;
  }

  forRepo(ref: WorkspaceRepo, token: () => Promise<string>): Promise<RepoWorkspace> {
    return Promise.resolve().then(() => {
      const key = `${checkName(ref.owner, "owner")}/${checkName(ref.repo, "repository")}.git`;
      const repo = this.repos.get(key) ?? this.open(key, ref);
      return {
        at: (sha: string) => this.revision(repo, sha, token),
        checkout: (sha: string, dir: string) => this.checkout(repo, sha, dir, token),
      };
    });
  }

  private open(key: string, ref: WorkspaceRepo): LocalRepo {
    const git = new GitRunner({
      gitDir: join(this.root, key),
      repository: `${ref.owner}/${ref.repo}`,
      remoteBase: this.remoteBase,
      exec: this.exec,
    });
    const repo = new LocalRepo({ key, git, remote: remoteUrl(this.remoteBase, ref.owner, ref.repo), limits: this.limits });
    this.repos.set(key, repo);
    return repo;
  }

  private async revision(repo: LocalRepo, sha: string, token: () => Promise<string>): Promise<Revision> {
    if (!isFullSha(sha)) throw badSha(repo.git.repository, sha);
    const fetched = (): Promise<void> => this.evictOver(repo.key);
    await repo.use(async () => {
      if (await repo.ensureCommit(sha, token)) await fetched();
    });
    return new GitRevision({ sha, repo, token, limits: this.limits, fetched });
  }

  private checkout(repo: LocalRepo, sha: string, dir: string, token: () => Promise<string>): Promise<WorkTree> {
    if (!isFullSha(sha)) return Promise.reject(badSha(repo.git.repository, sha));
    const fetched = (): Promise<void> => this.evictOver(repo.key);
    return checkoutWorktree({ repo, sha, dir, token, limits: this.limits, cacheRoot: this.root, fetched });
  }

  /** After the cache grew: evicts least recently used repositories, never `current` nor one in use, until it fits. One pass at a time. */
  private evictOver(current: string): Promise<void> {
    this.evicting = this.evicting
      .then(() => this.evictPass(current))
      .catch((error: unknown) => {
        this.log?.warn({ err: error }, "workspace eviction failed");
      });
    return this.evicting;
  }

  private async evictPass(current: string): Promise<void> {
    if (!this.trashEmptied) {
      await emptyTrash(this.root);
      this.trashEmptied = true;
    }
    const found = await cachedRepos(this.root);
    const inUse = (key: string): boolean => key === current || this.repos.get(key)?.inUse === true;
    const withMemory = found.map((repo) => ({ ...repo, usedAt: Math.max(repo.usedAt, this.repos.get(repo.key)?.lastUsed ?? 0) }));
    for (const victim of chooseEvictions(withMemory, this.maxBytes, inUse)) {
      // Checked again right before the move, in the same turn of the event loop: a read may have started during the scan.
      if (inUse(victim.key)) continue;
      this.repos.get(victim.key)?.forget();
      const trash = moveToTrash(this.root, victim.gitDir);
      this.log?.info({ repository: victim.key, bytes: victim.bytes }, "workspace evicted");
      await rm(trash, { recursive: true, force: true });
    }
  }
}
