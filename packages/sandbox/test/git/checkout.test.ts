import { access, lstat, mkdir, readFile, readlink, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GitCheckoutError, GitObjectNotFoundError } from "../../src/github/git/errors.ts";
import { AUTHOR, useRepository } from "./helpers.ts";

async function listRecursive(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) =>
      entry.isDirectory() ? listRecursive(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    ),
  );
  return nested.flat().sort();
}

describe("GitRepository.checkout", () => {
  const fixture = useRepository();

  it("writes exactly the files of the commit, with the executable bit and symlinks", async () => {
    const { repo, root } = fixture;
    const first = await repo.seed(
      {
        "README.md": "v1\r\n",
        "bin/test.sh": { content: "#!/bin/sh\nexit 0\n", mode: "100755" },
        "docs/link": { content: "../README.md", mode: "120000" },
      },
      { branch: "main", message: "one", author: AUTHOR },
    );
    await repo.seed({ "README.md": "v2\n", "later.txt": "later\n" }, { branch: "main", message: "two", author: AUTHOR });
    const dir = join(root, "work");

    await repo.checkout(first, dir);

    expect(await listRecursive(dir)).toEqual(["README.md", "bin/test.sh", "docs/link"]);
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("v1\r\n");
    expect((await stat(join(dir, "bin/test.sh"))).mode & 0o111).not.toBe(0);
    expect((await stat(join(dir, "README.md"))).mode & 0o111).toBe(0);
    expect((await lstat(join(dir, "docs/link"))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, "docs/link"))).toBe("../README.md");
  });

  it("refuses a directory that is not empty", async () => {
    const { repo, root } = fixture;
    const sha = await repo.seed({ "a.txt": "a" }, { branch: "main", message: "one", author: AUTHOR });
    const dir = join(root, "busy");
    await mkdir(dir);
    await writeFile(join(dir, "keep.txt"), "mine");

    await expect(repo.checkout(sha, dir)).rejects.toBeInstanceOf(GitCheckoutError);
    expect(await readdir(dir)).toEqual(["keep.txt"]);
  });

  it("creates a temporary checkout of a branch and removes it on dispose", async () => {
    const { repo } = fixture;
    await repo.seed({ "package.json": "{}\n" }, { branch: "main", message: "one", author: AUTHOR });

    const checkout = await repo.createTempCheckout("main");
    const files = await readdir(checkout.dir);
    await checkout.dispose();

    expect(files).toEqual(["package.json"]);
    await expect(access(checkout.dir)).rejects.toThrow();
  });

  it("refuses to check out an unknown commit", async () => {
    const { repo, root } = fixture;

    await expect(repo.checkout("c".repeat(40), join(root, "x"))).rejects.toBeInstanceOf(GitObjectNotFoundError);
  });
});
