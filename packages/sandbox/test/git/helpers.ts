import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { GitRepository } from "../../src/github/git/git-repository.ts";
import type { GitIdentity } from "../../src/github/git/types.ts";

export const AUTHOR: GitIdentity = { name: "Ada Lovelace", email: "ada@example.com", date: "2024-03-01T10:00:00Z" };
export const COMMITTER: GitIdentity = { name: "Merge Bot", email: "bot@example.com", date: "2024-03-02T12:00:00Z" };
const FIXED_NOW = new Date("2024-03-03T00:00:00Z");

export interface RepositoryFixture {
  /** The repository under test, recreated for every test. */
  repo: GitRepository;
  /** A scratch directory removed after every test. */
  root: string;
}

/** Registers hooks giving each test a fresh bare repository (default branch `main`) in its own temp dir. */
export function useRepository(): RepositoryFixture {
  const fixture = {} as RepositoryFixture;
  beforeEach(async () => {
    fixture.root = await mkdtemp(join(tmpdir(), "sandbox-git-test-"));
    fixture.repo = await GitRepository.init(join(fixture.root, "repo.git"), { defaultBranch: "main", now: () => FIXED_NOW });
  });
  afterEach(async () => {
    await rm(fixture.root, { recursive: true, force: true });
  });
  return fixture;
}

/** Commits `files` (path to content, `null` deletes) on top of `parent`, without moving any ref. */
export async function commitOn(
  repo: GitRepository,
  parent: string,
  files: Record<string, string | null>,
  message = "change",
): Promise<string> {
  const base = await repo.getCommit(parent);
  const entries = Object.entries(files).map(([path, content]) =>
    content === null
      ? { path, mode: "100644" as const, type: "blob" as const, sha: null }
      : { path, mode: "100644" as const, type: "blob" as const, content },
  );
  const tree = await repo.createTree(entries, base.tree);
  return repo.createCommit({ message, tree, parents: [parent], author: AUTHOR });
}

export async function text(repo: GitRepository, ref: string, path: string): Promise<string | undefined> {
  const file = await repo.readFile(ref, path);
  return file?.content.toString("utf8");
}
