import { describe, expect, it } from "vitest";
import { RepoConfig } from "../../../src/config/index.ts";
import { GitHubCallError } from "../../../src/ports/errors.ts";
import type { CommitTitle, RepoReads } from "../../../src/ports/github.ts";
import { detectedTitleStyle, HISTORY_COMMITS } from "../../../src/worker/intake/title-style.ts";
import { fakeDeps, fakeRepo } from "./fake-repo.ts";

const deps = fakeDeps(fakeRepo());

/** A repository whose only read is the history; every read is counted with its limit. */
function history(answer: () => Promise<CommitTitle[]>): { github: RepoReads; limits: number[] } {
  const limits: number[] = [];
  const github = {
    recentCommitTitles: (limit: number) => {
      limits.push(limit);
      return answer();
    },
  } as Partial<RepoReads> as RepoReads;
  return { github, limits };
}

const conventional: CommitTitle[] = [
  { title: "feat(stats): add sum()", merge: false },
  { title: "Merge pull request #3 from acme/x", merge: true },
  { title: "fix: sum of []", merge: false },
  { title: "docs: the README", merge: false },
  { title: "Initial commit", merge: false },
];

describe("detectedTitleStyle", () => {
  it("reads the default branch's last 20 commits once for auto, and finds Conventional Commits", async () => {
    const repo = history(() => Promise.resolve(conventional));

    const style = await detectedTitleStyle(deps, repo.github, RepoConfig.parse({}));

    expect(style).toBe("conventional");
    expect(repo.limits).toEqual([HISTORY_COMMITS]);
    expect(HISTORY_COMMITS).toBe(20);
  });

  it.each(["conventional", "plain"] as const)("reads nothing when pullRequests.title is %s", async (title) => {
    const repo = history(() => Promise.resolve(conventional));

    const style = await detectedTitleStyle(deps, repo.github, RepoConfig.parse({ pullRequests: { title } }));

    expect(style).toBeUndefined();
    expect(repo.limits).toEqual([]);
  });

  it("leaves the titles plain when GitHub refuses the read", async () => {
    const repo = history(() => Promise.reject(new GitHubCallError("Git Repository is empty.", 409, "conflict", null)));

    await expect(detectedTitleStyle(deps, repo.github, RepoConfig.parse({}))).resolves.toBeUndefined();
  });

  it("throws a rate limit or a server error, so that the intake runs again", async () => {
    const repo = history(() => Promise.reject(new GitHubCallError("Bad gateway", 502, "server", null)));

    await expect(detectedTitleStyle(deps, repo.github, RepoConfig.parse({}))).rejects.toThrow("Bad gateway");
  });
});
