import { describe, expect, it } from "vitest";
import { AUTHOR, COMMITTER, commitOn, text, useRepository } from "./helpers.ts";
import type { GitRepository } from "../../src/github/git/git-repository.ts";

interface Branches {
  root: string;
  base: string;
  head: string;
}

/** main edits the top of a.txt and adds main.txt; the feature edits the bottom of a.txt in two commits. */
async function divergedBranches(repo: GitRepository): Promise<Branches> {
  const root = await repo.seed({ "a.txt": "top\nmiddle\nbottom\n" }, { branch: "main", message: "root", author: AUTHOR });
  const base = await commitOn(repo, root, { "a.txt": "TOP\nmiddle\nbottom\n", "main.txt": "main\n" }, "main work");
  const feature1 = await commitOn(repo, root, { "a.txt": "top\nmiddle\nBOTTOM\n" }, "feature one");
  const head = await commitOn(repo, feature1, { "feature.txt": "feature\n" }, "feature two");
  return { root, base, head };
}

describe("GitRepository.merge", () => {
  const fixture = useRepository();

  it("creates a two-parent merge commit with both sides' changes", async () => {
    const { repo } = fixture;
    const { base, head } = await divergedBranches(repo);

    const result = await repo.merge({ base, head, message: "Merge feature", method: "merge", author: AUTHOR, committer: COMMITTER });

    if (result.conflict) throw new Error("expected a clean merge");
    const commit = await repo.getCommit(result.sha);
    expect(commit.parents).toEqual([base, head]);
    expect(commit.message).toBe("Merge feature");
    expect(commit.committer).toEqual({ name: "Merge Bot", email: "bot@example.com", date: "2024-03-02T12:00:00Z" });
    expect(await text(repo, result.sha, "a.txt")).toBe("TOP\nmiddle\nBOTTOM\n");
    expect((await repo.listFiles(result.sha)).map((file) => file.path)).toEqual(["a.txt", "feature.txt", "main.txt"]);
  });

  it("creates a single-parent squash commit on base with the merged tree", async () => {
    const { repo } = fixture;
    const { base, head } = await divergedBranches(repo);

    const merged = await repo.merge({ base, head, message: "Merge", method: "merge", author: AUTHOR });
    const squashed = await repo.merge({ base, head, message: "Feature (#1)", method: "squash", author: AUTHOR });

    if (squashed.conflict || merged.conflict) throw new Error("expected clean merges");
    const commit = await repo.getCommit(squashed.sha);
    expect(commit.parents).toEqual([base]);
    expect(commit.message).toBe("Feature (#1)");
    expect(commit.tree).toBe((await repo.getCommit(merged.sha)).tree);
  });

  it("replays each head commit on base when rebasing, keeping authors and messages", async () => {
    const { repo } = fixture;
    const { base, head } = await divergedBranches(repo);

    const result = await repo.merge({ base, head, message: "ignored", method: "rebase", author: AUTHOR, committer: COMMITTER });

    if (result.conflict) throw new Error("expected a clean rebase");
    const last = await repo.getCommit(result.sha);
    const first = await repo.getCommit(last.parents[0] ?? "");
    expect(first.parents).toEqual([base]);
    expect([first.message, last.message]).toEqual(["feature one", "feature two"]);
    expect(last.author).toEqual({ name: AUTHOR.name, email: AUTHOR.email, date: "2024-03-01T10:00:00Z" });
    expect(last.committer.name).toBe("Merge Bot");
    expect(await text(repo, first.sha, "a.txt")).toBe("TOP\nmiddle\nBOTTOM\n");
    expect(await text(repo, first.sha, "feature.txt")).toBeUndefined();
    expect(await text(repo, last.sha, "feature.txt")).toBe("feature\n");
    expect(await repo.isAncestor(base, last.sha)).toBe(true);
  });

  it("returns the conflicting files instead of a commit", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n" }, { branch: "main", message: "root", author: AUTHOR });
    const base = await commitOn(repo, root, { "a.txt": "base\n", "b.txt": "base\n", "c.txt": "C\n" });
    const head = await commitOn(repo, root, { "a.txt": "head\n", "b.txt": "head\n" });

    const merge = await repo.merge({ base, head, message: "Merge", method: "merge", author: AUTHOR });
    const rebase = await repo.merge({ base, head, message: "Merge", method: "rebase", author: AUTHOR });
    const probe = await repo.tryMergeTree(base, head);

    expect(merge).toEqual({ conflict: true, files: ["a.txt", "b.txt"] });
    expect(rebase).toEqual({ conflict: true, files: ["a.txt", "b.txt"] });
    expect(probe).toEqual({ conflict: true, files: ["a.txt", "b.txt"] });
    expect(await repo.getRef("heads/main")).toBe(root);
  });

  it("reports the merged tree of mergeable branches", async () => {
    const { repo } = fixture;
    const { base, head } = await divergedBranches(repo);

    const probe = await repo.tryMergeTree(base, head);

    if (probe.conflict) throw new Error("expected a clean merge");
    const paths = (await repo.getTree(probe.tree)).tree.map((item) => item.path);
    expect(paths).toEqual(["a.txt", "feature.txt", "main.txt"]);
  });
});
