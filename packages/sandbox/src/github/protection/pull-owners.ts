import { permissionAtLeast, permissionOf } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { CODEOWNERS_PATHS, ownerLogin, ownersOf, parseCodeOwners, type CodeOwnersRule } from "./codeowners.ts";

/** A changed file of a pull request and the users who own it. */
export interface OwnedFile {
  path: string;
  owners: Account[];
}

/** The last code owners file read per repository, by commit: pull requests mostly share their base. */
const lastRead = new WeakMap<Repository, { sha: string; rules: CodeOwnersRule[] }>();

async function readCodeOwners(repo: Repository, sha: string): Promise<CodeOwnersRule[]> {
  for (const path of CODEOWNERS_PATHS) {
    const file = await repo.git.readFile(sha, path);
    if (file) return parseCodeOwners(file.content.toString("utf8"));
  }
  return [];
}

/** The code owners file's rules on a commit (the first of GitHub's three places that has one), or none. */
async function codeOwnersAt(repo: Repository, sha: string): Promise<CodeOwnersRule[]> {
  const cached = lastRead.get(repo);
  if (cached?.sha === sha) return cached.rules;
  const rules = await readCodeOwners(repo, sha);
  lastRead.set(repo, { sha, rules });
  return rules;
}

/**
 * The users an owner list names who can own code: accounts the sandbox knows with write access.
 * GitHub ignores other owners (it flags them in the file); teams are left out here.
 */
function validOwners(core: SandboxCore, repo: Repository, owners: readonly string[]): Account[] {
  return owners.flatMap((owner) => {
    const login = ownerLogin(owner);
    const account = login === null ? undefined : core.store.findAccount(login);
    return account && permissionAtLeast(permissionOf(repo, account), "write") ? [account] : [];
  });
}

/** The last changed paths compared per repository, by base and head: a push asks for them several times (stats, rules, code owners). */
const lastCompared = new WeakMap<Repository, { range: string; paths: string[] }>();

async function comparePaths(repo: Repository, base: string, head: string): Promise<string[]> {
  try {
    return (await repo.git.compare(base, head)).files.map((file) => file.filename);
  } catch (error) {
    if (error instanceof GitError) return [];
    throw error;
  }
}

/** The paths `head` changed against `base`; commits never change, so the answer for a range is kept. */
async function changedPaths(repo: Repository, base: string, head: string): Promise<string[]> {
  const range = `${base}...${head}`;
  const cached = lastCompared.get(repo);
  if (cached?.range === range) return cached.paths;
  const paths = await comparePaths(repo, base, head);
  lastCompared.set(repo, { range, paths });
  return paths;
}

/** The pull request's changed files (against `base`) that have owners, by the base's code owners file. */
export async function ownedFiles(core: SandboxCore, repo: Repository, pull: PullRequest, base: string): Promise<OwnedFile[]> {
  const rules = await codeOwnersAt(repo, base);
  if (rules.length === 0) return [];
  const paths = await changedPaths(repo, base, pull.headSha);
  return paths.map((path) => ({ path, owners: validOwners(core, repo, ownersOf(rules, path)) })).filter((file) => file.owners.length > 0);
}
