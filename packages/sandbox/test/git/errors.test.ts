import { describe, expect, it } from "vitest";
import { GitError, GitInvalidInputError, GitObjectNotFoundError } from "../../src/github/git/errors.ts";
import { AUTHOR, useRepository } from "./helpers.ts";

describe("GitRepository typed errors for unknown objects", () => {
  const fixture = useRepository();
  const unknown = "d".repeat(40);

  it("raises GitObjectNotFoundError for unknown blobs, commits and trees", async () => {
    const { repo } = fixture;

    const attempts = [
      () => repo.readBlob(unknown),
      () => repo.getCommit(unknown),
      () => repo.getTree(unknown),
      () => repo.listFiles("no-such-branch"),
      () => repo.createCommit({ message: "m", tree: unknown, parents: [], author: AUTHOR }),
    ];

    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(GitObjectNotFoundError);
  });

  it("raises GitObjectNotFoundError for a parent that is not a commit", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });
    const tree = (await repo.getCommit(sha)).tree;

    const attempt = repo.createCommit({ message: "m", tree, parents: [tree], author: AUTHOR });

    await expect(attempt).rejects.toBeInstanceOf(GitObjectNotFoundError);
    await expect(attempt).rejects.toThrow(`parent ${tree} is not a valid commit`);
  });

  it("raises GitInvalidInputError for malformed shas and identities, all of them GitErrors", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });
    const tree = (await repo.getCommit(sha)).tree;

    const attempts = [
      () => repo.readBlob("not-a-sha"),
      () => repo.createCommit({ message: "m", tree, parents: [], author: { name: "x", email: "a>b" } }),
      () => repo.createCommit({ message: "m", tree, parents: [], author: { name: "x", email: "x@y", date: "yesterday" } }),
    ];

    for (const attempt of attempts) {
      const error: unknown = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitInvalidInputError);
      expect(error).toBeInstanceOf(GitError);
    }
  });

  it("returns null rather than throwing for lookups of missing things", async () => {
    const { repo } = fixture;

    expect(await repo.getRef("heads/none")).toBeNull();
    expect(await repo.getRef("not a ref")).toBeNull();
    expect(await repo.readFile("main", "a.txt")).toBeNull();
    expect(await repo.hasObject(unknown)).toBe(false);
  });
});
