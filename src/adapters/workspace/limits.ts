/** Time and size bounds of the workspace's git commands. */
export interface WorkspaceLimits {
  /** A fetch of a commit or of missing blobs. */
  fetchTimeoutMs: number;
  /** A read; it may fetch one missing blob. */
  readTimeoutMs: number;
  /** Bytes of a file read; a longer file is cut there and marked truncated. */
  maxFileBytes: number;
  /** Bytes of a revision's tree listing. */
  maxTreeBytes: number;
  /** Bytes of search output read before the search stops. */
  maxSearchBytes: number;
  /** Paths per `git grep` command when a search is limited to some paths. */
  grepPathsPerCommand: number;
}

export const DEFAULT_LIMITS: WorkspaceLimits = {
  fetchTimeoutMs: 5 * 60_000,
  readTimeoutMs: 60_000,
  maxFileBytes: 1024 * 1024,
  maxTreeBytes: 256 * 1024 * 1024,
  maxSearchBytes: 2 * 1024 * 1024,
  grepPathsPerCommand: 500,
};

/** Bytes of output kept from commands whose output is not read (init, config, fetch). */
export const SMALL_OUTPUT_BYTES = 1024 * 1024;
