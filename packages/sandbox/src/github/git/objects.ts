import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GitObjectNotFoundError } from "./errors.ts";
import type { GitRunner } from "./run-git.ts";
import { withTempDir } from "./temp-dir.ts";
import type { BlobEncoding, ObjectType } from "./types.ts";
import { decodeContent, isFullSha, requireSha } from "./validation.ts";

const OBJECT_TYPES: ReadonlySet<string> = new Set(["blob", "tree", "commit", "tag"]);

/** Stores bytes as a blob exactly as given (no filters, no line-ending conversion). */
async function writeBlob(git: GitRunner, content: Buffer): Promise<string> {
  const output = await git.text(["hash-object", "-w", "--no-filters", "--stdin"], { input: content });
  return output.trim();
}

/**
 * Stores many blobs with one git process (`hash-object --stdin-paths` over temporary files).
 * Returns the SHAs in input order.
 */
export async function writeBlobs(git: GitRunner, contents: readonly Buffer[]): Promise<string[]> {
  const [single] = contents;
  if (contents.length <= 1) return single === undefined ? [] : [await writeBlob(git, single)];
  return withTempDir(async (dir) => {
    const paths = contents.map((_, index) => join(dir, String(index)));
    await Promise.all(contents.map((content, index) => writeFile(paths[index] ?? "", content)));
    const output = await git.text(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input: `${paths.join("\n")}\n` });
    return output.trim().split("\n");
  });
}

export async function createBlob(git: GitRunner, content: string, encoding: BlobEncoding): Promise<string> {
  return writeBlob(git, decodeContent(content, encoding));
}

/** An object's type and bytes, in one `cat-file --batch` process; `null` when absent. */
export async function readObject(git: GitRunner, sha: string): Promise<{ type: ObjectType; content: Buffer } | null> {
  const output = await git.bytes(["cat-file", "--batch"], { input: `${requireSha(sha)}\n` });
  const newline = output.indexOf("\n");
  const [, type, size] = output.subarray(0, newline).toString("utf8").split(" ");
  if (type === undefined || size === undefined || !OBJECT_TYPES.has(type)) return null;
  return { type: type as ObjectType, content: output.subarray(newline + 1, newline + 1 + Number(size)) };
}

export async function readBlob(git: GitRunner, sha: string): Promise<{ content: Buffer; size: number }> {
  const object = await readObject(git, sha);
  if (object?.type !== "blob") throw new GitObjectNotFoundError(sha, "blob");
  return { content: object.content, size: object.content.length };
}

/**
 * The type of each full SHA, `null` for SHAs that are malformed or absent.
 * One `cat-file --batch-check` process whatever the number of SHAs.
 */
async function objectTypes(git: GitRunner, shas: readonly string[]): Promise<Map<string, ObjectType | null>> {
  const types = new Map<string, ObjectType | null>();
  const candidates = [...new Set(shas.map((sha) => sha.toLowerCase()))].filter(isFullSha);
  for (const sha of shas) types.set(sha.toLowerCase(), null);
  if (candidates.length === 0) return types;
  const output = await git.text(["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    input: `${candidates.join("\n")}\n`,
  });
  for (const line of output.split("\n")) {
    const [sha, type] = line.split(" ");
    if (sha !== undefined && type !== undefined && OBJECT_TYPES.has(type)) types.set(sha, type as ObjectType);
  }
  return types;
}

export async function objectType(git: GitRunner, sha: string): Promise<ObjectType | null> {
  const types = await objectTypes(git, [sha]);
  return types.get(sha.toLowerCase()) ?? null;
}

export async function hasObject(git: GitRunner, sha: string, type?: ObjectType): Promise<boolean> {
  const actual = await objectType(git, sha);
  return actual !== null && (type === undefined || actual === type);
}

export interface ObjectExpectation {
  sha: string;
  type: ObjectType;
  /** Message of the `GitObjectNotFoundError` raised when the expectation fails. */
  message?: string;
}

/** Checks many SHAs against their expected types with one git process. */
export async function requireObjects(git: GitRunner, expectations: readonly ObjectExpectation[]): Promise<void> {
  const types = await objectTypes(
    git,
    expectations.map((expectation) => expectation.sha),
  );
  for (const { sha, type, message } of expectations) {
    if (types.get(sha.toLowerCase()) !== type) throw new GitObjectNotFoundError(sha, type, message);
  }
}
