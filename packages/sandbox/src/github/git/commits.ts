import { GitObjectNotFoundError } from "./errors.ts";
import { identityEnvironment, parseSignature } from "./identity.ts";
import { readObject, requireObjects } from "./objects.ts";
import type { GitRunner } from "./run-git.ts";
import type { CommitInfo, CommitInput } from "./types.ts";
import { requireSha } from "./validation.ts";

/**
 * `POST /repos/{owner}/{repo}/git/commits` through `git commit-tree`. The message is stored
 * byte for byte; identities and dates come from the input (or `now`), never from git config.
 */
export async function createCommit(git: GitRunner, input: CommitInput, now: Date): Promise<string> {
  const tree = requireSha(input.tree, "tree");
  const parents = input.parents.map((parent) => requireSha(parent, "parents[]"));
  await requireObjects(git, [
    { sha: tree, type: "tree", message: `tree ${tree} is not a valid tree` },
    ...parents.map((parent) => ({ sha: parent, type: "commit" as const, message: `parent ${parent} is not a valid commit` })),
  ]);
  return commitTree(git, { ...input, tree, parents }, now);
}

/** `git commit-tree` for inputs already known to be valid. */
export async function commitTree(git: GitRunner, input: CommitInput, now: Date): Promise<string> {
  const env = identityEnvironment(input.author, input.committer ?? input.author, now);
  const args = ["commit-tree", input.tree, ...input.parents.flatMap((parent) => ["-p", parent])];
  const output = await git.text(args, { env, input: input.message });
  return output.trim();
}

export async function getCommit(git: GitRunner, sha: string): Promise<CommitInfo> {
  const id = requireSha(sha);
  const object = await readObject(git, id);
  if (object?.type !== "commit") throw new GitObjectNotFoundError(id, "commit");
  return parseCommit(id, object.content.toString("utf8"));
}

/**
 * Parses a raw commit object. Continuation lines (signatures, merge tags) are skipped; a
 * single trailing newline of the message is dropped, as GitHub does for commits made by git.
 */
function parseCommit(sha: string, raw: string): CommitInfo {
  const split = raw.indexOf("\n\n");
  const headerText = split === -1 ? raw : raw.slice(0, split);
  const message = split === -1 ? "" : raw.slice(split + 2);
  const headers = headerText.split("\n").filter((line) => !line.startsWith(" "));
  const values = (name: string): string[] =>
    headers.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
  return {
    sha,
    tree: values("tree")[0] ?? "",
    parents: values("parent"),
    message: message.endsWith("\n") ? message.slice(0, -1) : message,
    author: parseSignature(values("author")[0] ?? ""),
    committer: parseSignature(values("committer")[0] ?? ""),
  };
}
