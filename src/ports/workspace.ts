/**
 * A local, read-only copy of a repository on the App's host, read at exact revisions. Reads are
 * bounded: every list and search is capped and says when it was cut.
 */

/** The repository a workspace copies, and the installation whose token fetches it. */
export interface WorkspaceRepo {
  owner: string;
  repo: string;
  installationId: number;
}

/** Lines `from` to `to`, counted from 1, both included. */
export interface LineRange {
  from: number;
  to: number;
}

export interface FileRead {
  /** The file's text (only the lines asked for, when a range was given). */
  content: string;
  /** Lines in the whole file. */
  totalLines: number;
  /** The file holds binary data; `content` is then empty. */
  binary: boolean;
  /** The file is longer than a read may be: `content` and `totalLines` cover its beginning only. */
  truncated: boolean;
}

export interface FileList {
  paths: string[];
  /** More paths matched than were returned. */
  truncated: boolean;
}

export interface SearchHit {
  path: string;
  /** Counted from 1. */
  line: number;
  text: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** More lines matched than were returned. */
  truncated: boolean;
}

export interface SearchOptions {
  /** Only paths under this folder, or matching this glob (as `listFiles` reads a pattern). */
  pathGlob?: string;
  maxHits: number;
}

/** One commit of the repository. Paths are relative to its root, with `/` between folders. */
export interface Revision {
  readonly sha: string;
  /** The file at `path`, or null when the revision has no file there. */
  readFile(path: string, range?: LineRange): Promise<FileRead | null>;
  /** Files under a folder (`src/`, `src`) or matching a glob (`src/**\/*.ts`); every file without a pattern. */
  listFiles(pattern?: string, options?: { max?: number }): Promise<FileList>;
  /** Lines matching a POSIX extended regular expression, in text files only. */
  search(regex: string, options: SearchOptions): Promise<SearchResult>;
  /** Every file of the revision (submodules excluded), sorted. */
  paths(): Promise<readonly string[]>;
}

/** A commit checked out into a folder of its own: a git work tree sharing the cached repository's objects. */
export interface WorkTree {
  /** The folder, absolute. */
  readonly dir: string;
  /** Deletes the folder and git's record of it. Calling it again does nothing more. */
  remove(): Promise<void>;
}

export interface RepoWorkspace {
  /** The revision `sha` (a full commit id), fetched first when the copy does not have it. */
  at(sha: string): Promise<Revision>;
  /**
   * The commit `sha` checked out into `dir` (an absolute path that does not exist yet, outside the
   * workspace's cache), fetched first like `at`. The repository is never evicted while the work tree exists.
   */
  checkout(sha: string, dir: string): Promise<WorkTree>;
}

export interface WorkspacePort {
  /**
   * The repository's workspace. `token` is asked for a current installation token each time git
   * may fetch (a commit, or a blob read for the first time); its failures reach the caller as they are.
   */
  forRepo(ref: WorkspaceRepo, token: () => Promise<string>): Promise<RepoWorkspace>;
}

/**
 * What failed: `not_found` (no such commit on GitHub), `auth` (GitHub refused the token),
 * `invalid_input` (a bad path, pattern or regular expression), `timeout`, `fetch` (any other fetch
 * failure), `git` (a local git command failed).
 */
export type WorkspaceErrorKind = "not_found" | "auth" | "invalid_input" | "timeout" | "fetch" | "git";

/** A workspace operation that failed, with what was being done and to which repository. */
export class WorkspaceError extends Error {
  readonly kind: WorkspaceErrorKind;
  /** The operation: `fetch`, `read_file`, `list_files`, `search`, `paths`, `prefetch`, `init`, `checkout`. */
  readonly operation: string;
  /** `owner/repo`. */
  readonly repository: string;
  constructor(kind: WorkspaceErrorKind, operation: string, repository: string, message: string, options?: { cause?: unknown }) {
    super(`${operation} in ${repository} failed (${kind}): ${message}`, options);
    this.kind = kind;
    this.operation = operation;
    this.repository = repository;
    this.name = "WorkspaceError";
  }

  /** Whether trying again later may succeed. */
  get retryable(): boolean {
    return this.kind === "timeout" || this.kind === "fetch";
  }
}
