import type { FileList, FileRead, LineRange, Revision, SearchHit, SearchOptions, SearchResult } from "../../ports/workspace.ts";
import { WorkspaceError } from "../../ports/workspace.ts";
import { fileRead } from "./file-read.ts";
import { grepArgs, parseGrep, regexProblem } from "./grep.ts";
import type { WorkspaceLimits } from "./limits.ts";
import type { LocalRepo } from "./local-repo.ts";
import { normalisePath, readPattern, type PathMatcher } from "./path-pattern.ts";

const DEFAULT_LIST_MAX = 500;

/** One fetched commit of a cached repository. Every read counts as a use of the repository and fetches the commit again if it was evicted. */
export class GitRevision implements Revision {
  readonly sha: string;
  private readonly repo: LocalRepo;
  private readonly token: () => Promise<string>;
  private readonly limits: WorkspaceLimits;
  /** Called after this revision fetched something (the cache grew). */
  private readonly fetched: () => Promise<void>;

  constructor(options: {
    sha: string;
    repo: LocalRepo;
    token: () => Promise<string>;
    limits: WorkspaceLimits;
    fetched: () => Promise<void>;
  }) {
    this.sha = options.sha;
    this.repo = options.repo;
    this.token = options.token;
    this.limits = options.limits;
    this.fetched = options.fetched;
  }

  async readFile(path: string, range?: LineRange): Promise<FileRead | null> {
    const wanted = normalisePath(path);
    if ("problem" in wanted) throw this.invalid("read_file", wanted.problem);
    return this.read(async () => {
      const file = (await this.repo.tree(this.sha)).files.get(wanted.path);
      if (!file) return null;
      const result = await this.repo.git.run(["cat-file", "blob", file.oid], {
        operation: "read_file",
        token: await this.token(),
        timeoutMs: this.limits.readTimeoutMs,
        maxBytes: this.limits.maxFileBytes,
        allowTruncated: true,
        fetching: true,
      });
      return fileRead(result.stdout, result.truncated, range);
    });
  }

  async listFiles(pattern?: string, options: { max?: number } = {}): Promise<FileList> {
    const matcher = this.matcher("list_files", pattern);
    const max = Math.max(0, options.max ?? DEFAULT_LIST_MAX);
    return this.read(async () => {
      const matching = (await this.repo.tree(this.sha)).paths.filter(matcher);
      return { paths: matching.slice(0, max), truncated: matching.length > max };
    });
  }

  async search(regex: string, options: SearchOptions): Promise<SearchResult> {
    const problem = regexProblem(regex);
    if (problem !== undefined) throw this.invalid("search", problem);
    const matcher = this.matcher("search", options.pathGlob);
    return this.read(async () => {
      const tree = await this.repo.tree(this.sha);
      const paths = options.pathGlob === undefined ? tree.paths : tree.paths.filter(matcher);
      if (paths.length === 0) return { hits: [], truncated: false };
      const oids = paths.map((path) => tree.files.get(path)?.oid ?? "");
      if (await this.repo.prefetch(this.sha, oids, this.token)) await this.fetched();
      const batches = options.pathGlob === undefined ? [null] : chunks(paths, this.limits.grepPathsPerCommand);
      return this.grep(regex, batches, Math.max(0, options.maxHits));
    });
  }

  paths(): Promise<readonly string[]> {
    return this.read(async () => (await this.repo.tree(this.sha)).paths);
  }

  private async grep(regex: string, batches: ReadonlyArray<readonly string[] | null>, maxHits: number): Promise<SearchResult> {
    const hits: SearchHit[] = [];
    for (const paths of batches) {
      const result = await this.repo.git.run(grepArgs(this.sha, regex, paths), {
        operation: "search",
        token: await this.token(),
        timeoutMs: this.limits.readTimeoutMs,
        maxBytes: this.limits.maxSearchBytes,
        allowedCodes: [1],
        allowTruncated: true,
      });
      const found = parseGrep(result.stdout.toString("utf8"), this.sha, maxHits - hits.length);
      hits.push(...found.hits);
      if (found.more || result.truncated) return { hits, truncated: true };
    }
    return { hits, truncated: false };
  }

  /** Runs a read as a use of the repository, after fetching the commit again if the copy was evicted since. */
  private read<T>(work: () => Promise<T>): Promise<T> {
    return this.repo.use(async () => {
      if (await this.repo.ensureCommit(this.sha, this.token)) await this.fetched();
      return work();
    });
  }

  private matcher(operation: string, pattern: string | undefined): PathMatcher {
    const reading = readPattern(pattern);
    if ("problem" in reading) throw this.invalid(operation, reading.problem);
    return reading.matcher;
  }

  private invalid(operation: string, problem: string): WorkspaceError {
    return new WorkspaceError("invalid_input", operation, this.repo.git.repository, problem);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
