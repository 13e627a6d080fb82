import { GitObjectNotFoundError } from "./errors.ts";
import type { GitRunner } from "./run-git.ts";
import type { BlobEncoding, ObjectType } from "./types.ts";
import { decodeContent, isFullSha, requireSha } from "./validation.ts";

const OBJECT_TYPES: ReadonlySet<string> = new Set(["blob", "tree", "commit", "tag"]);

/** Stores bytes as a blob exactly as given (no filters, no line-ending conversion). */
export async function writeBlob(git: GitRunner, content: Buffer): Promise<string> {
  const output = await git.text(["hash-object", "-w", "--no-filters", "--stdin"], { input: content });
  return output.trim();
}

export async function createBlob(git: GitRunner, content: string, encoding: BlobEncoding): Promise<string> {
  return writeBlob(git, decodeContent(content, encoding));
}

export async function readBlob(git: GitRunner, sha: string): Promise<{ content: Buffer; size: number }> {
  const id = requireSha(sha);
  await requireObject(git, id, "blob");
  const content = await git.bytes(["cat-file", "blob", id]);
  return { content, size: content.length };
}

/**
 * The type of each full SHA, `null` for SHAs that are malformed or absent.
 * One `cat-file --batch-check` process whatever the number of SHAs.
 */
export async function objectTypes(git: GitRunner, shas: readonly string[]): Promise<Map<string, ObjectType | null>> {
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

/** Throws `GitObjectNotFoundError` unless `sha` names an object of the given type. */
export async function requireObject(git: GitRunner, sha: string, type: ObjectType): Promise<void> {
  if (!(await hasObject(git, sha, type))) throw new GitObjectNotFoundError(sha, type);
}
