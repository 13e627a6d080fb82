import { pino } from "pino";
import type { MergeRequirements, Permission, PullFile, PullRequestInfo, RepoGitHub } from "../../../src/ports/github.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import type { WorkerDeps } from "../../../src/worker/deps.ts";

/** A write the fake repository received, by port method, with its arguments. */
type RecordedWrite = { method: string; args: unknown[] };

export interface FakeRepo {
  github: RepoGitHub;
  writes: RecordedWrite[];
  permissions: Record<string, Permission>;
  pulls: Record<number, PullRequestInfo>;
  /** GitHub's `mergeable` by pull request (true when not set): false conflicts, null is still being computed. */
  mergeable: Record<number, boolean | null>;
  /** How often `mergeable` was read, by pull request. */
  mergeableReads: Record<number, number>;
  /** What the base branch's rules still want, by pull request (nothing when not set). */
  requirements: Record<number, MergeRequirements>;
  /** The checks each branch requires (none when not set). */
  requiredChecks: Record<string, string[]>;
  /** The files each pull request changes (none when not set). */
  pullFiles: Record<number, PullFile[]>;
  /** This repository's files by `<ref>:<path>` (missing when not set). */
  files: Record<string, string>;
  /** Files on other repositories' default branches, by `<owner>/<repo>:<path>` (missing when not set). */
  repositoryFiles: Record<string, string>;
}

const WRITES = ["upsertComment", "react", "closePullRequest", "ensureCheckRun", "createReview", "replyToReviewComment"] as const;

/**
 * One repository in memory: the reads the intake stage makes, and every write recorded. Any other
 * port method throws, so a test notices work it did not expect.
 */
export function fakeRepo(): FakeRepo {
  const writes: RecordedWrite[] = [];
  const permissions: Record<string, Permission> = {};
  const pulls: Record<number, PullRequestInfo> = {};
  const mergeable: Record<number, boolean | null> = {};
  const mergeableReads: Record<number, number> = {};
  const requirements: Record<number, MergeRequirements> = {};
  const requiredChecks: Record<string, string[]> = {};
  const pullFiles: Record<number, PullFile[]> = {};
  const files: Record<string, string> = {};
  const repositoryFiles: Record<string, string> = {};
  let nextId = 1000;
  const reads: Partial<RepoGitHub> = {
    permissionOf: (login) => Promise.resolve(permissions[login] ?? "none"),
    repository: () => Promise.resolve({ defaultBranch: "main", headSha: "b".repeat(40), mergeQueue: false }),
    readFile: (ref, path) => Promise.resolve(files[`${ref}:${path}`] ?? null),
    readRepositoryFile: ({ owner, repo }, path) => Promise.resolve(repositoryFiles[`${owner}/${repo}:${path}`] ?? null),
    listPullFiles: (number) => Promise.resolve(pullFiles[number] ?? []),
    getPullRequest: (number) => (pulls[number] ? Promise.resolve(pulls[number]) : Promise.reject(new Error(`no pull request #${number}`))),
    pullMergeable: (number) => {
      mergeableReads[number] = (mergeableReads[number] ?? 0) + 1;
      return Promise.resolve(number in mergeable ? (mergeable[number] ?? null) : true);
    },
    mergeRequirements: (number) => Promise.resolve(requirements[number] ?? { reviewDecision: null, codeOwners: [] }),
    requiredChecks: (branch) => Promise.resolve(requiredChecks[branch] ?? []),
  };
  const recorded = Object.fromEntries(
    WRITES.map((method) => [
      method,
      (...args: unknown[]) => {
        writes.push({ method, args });
        return Promise.resolve(
          method === "upsertComment" || method === "ensureCheckRun" || method === "createReview" ? { id: nextId++ } : undefined,
        );
      },
    ]),
  );
  const github = new Proxy({ ...reads, ...recorded } as RepoGitHub, {
    get(target, name) {
      const method: unknown = Reflect.get(target, name);
      // `then` is asked by every await of the repository itself: it is not a port method.
      if (method === undefined && name !== "then" && typeof name === "string")
        throw new Error(`the fake repository does not answer ${name}`);
      return method;
    },
  });
  return { github, writes, permissions, pulls, mergeable, mergeableReads, requirements, requiredChecks, pullFiles, files, repositoryFiles };
}

/** Worker dependencies over an in-memory store and the fake repository; the model is never called. */
export function fakeDeps(repo: FakeRepo, now = 1_700_000_000_000): WorkerDeps & { store: SqliteStore } {
  const store = new SqliteStore(":memory:");
  return {
    store,
    github: {
      installations: () => Promise.resolve([1]),
      repositories: () => Promise.resolve([]),
      forRepo: () => Promise.resolve(repo.github),
    },
    model: { complete: () => Promise.reject(new Error("no model in this test")) },
    log: pino({ level: "silent" }),
    now: () => now,
    botLogin: "foreman[bot]",
    modelFor: () => "m",
  };
}
