/** Public shapes of the sandbox git backend, named after GitHub's REST payloads. */

export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601 (`2024-01-02T03:04:05Z` or with an offset). Defaults to the repository clock. */
  date?: string;
}

export interface GitSignature {
  name: string;
  email: string;
  /** ISO 8601 in UTC, without milliseconds, as GitHub renders it. */
  date: string;
}

export type FileMode = "100644" | "100755" | "120000";
export type TreeEntryMode = FileMode | "040000" | "160000";
export type ObjectType = "blob" | "tree" | "commit" | "tag";
export type BlobEncoding = "utf-8" | "base64";

/** One element of `tree[]` in `POST /repos/{owner}/{repo}/git/trees`. */
export interface TreeEntryInput {
  path: string;
  mode: TreeEntryMode;
  type: "blob" | "tree" | "commit";
  /** `null` deletes the path from the base tree. */
  sha?: string | null;
  /** Creates the blob inline (UTF-8). Mutually exclusive with `sha`. */
  content?: string;
}

export interface TreeItem {
  path: string;
  mode: TreeEntryMode;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** Present for blobs only. */
  size?: number;
}

export interface TreeListing {
  sha: string;
  tree: TreeItem[];
  truncated: false;
}

export interface FileEntry {
  path: string;
  sha: string;
  size: number;
  mode: FileMode;
}

export interface DirectoryEntry {
  /** Last path segment. */
  name: string;
  /** Path from the repository root. */
  path: string;
  sha: string;
  mode: TreeEntryMode;
  type: "blob" | "tree" | "commit";
  /** 0 for trees and submodules. */
  size: number;
}

export interface FileContent {
  content: Buffer;
  sha: string;
  mode: FileMode;
}

export interface CommitInput {
  message: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  /** Defaults to the author. */
  committer?: GitIdentity;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitSignature;
  committer: GitSignature;
}

export interface RefInfo {
  /** Fully qualified, e.g. `refs/heads/main`. */
  ref: string;
  sha: string;
}

export type CompareStatus = "identical" | "ahead" | "behind" | "diverged";
/** `changed` is a type change (file to symlink and back), as GitHub reports it. */
export type FileChangeStatus = "added" | "removed" | "modified" | "renamed" | "changed";

export interface FileChange {
  filename: string;
  status: FileChangeStatus;
  additions: number;
  deletions: number;
  changes: number;
  /** Unified diff hunks without file headers; absent for binary or content-less changes. */
  patch?: string;
  /** The head blob, or the base blob for a removed file. */
  sha: string;
  previousFilename?: string;
}

export interface Comparison {
  status: CompareStatus;
  aheadBy: number;
  behindBy: number;
  mergeBase: string;
  /** base..head, oldest first. */
  commits: string[];
  files: FileChange[];
}

export type MergeMethod = "merge" | "squash" | "rebase";

export interface MergeInput {
  base: string;
  head: string;
  message: string;
  method: MergeMethod;
  author: GitIdentity;
  committer?: GitIdentity;
}

export type MergeResult = { conflict: false; sha: string } | { conflict: true; files: string[] };
export type MergeTreeResult = { conflict: false; tree: string } | { conflict: true; files: string[] };

export type SeedFile = string | { content: string; mode?: FileMode; encoding?: BlobEncoding };

export interface SeedOptions {
  branch: string;
  message: string;
  author: GitIdentity;
  committer?: GitIdentity;
}

export interface TempCheckout {
  dir: string;
  dispose(): Promise<void>;
}
