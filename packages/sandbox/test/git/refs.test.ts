import { describe, expect, it } from "vitest";
import {
  GitInvalidRefNameError,
  GitNotFastForwardError,
  GitObjectNotFoundError,
  GitRefExistsError,
  GitRefNotFoundError,
} from "../../src/github/git/errors.ts";
import { AUTHOR, commitOn, useRepository } from "./helpers.ts";

describe("GitRepository refs", () => {
  const fixture = useRepository();

  it("refuses a non-fast-forward update and accepts it with force", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const tip = await commitOn(repo, root, { "a.txt": "main\n" });
    const sideways = await commitOn(repo, root, { "a.txt": "side\n" });
    await repo.updateRef("heads/main", tip);

    const refused = repo.updateRef("heads/main", sideways, { force: false });

    await expect(refused).rejects.toBeInstanceOf(GitNotFastForwardError);
    expect(await repo.getRef("heads/main")).toBe(tip);
    await repo.updateRef("heads/main", sideways, { force: true });
    expect(await repo.getRef("heads/main")).toBe(sideways);
  });

  it("creates, lists by prefix and deletes refs", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });

    await repo.createRef("refs/heads/foreman/1/a", sha);
    await repo.createRef("heads/foreman/2/b", sha);
    await repo.createRef("tags/v1", sha);

    expect(await repo.listRefs("heads/foreman/")).toEqual([
      { ref: "refs/heads/foreman/1/a", sha },
      { ref: "refs/heads/foreman/2/b", sha },
    ]);
    expect((await repo.listRefs("")).map((info) => info.ref)).toEqual([
      "refs/heads/foreman/1/a",
      "refs/heads/foreman/2/b",
      "refs/heads/main",
      "refs/tags/v1",
    ]);
    await repo.deleteRef("heads/foreman/1/a");
    expect(await repo.getRef("heads/foreman/1/a")).toBeNull();
    await expect(repo.deleteRef("heads/foreman/1/a")).rejects.toBeInstanceOf(GitRefNotFoundError);
  });

  it("refuses to create a ref that exists or whose path is taken", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    await repo.createRef("heads/feature", sha);

    await expect(repo.createRef("heads/main", sha)).rejects.toBeInstanceOf(GitRefExistsError);
    await expect(repo.createRef("heads/feature/sub", sha)).rejects.toMatchObject({
      constructor: GitRefExistsError,
      existing: "refs/heads/feature",
    });
  });

  it("refuses refs pointing at unknown objects and updates of missing refs", async () => {
    const { repo } = fixture;
    const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });

    await expect(repo.createRef("heads/x", "a".repeat(40))).rejects.toBeInstanceOf(GitObjectNotFoundError);
    await expect(repo.updateRef("heads/main", "b".repeat(40))).rejects.toBeInstanceOf(GitObjectNotFoundError);
    await expect(repo.updateRef("heads/missing", sha)).rejects.toBeInstanceOf(GitRefNotFoundError);
  });

  it.each(["main", "refs/main", "heads/a..b", "heads/x.lock", "heads/with space", "heads/-/"])(
    "rejects the invalid ref name %j",
    async (name) => {
      const { repo } = fixture;
      const sha = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });

      await expect(repo.createRef(name, sha)).rejects.toBeInstanceOf(GitInvalidRefNameError);
    },
  );

  it("lets exactly one of two racing creations of the same ref win", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const left = await commitOn(repo, root, { "a.txt": "left\n" });
    const right = await commitOn(repo, root, { "a.txt": "right\n" });

    const results = await Promise.allSettled([repo.createRef("heads/race", left), repo.createRef("heads/race", right)]);

    const winners = results.filter((result) => result.status === "fulfilled");
    const losers = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toBeInstanceOf(GitRefExistsError);
    expect([left, right]).toContain(await repo.getRef("heads/race"));
  });

  it("keeps the ref on a fast-forward chain when sibling updates race", async () => {
    const { repo } = fixture;
    const root = await repo.seed({ "a.txt": "a\n" }, { branch: "main", message: "one", author: AUTHOR });
    const siblings = await Promise.all([1, 2, 3].map((index) => commitOn(repo, root, { [`f${index}.txt`]: `${index}` })));

    const results = await Promise.allSettled(siblings.map((sha) => repo.updateRef("heads/main", sha)));

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(2);
    for (const reason of rejected) expect(reason).toBeInstanceOf(GitNotFastForwardError);
    expect(siblings).toContain(await repo.getRef("heads/main"));
  });
});
