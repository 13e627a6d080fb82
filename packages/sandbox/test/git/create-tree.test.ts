import { describe, expect, it } from "vitest";
import { GitInvalidInputError, GitObjectNotFoundError, GitTreeError } from "../../src/github/git/errors.ts";
import { AUTHOR, text, useRepository } from "./helpers.ts";

describe("GitRepository.createTree", () => {
  const fixture = useRepository();

  it("commits an inline file, a nested path and a deletion on top of base_tree, then fast-forwards the branch", async () => {
    const { repo } = fixture;
    const parent = await repo.seed(
      { "README.md": "hello\n", "old.txt": "remove me\n", "src/keep.ts": "keep\n" },
      { branch: "main", message: "Initial commit", author: AUTHOR },
    );
    const baseTree = (await repo.getCommit(parent)).tree;
    const blob = await repo.createBlob("#!/bin/sh\nexit 0\n", "utf-8");

    const tree = await repo.createTree(
      [
        { path: "README.md", mode: "100644", type: "blob", content: "hello world\n" },
        { path: "src/deep/nested/file.ts", mode: "100644", type: "blob", content: "export {};\n" },
        { path: "scripts/check.sh", mode: "100755", type: "blob", sha: blob },
        { path: "old.txt", mode: "100644", type: "blob", sha: null },
      ],
      baseTree,
    );
    const commit = await repo.createCommit({ message: "Three files", tree, parents: [parent], author: AUTHOR });
    await repo.updateRef("heads/main", commit, { force: false });

    expect(await repo.getRef("heads/main")).toBe(commit);
    expect((await repo.listFiles("main")).map(({ path, mode }) => `${mode} ${path}`)).toEqual([
      "100644 README.md",
      "100755 scripts/check.sh",
      "100644 src/deep/nested/file.ts",
      "100644 src/keep.ts",
    ]);
    expect(await text(repo, "main", "README.md")).toBe("hello world\n");
    expect(await repo.readFile("main", "old.txt")).toBeNull();
    expect((await repo.getCommit(commit)).parents).toEqual([parent]);
  });

  it("builds a tree from nothing when no base_tree is given", async () => {
    const { repo } = fixture;

    const tree = await repo.createTree([
      { path: "a/b/c.txt", mode: "100644", type: "blob", content: "c" },
      { path: "d.txt", mode: "100644", type: "blob", content: "d" },
    ]);

    const listing = await repo.getTree(tree, { recursive: true });
    expect(listing.tree.map((item) => item.path)).toEqual(["a", "a/b", "a/b/c.txt", "d.txt"]);
  });

  it("deletes a whole directory and grafts an existing subtree at a new path", async () => {
    const { repo } = fixture;
    const parent = await repo.seed(
      { "lib/a.ts": "a", "lib/sub/b.ts": "b", "x.txt": "x" },
      { branch: "main", message: "one", author: AUTHOR },
    );
    const baseTree = (await repo.getCommit(parent)).tree;
    const libTree = (await repo.listDirectory(parent, ""))?.find((entry) => entry.name === "lib")?.sha ?? "";

    const tree = await repo.createTree(
      [
        { path: "lib", mode: "040000", type: "tree", sha: null },
        { path: "vendor/lib", mode: "040000", type: "tree", sha: libTree },
      ],
      baseTree,
    );

    const paths = (await repo.getTree(tree, { recursive: true })).tree.filter((item) => item.type === "blob").map((item) => item.path);
    expect(paths).toEqual(["vendor/lib/a.ts", "vendor/lib/sub/b.ts", "x.txt"]);
  });

  it("rejects deleting a path that does not exist in base_tree", async () => {
    const { repo } = fixture;
    const parent = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });
    const baseTree = (await repo.getCommit(parent)).tree;

    const attempt = repo.createTree([{ path: "missing.txt", mode: "100644", type: "blob", sha: null }], baseTree);

    await expect(attempt).rejects.toBeInstanceOf(GitTreeError);
    await expect(attempt).rejects.toThrow(/missing\.txt/);
  });

  it("rejects a tree whose base_tree does not exist", async () => {
    const { repo } = fixture;

    const attempt = repo.createTree([{ path: "a.txt", mode: "100644", type: "blob", content: "a" }], "1".repeat(40));

    await expect(attempt).rejects.toBeInstanceOf(GitObjectNotFoundError);
    await expect(attempt).rejects.toThrow(`${"1".repeat(40)} is not a valid tree`);
  });

  it("rejects an entry whose sha is not an object, or not a blob", async () => {
    const { repo } = fixture;
    const commit = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });

    const unknown: unknown = await repo
      .createTree([{ path: "b.txt", mode: "100644", type: "blob", sha: "2".repeat(40) }])
      .catch((error: unknown) => error);
    const wrongType: unknown = await repo
      .createTree([{ path: "b.txt", mode: "100644", type: "blob", sha: commit }])
      .catch((error: unknown) => error);

    expect(unknown).toBeInstanceOf(GitObjectNotFoundError);
    expect((unknown as Error).message).toBe(`tree.sha ${"2".repeat(40)} is not a valid blob`);
    expect(wrongType).toBeInstanceOf(GitObjectNotFoundError);
    expect((wrongType as Error).message).toBe(`tree.sha ${commit} is not a valid blob`);
  });

  it.each([
    ["a leading slash", { path: "/a.txt", mode: "100644", type: "blob", content: "a" }],
    ["a dot-dot segment", { path: "a/../b.txt", mode: "100644", type: "blob", content: "a" }],
    ["a .git segment", { path: ".git/config", mode: "100644", type: "blob", content: "a" }],
    ["a mode that does not match the type", { path: "a", mode: "040000", type: "blob", content: "a" }],
    ["both sha and content", { path: "a", mode: "100644", type: "blob", content: "a", sha: "3".repeat(40) }],
    ["neither sha nor content", { path: "a", mode: "100644", type: "blob" }],
  ] as const)("rejects an entry with %s", async (_label, entry) => {
    const { repo } = fixture;

    const attempt = repo.createTree([entry]);

    await expect(attempt).rejects.toBeInstanceOf(GitTreeError);
  });

  it("rejects base64 content that is not base64", async () => {
    const { repo } = fixture;

    await expect(repo.createBlob("not base64!", "base64")).rejects.toBeInstanceOf(GitInvalidInputError);
  });

  it("writes concurrent trees from the same base independently", async () => {
    const { repo } = fixture;
    const parent = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });
    const baseTree = (await repo.getCommit(parent)).tree;

    const trees = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        repo.createTree([{ path: `file-${index}.txt`, mode: "100644", type: "blob", content: `${index}` }], baseTree),
      ),
    );

    const listings = await Promise.all(trees.map((tree) => repo.getTree(tree)));
    expect(listings.map((listing) => listing.tree.map((item) => item.path))).toEqual(
      Array.from({ length: 6 }, (_, index) => ["a.txt", `file-${index}.txt`]),
    );
  });
});
