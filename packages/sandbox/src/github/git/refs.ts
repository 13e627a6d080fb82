import {
  GitNotFastForwardError,
  GitObjectNotFoundError,
  GitRefExistsError,
  GitRefNotFoundError,
  GitRefUpdateConflictError,
} from "./errors.ts";
import { isAncestorCommit } from "./history.ts";
import { objectType } from "./objects.ts";
import { qualifyRefName, requireRefName } from "./ref-names.ts";
import type { GitRunner } from "./run-git.ts";
import type { RefInfo } from "./types.ts";
import { requireSha, ZERO_SHA } from "./validation.ts";

/** Attempts of a compare-and-swap before giving up under concurrent writers. */
const CAS_ATTEMPTS = 5;
const LOCK_FAILURE = [1, 128];

async function allRefs(git: GitRunner): Promise<RefInfo[]> {
  const output = await git.text(["for-each-ref", "--format=%(objectname) %(refname)", "refs/"]);
  return output
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => ({ sha: line.slice(0, 40), ref: line.slice(41) }));
}

/** The object a fully qualified ref points at (unpeeled), or `null`. */
export async function readRef(git: GitRunner, fullName: string): Promise<string | null> {
  const output = await git.text(["for-each-ref", "--format=%(objectname) %(refname)", fullName]);
  const line = output.split("\n").find((candidate) => candidate.slice(41) === fullName);
  return line === undefined ? null : line.slice(0, 40);
}

/** `GET /git/ref/{ref}`: `null` when the ref does not exist or its name is invalid. */
export async function getRef(git: GitRunner, name: string): Promise<string | null> {
  const full = qualifyRefName(name);
  return full === null ? null : readRef(git, full);
}

/** `GET /git/matching-refs/{prefix}`: refs whose name after `refs/` starts with `prefix`. */
export async function listRefs(git: GitRunner, prefix: string): Promise<RefInfo[]> {
  const wanted = prefix.startsWith("refs/") ? prefix : `refs/${prefix}`;
  return (await allRefs(git)).filter((info) => info.ref.startsWith(wanted));
}

export async function createRef(git: GitRunner, name: string, sha: string): Promise<void> {
  const full = requireRefName(name);
  const id = requireSha(sha);
  if ((await objectType(git, id)) === null) throw new GitObjectNotFoundError(id);
  const result = await git.exec(["update-ref", full, id, ZERO_SHA], { allowedExitCodes: LOCK_FAILURE });
  if (result.exitCode === 0) return;
  const clash = (await allRefs(git)).find(
    (info) => info.ref === full || full.startsWith(`${info.ref}/`) || info.ref.startsWith(`${full}/`),
  );
  if (clash !== undefined) throw new GitRefExistsError(full, clash.ref);
  throw new GitRefUpdateConflictError(full);
}

/**
 * Moves a ref with compare-and-swap (`update-ref <ref> <new> <old>`). Without `force`, the new
 * commit must descend from the current one.
 */
export async function updateRef(git: GitRunner, name: string, sha: string, options: { force: boolean }): Promise<void> {
  const full = requireRefName(name);
  const id = requireSha(sha);
  const type = await objectType(git, id);
  if (type === null || (!options.force && type !== "commit")) throw new GitObjectNotFoundError(id, options.force ? undefined : "commit");
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const current = await readRef(git, full);
    if (current === null) throw new GitRefNotFoundError(full);
    if (current === id) return;
    if (!options.force && !(await isAncestorCommit(git, current, id))) {
      throw new GitNotFastForwardError(full, current, id);
    }
    const result = await git.exec(["update-ref", full, id, current], { allowedExitCodes: LOCK_FAILURE });
    if (result.exitCode === 0) return;
  }
  throw new GitRefUpdateConflictError(full);
}

export async function deleteRef(git: GitRunner, name: string): Promise<void> {
  const full = requireRefName(name);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const current = await readRef(git, full);
    if (current === null) throw new GitRefNotFoundError(full);
    const result = await git.exec(["update-ref", "-d", full, current], { allowedExitCodes: LOCK_FAILURE });
    if (result.exitCode === 0) return;
  }
  throw new GitRefUpdateConflictError(full);
}
