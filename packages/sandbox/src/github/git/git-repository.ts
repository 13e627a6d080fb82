import { mkdir } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import { checkoutCommit, createTempCheckout } from "./checkout.ts";
import { createCommit, getCommit } from "./commits.ts";
import { compare } from "./compare.ts";
import { createTree } from "./create-tree.ts";
import { GitError, GitInvalidRefNameError } from "./errors.ts";
import { ancestryOf, isAncestorCommit, mergeBaseOf } from "./history.ts";
import { mergeCommits } from "./merge.ts";
import { tryMergeTree } from "./merge-tree.ts";
import { createBlob, hasObject, readBlob } from "./objects.ts";
import { getTree, listDirectory, listFiles, readFile, statPath } from "./read-tree.ts";
import { branchRefName } from "./ref-names.ts";
import { createRef, deleteRef, getRef, listRefs, updateRef } from "./refs.ts";
import { requireCommit, resolveCommit } from "./resolve.ts";
import { GitRunner } from "./run-git.ts";
import { seedBranch } from "./seed.ts";
import type * as T from "./types.ts";

export interface GitRepositoryOptions {
  /** Clock for commits whose identities carry no date. Defaults to the system clock. */
  now?: () => Date;
}

export interface InitOptions extends GitRepositoryOptions {
  defaultBranch: string;
}

/**
 * A bare git repository seen through GitHub's Git Data, contents, compare and merge APIs.
 * Every method runs git plumbing; nothing is cached, so concurrent callers see each other's
 * writes, and ref updates are compare-and-swap.
 */
export class GitRepository {
  readonly gitDir: string;
  readonly #git: GitRunner;
  readonly #now: () => Date;

  private constructor(gitDir: string, options: GitRepositoryOptions) {
    this.gitDir = gitDir;
    this.#git = new GitRunner(gitDir);
    this.#now = options.now ?? (() => new Date());
  }

  /** Creates a bare repository (no hooks, no templates) whose HEAD names `defaultBranch`. */
  static async init(dir: string, options: InitOptions): Promise<GitRepository> {
    const ref = branchRefName(options.defaultBranch);
    if (ref === null) throw new GitInvalidRefNameError(options.defaultBranch);
    const gitDir = resolvePath(dir);
    await mkdir(gitDir, { recursive: true });
    const branch = ref.slice("refs/heads/".length);
    await new GitRunner(gitDir).text([
      "-c",
      `init.defaultBranch=${branch}`,
      "init",
      "--bare",
      "--quiet",
      "--template=",
      `--initial-branch=${branch}`,
    ]);
    return new GitRepository(gitDir, options);
  }

  /** Opens an existing bare repository. */
  static async open(dir: string, options: GitRepositoryOptions = {}): Promise<GitRepository> {
    const gitDir = resolvePath(dir);
    const bare = await new GitRunner(gitDir).text(["rev-parse", "--is-bare-repository"]).catch(() => "false");
    if (bare.trim() !== "true") throw new GitError(`${gitDir} is not a bare git repository`);
    return new GitRepository(gitDir, options);
  }

  seed(files: Readonly<Record<string, T.SeedFile>>, options: T.SeedOptions): Promise<string> {
    return seedBranch(this.#git, files, options, this.#now());
  }

  async getDefaultBranch(): Promise<string> {
    return (await this.#git.text(["symbolic-ref", "--short", "HEAD"])).trim();
  }

  async setDefaultBranch(branch: string): Promise<void> {
    const ref = branchRefName(branch);
    if (ref === null) throw new GitInvalidRefNameError(branch);
    await this.#git.text(["symbolic-ref", "HEAD", ref]);
  }

  createBlob(content: string, encoding: T.BlobEncoding): Promise<string> {
    return createBlob(this.#git, content, encoding);
  }

  readBlob(sha: string): Promise<{ content: Buffer; size: number }> {
    return readBlob(this.#git, sha);
  }

  hasObject(sha: string, type?: T.ObjectType): Promise<boolean> {
    return hasObject(this.#git, sha, type);
  }

  createTree(entries: readonly T.TreeEntryInput[], baseTree?: string): Promise<string> {
    return createTree(this.#git, entries, baseTree);
  }

  getTree(shaOrRef: string, options: { recursive?: boolean } = {}): Promise<T.TreeListing> {
    return getTree(this.#git, shaOrRef, options);
  }

  createCommit(input: T.CommitInput): Promise<string> {
    return createCommit(this.#git, input, this.#now());
  }

  getCommit(sha: string): Promise<T.CommitInfo> {
    return getCommit(this.#git, sha);
  }

  getRef(name: string): Promise<string | null> {
    return getRef(this.#git, name);
  }

  listRefs(prefix = ""): Promise<T.RefInfo[]> {
    return listRefs(this.#git, prefix);
  }

  createRef(name: string, sha: string): Promise<void> {
    return createRef(this.#git, name, sha);
  }

  updateRef(name: string, sha: string, options: { force?: boolean } = {}): Promise<void> {
    return updateRef(this.#git, name, sha, { force: options.force === true });
  }

  deleteRef(name: string): Promise<void> {
    return deleteRef(this.#git, name);
  }

  resolve(refOrSha: string): Promise<string | null> {
    return resolveCommit(this.#git, refOrSha);
  }

  readFile(refOrSha: string, path: string): Promise<T.FileContent | null> {
    return readFile(this.#git, refOrSha, path);
  }

  stat(refOrSha: string, path: string): Promise<T.TreeItem | null> {
    return statPath(this.#git, refOrSha, path);
  }

  listFiles(refOrSha: string): Promise<T.FileEntry[]> {
    return listFiles(this.#git, refOrSha);
  }

  listDirectory(refOrSha: string, dirPath: string): Promise<T.DirectoryEntry[] | null> {
    return listDirectory(this.#git, refOrSha, dirPath);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return isAncestorCommit(this.#git, await requireCommit(this.#git, ancestor), await requireCommit(this.#git, descendant));
  }

  /** The commits reachable from a ref or commit, newest first, as `GET /commits` lists them. */
  async history(refOrSha: string): Promise<string[]> {
    return ancestryOf(this.#git, await requireCommit(this.#git, refOrSha));
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return mergeBaseOf(this.#git, await requireCommit(this.#git, a), await requireCommit(this.#git, b));
  }

  compare(base: string, head: string): Promise<T.Comparison> {
    return compare(this.#git, base, head);
  }

  merge(input: T.MergeInput): Promise<T.MergeResult> {
    return mergeCommits(this.#git, input, this.#now());
  }

  tryMergeTree(base: string, head: string): Promise<T.MergeTreeResult> {
    return tryMergeTree(this.#git, base, head);
  }

  checkout(refOrSha: string, dir: string): Promise<void> {
    return checkoutCommit(this.#git, refOrSha, dir);
  }

  createTempCheckout(refOrSha: string): Promise<T.TempCheckout> {
    return createTempCheckout(this.#git, refOrSha);
  }
}
