import { describe, expect, it } from "vitest";
import { GitRepository } from "../../src/github/git/git-repository.ts";
import { AUTHOR, text, useRepository } from "./helpers.ts";

describe("GitRepository seeding and reading", () => {
  const fixture = useRepository();

  it("seeds a branch and reads every file back with its mode and blob sha", async () => {
    const { repo } = fixture;

    const sha = await repo.seed(
      { "README.md": "# Demo\n", "src/index.ts": "export const x = 1;\n", "bin/run": { content: "#!/bin/sh\necho hi\n", mode: "100755" } },
      { branch: "main", message: "Initial commit", author: AUTHOR },
    );

    expect(await repo.getRef("heads/main")).toBe(sha);
    expect(await repo.getDefaultBranch()).toBe("main");
    expect(await repo.listFiles("main")).toEqual([
      { path: "README.md", sha: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown, size: 7, mode: "100644" },
      { path: "bin/run", sha: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown, size: 18, mode: "100755" },
      { path: "src/index.ts", sha: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown, size: 20, mode: "100644" },
    ]);
    const readme = await repo.readFile(sha, "README.md");
    expect(readme?.content.toString("utf8")).toBe("# Demo\n");
    expect((await repo.readBlob(readme?.sha ?? "")).content.toString("utf8")).toBe("# Demo\n");
  });

  it("records the given author, message and no parent on the first commit", async () => {
    const { repo } = fixture;

    const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "Initial commit", author: AUTHOR });
    const commit = await repo.getCommit(sha);

    expect(commit).toMatchObject({
      sha,
      parents: [],
      message: "Initial commit",
      author: { name: "Ada Lovelace", email: "ada@example.com", date: "2024-03-01T10:00:00Z" },
      committer: { name: "Ada Lovelace", email: "ada@example.com", date: "2024-03-01T10:00:00Z" },
    });
  });

  it("seeds a second time on top of the existing tip, keeping untouched files", async () => {
    const { repo } = fixture;
    const first = await repo.seed({ "a.txt": "a\n", "b.txt": "b\n" }, { branch: "main", message: "one", author: AUTHOR });

    const second = await repo.seed({ "b.txt": "B\n", "c.txt": "c\n" }, { branch: "main", message: "two", author: AUTHOR });

    expect((await repo.getCommit(second)).parents).toEqual([first]);
    expect((await repo.listFiles("main")).map((file) => file.path)).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(await text(repo, "main", "b.txt")).toBe("B\n");
  });

  it("resolves branch names, qualified refs, tags and abbreviated shas to the commit", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "feature/x", message: "one", author: AUTHOR });
    await repo.createRef("refs/tags/v1", sha);

    const resolved = await Promise.all(
      ["feature/x", "heads/feature/x", "refs/heads/feature/x", "v1", "tags/v1", sha, sha.slice(0, 10), sha.toUpperCase()].map((name) =>
        repo.resolve(name),
      ),
    );

    expect(resolved).toEqual(Array.from({ length: 8 }, () => sha));
    expect(await repo.resolve("missing")).toBeNull();
    expect(await repo.resolve("0".repeat(40))).toBeNull();
  });

  it("lists a directory with names, full paths and types, and returns null for files and missing paths", async () => {
    const { repo } = fixture;
    await repo.seed({ "src/a.ts": "a\n", "src/lib/b.ts": "bb\n", "top.txt": "t\n" }, { branch: "main", message: "one", author: AUTHOR });

    const listing = await repo.listDirectory("main", "src");

    expect(listing?.map(({ name, path, type, size }) => ({ name, path, type, size }))).toEqual([
      { name: "a.ts", path: "src/a.ts", type: "blob", size: 2 },
      { name: "lib", path: "src/lib", type: "tree", size: 0 },
    ]);
    expect((await repo.listDirectory("main", ""))?.map((entry) => entry.path)).toEqual(["src", "top.txt"]);
    expect(await repo.listDirectory("main", "top.txt")).toBeNull();
    expect(await repo.listDirectory("main", "nope")).toBeNull();
    expect(await repo.readFile("main", "src")).toBeNull();
    expect(await repo.readFile("main", "src/missing.ts")).toBeNull();
  });

  it("returns a recursive tree for a commit sha, a tree sha or a branch, listing subtrees first", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "src/a.ts": "a\n", "z.txt": "z\n" }, { branch: "main", message: "one", author: AUTHOR });
    const treeSha = (await repo.getCommit(sha)).tree;

    const fromCommit = await repo.getTree(sha, { recursive: true });
    const fromTree = await repo.getTree(treeSha, { recursive: true });
    const fromBranch = await repo.getTree("main");

    expect(fromCommit).toEqual(fromTree);
    expect(fromCommit.sha).toBe(treeSha);
    expect(fromCommit.tree.map(({ path, type, mode }) => ({ path, type, mode }))).toEqual([
      { path: "src", type: "tree", mode: "040000" },
      { path: "src/a.ts", type: "blob", mode: "100644" },
      { path: "z.txt", type: "blob", mode: "100644" },
    ]);
    expect(fromBranch.tree.map((item) => item.path)).toEqual(["src", "z.txt"]);
    expect(fromBranch.tree[1]?.size).toBe(2);
  });

  it("stores base64 blobs byte for byte", async () => {
    const { repo } = fixture;
    const bytes = Buffer.from([0, 255, 13, 10, 1]);

    const sha = await repo.createBlob(bytes.toString("base64"), "base64");

    expect((await repo.readBlob(sha)).content).toEqual(bytes);
    expect(await repo.hasObject(sha, "blob")).toBe(true);
    expect(await repo.hasObject(sha, "tree")).toBe(false);
  });

  it("opens an existing bare repository and refuses a directory that is not one", async () => {
    const { repo, root } = fixture;

    const reopened = await GitRepository.open(repo.gitDir);

    expect(reopened.gitDir).toBe(repo.gitDir);
    await expect(GitRepository.open(root)).rejects.toThrow(/not a bare git repository/);
  });
});
