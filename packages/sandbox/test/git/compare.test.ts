import { describe, expect, it } from "vitest";
import { GitNoCommonAncestorError, GitObjectNotFoundError } from "../../src/github/git/errors.ts";
import { AUTHOR, commitOn, useRepository } from "./helpers.ts";

describe("GitRepository.compare", () => {
  const fixture = useRepository();

  it("reports identical, ahead, behind and diverged with counts and base..head commits", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const head1 = await commitOn(repo, root, { "b.txt": "b\n" });
    const head2 = await commitOn(repo, head1, { "c.txt": "c\n" });
    const other = await commitOn(repo, root, { "d.txt": "d\n" });

    const identical = await repo.compare(root, root);
    const ahead = await repo.compare(root, head2);
    const behind = await repo.compare(head2, root);
    const diverged = await repo.compare(other, head2);

    expect(identical).toMatchObject({ status: "identical", aheadBy: 0, behindBy: 0, mergeBase: root, commits: [], files: [] });
    expect(ahead).toMatchObject({ status: "ahead", aheadBy: 2, behindBy: 0, mergeBase: root, commits: [head1, head2] });
    expect(behind).toMatchObject({ status: "behind", aheadBy: 0, behindBy: 2, mergeBase: root, commits: [] });
    expect(diverged).toMatchObject({ status: "diverged", aheadBy: 2, behindBy: 1, mergeBase: root, commits: [head1, head2] });
  });

  it("lists files changed since the merge base with additions, deletions and hunks", async () => {
    const { repo } = fixture;
    const root = await repo.seed(
      { "edit.txt": "one\ntwo\nthree\n", "gone.txt": "bye\n", "move-me.txt": "same content\nover lines\n" },
      { branch: "main", message: "one", author: AUTHOR },
    );
    const baseMoved = await commitOn(repo, root, { "base-only.txt": "not in the diff\n" });
    const head = await commitOn(repo, root, {
      "edit.txt": "one\n2\nthree\nfour\n",
      "gone.txt": null,
      "new.txt": "fresh\n",
      "move-me.txt": null,
      "moved.txt": "same content\nover lines\n",
    });

    const { files } = await repo.compare(baseMoved, head);

    expect(
      files.map(({ filename, status, additions, deletions, changes }) => ({ filename, status, additions, deletions, changes })),
    ).toEqual([
      { filename: "edit.txt", status: "modified", additions: 2, deletions: 1, changes: 3 },
      { filename: "gone.txt", status: "removed", additions: 0, deletions: 1, changes: 1 },
      { filename: "moved.txt", status: "renamed", additions: 0, deletions: 0, changes: 0 },
      { filename: "new.txt", status: "added", additions: 1, deletions: 0, changes: 1 },
    ]);
    expect(files[0]?.patch).toBe("@@ -1,3 +1,4 @@\n one\n-two\n+2\n three\n+four");
    expect(files[2]?.previousFilename).toBe("move-me.txt");
    expect(files[2]?.patch).toBeUndefined();
    expect(files[3]?.sha).toBe((await repo.readFile(head, "new.txt"))?.sha);
  });

  it("reports a file turned into a symlink as changed", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ link: "target\n" }, { branch: "main", message: "one", author: AUTHOR });
    const base = await repo.getCommit(root);
    const tree = await repo.createTree([{ path: "link", mode: "120000", type: "blob", content: "target" }], base.tree);
    const head = await repo.createCommit({ message: "symlink", tree, parents: [root], author: AUTHOR });

    const { files } = await repo.compare(root, head);

    expect(files).toMatchObject([{ filename: "link", status: "changed", additions: 1, deletions: 1 }]);
  });

  it("refuses unknown revisions and unrelated histories with typed errors", async () => {
    const { repo } = fixture;
    const main = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const orphan = await repo.seed({ "b.txt": "b\n" }, { branch: "orphan", message: "two", author: AUTHOR });

    await expect(repo.compare(main, "no-such-branch")).rejects.toBeInstanceOf(GitObjectNotFoundError);
    await expect(repo.compare(main, orphan)).rejects.toBeInstanceOf(GitNoCommonAncestorError);
  });

  it("answers ancestry questions", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const child = await commitOn(repo, root, { "b.txt": "b\n" });
    const sibling = await commitOn(repo, root, { "c.txt": "c\n" });

    expect(await repo.isAncestor(root, child)).toBe(true);
    expect(await repo.isAncestor(child, root)).toBe(false);
    expect(await repo.mergeBase(child, sibling)).toBe(root);
  });
});
