import { GitObjectNotFoundError } from "./errors.ts";
import { isValidRefFormat } from "./ref-names.ts";
import type { GitRunner } from "./run-git.ts";
import { isAbbreviatedSha, isFullSha } from "./validation.ts";

/** Fully qualified refs a GitHub `ref` parameter may mean, most specific first. */
export function refCandidates(name: string): string[] {
  if (name.startsWith("refs/")) return isValidRefFormat(name) ? [name] : [];
  const candidates = [`refs/heads/${name}`, `refs/tags/${name}`];
  if (name.startsWith("heads/") || name.startsWith("tags/")) candidates.unshift(`refs/${name}`);
  return candidates.filter(isValidRefFormat);
}

/** The commit an object peels to (annotated tags are followed), or `null`. */
async function peelToCommit(git: GitRunner, objectName: string): Promise<string | null> {
  const result = await git.exec(["rev-parse", "--verify", "--quiet", `${objectName}^{commit}`], { allowedExitCodes: [1, 128] });
  const sha = result.stdout.toString("utf8").trim();
  return result.exitCode === 0 && isFullSha(sha) ? sha : null;
}

async function resolveRefName(git: GitRunner, name: string): Promise<string | null> {
  const candidates = refCandidates(name);
  if (candidates.length === 0) return null;
  const output = await git.text(["for-each-ref", "--format=%(objectname) %(objecttype) %(refname)", ...candidates]);
  const refs = new Map<string, { sha: string; type: string }>();
  for (const line of output.split("\n")) {
    const [sha, type, ref] = line.split(" ");
    if (sha !== undefined && type !== undefined && ref !== undefined) refs.set(ref, { sha, type });
  }
  const found = candidates.map((candidate) => refs.get(candidate)).find((target) => target !== undefined);
  if (found === undefined) return null;
  return found.type === "commit" ? found.sha : peelToCommit(git, found.sha);
}

/**
 * Resolves what GitHub accepts as a `ref`/`sha` parameter to a commit SHA: a branch name,
 * `heads/x`, `tags/x`, `refs/...`, a full SHA or an unambiguous abbreviated SHA.
 * Branches win over tags, refs over abbreviated SHAs. `null` when nothing matches.
 */
export async function resolveCommit(git: GitRunner, refOrSha: string): Promise<string | null> {
  if (isFullSha(refOrSha)) return peelToCommit(git, refOrSha.toLowerCase());
  const fromRef = await resolveRefName(git, refOrSha);
  if (fromRef !== null) return fromRef;
  return isAbbreviatedSha(refOrSha) ? peelToCommit(git, refOrSha.toLowerCase()) : null;
}

export async function requireCommit(git: GitRunner, refOrSha: string): Promise<string> {
  const sha = await resolveCommit(git, refOrSha);
  if (sha === null) throw new GitObjectNotFoundError(refOrSha, "commit", `No commit found for ${refOrSha}`);
  return sha;
}
