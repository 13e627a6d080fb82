import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupKey } from "../../../../src/adapters/checks/lockfiles.ts";
import { untrackedPaths } from "../../../../src/adapters/checks/untracked.ts";

let root: string;

async function put(path: string, content = "x\n"): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "untracked-test-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("what a setup created", () => {
  it("is the top of every untracked folder and every untracked file, links not followed, .git left out", async () => {
    const tracked = ["package.json", "packages/a/package.json", "packages/a/src/index.js", "README.md"];
    for (const path of tracked) await put(path);
    await put(".git", "gitdir: elsewhere\n");
    await put("node_modules/left-pad/index.js");
    await put("packages/a/node_modules/b/index.js");
    await put("packages/a/src/generated.js");
    await put(".venv/bin/python");
    await symlink("/etc", join(root, "packages/a/etc-link"));

    expect(await untrackedPaths(root, tracked)).toEqual([
      ".venv",
      "node_modules",
      "packages/a/etc-link",
      "packages/a/node_modules",
      "packages/a/src/generated.js",
    ]);
  });
});

describe("the setup's cache key", () => {
  it("changes with the setup line and with any lockfile at the root, not with other files", async () => {
    await put("package-lock.json", "{}\n");
    await put("requirements-dev.txt", "pytest\n");
    await put("src/index.js", "one\n");
    const key = await setupKey(root, "npm ci", ["v24.0.0"]);

    await put("src/index.js", "two\n");
    expect(await setupKey(root, "npm ci", ["v24.0.0"])).toBe(key);
    expect(await setupKey(root, "npm install", ["v24.0.0"])).not.toBe(key);
    expect(await setupKey(root, "npm ci", ["v22.0.0"])).not.toBe(key);
    await put("requirements-dev.txt", "pytest==8\n");
    expect(await setupKey(root, "npm ci", ["v24.0.0"])).not.toBe(key);
  });

  it("reads a lockfile that is a link by its target, never what it points to", async () => {
    await symlink("/etc/hostname", join(root, "yarn.lock"));
    const linked = await setupKey(root, "yarn", []);
    await rm(join(root, "yarn.lock"));
    await symlink("/etc/hosts", join(root, "yarn.lock"));

    expect(await setupKey(root, "yarn", [])).not.toBe(linked);
  });
});
